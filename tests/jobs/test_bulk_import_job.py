"""Bulk imports as database-backed jobs: resume after a crash, no duplicates, no 120 s block."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import timedelta

from flask import Flask
from sqlalchemy import func
from sqlmodel import Session, select

from claimtrack.jobs.tasks import execute_job
from claimtrack.models import JobRun, Story, User, utcnow
from claimtrack.services import jobs
from claimtrack.services.errors import PermissionDenied, ValidationError
from claimtrack.services.intake import bulk_jobs as bulk_import


def _records(n: int, tag: str = "a") -> bytes:
    lines = [
        {
            "title": f"Meldung {tag}{i}",
            "url": f"https://news.example.org/{tag}/{i}",
            "body": f"In Almaty wurden am {i + 1}. Januar {100 + i} Menschen festgenommen ({tag}).",
            "outlet": "Beispielzeitung",
        }
        for i in range(n)
    ]
    return "\n".join(json.dumps(line) for line in lines).encode()


def _user(session: Session, email: str = "checker@example.org") -> User:
    return session.exec(select(User).where(User.email == email)).one()


def _dead_owner() -> str:
    """host:pid:thread of a process that has exited."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return f"{socket.gethostname()}:{proc.stdout.strip()}:1"


def _fresh(session: Session) -> None:
    """End the test session's snapshot and forget loaded rows (the worker wrote since)."""
    session.rollback()
    session.expire_all()


def _stories(session: Session) -> int:
    _fresh(session)
    return int(session.exec(select(func.count()).select_from(Story)).one())


def test_import_runs_as_job_and_counts_each_story_once(app: Flask, session: Session) -> None:
    db = app.extensions["claimtrack.db"]
    before = _stories(session)
    view, dispatch = bulk_import.submit_import(
        session=session, actor=_user(session), data=_records(5), fmt="jsonl"
    )
    assert dispatch and view.state == jobs.QUEUED
    assert execute_job(app, db, view.job_id) is None
    _fresh(session)
    done = bulk_import.get_import(session, view.job_id)
    assert done is not None
    assert (done.state, done.total, done.done, done.created, done.existing) == ("done", 5, 5, 5, 0)
    assert len(done.story_ids) == 5 and done.percent == 100
    assert _stories(session) == before + 5
    job = session.get(JobRun, view.job_id)
    assert job is not None and job.payload is None  # the file is dropped once imported
    # The same file again: nothing to do, nothing stored twice.
    again, dispatch = bulk_import.submit_import(
        session=session, actor=_user(session), data=_records(5), fmt="jsonl"
    )
    assert (again.job_id, dispatch, again.state) == (view.job_id, False, "done")
    assert execute_job(app, db, view.job_id) is None
    assert _stories(session) == before + 5


def test_a_killed_worker_is_taken_over_at_once_and_resumes(app: Flask, session: Session) -> None:
    """Issue 12 item 7: after a crash a re-upload is not blocked while the page says running."""
    db = app.extensions["claimtrack.db"]
    data = _records(6, "k")
    view, _ = bulk_import.submit_import(
        session=session, actor=_user(session), data=data, fmt="jsonl"
    )
    # Simulate a worker killed after storing two of six stories: its progress is in the row.
    owner = jobs.worker_identity()
    with db.session_scope() as s:
        assert jobs.claim(s, view.job_id, owner) is not None
    job = session.get(JobRun, view.job_id)
    assert job is not None
    with db.session_scope() as s:
        run = s.get(JobRun, view.job_id)
        prepared = bulk_import._prepare_all(data, "jsonl")
        for i in range(2):
            bulk_import._store_one(session=s, actor=s.get(User, job.started_by_id),
                                   data=prepared[i], job_id=view.job_id, owner=owner, index=i,
                                   recent=[])  # fmt: skip
        assert run is not None
    dead = _dead_owner()
    with db.session_scope() as s:
        s.execute(JobRun.__table__.update().where(JobRun.id == view.job_id).values(owner=dead))
        s.commit()
    _fresh(session)
    shown = bulk_import.get_import(session, view.job_id)
    assert shown is not None and shown.interrupted and shown.done == 2
    # Re-upload: queued again immediately (lease still has ~30 s to run).
    again, dispatch = bulk_import.submit_import(
        session=session, actor=_user(session), data=data, fmt="jsonl"
    )
    assert dispatch and again.state == jobs.QUEUED and again.job_id == view.job_id
    assert execute_job(app, db, view.job_id) is None
    _fresh(session)
    final = bulk_import.get_import(session, view.job_id)
    assert final is not None
    assert (final.state, final.done, final.created, final.existing) == ("done", 6, 6, 0)


def test_a_live_job_is_not_claimed_twice(app: Flask, session: Session) -> None:
    db = app.extensions["claimtrack.db"]
    view, _ = bulk_import.submit_import(
        session=session, actor=_user(session), data=_records(2, "t"), fmt="jsonl"
    )
    with db.session_scope() as s:
        assert jobs.claim(s, view.job_id, "host-a:1:1") is not None
    with db.session_scope() as s:
        assert jobs.claim(s, view.job_id, "host-b:1:1") is None
        # ... until the lease of the other host runs out.
        s.execute(JobRun.__table__.update().where(JobRun.id == view.job_id)
                  .values(lease_until=utcnow() - timedelta(seconds=1)))  # fmt: skip
        s.commit()
    with db.session_scope(write=False) as s:
        assert view.job_id in jobs.needing_dispatch(s)
    with db.session_scope() as s:
        taken = jobs.claim(s, view.job_id, "host-b:1:1")
        assert taken is not None and taken.owner == "host-b:1:1" and taken.attempts == 2


def test_bad_record_fails_the_job_with_the_line_and_stores_nothing(
    app: Flask, session: Session
) -> None:
    db = app.extensions["claimtrack.db"]
    before = _stories(session)
    data = _records(3, "b") + b'\n{"title": "leer", "body": ""}'
    view, _ = bulk_import.submit_import(
        session=session, actor=_user(session), data=data, fmt="jsonl"
    )
    assert execute_job(app, db, view.job_id) is None
    _fresh(session)
    failed = bulk_import.get_import(session, view.job_id)
    assert failed is not None and failed.state == "failed" and "line 4" in failed.error.lower()
    assert _stories(session) == before


def test_unexpected_errors_are_retried_with_backoff(
    app: Flask, session: Session, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    db = app.extensions["claimtrack.db"]
    view, _ = bulk_import.submit_import(
        session=session, actor=_user(session), data=_records(2, "r"), fmt="jsonl"
    )

    def broken(_data: bytes, _fmt: str) -> list[object]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bulk_import, "_prepare_all", broken)
    delays = [execute_job(app, db, view.job_id)]
    _fresh(session)
    job = session.get(JobRun, view.job_id)
    assert job is not None and job.state == "queued" and "RuntimeError" in job.error
    assert delays == [2.0] and job.lease_until is not None and job.lease_until > utcnow()
    with db.session_scope(write=False) as s:
        assert view.job_id not in jobs.needing_dispatch(s)  # waiting out its backoff
    monkeypatch.undo()
    with db.session_scope() as s:
        s.execute(JobRun.__table__.update().where(JobRun.id == view.job_id)
                  .values(lease_until=None))  # fmt: skip
        s.commit()
    execute_job(app, db, view.job_id)
    _fresh(session)
    done = bulk_import.get_import(session, view.job_id)
    assert done is not None and done.state == "done" and done.created == 2


def test_submit_checks_permission_and_input(session: Session) -> None:
    reader = User(email="x@example.org", name="x", role="fact_checker", active=False)
    try:
        bulk_import.submit_import(session=session, actor=reader, data=b"x", fmt="jsonl")
    except PermissionDenied:
        pass
    else:
        raise AssertionError("an inactive account may not import")
    for data, fmt in ((b"", "jsonl"), (b"x", "xml")):
        try:
            bulk_import.submit_import(session=session, actor=_user(session), data=data, fmt=fmt)
        except ValidationError:
            continue
        raise AssertionError(f"{fmt} {data!r} accepted")
    assert os.getpid() > 0
