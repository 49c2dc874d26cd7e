"""Rating scale, verdicts and their immutable revisions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from claimtrack.enums import VerdictState
from claimtrack.languages import in_language

from .base import json_field, long_text, time_field


class RatingLabel(SQLModel, table=True):
    """One label of the desk's rating scale. `ordinal` is set only for points on a true–false line."""

    __tablename__ = "rating_label"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=40, unique=True)
    # Per language code (see claimtrack.languages): a language is added as data, not as columns.
    names: dict[str, str] = json_field(dict)
    explanations: dict[str, str] = json_field(dict)
    color: str = Field(default="#666666", max_length=7)
    ordinal: int | None = Field(default=None)
    position: int = Field(default=0)
    active: bool = Field(default=True)

    def name_in(self, language: str) -> str:
        """The label's name in `language` (else in the default language, else its key)."""
        return in_language(self.names, language, self.key)

    def explanation_in(self, language: str) -> str:
        return in_language(self.explanations, language)


_verdict_version = Column("version", Integer, nullable=False, default=1)


class Verdict(SQLModel, table=True):
    """The desk's verdict on one claim. Published text changes only through revisions."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", unique=True)
    rating_id: int | None = Field(default=None, foreign_key="rating_label.id")
    headline: str = Field(default="", max_length=300)
    summary: str = long_text()
    reasoning: str = long_text()
    language: str = Field(default="de", max_length=5)
    state: str = Field(default=VerdictState.DRAFT, max_length=20, index=True)
    author_id: int | None = Field(default=None, foreign_key="user.id")
    reviewer_id: int | None = Field(default=None, foreign_key="user.id")
    valid_as_of: date | None = Field(default=None)
    published_at: datetime | None = time_field(index=True)
    # Last change readers can see (publication, correction, silent update or withdrawal).
    modified_at: datetime | None = time_field(index=True)
    withdrawn_reason: str | None = Field(default=None, max_length=1000)
    created_at: datetime = time_field(nullable=False, default_now=True)
    updated_at: datetime = time_field(nullable=False, default_now=True)
    version: int = Field(default=1, sa_column=_verdict_version)

    __mapper_args__ = {"version_id_col": _verdict_version}
    # Reader lists and feeds read published verdicts newest first: without this index SQLite sorted
    # every published verdict per request (31 ms at 10,000).
    __table_args__ = (Index("ix_verdict_state_published_at", "state", "published_at"),)


class VerdictRevision(SQLModel, table=True):
    """An immutable record of one change to a verdict (database triggers refuse UPDATE and DELETE)."""

    __tablename__ = "verdict_revision"
    __table_args__ = (UniqueConstraint("verdict_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    verdict_id: int = Field(foreign_key="verdict.id", index=True)
    number: int
    kind: str = Field(max_length=20)
    # Public corrections are shown to readers with their note; internal edits are not.
    public: bool = Field(default=False)
    note: str = long_text()
    actor_id: int | None = Field(default=None, foreign_key="user.id")
    at: datetime = time_field(nullable=False, default_now=True, index=True)
    old_rating_id: int | None = Field(default=None, foreign_key="rating_label.id")
    new_rating_id: int | None = Field(default=None, foreign_key="rating_label.id")
    old: dict[str, Any] | None = json_field(default_factory=lambda: None, nullable=True)
    new: dict[str, Any] = json_field(default_factory=dict)
