from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from claimtrack.models import (
    Claim,
    ClaimStatus,
    RevisionKind,
    Verdict,
    VerdictRevision,
    VerdictState,
)
from claimtrack.services import ratings, verdicts
from claimtrack.services.errors import (
    EditConflict,
    InvalidTransition,
    PermissionDenied,
    ValidationError,
)
from tests.factories import make_claim, make_published_verdict


def _input(session, key="richtig", headline="Stimmt", summary="Die Zahl ist belegt."):
    return verdicts.VerdictInput(
        rating_id=ratings.label_by_key(session, key).id, headline=headline, summary=summary
    )


def test_publish_needs_an_editor_and_a_complete_draft(session, users):
    checker, editor = users["fact_checker"], users["editor"]
    claim = make_claim(session, checker)
    verdicts.save_draft(
        session=session,
        actor=checker,
        claim_id=claim.id,
        data=verdicts.VerdictInput(rating_id=None, headline="", summary=""),
    )
    with pytest.raises(PermissionDenied):
        verdicts.publish_verdict(session=session, actor=checker, claim_id=claim.id)
    with pytest.raises(InvalidTransition):  # a new claim has not been triaged
        verdicts.publish_verdict(session=session, actor=editor, claim_id=claim.id)


def test_correction_keeps_every_revision(session, users):
    editor = users["editor"]
    claim = make_claim(session, users["fact_checker"])
    verdict = make_published_verdict(session, editor, claim, rating_key="richtig")
    published_version = verdict.version
    assert session.get(Claim, claim.id).status == ClaimStatus.PUBLISHED
    with pytest.raises(InvalidTransition):
        verdicts.save_draft(session=session, actor=editor, claim_id=claim.id, data=_input(session))
    with pytest.raises(ValidationError):  # a public correction needs a note for readers
        verdicts.correct_verdict(
            session=session,
            actor=editor,
            claim_id=claim.id,
            data=_input(session, "groesstenteils-richtig"),
            expected_version=verdict.version,
            public=True,
        )
    corrected = verdicts.correct_verdict(
        session=session,
        actor=editor,
        claim_id=claim.id,
        data=_input(session, "groesstenteils-richtig"),
        expected_version=verdict.version,
        public=True,
        note="Die Zahl wurde später auf 238 erhöht.",
    )
    revs = verdicts.revisions_of(session, corrected.id)
    assert [r.kind for r in revs] == [
        RevisionKind.DRAFT,
        RevisionKind.PUBLICATION,
        RevisionKind.CORRECTION,
    ]
    assert revs[-1].public and revs[-1].note.startswith("Die Zahl")
    assert revs[-1].old["rating_id"] == ratings.label_by_key(session, "richtig").id
    assert revs[-1].new_rating_id == ratings.label_by_key(session, "groesstenteils-richtig").id
    with pytest.raises(EditConflict):
        verdicts.correct_verdict(
            session=session,
            actor=editor,
            claim_id=claim.id,
            data=_input(session, "falsch"),
            expected_version=published_version,
            public=False,
        )


def test_withdrawal(session, users):
    editor = users["editor"]
    claim = make_claim(session, users["fact_checker"])
    make_published_verdict(session, editor, claim)
    verdict = verdicts.withdraw_verdict(
        session=session, actor=editor, claim_id=claim.id, reason="Falsche Person zitiert"
    )
    assert verdict.state == VerdictState.WITHDRAWN
    assert session.get(Claim, claim.id).status == ClaimStatus.WITHDRAWN
    assert verdicts.revisions_of(session, verdict.id)[-1].kind == RevisionKind.WITHDRAWAL


def test_failure_between_verdict_write_and_revision_leaves_both_unchanged(
    session, users, monkeypatch
):
    editor = users["editor"]
    claim = make_claim(session, users["fact_checker"])
    verdict = make_published_verdict(session, editor, claim, rating_key="richtig")
    before = (
        verdict.rating_id,
        verdict.headline,
        verdict.version,
        len(verdicts.revisions_of(session, verdict.id)),
    )

    def explode(*args, **kwargs):
        raise RuntimeError("disk full while writing the revision")

    monkeypatch.setattr(verdicts, "write_revision", explode)
    with pytest.raises(RuntimeError):
        verdicts.correct_verdict(
            session=session,
            actor=editor,
            claim_id=claim.id,
            data=_input(session, "falsch", headline="Neu"),
            expected_version=verdict.version,
            public=False,
        )
    session.expire_all()
    stored = session.exec(select(Verdict).where(Verdict.id == verdict.id)).one()
    assert (
        stored.rating_id,
        stored.headline,
        stored.version,
        len(verdicts.revisions_of(session, verdict.id)),
    ) == before


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE verdict_revision SET note = 'rewritten'",
        "DELETE FROM verdict_revision",
        "UPDATE audit_event SET action = 'x'",
        "DELETE FROM audit_event",
    ],
)
def test_revisions_and_audit_cannot_be_changed_even_by_sql(session, users, statement):
    claim = make_claim(session, users["fact_checker"])
    make_published_verdict(session, users["editor"], claim)
    with pytest.raises(DBAPIError, match="immutable"):
        session.exec(text(statement))
        session.commit()
    session.rollback()
    assert session.exec(select(VerdictRevision)).all()


@pytest.mark.parametrize("table", ["verdict_revision", "audit_event"])
def test_revisions_and_audit_cannot_be_emptied_at_once(session, users, table):
    """PostgreSQL's TRUNCATE fires no row triggers (a statement trigger refuses it); SQLite has no
    TRUNCATE, and its DELETE without WHERE runs the row triggers."""
    claim = make_claim(session, users["fact_checker"])
    make_published_verdict(session, users["editor"], claim)
    is_pg = session.get_bind().dialect.name == "postgresql"
    statements = (
        [f"TRUNCATE {table}", f"TRUNCATE {table} CASCADE"] if is_pg else [f"DELETE FROM {table}"]
    )
    for statement in statements:
        with pytest.raises(DBAPIError, match="immutable"):
            session.exec(text(statement))
            session.commit()
        session.rollback()
    assert session.exec(text(f"SELECT count(*) FROM {table}")).one()[0] > 0
