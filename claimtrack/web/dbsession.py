"""One database session per request: a write session for unsafe methods, a read session otherwise.

A write session takes SQLite's write lock with its first statement (``BEGIN IMMEDIATE``) and keeps
it to the end of the transaction. What a request reads before its use case (the logged-in user)
is therefore read through a short read session and attached without SQL, so the lock is taken
only when the use case starts, not while the request waits for an outlet's server or the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from flask import Flask, current_app, g, request
from sqlmodel import Session

T = TypeVar("T")

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def db_session() -> Session:
    """The request's session (created on first use)."""
    if "db_session" not in g:
        db = current_app.extensions["claimtrack.db"]
        g.db_session = db.session(write=request.method not in SAFE_METHODS)
    session: Session = g.db_session
    return session


@contextmanager
def short_read_session() -> Iterator[Session]:
    """A read session of its own beside the request's, closed at the end of the block: for what a
    write request reads before (or without) taking the write lock."""
    db = current_app.extensions["claimtrack.db"]
    with db.session() as reader:
        yield reader


def read_for_request(model: type[T], key: Any) -> T | None:
    """The row ``key`` of ``model``, attached to the request's session without opening its
    transaction (see the module's docstring); on safe methods simply read through it."""
    if request.method in SAFE_METHODS:
        return db_session().get(model, key)
    with short_read_session() as reader:
        row = reader.get(model, key)
    if row is None:
        return None
    return db_session().merge(row, load=False)


def _close(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.rollback()
        session.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(_close)
