"""Shared rate-limit counters: one row per key and time slice, so every worker and app server on the
same database counts against the same number."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel


class RateCounter(SQLModel, table=True):
    """Requests counted for one key (a SHA-256 of scope and identity) in one time slice."""

    __tablename__ = "rate_counter"

    key: str = Field(max_length=64, primary_key=True)
    # The slice number: whole seconds since the epoch divided by the slice length.
    slot: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    hits: int = Field(default=0, nullable=False)
    # Epoch seconds after which the row no longer counts for any window (cleanup only).
    expires_at: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
