"""Intake benchmark: time to ingest 1,000 stories and candidate claims per second.

    .venv/bin/python benchmarks/intake_bench.py [--stories 1000] [--db URL]

Stories are the fixture pages (German and English pasted pages, saved HTML pages) with
their numbers and headline varied so every story is distinct. Three figures:
1. extraction only (cleanup/trafilatura, language, sentences, attribution, figures,
   places, dates, scoring), no database;
2. `intake.ingest_text`/`ingest_file` one story at a time into a fresh SQLite database
   (or --db, e.g. PostgreSQL), each its own transaction, candidates included;
3. `intake.ingest_bulk` with the same stories as one JSON Lines file.
Nothing is fetched over the network.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from claimtrack import migrate
from claimtrack.db import Database
from claimtrack.extraction import extract_candidates
from claimtrack.services import users
from claimtrack.services.intake import ingest as intake

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
PASTED = ("de_pasted_tagesblatt.txt", "en_pasted_daily.txt")
SAVED = ("de_saved_nordkurier.html", "en_saved_daily.html")


def make_stories(n: int, salt: str = "") -> list[tuple[str, bytes]]:
    """(filename, bytes): four of five pasted pages, one of five saved HTML."""
    pasted = [(PAGES / name).read_text("utf-8") for name in PASTED]
    saved = [(PAGES / name).read_bytes().decode("cp1252") for name in SAVED]
    stories = []
    for i in range(n):
        if i % 5 == 4:
            page = saved[i % 2].replace("um 40 Prozent", f"um {i + 10} Prozent")
            page = page.replace("3,000 troops", f"{i + 1000:,} troops")
            page = page.replace("101.html", f"{salt}{i}.html")
            page = page.replace("uk-floods-troops", f"uk-floods-{salt}{i}")
            page = page.replace("in Berlin.", f"in Berlin ({salt}{i}).")
            page = page.replace("on Monday.", f"on Monday ({salt}{i}).")
            page = page.replace("</h1>", f" ({i})</h1>", 1).replace("<title>", f"<title>({i}) ", 1)
            encoding = "cp1252" if "windows-1252" in page else "utf-8"
            stories.append((f"story{i}.html", page.encode(encoding)))
        else:
            page = (
                pasted[i % 2]
                .replace("2.000", f"{i + 2:,}".replace(",", "."))
                .replace("1,200", f"{i + 1000:,}")
            )
            page = page.replace("nach eigenen Angaben", f"nach eigenen Angaben ({salt}{i})")
            page = page.replace("after protests near", f"after protests ({salt}{i}) near")
            stories.append((f"story{i}.txt", page.encode()))
    return stories


def _cpu(start_cpu: float) -> str:
    """CPU seconds of this process: steadier than wall time on a busy machine."""
    return f"CPU {time.process_time() - start_cpu:.2f} s"


def bench_extraction(stories: list[tuple[str, bytes]]) -> None:
    start_cpu = time.process_time()
    start = time.perf_counter()
    candidates = 0
    for name, data in stories:
        story = intake.prepare_bytes(
            data, content_type="text/plain" if name.endswith(".txt") else None
        )
        day = story.published_at.date() if story.published_at else None
        candidates += len(extract_candidates(story.body, story.title, story.language, day))
    elapsed = time.perf_counter() - start
    print(f"extraction only: {len(stories)} stories in {elapsed:.2f} s ({_cpu(start_cpu)}) "
          f"({len(stories) / elapsed:.0f} stories/s), {candidates} candidates "
          f"({candidates / elapsed:.0f} candidates/s)")  # fmt: skip


def bench_ingest(db: Database, stories: list[tuple[str, bytes]]) -> None:
    per_story: list[float] = []
    candidates = 0
    start_cpu = time.process_time()
    start = time.perf_counter()
    with db.session_scope() as session:
        actor = users.system_user(session)
        session.commit()
        for name, data in stories:
            t0 = time.perf_counter()
            result = intake.ingest_file(session=session, actor=actor, filename=name, data=data)
            per_story.append(time.perf_counter() - t0)
            candidates += len(result.candidates)
            assert result.created, name
    elapsed = time.perf_counter() - start
    q = statistics.quantiles(per_story, n=100)
    print(f"ingest one by one: {len(stories)} stories in {elapsed:.2f} s ({_cpu(start_cpu)}) "
          f"({len(stories) / elapsed:.0f} stories/s; p50 {q[49] * 1000:.1f} ms, "
          f"p95 {q[94] * 1000:.1f} ms, max {max(per_story) * 1000:.1f} ms), "
          f"{candidates} candidates ({candidates / elapsed:.0f} candidates/s)")  # fmt: skip


def bench_bulk(db: Database, stories: list[tuple[str, bytes]]) -> None:
    lines = []
    for i, (name, data) in enumerate(stories):
        body = data.decode("cp1252" if b"windows-1252" in data else "utf-8")
        lines.append(json.dumps({"body": body, "title": f"Bulk {i} {name}"}, ensure_ascii=False))
    payload = "\n".join(lines).encode()
    with db.session_scope() as session:
        actor = users.system_user(session)
        session.commit()
        start_cpu = time.process_time()
        start = time.perf_counter()
        results = intake.ingest_bulk(session=session, actor=actor, data=payload, fmt="jsonl")
        elapsed = time.perf_counter() - start
    created = sum(r.created for r in results)
    candidates = sum(len(r.candidates) for r in results)
    print(f"bulk JSON Lines: {len(results)} stories ({created} new) in {elapsed:.2f} s "
          f"({_cpu(start_cpu)}) "
          f"({len(results) / elapsed:.0f} stories/s), {candidates / elapsed:.0f} candidates/s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--db", default=None, help="database URL (default: fresh SQLite file)")
    args = parser.parse_args()
    stories = make_stories(args.stories)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.sqlite"
        db = Database(url)
        migrate.upgrade(db.engine)
        print(f"database: {db.engine.dialect.name}, {args.stories} stories")
        bench_extraction(stories)
        bench_ingest(db, stories)
        bench_bulk(db, make_stories(args.stories, salt="B"))
        db.dispose()


if __name__ == "__main__":
    main()
