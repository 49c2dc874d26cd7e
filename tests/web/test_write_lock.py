"""A desk request never holds the database's write lock while it waits for the network or the
model: on SQLite one writer blocks every other, so a slow outlet would stall the whole desk."""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import Flask
from sqlalchemy import text

from claimtrack.services.intake import ingest
from claimtrack.services.matching import match
from tests.services.monitoring.site import Site
from tests.web.conftest import do_login

STORY = (
    "<html><head><title>Unruhen</title></head><body><article><h1>Unruhen in Kasachstan</h1>"
    "<p>Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen, "
    "teilte das Innenministerium am Montag mit.</p></article></body></html>"
)


def _other_writer_can_write(app: Flask) -> bool:
    """Another connection takes the write lock at once, without waiting (SQLite: BEGIN
    IMMEDIATE with a zero busy timeout; PostgreSQL: a write in a transaction of its own)."""
    engine = app.extensions["claimtrack.db"].engine
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            conn.execute(text("UPDATE match_stats SET n_docs = n_docs WHERE id = -1"))
        return True
    path = engine.url.database
    raw = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("ROLLBACK")
    except sqlite3.OperationalError:  # "database is locked": the request holds the lock
        return False
    finally:
        raw.close()
    return True


def test_fetching_a_story_does_not_hold_the_write_lock(mon_app: Flask, site: Site, monkeypatch):
    seen: list[bool] = []
    real_fetch = ingest.fetch_url

    def watched_fetch(url: str, policy: Any) -> Any:
        seen.append(_other_writer_can_write(mon_app))
        return real_fetch(url, policy)

    monkeypatch.setattr(ingest, "fetch_url", watched_fetch)
    client = mon_app.test_client()
    do_login(client, "fact_checker")
    answer = client.post("/desk/intake", data={"url": site.put("/story.html", STORY)})
    assert seen == [True]
    assert answer.status_code == 302, answer.text


def test_matching_a_new_claim_does_not_hold_the_write_lock(app: Flask, monkeypatch):
    seen: list[bool] = []
    real_embed = match.embed_ahead

    def watched_embed(texts: Any) -> None:
        seen.append(_other_writer_can_write(app))
        real_embed(texts)

    monkeypatch.setattr(match, "embed_ahead", watched_embed)
    client = app.test_client()
    do_login(client, "fact_checker")
    answer = client.post("/desk/intake/claim", data={
        "text": "Bei den Unruhen in Kasachstan wurden mehr als 2.000 Menschen festgenommen.",
        "language": "de", "claimant": "", "said_on": "", "source_url": ""})  # fmt: skip
    assert seen and all(seen)
    assert answer.status_code == 302, answer.text
