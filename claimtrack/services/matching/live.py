"""Each process's nearest-neighbour index over the stored claim vectors, kept fresh by the clock.

The database holds the vectors (``services.matching.vectors``); a process keeps one ``VectorIndex`` per
(database, model) as a cache. Before a query it reads the vector clock: when the clock moved, it
reads the rows changed since its watermark and applies them, so a claim saved, re-worded,
embedded or deleted by any process or server is in the next query's answer.

Nothing here makes a request wait for bulk work: an index bigger than ``SYNC_LOAD_LIMIT`` vectors
is loaded in a background thread (queries meanwhile are lexical only), and a burst of more than
``SYNC_CATCH_UP`` changes (a back-fill running) is applied in the background while queries use
the index as it was.

A process that starts next to a snapshot of the index on disk (``vector_snapshot``; the instance
folder's ``vector-index/`` or ``VECTOR_INDEX_DIR``) loads it in about a second instead of building
the graph for minutes, then catches up from the clock number the snapshot holds. Processes write
a snapshot after building a big index and after applying many changes in the background.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from claimtrack.db import WRITE_OPTION
from claimtrack.matching.vector_index import VectorIndex
from claimtrack.services.matching import vector_snapshot
from claimtrack.services.matching import vectors as rows

SYNC_LOAD_LIMIT = 20_000  # vectors loaded within a request; a bigger store loads in background
SYNC_CATCH_UP = 200  # changes applied within a request; more are applied in background
PAGE = 5_000  # rows per read while loading or catching up
SLICE = 256  # vectors added under the index lock at a time (a query waits at most that long)
LOAD_THREADS = 2  # threads building the graph of a whole store (the rest of a load is I/O)
SNAPSHOT_MIN = 20_000  # an index this big is saved for the next process (smaller ones build fast)
SNAPSHOT_EVERY = 20_000  # changes applied in the background before the snapshot is written again
log = logging.getLogger("claimtrack.matching")
_snapshots: list[Path] = []  # the folder for snapshots; none configured: no snapshots


def configure_snapshots(folder: str | Path | None) -> None:
    """Where this process reads and writes index snapshots (None: nowhere)."""
    _snapshots[:] = [Path(folder)] if folder else []


@dataclass
class LiveIndex:
    """A process's index of one model's vectors in one database, and how far it has read."""

    index: VectorIndex | None = None
    watermark: tuple[int, int] = (-1, rows.END)
    epoch: str = ""
    url: str = ""  # the database's URL: names its snapshot
    unsaved: int = 0  # changes applied since the snapshot was written (or the index built)
    busy: bool = False  # a background load or catch-up is running
    error: str | None = None  # the last background failure (queries stay lexical)
    lock: threading.Lock = field(default_factory=threading.Lock)


_live: dict[tuple[str, str], LiveIndex] = {}
_live_lock = threading.Lock()


# Each engine's read flavour and URL, made once: every query looks them up.
_readers: weakref.WeakKeyDictionary[Engine, tuple[Engine, str]] = weakref.WeakKeyDictionary()


def _reader(session: Session) -> tuple[Engine, str]:
    """The session's engine for reading (never SQLite's BEGIN IMMEDIATE of the write flavour)
    and its URL (which names the index)."""
    bind = session.get_bind().engine
    found = _readers.get(bind)
    if found is None:
        read = bind.execution_options(**{WRITE_OPTION: False})
        found = (read, read.url.render_as_string(hide_password=False))
        _readers[bind] = found
    return found


def _entry(session: Session, model: str) -> LiveIndex:
    url = _reader(session)[1]
    with _live_lock:
        return _live.setdefault((url, model), LiveIndex(url=url))


def live_index(session: Session, model: str) -> VectorIndex | None:
    """This process's index of ``model``'s vectors, brought up to date; None while none is ready.

    Reads through a connection of its own, never the caller's transaction: the index must hold
    only committed vectors (a rolled-back clock number is handed out again). The usual case, an
    index already at the clock, costs one plain read of the clock row.
    """
    engine, url = _reader(session)
    entry = _live.get((url, model))
    if entry is not None and entry.index is not None and not entry.busy:
        raw = engine.raw_connection()  # a driver-level read: no ORM, no transaction events
        try:
            cur = raw.cursor()
            cur.execute(_CLOCK_SQL)
            row = cur.fetchone()
            cur.close()
        finally:
            raw.close()
        seq, epoch = (int(row[0]), str(row[1])) if row else (0, "")
        if epoch == entry.epoch and seq == entry.watermark[0]:
            return entry.index
    with Session(engine) as own:
        return _refresh(own, model)


_CLOCK_SQL = "SELECT seq, epoch FROM claim_vector_clock WHERE id = 1"


def _refresh(session: Session, model: str) -> VectorIndex | None:
    entry = _entry(session, model)
    with entry.lock:
        if entry.busy:
            return entry.index
        seq, epoch = rows.clock(session)
        if epoch != entry.epoch or seq < entry.watermark[0]:
            entry.index, entry.watermark, entry.epoch = None, (-1, rows.END), epoch
        if entry.index is None:
            if rows.count_vectors(session, model) > SYNC_LOAD_LIMIT:
                _background(session, model, entry, _load)
                return None
            _load(session, model, entry)
        elif seq > entry.watermark[0] and not _catch_up(session, model, entry, SYNC_CATCH_UP):
            _background(session, model, entry, _catch_up_and_save)
        return entry.index


def _load(session: Session, model: str, entry: LiveIndex) -> None:
    """The snapshot on disk, or else every live vector (by claim id); then the changes since."""
    seq, epoch = rows.clock(session)
    if _restore(model, entry, seq, epoch):
        _catch_up_all(session, model, entry)
        return
    index: VectorIndex | None = None
    after = 0
    while True:
        page = rows.live_vectors(session, model, after, PAGE)
        if not page.ids:
            break
        index = index or VectorIndex(page.vectors.shape[1], threads=LOAD_THREADS)
        _apply(index, page)
        after = page.ids[-1]
    entry.index, entry.watermark = index, (seq, rows.END)
    if index is not None:
        _catch_up_all(session, model, entry)
        entry.unsaved = len(index)
        _save(model, entry, epoch)


def _restore(model: str, entry: LiveIndex, seq: int, epoch: str) -> bool:
    if not _snapshots or not epoch:
        return False
    key = vector_snapshot.SnapshotKey(model, entry.url, epoch)
    found = vector_snapshot.load(_snapshots[0], key, seq, threads=LOAD_THREADS)
    if found is None:
        return False
    entry.index, entry.watermark, entry.unsaved = found[0], (found[1], rows.END), 0
    return True


def _save(model: str, entry: LiveIndex, epoch: str) -> None:
    """Write the snapshot when the index is big and changed enough; a failure only costs time."""
    index = entry.index
    if not _snapshots or index is None or not epoch or entry.watermark[1] != rows.END:
        return
    if len(index) < SNAPSHOT_MIN or entry.unsaved < min(SNAPSHOT_EVERY, len(index)):
        return
    try:
        key = vector_snapshot.SnapshotKey(model, entry.url, epoch)
        vector_snapshot.save(_snapshots[0], key, index, entry.watermark[0])
        entry.unsaved = 0
    except OSError as exc:
        log.warning("could not write the vector index snapshot: %s", exc)


def _catch_up(session: Session, model: str, entry: LiveIndex, limit: int) -> bool:
    """Apply up to ``limit`` changes after the watermark; False when more are waiting."""
    seq, _ = rows.clock(session)
    page = rows.changed_since(session, model, entry.watermark, limit)
    if entry.index is None:
        return True
    _apply(entry.index, page)
    entry.unsaved += len(page.ids)
    if len(page.ids) >= limit:
        entry.watermark = page.keys[-1]
        return False
    last = page.keys[-1][0] if page.keys else seq
    entry.watermark = (max(seq, last), rows.END)
    return True


def _catch_up_all(session: Session, model: str, entry: LiveIndex) -> None:
    while not _catch_up(session, model, entry, PAGE):
        pass


def _catch_up_and_save(session: Session, model: str, entry: LiveIndex) -> None:
    """A burst of changes (a back-fill ran): apply them, then refresh the snapshot."""
    _catch_up_all(session, model, entry)
    _save(model, entry, entry.epoch)


def _apply(index: VectorIndex, page: rows.VectorRows) -> None:
    index.remove([cid for cid, ok in zip(page.ids, page.live, strict=True) if not ok])
    live = [i for i, ok in enumerate(page.live) if ok]
    for start in range(0, len(live), SLICE):
        part = live[start : start + SLICE]
        index.upsert(
            [page.ids[i] for i in part], page.vectors[part], [page.languages[i] for i in part]
        )


def _background(session: Session, model: str, entry: LiveIndex, work) -> None:  # type: ignore[no-untyped-def]
    """Run ``work(session, model, entry)`` in a thread with its own session; marks ``busy``."""
    entry.busy = True
    engine = _reader(session)[0]

    def run() -> None:
        try:
            with Session(engine) as own:
                work(own, model, entry)
                entry.error = None
        except Exception as exc:  # noqa: BLE001 - queries stay lexical; the next one retries
            entry.error = f"{type(exc).__name__}: {exc}"
            entry.index = None
        finally:
            entry.busy = False

    threading.Thread(target=run, daemon=True, name=f"vector-index-{model}").start()


def wait_until_ready(session: Session, model: str, timeout: float = 3600.0) -> VectorIndex | None:
    """The index once no background work is running (CLI, benchmarks, tests)."""
    deadline = time.monotonic() + timeout
    found = live_index(session, model)
    while time.monotonic() < deadline:
        entry = _entry(session, model)
        if not entry.busy:
            found = live_index(session, model)
            if not entry.busy:
                return found
        time.sleep(0.1)
    return found


def forget_indexes() -> None:
    """Drop every process-local index (tests; after a store was replaced wholesale)."""
    with _live_lock:
        _live.clear()
