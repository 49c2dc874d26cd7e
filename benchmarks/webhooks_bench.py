"""Webhooks: 1,000 events to 5 local receivers; first-attempt latency, lost and duplicate events.

    .venv/bin/python benchmarks/webhooks_bench.py [--verdicts 200] [--receivers 5] [--threads 8]
        [--queue sqlite|redis] [--db postgresql+psycopg://…/EMPTY_DB]

A publishing process (as an app server would) publishes N verdicts through the services (each
publication writes one outbox row per endpoint in its transaction, queued after commit) while this
process runs a consumer with `--threads` worker threads that delivers them to `--receivers` HTTP
receivers on 127.0.0.1 (one endpoint each, all events). Database: a fresh SQLite file, or `--db`. 200 verdicts x
5 endpoints = 1,000 events. Each receiver checks the Standard Webhooks signature and records the
`webhook-id`. Prints the first-attempt latency (outbox row written -> receiver answered) p50/p99,
events lost (never received) and duplicates (same webhook-id twice). Targets: p99 < 1 s, 0, 0.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import select  # noqa: E402
from standardwebhooks.webhooks import Webhook  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.app import create_app  # noqa: E402
from claimtrack.fetch import FetchPolicy  # noqa: E402
from claimtrack.jobs import queue_for  # noqa: E402
from claimtrack.models import ClaimStatus, WebhookDelivery  # noqa: E402
from claimtrack.services import claims, ratings, users, verdicts, webhooks  # noqa: E402

REDIS = "redis://127.0.0.1:6379/15"


class Receiver:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.bad_signatures = 0
        self.secret = ""
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    Webhook(receiver.secret).verify(body, headers)
                except Exception:  # noqa: BLE001
                    receiver.bad_signatures += 1
                with receiver.lock:
                    receiver.ids.append(headers.get("webhook-id", ""))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"


def publish_in_child(config: dict[str, Any], n: int) -> None:
    """The publishing side in a process of its own, with its own app (like an app server)."""
    app = create_app(config)
    publish(app, n)
    app.extensions["claimtrack.db"].dispose()


def publish(app: Any, n: int) -> None:
    db = app.extensions["claimtrack.db"]
    with db.session_scope() as session:
        actor = users.system_user(session)
        session.commit()
        label = ratings.label_by_key(session, "falsch")
        for i in range(n):
            claim = claims.create_claim(session=session, actor=actor, data=claims.ClaimInput(
                text=f"In Almaty sind am {i % 28 + 1}. Januar {1000 + i} Menschen gestorben.",
                claimant="Ministerium"))  # fmt: skip
            claims.change_status(session=session, actor=actor, claim_id=claim.id or 0,
                                 status=ClaimStatus.IN_RESEARCH)  # fmt: skip
            verdicts.save_draft(session=session, actor=actor, claim_id=claim.id or 0,
                                data=verdicts.VerdictInput(
                                    rating_id=label.id if label else None, headline="Falsch",
                                    summary="Die Zahl stimmt nicht.", reasoning="Es waren 225."))  # fmt: skip
            verdicts.publish_verdict(session=session, actor=actor, claim_id=claim.id or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdicts", type=int, default=200)
    parser.add_argument("--receivers", type=int, default=5)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--queue", choices=["sqlite", "redis"], default="sqlite")
    parser.add_argument("--db", default="", help="an empty database (default: a SQLite file)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    url = REDIS if args.queue == "redis" else f"sqlite:///{tmp}/queue.sqlite"
    config = {"TESTING": True, "SECRET_KEY": "bench-secret-key-0123456789",
              "DATABASE_URL": args.db or f"sqlite:///{tmp}/bench.sqlite", "QUEUE_URL": url,
              "QUEUE_NAME": f"bench-{uuid.uuid4().hex[:6]}", "FETCH_ALLOW_LOOPBACK": True,
              "PUBLIC_BASE_URL": "https://faktencheck.example.org/"}  # fmt: skip
    app = create_app(config)
    db = app.extensions["claimtrack.db"]
    migrate.upgrade(db.engine)
    receivers = [Receiver() for _ in range(args.receivers)]
    with db.session_scope() as session:
        ratings.ensure_default_scale(session)
        actor = users.system_user(session)
        session.commit()
        for i, r in enumerate(receivers):
            _, r.secret = webhooks.add_endpoint(session=session, actor=actor, partner=f"P{i}",
                                                url=r.url, events=list(webhooks.EVENTS),
                                                policy=FetchPolicy(allow_loopback=True))  # fmt: skip
    db.dispose()  # no pooled connection crosses the fork
    publisher = multiprocessing.get_context("fork").Process(
        target=publish_in_child, args=(config, args.verdicts)
    )
    queue = queue_for(app)
    consumer = queue.consumer(workers=args.threads, periodic=False)
    consumer.start()
    expected = args.verdicts * args.receivers
    start = time.perf_counter()
    try:
        publisher.start()
        publisher.join()
        published = time.perf_counter() - start
        deadline = time.monotonic() + 120
        while sum(len(r.ids) for r in receivers) < expected and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(2)  # let any duplicate arrive
    finally:
        consumer.stop(graceful=True)
        queue.huey.storage.flush_all()
    with db.session_scope(write=False) as session:
        rows = list(session.exec(select(WebhookDelivery)))
        session.expunge_all()
    latencies = sorted(r.first_latency_ms or 0 for r in rows if r.first_latency_ms is not None)
    received = [i for r in receivers for i in r.ids]
    sent_ids = {r.message_id for r in rows}
    lost = len(sent_ids - set(received))
    dupes = len(received) - len(set(received))
    p50 = statistics.median(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    bad = sum(r.bad_signatures for r in receivers)
    print(f"load {os.getloadavg()[0]:.1f}; {args.queue} queue, {args.threads} worker threads; "
          f"{len(rows)} events ({args.verdicts} verdicts x {args.receivers} receivers), "
          f"published in {published:.1f} s")  # fmt: skip
    print(f"first-attempt latency p50 {p50:.0f} ms, p99 {p99:.0f} ms (target < 1000: "
          f"{'meets' if p99 < 1000 else 'MISSES'}); lost {lost}, duplicates {dupes} "
          f"(target 0, 0: {'meets' if lost == dupes == 0 else 'MISSES'}); bad signatures {bad}")  # fmt: skip


if __name__ == "__main__":
    main()
