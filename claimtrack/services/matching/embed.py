"""Back-fill of claim embeddings: background work, resumable, idempotent, with progress.

New claims are embedded when saved; everything else (claims stored before embeddings existed,
bulk loads, a newly chosen model, a save while the model could not load) waits in
``claim_vector`` as "pending" and is filled here. Each batch is its own short transaction, so
the work never holds a lock a request needs, can stop at any moment, and a second run (or a
second server) only finds what is still pending. The embedding itself runs in worker
processes, one model and one BLAS thread each; the parent only reads texts and writes rows.

``embed_batch`` is the unit a job queue schedules; ``embed_pending`` runs until nothing is
pending (``claimtrack matching embed --workers N``).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from claimtrack.matching.embedding import Embedder, get_embedder
from claimtrack.services.matching import vectors

BATCH_SIZE = 256


@dataclass(frozen=True)
class EmbedProgress:
    """Where a back-fill stands: claims embedded so far, still pending, seconds, claims/s."""

    model: str
    embedded: int
    pending: int
    seconds: float
    last_id: int

    @property
    def rate(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0


def embed_batch(
    session: Session,
    *,
    model: str | None = None,
    after_id: int = 0,
    batch_size: int = BATCH_SIZE,
    embedder: Embedder | None = None,
) -> tuple[int, int]:
    """Embed the next ``batch_size`` pending claims above ``after_id`` in this process.

    Commits. Returns (claims embedded, last claim id seen; 0 when nothing was pending).
    """
    embedder = embedder or get_embedder(model)
    items = vectors.pending_claims(session, embedder.name, after_id, batch_size)
    session.rollback()  # end the read before the slow part: no snapshot or lock held
    if not items:
        return 0, 0
    vecs = embedder.embed([text for _, text in items])
    written = vectors.fill_vectors(session, embedder.name, items, vecs)
    session.commit()
    return written, items[-1][0]


def embed_pending(
    session: Session,
    *,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[EmbedProgress], None] | None = None,
) -> EmbedProgress:
    """Embed every pending claim, ``workers`` processes embedding in parallel. Commits per batch.

    Safe to interrupt and to run twice at once: each batch writes only rows still pending.
    """
    name = get_embedder(model).name if workers <= 1 else _name(model)
    started = time.perf_counter()
    done, last = 0, 0
    total = vectors.count_pending(session, name)
    session.rollback()

    def report() -> EmbedProgress:
        return EmbedProgress(name, done, max(total - done, 0), time.perf_counter() - started, last)

    for items, vecs in _embedded(session, name, workers, batch_size):
        done += vectors.fill_vectors(session, name, items, vecs)
        session.commit()
        last = items[-1][0]
        if progress:
            progress(report())
    return report()


def _name(model: str | None) -> str:
    from claimtrack.matching.embedding import embedder_name

    return embedder_name(model)


def _pages(session: Session, name: str, size: int) -> Iterator[list[tuple[int, str]]]:
    after = 0
    while True:
        items = vectors.pending_claims(session, name, after, size)
        session.rollback()
        if not items:
            return
        after = items[-1][0]
        yield items


def _embedded(
    session: Session, name: str, workers: int, batch_size: int
) -> Iterator[tuple[list[tuple[int, str]], Any]]:
    if workers <= 1:
        embedder = get_embedder(name)
        for items in _pages(session, name, batch_size):
            yield items, embedder.embed([t for _, t in items])
        return
    # Fresh interpreters, not forks: a fork of a process whose model engine already started its
    # threads (OpenMP, BLAS) can hang in the child.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=spawn, initializer=_worker_init, initargs=(name,)
    ) as pool:
        pages = _pages(session, name, batch_size * workers)
        for page in pages:
            chunks = [page[i : i + batch_size] for i in range(0, len(page), batch_size)]
            texts = [[t for _, t in chunk] for chunk in chunks]
            yield from zip(chunks, pool.map(_worker_embed, texts), strict=True)


_worker_model: list[Embedder] = []


def _worker_init(name: str) -> None:
    """One model and one BLAS/OpenMP thread per worker process: the processes are the parallelism."""
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    os.environ["OMP_NUM_THREADS"] = "1"
    _worker_model.append(get_embedder(name))
    _worker_model[0].embed(["warm up"])


def _worker_embed(texts: Sequence[str]) -> Any:
    return _worker_model[0].embed(list(texts))
