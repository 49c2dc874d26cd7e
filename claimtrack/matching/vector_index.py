"""Nearest claims by embedding: an in-process HNSW graph (usearch) over the stored vectors.

The vectors live in the database (``claim_vector``); each process keeps this index as a cache
built from them and brought up to date from the vector clock before a query, so every process
and server answers from the same claims. Measured (benchmarks/README.md): exact float32 top-10
in numpy costs ~14 ms a query at 100,000 claims and ~190 ms at 1,000,000, sqlite-vec ~126 ms at
100,000; the HNSW graph answers in well under a millisecond at either size with recall@10 of
the exact neighbours above 0.97. Vectors are held as float16 inside the graph (int8 codes
would need usearch's fixed [-1, 1] scaling, which crushes the small components of a unit
vector); a cosine for a candidate found by the lexical engine is read back from the graph.

Each entry also carries its claim's language. Cosines of translations sit lower than those of
same-language paraphrases, so whether a weak neighbour may still be a translation of the query
depends on the neighbour's language, and the search must know it before any row is read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
from usearch.index import Index

Vectors = npt.NDArray[np.float32]

CONNECTIVITY = 16  # graph degree: memory against recall
EXPANSION_ADD = 64  # candidate list while inserting: build time against graph quality
EXPANSION_SEARCH = 96  # candidate list while searching: latency against recall
UNKNOWN = 255  # language code of a claim whose language is not known (at most 255 languages)


class VectorIndex:
    """Claim ids and their unit vectors; nearest neighbours by cosine. Thread-safe."""

    def __init__(self, dim: int, *, threads: int = 1) -> None:
        self.dim = dim
        self.threads = threads
        self._lock = threading.RLock()
        self._index = self._empty()
        # code of each claim's language (an index into _names), by claim id; UNKNOWN where none
        # is known. Claim ids are the database's consecutive keys, so a dense array costs a byte
        # a claim (a dict of them cost ~74 bytes) and a query's lookup is one numpy take.
        self._codes = np.full(0, UNKNOWN, dtype=np.uint8)
        self._names: list[str] = []

    def _empty(self) -> Index:
        return Index(
            ndim=self.dim,
            metric="ip",
            dtype="f16",
            connectivity=CONNECTIVITY,
            expansion_add=EXPANSION_ADD,
            expansion_search=EXPANSION_SEARCH,
        )

    def __len__(self) -> int:
        return len(self._index)

    def save(self, path: str) -> None:
        """Write the graph to ``path`` (usearch's own format; loading it builds nothing)."""
        with self._lock:
            self._index.save(path)

    @classmethod
    def load(cls, path: str, dim: int, *, threads: int = 1) -> VectorIndex:
        """The index written by ``save``; ValueError when the file is not one of ``dim``."""
        found = cls(dim, threads=threads)
        try:
            found._index.load(path)
        except Exception as exc:  # noqa: BLE001 - usearch raises RuntimeError, OSError, ...
            raise ValueError(f"not a vector index: {exc}") from exc
        if found._index.ndim != dim:
            raise ValueError(f"index of {found._index.ndim} dimensions, expected {dim}")
        return found

    def upsert(
        self, ids: Sequence[int], vectors: Vectors, languages: Sequence[str] | None = None
    ) -> None:
        """Add or replace the vectors of ``ids`` (rows of ``vectors``, unit length), with their
        claims' ``languages`` when known."""
        keys = np.fromiter(ids, dtype=np.uint64)
        if not len(keys):
            return
        vecs = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(keys), self.dim)
        with self._lock:
            present = keys[self._index.contains(keys)] if len(self._index) else keys[:0]
            if len(present):
                self._index.remove(present)
            self._index.add(keys, vecs, threads=self.threads)
            self._grow(int(keys.max()))
            if languages is None:
                self._codes[keys] = UNKNOWN
            else:
                codes = [self._code(lang) for lang in languages]
                if len(codes) != len(keys):
                    raise ValueError("one language per vector")
                self._codes[keys] = np.asarray(codes, dtype=np.uint8)

    def _grow(self, largest_id: int) -> None:
        """Room in the language table for ids up to ``largest_id`` (doubling, as a list grows)."""
        if largest_id >= len(self._codes):
            size = max(largest_id + 1, 2 * len(self._codes))
            grown = np.full(size, UNKNOWN, dtype=np.uint8)
            grown[: len(self._codes)] = self._codes
            self._codes = grown

    def _code(self, language: str) -> int:
        if language not in self._names:
            if len(self._names) >= UNKNOWN:
                raise ValueError(f"more than {UNKNOWN} languages")
            self._names.append(language)
        return self._names.index(language)

    def remove(self, ids: Iterable[int]) -> None:
        keys = np.fromiter(ids, dtype=np.uint64)
        with self._lock:
            self._codes[keys[keys < len(self._codes)]] = UNKNOWN
            if len(keys) and len(self._index):
                present = keys[self._index.contains(keys)]
                if len(present):
                    self._index.remove(present)

    def languages(self, ids: Iterable[int]) -> dict[int, str]:
        """The language of each of ``ids`` whose language is known."""
        wanted = np.fromiter(ids, dtype=np.int64)
        with self._lock:
            wanted = wanted[(wanted >= 0) & (wanted < len(self._codes))]
            codes = self._codes[wanted]
            names = self._names
        known = codes != UNKNOWN
        return dict(
            zip(wanted[known].tolist(), [names[c] for c in codes[known].tolist()], strict=True)
        )

    def language_table(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint8], list[str]]:
        """(claim ids, their language codes, the language of each code): for a snapshot."""
        with self._lock:
            ids = np.flatnonzero(self._codes != UNKNOWN).astype(np.int64)
            return ids, self._codes[ids].copy(), list(self._names)

    def set_language_table(
        self, ids: npt.NDArray[np.int64], codes: npt.NDArray[np.uint8], names: list[str]
    ) -> None:
        """Take the languages of a snapshot (``language_table``'s three parts)."""
        if len(ids) != len(codes) or (len(codes) and int(codes.max()) >= len(names)):
            raise ValueError("language table does not fit its names")
        if len(ids) and int(ids.min()) < 0:
            raise ValueError("language table with a negative claim id")
        table = np.full(int(ids.max()) + 1 if len(ids) else 0, UNKNOWN, dtype=np.uint8)
        table[ids] = codes
        with self._lock:
            self._names = list(names)
            self._codes = table

    def nearest(self, query: Vectors, k: int) -> dict[int, float]:
        """Up to ``k`` claim ids with their cosine to ``query``, best first."""
        with self._lock:
            if not len(self._index) or k < 1:
                return {}
            found = self._index.search(
                np.asarray(query, dtype=np.float32).reshape(self.dim), min(k, len(self._index)),
                threads=1,
            )  # fmt: skip
            keys, dist = found.keys, found.distances
        # whole arrays to Python at once: a per-element loop cost ~0.2 ms of a 100-neighbour query
        return dict(zip(keys.tolist(), (1.0 - dist.astype(np.float64)).tolist(), strict=True))

    def cosines(self, query: Vectors, ids: Iterable[int]) -> dict[int, float]:
        """Cosine of ``query`` to each of ``ids`` that has a vector (others are left out)."""
        keys = np.fromiter(ids, dtype=np.uint64)
        with self._lock:
            if not len(keys) or not len(self._index):
                return {}
            keys = keys[self._index.contains(keys)]
            if not len(keys):
                return {}
            stored = np.asarray(self._index.get(keys, dtype="f32"), dtype=np.float32)
        sims = stored.reshape(len(keys), self.dim) @ np.asarray(query, dtype=np.float32).ravel()
        return dict(zip(keys.tolist(), sims.astype(np.float64).tolist(), strict=True))
