"""Bulk-load published verdicts for the page and export benchmarks.

Rows are inserted with plain multi-row INSERTs (not through the use cases or ORM flushes, which took
about eleven minutes at 100,000) in the shape the services write: story, claim with a figure and a tag, appearance, two sources, a published
verdict with its publication revision.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from claimtrack.db import Database
from claimtrack.models import (
    Appearance,
    Claim,
    ClaimStatus,
    ClaimTag,
    RevisionKind,
    Source,
    Story,
    Verdict,
    VerdictRevision,
    VerdictState,
)
from claimtrack.services import ratings

CITIES = ["Almaty", "Astana", "Berlin", "Hamburg", "Wien", "Zürich", "Köln", "Leipzig"]
BATCH = 1000


Row = dict[str, Any]


def _story_and_claim(k: int, city: str, when: datetime) -> tuple[Row, Row]:
    text = f"In {city} wurden am {k % 28 + 1}. März {1000 + k} Menschen festgenommen."
    story = {
        "url": f"https://news.example.org/{k}",
        "canonical_url": f"https://news.example.org/{k}",
        "outlet": "Beispielzeitung",
        "title": f"Unruhen in {city}, Teil {k}",
        "published_at": when,
        "body": text * 20,
        "content_hash": hashlib.sha256(f"story-{k}".encode()).hexdigest(),
    }
    claim = {
        "text": text,
        "claimant": "Polizeisprecher",
        "claim_date": date(2023, 3, k % 28 + 1),
        "status": ClaimStatus.PUBLISHED,
        "figures": [{"value": 1000 + k, "counted": "arrests", "raw": f"{1000 + k} Menschen"}],
    }
    return story, claim


def _evidence(claim_id: int, story_id: int, text: str, tag: str) -> list[tuple[type, Row]]:
    rows: list[tuple[type, Row]] = [
        (Appearance, {"claim_id": claim_id, "story_id": story_id, "quote": text, "position": 0}),
        (ClaimTag, {"claim_id": claim_id, "tag": tag}),
    ]
    rows += [
        (
            Source,
            {
                "claim_id": claim_id,
                "url": f"https://stat.example.org/{claim_id}/{j}.pdf",
                "title": f"Statistik {j}",
                "publisher": "Statistikamt",
                "archive_url": f"https://archive.example.org/{claim_id}/{j}",
                "position": j,
            },
        )
        for j in range(2)
    ]
    return rows


@dataclass(frozen=True)
class Seeded:
    """A loaded claim: what the page benchmark needs to build its URL."""

    id: int
    text: str


def _next_ids(db: Database) -> dict[type, int]:
    """The first free id of each table the seed writes (it may add to an earlier load)."""
    tables = (Story, Claim, Source, Verdict, VerdictRevision, Appearance)
    with db.engine.connect() as conn:
        return {
            t: int(conn.execute(select(func.max(t.id))).scalar() or 0) + 1  # type: ignore[attr-defined]
            for t in tables
        }


class _Rows:
    """Rows with ids given here, inserted a batch at a time as one multi-row INSERT per table;
    the columns' defaults fill in the rest, as they do for the ORM. (Building model instances
    cost a millisecond each, more than the inserts.)"""

    def __init__(self, first_ids: dict[type, int]) -> None:
        self.next_id = dict(first_ids)
        self.rows: dict[type, list[Row]] = {}

    def add(self, kind: type, row: Row) -> int:
        if kind in self.next_id:
            row["id"] = self.next_id[kind]
            self.next_id[kind] += 1
        self.rows.setdefault(kind, []).append(row)
        return int(row.get("id") or 0)

    def write(self, conn: Any) -> None:
        for kind in (Story, Claim, Appearance, ClaimTag, Source, Verdict, VerdictRevision):
            if self.rows.get(kind):
                conn.execute(insert(kind), self.rows[kind])  # type: ignore[arg-type]
        self.rows = {}


def seed_published(db: Database, n: int, *, offset: int = 0, seed: int = 7) -> list[Seeded]:
    """Insert n published verdicts (claims numbered from `offset`); returns their claims.

    Plain INSERTs: the ORM's flush events (queue columns, webhooks) have nothing to do for
    published claims. 1,000 verdicts load in about 1.6 s against 8.8 s before (same machine, same
    moment); 100,000 in 341 s at load average 24 against about eleven minutes at load 11–14."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    seeded: list[Seeded] = []
    with db.session_scope() as session:
        labels = [label.id for label in ratings.scale(session)]
    rows = _Rows(_next_ids(db))
    for chunk in range(offset, offset + n, BATCH):
        numbers = range(chunk, min(offset + n, chunk + BATCH))
        cities = {k: rng.choice(CITIES) for k in numbers}  # the random sequence of earlier loads
        for k in numbers:
            when = start + timedelta(minutes=7 * k)
            story, claim = _story_and_claim(k, cities[k], when)
            story_id, claim_id = rows.add(Story, story), rows.add(Claim, claim)
            tag = rng.choice(["unruhen", "polizei", "zahlen"])
            for kind, row in _evidence(claim_id, story_id, claim["text"], tag):
                rows.add(kind, row)
            rating_id = rng.choice(labels)
            verdict = {
                "claim_id": claim_id,
                "rating_id": rating_id,
                "headline": "Die Zahl stimmt nicht",
                "summary": "Die offiziellen Zahlen sagen etwas anderes. " * 3,
                # Unique text per verdict, so the markdown cache cannot flatter the figures.
                "reasoning": f"Laut **Polizei** waren es weniger als {1000 + k}. " * 20,
                "state": VerdictState.PUBLISHED,
                "published_at": when,
                "modified_at": when,
            }
            verdict_id = rows.add(Verdict, verdict)
            revision = {
                "verdict_id": verdict_id,
                "number": 1,
                "kind": RevisionKind.PUBLICATION,
                "public": True,
                "new_rating_id": rating_id,
            }
            rows.add(VerdictRevision, revision)
            seeded.append(Seeded(claim_id, claim["text"]))
        with db.engine.begin() as conn:
            rows.write(conn)
    _advance_sequences(db)
    return seeded


def _advance_sequences(db: Database) -> None:
    """PostgreSQL hands out ids from sequences, which explicit ids do not move: move them."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.begin() as conn:
        for model in (Story, Claim, Source, Verdict, VerdictRevision, Appearance):
            name = model.__tablename__
            conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM {name}))"
            )
