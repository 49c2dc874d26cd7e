"""Bulk loading and evaluation: a candidate collection into a store, queries ranked against it.

Used by ``claimtrack matching eval`` (a fresh temporary store per run) and the benchmarks. Claims
are inserted with one multi-row INSERT per batch and indexed in one pass, not through
``create_claim`` (which also suggests links and would make a 20,000-claim load take minutes).
"""

from __future__ import annotations

import gzip
import json
import statistics
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col

from claimtrack.matching.evaluate import ranking_metrics
from claimtrack.matching.prepare import prepare
from claimtrack.matching.retrieval import IndexRow, make_row
from claimtrack.models import Claim, User
from claimtrack.services import audit
from claimtrack.services.errors import ValidationError
from claimtrack.services.matching.match import search_text
from claimtrack.services.matching.store import SqlStore

BATCH = 5000


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
    with opener(p, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
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


def _prepare_chunk(chunk: list[tuple[int, str, str, str]]) -> list[tuple[IndexRow, list[int]]]:
    out = []
    for claim_id, text, language, extra in chunk:
        extra_norm = prepare(extra, language).norm if extra else ""
        out.append(make_row(claim_id, prepare(text, language), extra_norm))
    return out


def index_items(
    rows: Sequence[tuple[int, str, str, str]], workers: int = 1
) -> Iterator[tuple[IndexRow, list[int]]]:
    """Prepared index rows for (claim_id, text, language, extra), optionally in worker processes."""
    chunks = [list(rows[i : i + BATCH]) for i in range(0, len(rows), BATCH)]
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield from _prepare_chunk(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(_prepare_chunk, chunks):
            yield from result


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
    SqlStore(session).replace_all(index_items(rows, workers))
    audit.record(session, actor=actor, action="matching.load", object_type="matching",
                 after={"claims": len(ids)})  # fmt: skip
    session.commit()
    return ids, t1 - t0, time.perf_counter() - t1


@dataclass
class EvalResult:
    metrics: dict[str, float]
    predictions: list[dict[str, Any]]
    load_seconds: float
    index_seconds: float
    latency_ms: dict[str, float]


def evaluate(
    session: Session,
    actor: User,
    candidates: Iterable[dict[str, Any]],
    queries: Sequence[dict[str, Any]],
    *,
    language: str = "en",
    limit: int = 10,
) -> EvalResult:
    """Load ``candidates`` (id, text, title?) and rank them for every query."""
    cands = list(candidates)
    for n, c in enumerate(cands):
        if "id" not in c or not str(c.get("text") or "").strip():
            raise ValidationError("candidate %(n)s: needs an id and a text", params={"n": n})
    items = [LoadItem(str(c["text"]), language, str(c.get("title") or "")) for c in cands]
    ids, load_s, index_s = load_collection(session, actor, items)
    external = {cid: str(c["id"]) for cid, c in zip(ids, cands, strict=True)}
    predictions, latencies = [], []
    for i, q in enumerate(queries):
        text = str(q.get("query") or "").strip()
        t = time.perf_counter()
        hits = search_text(session, text, language=language, limit=limit) if text else []
        latencies.append((time.perf_counter() - t) * 1000)
        predictions.append({"query_index": i, "ranked_ids": [external[h.claim_id] for h in hits]})
    metrics = ranking_metrics([q.get("relevant_ids", []) for q in queries],
                              [p["ranked_ids"] for p in predictions])  # fmt: skip
    return EvalResult(metrics, predictions, load_s, index_s, latency_summary(latencies))


def latency_summary(ms: list[float]) -> dict[str, float]:
    if not ms:
        return {"p50": 0.0, "p99": 0.0}
    ordered = sorted(ms)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return {"p50": statistics.median(ordered), "p99": p99}
