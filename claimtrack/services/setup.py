"""Bring a database to the current schema with the data every instance needs."""

from __future__ import annotations

from claimtrack import migrate
from claimtrack.db import Database

from . import ratings, users
from .matching import reading


def initialise(db: Database) -> str | None:
    """Migrate to head, add missing default rating labels and the system account. Idempotent."""
    migrate.upgrade(db.engine)
    with db.session_scope() as session:
        ratings.ensure_default_scale(session)
        users.system_user(session)
        session.commit()
    return migrate.current_revision(db.engine)


def matching_index_current(db: Database) -> bool:
    """Whether the matching index holds claims as this release and the aliases read them."""
    with db.session_scope(write=False) as session:
        return reading.index_reading(session).current
