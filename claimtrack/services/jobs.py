"""Job runs: the database record of background work (state, progress, lease).

The queue (claimtrack.jobs) only carries "run job N"; this module decides who may run it. A worker
claims a job with one conditional UPDATE (queued, or running under an expired lease) and renews
its lease with every progress write, so two workers never run the same job at once and a job
whose worker was killed is taken over: at once when the dead worker was on this host (its process
is gone), otherwise when its lease ends (LEASE_S).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from claimtrack.db import Database
from claimtrack.models import JobRun, utcnow

LEASE_S = 30
# A queued job nobody picked up for this long lost its queue message (server killed after commit).
UNCLAIMED_S = 10

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


def worker_identity() -> str:
    """host:pid:thread of the caller (per call: forked workers have their own pid)."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def owner_gone(owner: str) -> bool:
    """True when `owner` was a process on this host that no longer exists."""
    parts = owner.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return False
    pid = parts[1]
    if int(pid) == os.getpid():  # this process is alive; its thread holds a valid lease or not
        return False
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def interrupted(job: JobRun, now: datetime | None = None) -> bool:
    """A running job whose worker is known dead or whose lease ran out."""
    if job.state != RUNNING:
        return False
    now = now or utcnow()
    return owner_gone(job.owner) or job.lease_until is None or job.lease_until < now


@dataclass(frozen=True)
class Submitted:
    job: JobRun
    # True when the job must be (re)queued: new, failed before, or interrupted.
    dispatch: bool


def submit(
    session: Session,
    *,
    kind: str,
    key: str,
    params: dict[str, Any] | None = None,
    payload: bytes | None = None,
    actor_id: int | None = None,
    rerun: bool = False,
) -> Submitted:
    """Find the job of `key` or create it; commit. Asking again for finished work changes nothing,
    unless `rerun` (work that is meant to be repeated, such as re-indexing): then a finished job
    starts over with fresh counters."""
    job = session.exec(select(JobRun).where(JobRun.key == key)).first()
    if job is None:
        job = JobRun(
            kind=kind, key=key, params=params or {}, payload=payload, started_by_id=actor_id
        )
        session.add(job)
        try:
            session.commit()
        except IntegrityError:  # the same file submitted at the same moment elsewhere
            session.rollback()
            job = session.exec(select(JobRun).where(JobRun.key == key)).one()
            return Submitted(job, dispatch=False)
        return Submitted(job, dispatch=True)
    if rerun and job.state in (DONE, FAILED):
        job.total = job.done = job.created = job.existing = job.attempts = 0
        job.result, job.started_by_id, job.started_at, job.finished_at = {}, actor_id, None, None
        job.state = FAILED  # starts over below
    if job.state == DONE or (job.state in (QUEUED, RUNNING) and not interrupted(job)):
        return Submitted(job, dispatch=job.state == QUEUED)
    # Failed, or its worker died: run it again (it resumes where the stored progress stops).
    job.state, job.error, job.owner, job.lease_until = QUEUED, "", "", None
    if payload is not None:
        job.payload = payload
    job.updated_at = utcnow()
    session.add(job)
    session.commit()
    return Submitted(job, dispatch=True)


def claim(session: Session, job_id: int, owner: str) -> JobRun | None:
    """Take the job for `owner` if nobody holds it; None when it is done or held elsewhere.

    One conditional UPDATE wins a queued job or one whose lease ran out; a running job whose
    worker on this host is gone is taken over by a second UPDATE guarded by that dead owner.
    """
    now = utcnow()
    values = {
        "state": RUNNING,
        "owner": owner,
        "lease_until": now + timedelta(seconds=LEASE_S),
        "attempts": JobRun.attempts + 1,
        "started_at": func.coalesce(JobRun.started_at, now),
        "updated_at": now,
    }
    free = (col(JobRun.state) == QUEUED) | (
        (col(JobRun.state) == RUNNING) & (col(JobRun.lease_until) < now)
    )
    stmt = update(JobRun).where(col(JobRun.id) == job_id, free).values(values)
    won = session.execute(stmt).rowcount == 1  # type: ignore[attr-defined]
    if not won:
        held = session.exec(
            select(JobRun.owner).where(JobRun.id == job_id, JobRun.state == RUNNING)
        ).first()
        if held and owner_gone(held):
            stmt = (
                update(JobRun)
                .where(col(JobRun.id) == job_id, col(JobRun.owner) == held)
                .where(col(JobRun.state) == RUNNING)
                .values(values)
            )
            won = session.execute(stmt).rowcount == 1  # type: ignore[attr-defined]
    if not won:
        session.rollback()
        return None
    session.commit()
    job = session.get(JobRun, job_id)
    if job is not None:
        session.refresh(job)
        session.expunge(job)  # the caller keeps it after its session ends
    return job


def renew(session: Session, job_id: int, owner: str, **values: Any) -> bool:
    """Write progress and extend the lease (in the caller's transaction); False if lost."""
    now = utcnow()
    stmt = (
        update(JobRun)
        .where(col(JobRun.id) == job_id, col(JobRun.owner) == owner)
        .where(col(JobRun.state) == RUNNING)
        .values({"lease_until": now + timedelta(seconds=LEASE_S), "updated_at": now, **values})
    )
    return bool(session.execute(stmt).rowcount == 1)  # type: ignore[attr-defined]


def renew_at(session: Session, job_id: int, owner: str, *, at: int, **values: Any) -> bool:
    """`renew`, only while the stored progress is still `at` (no step is counted twice)."""
    now = utcnow()
    stmt = (
        update(JobRun)
        .where(col(JobRun.id) == job_id, col(JobRun.owner) == owner)
        .where(col(JobRun.state) == RUNNING, col(JobRun.done) == at)
        .values({"lease_until": now + timedelta(seconds=LEASE_S), "updated_at": now, **values})
    )
    return bool(session.execute(stmt).rowcount == 1)  # type: ignore[attr-defined]


def finish(
    session: Session,
    job_id: int,
    owner: str,
    *,
    state: str,
    error: str = "",
    result: dict[str, Any] | None = None,
    retry_at: datetime | None = None,
) -> bool:
    """End the job as done or failed, or put it back as queued until `retry_at`; commit."""
    values: dict[str, Any] = {"state": state, "error": error[:1000], "lease_until": retry_at}
    if state in (DONE, FAILED):
        values["finished_at"] = utcnow()
    if state == DONE:
        values["payload"] = None
    if result is not None:
        values["result"] = result
    ok = renew(session, job_id, owner, **values)
    session.commit()
    return ok


@contextmanager
def keep_alive(
    db: Database, job_id: int, owner: str, every_s: float = LEASE_S / 3
) -> Iterator[None]:
    """Renew the lease from a side thread while a long single-transaction step runs."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(every_s):
            with db.session_scope() as session:
                renew(session, job_id, owner)
                session.commit()

    thread = threading.Thread(target=beat, daemon=True, name=f"lease-{job_id}")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def get_job(session: Session, job_id: int) -> JobRun | None:
    return session.get(JobRun, job_id)


def find_by_key(session: Session, key: str) -> JobRun | None:
    return session.exec(select(JobRun).where(JobRun.key == key)).first()


def needing_dispatch(session: Session, *, limit: int = 200) -> list[int]:
    """Jobs to hand to the queue again: interrupted ones, and queued ones nobody took."""
    now = utcnow()
    stmt = (
        select(JobRun)
        .where(
            or_(
                col(JobRun.state) == RUNNING,
                (col(JobRun.state) == QUEUED)
                & (col(JobRun.lease_until).is_(None) | (col(JobRun.lease_until) < now)),
            )
        )
        .order_by(col(JobRun.id))
        .limit(limit)
    )
    out = []
    for job in session.exec(stmt):
        last = job.updated_at or job.created_at
        if job.state == QUEUED and last > now - timedelta(seconds=UNCLAIMED_S):
            continue
        if job.state == RUNNING and not interrupted(job, now):
            continue
        out.append(job.id or 0)
    return out


def recent_jobs(session: Session, *, kind: str | None = None, limit: int = 50) -> list[JobRun]:
    stmt = select(JobRun).order_by(col(JobRun.id).desc()).limit(limit)
    if kind:
        stmt = stmt.where(JobRun.kind == kind)
    return list(session.exec(stmt))
