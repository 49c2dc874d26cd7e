"""Embedding back-fill as a queued job (the admin's "Embed the waiting claims" button and
``claimtrack matching embed --queue``).

One job row per model, key ``matching-embed:<model>``, run again each time it is asked for; while
it runs, asking again changes nothing. What is left to do is read from the database (claims with
no vector of the model), not from the job: a job killed half-way resumes where the stored vectors
stop, and a second run, a second worker or the foreground command only finds what is still
pending. Each batch commits its vectors, then the job's progress (renewing its lease), so every
server's admin page shows how far it got. ``params.workers`` processes embed in parallel inside
the worker that holds the job (one model and one BLAS thread each).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from claimtrack.db import Database
from claimtrack.matching.embedding import EmbedderUnavailable, embedder_name
from claimtrack.models import JobRun, User
from claimtrack.services import jobs
from claimtrack.services.base import require
from claimtrack.services.errors import ValidationError
from claimtrack.services.intake.bulk_jobs import LeaseLost  # the queue's "taken over" signal
from claimtrack.services.matching import embed, vectors
from claimtrack.workflow import Permission

KIND = "matching-embed"
MAX_WORKERS = 16


@dataclass(frozen=True)
class EmbedView:
    """What the admin page shows of the back-fill of the configured model."""

    model: str
    pending: int  # claims with no vector of the model now
    job: JobRun | None

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.state in (jobs.QUEUED, jobs.RUNNING)

    @property
    def rate(self) -> float:
        return float((self.job.result or {}).get("rate", 0.0)) if self.job else 0.0

    @property
    def percent(self) -> int:
        if self.job is None or not self.job.total:
            return 0
        return min(100, int(100 * self.job.done / self.job.total))


def job_key(model: str) -> str:
    return f"{KIND}:{model}"


def request_embedding(
    *,
    session: Session,
    actor: User,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = embed.BATCH_SIZE,
) -> jobs.Submitted:
    """Queue the back-fill of ``model`` (default: the configured one), or find the one running."""
    require(actor, Permission.MANAGE_MATCHING)
    name = embedder_name(model)
    if not 1 <= workers <= MAX_WORKERS:
        raise ValidationError(
            "Between 1 and %(max)s processes.", field="workers", params={"max": MAX_WORKERS}
        )
    if not 1 <= batch_size <= 10_000:
        raise ValidationError("A batch holds 1 to 10,000 claims.", field="batch_size")
    params = {"model": name, "workers": workers, "batch_size": batch_size}
    return jobs.submit(session, kind=KIND, key=job_key(name), actor_id=actor.id, rerun=True,
                       params=params)  # fmt: skip


def embedding_status(session: Session, model: str | None = None) -> EmbedView:
    name = embedder_name(model)
    pending = vectors.count_pending(session, name)
    return EmbedView(name, pending, jobs.find_by_key(session, job_key(name)))


def run_embedding(db: Database, job: JobRun, owner: str) -> None:
    """The job body: embed every pending claim, recording progress after each batch."""
    name = str(job.params.get("model") or embedder_name())
    workers = int(job.params.get("workers") or 1)
    batch_size = int(job.params.get("batch_size") or embed.BATCH_SIZE)
    job_id, before = job.id or 0, job.done  # a resumed job counts on from its stored progress
    with db.session_scope() as session:
        total = before + vectors.count_pending(session, name)
        if not jobs.renew(session, job_id, owner, total=total):
            raise LeaseLost
        session.commit()

    def progress(p: embed.EmbedProgress) -> None:
        with db.session_scope() as session:
            result = {"model": name, "rate": round(p.rate, 1), "workers": workers}
            if not jobs.renew(session, job_id, owner, done=before + p.embedded,
                              total=max(total, before + p.embedded), result=result):  # fmt: skip
                raise LeaseLost
            session.commit()

    try:
        with jobs.keep_alive(db, job_id, owner), db.session_scope() as session:
            report = embed.embed_pending(session, model=name, workers=workers,
                                         batch_size=batch_size, progress=progress)  # fmt: skip
    except EmbedderUnavailable as exc:  # this machine cannot run the model: no point retrying
        with db.session_scope() as session:
            jobs.finish(session, job_id, owner, state=jobs.FAILED, error=str(exc))
        return
    with db.session_scope() as session:
        result = {"model": name, "rate": round(report.rate, 1), "embedded": report.embedded,
                  "workers": workers}  # fmt: skip
        jobs.finish(session, job_id, owner, state=jobs.DONE, result=result)
