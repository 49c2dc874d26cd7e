"""Watched sources: the feeds and sitemaps of outlets an admin asks claimtrack to watch.

One function per admin action, each one transaction with an audit row. A source is never removed:
deleting it stops polling and keeps what was found through it.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from claimtrack.extraction.feeds import KINDS
from claimtrack.models import User, WatchedSource, utcnow
from claimtrack.services import audit
from claimtrack.services.base import (
    check_http_url,
    check_language,
    clean_text,
    get_or_raise,
    require,
    use_case,
)
from claimtrack.services.errors import ValidationError
from claimtrack.workflow import Permission

AUTO = "auto"  # the kind is found from the first answer (feed or sitemap)
MIN_INTERVAL, MAX_INTERVAL = 5, 1440  # minutes
_FIELDS = ["url", "kind", "outlet", "interval_minutes", "active", "language"]


def check_interval(minutes: int) -> int:
    if not MIN_INTERVAL <= int(minutes) <= MAX_INTERVAL:
        raise ValidationError(
            "Poll every %(min)s to %(max)s minutes.",
            field="interval_minutes",
            params={"min": MIN_INTERVAL, "max": MAX_INTERVAL},
        )
    return int(minutes)


@use_case
def add_source(
    *,
    session: Session,
    actor: User,
    url: str,
    kind: str = AUTO,
    outlet: str = "",
    interval_minutes: int = 30,
    language: str | None = None,
) -> WatchedSource:
    """Start watching a feed or sitemap; it is first polled at the next round of the worker."""
    require(actor, Permission.MANAGE_SOURCES)
    checked = check_http_url(url, "url") or ""
    if kind not in (AUTO, *KINDS):
        raise ValidationError("Kind must be auto, feed or sitemap.", field="kind")
    if language:
        check_language(language)
    taken = session.exec(
        select(WatchedSource.id).where(
            WatchedSource.url == checked, col(WatchedSource.deleted_at).is_(None)
        )
    ).first()
    if taken is not None:
        raise ValidationError("This address is watched already.", field="url")
    source = WatchedSource(
        url=checked,
        kind=kind,
        outlet=clean_text(outlet, "outlet", required=False, max_len=200),
        interval_minutes=check_interval(interval_minutes),
        language=language or None,
        next_poll_at=utcnow(),
        created_by_id=actor.id,
    )
    session.add(source)
    session.flush()
    audit.record(session, actor=actor, action="watched_source.create", obj=source,
                 after=audit.snapshot(source, _FIELDS))  # fmt: skip
    return source


@use_case
def pause_source(*, session: Session, actor: User, source_id: int) -> WatchedSource:
    """Stop polling a source for now (it keeps its history and can be resumed)."""
    return _set_active(session, actor, source_id, False)


@use_case
def resume_source(*, session: Session, actor: User, source_id: int) -> WatchedSource:
    """Poll a paused source again, at once; its failure count starts over."""
    return _set_active(session, actor, source_id, True)


def _set_active(session: Session, actor: User, source_id: int, active: bool) -> WatchedSource:
    require(actor, Permission.MANAGE_SOURCES)
    source = get_or_raise(session, WatchedSource, source_id)
    before = audit.snapshot(source, ["active"])
    source.active = active
    if active:
        source.failures, source.next_poll_at = 0, utcnow()
    session.add(source)
    action = "watched_source.resume" if active else "watched_source.pause"
    audit.record(session, actor=actor, action=action, obj=source, before=before,
                 after=audit.snapshot(source, ["active"]))  # fmt: skip
    return source


@use_case
def delete_source(
    *, session: Session, actor: User, source_id: int, reason: str = ""
) -> WatchedSource:
    """Stop watching for good (soft delete: items, stories and alerts found through it stay)."""
    require(actor, Permission.MANAGE_SOURCES)
    source = get_or_raise(session, WatchedSource, source_id)
    source.active = False
    source.deleted_at, source.deleted_by_id = utcnow(), actor.id
    source.deleted_reason = clean_text(reason, "reason", required=False, max_len=500) or None
    session.add(source)
    audit.record(session, actor=actor, action="watched_source.delete", obj=source,
                 before=audit.snapshot(source, _FIELDS))  # fmt: skip
    return source


@use_case
def poll_soon(*, session: Session, actor: User, source_id: int) -> WatchedSource:
    """Make a source due now (the worker polls it within a minute), even while it is backed off."""
    require(actor, Permission.MANAGE_SOURCES)
    source = get_or_raise(session, WatchedSource, source_id)
    source.next_poll_at = utcnow()
    session.add(source)
    audit.record(session, actor=actor, action="watched_source.poll", obj=source)
    return source


def list_sources(session: Session, *, include_deleted: bool = False) -> list[WatchedSource]:
    stmt = select(WatchedSource).order_by(col(WatchedSource.outlet), col(WatchedSource.id))
    if not include_deleted:
        stmt = stmt.where(col(WatchedSource.deleted_at).is_(None))
    return list(session.exec(stmt))


def get_source(session: Session, source_id: int) -> WatchedSource:
    return get_or_raise(session, WatchedSource, source_id)


def outlets(session: Session) -> list[str]:
    """The outlets named on sources (the alerts page filters by them)."""
    stmt = select(WatchedSource.outlet).where(WatchedSource.outlet != "").distinct()
    return sorted(str(o) for o in session.exec(stmt))


def next_poll(source: WatchedSource) -> datetime | None:
    """When the worker will poll it next (None while paused or deleted)."""
    if not source.active or source.deleted_at is not None:
        return None
    return source.next_poll_at
