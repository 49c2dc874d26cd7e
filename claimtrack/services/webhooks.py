"""Partner webhooks (Standard Webhooks): who gets which verdict events, and delivering them.

Events are written as outbox rows (`WebhookDelivery`) in the same transaction as the verdict's
revision, so an event is never lost and never invented; the queue then sends them. Each delivery
has one `webhook-id` for all its attempts and for "send again", so receivers drop repeats
(at-least-once delivery). Attempts follow the Standard Webhooks schedule for about a day. A
correction or withdrawal also goes to every endpoint that received an earlier event of the claim,
whether or not it subscribed to that event type.

Partners may also subscribe to alerts (`alert.raised`, not chosen by default): when monitoring
finds a claim with a published verdict back in a new story, the sightings and the event are
written in one transaction, and the delivery carries the claim's ClaimReview and the story.
"""

from __future__ import annotations

import base64
import json
import secrets
import time
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select
from standardwebhooks.webhooks import Webhook

from claimtrack.db import Database
from claimtrack.enums import WebhookEvent
from claimtrack.fetch import FetchError, FetchPolicy, post_bytes, resolve_public
from claimtrack.models import (
    Alert,
    AlertAppearance,
    RevisionKind,
    Story,
    User,
    Verdict,
    VerdictRevision,
    WebhookDelivery,
    WebhookEndpoint,
    utcnow,
)
from claimtrack.services import audit
from claimtrack.services.base import check_http_url, clean_text, get_or_raise, require, use_case
from claimtrack.services.errors import ValidationError
from claimtrack.workflow import Permission

PUBLISHED, CORRECTED, WITHDRAWN, ALERT = (e.value for e in WebhookEvent)
EVENTS = (PUBLISHED, CORRECTED, WITHDRAWN, ALERT)
VERDICT_EVENTS = (PUBLISHED, CORRECTED, WITHDRAWN)  # what a new endpoint gets unless told
_BY_REVISION = {
    RevisionKind.PUBLICATION: PUBLISHED,
    RevisionKind.CORRECTION: CORRECTED,
    RevisionKind.WITHDRAWAL: WITHDRAWN,
}
# Seconds before attempt 2, 3, ...: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 28 hours).
RETRY_S = (5, 300, 1800, 7200, 18000, 36000, 36000)
LEASE_S = 60
RESEND_KIND = "webhook-resend"


# -- endpoints -------------------------------------------------------------------------------
def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


@use_case
def add_endpoint(
    *,
    session: Session,
    actor: User,
    partner: str,
    url: str,
    events: list[str],
    policy: FetchPolicy,
) -> tuple[WebhookEndpoint, str]:
    """Register a partner's endpoint; returns it and its signing secret (shown only this once)."""
    require(actor, Permission.MANAGE_TOKENS)
    partner = clean_text(partner, "partner", max_len=200)
    url = check_endpoint_url(url, policy)
    chosen = sorted(set(events))
    if not chosen or any(e not in EVENTS for e in chosen):
        raise ValidationError("Choose at least one of: %(events)s.", field="events",
                              params={"events": ", ".join(EVENTS)})  # fmt: skip
    secret = new_secret()
    endpoint = WebhookEndpoint(
        partner=partner, url=url, events=chosen, secret=secret, created_by_id=actor.id
    )
    session.add(endpoint)
    session.flush()
    audit.record(session, actor=actor, action="webhook.create", obj=endpoint,
                 after=audit.snapshot(endpoint, ["partner", "url", "events"]))  # fmt: skip
    return endpoint, secret


def check_endpoint_url(url: str, policy: FetchPolicy) -> str:
    """HTTPS (plain HTTP only where the test-only loopback switch is on) to a public address."""
    checked = check_http_url(url, "url") or ""
    if not checked.startswith("https://") and not policy.allow_loopback:
        raise ValidationError("Webhook addresses must use https.", field="url")
    from httpx import URL

    parsed = URL(checked)
    try:
        resolve_public(parsed.host, parsed.port or 443, policy)
    except FetchError as exc:
        raise ValidationError("%(reason)s", field="url", params={"reason": str(exc)}) from exc
    return checked


@use_case
def disable_endpoint(*, session: Session, actor: User, endpoint_id: int) -> WebhookEndpoint:
    require(actor, Permission.MANAGE_TOKENS)
    endpoint = get_or_raise(session, WebhookEndpoint, endpoint_id)
    endpoint.active = False
    endpoint.disabled_at = utcnow()
    session.add(endpoint)
    audit.record(session, actor=actor, action="webhook.disable", obj=endpoint)
    return endpoint


def list_endpoints(session: Session) -> list[WebhookEndpoint]:
    return list(session.exec(select(WebhookEndpoint).order_by(col(WebhookEndpoint.id))))


def list_deliveries(
    session: Session, *, endpoint_id: int | None = None, limit: int = 100
) -> list[WebhookDelivery]:
    stmt = select(WebhookDelivery).order_by(col(WebhookDelivery.id).desc()).limit(limit)
    if endpoint_id:
        stmt = stmt.where(WebhookDelivery.endpoint_id == endpoint_id)
    return list(session.exec(stmt))


# -- events (outbox rows in the verdict's transaction) ---------------------------------------
def record_revision(session: Session, revision: VerdictRevision) -> list[WebhookDelivery]:
    """Outbox rows for a public verdict revision (published, corrected, withdrawn)."""
    event_type = _BY_REVISION.get(RevisionKind(revision.kind)) if revision.public else None
    if event_type is None:
        return []
    verdict = session.get(Verdict, revision.verdict_id)
    if verdict is None:
        return []
    key = f"verdict:{revision.verdict_id}:{revision.number}"
    data = {"claimId": verdict.claim_id, "revision": revision.number, "note": revision.note}
    return record_event(session, event_type=event_type, claim_id=verdict.claim_id, key=key,
                        data=data)  # fmt: skip


def record_event(
    session: Session, *, event_type: str, claim_id: int, key: str, data: dict[str, Any]
) -> list[WebhookDelivery]:
    endpoints = {
        e.id: e
        for e in session.exec(select(WebhookEndpoint).where(col(WebhookEndpoint.active)))
        if event_type in e.events
    }
    if event_type in (CORRECTED, WITHDRAWN):  # whoever got the verdict hears it changed
        earlier = select(WebhookDelivery.endpoint_id).where(WebhookDelivery.claim_id == claim_id)
        for endpoint_id in set(session.exec(earlier)):
            endpoint = session.get(WebhookEndpoint, endpoint_id)
            if endpoint is not None and endpoint.active:
                endpoints[endpoint_id] = endpoint
    made = []
    for endpoint_id in sorted(i for i in endpoints if i is not None):
        delivery = WebhookDelivery(
            endpoint_id=endpoint_id,
            message_id="msg_" + uuid.uuid4().hex,
            event_key=key,
            event_type=event_type,
            claim_id=claim_id,
            payload={"type": event_type, "data": data},
            next_attempt_at=utcnow(),
        )
        session.add(delivery)
        made.append(delivery)
    return made


def record_alert(
    session: Session, *, alert: Alert, story: Story, sightings: list[AlertAppearance]
) -> list[WebhookDelivery]:
    """Outbox rows for the sightings of a checked claim just proposed in one story (called in
    the transaction that stores them; queued when it commits). One event per story and alert:
    its key is the first sighting's id, so a story seen again later is a new event."""
    if not sightings:
        return []
    data = {
        "claimId": alert.claim_id,
        "alertId": alert.id,
        "stories": [
            {
                "url": story.url or story.canonical_url,
                "title": story.title,
                "outlet": story.outlet,
                "publishedAt": story.published_at.isoformat() if story.published_at else None,
                "sentences": [
                    {"text": s.quote, "kind": s.kind, "score": round(s.score, 1)} for s in sightings
                ],
            }
        ],
    }
    key = f"alert:{alert.id}:{min(s.id or 0 for s in sightings)}"
    made = record_event(session, event_type=ALERT, claim_id=alert.claim_id, key=key, data=data)
    session.info.setdefault("webhook_deliveries", []).extend(made)
    return made


def collect_revisions(session: Session) -> None:
    """before_flush: note public verdict revisions about to be inserted."""
    fresh = [o for o in session.new if isinstance(o, VerdictRevision) and o.public]
    if fresh:
        session.info.setdefault("webhook_revisions", []).extend(fresh)


def write_outbox(session: Session) -> None:
    """after_flush_postexec: outbox rows for the noted revisions (flushed with the commit)."""
    pending = session.info.pop("webhook_revisions", [])
    if not pending:
        return
    with session.no_autoflush:
        made = [d for rev in pending for d in record_revision(session, rev)]
    session.info.setdefault("webhook_deliveries", []).extend(made)


def committed_deliveries(session: Session) -> list[int]:
    """after_commit: ids of the deliveries the transaction wrote, to queue now."""
    return [d.id for d in session.info.pop("webhook_deliveries", []) if d.id]


def forget_deliveries(session: Session) -> None:
    """after_rollback: nothing was written."""
    session.info.pop("webhook_deliveries", None)
    session.info.pop("webhook_revisions", None)


# -- sending ---------------------------------------------------------------------------------
def policy_from_config(config: Mapping[str, Any]) -> FetchPolicy:
    return FetchPolicy(
        connect_timeout=5.0,
        read_timeout=float(config.get("WEBHOOK_TIMEOUT_S", 10.0)),
        total_timeout=float(config.get("WEBHOOK_TIMEOUT_S", 10.0)) + 5.0,
        # Loopback only ever for a testing app (the tests' local receivers).
        allow_loopback=bool(config.get("FETCH_ALLOW_LOOPBACK")) and bool(config.get("TESTING")),
        user_agent="claimtrack/0.1 (webhooks)",
    )


def due_deliveries(session: Session, *, limit: int = 500) -> list[int]:
    """Deliveries due now whose queue message may be lost (the sweep queues them again)."""
    now = utcnow()
    stmt = (
        select(WebhookDelivery.id)
        .where(
            (
                (col(WebhookDelivery.state) == "pending")
                & (col(WebhookDelivery.next_attempt_at) <= now - timedelta(seconds=5))
            )
            | ((col(WebhookDelivery.state) == "sending") & (col(WebhookDelivery.lease_until) < now))
        )
        .order_by(col(WebhookDelivery.id))
        .limit(limit)
    )
    return [int(i) for i in session.exec(stmt) if i]


def _claim(session: Session, delivery_id: int) -> WebhookDelivery | None:
    """pending and due (or sending under an expired lease) -> sending, for this worker only."""
    now = utcnow()
    stmt = (
        update(WebhookDelivery)
        .where(col(WebhookDelivery.id) == delivery_id)
        .where(
            (
                (col(WebhookDelivery.state) == "pending")
                & (col(WebhookDelivery.next_attempt_at) <= now)
            )
            | ((col(WebhookDelivery.state) == "sending") & (col(WebhookDelivery.lease_until) < now))
        )
        .values(
            state="sending",
            lease_until=now + timedelta(seconds=LEASE_S),
            attempts=WebhookDelivery.attempts + 1,
        )
    )
    if session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        return None
    delivery = session.get(WebhookDelivery, delivery_id)
    if delivery is not None:
        session.refresh(delivery)
    return delivery  # the caller commits (with the body, on the first attempt)


def _body(session: Session, delivery: WebhookDelivery, config: Mapping[str, Any]) -> dict[str, Any]:
    """The event body, built at the first attempt and kept, so every attempt sends the same.

    The deliveries of one event to several endpoints share the body built first.
    """
    if "timestamp" in delivery.payload:
        return delivery.payload
    siblings = select(WebhookDelivery.payload).where(
        WebhookDelivery.event_key == delivery.event_key, WebhookDelivery.id != delivery.id
    )
    for payload in session.exec(siblings):
        if "timestamp" in payload:
            delivery.payload = dict(payload)
            session.add(delivery)
            return delivery.payload
    from claimtrack.publishing.claimreview import claim_review, iso, site_from_config
    from claimtrack.services.publication.bundles import load_bundles

    site = site_from_config(config)
    bundles = load_bundles(session, [delivery.claim_id or 0], include_withdrawn=True)
    data = dict(delivery.payload.get("data", {}))
    if bundles:
        data["url"] = site.verdict_url(bundles[0])
        data["claimReview"] = claim_review(bundles[0], site=site)
    if delivery.event_type == CORRECTED:
        data["correction"] = {"note": data.pop("note", ""), "revision": data.get("revision")}
    body = {"type": delivery.event_type, "timestamp": iso(delivery.created_at), "data": data}
    delivery.payload = body
    session.add(delivery)
    return body


def attempt(db: Database, delivery_id: int, config: Mapping[str, Any]) -> float | None:
    """One attempt; returns the delay before the next one (None: delivered, gone or given up)."""
    with db.session_scope() as session:
        delivery = _claim(session, delivery_id)
        if delivery is None:
            return None
        endpoint = session.get(WebhookEndpoint, delivery.endpoint_id)
        body = _body(session, delivery, config)
        session.commit()  # the claim and, on the first attempt, the body: one transaction
        session.expunge_all()  # read after the session ends
    if endpoint is None or not endpoint.active:
        return _record(
            db, delivery, status=None, error="endpoint disabled", elapsed=0.0, final=True
        )
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    now = utcnow()
    headers = {
        "content-type": "application/json",
        "webhook-id": delivery.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(endpoint.secret).sign(delivery.message_id, now, raw),
    }
    started = time.perf_counter()
    try:
        answer = post_bytes(endpoint.url, raw.encode(), headers, policy_from_config(config))
    except FetchError as exc:
        return _record(
            db, delivery, status=None, error=str(exc), elapsed=time.perf_counter() - started
        )
    elapsed = time.perf_counter() - started
    if 200 <= answer.status < 300:
        return _record(db, delivery, status=answer.status, error="", elapsed=elapsed, ok=True)
    # 410 Gone: the receiver asks us to stop (Standard Webhooks).
    final = answer.status == 410
    return _record(
        db,
        delivery,
        status=answer.status,
        error=f"HTTP {answer.status}",
        elapsed=elapsed,
        final=final,
    )


def _record(
    db: Database,
    delivery: WebhookDelivery,
    *,
    status: int | None,
    error: str,
    elapsed: float,
    ok: bool = False,
    final: bool = False,
) -> float | None:
    now = utcnow()
    retry = (
        None if ok or final or delivery.attempts > len(RETRY_S) else RETRY_S[delivery.attempts - 1]
    )
    values: dict[str, Any] = {
        "state": "delivered" if ok else ("pending" if retry is not None else "failed"),
        "last_status": status,
        "last_error": error[:500],
        "last_latency_ms": round(elapsed * 1000, 1),
        "lease_until": None,
        "next_attempt_at": now + timedelta(seconds=retry) if retry is not None else None,
    }
    if ok:
        values["delivered_at"] = now
    if delivery.attempts == 1:
        values["first_latency_ms"] = round((now - delivery.created_at).total_seconds() * 1000, 1)
    stmt = (
        update(WebhookDelivery)
        .where(col(WebhookDelivery.id) == delivery.id, col(WebhookDelivery.state) == "sending")
        .values(values)
    )
    # The request went out: record it even if the database is busy for a while, or the sweep
    # would send it again after the lease (harmless with the same webhook-id, but noisy).
    for wait in (0.5, 1.0, 2.0, 4.0, 8.0, 0.0):  # well inside the 60 s lease
        try:
            with db.session_scope() as session:
                session.execute(stmt)
                session.commit()
            break
        except OperationalError:
            if not wait:
                raise
            time.sleep(wait)
    return float(retry) if retry is not None else None


@use_case
def send_again(*, session: Session, actor: User, delivery_id: int) -> WebhookDelivery:
    """Queue a delivery once more, same `webhook-id` and body (the receiver may drop it)."""
    require(actor, Permission.MANAGE_TOKENS)
    delivery = get_or_raise(session, WebhookDelivery, delivery_id)
    if delivery.state == "sending":
        raise ValidationError("This delivery is being sent right now.")
    delivery.state = "pending"
    delivery.next_attempt_at = utcnow()
    session.add(delivery)
    audit.record(session, actor=actor, action="webhook.send_again", obj=delivery)
    return delivery
