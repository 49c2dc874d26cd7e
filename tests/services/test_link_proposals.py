"""Fact-checkers propose duplicate decisions, editors confirm or reject them: roles, audit, stale
and concurrent actions refused."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.models import AuditEvent, ClaimLink, LinkKind, LinkState
from claimtrack.services import workbench
from claimtrack.services.errors import EditConflict, PermissionDenied, ValidationError
from claimtrack.services.matching import links
from tests.factories import make_claim

TEXT_A = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."
TEXT_B = "Laut Generalstaatsanwaltschaft kamen bei den Januar-Unruhen 225 Menschen ums Leben."


def _suggestion(session, users) -> ClaimLink:
    checker = users["fact_checker"]
    a = make_claim(session, checker, TEXT_A)
    b = make_claim(session, checker, TEXT_B)
    low, high = sorted((a.id, b.id))
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)
    ).first()
    if link is None:
        link = ClaimLink(claim_a_id=low, claim_b_id=high, kind="related", score=72.0)
    link.state, link.kind, link.decided_at = LinkState.SUGGESTED, "related", None
    session.add(link)
    session.commit()
    return link


def _actions(session, link_id: int) -> list[str]:
    stmt = select(AuditEvent.action).where(
        AuditEvent.object_type == "claim_link", AuditEvent.object_id == link_id
    )
    return list(session.exec(stmt.order_by(AuditEvent.id)))


def test_a_fact_checker_proposes_and_an_editor_confirms(session, users):
    link = _suggestion(session, users)
    version = link.version
    proposed = links.propose_link(
        session=session, actor=users["fact_checker"], link_id=link.id, kind="same",
        note="Gleiche Zahl, gleiche Quelle.", expected_version=version,
    )  # fmt: skip
    assert proposed.state == LinkState.PROPOSED and proposed.proposed_kind == "same"
    assert proposed.proposed_by_id == users["fact_checker"].id and proposed.version > version
    assert links.count_proposals(session) == 1
    assert [r.link.id for r in workbench.proposals(session)] == [link.id]
    # Both claims' workbenches show it, first among the open suggestions.
    for claim_id in (link.claim_a_id, link.claim_b_id):
        wb = workbench.load(session, claim_id)
        assert wb.suggestions[0].link.id == link.id and wb.suggestions[0].proposed
        assert wb.suggestions[0].proposer.id == users["fact_checker"].id
    confirmed = links.confirm_proposal(
        session=session, actor=users["editor"], link_id=link.id, expected_version=proposed.version
    )
    assert (confirmed.state, confirmed.kind) == (LinkState.CONFIRMED, LinkKind.SAME)
    assert confirmed.decided_by_id == users["editor"].id
    assert links.count_proposals(session) == 0
    assert _actions(session, link.id)[-2:] == ["link.propose", "link.same"]


def test_an_editor_rejects_a_proposal_and_the_suggestion_is_open_again(session, users):
    link = _suggestion(session, users)
    links.propose_link(
        session=session, actor=users["fact_checker"], link_id=link.id, kind="variant"
    )
    rejected = links.reject_proposal(session=session, actor=users["editor"], link_id=link.id)
    assert rejected.state == LinkState.SUGGESTED and rejected.proposed_kind is None
    assert rejected.proposal_note == "" and rejected.kind == "related"
    assert _actions(session, link.id)[-2:] == ["link.propose", "link.reject_proposal"]
    audit = session.exec(
        select(AuditEvent).where(AuditEvent.action == "link.reject_proposal")
    ).one()
    assert audit.before["proposed_kind"] == "variant"  # the proposal stays in the audit trail


def test_roles_are_checked_in_the_service(session, users):
    link = _suggestion(session, users)
    with pytest.raises(PermissionDenied):
        links.confirm_proposal(session=session, actor=users["fact_checker"], link_id=link.id)
    links.propose_link(session=session, actor=users["fact_checker"], link_id=link.id, kind="same")
    for use_case in (links.confirm_proposal, links.reject_proposal):
        with pytest.raises(PermissionDenied):
            use_case(session=session, actor=users["fact_checker"], link_id=link.id)
    with pytest.raises(PermissionDenied):
        links.decide_link(
            session=session, actor=users["fact_checker"], link_id=link.id, decision="same"
        )
    session.rollback()
    assert session.get(ClaimLink, link.id).state == LinkState.PROPOSED


def test_bad_and_repeated_proposals_are_refused(session, users):
    link = _suggestion(session, users)
    with pytest.raises(ValidationError):
        links.propose_link(
            session=session, actor=users["fact_checker"], link_id=link.id, kind="reject"
        )
    with pytest.raises(ValidationError):
        links.propose_link(session=session, actor=users["fact_checker"], link_id=link.id,
                           kind="same", note="x" * 1001)  # fmt: skip
    links.propose_link(session=session, actor=users["fact_checker"], link_id=link.id, kind="same")
    with pytest.raises(ValidationError):  # proposed already
        links.propose_link(session=session, actor=users["editor"], link_id=link.id, kind="variant")
    links.decide_link(session=session, actor=users["editor"], link_id=link.id, decision="reject")
    with pytest.raises(ValidationError):  # decided: there is no proposal left to confirm
        links.confirm_proposal(session=session, actor=users["editor"], link_id=link.id)
    assert _actions(session, link.id)[-2:] == ["link.propose", "link.reject"]


def test_stale_decisions_are_refused_with_who_changed_the_link(session, users):
    link = _suggestion(session, users)
    seen = link.version  # two people open the workbench
    links.propose_link(session=session, actor=users["fact_checker"], link_id=link.id,
                       kind="same", expected_version=seen)  # fmt: skip
    with pytest.raises(EditConflict) as refused:
        links.decide_link(session=session, actor=users["editor"], link_id=link.id,
                          decision="reject", expected_version=seen)  # fmt: skip
    assert refused.value.changed_by == users["fact_checker"].name
    with pytest.raises(EditConflict):
        links.propose_link(session=session, actor=users["fact_checker"], link_id=link.id,
                           kind="variant", expected_version=seen)  # fmt: skip
    current = session.get(ClaimLink, link.id)
    assert current.state == LinkState.PROPOSED and current.proposed_kind == "same"
    # An editor confirms on the current page; a second editor's page is stale by then.
    shown = current.version
    links.confirm_proposal(session=session, actor=users["editor"], link_id=link.id,
                           expected_version=shown)  # fmt: skip
    with pytest.raises(EditConflict):
        links.reject_proposal(session=session, actor=users["admin"], link_id=link.id,
                              expected_version=shown)  # fmt: skip
    assert session.get(ClaimLink, link.id).state == LinkState.CONFIRMED


def test_a_proposal_that_would_join_judged_different_claims_is_refused(session, users):
    editor = users["editor"]
    a, b, c = (make_claim(session, editor, t) for t in (TEXT_A, TEXT_B, TEXT_A + " Offiziell."))
    links.link_claims(session=session, actor=editor, claim_id=a.id, other_id=b.id, decision="same")
    links.link_claims(
        session=session, actor=editor, claim_id=b.id, other_id=c.id, decision="reject"
    )
    low, high = sorted((a.id, c.id))
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)
    ).first() or ClaimLink(claim_a_id=low, claim_b_id=high, kind="related", score=70.0)
    link.state = LinkState.SUGGESTED
    session.add(link)
    session.commit()
    with pytest.raises(ValidationError):
        links.propose_link(
            session=session, actor=users["fact_checker"], link_id=link.id, kind="same"
        )
    links.propose_link(
        session=session, actor=users["fact_checker"], link_id=link.id, kind="variant"
    )


def test_concurrent_actions_on_one_link_leave_one_decision(db, session, users):
    """Four people act on the same page at once: one proposal or decision wins, the others are
    refused; nothing is applied twice and every applied step is audited."""
    import threading

    from claimtrack.models import User
    from claimtrack.services.errors import DomainError

    link = _suggestion(session, users)
    seen = link.version
    roles = ["fact_checker", "fact_checker", "editor", "admin"]
    done: list[str] = []
    refused: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(roles))

    def act(role: str, n: int) -> None:
        start.wait()
        try:
            with db.session_scope() as s:
                actor = s.get(User, users[role].id)
                if role == "fact_checker":
                    links.propose_link(session=s, actor=actor, link_id=link.id,
                                       kind="same", expected_version=seen)  # fmt: skip
                else:
                    links.decide_link(session=s, actor=actor, link_id=link.id,
                                      decision="variant", expected_version=seen)  # fmt: skip
            done.append(f"{role}{n}")
        except DomainError:
            refused.append(f"{role}{n}")
        except BaseException as exc:  # anything else (a 500) is a failure
            errors.append(exc)

    threads = [threading.Thread(target=act, args=(r, n)) for n, r in enumerate(roles)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(done) == 1 and len(refused) == len(roles) - 1, (done, refused)
    session.rollback()
    session.expire_all()
    final = session.get(ClaimLink, link.id)
    assert final.version == seen + 1
    applied = [a for a in _actions(session, link.id) if a in ("link.propose", "link.variant")]
    assert len(applied) == 1
