"""One user action is one transaction: composite use cases are all or nothing, look-ups write
nothing, and the database's own error text never reaches a person."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import func, select

from claimtrack.models import AuditEvent, Claim, PartnerToken, User, Verdict, utcnow
from claimtrack.services import claims, logins, ratings, verdicts
from claimtrack.services import users as user_service
from claimtrack.services.base import use_case
from claimtrack.services.errors import InvalidTransition, ValidationError
from claimtrack.services.intake import ingest as intake
from claimtrack.services.limits import DatabaseLimiter
from tests.conftest import PASSWORD, TEST_USERS
from tests.factories import make_claim
from tests.web.partners import issue_token


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _complete(session) -> verdicts.VerdictInput:
    return verdicts.VerdictInput(
        rating_id=ratings.label_by_key(session, "richtig").id,
        headline="Stimmt",
        summary="Die Zahl ist belegt.",
    )


def test_save_and_publish_keeps_nothing_when_publishing_is_refused(session, users):
    claim = make_claim(session, users["fact_checker"])  # new: not triaged, cannot be published
    with pytest.raises(InvalidTransition):
        verdicts.save_and_publish(
            session=session, actor=users["editor"], claim_id=claim.id, data=_complete(session)
        )
    assert _count(session, Verdict) == 0  # the draft step was rolled back with the publication


def test_save_and_publish_is_one_commit(session, users):
    claim = make_claim(session, users["fact_checker"])
    claims.change_status(
        session=session, actor=users["editor"], claim_id=claim.id, status="in_research"
    )
    verdict = verdicts.save_and_publish(
        session=session, actor=users["editor"], claim_id=claim.id, data=_complete(session)
    )
    session.rollback()
    assert session.get(Verdict, verdict.id).state == "published"
    assert session.get(Claim, claim.id).status == "published"


def test_nested_use_case_joins_the_outer_transaction(session, users):
    @use_case
    def inner(*, session):
        session.add(AuditEvent(action="test.inner", object_type="test", object_id=0))

    @use_case
    def outer(*, session):
        inner(session=session)
        raise ValidationError("Refused after the inner step.")

    before = _count(session, AuditEvent)
    with pytest.raises(ValidationError):
        outer(session=session)
    assert _count(session, AuditEvent) == before


def test_database_error_text_is_not_shown(session, users, caplog):
    @use_case
    def duplicate_email(*, session):
        session.add(User(email=users["editor"].email, name="Copy", role="editor"))
        session.flush()

    with pytest.raises(ValidationError) as raised:
        duplicate_email(session=session)
    message = str(raised.value)
    assert message == "The change conflicts with data stored in the meantime; nothing was saved."
    assert "UNIQUE" not in message.upper() and "user" not in message.lower()
    assert any("duplicate_email" in r.getMessage() for r in caplog.records)  # logged for admins


def test_rewording_that_fails_leaves_no_claim(session, users):
    checker = users["fact_checker"]
    story = intake.ingest_text(
        session=session,
        actor=checker,
        text="Polizei: Mehr als 2.000 Festnahmen\nDie Polizei hat in Almaty mehr als 2.000 "
        "Menschen festgenommen, teilte das Ministerium am Mittwoch mit.",
    )
    sentence = next(c for c in story.candidates if not c.headline)
    args = {"session": session, "actor": checker, "story_id": story.story.id}
    with pytest.raises(ValidationError):  # too short to be a claim
        intake.accept_candidate(
            **args, text=sentence.text, position=sentence.start, reworded="Zu kurz"
        )
    assert _count(session, Claim) == 0
    claim = intake.accept_candidate(
        **args,
        text=sentence.text,
        position=sentence.start,
        reworded="Die Polizei hat in Almaty über 2.000 Menschen festgenommen.",
    )
    assert claim.text == "Die Polizei hat in Almaty über 2.000 Menschen festgenommen."
    actions = session.exec(
        select(AuditEvent.action).where(AuditEvent.object_type == "claim").order_by(AuditEvent.id)
    ).all()
    assert actions == ["claim.create", "claim.edit"]  # the extractor's text and the rewording


def test_log_in_checks_and_records_in_one_step_and_the_limit_holds(session, users, db):
    email = TEST_USERS["editor"][0]
    limiter = DatabaseLimiter(db.write_engine)
    args = {
        "session": session,
        "reader": session,
        "email": email,
        "address": "192.0.2.7",
        "limiter": limiter,
        "limits": logins.LoginLimits(per_address=2, per_account=10),
    }
    assert logins.log_in(**args, password="wrong password").user is None
    result = logins.log_in(**args, password=PASSWORD)
    assert result.user is not None and result.user.last_login_at is not None
    assert logins.log_in(**args, password="wrong again").blocked  # two attempts used
    assert logins.log_in(**args, password=PASSWORD).blocked  # the limit holds for the right one


def test_log_in_checks_the_password_before_its_transaction_begins(users, db, monkeypatch):
    """The slow hash runs outside the write transaction (on SQLite: without the write lock)."""
    writer, reader = db.session(write=True), db.session()
    seen: list[bool] = []
    hasher = user_service._hasher

    class WatchedHasher:
        def verify(self, stored: str, password: str) -> bool:
            seen.append(writer.in_transaction())
            return hasher.verify(stored, password)

        def __getattr__(self, name: str) -> object:
            return getattr(hasher, name)

    monkeypatch.setattr(user_service, "_hasher", WatchedHasher())
    result = logins.log_in(
        session=writer,
        reader=reader,
        email=TEST_USERS["editor"][0],
        password=PASSWORD,
        address="192.0.2.8",
        limiter=DatabaseLimiter(db.write_engine),
        limits=logins.LoginLimits(per_address=5, per_account=10),
    )
    writer.close(), reader.close()
    assert result.user is not None and result.user.last_login_at is not None
    assert seen == [False]


def test_finding_a_token_writes_nothing_and_use_is_recorded_once_a_minute(session, users):
    plaintext = issue_token(session, users, ["api"])
    token = user_service.find_token(session, plaintext)
    assert token.last_used_at is None and not session.dirty and not session.new
    now = utcnow()
    user_service.record_token_use(session=session, token_id=token.id, now=now)
    later = now + timedelta(seconds=30)
    user_service.record_token_use(session=session, token_id=token.id, now=later)
    session.rollback()
    stored = session.get(PartnerToken, token.id)
    assert stored.last_used_at.replace(tzinfo=None) == now.replace(tzinfo=None)
    assert user_service.token_use_due(stored, now=now + timedelta(minutes=2))
