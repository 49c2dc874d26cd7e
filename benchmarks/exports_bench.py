"""Full partner exports at scale: time and peak memory of the DataFeed, CSV and JSON Lines exports.

    .venv/bin/python benchmarks/exports_bench.py [--verdicts 10000] [--db URL]

Loads N published verdicts (each with a story appearance and two sources) into a fresh SQLite file
(or the given empty database), then streams each export into a byte counter: first timed, then again
under tracemalloc for the peak of Python allocations. The DataFeed export is also run at a tenth of N:
when streaming works, its peak does not grow with N.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_seed import seed_published  # noqa: E402  (this folder is on sys.path when run as a script)

from claimtrack import migrate  # noqa: E402
from claimtrack.db import Database  # noqa: E402
from claimtrack.publishing import claimreview  # noqa: E402
from claimtrack.services import exports, ratings  # noqa: E402

SITE = claimreview.Site(
    base_url="https://faktencheck.example.org/",
    org_name="Beispiel Faktencheck",
    org_url="https://faktencheck.example.org/",
    license="https://creativecommons.org/licenses/by/4.0/",
)


def load(db: Database, n: int, offset: int = 0) -> None:
    """Insert n published verdicts with their claim, story, appearance and two sources."""
    seed_published(db, n, offset=offset)


def run_export(db: Database, fmt: str) -> tuple[float, float, int]:
    """Stream one export into a byte counter: (wall seconds, CPU seconds, bytes). SQLite runs in
    this process, so the CPU time is the export's whole cost, which other load barely moves."""
    size = 0
    started, started_cpu = time.perf_counter(), time.process_time()
    with db.session_scope(write=False) as session:
        for chunk in exports.chunks(fmt, session, SITE):
            size += len(chunk.encode("utf-8"))
    return time.perf_counter() - started, time.process_time() - started_cpu, size


def peak_mib(db: Database, fmt: str) -> float:
    tracemalloc.start()
    try:
        run_export(db, fmt)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdicts", type=int, default=10_000)
    parser.add_argument("--db", default="", help="Empty database URL (default: temp SQLite file).")
    parser.add_argument(
        "--formats", default=",".join(exports.FORMATS), help="comma-separated (default: all)"
    )
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.db or f"sqlite:///{Path(tmp.name) / 'exports.sqlite'}"
    db = Database(url)
    migrate.upgrade(db.engine)
    with db.session_scope() as session:
        ratings.ensure_default_scale(session)
        session.commit()
    small = max(1, args.verdicts // 10)
    started = time.perf_counter()
    load(db, small)
    small_peak = peak_mib(db, "claimreview")
    load(db, args.verdicts - small, offset=small)
    print(f"loaded {args.verdicts:,} published verdicts in {time.perf_counter() - started:.1f} s")
    print(f"database: {db.engine.dialect.name}; batch size {exports.BATCH_SIZE}")
    peaks: dict[str, float] = {}
    for fmt in args.formats.split(","):
        seconds, cpu, size = run_export(db, fmt)
        peaks[fmt] = peak_mib(db, fmt)
        print(
            f"{fmt:12s} {seconds:6.2f} s  CPU {cpu:6.2f} s  {args.verdicts / seconds:8,.0f} "
            f"verdicts/s  {size / 2**20:7.1f} MiB out  peak {peaks[fmt]:5.1f} MiB "
            "(tracemalloc)"
        )
        if fmt == "claimreview" and args.verdicts >= 100_000:
            scaled = seconds * 100_000 / args.verdicts
            met = "met" if scaled <= 20 else "MISSED (wall)"
            print(f"  target: DataFeed of 100,000 verdicts <= 20 s: {scaled:.1f} s, {met}")
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} (1/5/15 min; 2 cores)")
    print(
        f"claimreview peak at {small:,} verdicts: {small_peak:.1f} MiB "
        f"(vs {peaks.get('claimreview') or peak_mib(db, 'claimreview'):.1f} MiB at "
        f"{args.verdicts:,})"
    )
    db.dispose()
    tmp.cleanup()


if __name__ == "__main__":
    main()
