"""Proof that claimtrack scales out: two app servers and separate workers share the database and
the queue (PostgreSQL + Redis when the suite runs on PostgreSQL; the SQLite file and the embedded
SQLite queue otherwise). Real processes on 127.0.0.1: gunicorn servers, `claimtrack worker`s."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from flask import Flask
from sqlalchemy import func
from sqlmodel import select

from claimtrack.jobs import queue_for
from claimtrack.models import JobRun, Story, User, WebhookDelivery
from claimtrack.services import webhooks
from tests.conftest import PASSWORD, TEST_USERS, make_test_app
from tests.factories import make_claim, make_published_verdict
from tests.jobs.cluster import Cluster, wait_for
from tests.jobs.receiver import start_receiver
from tests.web.conftest import csrf_token_of

LOOPBACK = webhooks.FetchPolicy(allow_loopback=True)


@pytest.fixture
def cluster(database_url: str, tmp_path: Path) -> Iterator[tuple[Cluster, Flask]]:
    """The environment of every process, and an app of the test's own on the same stores."""
    on_postgres = database_url.startswith("postgresql")
    queue_url = "redis://127.0.0.1:6379/0" if on_postgres else f"sqlite:///{tmp_path}/queue.sqlite"
    name = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **{k: v for k, v in __import__("os").environ.items() if not k.startswith("CLAIMTRACK_")},
        "CLAIMTRACK_DATABASE_URL": database_url,
        "CLAIMTRACK_QUEUE_URL": queue_url,
        "CLAIMTRACK_QUEUE_NAME": name,
        "CLAIMTRACK_SECRET_KEY": "scale-out-test-secret-key-0123456789",
        "CLAIMTRACK_INSTANCE_PATH": str(tmp_path / "instance"),
        "CLAIMTRACK_TESTING": "true",
        "CLAIMTRACK_FETCH_ALLOW_LOOPBACK": "true",
        "CLAIMTRACK_PUBLIC_BASE_URL": "https://faktencheck.example.org/",
    }
    logs = tmp_path / "logs"
    logs.mkdir()
    procs = Cluster(env=env, logs=logs)
    app = make_test_app(database_url, tmp_path, QUEUE_URL=queue_url, QUEUE_NAME=name,
                        FETCH_ALLOW_LOOPBACK=True,
                        PUBLIC_BASE_URL="https://faktencheck.example.org/")  # fmt: skip
    try:
        yield procs, app
    finally:
        procs.close()
        if on_postgres:
            queue_for(app).huey.storage.flush_all()
        app.extensions["claimtrack.db"].dispose()


def _records(n: int, tag: str) -> bytes:
    return "\n".join(
        json.dumps({
            "title": f"Meldung {tag} {i}",
            "url": f"https://news.example.org/{tag}/{i}",
            "body": f"In Almaty wurden am {i % 28 + 1}. Januar {100 + i} Menschen festgenommen ({tag}).",
        })
        for i in range(n)
    ).encode()  # fmt: skip


def _login(client: httpx.Client, base: str) -> None:
    token = csrf_token_of(client.get(base + "/login").text)
    email = TEST_USERS["fact_checker"][0]
    r = client.post(base + "/login", data={"email": email, "password": PASSWORD,
                                           "csrf_token": token or ""})  # fmt: skip
    assert r.status_code == 302, r.text[:500]


def _upload(client: httpx.Client, base: str, data: bytes) -> str:
    token = csrf_token_of(client.get(base + "/desk/intake").text) or ""
    r = client.post(base + "/desk/intake/bulk", data={"fmt": "jsonl", "csrf_token": token},
                    files={"file": ("stories.jsonl", data, "application/x-ndjson")})  # fmt: skip
    assert r.status_code == 302, r.text[:500]
    return r.headers["location"].rsplit("/", 1)[1]


_PROGRESS = re.compile(r'<progress id="import-progress" max="(\d+)" value="(\d+)"')


def _progress(client: httpx.Client, base: str, job: str) -> tuple[int, int]:
    page = client.get(f"{base}/desk/intake/bulk/{job}")
    assert page.status_code == 200
    found = _PROGRESS.search(page.text)
    assert found, page.text[:500]
    return int(found.group(2)), int(found.group(1))


def _job(app: Flask, job: str) -> JobRun:
    with app.extensions["claimtrack.db"].session_scope(write=False) as session:
        row = session.get(JobRun, int(job))
        assert row is not None
        session.expunge(row)
        return row


def test_import_through_server_a_shows_on_b_and_survives_kill_9(
    cluster: tuple[Cluster, Flask],
) -> None:
    procs, app = cluster
    server_a, server_b = procs.server("server-a"), procs.server("server-b")
    worker = procs.worker("worker-1")
    with httpx.Client(timeout=30) as client:  # one cookie jar: the session works on both servers
        _login(client, server_a)
        job = _upload(client, server_a, _records(200, "a"))
        seen = []

        def finished_on_b() -> bool:
            done, total = _progress(client, server_b, job)
            seen.append(done)
            return bool(total) and done == total

        wait_for(finished_on_b, timeout=120, interval=0.05)
        assert any(0 < d < 200 for d in seen), "server B never showed the import half-way"
        row = _job(app, job)
        assert (row.state, row.done, row.created, row.existing) == ("done", 200, 200, 0)

        # kill -9 the worker half-way through the next import; a new worker finishes it.
        job2 = _upload(client, server_b, _records(300, "k"))
        wait_for(
            lambda: 20 < _progress(client, server_a, job2)[0] < 250, timeout=120, interval=0.02
        )
        procs.kill9(worker)
        stopped_at = _progress(client, server_a, job2)[0]
        procs.worker("worker-2")
        wait_for(lambda: _job(app, job2).state == "done", timeout=120)
        row = _job(app, job2)
        assert (row.done, row.created, row.existing) == (300, 300, 0)
        assert row.attempts == 2 and 0 < stopped_at < 300
    with app.extensions["claimtrack.db"].session_scope(write=False) as session:
        count = session.exec(select(func.count()).select_from(Story)).one()
        distinct = session.exec(select(func.count(func.distinct(Story.content_hash)))).one()
    assert count == distinct == 500


def test_each_webhook_event_is_delivered_once_with_two_workers(
    cluster: tuple[Cluster, Flask],
) -> None:
    procs, app = cluster
    receiver = start_receiver()
    procs.worker("worker-a", threads=4)
    procs.worker("worker-b", threads=4)
    db = app.extensions["claimtrack.db"]
    events = 40
    try:
        with db.session_scope() as session:
            admin = session.exec(select(User).where(User.email == TEST_USERS["admin"][0])).one()
            editor = session.exec(select(User).where(User.email == TEST_USERS["editor"][0])).one()
            webhooks.add_endpoint(session=session, actor=admin, partner="Partner",
                                  url=receiver.url, events=list(webhooks.EVENTS), policy=LOOPBACK)  # fmt: skip
            for _ in range(events):
                make_published_verdict(session, editor, make_claim(session, editor))
        wait_for(lambda: len(receiver.calls) >= events, timeout=60)

        def all_delivered() -> bool:
            with db.session_scope(write=False) as s:
                states = list(s.exec(select(WebhookDelivery.state)))
            return len(states) == events and set(states) == {"delivered"}

        wait_for(all_delivered, timeout=30)
        ids = receiver.ids()
        assert len(ids) == events and len(set(ids)) == events
    finally:
        receiver.close()
