from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.models import AuditEvent, Claim, ClaimStatus
from claimtrack.services import claims
from claimtrack.services.errors import (
    EditConflict,
    InvalidTransition,
    PermissionDenied,
    ValidationError,
)
from tests.factories import make_claim, make_story


def test_create_claim_with_appearance_writes_audit(session, users):
    checker = users["fact_checker"]
    story = make_story(session, checker)
    claim = make_claim(
        session,
        checker,
        "Die Entsendung der OVKS-Truppen nach Kasachstan war illegal.",
        story=story,
        tags=["OVKS", " Recht "],
    )
    assert claim.status == ClaimStatus.NEW
    assert claims.tags_of(session, claim.id) == ["ovks", "recht"]
    [(appearance, s)] = claims.appearances_of(session, [claim.id])
    assert s.id == story.id and appearance.appeared_on.isoformat() == "2022-01-06"
    actions = [
        e.action
        for e in session.exec(
            select(AuditEvent)
            .where(AuditEvent.object_type.in_(["claim", "appearance"]))
            .order_by(AuditEvent.id)
        )
    ]
    assert actions == ["claim.create", "appearance.create"]


def test_edit_with_stale_version_names_who_changed_what(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    claim = make_claim(session, checker)
    v1 = claim.version
    claims.edit_claim(
        session=session,
        actor=editor,
        claim_id=claim.id,
        expected_version=v1,
        changes={"claimant": "Innenministerium"},
    )
    with pytest.raises(EditConflict) as err:
        claims.edit_claim(
            session=session,
            actor=checker,
            claim_id=claim.id,
            expected_version=v1,
            changes={"text": "Ganz anderer Text der Behauptung hier."},
        )
    assert err.value.changed_by == "Erik Editor"
    assert err.value.changed_fields == ["claimant"]
    assert session.get(Claim, claim.id).claimant == "Innenministerium"


def test_bad_input_is_refused_and_nothing_is_written(session, users):
    checker = users["fact_checker"]
    before = session.exec(select(AuditEvent)).all()
    with pytest.raises(ValidationError) as err:
        claims.create_claim(session=session, actor=checker, data=claims.ClaimInput(text="  "))
    assert err.value.field == "text"
    with pytest.raises(ValidationError):
        claims.create_claim(
            session=session,
            actor=checker,
            data=claims.ClaimInput(text="Eine gültige Behauptung hier.", language="fr"),
        )
    assert session.exec(select(Claim)).all() == []
    assert len(session.exec(select(AuditEvent)).all()) == len(before)


def test_workflow_transitions_are_enforced(session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker)
    with pytest.raises(InvalidTransition):
        claims.change_status(
            session=session, actor=checker, claim_id=claim.id, status=ClaimStatus.PUBLISHED
        )
    claims.dismiss_claim(
        session=session, actor=checker, claim_id=claim.id, reason="Meinung, keine Tatsache"
    )
    assert session.get(Claim, claim.id).status == ClaimStatus.DISMISSED
    assert [n.body for n in claims.notes_of(session, claim.id)] == ["Meinung, keine Tatsache"]
    claims.change_status(session=session, actor=checker, claim_id=claim.id, status=ClaimStatus.NEW)


def test_delete_is_soft_and_needs_an_editor(session, users):
    claim = make_claim(session, users["fact_checker"])
    with pytest.raises(PermissionDenied):
        claims.delete_claim(
            session=session, actor=users["fact_checker"], claim_id=claim.id, reason="Dublette"
        )
    claims.delete_claim(
        session=session, actor=users["editor"], claim_id=claim.id, reason="Dublette"
    )
    stored = session.get(Claim, claim.id)
    assert (
        stored is not None
        and stored.deleted_reason == "Dublette"
        and stored.deleted_by_id == users["editor"].id
    )


def test_bulk_update_skips_what_cannot_change(session, users):
    checker = users["fact_checker"]
    a, b = make_claim(session, checker), make_claim(session, checker)
    claims.change_status(
        session=session, actor=checker, claim_id=b.id, status=ClaimStatus.IN_RESEARCH
    )
    claims.change_status(
        session=session, actor=checker, claim_id=b.id, status=ClaimStatus.IN_REVIEW
    )
    changed = claims.bulk_update(
        session=session,
        actor=checker,
        claim_ids=[a.id, b.id],
        assignee_id=checker.id,
        dismiss=True,
        add_tag="Almaty",
    )
    assert changed == 2
    assert session.get(Claim, a.id).status == ClaimStatus.DISMISSED
    assert session.get(Claim, b.id).status == ClaimStatus.IN_REVIEW
    assert session.get(Claim, b.id).assignee_id == checker.id
    assert claims.tags_of(session, b.id) == ["almaty"]
