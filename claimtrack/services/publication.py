"""Read models of published verdicts: what readers, feeds, exports and the API see of a claim.

A `PublishedVerdict` bundles a claim with its verdict, rating, appearances (first appearance first),
sources, public revisions and related claims as plain frozen dataclasses, detached from the session.
`load_bundles` fills any number of them with a fixed handful of queries (no query per row), so a page,
a listing and a streamed export of 100,000 verdicts cost the same per batch.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from anyascii import anyascii
from sqlalchemy import func, or_
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
    Verdict,
    VerdictRevision,
    VerdictState,
)

from .errors import NotFound

VISIBLE_STATES = (VerdictState.PUBLISHED, VerdictState.WITHDRAWN)
# Revision kinds readers see in the correction history (the first publication is the page itself).
HISTORY_KINDS = ("correction", "withdrawal")
MAX_SLUG_CHARS = 60


@dataclass(frozen=True)
class RatingView:
    id: int
    key: str
    label_de: str
    label_en: str
    explanation_de: str
    explanation_en: str
    color: str
    ordinal: int | None
    active: bool = True

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_de

    def explanation(self, language: str) -> str:
        return self.explanation_en if language == "en" else self.explanation_de


@dataclass(frozen=True)
class ClaimView:
    id: int
    text: str
    language: str
    claimant: str
    claimant_kind: str
    claim_date: date | None
    figures: list[dict[str, Any]]
    tags: list[str]
    slug: str


@dataclass(frozen=True)
class VerdictView:
    id: int
    headline: str
    summary: str
    reasoning: str
    language: str
    state: str
    published_at: datetime
    modified_at: datetime
    valid_as_of: date | None
    withdrawn_reason: str | None
    version: int


@dataclass(frozen=True)
class AppearanceView:
    claim_id: int
    story_id: int
    story_title: str
    story_url: str | None
    outlet: str
    language: str
    appeared_on: date | None
    quote: str
    credited_to: str


@dataclass(frozen=True)
class SourceView:
    id: int
    url: str
    title: str
    publisher: str
    kind: str
    accessed_on: date | None
    archive_url: str | None
    note: str


@dataclass(frozen=True)
class RevisionView:
    number: int
    kind: str
    note: str
    at: datetime
    old_rating: RatingView | None
    new_rating: RatingView | None


@dataclass(frozen=True)
class RelatedView:
    claim_id: int
    text: str
    slug: str
    kind: str
    figures: list[dict[str, Any]]
    rating: RatingView | None
    verdict_language: str
    appearances: list[AppearanceView] = field(default_factory=list)


@dataclass(frozen=True)
class PublishedVerdict:
    claim: ClaimView
    verdict: VerdictView
    rating: RatingView | None
    # (worst, best) ordinal of the scale, for ClaimReview's worstRating / bestRating.
    scale_bounds: tuple[int, int] | None
    appearances: list[AppearanceView]
    sources: list[SourceView]
    corrections: list[RevisionView]
    related: list[RelatedView]

    @property
    def withdrawn(self) -> bool:
        return self.verdict.state == VerdictState.WITHDRAWN

    @property
    def corrected(self) -> bool:
        return any(r.kind == "correction" for r in self.corrections)

    @property
    def first_appearance(self) -> AppearanceView | None:
        return self.appearances[0] if self.appearances else None

    @property
    def path(self) -> str:
        """Canonical path of the verdict page (relative to the site's base URL)."""
        return claim_path(self.claim.id, self.claim.slug)


def slugify(text: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """ASCII, lower-case, hyphenated words; cut at a word boundary. "Äpfel über 2.000" -> "apfel-uber-2-000"."""
    words = re.findall(r"[a-z0-9]+", anyascii(text).lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            break
        slug = candidate
    return slug or (words[0][:max_chars] if words else "claim")


def claim_path(claim_id: int, slug: str) -> str:
    return f"claims/{claim_id}-{slug}"


@dataclass(frozen=True)
class ListFilters:
    """Reader filters; all optional. Dates bound the first publication (inclusive)."""

    rating: str | None = None
    claimant: str | None = None
    tag: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    language: str | None = None


@dataclass(frozen=True)
class Page:
    items: list[PublishedVerdict]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total


def _rating_view(label: RatingLabel | None) -> RatingView | None:
    if label is None:
        return None
    return RatingView(
        id=label.id or 0,
        key=label.key,
        label_de=label.label_de,
        label_en=label.label_en,
        explanation_de=label.explanation_de,
        explanation_en=label.explanation_en,
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


def _appearance_view(a: Appearance, s: Story) -> AppearanceView:
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


def _appearances(session: Session, claim_ids: Iterable[int]) -> dict[int, list[AppearanceView]]:
    ids = sorted(set(claim_ids))
    out: dict[int, list[AppearanceView]] = defaultdict(list)
    if not ids:
        return out
    stmt = (
        select(Appearance, Story)
        .join(Story, col(Story.id) == Appearance.story_id)
        .where(
            col(Appearance.claim_id).in_(ids),
            col(Appearance.deleted_at).is_(None),
            col(Story.deleted_at).is_(None),
        )
    )
    for a, s in session.exec(stmt):
        out[a.claim_id].append(_appearance_view(a, s))
    for views in out.values():
        # First appearance first; undated ones last, in the order they were recorded.
        views.sort(key=lambda v: (v.appeared_on is None, v.appeared_on or date.min))
    return out


def _sources(session: Session, claim_ids: list[int]) -> dict[int, list[SourceView]]:
    out: dict[int, list[SourceView]] = defaultdict(list)
    stmt = (
        select(Source)
        .where(col(Source.claim_id).in_(claim_ids), col(Source.deleted_at).is_(None))
        .order_by(col(Source.position), col(Source.id))
    )
    for s in session.exec(stmt):
        out[s.claim_id].append(
            SourceView(
                id=s.id or 0,
                url=s.url,
                title=s.title,
                publisher=s.publisher,
                kind=s.kind,
                accessed_on=s.accessed_on,
                archive_url=s.archive_url,
                note=s.note,
            )
        )
    return out


def _tags(session: Session, claim_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    stmt = select(ClaimTag).where(col(ClaimTag.claim_id).in_(claim_ids)).order_by(ClaimTag.tag)
    for t in session.exec(stmt):
        out[t.claim_id].append(t.tag)
    return out


def _corrections(
    session: Session, verdict_ids: list[int], scale: dict[int, RatingView]
) -> dict[int, list[RevisionView]]:
    out: dict[int, list[RevisionView]] = defaultdict(list)
    stmt = (
        select(VerdictRevision)
        .where(
            col(VerdictRevision.verdict_id).in_(verdict_ids),
            col(VerdictRevision.public).is_(True),
            col(VerdictRevision.kind).in_(HISTORY_KINDS),
        )
        .order_by(col(VerdictRevision.number).desc())
    )
    for r in session.exec(stmt):
        out[r.verdict_id].append(
            RevisionView(
                number=r.number,
                kind=r.kind,
                note=r.note,
                at=r.at,
                old_rating=scale.get(r.old_rating_id or 0),
                new_rating=scale.get(r.new_rating_id or 0),
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


def _claim_view(claim: Claim, tags: list[str]) -> ClaimView:
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


def _verdict_view(v: Verdict) -> VerdictView:
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
    )


def _visible_rows(
    session: Session, claim_ids: Sequence[int], states: Sequence[str]
) -> list[tuple[Claim, Verdict]]:
    stmt = (
        select(Claim, Verdict)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(
            col(Claim.id).in_(list(claim_ids)),
            col(Claim.deleted_at).is_(None),
            col(Verdict.state).in_(list(states)),
        )
    )
    return [(c, v) for c, v in session.exec(stmt)]


def _related(
    session: Session, links: dict[int, list[tuple[int, str]]], scale: dict[int, RatingView]
) -> dict[int, list[RelatedView]]:
    """Linked claims that readers may see (those with a published verdict), with their appearances."""
    other_ids = sorted({other for pairs in links.values() for other, _ in pairs})
    if not other_ids:
        return {}
    rows = {c.id: (c, v) for c, v in _visible_rows(session, other_ids, [VerdictState.PUBLISHED])}
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
) -> list[PublishedVerdict]:
    """Bundles of the given claims that have a published (or withdrawn) verdict, in the given order.

    Claims without a visible verdict are left out. Eight queries, however many ids. `states`
    overrides the verdict states loaded (the desk's preview passes drafts too).
    """
    if states is None:
        states = list(VISIBLE_STATES) if include_withdrawn else [VerdictState.PUBLISHED]
    rows = _visible_rows(session, claim_ids, states)
    if not rows:
        return []
    ids = [c.id or 0 for c, _ in rows]
    scale = scale_views(session)
    bounds = _bounds(scale)
    tags = _tags(session, ids)
    links = _links(session, ids)
    appearances = _appearances(session, ids)
    sources = _sources(session, ids)
    corrections = _corrections(session, [v.id or 0 for _, v in rows], scale)
    related = _related(session, links, scale)
    by_id = {}
    for c, v in rows:
        cid = c.id or 0
        by_id[cid] = PublishedVerdict(
            claim=_claim_view(c, tags.get(cid, [])),
            verdict=_verdict_view(v),
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
        raise NotFound(f"No published verdict for claim {claim_id}.")
    return found[0]


def preview_bundle(session: Session, claim_id: int) -> PublishedVerdict:
    """The bundle of a claim whatever its verdict's state, for the desk's preview of a draft
    (render it with templates/public/_verdict.html and `preview=True`). NotFound without a verdict."""
    found = load_bundles(session, [claim_id], states=[s.value for s in VerdictState])
    if not found:
        raise NotFound(f"Claim {claim_id} has no verdict yet.")
    return found[0]


def _filtered_ids_stmt(filters: ListFilters) -> Any:
    stmt = (
        select(Claim.id)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(Verdict.state == VerdictState.PUBLISHED, col(Claim.deleted_at).is_(None))
    )
    if filters.rating:
        stmt = stmt.join(RatingLabel, col(RatingLabel.id) == Verdict.rating_id).where(
            RatingLabel.key == filters.rating
        )
    if filters.claimant:
        pattern = "%" + filters.claimant.lower().replace("%", "").replace("_", "") + "%"
        stmt = stmt.where(func.lower(Claim.claimant).like(pattern))
    if filters.tag:
        tagged = select(ClaimTag.claim_id).where(ClaimTag.tag == filters.tag.strip().lower())
        stmt = stmt.where(col(Claim.id).in_(tagged))
    if filters.language:
        stmt = stmt.where(Verdict.language == filters.language)
    if filters.date_from:
        stmt = stmt.where(col(Verdict.published_at) >= _day_start(filters.date_from))
    if filters.date_to:
        stmt = stmt.where(col(Verdict.published_at) < _day_start(filters.date_to, plus_days=1))
    return stmt


def _day_start(day: date, plus_days: int = 0) -> datetime:
    from datetime import UTC, timedelta

    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=plus_days)


def list_published(
    session: Session, filters: ListFilters | None = None, *, limit: int = 20, offset: int = 0
) -> Page:
    """Published verdicts, newest publication first, filtered; one page of full bundles."""
    filters = filters or ListFilters()
    limit = max(1, min(limit, 100))
    offset = max(0, offset)
    base = _filtered_ids_stmt(filters)
    total = session.exec(select(func.count()).select_from(base.subquery())).one()
    ids_stmt = base.order_by(col(Verdict.published_at).desc(), col(Claim.id).desc())
    ids = list(session.exec(ids_stmt.offset(offset).limit(limit)))
    return Page(items=load_bundles(session, ids), total=int(total), limit=limit, offset=offset)


def list_corrected(
    session: Session, *, limit: int = 50
) -> list[tuple[PublishedVerdict, RevisionView]]:
    """The latest public corrections and withdrawals, newest first, with the verdict they changed."""
    stmt = (
        select(Verdict.claim_id, VerdictRevision.number)
        .join(Verdict, col(Verdict.id) == VerdictRevision.verdict_id)
        .where(col(VerdictRevision.public).is_(True), col(VerdictRevision.kind).in_(HISTORY_KINDS))
        .order_by(col(VerdictRevision.at).desc(), col(VerdictRevision.id).desc())
        .limit(limit)
    )
    wanted = list(session.exec(stmt))
    bundles = {
        b.claim.id: b for b in load_bundles(session, [c for c, _ in wanted], include_withdrawn=True)
    }
    out = []
    for claim_id, number in wanted:
        bundle = bundles.get(claim_id)
        revision = (
            next((r for r in bundle.corrections if r.number == number), None) if bundle else None
        )
        if bundle and revision:
            out.append((bundle, revision))
    return out


def last_change(session: Session) -> tuple[datetime | None, int]:
    """When readers' data last changed, and how many verdicts are visible: the site-wide validator."""
    stmt = select(func.max(Verdict.modified_at), func.count()).where(
        col(Verdict.state).in_(list(VISIBLE_STATES))
    )
    latest, count = session.exec(stmt).one()
    if latest is not None and latest.tzinfo is None:
        from datetime import UTC

        latest = latest.replace(tzinfo=UTC)
    return latest, int(count)


def distinct_tags(session: Session, *, limit: int = 200) -> list[str]:
    """Tags of published claims, for the filter form."""
    stmt = (
        select(ClaimTag.tag)
        .join(Verdict, col(Verdict.claim_id) == ClaimTag.claim_id)
        .where(Verdict.state == VerdictState.PUBLISHED)
        .distinct()
        .order_by(ClaimTag.tag)
        .limit(limit)
    )
    return list(session.exec(stmt))


def recently_changed(session: Session, *, limit: int = 50) -> list[PublishedVerdict]:
    """Published verdicts by their last visible change (publication or correction), newest first."""
    stmt = (
        select(Claim.id)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(Verdict.state == VerdictState.PUBLISHED, col(Claim.deleted_at).is_(None))
        .order_by(col(Verdict.modified_at).desc(), col(Claim.id).desc())
        .limit(limit)
    )
    return load_bundles(session, list(session.exec(stmt)))
