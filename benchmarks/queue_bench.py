"""Triage queue speed: the first page, deeper pages and filtered pages of `/desk/`.

    .venv/bin/python benchmarks/queue_bench.py [--claims 100000] [--db postgresql+psycopg://…/empty_db]

Loads N claims (check-worthiness spread 0–1, a third with tags, 10 % in confirmed clusters) with about
1.5 appearances each in stories of 40 outlets into a fresh database (SQLite file by default), then
times `queue.list_queue` (the service behind the page) 30 times per case and prints p50/p99 in ms,
the CPU of this process and, on PostgreSQL, of the server backend. `--db` may name a database an
earlier run loaded with the same `--claims`: loading is then skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.db import Database  # noqa: E402
from claimtrack.models import Appearance, Claim, ClaimTag, QueueTally, Story  # noqa: E402
from claimtrack.services import queue, queue_rank  # noqa: E402

STATUSES = ["new"] * 6 + ["triaged", "in_research", "dismissed", "published"]


CHUNK = 50_000  # rows per executemany: bounded memory, same data as one big insert


def _insert(conn: Any, model: Any, rows: Iterable[dict[str, Any]]) -> None:
    if conn.dialect.name == "postgresql":
        _copy(conn, model.__table__, rows)
        return
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            conn.execute(insert(model), batch)
            batch = []
    if batch:
        conn.execute(insert(model), batch)


def _copy(conn: Any, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    """PostgreSQL's COPY: multi-row INSERTs loaded about a thousand claims a second on a busy
    machine. Every column is written (COPY knows no Python-side defaults), as the ORM would."""
    columns = list(table.c)
    defaults = [_default(c) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    cursor = conn.connection.driver_connection.cursor()
    with cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [_copy_value(row.get(c.name, d)) for c, d in zip(columns, defaults, strict=True)]
            )
    if "id" in table.c:  # explicit ids do not move the sequence
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f'(SELECT coalesce(max(id), 1) FROM "{table.name}"))'
        )


def _default(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    return default.arg(None) if default.is_callable else default.arg


def _copy_value(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)  # stored as naive UTC, as UTCDateTime
    return value


def load(db: Database, n: int) -> None:
    """Plain multi-row INSERTs, a chunk at a time (the use cases would take hours at 1,000,000)."""
    rng = random.Random(7)
    now = datetime.now(UTC)
    n_stories = max(n // 3, 1)
    with db.engine.begin() as conn:
        _insert(
            conn,
            Story,
            (
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
            ),
        )
        _insert(conn, Claim, _claims(rng, n, now))
        _insert(
            conn, ClaimTag, ({"claim_id": i + 1, "tag": f"tag{i % 50}"} for i in range(0, n, 3))
        )
        _insert(conn, Appearance, _appearances(rng, n, n_stories, now))


def _claims(rng: random.Random, n: int, now: datetime) -> Iterator[dict[str, Any]]:
    for i in range(n):
        created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 90))
        canonical = rng.randint(1, i) if i > 10 and rng.random() < 0.1 else None
        yield {
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


def _appearances(
    rng: random.Random, n: int, n_stories: int, now: datetime
) -> Iterator[dict[str, Any]]:
    made = 0
    for i in range(n):
        for k in range(1 if rng.random() < 0.5 else 2):
            made += 1
            yield {
                "id": made,
                "claim_id": i + 1,
                "story_id": rng.randint(1, n_stories),
                "quote": "q",
                "position": k,
                "credited_to": "",
                "created_at": now - timedelta(minutes=rng.randint(0, 60 * 24 * 90)),
            }


def _server_cpu_s(session: Any) -> float:
    """CPU seconds used so far by the PostgreSQL backend serving `session` (same machine), or 0."""
    if session.get_bind().dialect.name != "postgresql":
        return 0.0
    pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(db: Database, runs: int, fn) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """p50 and p99 wall milliseconds, the median CPU milliseconds of this process (SQLite runs in
    it) and, for PostgreSQL, the server backend's mean CPU milliseconds a call (read from /proc
    in clock ticks, so averaged over the runs)."""
    samples, cpu, server = [], [], 0.0
    for _ in range(runs):
        with db.session_scope(write=False) as session:
            server_before = _server_cpu_s(session)
            start, started_cpu = time.perf_counter(), time.process_time()
            fn(session)
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            server += _server_cpu_s(session) - server_before
    samples.sort()
    p99 = samples[max(int(len(samples) * 0.99) - 1, 0)]
    return statistics.median(samples), p99, statistics.median(cpu), server * 1000 / runs


def _loaded(db: Database, n: int) -> bool:
    """True when an earlier run of this bench loaded the same number of claims (reuse it)."""
    with db.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(Claim)).scalar()
        tally = conn.execute(select(func.count()).select_from(QueueTally)).scalar()
    return count == n and bool(tally)


def prepare(db: Database, n: int) -> None:
    migrate.upgrade(db.engine)
    if _loaded(db, n):
        print(f"{db.engine.dialect.name}: reusing the {n:,} claims loaded by an earlier run")
        return
    start = time.perf_counter()
    load(db, n)
    print(f"{db.engine.dialect.name}: loaded {n:,} claims in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    with db.session_scope() as session:  # the bulk insert bypassed the use cases
        queue_rank.repair(session)
        session.commit()
    print(f"queue repair (every claim's maintained columns): {time.perf_counter() - start:.1f} s")
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")  # fresh statistics, as autovacuum would give


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", default="", help="an empty database, or one this bench loaded")
    parser.add_argument("--runs", type=int, default=30, help="calls timed per case")
    parser.add_argument(
        "--filter-runs", type=int, default=0, help="calls per filtered case (default: --runs "
        "up to 100,000 claims, else 5: text, tag and outlet filters scan at 1,000,000)",
    )  # fmt: skip
    args = parser.parse_args()
    url = args.db or f"sqlite:///{tempfile.mkdtemp(prefix='queue-bench-')}/queue.sqlite"
    db = Database(url)
    print(f"load average at start {os.getloadavg()[0]:.1f}")
    prepare(db, args.claims)

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
    filter_runs = args.filter_runs or (args.runs if args.claims <= 100_000 else 5)
    target = 50.0 if args.claims <= 100_000 else 150.0
    server = db.engine.dialect.name == "postgresql"
    print(f"{'case':26} {'runs':>4} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>7}"
          + (f" {'server CPU':>10}" if server else ""))  # fmt: skip
    for n, (name, fn) in enumerate(cases.items()):
        runs = args.runs if n < 3 else filter_runs
        p50, p99, cpu, server_cpu = timed(db, runs, fn)
        verdict = ""
        if name == "first page (rank)":
            met = "met" if p50 <= target else "MISSED"
            verdict = f"   target <= {target:.0f} ms at {args.claims:,} claims: {met}"
        extra = f" {server_cpu:10.1f}" if server else ""
        print(f"{name:26} {runs:4d} {p50:8.1f} {p99:8.1f} {cpu:7.1f}{extra}{verdict}")
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores shared with other work)")
    db.dispose()


if __name__ == "__main__":
    main()
