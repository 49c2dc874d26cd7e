"""The audit trail: every service that changes something records one event in the same transaction."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from claimtrack.models import AuditEvent, User


def snapshot(obj: SQLModel, fields: list[str] | None = None) -> dict[str, Any]:
    """A JSON-safe copy of an object's columns (or of `fields`)."""
    names = fields or [c.name for c in obj.__table__.columns]  # type: ignore[attr-defined]
    return {name: to_json(getattr(obj, name)) for name in names}


def to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def record(
    session: Session,
    *,
    actor: User | None,
    action: str,
    obj: SQLModel | None = None,
    object_type: str | None = None,
    object_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the session (the calling use case commits it with its change)."""
    if obj is not None:
        object_type = object_type or str(obj.__tablename__)
        object_id = object_id if object_id is not None else getattr(obj, "id", None)
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        action=action,
        object_type=object_type or "",
        object_id=object_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(k for k in after if before.get(k) != after.get(k))


def last_change(session: Session, object_type: str, object_id: int) -> AuditEvent | None:
    """The newest audit event of an object (to name who changed it in a conflict message)."""
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.object_type == object_type, AuditEvent.object_id == object_id)
        .order_by(col(AuditEvent.id).desc())
        .limit(1)
    )
    return session.exec(stmt).first()


def list_events(
    session: Session,
    *,
    action: str | None = None,
    object_type: str | None = None,
    object_id: int | None = None,
    actor_id: int | None = None,
    limit: int = 100,
    before_id: int | None = None,
) -> list[AuditEvent]:
    """Audit events, newest first, with keyset paging on the id."""
    stmt = select(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if object_type:
        stmt = stmt.where(AuditEvent.object_type == object_type)
    if object_id is not None:
        stmt = stmt.where(AuditEvent.object_id == object_id)
    if actor_id is not None:
        stmt = stmt.where(AuditEvent.actor_id == actor_id)
    if before_id is not None:
        stmt = stmt.where(col(AuditEvent.id) < before_id)
    stmt = stmt.order_by(col(AuditEvent.id).desc()).limit(limit)
    return list(session.exec(stmt))
