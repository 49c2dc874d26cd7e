"""claimtrack's tasks on a Huey instance: run a job, deliver a webhook, sweep.

Tasks carry ids only; the rows say what to do. Retries are scheduled here, from the row's attempt
count (not by Huey's in-memory retry), so a retry survives a killed worker: the sweep finds the
row due and queues it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from flask import Flask
from huey import Huey, crontab  # type: ignore[import-untyped]
from sqlalchemy.exc import OperationalError

from claimtrack.db import Database
from claimtrack.models import JobRun, utcnow
from claimtrack.services import jobs
from claimtrack.services.intake import bulk_jobs as bulk_import

log = logging.getLogger("claimtrack.jobs")

# Seconds before attempt 2, 3, ... of a job that failed for a reason other than its input.
JOB_BACKOFF_S = (2, 10, 60, 300, 1800)
# Seconds before a task that found the database busy tries again.
BUSY_S = 1.0
Handler = Callable[[Database, JobRun, str], None]


def handlers() -> dict[str, Handler]:
    from claimtrack.services.matching import embed_job, reindex_job
    from claimtrack.services.monitoring import digest

    return {
        bulk_import.KIND: bulk_import.run_import,
        reindex_job.KIND: reindex_job.run_reindex,
        embed_job.KIND: embed_job.run_embedding,
        digest.KIND: digest.run_digest,
    }


@dataclass
class Tasks:
    run_job: Any
    deliver: Any
    sweep: Any
    poll_source: Any = None
    monitor: Any = None


def register(huey: Huey, app: Flask) -> Tasks:
    db: Database = app.extensions["claimtrack.db"]

    @huey.task(name="run_job")
    def run_job(job_id: int) -> None:
        delay = execute_job(app, db, job_id)
        if delay is not None:
            run_job.schedule(args=(job_id,), delay=delay)

    @huey.task(name="deliver")
    def deliver(delivery_id: int) -> None:
        from claimtrack.services import webhooks

        try:
            delay = webhooks.attempt(db, delivery_id, app.config)
        except OperationalError:  # the database was busy (SQLite under many writers): try soon
            log.warning("delivery %s: database busy, trying again in %s s", delivery_id, BUSY_S)
            delay = BUSY_S
        if delay is not None:
            deliver.schedule(args=(delivery_id,), delay=delay)

    @huey.periodic_task(crontab(minute="*"), name="sweep")
    def sweep() -> None:
        sweep_now(db, run_job, deliver)

    poll_source, monitor = _register_monitoring(huey, app, db, run_job)
    return Tasks(run_job=run_job, deliver=deliver, sweep=sweep, poll_source=poll_source,
                 monitor=monitor)  # fmt: skip


def _register_monitoring(huey: Huey, app: Flask, db: Database, run_job: Any) -> tuple[Any, Any]:
    """Watched sources: every minute the due ones are queued, one task each (any worker polls;
    the source's lease makes a second task for the same source a no-op). At MONITOR_DIGEST_HOUR
    (UTC) the digest of the day before is submitted as a job (once per day, whatever the number
    of workers: the job's key is the day)."""
    from claimtrack.services.monitoring import digest, poll

    @huey.task(name="poll_source")
    def poll_source(source_id: int) -> None:
        try:
            with app.app_context():
                poll.poll_source(db, source_id, app.config)
        except OperationalError:  # the database was busy: the next round polls it
            log.warning("source %s: database busy; polled at the next round", source_id)

    @huey.periodic_task(crontab(minute="*"), name="monitor")
    def monitor() -> None:
        with db.session_scope(write=False) as session:
            due = poll.due_sources(session)
        for source_id in due:
            poll_source(source_id)

    @huey.periodic_task(crontab(minute="0"), name="alert_digest")
    def alert_digest() -> None:
        now = utcnow()
        if now.hour != int(app.config.get("MONITOR_DIGEST_HOUR", 6)):
            return
        with db.session_scope() as session:
            submitted = digest.submit_daily(session, (now - timedelta(days=1)).date())
        if submitted.dispatch:
            run_job(submitted.job.id)

    return poll_source, monitor


def execute_job(app: Flask, db: Database, job_id: int) -> float | None:
    """Claim the job and run its handler. Returns the delay before a retry, if one is due."""
    owner = jobs.worker_identity()
    with db.session_scope() as session:
        job = jobs.claim(session, job_id, owner)
    if job is None:
        return None  # done, failed for good, or running elsewhere
    handler = handlers().get(job.kind)
    if handler is None:
        with db.session_scope() as session:
            jobs.finish(session, job_id, owner, state=jobs.FAILED, error=f"unknown job {job.kind}")
        return None
    try:
        with app.app_context():
            handler(db, job, owner)
    except bulk_import.LeaseLost:
        log.warning("job %s was taken over by another worker", job_id)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried
        log.exception("job %s failed (attempt %s)", job_id, job.attempts)
        return _retry_or_fail(db, job, owner, exc)
    return None


def _retry_or_fail(db: Database, job: JobRun, owner: str, exc: Exception) -> float | None:
    reason = f"The job stopped: {type(exc).__name__}."
    with db.session_scope() as session:
        if job.attempts > len(JOB_BACKOFF_S):
            jobs.finish(session, job.id or 0, owner, state=jobs.FAILED, error=reason)
            return None
        delay = JOB_BACKOFF_S[job.attempts - 1]
        retry_at = utcnow() + timedelta(seconds=delay)
        jobs.finish(session, job.id or 0, owner, state=jobs.QUEUED, error=reason, retry_at=retry_at)
    return float(delay)


def sweep_now(db: Database, run_job: Any, deliver: Any) -> tuple[int, int]:
    """Queue again what lost its message: interrupted or unclaimed jobs, due deliveries."""
    from claimtrack.services import webhooks

    with db.session_scope(write=False) as session:
        job_ids = jobs.needing_dispatch(session)
        delivery_ids = webhooks.due_deliveries(session)
    for job_id in job_ids:
        run_job(job_id)
    for delivery_id in delivery_ids:
        deliver(delivery_id)
    return len(job_ids), len(delivery_ids)
