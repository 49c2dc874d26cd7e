"""Reader-side schema: error reports that readers send from a verdict page (they land in the
desk's list), and the index the public lists need."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import long_text, time_field


class ErrorReport(SQLModel, table=True):
    __tablename__ = "error_report"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    message: str = long_text()
    # Optional, only to ask the reader back; never shown publicly.
    email: str | None = Field(default=None, max_length=254)
    language: str = Field(default="de", max_length=5)
    created_at: datetime = time_field(nullable=False, default_now=True, index=True)
    handled_at: datetime | None = time_field()
    handled_by_id: int | None = Field(default=None, foreign_key="user.id")
