"""Deciding matcher links (confirm same, mark variant or related, reject) and the clusters they form."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from claimtrack.matching.calibrate import Decision, ThresholdRow, calibrate
from claimtrack.matching.cluster import build_clusters
from claimtrack.models import Claim, ClaimLink, ClaimStatus, LinkKind, LinkState, User, utcnow
from claimtrack.services import audit, queue_rank
from claimtrack.services.base import get_or_raise, require, use_case
from claimtrack.services.errors import ValidationError
from claimtrack.workflow import Permission

DECISIONS = {
    "same": LinkKind.SAME,
    "variant": LinkKind.VARIANT,
    "related": LinkKind.RELATED,
    "reject": None,
}
_LINK_FIELDS = ["claim_a_id", "claim_b_id", "kind", "state", "score", "decided_by_id"]


@dataclass(frozen=True)
class ReclusterReport:
    clusters: int
    clustered_claims: int
    changed: int
    skipped_links: list[tuple[int, int]]


@use_case
def decide_link(*, session: Session, actor: User, link_id: int, decision: str) -> ClaimLink:
    """Confirm a link as same/variant/related, or reject it (a rejected pair is never suggested
    again and never ends up in one cluster)."""
    require(actor, Permission.DECIDE_LINKS)
    return _decide(session, actor, get_or_raise(session, ClaimLink, link_id), decision)


def _decide(session: Session, actor: User, link: ClaimLink, decision: str) -> ClaimLink:
    if decision not in DECISIONS:
        raise ValidationError(
            "decision must be one of %(choices)s.",
            field="decision",
            params={"choices": ", ".join(DECISIONS)},
        )
    before = audit.snapshot(link, _LINK_FIELDS)
    kind = DECISIONS[decision]
    if kind is LinkKind.SAME:
        _refuse_if_rejected_pair_joins(session, link.claim_a_id, link.claim_b_id, link.id)
    link.state = LinkState.REJECTED if kind is None else LinkState.CONFIRMED
    if kind is not None:
        link.kind = kind
    link.decided_by_id = actor.id
    link.decided_at = utcnow()
    session.add(link)
    session.flush()
    audit.record(session, actor=actor, action=f"link.{decision}", obj=link, before=before,
                 after=audit.snapshot(link, _LINK_FIELDS))  # fmt: skip
    recluster_component(session, [link.claim_a_id, link.claim_b_id])
    return link


@use_case
def link_claims(
    *, session: Session, actor: User, claim_id: int, other_id: int, decision: str
) -> ClaimLink:
    """Draw (or re-decide) a link between two claims by hand."""
    require(actor, Permission.DECIDE_LINKS)
    if claim_id == other_id:
        raise ValidationError("A claim cannot be linked with itself.")
    a, b = sorted((claim_id, other_id))
    get_or_raise(session, Claim, a)
    get_or_raise(session, Claim, b)
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == a, ClaimLink.claim_b_id == b)
    ).first()
    if link is None:
        link = ClaimLink(claim_a_id=a, claim_b_id=b, kind=LinkKind.RELATED, method="manual")
        session.add(link)
        session.flush()
    return _decide(session, actor, link, decision)


def _components(session: Session, seeds: list[int]) -> set[int]:
    """Claims reachable from ``seeds`` over confirmed "same" links."""
    seen = set(seeds)
    frontier = list(seeds)
    while frontier:
        links = session.exec(
            select(ClaimLink.claim_a_id, ClaimLink.claim_b_id).where(
                ClaimLink.state == LinkState.CONFIRMED,
                ClaimLink.kind == LinkKind.SAME,
                or_(
                    col(ClaimLink.claim_a_id).in_(frontier), col(ClaimLink.claim_b_id).in_(frontier)
                ),
            )
        ).all()
        frontier = [x for pair in links for x in pair if x not in seen]
        seen.update(frontier)
    return seen


def _refuse_if_rejected_pair_joins(session: Session, a: int, b: int, link_id: int | None) -> None:
    group_a, group_b = _components(session, [a]), _components(session, [b])
    if group_a & group_b:
        return
    rejected = session.exec(
        select(ClaimLink.claim_a_id, ClaimLink.claim_b_id).where(
            ClaimLink.state == LinkState.REJECTED,
            col(ClaimLink.claim_a_id).in_(group_a | group_b),
            col(ClaimLink.claim_b_id).in_(group_a | group_b),
            col(ClaimLink.id) != (link_id or 0),
        )
    ).all()
    for x, y in rejected:
        if (x in group_a and y in group_b) or (x in group_b and y in group_a):
            raise ValidationError(
                "Claims %(a)s and %(b)s were judged different; confirming this link would put "
                "them into one cluster. Revisit that decision first.",
                params={"a": x, "b": y},
            )


def _apply(session: Session, claim_ids: set[int], canonical: dict[int, int]) -> int:
    """Write canonical ids with plain UPDATEs: cluster moves must not bump the claims' edit
    versions (a desk member editing the wording would otherwise get a spurious conflict)."""
    if not claim_ids:
        return 0
    current = dict(
        session.exec(
            select(Claim.id, Claim.canonical_claim_id).where(col(Claim.id).in_(claim_ids))
        ).all()
    )
    changed = 0
    for claim_id in sorted(claim_ids):
        want = canonical.get(claim_id)
        if current.get(claim_id) != want:
            session.exec(  # type: ignore[call-overload]
                update(Claim).where(col(Claim.id) == claim_id).values(canonical_claim_id=want)
            )
            changed += 1
    # Plain UPDATEs bypass the flush hook: recount the spread of the clusters left and joined.
    queue_rank.mark(session, claim_ids, roots={r for r in current.values() if r})
    session.expire_all()
    return changed


def _cluster_inputs(session: Session, members: set[int] | None):  # type: ignore[no-untyped-def]
    def links(state: LinkState, kind: LinkKind | None):  # type: ignore[no-untyped-def]
        stmt = select(ClaimLink.claim_a_id, ClaimLink.claim_b_id).where(ClaimLink.state == state)
        if kind is not None:
            stmt = stmt.where(ClaimLink.kind == kind)
        if members is not None:
            stmt = stmt.where(col(ClaimLink.claim_a_id).in_(members))
        return [tuple(r) for r in session.exec(stmt.order_by(ClaimLink.decided_at, ClaimLink.id))]

    published = select(Claim.id).where(Claim.status == ClaimStatus.PUBLISHED)
    if members is not None:
        published = published.where(col(Claim.id).in_(members))
    return (
        links(LinkState.CONFIRMED, LinkKind.SAME),
        links(LinkState.REJECTED, None),
        list(session.exec(published)),
    )


def recluster_component(session: Session, seeds: list[int]) -> int:
    """Recompute the clusters around ``seeds`` after a decision (no commit)."""
    members = _components(session, seeds)
    same, rejected, preferred = _cluster_inputs(session, members)
    clustering = build_clusters(same, rejected, preferred)
    return _apply(session, members, clustering.canonical)


@use_case
def recluster(*, session: Session, actor: User) -> ReclusterReport:
    """Rebuild every cluster of the store from the confirmed links."""
    require(actor, Permission.MANAGE_MATCHING)
    same, rejected, preferred = _cluster_inputs(session, None)
    clustering = build_clusters(same, rejected, preferred)
    in_clusters = set(
        session.exec(select(Claim.id).where(col(Claim.canonical_claim_id).is_not(None)))
    )
    changed = _apply(session, in_clusters | set(clustering.canonical), clustering.canonical)
    report = ReclusterReport(len(set(clustering.canonical.values())), len(clustering.canonical),
                             changed, clustering.skipped)  # fmt: skip
    audit.record(session, actor=actor, action="matching.recluster", object_type="matching",
                 after={"clusters": report.clusters, "changed": changed,
                        "skipped": [list(p) for p in clustering.skipped]})  # fmt: skip
    return report


def calibration(session: Session) -> list[ThresholdRow]:
    """Precision/recall of "same" per threshold, labelled by the desk's decisions."""
    links = session.exec(
        select(ClaimLink).where(col(ClaimLink.state).in_([LinkState.CONFIRMED, LinkState.REJECTED]))
    ).all()
    decisions = [
        Decision(
            score=link.score,
            conflict=bool((link.features or {}).get("conflicts")),
            same=link.state == LinkState.CONFIRMED and link.kind == LinkKind.SAME,
        )
        for link in links
        if link.method != "manual"
    ]
    return calibrate(decisions)
