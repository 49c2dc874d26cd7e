"""Sources: the evidence behind a verdict, attached to the claim they support."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from claimtrack.models import Claim, Source, SourceKind, User, utcnow
from claimtrack.workflow import Permission

from . import audit, revisions
from .base import check_http_url, clean_text, get_or_raise, require, use_case
from .errors import ValidationError

FIELDS = ["url", "title", "publisher", "kind", "accessed_on", "archive_url", "note"]


@dataclass
class SourceInput:
    url: str
    title: str = ""
    publisher: str = ""
    kind: str = SourceKind.OTHER
    accessed_on: date | None = None
    archive_url: str | None = None
    note: str = ""


def _values(data: SourceInput) -> dict[str, Any]:
    try:
        kind = SourceKind(data.kind)
    except ValueError:
        raise ValidationError("Unknown kind of source.", field="kind") from None
    return {
        "url": check_http_url(data.url, "url"),
        "title": clean_text(data.title, "title", required=False, max_len=500),
        "publisher": clean_text(data.publisher, "publisher", required=False, max_len=200),
        "kind": kind,
        "accessed_on": data.accessed_on,
        "archive_url": check_http_url(data.archive_url, "archive_url", required=False),
        "note": clean_text(data.note, "note", required=False, max_len=5000),
    }


@use_case
def add_source(*, session: Session, actor: User, claim_id: int, data: SourceInput) -> Source:
    require(actor, Permission.TRIAGE)
    claim = get_or_raise(session, Claim, claim_id)
    count = len(sources_of(session, claim_id))
    source = Source(claim_id=claim.id or 0, position=count, created_by_id=actor.id, **_values(data))
    session.add(source)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="source.create",
        obj=source,
        after=audit.snapshot(source, FIELDS),
    )
    revisions.record_published_change(
        session, claim_id=source.claim_id, actor=actor, note=f"Source added: {source.url}"
    )
    return source


@use_case
def edit_source(*, session: Session, actor: User, source_id: int, data: SourceInput) -> Source:
    require(actor, Permission.TRIAGE)
    source = get_or_raise(session, Source, source_id)
    before = audit.snapshot(source, FIELDS)
    for key, value in _values(data).items():
        setattr(source, key, value)
    session.add(source)
    audit.record(
        session,
        actor=actor,
        action="source.edit",
        obj=source,
        before=before,
        after=audit.snapshot(source, FIELDS),
    )
    revisions.record_published_change(
        session, claim_id=source.claim_id, actor=actor, note=f"Source changed: {source.url}"
    )
    return source


@use_case
def remove_source(*, session: Session, actor: User, source_id: int, reason: str = "") -> Source:
    require(actor, Permission.TRIAGE)
    source = get_or_raise(session, Source, source_id)
    source.deleted_at = utcnow()
    source.deleted_by_id = actor.id
    source.deleted_reason = reason.strip()[:500] or None
    session.add(source)
    audit.record(
        session,
        actor=actor,
        action="source.remove",
        obj=source,
        before=audit.snapshot(source, FIELDS),
    )
    revisions.record_published_change(
        session, claim_id=source.claim_id, actor=actor, note=f"Source removed: {source.url}"
    )
    return source


def sources_of(session: Session, claim_id: int) -> list[Source]:
    stmt = (
        select(Source)
        .where(Source.claim_id == claim_id, col(Source.deleted_at).is_(None))
        .order_by(col(Source.position), col(Source.id))
    )
    return list(session.exec(stmt))
