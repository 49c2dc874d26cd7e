"""Claims, their tags, internal notes and the links the matcher and the desk draw between them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import CheckConstraint, Column, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from claimtrack.enums import ClaimantKind, ClaimStatus, LinkState

from .base import SoftDeleted, json_field, long_text, time_field

# One Column object serves as the field and as the mapper's version counter: every UPDATE then
# says `WHERE version = <the version read>` and a stale write fails instead of overwriting.
_claim_version = Column("version", Integer, nullable=False, default=1)
_link_version = Column("version", Integer, nullable=False, default=1, server_default="1")


class Claim(SoftDeleted, table=True):
    id: int | None = Field(default=None, primary_key=True)
    text: str = long_text()
    language: str = Field(default="de", max_length=5, index=True)
    claimant: str = Field(default="", max_length=300)
    claimant_kind: str = Field(default=ClaimantKind.UNKNOWN, max_length=20)
    claim_date: date | None = Field(default=None)
    status: str = Field(default=ClaimStatus.NEW, max_length=20, index=True)
    assignee_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    worthiness: float | None = Field(default=None)
    worthiness_reasons: list[dict[str, Any]] = json_field()  # extractor reasons: code, values
    # What the claim states, for comparison and charts: [{value, qualifier, unit, counted, raw}].
    figures: list[dict[str, Any]] = json_field()
    places: list[str] = json_field()
    dates: list[str] = json_field()
    # Canonical claim of the cluster of confirmed "same" claims this one belongs to.
    canonical_claim_id: int | None = Field(default=None, foreign_key="claim.id", index=True)
    created_at: datetime = time_field(nullable=False, default_now=True, index=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    updated_at: datetime = time_field(nullable=False, default_now=True)
    version: int = Field(default=1, sa_column=_claim_version)
    # Triage-queue inputs kept current by `services.queue_rank` (written with plain UPDATEs, so the
    # edit version does not move): the spread of the claim's cluster, the time-free part of the
    # rank, the moment its recency counts from, and whether the default queue lists it.
    spread_stories: int = Field(default=0)
    spread_outlets: int = Field(default=0)
    last_seen_at: datetime | None = time_field()
    rank_base: int = Field(default=0)
    seen_at: datetime | None = time_field()
    in_queue: bool = Field(default=False)

    __mapper_args__ = {"version_id_col": _claim_version}
    __table_args__ = (
        # The first page of the queue walks these two from the top instead of sorting every claim.
        Index("ix_claim_queue_rank", "in_queue", "rank_base", "id"),
        Index("ix_claim_queue_seen", "in_queue", "seen_at", "rank_base", "id"),
    )


class QueueTally(SQLModel, table=True):
    """How many claims the default triage queue lists (one row, kept with the `in_queue` flags):
    counting them per request grew with the store."""

    __tablename__ = "queue_tally"

    id: int = Field(default=1, primary_key=True)
    open_claims: int = Field(default=0)


class ClaimTag(SQLModel, table=True):
    __tablename__ = "claim_tag"

    claim_id: int = Field(foreign_key="claim.id", primary_key=True)
    tag: str = Field(max_length=60, primary_key=True, index=True)


class ClaimNote(SoftDeleted, table=True):
    """An internal research note on a claim, never shown to readers."""

    __tablename__ = "claim_note"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    author_id: int | None = Field(default=None, foreign_key="user.id")
    body: str = long_text()
    created_at: datetime = time_field(nullable=False, default_now=True)


class ClaimLink(SQLModel, table=True):
    """A relation between two claims, suggested by the matcher or drawn by a person.

    The pair is stored once, lower id first, so a pair can never be suggested twice.
    """

    __tablename__ = "claim_link"
    __table_args__ = (
        UniqueConstraint("claim_a_id", "claim_b_id"),
        CheckConstraint("claim_a_id < claim_b_id", name="ck_claim_link_ordered"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(foreign_key="claim.id", index=True)
    claim_b_id: int = Field(foreign_key="claim.id", index=True)
    kind: str = Field(max_length=20)
    score: float = Field(default=0.0)
    method: str = Field(default="", max_length=60)
    features: dict[str, Any] = json_field(default_factory=dict)
    state: str = Field(default=LinkState.SUGGESTED, max_length=20, index=True)
    decided_by_id: int | None = Field(default=None, foreign_key="user.id")
    decided_at: datetime | None = time_field()
    created_at: datetime = time_field(nullable=False, default_now=True)
    # A fact-checker's proposal (state "proposed") for an editor to confirm or reject.
    proposed_kind: str | None = Field(default=None, max_length=20)
    proposed_by_id: int | None = Field(default=None, foreign_key="user.id")
    proposed_at: datetime | None = time_field()
    proposal_note: str = Field(default="", max_length=1000)
    # Moves with every change: a decision made on what someone saw before is refused.
    version: int = Field(default=1, sa_column=_link_version)

    __mapper_args__ = {"version_id_col": _link_version}
