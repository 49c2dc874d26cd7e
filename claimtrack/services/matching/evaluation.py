"""Bulk loading and evaluation: a candidate collection into a store, queries ranked against it.

Used by ``claimtrack matching eval`` (a fresh temporary store per run) and the benchmarks. Claims
are inserted with one multi-row INSERT per batch and indexed in one pass, not through
``create_claim`` (which also suggests links and would make a 20,000-claim load take minutes).

With an embedder the candidates' vectors are stored as the back-fill stores them and every query
runs the product's own path (``match.search_text``: lexical postings plus the live vector index,
one fused ranking, the pair decision on the best, *same* moved up), so the figures are what a
desk's search gives, not a re-implementation. A ``VectorCache`` keeps every embedded text in a
SQLite file per model, so a second run over 30,000 candidates costs seconds instead of an hour.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert
from sqlmodel import Session, col

from claimtrack.matching.embedding import Embedder, Vectors, clean_text
from claimtrack.matching.evaluate import ranking_metrics
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import IndexRow, make_row
from claimtrack.models import Claim, User
from claimtrack.services import audit
from claimtrack.services.base import clean_text as clean_input
from claimtrack.services.errors import ValidationError
from claimtrack.services.matching import embed, live, vectors
from claimtrack.services.matching.match import search_text
from claimtrack.services.matching.store import IndexBatch, SqlStore

BATCH = 5000
PRIME = embed.CACHED_TEXTS // 2  # query vectors handed to the search cache at a time


@dataclass(frozen=True)
class LoadItem:
    text: str
    language: str = "en"
    extra: str = ""  # indexed but not part of the claim text (a fact-check's title)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Records of a JSONL or JSONL.gz file; a bad line fails with its line number."""
    p = Path(path)
    opener = gzip.open if p.name.endswith(".gz") else open
    out = []
    with opener(p, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValidationError(
                        "%(file)s line %(line)s: not JSON (%(reason)s)",
                        params={"file": p.name, "line": n, "reason": exc.msg},
                    ) from None
    return out


def _prepare_chunk(chunk: list[tuple[int, str, str, str]]) -> IndexBatch:
    out = []
    for claim_id, text, language, extra in chunk:
        extra_norm = prepare(extra, language).norm if extra else ""
        out.append(make_row(claim_id, prepare(text, language), extra_norm))
    return IndexBatch.of(out)


def index_batches(
    rows: Sequence[tuple[int, str, str, str]], workers: int = 1
) -> Iterator[IndexBatch]:
    """Prepared index rows for (claim_id, text, language, extra) in batches, in input order,
    optionally from worker processes. A batch crosses the process boundary as a few strings per
    claim and two int64 arrays, not as a row object and a list of Python ints per claim."""
    chunks = [list(rows[i : i + BATCH]) for i in range(0, len(rows), BATCH)]
    if workers <= 1 or len(chunks) <= 1:
        yield from map(_prepare_chunk, chunks)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start) as pool:
        yield from pool.map(_prepare_chunk, chunks)


def _worker_start() -> None:
    """A forked worker inherits every object of the loader (at a million claims, millions of
    texts, rows and ids) and makes no reference cycles of its own (``prepare`` and ``make_row``
    leave none: tests/matching/test_loader.py). Its collector would walk the inherited objects
    at each full collection, copying every page it touches, and the young ones a few hundred
    times a batch, for nothing: 3 % of a worker's CPU at 100,000 claims, more with a bigger
    loader. The pool lives for one build, so the worker freezes what it inherits and collects
    nothing."""
    gc.freeze()
    gc.disable()


def index_items(
    rows: Sequence[tuple[int, str, str, str]], workers: int = 1
) -> Iterator[tuple[IndexRow, list[int]]]:
    """Prepared index rows for (claim_id, text, language, extra), optionally in worker processes."""
    for batch in index_batches(rows, workers):
        yield from batch.items()


def insert_claims(session: Session, actor: User, items: Sequence[LoadItem]) -> list[int]:
    """Insert claims in batches; returns their ids in input order (no index, no commit)."""
    template = Claim(text="-", created_by_id=actor.id).model_dump(exclude={"id", "version"})
    stmt = insert(Claim).returning(col(Claim.id), sort_by_parameter_order=True)
    ids: list[int] = []
    for start in range(0, len(items), BATCH):
        params = [
            {**template, "text": it.text, "language": it.language}
            for it in items[start : start + BATCH]
        ]
        ids.extend(session.execute(stmt, params).scalars().all())
    return ids


def load_collection(
    session: Session, actor: User, items: Sequence[LoadItem], *, workers: int = 1
) -> tuple[list[int], float, float]:
    """Insert and index ``items``; returns (claim ids, insert seconds, index seconds). Commits."""
    t0 = time.perf_counter()
    ids = insert_claims(session, actor, items)
    t1 = time.perf_counter()
    rows = [(cid, it.text, it.language, it.extra) for cid, it in zip(ids, items, strict=True)]
    SqlStore(session).load_batches(index_batches(rows, workers))
    audit.record(session, actor=actor, action="matching.load", object_type="matching",
                 after={"claims": len(ids)})  # fmt: skip
    session.commit()
    return ids, t1 - t0, time.perf_counter() - t1


class VectorCache:
    """Vectors of texts one model has embedded, in a SQLite file per model (resumable).

    Keyed by a digest of the text as the model sees it (``clean_text``); ``role`` keeps the
    vectors of a search text apart from those of a stored claim for models that embed the two
    differently. Only for evaluation and benchmarks: the product's vectors live in the database.
    """

    def __init__(self, folder: str | Path, embedder: Embedder) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.embedder = embedder
        self.db = sqlite3.connect(Path(folder) / f"embeddings-{embedder.name}.sqlite3", timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB NOT NULL)")
        self.embedded = 0  # texts this instance had to embed
        self.cpu_seconds = 0.0  # process CPU time they took

    @staticmethod
    def key(text: str, role: str = "") -> str:
        marked = clean_text(text) if not role else f"{role}\x00{clean_text(text)}"
        return hashlib.blake2b(marked.encode(), digest_size=16).hexdigest()

    def vectors(
        self,
        texts: Sequence[str],
        role: str = "",
        progress: Callable[[int, int], None] | None = None,
    ) -> Vectors:
        """One unit vector per text, embedding (and storing) only the texts not cached yet."""
        keys = [self.key(t, role) for t in texts]
        have: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            have.update(self.db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk))
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in have))
        embed_fn = self.embedder.embed if not role else getattr(self.embedder, f"embed_{role}")
        for i in range(0, len(todo), 256):
            chunk = todo[i : i + 256]
            cpu = time.process_time()
            vecs = embed_fn(chunk)
            self.cpu_seconds += time.process_time() - cpu
            self.embedded += len(chunk)
            rows = [(self.key(t, role), v.tobytes()) for t, v in zip(chunk, vecs, strict=True)]
            self.db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            self.db.commit()
            have.update(rows)
            if progress:
                progress(i + len(chunk), len(todo))
        if not keys:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.vstack([np.frombuffer(have[k], dtype=np.float32) for k in keys])


def candidate_text(candidate: dict[str, Any]) -> str:
    """What is embedded of a candidate: its text, and its title when it has one (the lexical
    index holds the title as an extra field, so the embedding sees it too)."""
    title = str(candidate.get("title") or "").strip()
    return f"{candidate['text']} . {title}" if title else str(candidate["text"])


@dataclass
class EvalResult:
    metrics: dict[str, float]
    predictions: list[dict[str, Any]]
    load_seconds: float
    index_seconds: float
    latency_ms: dict[str, float]
    model: str | None = None  # the embedder whose vectors took part (None: words only)
    vector_seconds: float = 0.0  # embedding (or reading the cache), storing, building the index
    cpu_ms: dict[str, float] = field(default_factory=dict)  # CPU of this process per query


def evaluate(
    session: Session,
    actor: User,
    candidates: Iterable[dict[str, Any]],
    queries: Sequence[dict[str, Any]],
    *,
    language: str = "en",
    limit: int = 10,
    embedder: Embedder | None = None,
    cache: VectorCache | None = None,
) -> EvalResult:
    """Load ``candidates`` (id, text, title?) and rank them for every query.

    ``embedder``: the model whose vectors of the candidates are stored and searched beside the
    lexical index, exactly as a desk's search does (None: words only). ``cache``: where vectors
    already embedded are read from (``VectorCache``).
    """
    cands = list(candidates)
    for n, c in enumerate(cands):
        if "id" not in c or not str(c.get("text") or "").strip():
            raise ValidationError("candidate %(n)s: needs an id and a text", params={"n": n})
    items = [LoadItem(str(c["text"]), language, str(c.get("title") or "")) for c in cands]
    ids, load_s, index_s = load_collection(session, actor, items)
    external = {cid: str(c["id"]) for cid, c in zip(ids, cands, strict=True)}
    # as the search cleans its text, so the vectors handed to it are found under the same text
    texts = [clean_input(q.get("query"), "query", required=False, max_len=20_000) for q in queries]
    vector_s, query_vecs = 0.0, None
    if embedder is not None:
        t = time.perf_counter()
        store_vectors(session, embedder, ids, [candidate_text(c) for c in cands], cache)
        query_vecs = _query_vectors(embedder, texts, cache)
        vector_s = time.perf_counter() - t
    model = embedder.name if embedder is not None else "none"
    predictions, latencies, cpu = [], [], []
    for i, text in enumerate(texts):
        if embedder is not None and query_vecs is not None and i % PRIME == 0:
            # the search embeds its text through the per-process cache: hand it the vectors
            embed.remember(embedder, texts[i : i + PRIME], query_vecs[i : i + PRIME])
        t, t_cpu = time.perf_counter(), time.process_time()
        hits = (search_text(session, text, language=language, limit=limit, model=model)
                if text else [])  # fmt: skip
        latencies.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - t_cpu) * 1000)
        predictions.append({"query_index": i, "ranked_ids": [external[h.claim_id] for h in hits]})
    ranked: list[list[str]] = [p["ranked_ids"] for p in predictions]  # type: ignore[misc]
    metrics = ranking_metrics([q.get("relevant_ids", []) for q in queries], ranked)
    return EvalResult(metrics, predictions, load_s, index_s, latency_summary(latencies),
                      embedder.name if embedder else None, vector_s,
                      latency_summary(cpu))  # fmt: skip


def store_vectors(
    session: Session,
    embedder: Embedder,
    ids: Sequence[int],
    texts: Sequence[str],
    cache: VectorCache | None = None,
) -> None:
    """Store the vectors of ``texts`` for claims ``ids`` as the back-fill does (commits), then
    wait for this process's vector index to hold them."""
    for start in range(0, len(ids), BATCH):
        part = list(texts[start : start + BATCH])
        vecs = cache.vectors(part) if cache is not None else embedder.embed(part)
        vectors.fill_vectors(session, embedder.name,
                             list(zip(ids[start : start + BATCH], part, strict=True)), vecs)  # fmt: skip
        session.commit()
    live.wait_until_ready(session, embedder.name)


def _query_vectors(
    embedder: Embedder, texts: Sequence[str], cache: VectorCache | None
) -> Vectors | None:
    """The queries' vectors from the cache; None: each search embeds its own text."""
    return None if cache is None else cache.vectors(texts)


def latency_summary(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {"p50": 0.0, "p99": 0.0}
    ordered = sorted(ms)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return {"p50": statistics.median(ordered), "p99": p99}
