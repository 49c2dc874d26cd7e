"""Deciding matcher links (confirm same, mark variant or related, reject) and the clusters they form.

Fact-checkers propose a decision on a suggestion ("same claim" or "variant", with a note); the link is
then *proposed* until an editor confirms the proposal (it becomes the decision) or rejects it (the
link is an open suggestion again). Each step is audited. Every form carries the link's version: a
decision or proposal made on a page that no longer shows the link's state is refused with who
changed it, never applied to something the person did not see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, or_, select

from claimtrack.matching.calibrate import Decision, ThresholdRow, calibrate
from claimtrack.matching.cluster import build_clusters
from claimtrack.models import Claim, ClaimLink, ClaimStatus, LinkKind, LinkState, User, utcnow
from claimtrack.services import audit, queue_rank
from claimtrack.services.base import clean_text, get_or_raise, require, use_case
from claimtrack.services.errors import EditConflict, ValidationError
from claimtrack.workflow import Permission

DECISIONS = {
    "same": LinkKind.SAME,
    "variant": LinkKind.VARIANT,
    "related": LinkKind.RELATED,
    "reject": None,
}
_LINK_FIELDS = ["claim_a_id", "claim_b_id", "kind", "state", "score", "decided_by_id",
                "proposed_kind", "proposed_by_id", "proposal_note", "version"]  # fmt: skip
PROPOSALS = {"same": LinkKind.SAME, "variant": LinkKind.VARIANT}
NOTE_MAX = 1000


@dataclass(frozen=True)
class ReclusterReport:
    clusters: int
    clustered_claims: int
    changed: int
    skipped_links: list[tuple[int, int]]


@use_case
def decide_link(
    *,
    session: Session,
    actor: User,
    link_id: int,
    decision: str,
    expected_version: int | None = None,
) -> ClaimLink:
    """Confirm a link as same/variant/related, or reject it (a rejected pair is never suggested
    again and never ends up in one cluster). ``expected_version``: the version the page showed."""
    require(actor, Permission.DECIDE_LINKS)
    link = get_or_raise(session, ClaimLink, link_id)
    _refuse_if_stale(session, link, expected_version)
    return _decide(session, actor, link, decision)


@use_case
def propose_link(
    *,
    session: Session,
    actor: User,
    link_id: int,
    kind: str,
    note: str = "",
    expected_version: int | None = None,
) -> ClaimLink:
    """A fact-checker proposes that a suggestion is the same claim or a variant; an editor decides."""
    require(actor, Permission.PROPOSE_LINKS)
    if kind not in PROPOSALS:
        raise ValidationError(
            "A proposal is one of %(choices)s.",
            field="kind",
            params={"choices": ", ".join(PROPOSALS)},
        )
    note = clean_text(note, "note", required=False, max_len=NOTE_MAX)
    link = get_or_raise(session, ClaimLink, link_id)
    _refuse_if_stale(session, link, expected_version)
    if link.state != LinkState.SUGGESTED:
        raise ValidationError(
            "This suggestion has been proposed or decided already; nothing was done."
        )
    if PROPOSALS[kind] is LinkKind.SAME:
        _refuse_if_rejected_pair_joins(session, link.claim_a_id, link.claim_b_id, link.id)
    before = audit.snapshot(link, _LINK_FIELDS)
    link.state, link.proposed_kind = LinkState.PROPOSED, kind
    link.proposed_by_id, link.proposed_at, link.proposal_note = actor.id, utcnow(), note
    session.add(link)
    session.flush()
    audit.record(session, actor=actor, action="link.propose", obj=link, before=before,
                 after=audit.snapshot(link, _LINK_FIELDS))  # fmt: skip
    return link


@use_case
def confirm_proposal(
    *, session: Session, actor: User, link_id: int, expected_version: int | None = None
) -> ClaimLink:
    """An editor confirms a fact-checker's proposal: it becomes the link's decision."""
    require(actor, Permission.DECIDE_LINKS)
    link = _open_proposal(session, link_id, expected_version)
    return _decide(session, actor, link, str(link.proposed_kind))


@use_case
def reject_proposal(
    *, session: Session, actor: User, link_id: int, expected_version: int | None = None
) -> ClaimLink:
    """An editor rejects a proposal: the link is an open suggestion again (the editor may still
    decide it otherwise); the proposal stays in the audit trail."""
    require(actor, Permission.DECIDE_LINKS)
    link = _open_proposal(session, link_id, expected_version)
    before = audit.snapshot(link, _LINK_FIELDS)
    link.state, link.proposed_kind = LinkState.SUGGESTED, None
    link.proposed_by_id, link.proposed_at, link.proposal_note = None, None, ""
    session.add(link)
    session.flush()
    audit.record(session, actor=actor, action="link.reject_proposal", obj=link, before=before,
                 after=audit.snapshot(link, _LINK_FIELDS))  # fmt: skip
    return link


def open_proposals(session: Session, *, limit: int = 200) -> list[ClaimLink]:
    """Proposals waiting for an editor, oldest first."""
    stmt = select(ClaimLink).where(ClaimLink.state == LinkState.PROPOSED)
    return list(
        session.exec(stmt.order_by(col(ClaimLink.proposed_at), col(ClaimLink.id)).limit(limit))
    )


def count_proposals(session: Session) -> int:
    stmt = select(func.count()).select_from(ClaimLink).where(ClaimLink.state == LinkState.PROPOSED)
    return int(session.exec(stmt).one())


def _open_proposal(session: Session, link_id: int, expected_version: int | None) -> ClaimLink:
    link = get_or_raise(session, ClaimLink, link_id)
    _refuse_if_stale(session, link, expected_version)
    if link.state != LinkState.PROPOSED or link.proposed_kind not in PROPOSALS:
        raise ValidationError("There is no open proposal on this link; nothing was done.")
    return link


def _refuse_if_stale(session: Session, link: ClaimLink, expected_version: int | None) -> None:
    """Refuse a decision taken on a page that showed an older state of the link."""
    if expected_version is None or expected_version == link.version:
        return
    event = audit.last_change(session, "claim_link", link.id or 0)
    who = session.get(User, event.actor_id) if event and event.actor_id else None
    if who is None:
        raise EditConflict(
            "This suggestion was changed meanwhile; nothing was done. Here it is as it is now.",
            **_conflict_details(link, None),
        )
    raise EditConflict(
        "%(who)s changed this suggestion meanwhile; nothing was done. Here it is as it is now.",
        params={"who": who.name},
        **_conflict_details(link, who.name),
    )


def _conflict_details(link: ClaimLink, who: str | None) -> dict[str, Any]:
    return {
        "current": {"state": link.state, "kind": link.kind, "proposed_kind": link.proposed_kind},
        "current_version": link.version,
        "changed_by": who,
        "changed_fields": ["state"],
    }


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
    link.proposed_kind = None  # a proposal is settled by any decision (the audit keeps it)
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
            session.exec(
                update(Claim).where(col(Claim.id) == claim_id).values(canonical_claim_id=want)
            )
            changed += 1
    # Plain UPDATEs bypass the flush hook: recount the spread of the clusters left and joined.
    queue_rank.mark(session, claim_ids, roots={r for r in current.values() if r})
    session.expire_all()
    return changed


def _cluster_inputs(session: Session, members: set[int] | None):  # type: ignore[no-untyped-def]
    """Confirmed "same" links between live claims, rejections, and the published claims.

    A deleted claim was entered by mistake: it leaves its cluster, and it can no longer be a
    cluster's canonical claim or the bridge that holds two groups together.
    """
    live = select(Claim.id).where(col(Claim.deleted_at).is_(None))

    def links(state: LinkState, kind: LinkKind | None):  # type: ignore[no-untyped-def]
        stmt = select(ClaimLink.claim_a_id, ClaimLink.claim_b_id).where(ClaimLink.state == state)
        if kind is not None:
            stmt = stmt.where(
                ClaimLink.kind == kind,
                col(ClaimLink.claim_a_id).in_(live),
                col(ClaimLink.claim_b_id).in_(live),
            )
        if members is not None:
            stmt = stmt.where(col(ClaimLink.claim_a_id).in_(members))
        return [
            tuple(r)
            for r in session.exec(stmt.order_by(col(ClaimLink.decided_at), col(ClaimLink.id)))
        ]

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
    clustered = select(Claim.id).where(col(Claim.canonical_claim_id).is_not(None))
    in_clusters = {cid for cid in session.exec(clustered) if cid is not None}
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
