"""Column types and mixins shared by the tables.

Times are stored as naive UTC and handed out as aware UTC on both SQLite and PostgreSQL, so code never
compares a naive with an aware datetime.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Text, TypeDecorator
from sqlmodel import Field, SQLModel

# A fixed "now" for code that records the past on purpose (the demo data publishes its verdicts on
# dates near their claims). Unset everywhere else.
_fixed_now: ContextVar[datetime | None] = ContextVar("claimtrack_fixed_now", default=None)


def utcnow() -> datetime:
    fixed = _fixed_now.get()
    return fixed if fixed is not None else datetime.now(UTC)


@contextmanager
def clock_at(moment: datetime) -> Iterator[None]:
    """Within the block, `utcnow()` (timestamps, revisions, audit events) returns `moment`."""
    token = _fixed_now.set(moment)
    try:
        yield
    finally:
        _fixed_now.reset(token)


class UTCDateTime(TypeDecorator[datetime]):
    """A DateTime that always returns timezone-aware UTC values."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def time_field(*, nullable: bool = True, default_now: bool = False, index: bool = False) -> Any:
    """A UTC timestamp column; `default_now` fills it on insert."""
    return Field(
        default_factory=utcnow if default_now else lambda: None,
        sa_type=UTCDateTime,
        nullable=nullable,
        index=index,
    )


def json_field(default_factory: Any = list, *, nullable: bool = False) -> Any:
    """A JSON column (lists of tags, figures; before/after snapshots)."""
    return Field(default_factory=default_factory, sa_type=JSON, nullable=nullable)


def long_text(default: str = "") -> Any:
    """Unbounded text (article bodies, reasoning)."""
    return Field(default=default, sa_type=Text, nullable=False)


class SoftDeleted(SQLModel):
    """Rows are never removed: deletion records when, by whom and why."""

    deleted_at: datetime | None = time_field()
    deleted_by_id: int | None = Field(default=None, foreign_key="user.id")
    deleted_reason: str | None = Field(default=None, max_length=500)
