"""Partner webhooks: outbox rows with the verdict, Standard Webhooks signatures, retries, resend."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from flask import Flask
from sqlmodel import Session, select
from standardwebhooks.webhooks import Webhook

from claimtrack.fetch import FetchPolicy
from claimtrack.models import User, WebhookDelivery
from claimtrack.services import webhooks
from claimtrack.services.errors import ValidationError
from tests.factories import correct_publicly, make_claim, make_published_verdict
from tests.jobs.receiver import Receiver, start_receiver

LOOPBACK = FetchPolicy(allow_loopback=True)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = start_receiver()
    yield r
    r.close()


@pytest.fixture
def hook_app(make_app) -> Flask:  # type: ignore[no-untyped-def]
    return make_app(FETCH_ALLOW_LOOPBACK=True, PUBLIC_BASE_URL="https://faktencheck.example.org/")


def _user(session: Session, email: str) -> User:
    return session.exec(select(User).where(User.email == email)).one()


def _deliveries(session: Session) -> list[WebhookDelivery]:
    """The outbox as stored now, read in a session of its own (no lock held afterwards)."""
    db = session.info["db"]
    with db.session_scope(write=False) as reader:
        rows = list(reader.exec(select(WebhookDelivery).order_by(WebhookDelivery.id)))
        reader.expunge_all()
    return rows


def _add(session: Session, url: str, events: list[str], partner: str = "Partner") -> str:
    admin = _user(session, "admin@example.org")
    _, secret = webhooks.add_endpoint(session=session, actor=admin, partner=partner, url=url,
                                      events=events, policy=LOOPBACK)  # fmt: skip
    return secret


def test_publish_writes_a_signed_delivery_with_the_claimreview(
    hook_app: Flask, receiver: Receiver
) -> None:
    db = hook_app.extensions["claimtrack.db"]
    with db.session_scope() as session:
        session.info["db"] = db
        secret = _add(session, receiver.url, [webhooks.PUBLISHED])
        editor = _user(session, "editor@example.org")
        claim = make_claim(session, editor)
        make_published_verdict(session, editor, claim)
        rows = _deliveries(session)
        assert [(d.event_type, d.claim_id, d.state) for d in rows] == [
            ("verdict.published", claim.id, "pending")
        ]
        assert webhooks.attempt(db, rows[0].id or 0, hook_app.config) is None
        (call,) = receiver.calls
        payload = Webhook(secret).verify(call.body, call.headers)  # raises on a bad signature
        assert call.headers["webhook-id"] == rows[0].message_id
        assert payload["type"] == "verdict.published"
        review = payload["data"]["claimReview"]
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.text
        assert payload["data"]["url"].startswith("https://faktencheck.example.org/")
        (done,) = _deliveries(session)
        assert done.state == "delivered" and done.attempts == 1 and done.last_status == 200
        assert done.first_latency_ms is not None
        # A second attempt of a delivered event sends nothing.
        assert webhooks.attempt(db, done.id or 0, hook_app.config) is None
        assert len(receiver.calls) == 1


def test_correction_reaches_every_partner_that_got_the_verdict(
    hook_app: Flask, receiver: Receiver
) -> None:
    db = hook_app.extensions["claimtrack.db"]
    other = start_receiver()
    try:
        with db.session_scope() as session:
            session.info["db"] = db
            _add(session, receiver.url, [webhooks.PUBLISHED], partner="nur Veröffentlichungen")
            _add(session, other.url, list(webhooks.EVENTS), partner="alles")
            editor = _user(session, "editor@example.org")
            claim = make_claim(session, editor)
            verdict = make_published_verdict(session, editor, claim)
            for d in _deliveries(session):
                webhooks.attempt(db, d.id or 0, hook_app.config)
            correct_publicly(session, editor, verdict, note="Die Zahl war 227, nicht 225.")
            fresh = [d for d in _deliveries(session) if d.event_type == webhooks.CORRECTED]
            assert len(fresh) == 2  # the published-only partner gets the correction too
            for d in fresh:
                webhooks.attempt(db, d.id or 0, hook_app.config)
        for r in (receiver, other):
            body = json.loads(r.calls[-1].body)
            assert body["type"] == "verdict.corrected"
            assert body["data"]["correction"]["note"] == "Die Zahl war 227, nicht 225."
            assert body["data"]["claimReview"]["reviewRating"]
    finally:
        other.close()


def test_failed_attempts_back_off_and_send_again_keeps_the_id(
    hook_app: Flask, receiver: Receiver
) -> None:
    db = hook_app.extensions["claimtrack.db"]
    receiver.status = 503
    with db.session_scope() as session:
        session.info["db"] = db
        _add(session, receiver.url, [webhooks.PUBLISHED])
        editor = _user(session, "editor@example.org")
        make_published_verdict(session, editor, make_claim(session, editor))
        (row,) = _deliveries(session)
        assert webhooks.attempt(db, row.id or 0, hook_app.config) == webhooks.RETRY_S[0]
        (row,) = _deliveries(session)
        assert (row.state, row.attempts, row.last_status) == ("pending", 1, 503)
        assert row.next_attempt_at is not None
        # Not due yet: a second worker (or the sweep) sends nothing.
        assert webhooks.attempt(db, row.id or 0, hook_app.config) is None
        assert len(receiver.calls) == 1
        receiver.status = 410  # the partner says: stop
        admin = _user(session, "admin@example.org")
        webhooks.send_again(session=session, actor=admin, delivery_id=row.id or 0)
        assert webhooks.attempt(db, row.id or 0, hook_app.config) is None
        (row,) = _deliveries(session)
        assert (row.state, row.attempts, row.last_status) == ("failed", 2, 410)
        receiver.status = 200
        webhooks.send_again(session=session, actor=admin, delivery_id=row.id or 0)
        webhooks.attempt(db, row.id or 0, hook_app.config)
        assert len(set(receiver.ids())) == 1 and len(receiver.calls) == 3
        assert receiver.calls[0].body == receiver.calls[2].body


def test_endpoints_must_be_https_and_public(hook_app: Flask) -> None:
    db = hook_app.extensions["claimtrack.db"]
    with db.session_scope() as session:
        session.info["db"] = db
        admin = _user(session, "admin@example.org")
        for url, policy in (
            ("http://partner.example.org/hook", FetchPolicy()),
            ("https://127.0.0.1/hook", FetchPolicy()),
            ("https://10.1.2.3/hook", LOOPBACK),
            ("javascript:alert(1)", LOOPBACK),
        ):
            with pytest.raises(ValidationError):
                webhooks.add_endpoint(session=session, actor=admin, partner="P", url=url,
                                      events=[webhooks.PUBLISHED], policy=policy)  # fmt: skip
        with pytest.raises(ValidationError):
            webhooks.add_endpoint(session=session, actor=admin, partner="P",
                                  url="http://127.0.0.1:9/hook", events=["x"], policy=LOOPBACK)  # fmt: skip
        checker = _user(session, "checker@example.org")
        from claimtrack.services.errors import PermissionDenied

        with pytest.raises(PermissionDenied):
            webhooks.add_endpoint(session=session, actor=checker, partner="P",
                                  url="http://127.0.0.1:9/hook", events=[webhooks.PUBLISHED],
                                  policy=LOOPBACK)  # fmt: skip
