"""A database that stays locked by another writer answers 503 with Retry-After, never a 500."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg.errors
import pytest
from flask import current_app
from sqlalchemy.exc import OperationalError

from claimtrack import migrate
from claimtrack.services import ratings
from claimtrack.web.errors import is_database_busy
from tests.conftest import make_test_app


@pytest.fixture
def sqlite_app(tmp_path: Path):
    """An app on a SQLite file of its own (the busy case is SQLite's single writer), short timeout."""
    url = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    app = make_test_app(
        url, tmp_path, PROPAGATE_EXCEPTIONS_IN_TESTS=False, SQLITE_BUSY_TIMEOUT_MS=100
    )
    db = app.extensions["claimtrack.db"]
    migrate.upgrade(db.engine)

    def write_scale() -> str:
        with current_app.extensions["claimtrack.db"].session_scope() as session:
            ratings.ensure_default_scale(session)
            session.commit()
        return "saved"

    app.add_url_rule("/write", view_func=write_scale, methods=["POST"])
    yield app, tmp_path / "busy.sqlite"
    db.dispose()


def test_a_locked_database_answers_503_in_the_readers_language_and_saves_nothing(sqlite_app):
    app, path = sqlite_app
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock past the busy timeout
    try:
        client = app.test_client()
        answer = client.post("/write", headers={"Accept-Language": "de"})
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "2"
        html = answer.get_data(as_text=True)
        assert "Gerade ausgelastet" in html and "nicht gespeichert" in html
        assert "Traceback" not in html and "locked" not in html
        json = client.post("/write", headers={"Accept": "application/json"})
        assert json.status_code == 503
        assert json.get_json()["errors"][0]["reason"] == "The database is busy; try again shortly."
    finally:
        other.execute("ROLLBACK")
        other.close()
    probe = sqlite3.connect(path)
    assert probe.execute("select count(*) from rating_label").fetchone()[0] == 0
    probe.close()
    assert app.test_client().post("/write").get_data(as_text=True) == "saved"


def test_postgres_lock_and_serialization_failures_count_as_busy():
    for error in (psycopg.errors.LockNotAvailable, psycopg.errors.SerializationFailure):
        assert is_database_busy(OperationalError("UPDATE …", {}, error("gave up")))
    assert not is_database_busy(OperationalError("SELECT …", {}, Exception("no such table: x")))
    assert not is_database_busy(ValueError("database is locked"))
