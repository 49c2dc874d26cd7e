"""Loading published verdicts: what readers, feeds, exports and the API see of a claim.

A `PublishedVerdict` (see `publication_views`) bundles a claim with its verdict, rating, appearances
(first appearance first), sources, public revisions and related claims. `load_bundles` fills any
number of them with a fixed handful of queries (no query per row), so a page, a listing and a
streamed export of 100,000 verdicts cost the same per batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import or_
from sqlalchemy.orm import Bundle
from sqlmodel import Session, col, select

from claimtrack.models import (
    Appearance,
    Claim,
    ClaimLink,
    ClaimTag,
    LinkState,
    RatingLabel,
    Source,
    Story,
    User,
    Verdict,
    VerdictRevision,
    VerdictState,
)
from claimtrack.publishing.views import (
    AppearanceView,
    ClaimView,
    PublishedVerdict,
    RatingView,
    RelatedView,
    RevisionView,
    SourceView,
    VerdictView,
    claim_path,
    slugify,
)
from claimtrack.services.errors import NotFound

__all__ = [
    "AppearanceView",
    "ClaimView",
    "PublishedVerdict",
    "RatingView",
    "RelatedView",
    "RevisionView",
    "SourceView",
    "VerdictView",
    "appearance_view",
    "claim_path",
    "get_published",
    "load_bundles",
    "preview_bundle",
    "scale_views",
    "slugify",
]

VISIBLE_STATES = (VerdictState.PUBLISHED, VerdictState.WITHDRAWN)
# Revision kinds readers see in the correction history (the first publication is the page itself).
HISTORY_KINDS = ("correction", "withdrawal")


def _rating_view(label: RatingLabel | None) -> RatingView | None:
    if label is None:
        return None
    return RatingView(
        id=label.id or 0,
        key=label.key,
        names=dict(label.names),
        explanations=dict(label.explanations),
        color=label.color,
        ordinal=label.ordinal,
        active=label.active,
    )


def scale_views(session: Session) -> dict[int, RatingView]:
    """Every label (active or not: old verdicts may point at retired labels) by id."""
    labels = session.exec(select(RatingLabel).order_by(col(RatingLabel.position)))
    return {label.id or 0: view for label in labels if (view := _rating_view(label))}


def _bounds(scale: dict[int, RatingView]) -> tuple[int, int] | None:
    values = [r.ordinal for r in scale.values() if r.ordinal is not None and r.active]
    return (min(values), max(values)) if values else None


def appearance_view(a: Appearance, s: Story) -> AppearanceView:
    """The reader's view of one appearance from its ORM rows (the desk's workbench uses it too)."""
    return AppearanceView(
        claim_id=a.claim_id,
        story_id=s.id or 0,
        story_title=s.title,
        story_url=s.url,
        outlet=s.outlet,
        language=s.language,
        appeared_on=a.appeared_on or (s.published_at.date() if s.published_at else None),
        quote=a.quote,
        credited_to=a.credited_to,
    )


# Kept for callers that imported the earlier private name.
_appearance_view = appearance_view

# Only the columns a reader sees: a story's body can be hundreds of kilobytes.
_APPEARANCE_COLUMNS = (
    Appearance.claim_id,
    Appearance.appeared_on,
    Appearance.quote,
    Appearance.credited_to,
    Story.id,
    Story.title,
    Story.url,
    Story.outlet,
    Story.language,
    Story.published_at,
)


def _appearances(session: Session, claim_ids: Iterable[int]) -> dict[int, list[AppearanceView]]:
    ids = sorted(set(claim_ids))
    out: dict[int, list[AppearanceView]] = defaultdict(list)
    if not ids:
        return out
    stmt = (
        select(*_APPEARANCE_COLUMNS)  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
        .join(Story, col(Story.id) == Appearance.story_id)
        .where(
            col(Appearance.claim_id).in_(ids),
            col(Appearance.deleted_at).is_(None),
            col(Story.deleted_at).is_(None),
        )
        .order_by(col(Appearance.id))
    )
    for (
        claim_id,
        on,
        quote,
        credited,
        story_id,
        title,
        url,
        outlet,
        language,
        published,
    ) in session.exec(stmt):
        out[claim_id].append(
            AppearanceView(
                claim_id=claim_id,
                story_id=story_id or 0,
                story_title=title,
                story_url=url,
                outlet=outlet,
                language=language,
                appeared_on=on or (published.date() if published else None),
                quote=quote,
                credited_to=credited,
            )
        )
    for views in out.values():
        # First appearance first; undated ones last, in the order they were recorded.
        views.sort(key=lambda v: (v.appeared_on is None, v.appeared_on or date.min))
    return out


def _cluster_appearances(
    session: Session, rows: Sequence[ClaimVerdict]
) -> dict[int, list[AppearanceView]]:
    """Each claim's appearances together with those of the claims confirmed as the same (its
    cluster), as the desk's preview shows them: the German and the English story of one claim."""
    root_of = {c.id or 0: c.canonical_claim_id or c.id or 0 for c, _ in rows}
    roots = set(root_of.values())
    members: dict[int, set[int]] = defaultdict(set)
    stmt = select(Claim.id, Claim.canonical_claim_id).where(
        or_(col(Claim.id).in_(roots), col(Claim.canonical_claim_id).in_(roots)),
        col(Claim.deleted_at).is_(None),
    )
    for member_id, canonical_id in session.exec(stmt):
        members[canonical_id or member_id or 0].add(member_id or 0)
    wanted = {cid: members[root] | {cid} for cid, root in root_of.items()}
    found = _appearances(session, {m for ms in wanted.values() for m in ms})
    out: dict[int, list[AppearanceView]] = {}
    for cid, ids in wanted.items():
        # The claim's own appearances first, so a story quoting two members is listed once.
        ordered = [cid, *sorted(ids - {cid})]
        views, stories = [], set()
        for v in (v for m in ordered for v in found.get(m, [])):
            if v.story_id not in stories:
                stories.add(v.story_id)
                views.append(replace(v, claim_id=cid))
        views.sort(key=lambda v: (v.appeared_on is None, v.appeared_on or date.min))
        out[cid] = views
    return out


# Columns, not ORM entities: building model instances was most of a streamed export's time.
_SOURCE_COLUMNS = (Source.claim_id, Source.id, Source.url, Source.title, Source.publisher,
                   Source.kind, Source.accessed_on, Source.archive_url, Source.note)  # fmt: skip


def _sources(session: Session, claim_ids: list[int]) -> dict[int, list[SourceView]]:
    out: dict[int, list[SourceView]] = defaultdict(list)
    stmt = (
        select(*_SOURCE_COLUMNS)  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
        .where(col(Source.claim_id).in_(claim_ids), col(Source.deleted_at).is_(None))
        .order_by(col(Source.position), col(Source.id))
    )
    for claim_id, *fields in session.exec(stmt):
        out[claim_id].append(SourceView(*fields))
    return out


def _tags(session: Session, claim_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    stmt = (
        select(ClaimTag.claim_id, ClaimTag.tag)
        .where(col(ClaimTag.claim_id).in_(claim_ids))
        .order_by(ClaimTag.tag)
    )
    for claim_id, tag in session.exec(stmt):
        out[claim_id].append(tag)
    return out


def _corrections(
    session: Session, verdict_ids: list[int], scale: dict[int, RatingView]
) -> dict[int, list[RevisionView]]:
    out: dict[int, list[RevisionView]] = defaultdict(list)
    stmt = (
        select(  # type: ignore[call-overload]  # sqlmodel types up to 4 columns
            VerdictRevision.verdict_id,
            VerdictRevision.number,
            VerdictRevision.kind,
            VerdictRevision.note,
            VerdictRevision.at,
            VerdictRevision.old_rating_id,
            VerdictRevision.new_rating_id,
        )
        .where(
            col(VerdictRevision.verdict_id).in_(verdict_ids),
            col(VerdictRevision.public).is_(True),
            col(VerdictRevision.kind).in_(HISTORY_KINDS),
        )
        .order_by(col(VerdictRevision.number).desc())
    )
    for verdict_id, number, kind, note, at, old_rating, new_rating in session.exec(stmt):
        out[verdict_id].append(
            RevisionView(
                number=number,
                kind=kind,
                note=note,
                at=at,
                old_rating=scale.get(old_rating or 0),
                new_rating=scale.get(new_rating or 0),
            )
        )
    return out


def _links(session: Session, claim_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """Confirmed links of each claim: (other claim id, kind)."""
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    stmt = select(ClaimLink).where(
        ClaimLink.state == LinkState.CONFIRMED,
        or_(col(ClaimLink.claim_a_id).in_(claim_ids), col(ClaimLink.claim_b_id).in_(claim_ids)),
    )
    wanted = set(claim_ids)
    for link in session.exec(stmt):
        if link.claim_a_id in wanted:
            out[link.claim_a_id].append((link.claim_b_id, link.kind))
        if link.claim_b_id in wanted:
            out[link.claim_b_id].append((link.claim_a_id, link.kind))
    return out


def _claim_view(claim: Any, tags: list[str]) -> ClaimView:
    return ClaimView(
        id=claim.id or 0,
        text=claim.text,
        language=claim.language,
        claimant=claim.claimant,
        claimant_kind=claim.claimant_kind,
        claim_date=claim.claim_date,
        figures=list(claim.figures or []),
        tags=tags,
        slug=slugify(claim.text),
    )


def _names(session: Session, rows: Sequence[ClaimVerdict]) -> dict[int, str]:
    """Display names of the verdicts' authors and reviewers (one query)."""
    ids = {i for _, v in rows for i in (v.author_id, v.reviewer_id) if i}
    if not ids:
        return {}
    return {u.id or 0: u.name for u in session.exec(select(User).where(col(User.id).in_(ids)))}


def _verdict_view(v: Any, names: dict[int, str] | None = None) -> VerdictView:
    names = names or {}
    published = v.published_at or v.created_at
    return VerdictView(
        id=v.id or 0,
        headline=v.headline,
        summary=v.summary,
        reasoning=v.reasoning,
        language=v.language,
        state=v.state,
        published_at=published,
        modified_at=v.modified_at or published,
        valid_as_of=v.valid_as_of,
        withdrawn_reason=v.withdrawn_reason,
        version=v.version,
        author=names.get(v.author_id or 0, ""),
        reviewer=names.get(v.reviewer_id or 0, ""),
    )


# Only the columns a reader sees, as rows with the models' attribute names (`c.text`, `v.headline`):
# no JSON decoding of places, dates and worthiness reasons, and no ORM instances (a third of an
# export's time went into building them).
_CLAIM_READ: Bundle[Any] = Bundle("claim", *map(col, (
    Claim.id, Claim.text, Claim.language, Claim.claimant, Claim.claimant_kind, Claim.claim_date,
    Claim.figures, Claim.canonical_claim_id)))  # fmt: skip
_VERDICT_READ: Bundle[Any] = Bundle("verdict", *map(col, (
    Verdict.id, Verdict.claim_id, Verdict.rating_id, Verdict.headline, Verdict.summary,
    Verdict.reasoning, Verdict.language, Verdict.state, Verdict.author_id, Verdict.reviewer_id,
    Verdict.valid_as_of, Verdict.published_at, Verdict.modified_at, Verdict.withdrawn_reason,
    Verdict.created_at, Verdict.version)))  # fmt: skip
# A claim and its verdict as read for readers: rows carrying the attributes the views use.
ClaimVerdict = tuple[Any, Any]


def _visible_rows(
    session: Session, claim_ids: Sequence[int], states: Sequence[str]
) -> list[ClaimVerdict]:
    stmt = (
        select(_CLAIM_READ, _VERDICT_READ)
        .join_from(Claim, Verdict, col(Verdict.claim_id) == Claim.id)
        .where(col(Verdict.claim_id).in_(list(claim_ids)), col(Claim.deleted_at).is_(None))
    )
    # The state is checked here, not in SQL: given `state IN (…)` SQLite drives the query from the
    # state index and walks every published verdict instead of the few ids asked for.
    wanted = set(states)
    return [(c, v) for c, v in session.exec(stmt) if v.state in wanted]


def _related(
    session: Session, links: dict[int, list[tuple[int, str]]], scale: dict[int, RatingView]
) -> dict[int, list[RelatedView]]:
    """Linked claims that readers may see (those with a published verdict), with their appearances."""
    other_ids = sorted({other for pairs in links.values() for other, _ in pairs})
    if not other_ids:
        return {}
    rows = {
        c.id or 0: (c, v) for c, v in _visible_rows(session, other_ids, [VerdictState.PUBLISHED])
    }
    appearances = _appearances(session, rows)
    out: dict[int, list[RelatedView]] = defaultdict(list)
    for claim_id, pairs in links.items():
        for other_id, kind in sorted(pairs):
            if other_id not in rows:
                continue
            c, v = rows[other_id]
            out[claim_id].append(
                RelatedView(
                    claim_id=other_id,
                    text=c.text,
                    slug=slugify(c.text),
                    kind=kind,
                    figures=list(c.figures or []),
                    rating=scale.get(v.rating_id or 0),
                    verdict_language=v.language,
                    appearances=appearances.get(other_id, []),
                )
            )
    return out


def load_bundles(
    session: Session,
    claim_ids: Sequence[int],
    *,
    include_withdrawn: bool = False,
    states: Sequence[str] | None = None,
    summary: bool = False,
    scale: dict[int, RatingView] | None = None,
) -> list[PublishedVerdict]:
    """Bundles of the given claims that have a published (or withdrawn) verdict, in the given order.

    Claims without a visible verdict are left out. At most eight queries, however many ids.
    `states` overrides the verdict states loaded (the desk's preview passes drafts too).
    `summary=True` is for lists: appearances, sources and related claims stay empty (five queries).
    `scale` (from `scale_views`) saves its query when a caller loads many batches (exports).
    """
    if states is None:
        states = list(VISIBLE_STATES) if include_withdrawn else [VerdictState.PUBLISHED]
    rows = _visible_rows(session, claim_ids, states)
    if not rows:
        return []
    ids = [c.id or 0 for c, _ in rows]
    scale = scale if scale is not None else scale_views(session)
    bounds = _bounds(scale)
    tags = _tags(session, ids)
    corrections = _corrections(session, [v.id or 0 for _, v in rows], scale)
    if summary:
        appearances: dict[int, list[AppearanceView]] = {}
        sources: dict[int, list[SourceView]] = {}
        related: dict[int, list[RelatedView]] = {}
    else:
        appearances = _cluster_appearances(session, rows)
        sources = _sources(session, ids)
        related = _related(session, _links(session, ids), scale)
    names = {} if summary else _names(session, rows)
    by_id = {}
    for c, v in rows:
        cid = c.id or 0
        by_id[cid] = PublishedVerdict(
            claim=_claim_view(c, tags.get(cid, [])),
            verdict=_verdict_view(v, names),
            rating=scale.get(v.rating_id or 0),
            scale_bounds=bounds,
            appearances=appearances.get(cid, []),
            sources=sources.get(cid, []),
            corrections=corrections.get(v.id or 0, []),
            related=related.get(cid, []),
        )
    return [by_id[i] for i in claim_ids if i in by_id]


def get_published(session: Session, claim_id: int) -> PublishedVerdict:
    """The bundle of one claim, withdrawn included (its page answers 410). NotFound otherwise."""
    found = load_bundles(session, [claim_id], include_withdrawn=True)
    if not found:
        raise NotFound("No published verdict for claim %(id)s.", {"id": claim_id})
    return found[0]


def preview_bundle(session: Session, claim_id: int) -> PublishedVerdict:
    """The bundle of a claim whatever its verdict's state, for the desk's preview of a draft
    (render it with templates/public/_verdict.html and `preview=True`). NotFound without a verdict."""
    found = load_bundles(session, [claim_id], states=[s.value for s in VerdictState])
    if not found:
        raise NotFound("Claim %(id)s has no verdict yet.", {"id": claim_id})
    return found[0]
