"""Re-indexing the matcher as a queued job (the admin's "Rebuild the index" button).

One job row, key `matching-reindex`, run again each time it is asked for; while it runs, asking
again changes nothing. The rebuild itself is one transaction (`admin.rebuild_index`); a side
thread keeps the job's lease alive so no other worker takes it over meanwhile.
"""

from __future__ import annotations

from sqlmodel import Session

from claimtrack.db import Database
from claimtrack.models import JobRun, User
from claimtrack.services import jobs
from claimtrack.services.base import require
from claimtrack.services.matching import admin
from claimtrack.workflow import Permission

KIND = "matching-reindex"


def request_reindex(*, session: Session, actor: User) -> jobs.Submitted:
    """Queue a rebuild of the matching index (or find the one queued or running)."""
    require(actor, Permission.MANAGE_MATCHING)
    return jobs.submit(session, kind=KIND, key=KIND, actor_id=actor.id, rerun=True)


def last_reindex(session: Session) -> JobRun | None:
    return jobs.find_by_key(session, KIND)


def run_reindex(db: Database, job: JobRun, owner: str) -> None:
    """The job body: rebuild in one transaction, then record how many claims were indexed."""
    with jobs.keep_alive(db, job.id or 0, owner), db.session_scope() as session:
        actor = session.get(User, job.started_by_id or 0)
        if actor is None:
            raise ValueError("the person who asked for the re-index no longer exists")
        count = admin.rebuild_index(session=session, actor=actor)
    with db.session_scope() as session:
        jobs.renew(session, job.id or 0, owner, total=count, done=count)
        jobs.finish(session, job.id or 0, owner, state=jobs.DONE, result={"claims": count})
