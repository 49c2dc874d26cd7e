"""Monitoring: 100 feeds x 50 new items polled, extracted and matched; alerts for checked claims.

    .venv/bin/python benchmarks/monitoring_bench.py [--feeds 100] [--items 50] [--workers 2]
        [--mode processes|threads] [--no-screen] [--checked 40] [--repeat-every 10]
        [--db postgresql+psycopg://…/EMPTY_DB]

A local HTTP server on 127.0.0.1 serves `--feeds` RSS feeds of `--items` articles each (distinct
German news pages of about 8 paragraphs); every `--repeat-every`-th article repeats one of the
`--checked` claims that have a published verdict. Each feed is a watched source; `--workers`
worker processes (as many `claimtrack worker`s; `--mode threads`: threads of one process, as the
consumer threads of one worker) poll them as the worker's tasks do (`poll.poll_source`: safe
fetcher, the desk's intake, extraction, the screen, matching against the published claims,
alerts). Each worker loads its models and vector index before the clock starts, as a running
worker has. `--no-screen` matches every candidate sentence in full (MONITOR_SCREEN off), for a
before/after in the same conditions. Database: a fresh SQLite file, or `--db` (an empty
database). The app is a testing app only so that the safe fetcher may reach 127.0.0.1. Prints the
time against the target (under 2 minutes for 100 x 50), the rate, the CPU time (every worker's
and this process's, which serves the feeds), the load average, and whether every repeated claim
got its alert with the right number of stories.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimtrack import migrate  # noqa: E402
from claimtrack.app import create_app  # noqa: E402
from claimtrack.enums import ClaimStatus  # noqa: E402
from claimtrack.services import claims, ratings, users, verdicts  # noqa: E402
from claimtrack.services.matching import match  # noqa: E402
from claimtrack.services.monitoring import alerts, poll, screen, sources  # noqa: E402
from tests.services.monitoring.site import RSS, article, rss, start_site  # noqa: E402

TARGET_S = 120.0
PLACES = ["Almaty", "Astana", "Schymkent", "Karaganda", "Aktobe", "Taras", "Pawlodar", "Semei"]
SUBJECTS = ["Menschen", "Polizisten", "Demonstranten", "Soldaten", "Journalisten", "Studenten"]
FILLER = [
    "Die Regierung kündigte für die kommende Woche weitere Gespräche mit der Opposition an.",
    "Beobachter rechnen damit, dass die Verhandlungen mehrere Wochen dauern werden.",
    "Der Präsident äußerte sich zunächst nicht zu den Vorwürfen der Menschenrechtler.",
    "Die Preise für Flüssiggas waren zu Jahresbeginn deutlich gestiegen.",
    "Mehrere Botschaften rieten ihren Staatsangehörigen, Reisen in das Land zu verschieben.",
    "Internet und Mobilfunk waren in Teilen des Landes tagelang gestört.",
    "Die Zentralbank setzte den Handel an der Börse vorübergehend aus.",
    "Nach Angaben von Augenzeugen patrouillierten Panzer durch das Stadtzentrum.",
    "Die Opposition forderte eine unabhängige Untersuchung der Ereignisse.",
    "Ein Sprecher des Außenministeriums wies die Kritik aus dem Ausland zurück.",
]


def checked_text(n: int) -> str:
    place, subject = PLACES[n % len(PLACES)], SUBJECTS[(n // len(PLACES)) % len(SUBJECTS)]
    return (f"In {place} sind nach offiziellen Angaben {300 + 7 * n} {subject} bei den Unruhen "
            "ums Leben gekommen.")  # fmt: skip


def seed_checked(db, count: int) -> None:  # type: ignore[no-untyped-def]
    with db.session_scope() as session:
        ratings.ensure_default_scale(session)
        editor = users.system_user(session)
        session.commit()
        label = ratings.label_by_key(session, "falsch")
        for n in range(count):
            claim = claims.create_claim(session=session, actor=editor, data=claims.ClaimInput(
                text=checked_text(n), language="de", claimant="Innenministerium"))  # fmt: skip
            claims.change_status(session=session, actor=editor, claim_id=claim.id or 0,
                                 status=ClaimStatus.IN_RESEARCH)  # fmt: skip
            verdicts.save_draft(session=session, actor=editor, claim_id=claim.id or 0,
                                data=verdicts.VerdictInput(
                                    rating_id=label.id if label else None, headline="Falsch",
                                    summary="Die Zahl stimmt nicht.", reasoning="Quellen."))  # fmt: skip
            verdicts.publish_verdict(session=session, actor=editor, claim_id=claim.id or 0)


def serve_feeds(site, feeds: int, items: int, repeat_every: int, checked: int) -> tuple[list[str], Counter[int]]:  # type: ignore[no-untyped-def]  # fmt: skip
    """The feeds' URLs and, per checked claim, how many articles repeat it."""
    expected: Counter[int] = Counter()
    urls = []
    n = 0
    for f in range(feeds):
        entries = []
        for i in range(items):
            n += 1
            paragraphs = [
                f"{PLACES[n % 8]}, {1 + n % 28}. November: Bericht {n} unseres Korrespondenten.",
                *(FILLER[(n + k * 3) % len(FILLER)] for k in range(7)),
                f"Bis zum Abend zählten die Behörden {n * 3 + 11} Festnahmen in der Region.",
            ]
            if n % repeat_every == 0:
                claim = (n // repeat_every) % checked
                expected[claim] += 1
                paragraphs.insert(2, checked_text(claim).rstrip(".") + ", sagte ein Sprecher.")
            title = f"Lage in {PLACES[n % 8]}: Bericht {n}"
            entries.append(
                (site.put(f"/f{f}/a{i}", article(title, paragraphs, f"Zeitung {f}")), title)
            )
        urls.append(site.put(f"/f{f}.rss", rss(f"Zeitung {f}", entries), RSS))
    return urls, expected


def make_app(url: str, tmp: Path, items: int, screen_on: bool):  # type: ignore[no-untyped-def]
    """A testing app (so that the safe fetcher may reach 127.0.0.1) on the benchmark's database."""
    return create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE_URL": url,
                       "FETCH_ALLOW_LOOPBACK": True, "MONITOR_ITEMS_PER_POLL": items,
                       "MONITOR_SCREEN": screen_on,
                       "QUEUE_URL": f"sqlite:///{tmp / 'queue.sqlite'}"})  # fmt: skip


def warm_up(app) -> None:  # type: ignore[no-untyped-def]
    """Load what a running worker has loaded already: the models, the vector index, the screen."""
    db = app.extensions["claimtrack.db"]
    with app.app_context(), db.session_scope(write=False) as session:
        match.search_text(session, checked_text(0), language="de", published_only=True)
        if app.config["MONITOR_SCREEN"]:
            screen.screen_for(session)


def _process_worker(url, tmp, items, screen_on, ids, reports, ready, go) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    """One worker process (as one `claimtrack worker` is): polls sources until none is left."""
    app = make_app(url, Path(tmp), items, screen_on)
    warm_up(app)
    ready.put(os.getpid())
    go.wait()
    db, cpu, done = app.extensions["claimtrack.db"], time.process_time(), []
    with app.app_context():
        while (source_id := ids.get()) is not None:
            done.append(asdict(poll.poll_source(db, source_id, app.config)))
    reports.put((time.process_time() - cpu, done))


def poll_all(args, app, url: str, tmp: Path, ids: list[int]) -> tuple[list[poll.PollReport], float, float]:  # type: ignore[no-untyped-def]  # fmt: skip
    """Poll every source with `--workers` threads or processes; reports, wall and CPU seconds
    (every worker's CPU plus this process's, which serves the feeds)."""
    db = app.extensions["claimtrack.db"]
    if args.mode == "threads":
        warm_up(app)
        started, cpu = time.perf_counter(), time.process_time()
        with app.app_context(), ThreadPoolExecutor(args.workers) as pool:
            reports = list(pool.map(lambda i: poll.poll_source(db, i, app.config), ids))
        return reports, time.perf_counter() - started, time.process_time() - cpu
    spawn = multiprocessing.get_context("spawn")  # fresh interpreters, as separate workers are
    queue, results, ready, go = spawn.Queue(), spawn.Queue(), spawn.Queue(), spawn.Event()
    for i in ids:
        queue.put(i)
    for _ in range(args.workers):
        queue.put(None)
    procs = [spawn.Process(target=_process_worker, args=(url, str(tmp), args.items,
                                                         not args.no_screen, queue, results,
                                                         ready, go))
             for _ in range(args.workers)]  # fmt: skip
    for proc in procs:
        proc.start()
    for _ in procs:
        ready.get()
    started, cpu = time.perf_counter(), time.process_time()
    go.set()
    parts = [results.get() for _ in procs]
    wall, own = time.perf_counter() - started, time.process_time() - cpu
    for proc in procs:
        proc.join()
    reports = [poll.PollReport(**r) for _, done in parts for r in done]
    return reports, wall, own + sum(c for c, _ in parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", choices=["processes", "threads"], default="processes",
                        help="worker processes (one `claimtrack worker` each) or threads of one")  # fmt: skip
    parser.add_argument("--no-screen", action="store_true",
                        help="match every candidate sentence in full (MONITOR_SCREEN off)")  # fmt: skip
    parser.add_argument("--checked", type=int, default=40)
    parser.add_argument("--repeat-every", type=int, default=10)
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="claimtrack-monitoring-bench-"))
    url = args.db or f"sqlite:///{tmp / 'bench.sqlite'}"
    app = make_app(url, tmp, args.items, not args.no_screen)
    db = app.extensions["claimtrack.db"]
    migrate.upgrade(db.engine)
    seed_checked(db, args.checked)
    site = start_site()
    feed_urls, expected = serve_feeds(site, args.feeds, args.items, args.repeat_every, args.checked)
    with db.session_scope() as session:
        admin = users.system_user(session)
        ids = [sources.add_source(session=session, actor=admin, url=u, kind="feed").id or 0
               for u in feed_urls]  # fmt: skip
    load_before = os.getloadavg()
    reports, elapsed, cpu = poll_all(args, app, url, tmp, ids)
    load_after = os.getloadavg()
    site.close()
    with db.session_scope(write=False) as session:
        views = alerts.list_alerts(session, limit=1000)
        texts = {checked_text(n): n for n in range(args.checked)}
        # Stories whose sighting the matcher called the *same* claim (variants of the other,
        # similar checked claims are counted apart).
        got = Counter({texts[v.claim.text]: len({s.story.id for s in v.sightings if s.row.kind == "same"})
                       for v in views if v.claim.text in texts})  # fmt: skip
        variants = sum(1 for v in views for s in v.sightings if s.row.kind != "same")
    items = sum(r.items for r in reports)
    errors = [r.error for r in reports if r.error] + [f"{r.failed_items} failed items"
                                                      for r in reports if r.failed_items]  # fmt: skip
    target = TARGET_S * (args.feeds * args.items) / 5000
    print(
        f"load average {' '.join(f'{x:.1f}' for x in load_before)} before, "
        f"{' '.join(f'{x:.1f}' for x in load_after)} after; {args.workers} polling {args.mode}; "
        f"screen {'off' if args.no_screen else 'on'}; "
        f"{'PostgreSQL' if args.db else 'SQLite'}; {args.checked} published claims"
    )
    print(
        f"{args.feeds} feeds x {args.items} items = {items} articles read, "
        f"{sum(r.stories for r in reports)} stories stored, {sum(r.proposed for r in reports)} "
        f"sightings proposed on {len(views)} alerts"
    )
    sentences, matched = sum(r.sentences for r in reports), sum(r.matched for r in reports)
    print(f"{sentences} candidate sentences, {matched} matched in full")
    print(
        f"time {elapsed:.1f} s = {items / elapsed:.1f} articles/s "
        f"(target < {target:.0f} s: {'met' if elapsed < target else 'NOT met'}); "
        f"CPU {cpu:.1f} s = {1000 * cpu / max(items, 1):.1f} ms an article"
    )
    verdict = (
        "every repeat alerted on its claim"
        if +got == +expected
        else f"MISMATCH {got} vs {expected}"
    )
    print(f"alerts: {verdict} ({sum(expected.values())} repeats of {len(expected)} claims; "
          f"{variants} more sightings judged variants); errors: {errors[:3] or 'none'}")  # fmt: skip


if __name__ == "__main__":
    main()
