"""Bulk story imports as background jobs with progress any server process can read.

A job is named by the SHA-256 of its file and format, so uploading the same file again finds the
same job. Its state lives in a small JSON file in the instance folder (written atomically), not in
process memory, so the progress page works whichever worker answers. Every record is checked
(`intake.prepare_text`) before the first story is stored; each story is then stored in its own
transaction through `stories.add_story`, which finds a story stored before by its canonical URL or
body: re-running an interrupted import stores only what is missing and nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from claimtrack.db import Database
from claimtrack.extraction import InputError, decode_bytes
from claimtrack.extraction.bulk import parse_bulk
from claimtrack.models import User, utcnow
from claimtrack.services.base import require
from claimtrack.services.errors import DomainError, ValidationError
from claimtrack.services.intake import ingest as intake
from claimtrack.services.intake import stories
from claimtrack.workflow import Permission

MAX_FILE_BYTES = intake.MAX_INPUT_BYTES * 10
# A running job that has not written progress for this long died with its process.
STALE_AFTER_S = 120


@dataclass
class JobState:
    job_id: str
    fmt: str
    total: int = 0
    done: int = 0
    created: int = 0
    existing: int = 0
    story_ids: list[int] = field(default_factory=list)
    error: str = ""
    running: bool = True
    started_by: int | None = None
    updated_at: str = ""

    @property
    def finished(self) -> bool:
        return not self.running

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else (0 if self.running else 100)

    @property
    def stale(self) -> bool:
        if not self.running or not self.updated_at:
            return False
        age = utcnow() - datetime.fromisoformat(self.updated_at)
        return age.total_seconds() > STALE_AFTER_S


def job_id_for(data: bytes, fmt: str) -> str:
    return hashlib.sha256(fmt.encode() + b"\0" + data).hexdigest()[:32]


def _path(folder: Path, job_id: str) -> Path:
    if not job_id.isalnum():
        raise ValidationError("Unknown import.", field="job")
    return folder / f"{job_id}.json"


def load_state(folder: Path, job_id: str) -> JobState | None:
    try:
        raw = json.loads(_path(folder, job_id).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return JobState(**raw)


def _save(folder: Path, state: JobState) -> None:
    state.updated_at = utcnow().isoformat()
    target = _path(folder, state.job_id)
    tmp = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(json.dumps(asdict(state)), "utf-8")
    os.replace(tmp, target)


def start_import(
    *, db: Database, folder: Path, actor: User, data: bytes, fmt: str
) -> tuple[JobState, bool]:
    """Start (or find) the job of this file. Returns its state and whether a run was started."""
    require(actor, Permission.INGEST)
    if fmt not in ("jsonl", "csv"):
        raise ValidationError("Choose JSON Lines or CSV.", field="fmt")
    if not data:
        raise ValidationError("The import file is empty.", field="file")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            "The file is larger than %(max)s bytes.", field="file", params={"max": MAX_FILE_BYTES}
        )
    folder.mkdir(parents=True, exist_ok=True)
    job_id = job_id_for(data, fmt)
    state = load_state(folder, job_id)
    if state is not None and state.running and not state.stale:
        return state, False
    if state is not None and state.finished and not state.error:
        return state, False
    state = JobState(job_id=job_id, fmt=fmt, started_by=actor.id)
    _save(folder, state)
    worker = threading.Thread(
        target=run_import, args=(db, folder, actor.id or 0, data, state), daemon=True
    )
    worker.start()
    return state, True


def run_import(db: Database, folder: Path, actor_id: int, data: bytes, state: JobState) -> None:
    """The job itself (in a thread, or called directly): check all, then store one by one."""
    try:
        prepared = _prepare_all(data, state.fmt)
        state.total = len(prepared)
        _save(folder, state)
        for item in prepared:
            with db.session_scope() as session:
                actor = session.get(User, actor_id)
                result = stories.add_story(session=session, actor=actor, data=item)  # type: ignore[arg-type]
            state.done += 1
            state.created += int(result.created)
            state.existing += int(not result.created)
            state.story_ids.append(result.story.id or 0)
            _save(folder, state)
    except (DomainError, InputError) as exc:
        state.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - a job must always record that it ended
        state.error = f"The import stopped: {type(exc).__name__}."
    state.running = False
    _save(folder, state)


def _prepare_all(data: bytes, fmt: str) -> list[Any]:
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
