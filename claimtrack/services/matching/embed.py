"""Back-fill of claim embeddings: background work, resumable, idempotent, with progress.

New claims are embedded when saved; everything else (claims stored before embeddings existed,
bulk loads, a newly chosen model, a save while the model could not load) waits in
``claim_vector`` as "pending" and is filled here. Each batch is its own short transaction, so
the work never holds a lock a request needs, can stop at any moment, and a second run (or a
second server) only finds what is still pending. The embedding itself runs in worker
processes, one model and one BLAS thread each; the parent only reads texts and writes rows.

``embed_batch`` is the unit a job queue schedules; ``embed_pending`` runs until nothing is
pending (``claimtrack matching embed --workers N``).

A saved claim is embedded *after* its transaction commits (``embed_after_commit``): the save
only marks the claim's vector row pending under its new text (so a stale vector leaves every
index at once and the clock moves), and the 35 ms of e5 run while no write lock is held. The
follow-up then stores the vector in a short transaction of its own and records the links the
claim's meaning suggests; if it fails, the row stays pending for the back-fill.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, col, select

from claimtrack.db import WRITE_OPTION
from claimtrack.matching.embedding import Embedder, Vectors, get_embedder
from claimtrack.models import Claim
from claimtrack.services.matching import vectors

BATCH_SIZE = 256
_AFTER_COMMIT = "claimtrack.embed_after_commit"  # session.info: {claim id: actor id}
CACHED_TEXTS = 256  # recent texts' vectors kept per process (a search, then the save, of one text)
log = logging.getLogger("claimtrack.matching")


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


# -- one text at a time (searches and saves) ---------------------------------------------------
_cache: OrderedDict[tuple[str, str], Vectors] = OrderedDict()
_cache_lock = threading.Lock()


def embed_text(embedder: Embedder, text: str) -> Vectors:
    """The text's unit vector, from a small per-process cache: a desk searches a text and then
    saves it, and intake lists candidates before one is accepted; each is embedded once."""
    key = (embedder.name, text)
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    vector = embedder.embed([text])[0]
    with _cache_lock:
        _cache[key] = vector
        while len(_cache) > CACHED_TEXTS:
            _cache.popitem(last=False)
    return vector


def embed_texts(embedder: Embedder, texts: Sequence[str]) -> None:
    """Embed the texts not cached yet in one batch and cache them, ahead of one search each.

    Monitoring matches every candidate sentence of a story; the e5 engine costs about a quarter
    less a text in batches of eight than one text at a time.
    """
    with _cache_lock:
        missing = list(dict.fromkeys(t for t in texts if (embedder.name, t) not in _cache))
    if not missing:
        return
    vectors = embedder.embed(missing)
    with _cache_lock:
        for text, vector in zip(missing, vectors, strict=True):
            _cache[(embedder.name, text)] = vector
        while len(_cache) > CACHED_TEXTS:
            _cache.popitem(last=False)


def remember(embedder: Embedder, texts: Sequence[str], vectors: Vectors) -> None:
    """Put vectors computed elsewhere (an evaluation's cache) into the per-process cache."""
    with _cache_lock:
        for text, vector in zip(texts, vectors, strict=True):
            _cache[(embedder.name, text)] = vector
            _cache.move_to_end((embedder.name, text))
        while len(_cache) > CACHED_TEXTS:
            _cache.popitem(last=False)


# -- after a save commits ----------------------------------------------------------------------
def embed_after_commit(session: Session, claim_id: int, actor_id: int | None) -> None:
    """Embed the claim once the caller's transaction commits (nothing happens on rollback)."""
    session.info.setdefault(_AFTER_COMMIT, {})[claim_id] = actor_id


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    pending: dict[int, int | None] = session.info.pop(_AFTER_COMMIT, {})
    if not pending:
        return
    engine = session.get_bind().engine.execution_options(**{WRITE_OPTION: True})
    for claim_id, actor_id in pending.items():
        try:
            embed_saved_claim(engine, claim_id, actor_id)
        except Exception:  # noqa: BLE001 - the save stands; the back-fill embeds the claim
            log.exception(
                "embedding claim %s after its save failed; left to the back-fill", claim_id
            )


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


def embed_saved_claim(engine: Engine, claim_id: int, actor_id: int | None) -> None:
    """Embed the claim's committed text, store the vector, then suggest links by meaning.

    Reads the text again (a second save may have committed meanwhile); the vector is written only
    while the row still names that text and waits for a vector (``fill_vectors``), so an older
    wording never overwrites a newer one.
    """
    from claimtrack.services.matching import match  # match's save hook schedules this

    with Session(engine, expire_on_commit=False) as session:
        found = session.exec(
            select(Claim.text).where(Claim.id == claim_id, col(Claim.deleted_at).is_(None))
        ).first()
        session.rollback()  # no lock held while the model runs
        if found is None:
            return
        text, semantic = str(found), None
        embedder = match.embedder_or_none()
        if embedder is not None:
            try:
                vector = embed_text(embedder, text)
            except Exception:  # noqa: BLE001 - suggest by words; the back-fill embeds it later
                log.exception("embedding claim %s failed; left to the back-fill", claim_id)
            else:
                vectors.fill_vectors(session, embedder.name, [(claim_id, text)],
                                     vector.reshape(1, -1))  # fmt: skip
                session.commit()
                semantic = match.semantic_for(session, embedder, vector)
        match.suggest_for_saved(session, claim_id, actor_id, semantic)
        session.commit()
