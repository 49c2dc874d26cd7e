"""Evidence behind a verdict."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field

from claimtrack.enums import SourceKind

from .base import SoftDeleted, long_text, time_field


class Source(SoftDeleted, table=True):
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    url: str = Field(max_length=2000)
    title: str = Field(default="", max_length=500)
    publisher: str = Field(default="", max_length=200)
    kind: str = Field(default=SourceKind.OTHER, max_length=30)
    accessed_on: date | None = Field(default=None)
    archive_url: str | None = Field(default=None, max_length=2000)
    note: str = long_text()
    position: int = Field(default=0)
    created_at: datetime = time_field(nullable=False, default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
