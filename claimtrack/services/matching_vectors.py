"""Claim embeddings in the database, and each process's nearest-neighbour index over them.

The database is the truth: ``claim_vector`` holds every claim's vector (int8 codes and a scale)
under the model that made it, so every process and server sees the same claims. Each process
keeps a ``VectorIndex`` per (database, model) as a cache. Every change to a vector row takes
the next number of the vector clock (``claim_vector_clock``) in its own transaction; the
clock's row lock is held to commit, so numbers become visible in order. Before a query the
process reads the clock and, when it moved, the rows numbered above its watermark: a claim
saved, re-worded, embedded or deleted by any process is in the next query's answer.

A store too big to load within a request (``SYNC_LOAD_LIMIT`` vectors) is loaded in a
background thread; until it is ready queries are answered by the lexical engine alone.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Engine
from sqlmodel import Session

from claimtrack.matching.vector_index import VectorIndex
from claimtrack.matching.vectors import dequantise, from_blobs, quantise, text_hash, to_blob

SYNC_LOAD_LIMIT = 20_000  # vectors loaded within a request; more load in the background
LOAD_CHUNK = 20_000  # rows per read while loading a store


def _raw(session: Session) -> tuple[Any, bool]:
    conn = session.connection()
    return conn.connection.dbapi_connection, conn.dialect.name == "postgresql"


def _sql(sql: str, pg: bool) -> str:
    return sql.replace("?", "%s") if pg else sql


def _fetch(session: Session, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    raw, pg = _raw(session)
    cur = raw.cursor()
    try:
        cur.execute(_sql(sql, pg), tuple(params))
        return list(cur.fetchall())
    finally:
        cur.close()


def _execute(session: Session, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    raw, pg = _raw(session)
    cur = raw.cursor()
    try:
        if len(rows) == 1:
            cur.execute(_sql(sql, pg), tuple(rows[0]))
        elif rows:
            cur.executemany(_sql(sql, pg), [tuple(r) for r in rows])
    finally:
        cur.close()


# -- the clock --------------------------------------------------------------------------------
def next_seq(session: Session) -> int:
    """The next clock number; holds the clock's row lock until the caller's commit."""
    rows = _fetch(
        session,
        "INSERT INTO claim_vector_clock (id, seq) VALUES (1, 1) ON CONFLICT (id) "
        "DO UPDATE SET seq = claim_vector_clock.seq + 1 RETURNING seq",
    )
    return int(rows[0][0])


def current_seq(session: Session) -> int:
    rows = _fetch(session, "SELECT seq FROM claim_vector_clock WHERE id = 1")
    return int(rows[0][0]) if rows else 0


# -- writes -----------------------------------------------------------------------------------
_UPSERT = (
    "INSERT INTO claim_vector (claim_id, model, dim, text_hash, scale, vector, seq) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id, model) DO UPDATE SET "
    "dim = excluded.dim, text_hash = excluded.text_hash, scale = excluded.scale, "
    "vector = excluded.vector, seq = excluded.seq"
)


def _binary(value: bytes | None, pg: bool) -> Any:
    return value if value is None or not pg else memoryview(value)


def save_claim_vector(
    session: Session, claim_id: int, text: str, model: str, dim: int, vector: Any | None
) -> None:
    """Record the claim's current text under ``model``: its vector, or NULL for the back-fill.

    Vectors of other models whose text is older become NULL too (re-embedded by the back-fill
    when that model is chosen again). Runs inside the caller's transaction.
    """
    h = text_hash(text)
    seq = next_seq(session)
    _, pg = _raw(session)
    scale, blob = 0.0, None
    if vector is not None:
        codes, scales = quantise(np.asarray(vector, dtype=np.float32).reshape(1, -1))
        scale, blob = float(scales[0]), to_blob(codes[0])
    _execute(session, _UPSERT, [(claim_id, model, dim, h, scale, _binary(blob, pg), seq)])
    _execute(
        session,
        "UPDATE claim_vector SET vector = NULL, scale = 0, text_hash = ?, seq = ? "
        "WHERE claim_id = ? AND model <> ? AND text_hash <> ?",
        [(h, seq, claim_id, model, h)],
    )


def touch_claim(session: Session, claim_id: int) -> None:
    """Mark the claim's vectors changed (deleted or restored) so every index re-reads them."""
    if _fetch(session, "SELECT 1 FROM claim_vector WHERE claim_id = ?", (claim_id,)):
        _execute(session, "UPDATE claim_vector SET seq = ? WHERE claim_id = ?",
                 [(next_seq(session), claim_id)])  # fmt: skip


def stored_vector(session: Session, claim_id: int, model: str) -> Any | None:
    """The claim's stored unit vector under ``model`` (float32), or None."""
    rows = _fetch(
        session,
        "SELECT vector, scale, dim FROM claim_vector WHERE claim_id = ? AND model = ? "
        "AND vector IS NOT NULL",
        (claim_id, model),
    )
    if not rows:
        return None
    blob, scale, dim = rows[0]
    return dequantise(from_blobs([bytes(blob)], int(dim)), [scale])[0]


def pending_claims(
    session: Session, model: str, after_id: int, limit: int
) -> list[tuple[int, str]]:
    """(id, text) of live claims above ``after_id`` with no vector under ``model``, by id."""
    return [
        (int(r[0]), str(r[1]))
        for r in _fetch(
            session,
            "SELECT c.id, c.text FROM claim c LEFT JOIN claim_vector v "
            "ON v.claim_id = c.id AND v.model = ? "
            "WHERE c.deleted_at IS NULL AND c.id > ? AND (v.claim_id IS NULL OR v.vector IS NULL) "
            "ORDER BY c.id LIMIT ?",
            (model, after_id, limit),
        )
    ]


def count_pending(session: Session, model: str) -> int:
    rows = _fetch(
        session,
        "SELECT count(*) FROM claim c LEFT JOIN claim_vector v "
        "ON v.claim_id = c.id AND v.model = ? "
        "WHERE c.deleted_at IS NULL AND (v.claim_id IS NULL OR v.vector IS NULL)",
        (model,),
    )
    return int(rows[0][0])


def fill_vectors(
    session: Session, model: str, items: Sequence[tuple[int, str]], vectors: Any
) -> int:
    """Store back-filled vectors for (claim id, embedded text); one clock number for the batch.

    A row whose text changed since it was read (a newer ``text_hash``) is left alone: the
    claim's own save already recorded the newer wording. Returns the number of rows written.
    """
    if not len(items):
        return 0
    _, pg = _raw(session)
    codes, scales = quantise(vectors)
    dim = int(codes.shape[1])
    seq = next_seq(session)
    rows = [
        (cid, model, dim, text_hash(text), float(scales[i]), _binary(to_blob(codes[i]), pg), seq)
        for i, (cid, text) in enumerate(items)
    ]
    _execute(
        session,
        _UPSERT + " WHERE claim_vector.text_hash = excluded.text_hash "
        "AND claim_vector.vector IS NULL",
        rows,
    )
    return len(rows)


# -- each process's index ---------------------------------------------------------------------
@dataclass
class LiveIndex:
    """A process's index of one model's vectors in one database, and how far it has read."""

    index: VectorIndex | None = None
    watermark: int = -1
    loading: bool = False
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


_live: dict[tuple[str, str], LiveIndex] = {}
_live_lock = threading.Lock()


def _entry(url: str, model: str) -> LiveIndex:
    with _live_lock:
        return _live.setdefault((url, model), LiveIndex())


def live_index(session: Session, model: str) -> VectorIndex | None:
    """This process's index of ``model``'s vectors, brought up to date; None while loading.

    Never blocks on a big load: the first caller in a process starts it in a thread.
    """
    engine = session.get_bind().engine  # type: ignore[union-attr]
    entry = _entry(engine.url.render_as_string(hide_password=False), model)
    if entry.loading:
        return None
    with entry.lock:
        if entry.index is None:
            if _count(session, model) > SYNC_LOAD_LIMIT:
                entry.loading = True
                threading.Thread(target=_load_in_background, args=(engine, model, entry),
                                 daemon=True, name=f"vector-load-{model}").start()  # fmt: skip
                return None
            entry.index, entry.watermark = load_index(session, model)
            return entry.index
        _catch_up(session, model, entry)
        return entry.index


def _count(session: Session, model: str) -> int:
    rows = _fetch(
        session, "SELECT count(*) FROM claim_vector WHERE model = ? AND vector IS NOT NULL",
        (model,),
    )  # fmt: skip
    return int(rows[0][0])


def _catch_up(session: Session, model: str, entry: LiveIndex) -> None:
    clock = current_seq(session)
    if clock <= entry.watermark or entry.index is None:
        return
    rows = _fetch(
        session,
        "SELECT v.claim_id, v.vector, v.scale, v.dim, c.deleted_at IS NULL, v.seq "
        "FROM claim_vector v JOIN claim c ON c.id = v.claim_id "
        "WHERE v.model = ? AND v.seq > ? ORDER BY v.seq",
        (model, entry.watermark),
    )
    gone = [int(r[0]) for r in rows if r[1] is None or not r[4]]
    live = [r for r in rows if r[1] is not None and r[4]]
    entry.index.remove(gone)
    if live:
        codes = from_blobs([bytes(r[1]) for r in live], int(live[0][3]))
        entry.index.upsert([int(r[0]) for r in live], dequantise(codes, [r[2] for r in live]))
    entry.watermark = max([clock, *(int(r[5]) for r in rows)])


def load_index(session: Session, model: str, threads: int = 1) -> tuple[VectorIndex | None, int]:
    """A new index of every live claim's ``model`` vector, and the clock it is current to."""
    clock = current_seq(session)
    index: VectorIndex | None = None
    after = 0
    while True:
        rows = _fetch(
            session,
            "SELECT v.claim_id, v.vector, v.scale, v.dim FROM claim_vector v "
            "JOIN claim c ON c.id = v.claim_id WHERE v.model = ? AND v.vector IS NOT NULL "
            "AND c.deleted_at IS NULL AND v.claim_id > ? ORDER BY v.claim_id LIMIT ?",
            (model, after, LOAD_CHUNK),
        )
        if not rows:
            break
        dim = int(rows[0][3])
        index = index or VectorIndex(dim, threads=threads)
        codes = from_blobs([bytes(r[1]) for r in rows], dim)
        index.upsert([int(r[0]) for r in rows], dequantise(codes, [r[2] for r in rows]))
        after = int(rows[-1][0])
    return index, clock


def _load_in_background(engine: Engine, model: str, entry: LiveIndex) -> None:
    try:
        with Session(engine) as session:
            index, clock = load_index(session, model, threads=1)
            entry.index = index
            entry.watermark = clock
            _catch_up(session, model, entry)
    except Exception as exc:  # noqa: BLE001 - a failed load leaves lexical search working
        entry.error = f"{type(exc).__name__}: {exc}"
    finally:
        entry.loading = False


def forget_indexes() -> None:
    """Drop every process-local index (tests; after a store is replaced wholesale)."""
    with _live_lock:
        _live.clear()


def wait_until_loaded(session: Session, model: str, timeout: float = 600.0) -> VectorIndex | None:
    """The live index once a background load finished (CLI, benchmarks)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = live_index(session, model)
        if found is not None or not _entry(_url(session), model).loading:
            return found
        time.sleep(0.2)
    return None


def _url(session: Session) -> str:
    engine = session.get_bind().engine  # type: ignore[union-attr]
    return engine.url.render_as_string(hide_password=False)
