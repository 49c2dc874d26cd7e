"""Bulk story imports as queued jobs whose progress lives in the database.

A job is keyed by the SHA-256 of its file and format, so uploading the same file again finds the
same job: done jobs are shown, running ones followed, failed or interrupted ones resumed. Every
record is checked (`intake.prepare_text`) before the first story is stored; each story is then
stored in one transaction together with the job's progress counter, guarded by the counter's old
value: a resumed or duplicated run neither stores a story twice (`stories.add_story` finds it by
canonical URL or body) nor counts one twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from claimtrack.db import Database
from claimtrack.extraction import InputError, decode_bytes
from claimtrack.extraction.bulk import parse_bulk
from claimtrack.models import JobRun, User
from claimtrack.services import jobs
from claimtrack.services.base import require, use_case
from claimtrack.services.errors import DomainError, ValidationError
from claimtrack.services.intake import ingest as intake
from claimtrack.services.intake import stories
from claimtrack.workflow import Permission

KIND = "import"
MAX_FILE_BYTES = intake.MAX_INPUT_BYTES * 10
RECENT = 20


class LeaseLost(Exception):
    """Another worker took the job over; this one stops without writing."""


@dataclass(frozen=True)
class ImportView:
    """What the progress page shows, read from the job row."""

    job_id: int
    fmt: str
    state: str
    total: int
    done: int
    created: int
    existing: int
    story_ids: list[int]
    error: str
    interrupted: bool

    @property
    def running(self) -> bool:
        return self.state in (jobs.QUEUED, jobs.RUNNING)

    @property
    def finished(self) -> bool:
        return not self.running

    @property
    def percent(self) -> int:
        if self.total:
            return int(100 * self.done / self.total)
        return 0 if self.running else 100


def view(job: JobRun) -> ImportView:
    return ImportView(
        job_id=job.id or 0,
        fmt=str(job.params.get("fmt", "")),
        state=job.state,
        total=job.total,
        done=job.done,
        created=job.created,
        existing=job.existing,
        story_ids=[int(i) for i in job.result.get("recent", [])],
        error=job.error,
        interrupted=jobs.interrupted(job),
    )


def job_key(data: bytes, fmt: str) -> str:
    return f"{KIND}:" + hashlib.sha256(fmt.encode() + b"\0" + data).hexdigest()[:40]


def submit_import(
    *, session: Session, actor: User, data: bytes, fmt: str
) -> tuple[ImportView, bool]:
    """Queue (or find) the import of this file. Returns its view and whether it must be queued."""
    require(actor, Permission.INGEST)
    if fmt not in ("jsonl", "csv"):
        raise ValidationError("Choose JSON Lines or CSV.", field="fmt")
    if not data:
        raise ValidationError("The import file is empty.", field="file")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            "The file is larger than %(max)s bytes.", field="file", params={"max": MAX_FILE_BYTES}
        )
    submitted = jobs.submit(
        session,
        kind=KIND,
        key=job_key(data, fmt),
        params={"fmt": fmt},
        payload=data,
        actor_id=actor.id,
    )
    return view(submitted.job), submitted.dispatch


def get_import(session: Session, job_id: int) -> ImportView | None:
    job = jobs.get_job(session, job_id)
    return view(job) if job is not None and job.kind == KIND else None


def run_import(db: Database, job: JobRun, owner: str) -> None:
    """The job body: check every record, then store from where the stored progress stops.

    Bad input ends the job as failed with the reason; other errors propagate so the queue
    retries the job with backoff.
    """
    try:
        prepared = _prepare_all(job.payload or b"", str(job.params.get("fmt")))
    except (DomainError, InputError) as exc:
        with db.session_scope() as session:
            jobs.finish(session, job.id or 0, owner, state=jobs.FAILED, error=str(exc))
        return
    with db.session_scope() as session:
        if not jobs.renew(session, job.id or 0, owner, total=len(prepared)):
            raise LeaseLost
        session.commit()
    recent = [int(i) for i in job.result.get("recent", [])]
    for index in range(job.done, len(prepared)):
        with db.session_scope() as session:
            actor = session.get(User, job.started_by_id or 0)
            story_id = _store_one(
                session=session,
                actor=actor,
                data=prepared[index],
                job_id=job.id or 0,
                owner=owner,
                index=index,
                recent=recent,
            )
        recent = (recent + [story_id])[-RECENT:]
    with db.session_scope() as session:
        jobs.finish(session, job.id or 0, owner, state=jobs.DONE)


@use_case
def _store_one(
    *,
    session: Session,
    actor: User | None,
    data: stories.StoryInput,
    job_id: int,
    owner: str,
    index: int,
    recent: list[int],
) -> int:
    """One story and the progress counter in one transaction (guarded by done == index)."""
    result = stories.add_story.__wrapped__(session=session, actor=actor, data=data)  # type: ignore[attr-defined]
    story_id = int(result.story.id or 0)
    values: dict[str, Any] = {
        "done": index + 1,
        "created": JobRun.created + int(result.created),
        "existing": JobRun.existing + int(not result.created),
        "result": {"recent": (recent + [story_id])[-RECENT:]},
    }
    if not jobs.renew_at(session, job_id, owner, at=index, **values):
        raise LeaseLost
    return story_id


def _prepare_all(data: bytes, fmt: str) -> list[stories.StoryInput]:
    records = parse_bulk(decode_bytes(data), fmt)
    prepared = []
    for record in records:
        meta = intake.StoryMeta(
            title=record.title,
            outlet=record.outlet,
            published=record.published,
            language=record.language,
            url=record.url or None,
            byline=record.byline,
        )
        try:
            item = intake.prepare_text(record.body, meta)
            stories.check_story(item)
            prepared.append(item)
        except ValidationError as exc:
            raise ValidationError(
                "Line %(line)s: %(problem)s",
                field="file",
                params={"line": record.line, "problem": exc},
            ) from exc
    return prepared
