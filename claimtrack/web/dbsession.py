"""One database session per request: a write session for unsafe methods, a read session otherwise."""

from __future__ import annotations

from flask import Flask, current_app, g, request
from sqlmodel import Session

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def db_session() -> Session:
    """The request's session (created on first use)."""
    if "db_session" not in g:
        db = current_app.extensions["claimtrack.db"]
        g.db_session = db.session(write=request.method not in SAFE_METHODS)
    session: Session = g.db_session
    return session


def _close(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.rollback()
        session.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(_close)
