"""Stories (articles) and the appearances of claims in them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field

from .base import SoftDeleted, long_text, time_field


class Story(SoftDeleted, table=True):
    id: int | None = Field(default=None, primary_key=True)
    url: str | None = Field(default=None, max_length=2000)
    # Unique so that the same article ingested twice is stored once.
    canonical_url: str | None = Field(default=None, max_length=2000, unique=True)
    outlet: str = Field(default="", max_length=200, index=True)
    title: str = Field(default="", max_length=1000)
    byline: str = Field(default="", max_length=500)
    language: str = Field(default="de", max_length=5)
    published_at: datetime | None = time_field(index=True)
    retrieved_at: datetime | None = time_field()
    body: str = long_text()
    # SHA-256 of the normalised body: the identity of a story without a URL.
    content_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = time_field(nullable=False, default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")


class Appearance(SoftDeleted, table=True):
    """One occurrence of a claim in a story, as printed there."""

    __table_args__ = (UniqueConstraint("claim_id", "story_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    story_id: int = Field(foreign_key="story.id", index=True)
    quote: str = long_text()
    position: int | None = Field(default=None)
    credited_to: str = Field(default="", max_length=300)
    appeared_on: date | None = Field(default=None, index=True)
    created_at: datetime = time_field(nullable=False, default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
