"""People who work in claimtrack, partners who read from it, and the audit trail of every change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from claimtrack.enums import Role

from .base import json_field, time_field


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(unique=True, index=True, max_length=254)
    name: str = Field(max_length=200)
    role: str = Field(default=Role.FACT_CHECKER, max_length=20)
    password_hash: str | None = Field(default=None, max_length=255)
    active: bool = Field(default=True)
    # A system account acts for the CLI and imports; it can never log in.
    is_system: bool = Field(default=False)
    locale: str = Field(default="de", max_length=5)
    created_at: datetime = time_field(nullable=False, default_now=True)
    last_login_at: datetime | None = time_field()
    # Bumped at logout and password change so old session cookies stop working.
    session_epoch: int = Field(default=0)


class PartnerToken(SQLModel, table=True):
    """An API token of a partner. Only the SHA-256 of the token is stored; the token is shown once."""

    __tablename__ = "partner_token"

    id: int | None = Field(default=None, primary_key=True)
    partner: str = Field(max_length=200, index=True)
    token_hash: str = Field(unique=True, max_length=64)
    prefix: str = Field(max_length=12)
    scopes: list[str] = json_field()
    created_at: datetime = time_field(nullable=False, default_now=True)
    created_by_id: int | None = Field(default=None, foreign_key="user.id")
    expires_at: datetime | None = time_field()
    revoked_at: datetime | None = time_field()
    last_used_at: datetime | None = time_field()


class AuditEvent(SQLModel, table=True):
    """One change to one object: who, what, before and after. Rows are never updated or deleted."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = time_field(nullable=False, default_now=True, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    action: str = Field(max_length=60, index=True)
    object_type: str = Field(max_length=40, index=True)
    object_id: int | None = Field(default=None, index=True)
    before: dict[str, Any] | None = json_field(default_factory=lambda: None, nullable=True)
    after: dict[str, Any] | None = json_field(default_factory=lambda: None, nullable=True)
