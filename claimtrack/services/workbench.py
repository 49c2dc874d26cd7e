"""Read model of the claim workbench: everything the desk sees about one claim, in a few queries.

Also the desk's list of duplicate proposals waiting for an editor (`proposals`).

Also builds the input of the figure-over-time chart (`figures.figure_chart`) for any claim, published
or not: the claim, its cluster's appearances, and confirmed variants that count the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlmodel import Session, col, or_, select

from claimtrack.matching.reasons import ClaimFacts, orient, stored_conflicts
from claimtrack.models import (
    Appearance,
    Claim,
    ClaimLink,
    ClaimNote,
    LinkKind,
    LinkState,
    Source,
    Story,
    User,
    Verdict,
    utcnow,
)
from claimtrack.services.publication.bundles import (
    ClaimView,
    PublishedVerdict,
    RelatedView,
    RevisionView,
    SourceView,
    VerdictView,
    _appearance_view,
    get_published,
    scale_views,
    slugify,
)

from . import claims, sources, verdicts
from .base import get_or_raise
from .errors import NotFound
from .matching import links as links_mod


@dataclass
class LinkView:
    """A link of this claim to another one, seen from this claim."""

    link: ClaimLink
    other: Claim
    this: Claim | None = None
    proposer: User | None = None  # who proposed the open proposal, if any

    @property
    def proposed(self) -> bool:
        return self.link.state == LinkState.PROPOSED

    @property
    def features(self) -> dict[str, Any]:
        return dict(self.link.features or {})

    @property
    def conflicts(self) -> list[dict[str, Any]]:
        """The matcher's conflicts as data (``matching.reasons``), whatever shape the link stored
        them in, each pair of sides turned so that this claim's comes first."""
        found = stored_conflicts(self.features)
        if self.this is None:
            return found
        c = self.this
        return orient(found, ClaimFacts(c.figures or [], c.places or [], c.dates or [], c.text))


@dataclass
class Workbench:
    claim: Claim
    tags: list[str]
    cluster: list[Claim]
    appearances: list[tuple[Appearance, Story]]
    suggestions: list[LinkView]
    decided: list[LinkView]
    sources: list[Source]
    notes: list[tuple[ClaimNote, User | None]]
    verdict: Verdict | None
    assignee: User | None
    canonical: Claim | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def cluster_of(session: Session, claim: Claim) -> list[Claim]:
    """The claim and every claim confirmed as the same (sharing its canonical claim)."""
    root = claim.canonical_claim_id or claim.id
    stmt = select(Claim).where(
        or_(Claim.id == root, Claim.canonical_claim_id == root),
        col(Claim.deleted_at).is_(None),
    )
    found = {c.id: c for c in session.exec(stmt.order_by(col(Claim.id)))}
    found.setdefault(claim.id, claim)
    return list(found.values())


def links_of(session: Session, claim_id: int) -> list[LinkView]:
    stmt = select(ClaimLink).where(
        or_(ClaimLink.claim_a_id == claim_id, ClaimLink.claim_b_id == claim_id)
    )
    links = list(session.exec(stmt.order_by(col(ClaimLink.score).desc(), col(ClaimLink.id))))
    other_ids = [lk.claim_b_id if lk.claim_a_id == claim_id else lk.claim_a_id for lk in links]
    others = {
        c.id: c
        for c in session.exec(select(Claim).where(col(Claim.id).in_(other_ids or [0])))
        if c.deleted_at is None
    }
    this = session.get(Claim, claim_id)
    return [
        LinkView(lk, others[o], this) for lk, o in zip(links, other_ids, strict=True) if o in others
    ]


def load(session: Session, claim_id: int) -> Workbench:
    """Everything the workbench shows about `claim_id` (NotFound if it does not exist)."""
    claim = get_or_raise(session, Claim, claim_id)
    cluster = cluster_of(session, claim)
    cluster_ids = {c.id for c in cluster}
    links = links_of(session, claim_id)
    notes = claims.notes_of(session, claim_id)
    authors = {n.author_id for n in notes if n.author_id}
    authors |= {lv.link.proposed_by_id for lv in links if lv.link.proposed_by_id}
    people = {u.id: u for u in session.exec(select(User).where(col(User.id).in_(authors or {0})))}
    for lv in links:
        lv.proposer = people.get(lv.link.proposed_by_id) if lv.proposed else None
    open_states = (LinkState.SUGGESTED, LinkState.PROPOSED)
    return Workbench(
        claim=claim,
        tags=claims.tags_of(session, claim_id),
        cluster=cluster,
        appearances=claims.appearances_of(session, [c.id or 0 for c in cluster]),
        # A claim confirmed as the same (in this claim's cluster) is settled: no open suggestion
        # may offer it again as related or variant.
        # Proposals first: they wait for an editor.
        suggestions=sorted(
            (lv for lv in links if lv.link.state in open_states and lv.other.id not in cluster_ids),
            key=lambda lv: not lv.proposed,
        ),
        decided=[lv for lv in links if lv.link.state not in open_states],
        sources=sources.sources_of(session, claim_id),
        notes=[(n, people.get(n.author_id)) for n in notes],
        verdict=verdicts.verdict_of(session, claim_id),
        assignee=session.get(User, claim.assignee_id) if claim.assignee_id else None,
        canonical=(
            session.get(Claim, claim.canonical_claim_id)
            if claim.canonical_claim_id and claim.canonical_claim_id != claim.id
            else None
        ),
    )


def chart_input(session: Session, wb: Workbench) -> PublishedVerdict | None:
    """The chart's input for a claim with figures: its cluster's appearances and confirmed variants.

    `figures.figure_chart` reads only the claim, its appearances and the related claims of a bundle,
    so the desk can chart claims that have no published verdict yet.
    """
    return _bundle(session, wb) if wb.claim.figures else None


def _bundle(session: Session, wb: Workbench) -> PublishedVerdict:
    """The claim, its cluster's appearances and its confirmed variants, shaped as a reader bundle."""
    # Cluster members' appearances count as this claim's appearances.
    views = [replace(_appearance_view(a, s), claim_id=wb.claim.id or 0) for a, s in wb.appearances]
    variants = [
        lv.other
        for lv in wb.decided
        if lv.link.state == LinkState.CONFIRMED and lv.link.kind == LinkKind.VARIANT
    ]
    other_apps = claims.appearances_of(session, [c.id or 0 for c in variants])
    related = [
        RelatedView(
            claim_id=c.id or 0,
            text=c.text,
            slug=slugify(c.text),
            kind=LinkKind.VARIANT,
            figures=list(c.figures or []),
            rating=None,
            verdict_language=c.language,
            appearances=[_appearance_view(a, s) for a, s in other_apps if a.claim_id == c.id],
        )
        for c in variants
    ]
    view = ClaimView(
        id=wb.claim.id or 0,
        text=wb.claim.text,
        language=wb.claim.language,
        claimant=wb.claim.claimant,
        claimant_kind=wb.claim.claimant_kind,
        claim_date=wb.claim.claim_date,
        figures=list(wb.claim.figures or []),
        tags=wb.tags,
        slug=slugify(wb.claim.text),
    )
    bundle = PublishedVerdict(
        claim=view,
        verdict=cast(Any, None),
        rating=None,
        scale_bounds=None,
        appearances=sorted(views, key=lambda v: (v.appeared_on is None, v.appeared_on)),
        sources=[],
        corrections=[],
        related=related,
    )
    return bundle


def preview_bundle(
    session: Session, claim_id: int, data: verdicts.VerdictInput, *, correction_note: str = ""
) -> PublishedVerdict:
    """The verdict as readers would see it with `data`, before anything is saved.

    A published verdict keeps its dates and public correction history (plus the pending correction
    note); a draft is shown as if published now.
    """
    now = utcnow()
    scale = scale_views(session)
    verdict = verdicts.verdict_of(session, claim_id)
    try:
        base = get_published(session, claim_id) if verdict and verdict.published_at else None
    except NotFound:
        base = None
    if base is None:
        wb = load(session, claim_id)
        base = replace(
            _bundle(session, wb), sources=[SourceView.of(s) for s in wb.sources], related=[]
        )
        published_at, corrections = now, []
    else:
        published_at, corrections = base.verdict.published_at, list(base.corrections)
    if correction_note.strip():
        rating = scale.get(data.rating_id or 0)
        corrections.append(
            RevisionView(
                number=len(corrections) + 1,
                kind="correction",
                note=correction_note.strip(),
                at=now,
                old_rating=base.rating,
                new_rating=rating,
            )
        )
    view = VerdictView(
        id=verdict.id if verdict and verdict.id else 0,
        headline=data.headline,
        summary=data.summary,
        reasoning=data.reasoning,
        language=data.language,
        state="published",
        published_at=published_at,
        modified_at=now if base.verdict is not None else published_at,
        valid_as_of=data.valid_as_of,
        withdrawn_reason=None,
        version=verdict.version if verdict else 0,
    )
    return replace(
        base,
        verdict=view,
        rating=scale.get(data.rating_id or 0),
        scale_bounds=None,
        corrections=corrections,
    )


def accepted_positions(session: Session, story_id: int) -> dict[int | None, list[int]]:
    """Claims already drawn from a story, by the position of their sentence (None: headline)."""
    stmt = select(Appearance.position, Appearance.claim_id).where(
        Appearance.story_id == story_id, col(Appearance.deleted_at).is_(None)
    )
    out: dict[int | None, list[int]] = {}
    for position, claim_id in session.exec(stmt):
        out.setdefault(position, []).append(claim_id)
    return out


def story_titles(session: Session, story_ids: list[int]) -> list[Story]:
    """Stories by id, in the given order (for an import's progress page)."""
    if not story_ids:
        return []
    found = {s.id: s for s in session.exec(select(Story).where(col(Story.id).in_(story_ids)))}
    return [found[i] for i in story_ids if i in found]


@dataclass(frozen=True)
class ProposalRow:
    """One open proposal for the desk's list: the pair, what was proposed, by whom, when."""

    link: ClaimLink
    claim: Claim
    other: Claim
    proposer: User | None


def proposals(session: Session) -> list[ProposalRow]:
    """Open duplicate proposals (oldest first), for editors to work through."""
    found = links_mod.open_proposals(session)
    ids = {i for lk in found for i in (lk.claim_a_id, lk.claim_b_id)}
    claims_by_id = {
        c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(ids or {0})))
    }
    people_ids = {lk.proposed_by_id for lk in found if lk.proposed_by_id}
    people = {
        u.id: u for u in session.exec(select(User).where(col(User.id).in_(people_ids or {0})))
    }
    return [
        ProposalRow(
            lk,
            claims_by_id[lk.claim_a_id],
            claims_by_id[lk.claim_b_id],
            people.get(lk.proposed_by_id),
        )  # fmt: skip
        for lk in found
        if lk.claim_a_id in claims_by_id
        and lk.claim_b_id in claims_by_id
        and claims_by_id[lk.claim_a_id].deleted_at is None
        and claims_by_id[lk.claim_b_id].deleted_at is None
    ]
