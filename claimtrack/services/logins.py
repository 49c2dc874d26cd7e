"""The login rate limit: failed logins per account and address within a time window.

Counted in the database, not in process memory, so the limit holds with several workers and app
servers behind a proxy (Flask-Limiter's memory storage counts per process). The account and address
are stored only as a SHA-256 key.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from claimtrack.models import LoginAttempt, utcnow

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


def record_failure(session: Session, key: str, *, now: datetime | None = None) -> None:
    """Count one failed login and drop attempts older than the window (commits)."""
    now = now or utcnow()
    session.add(LoginAttempt(key=key, at=now))
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.at) <= now - WINDOW))  # type: ignore[call-overload]
    session.commit()


def clear(session: Session, key: str) -> None:
    """Forget the failures of `key` after a successful login (commits)."""
    session.exec(delete(LoginAttempt).where(col(LoginAttempt.key) == key))  # type: ignore[call-overload]
    session.commit()
