"""The login rate limit: failed logins per account and address within a time window.

Counted in the database, not in process memory, so the limit holds with several workers and app
servers behind a proxy (Flask-Limiter's memory storage counts per process). The account and address
are stored only as a SHA-256 key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from claimtrack.models import LoginAttempt, User, utcnow

from . import users
from .base import use_case

WINDOW = timedelta(minutes=15)


def throttle_key(email: str, address: str | None) -> str:
    raw = f"{email.strip().lower()}|{address or '-'}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def failures(session: Session, key: str, *, now: datetime | None = None) -> int:
    """Failed logins for `key` within the window ending at `now`."""
    since = (now or utcnow()) - WINDOW
    stmt = select(func.count()).where(LoginAttempt.key == key, col(LoginAttempt.at) > since)
    return int(session.exec(stmt).one())


def is_blocked(session: Session, key: str, limit: int, *, now: datetime | None = None) -> bool:
    return limit > 0 and failures(session, key, now=now) >= limit


@dataclass(frozen=True)
class LoginResult:
    """The user who logged in (None when refused), and whether the rate limit refused the try."""

    user: User | None
    blocked: bool = False


@use_case
def log_in(
    *,
    session: Session,
    email: str,
    password: str,
    address: str | None,
    limit: int,
    now: datetime | None = None,
) -> LoginResult:
    """One login attempt: the rate limit, the password, then the failure counted or the count
    cleared and the login recorded, all in one transaction."""
    key = throttle_key(email, address)
    if is_blocked(session, key, limit, now=now):
        return LoginResult(None, blocked=True)
    user = users.check_password(session, email, password)
    if user is None:
        _add_failure(session, key, now=now)
        return LoginResult(None)
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.key) == key))  # type: ignore[call-overload]
    users.record_login(session, user, password)
    return LoginResult(user)


@use_case
def record_failure(*, session: Session, key: str, now: datetime | None = None) -> None:
    """Count one failed password check that is not a login (e.g. the current password on the
    account page), so guessing there is limited too."""
    _add_failure(session, key, now=now)


def _add_failure(session: Session, key: str, *, now: datetime | None = None) -> None:
    """Count one failure and drop attempts older than the window."""
    now = now or utcnow()
    session.add(LoginAttempt(key=key, at=now))
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.at) <= now - WINDOW))  # type: ignore[call-overload]
