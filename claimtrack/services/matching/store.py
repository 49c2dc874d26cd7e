"""The matcher's index in SQL: the thin database side of ``matching.retrieval``.

Queries go through the session's own DBAPI connection (same transaction, no ORM overhead: a query
is a few hundred microseconds of work and the ORM would double it). SQLite takes ``IN (?, …)``;
PostgreSQL takes one array parameter with ``= ANY(%s)``.

Postings are packed: ``match_posting_list`` holds each key's claim ids in rows of up to ``PACK``
ids (ascending, little-endian 32-bit, see ``models.matching.MatchPostingList``). A rebuild writes
a few hundred thousand such rows for a million claims instead of 16 million single postings, and
a query reads a key's claims as one or a few blobs.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby, islice
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlmodel import Session

from claimtrack.matching.retrieval import IndexRow


class SqlStore:
    """``retrieval.Store`` over the match_* tables of one session's connection."""

    def __init__(self, session: Session) -> None:
        conn = session.connection()
        self.pg = conn.dialect.name == "postgresql"
        self._raw: Any = conn.connection.dbapi_connection

    def _rows(self, sql: str, values: Sequence[int]) -> list[tuple[Any, ...]]:
        if not values:
            return []
        cur = self._raw.cursor()
        try:
            if self.pg:
                cur.execute(sql.replace("IN ({})", "= ANY(%s)"), (list(values),))
            else:
                cur.execute(sql.format(",".join("?" * len(values))), tuple(values))
            return cur.fetchall()
        finally:
            cur.close()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        cur = self._raw.cursor()
        try:
            cur.execute(sql if not self.pg else sql.replace("?", "%s"), tuple(params))
        finally:
            cur.close()

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        cur = self._raw.cursor()
        try:
            cur.executemany(sql if not self.pg else sql.replace("?", "%s"), list(rows))
        finally:
            cur.close()

    # -- retrieval.Store ---------------------------------------------------------------------
    def stats(self) -> tuple[int, int]:
        rows = self._rows("SELECT n_docs, total_terms FROM match_stats WHERE id IN ({})", [1])
        return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)

    def doc_freqs(self, keys: list[int]) -> dict[int, int]:
        return dict(self._rows("SELECT key, df FROM match_term WHERE key IN ({})", keys))

    def postings(self, keys: list[int]) -> list[tuple[int, Sequence[int]]]:
        """Each key's claim ids, ascending, keys in ascending order (the order the first stage
        sums in; before the lists were packed SQLite returned single rows in this order)."""
        found = self._rows(
            "SELECT key, ids FROM match_posting_list WHERE key IN ({}) ORDER BY key, first_id",
            keys,
        )
        out: list[tuple[int, Sequence[int]]] = []
        for key, group in groupby(found, itemgetter(0)):
            blobs = [blob for _, blob in group]
            data = blobs[0] if len(blobs) == 1 else b"".join(blobs)
            out.append((key, np.frombuffer(data, dtype=_IDS).tolist()))
        return out

    def all_postings(self) -> list[tuple[int, int]]:
        """Every (key, claim id) posting in key and claim order: the index's content whatever
        its rows (a rebuild packs ``PACK`` ids a row, one claim at a time fills rows unevenly)."""
        cur = self._raw.cursor()
        try:
            cur.execute("SELECT key, ids FROM match_posting_list ORDER BY key, first_id")
            return [
                (int(key), cid)
                for key, blob in cur.fetchall()
                for cid in np.frombuffer(blob, dtype=_IDS).tolist()
            ]
        finally:
            cur.close()

    def rows(self, ids: list[int]) -> list[IndexRow]:
        found = self._rows(
            "SELECT e.claim_id, e.norm, e.sig, e.terms FROM match_entry e "
            "JOIN claim c ON c.id = e.claim_id "
            "WHERE c.deleted_at IS NULL AND e.claim_id IN ({})",
            ids,
        )
        return [IndexRow(int(r[0]), r[1], r[2], r[3]) for r in found]

    # -- incremental writes (inside the caller's transaction) --------------------------------
    def old_terms(self, claim_id: int) -> str | None:
        rows = self._rows("SELECT terms FROM match_entry WHERE claim_id IN ({})", [claim_id])
        return rows[0][0] if rows else None

    def remove(self, claim_id: int, keys: list[int], n_terms: int) -> None:
        for key in keys:
            found = self._list_of(key, claim_id)
            if found is None:
                continue
            first, ids = found
            pos = bisect_left(ids, claim_id)
            if pos == len(ids) or ids[pos] != claim_id:
                continue
            del ids[pos]
            if ids:
                self._set_list(key, first, ids)
            else:
                self._exec(
                    "DELETE FROM match_posting_list WHERE key = ? AND first_id = ?", (key, first)
                )
        self._many("UPDATE match_term SET df = df - 1 WHERE key = ?", [(k,) for k in keys])
        self._exec("DELETE FROM match_entry WHERE claim_id = ?", (claim_id,))
        self._bump_stats(-1, -n_terms)

    def add(self, row: IndexRow, keys: list[int]) -> None:
        n_terms = len(row.terms.split())
        self._exec(
            "INSERT INTO match_entry (claim_id, norm, sig, terms, n_terms) VALUES (?, ?, ?, ?, ?)",
            (row.claim_id, row.norm, row.sig, row.terms, n_terms),
        )
        # Keys in sorted order: concurrent writers lock match_posting_list and match_term rows
        # in the same order.
        for key in sorted(keys):
            self._add_posting(key, row.claim_id)
        self._many(
            "INSERT INTO match_term (key, df) VALUES (?, 1) "
            "ON CONFLICT (key) DO UPDATE SET df = match_term.df + 1",
            [(k,) for k in sorted(keys)],
        )
        self._bump_stats(1, n_terms)

    def _list_of(self, key: int, claim_id: int) -> tuple[int, list[int]] | None:
        """The row of ``key`` whose range holds ``claim_id`` (the last one starting at or below
        it) as (first_id, ids), locked on PostgreSQL until the transaction ends: its ids are
        rewritten from what is read here, so a concurrent writer waits instead of losing this
        change (SQLite has one writer at a time)."""
        cur = self._raw.cursor()
        try:
            cur.execute(
                "SELECT first_id, ids FROM match_posting_list WHERE key = %s AND first_id <= %s "
                "ORDER BY first_id DESC LIMIT 1 FOR UPDATE"
                if self.pg
                else "SELECT first_id, ids FROM match_posting_list WHERE key = ? AND first_id <= ? "
                "ORDER BY first_id DESC LIMIT 1",
                (key, claim_id),
            )
            found = cur.fetchone()
        finally:
            cur.close()
        if found is None:
            return None
        return int(found[0]), np.frombuffer(found[1], dtype=_IDS).tolist()

    def _set_list(self, key: int, first: int, ids: list[int]) -> None:
        self._exec(
            "UPDATE match_posting_list SET ids = ? WHERE key = ? AND first_id = ?",
            (_pack(ids), key, first),
        )

    def _new_list(self, key: int, ids: list[int]) -> None:
        self._exec(
            "INSERT INTO match_posting_list (key, first_id, ids) VALUES (?, ?, ?)",
            (key, ids[0], _pack(ids)),
        )

    def _add_posting(self, key: int, claim_id: int) -> None:
        """Put ``claim_id`` into its place among ``key``'s ids. A new claim has the highest id
        and goes at the end of the last row, or starts a new row when that one holds ``PACK``
        ids already; an edited claim goes back into the row it was taken out of, which is split
        in two once it holds twice ``PACK``."""
        found = self._list_of(key, claim_id)
        if found is None:  # the key's first claim, or one below all its rows
            self._new_list(key, [claim_id])
            return
        first, ids = found
        pos = bisect_left(ids, claim_id)
        if pos < len(ids) and ids[pos] == claim_id:
            raise ValueError(f"claim {claim_id} is indexed under key {key} already")
        if pos == len(ids) and len(ids) >= PACK:
            self._new_list(key, [claim_id])
            return
        ids.insert(pos, claim_id)
        if len(ids) < 2 * PACK:
            self._set_list(key, first, ids)
            return
        self._set_list(key, first, ids[:PACK])
        self._new_list(key, ids[PACK:])

    def _bump_stats(self, docs: int, terms: int) -> None:
        self._exec(
            "INSERT INTO match_stats (id, n_docs, total_terms) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET n_docs = match_stats.n_docs + ?, "
            "total_terms = match_stats.total_terms + ?",
            (docs, terms, docs, terms),
        )

    # -- bulk rebuild ---------------------------------------------------------------------------
    def replace_all(self, items: Iterable[tuple[IndexRow, list[int]]]) -> int:
        """Empty the index and load ``items`` (rows with their keys) in one pass."""
        return self.load_batches(_batched(iter(items)))

    def load_batches(self, batches: Iterable[IndexBatch]) -> int:
        """Empty the index and load ``batches``: each batch's claims are written as it arrives
        (while worker processes still prepare the next), the postings once all are known,
        sorted and packed ``PACK`` ids a row (COPY on PostgreSQL).

        Postings are kept in int64 arrays, not a list of (key, claim) tuples: a million claims
        have about 16 million postings. As tuples, sorting and counting them took more of the
        load's CPU than inserting them (100,000 claims: sort 4.2 s, Counter 2.5 s, inserts 6.3 s,
        profiled under load); numpy does both in well under a second, in a tenth of the memory.
        """
        for table in ("match_posting_list", "match_term", "match_entry", "match_stats"):
            self._exec(f"DELETE FROM {table}")
        key_parts, id_parts = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
        n_docs = total_terms = 0
        for batch in batches:
            claim_ids = batch.claim_ids()
            if len(claim_ids) and (claim_ids.min() < 1 or claim_ids.max() > _MAX_ID):
                raise ValueError("claim ids must lie between 1 and 2**31 - 1 to be packed")
            self._write_entries(batch.entries)
            n_docs += len(batch.entries)
            total_terms += sum(e[4] for e in batch.entries)
            key_parts.append(batch.keys)
            id_parts.append(np.repeat(claim_ids, batch.sizes))
        keys, ids = np.concatenate(key_parts), np.concatenate(id_parts)
        del key_parts, id_parts
        if np.all(ids[1:] >= ids[:-1]):  # claims came in id order: one stable sort by key
            order = np.argsort(keys, kind="stable")
        else:
            order = np.lexsort((ids, keys))  # by key, then claim
        keys, ids = keys[order], ids[order]
        term_keys, starts, dfs = _runs(keys)
        lists = _packed_lists(keys, ids, starts, dfs)
        if self.pg:
            self._copy_pg(lists, (term_keys, dfs))
        else:
            for part in _slices(lists, _CHUNK // 16):
                self._many(
                    "INSERT INTO match_posting_list (key, first_id, ids) VALUES (?, ?, ?)", part
                )
            for a, b in _chunks(term_keys, dfs):
                self._many("INSERT INTO match_term (key, df) VALUES (?, ?)", zip(a, b, strict=True))
        self._exec(
            "INSERT INTO match_stats (id, n_docs, total_terms) VALUES (1, ?, ?)",
            (n_docs, total_terms),
        )
        return n_docs

    def _write_entries(self, entries: list[tuple[int, str, str, str, int]]) -> None:
        sql = "match_entry (claim_id, norm, sig, terms, n_terms)"
        if not self.pg:
            self._many(f"INSERT INTO {sql} VALUES (?, ?, ?, ?, ?)", entries)
            return
        cur = self._raw.cursor()
        try:
            with cur.copy(f"COPY {sql} FROM STDIN") as cp:
                for e in entries:
                    cp.write_row(e)
        finally:
            cur.close()

    def _copy_pg(self, lists: Iterator[tuple[int, int, bytes]], terms) -> None:  # type: ignore[no-untyped-def]
        """Binary COPY: the packed lists row by row, the term counts built by numpy (no text
        per row)."""
        cur = self._raw.cursor()
        try:
            sql = "COPY match_posting_list (key, first_id, ids) FROM STDIN (FORMAT BINARY)"
            with cur.copy(sql) as cp:
                cp.write(_COPY_HEADER)
                for part in _slices(lists, _CHUNK // 16):
                    cp.write(
                        b"".join(_LIST_ROW.pack(3, 8, k, 4, f, len(b)) + b for k, f, b in part)
                    )
                cp.write(_COPY_TRAILER)
            with cur.copy("COPY match_term (key, df) FROM STDIN (FORMAT BINARY)") as cp:
                _write_binary(cp, *terms)
            cur.execute("ANALYZE match_posting_list")
            cur.execute("ANALYZE match_term")
        finally:
            cur.close()


PACK = 128  # claim ids a posting row holds when the index is rebuilt (4 bytes each)
_IDS = np.dtype("<i4")
_MAX_ID = 2**31 - 1
# A match_posting_list row in binary COPY: three fields (bigint key, integer first_id, bytea
# ids with its length; the bytes follow).
_LIST_ROW = struct.Struct(">hiqiii")


def _runs(
    keys: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each distinct key of sorted ``keys``, where its run starts and how long it is: what
    ``np.unique(keys, return_index=True, return_counts=True)`` gives, without sorting the
    16 million keys of a million claims a second time."""
    if not len(keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, len(keys)))
    return keys[starts], starts, counts


def _pack(ids: Sequence[int]) -> bytes:
    if ids and (min(ids) < 1 or max(ids) > _MAX_ID):
        raise ValueError("claim ids must lie between 1 and 2**31 - 1 to be packed")
    return np.array(ids, dtype=_IDS).tobytes()


def _packed_lists(
    keys: npt.NDArray[np.int64],
    ids: npt.NDArray[np.int64],
    starts: npt.NDArray[np.int64],
    counts: npt.NDArray[np.int64],
) -> Iterator[tuple[int, int, bytes]]:
    """(key, first_id, ids) rows of sorted postings: each key's ids cut every ``PACK``, the
    bytes sliced out of one array of all ids."""
    if not len(keys):
        return
    place = np.arange(len(keys)) - np.repeat(starts, counts)  # a posting's place in its key
    row_starts = np.flatnonzero(place % PACK == 0)
    row_ends = np.append(row_starts[1:], len(keys))
    data = ids.astype(_IDS).tobytes()
    size = _IDS.itemsize
    for key, first, lo, hi in zip(
        keys[row_starts].tolist(),
        ids[row_starts].tolist(),
        (row_starts * size).tolist(),
        (row_ends * size).tolist(),
        strict=True,
    ):
        yield key, first, data[lo:hi]


def _slices(
    rows: Iterator[tuple[int, int, bytes]], n: int
) -> Iterator[list[tuple[int, int, bytes]]]:
    while part := list(islice(rows, n)):
        yield part


# PostgreSQL's binary COPY: a header, then per row the number of fields and each field as its
# byte length and big-endian value (bigint key, integer df), then -1.
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
_COPY_TRAILER = b"\xff\xff"
_BIGINT_INT = np.dtype(
    [("fields", ">i2"), ("len_a", ">i4"), ("a", ">i8"), ("len_b", ">i4"), ("b", ">i4")]
)


def _write_binary(cp: Any, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> None:
    """Rows (a, b) of a (bigint, integer) table into a binary COPY, a million at a time."""
    cp.write(_COPY_HEADER)
    for start in range(0, len(a), _CHUNK):
        part = np.empty(min(_CHUNK, len(a) - start), dtype=_BIGINT_INT)
        part["fields"], part["len_a"], part["len_b"] = 2, 8, 4
        part["a"], part["b"] = a[start : start + _CHUNK], b[start : start + _CHUNK]
        cp.write(part.tobytes())
    cp.write(_COPY_TRAILER)


@dataclass(frozen=True)
class IndexBatch:
    """Index rows of a batch of claims in the form the loader writes: a match_entry row per claim
    and every claim's keys in one int64 array (``sizes`` says how many belong to each). This is
    what worker processes send back: a few strings per claim and two arrays pickle at a fraction
    of the cost of a row object and a list of Python ints per claim."""

    entries: list[tuple[int, str, str, str, int]]  # claim_id, norm, sig, terms, n_terms
    sizes: npt.NDArray[np.int64]
    keys: npt.NDArray[np.int64]

    @classmethod
    def of(cls, items: Iterable[tuple[IndexRow, list[int]]]) -> IndexBatch:
        entries: list[tuple[int, str, str, str, int]] = []
        sizes: list[int] = []
        keys: list[int] = []
        for row, row_keys in items:
            entries.append((row.claim_id, row.norm, row.sig, row.terms, len(row.terms.split())))
            sizes.append(len(row_keys))
            keys.extend(row_keys)
        return cls(entries, np.array(sizes, dtype=np.int64), np.array(keys, dtype=np.int64))

    def claim_ids(self) -> npt.NDArray[np.int64]:
        return np.fromiter((e[0] for e in self.entries), dtype=np.int64, count=len(self.entries))

    def items(self) -> Iterator[tuple[IndexRow, list[int]]]:
        """The rows and keys again, as ``retrieval.make_row`` gives them."""
        bounds = np.cumsum(self.sizes).tolist()
        keys = self.keys.tolist()
        for (claim_id, norm, sig, terms, _), end, size in zip(
            self.entries, bounds, self.sizes.tolist(), strict=True
        ):
            yield IndexRow(claim_id, norm, sig, terms), keys[end - size : end]

    def __len__(self) -> int:
        return len(self.entries)


_ROWS_PER_BATCH = 5000


def _batched(items: Iterator[tuple[IndexRow, list[int]]]) -> Iterator[IndexBatch]:
    while batch := IndexBatch.of(islice(items, _ROWS_PER_BATCH)):
        yield batch


_CHUNK = 1_000_000


def _chunks(
    a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> Iterator[tuple[list[int], list[int]]]:
    """Two parallel arrays as Python ints, a million rows at a time (bounded memory)."""
    for start in range(0, len(a), _CHUNK):
        yield a[start : start + _CHUNK].tolist(), b[start : start + _CHUNK].tolist()
