"""Monitoring: the outlets' feeds and sitemaps the desk watches, what was seen in them, and the
alerts raised when a checked claim turns up again.

A `WatchedSource` is polled by whichever worker wins its lease (a conditional UPDATE, as for
`JobRun`); a `WatchedItem` row per (source, URL) is inserted before the article is fetched, and
its unique constraint is what makes two concurrent polls store each item once. An `Alert` groups
the new appearances (`AlertAppearance`) of one checked claim while it is open: `open_claim_id`
is set only while open and is unique, so two workers cannot open two alerts for one claim.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import SoftDeleted, long_text, time_field


class WatchedSource(SoftDeleted, table=True):
    __tablename__ = "watched_source"
    __table_args__ = (Index("ix_watched_source_due", "active", "next_poll_at"),)

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    kind: str = Field(default="feed", max_length=20)  # feed (RSS/Atom) or sitemap
    outlet: str = Field(default="", max_length=200, index=True)
    language: str | None = Field(default=None, max_length=5)  # None: detected per story
    interval_minutes: int = Field(default=30)
    active: bool = Field(default=True)  # False: paused
    # Validators of the last answer, sent back as a conditional GET.
    etag: str = Field(default="", max_length=500)
    last_modified: str = Field(default="", max_length=100)
    last_polled_at: datetime | None = time_field()
    next_poll_at: datetime | None = time_field()
    last_error: str = Field(default="", max_length=1000)
    failures: int = Field(default=0)  # consecutive; drives the back-off
    items_seen: int = Field(default=0)
    lease_owner: str = Field(default="", max_length=200)
    lease_until: datetime | None = time_field()
    created_at: datetime = time_field(nullable=False, default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")


class WatchedItem(SQLModel, table=True):
    """One item (article URL) of a watched source, recorded the first time it is seen."""

    __tablename__ = "watched_item"
    __table_args__ = (UniqueConstraint("source_id", "url"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="watched_source.id", index=True)
    url: str = Field(max_length=2000)
    title: str = Field(default="", max_length=1000)
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)
    state: str = Field(default="new", max_length=20)  # new, stored, failed
    error: str = Field(default="", max_length=500)
    seen_at: datetime = time_field(nullable=False, default_now=True, index=True)


class Alert(SQLModel, table=True):
    """A checked (published) claim is back: its new appearances, for the desk to confirm."""

    __tablename__ = "alert"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    open_claim_id: int | None = Field(default=None, unique=True)  # = claim_id while open
    state: str = Field(default="open", max_length=20, index=True)  # open, confirmed, dismissed
    created_at: datetime = time_field(nullable=False, default_now=True, index=True)
    updated_at: datetime = time_field(nullable=False, default_now=True)
    decided_at: datetime | None = time_field()
    decided_by_id: int | None = Field(default=None, foreign_key="user.id")
    dismiss_reason: str = Field(default="", max_length=500)


class AlertAppearance(SQLModel, table=True):
    """A sentence of a new story that the matcher found to be (a variant of) the checked claim."""

    __tablename__ = "alert_appearance"
    __table_args__ = (UniqueConstraint("claim_id", "story_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    claim_id: int = Field(foreign_key="claim.id")
    story_id: int = Field(foreign_key="story.id", index=True)
    source_id: int | None = Field(default=None, foreign_key="watched_source.id", index=True)
    quote: str = long_text()
    position: int = Field(default=0)
    credited_to: str = Field(default="", max_length=300)
    kind: str = Field(default="same", max_length=20)  # the matcher's decision: same or variant
    score: float = Field(default=0.0)
    appearance_id: int | None = Field(default=None, foreign_key="appearance.id")
    created_at: datetime = time_field(nullable=False, default_now=True)
    # proposed, confirmed (an Appearance now) or dismissed: one by one, or with the whole alert
    state: str = Field(default="proposed", max_length=20)
    decided_at: datetime | None = time_field()
    decided_by_id: int | None = Field(default=None, foreign_key="user.id")


class AlertFeedToken(SQLModel, table=True):
    """A desk user's secret for the alerts Atom feed (a feed reader cannot log in).

    Only the SHA-256 of the token is stored; a new token replaces the old one.
    """

    __tablename__ = "alert_feed_token"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", unique=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = time_field(nullable=False, default_now=True)
