"""Triage queue speed: the first page, deeper pages and filtered pages of `/desk/`.

    .venv/bin/python benchmarks/queue_bench.py [--claims 100000] [--db postgresql+psycopg://…/empty_db]

Loads N claims (check-worthiness spread 0–1, a third with tags, 10 % in confirmed clusters) with about
1.5 appearances each in stories of 40 outlets into a fresh database (SQLite file by default), then
times `queue.list_queue` (the service behind the page) 30 times per case and prints p50/p99 in ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.db import Database  # noqa: E402
from claimtrack.models import Appearance, Claim, ClaimTag, Story  # noqa: E402
from claimtrack.services import queue, queue_rank  # noqa: E402

STATUSES = ["new"] * 6 + ["triaged", "in_research", "dismissed", "published"]


def load(db: Database, n: int) -> None:
    rng = random.Random(7)
    now = datetime.now(UTC)
    n_stories = max(n // 3, 1)
    with db.engine.begin() as conn:
        conn.execute(
            insert(Story),
            [
                {
                    "id": i + 1,
                    "outlet": f"Outlet {i % 40}",
                    "title": f"Story {i}",
                    "language": "de",
                    "body": "Text",
                    "content_hash": f"{i:064d}",
                    "created_at": now,
                    "published_at": now - timedelta(hours=rng.randint(0, 24 * 60)),
                }
                for i in range(n_stories)
            ],
        )
        rows = []
        for i in range(n):
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 90))
            canonical = rng.randint(1, i) if i > 10 and rng.random() < 0.1 else None
            rows.append(
                {
                    "id": i + 1,
                    "text": f"Behauptung Nummer {i} über Almaty und {rng.randint(1, 9999)} Tote",
                    "language": "de" if i % 4 else "en",
                    "claimant": f"Sprecher {i % 300}",
                    "claimant_kind": "person",
                    "status": rng.choice(STATUSES),
                    "worthiness": rng.random(),
                    "worthiness_reasons": [],
                    "figures": [],
                    "places": [],
                    "dates": [],
                    "canonical_claim_id": canonical,
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
            )
        conn.execute(insert(Claim), rows)
        conn.execute(
            insert(ClaimTag),
            [{"claim_id": i + 1, "tag": f"tag{i % 50}"} for i in range(0, n, 3)],
        )
        appearances = []
        for i in range(n):
            for k in range(1 if rng.random() < 0.5 else 2):
                appearances.append(
                    {
                        "claim_id": i + 1,
                        "story_id": rng.randint(1, n_stories),
                        "quote": "q",
                        "position": k,
                        "credited_to": "",
                        "created_at": now - timedelta(minutes=rng.randint(0, 60 * 24 * 90)),
                    }
                )
        conn.execute(insert(Appearance), appearances)


def timed(db: Database, runs: int, fn) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """p50 and p99 wall milliseconds, and the median CPU milliseconds of this process (SQLite runs
    in it; for PostgreSQL it leaves out the server's share)."""
    samples, cpu = [], []
    for _ in range(runs):
        with db.session_scope(write=False) as session:
            start, started_cpu = time.perf_counter(), time.process_time()
            fn(session)
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1], statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", default="")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="queue-bench-")
    url = args.db or f"sqlite:///{tmp}/queue.sqlite"
    db = Database(url)
    migrate.upgrade(db.engine)
    start = time.perf_counter()
    load(db, args.claims)
    print(
        f"{db.engine.dialect.name}: loaded {args.claims:,} claims in {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    with db.session_scope() as session:  # the bulk insert bypassed the use cases
        queue_rank.repair(session)
        session.commit()
    print(f"queue repair (every claim's maintained columns): {time.perf_counter() - start:.1f} s")
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")  # fresh statistics, as autovacuum would give

    with db.session_scope(write=False) as session:
        snap = queue.take_snapshot(session)
        cursor = None
        for _ in range(4):
            cursor = queue.list_queue(session, snapshot=snap, after=cursor).next_cursor

    cases = {
        "first page (rank)": lambda s: queue.list_queue(s),
        "5th page (keyset)": lambda s: queue.list_queue(s, snapshot=snap, after=cursor),
        "first page (newest)": lambda s: queue.list_queue(
            s, filters=queue.QueueFilters(sort="newest")
        ),
        "text search 'almaty 12'": lambda s: queue.list_queue(
            s, filters=queue.QueueFilters(q="almaty 12")
        ),
        "tag filter": lambda s: queue.list_queue(s, filters=queue.QueueFilters(tag="tag7")),
        "outlet filter": lambda s: queue.list_queue(
            s, filters=queue.QueueFilters(outlet="Outlet 3")
        ),
        "every status": lambda s: queue.list_queue(s, filters=queue.QueueFilters(statuses=())),
    }
    target = 50.0 if args.claims <= 100_000 else 150.0
    print(f"{'case':28} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>8}")
    for name, fn in cases.items():
        p50, p99, cpu = timed(db, args.runs, fn)
        verdict = ""
        if name == "first page (rank)":
            met = "met" if p50 <= target else "MISSED"
            verdict = f"   target <= {target:.0f} ms at {args.claims:,} claims: {met}"
        print(f"{name:28} {p50:8.1f} {p99:8.1f} {cpu:8.1f}{verdict}")
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores shared with other work)")
    db.dispose()


if __name__ == "__main__":
    main()
