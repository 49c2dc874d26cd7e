"""Failed login attempts, kept in the database so the login rate limit holds across workers and servers."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import time_field


class LoginAttempt(SQLModel, table=True):
    """One failed login for one account from one address (both only as a SHA-256 `key`)."""

    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=64, index=True)
    at: datetime = time_field(nullable=False, default_now=True, index=True)
