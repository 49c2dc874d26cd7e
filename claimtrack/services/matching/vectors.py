"""Claim embeddings in the database, and each process's nearest-neighbour index over them.

The database is the truth: ``claim_vector`` holds every claim's vector (int8 codes and a scale)
under the model that made it, so every process and server sees the same claims. Every change
to a vector row takes the next number of the vector clock (``claim_vector_clock``) in its own
transaction; the clock's row lock is held to commit, so numbers become visible in order, and a
process that has read every row up to number N has seen every change up to N
(``services.matching.live`` keeps each process's index fresh that way).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlmodel import Session

from claimtrack.matching.vectors import dequantise, from_blobs, quantise, text_hash, to_blob


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
        "INSERT INTO claim_vector_clock (id, seq, epoch) VALUES (1, 1, ?) ON CONFLICT (id) "
        "DO UPDATE SET seq = claim_vector_clock.seq + 1 RETURNING seq",
        (uuid.uuid4().hex,),
    )
    return int(rows[0][0])


def clock(session: Session) -> tuple[int, str]:
    """(last clock number, epoch of this database's clock); (0, "") before the first change."""
    rows = _fetch(session, "SELECT seq, epoch FROM claim_vector_clock WHERE id = 1")
    return (int(rows[0][0]), str(rows[0][1])) if rows else (0, "")


# -- writes -----------------------------------------------------------------------------------
_UPSERT = (
    "INSERT INTO claim_vector (claim_id, model, dim, text_hash, scale, vector, seq) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (claim_id, model) DO UPDATE SET "
    "dim = excluded.dim, text_hash = excluded.text_hash, scale = excluded.scale, "
    "vector = excluded.vector, seq = excluded.seq"
)


def _binary(value: bytes | None, pg: bool) -> Any:
    return value if value is None or not pg else memoryview(value)


def mark_pending(session: Session, claim_id: int, text: str, model: str) -> None:
    """Record that the claim now says ``text``: its vectors of another text become NULL (they
    leave every index with this clock number) and wait for the embedding after the commit.
    A vector of the same text (only the language changed, or a restored claim) is kept, with a
    new clock number so every index reads it again. Runs in the caller's transaction."""
    h = text_hash(text)
    seq = next_seq(session)
    _execute(
        session,
        "INSERT INTO claim_vector (claim_id, model, dim, text_hash, scale, vector, seq) "
        "VALUES (?, ?, 0, ?, 0, NULL, ?) ON CONFLICT (claim_id, model) DO UPDATE SET "
        "vector = CASE WHEN claim_vector.text_hash = excluded.text_hash "
        "THEN claim_vector.vector END, "
        "scale = CASE WHEN claim_vector.text_hash = excluded.text_hash "
        "THEN claim_vector.scale ELSE 0 END, "
        "text_hash = excluded.text_hash, seq = excluded.seq",
        [(claim_id, model, h, seq)],
    )
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


def stored_vectors(session: Session, claim_ids: Sequence[int], model: str) -> dict[int, Any]:
    """The stored unit vectors (float32) of those of ``claim_ids`` that have one under ``model``."""
    if not claim_ids:
        return {}
    marks = ", ".join("?" * len(claim_ids))
    rows = _fetch(
        session,
        f"SELECT claim_id, vector, scale, dim FROM claim_vector WHERE model = ? "
        f"AND vector IS NOT NULL AND claim_id IN ({marks})",
        (model, *claim_ids),
    )
    return {
        int(cid): dequantise(from_blobs([bytes(blob)], int(dim)), [scale])[0]
        for cid, blob, scale, dim in rows
    }


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


# -- reads for the in-process indexes ---------------------------------------------------------
END = 2**62  # a claim id above every real one: "the whole of this clock number was read"


@dataclass(frozen=True)
class VectorRows:
    """A page of stored vectors: claim ids, unit vectors, liveness, their (seq, id) keys, and
    their claims' languages (a neighbour's language decides whether it may be a translation)."""

    ids: list[int]
    vectors: Any  # float32 (n, dim), rows of dead entries are zero
    live: list[bool]
    keys: list[tuple[int, int]]
    languages: list[str]


def _rows(raw: list[tuple[Any, ...]]) -> VectorRows:
    dim = next((int(r[3]) for r in raw if r[1] is not None), 0)
    live = [r[1] is not None and bool(r[4]) for r in raw]
    vecs = np.zeros((len(raw), dim), dtype=np.float32)
    idx = [i for i, ok in enumerate(live) if ok]
    if idx and dim:
        codes = from_blobs([bytes(raw[i][1]) for i in idx], dim)
        vecs[idx] = dequantise(codes, [raw[i][2] for i in idx])
    return VectorRows(
        [int(r[0]) for r in raw],
        vecs,
        live,
        [(int(r[5]), int(r[0])) for r in raw],
        [str(r[6]) for r in raw],
    )


def changed_since(session: Session, model: str, after: tuple[int, int], limit: int) -> VectorRows:
    """Rows of ``model`` changed after keyset ``after`` = (seq, claim id), in clock order."""
    seq, claim_id = after
    return _rows(
        _fetch(
            session,
            "SELECT v.claim_id, v.vector, v.scale, v.dim, c.deleted_at IS NULL, v.seq, c.language "
            "FROM claim_vector v JOIN claim c ON c.id = v.claim_id WHERE v.model = ? "
            "AND (v.seq > ? OR (v.seq = ? AND v.claim_id > ?)) ORDER BY v.seq, v.claim_id LIMIT ?",
            (model, seq, seq, claim_id, limit),
        )
    )


def live_vectors(session: Session, model: str, after_id: int, limit: int) -> VectorRows:
    """Stored vectors of live claims above ``after_id``, by claim id (loading an index)."""
    return _rows(
        _fetch(
            session,
            "SELECT v.claim_id, v.vector, v.scale, v.dim, c.deleted_at IS NULL, v.seq, c.language "
            "FROM claim_vector v JOIN claim c ON c.id = v.claim_id WHERE v.model = ? "
            "AND v.vector IS NOT NULL AND c.deleted_at IS NULL AND v.claim_id > ? "
            "ORDER BY v.claim_id LIMIT ?",
            (model, after_id, limit),
        )
    )


def count_vectors(session: Session, model: str) -> int:
    rows = _fetch(
        session,
        "SELECT count(*) FROM claim_vector WHERE model = ? AND vector IS NOT NULL",
        (model,),
    )
    return int(rows[0][0])
