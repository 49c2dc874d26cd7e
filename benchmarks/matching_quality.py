"""Ranking quality on the public claim-matching development sets: lexical, embedding, fused.

    .venv/bin/python benchmarks/matching_quality.py --data DIR --cache DIR [--embedder e5-small]
        [--weights 0.5,0.65,0.8] [--sets ct2021-2a-en,...] [--predictions DIR]

``--data``: a folder with the sets in the claim-matching JSONL format (``*.candidates.jsonl[.gz]``:
``{"id", "text", "title"?}``; ``*.queries.jsonl``: ``{"query", "relevant_ids"}``), converted from the
public CLEF CheckThat! 2020 task 2 and 2021 tasks 2A/2B data and the SemEval-2025 task 7 trial
sample (see benchmarks/README.md for the sources). ``--cache``: where embeddings are kept (a SQLite
file per model, keyed by a digest of the text), so every text is embedded once; re-runs cost
seconds. No network traffic.

For each query: the lexical engine (``retrieval.search`` over an in-memory store, candidates
indexed with their title as an extra field, the same rows ``claimtrack matching eval`` builds) and
the embedding (exact cosine over every candidate, text + " . " + title) each give their best
``POOL``; ``fusion.fuse`` z-scores both within the union and mixes them (weight: the model's
``fusion.weight_for``, as the product uses). Prints MAP@1 / MAP@5 /
R@10 of each ranking and, for the fused one, MET/MISSED against the targets and today's figures.
``--predictions`` also writes one predictions file per set (``{"query_index", "ranked_ids"}``) for
the upstream scorer.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.matching.embedding import Embedder, Vectors, clean_text, get_embedder  # noqa: E402
from claimtrack.matching.evaluate import ranking_metrics  # noqa: E402
from claimtrack.matching.fusion import POOL, fuse, ranked, weight_for  # noqa: E402
from claimtrack.matching.prepare import prepare  # noqa: E402
from claimtrack.matching.retrieval import MemoryStore, SearchParams, make_row, search  # noqa: E402

SETS = {  # name: (candidates, queries, MAP@5 before embeddings, MAP@5 target or None)
    "ct2021-2a-en": ("ct2021-2a-en.candidates.jsonl.gz", "ct2021-2a-en.dev.queries.jsonl", 0.820, 0.92),
    "ct2021-2b-en": ("ct2021-2b-en.candidates.jsonl.gz", "ct2021-2b-en.dev.queries.jsonl", 0.490, 0.58),
    "ct2020-t2-en": ("ct2020-t2-en.candidates.jsonl.gz", "ct2020-t2-en.test.queries.jsonl", 0.894, None),
    "semeval25-trial": ("semeval25-trial.candidates.jsonl", "semeval25-trial.dev.queries.jsonl", 0.677, None),
}  # fmt: skip
LEXICAL_PARAMS = SearchParams(short_candidates=POOL, max_short_candidates=POOL, candidates=2 * POOL)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [json.loads(line) for line in fh if line.strip()]


class EmbeddingCache:
    """Vectors of texts already embedded by one model, in one SQLite file (resumable)."""

    def __init__(self, folder: Path, embedder: Embedder) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.embedder = embedder
        self.db = sqlite3.connect(folder / f"embeddings-{embedder.name}.sqlite3", timeout=60)
        self.db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB NOT NULL)")

    @staticmethod
    def key(text: str) -> str:
        return hashlib.blake2b(clean_text(text).encode(), digest_size=16).hexdigest()

    def vectors(self, texts: list[str], label: str) -> Vectors:
        keys = [self.key(t) for t in texts]
        have: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            have.update(self.db.execute(f"SELECT key, v FROM vec WHERE key IN ({marks})", chunk))
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in have))
        started, cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(todo), 256):
            chunk = todo[i : i + 256]
            vecs = self.embedder.embed(chunk)
            rows = [(self.key(t), v.tobytes()) for t, v in zip(chunk, vecs, strict=True)]
            self.db.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            self.db.commit()
            have.update(rows)
            print(f"  {label}: embedded {i + len(chunk)}/{len(todo)}", file=sys.stderr, flush=True)
        if todo:
            per = 1000 * (time.process_time() - cpu) / len(todo)
            wall = time.perf_counter() - started
            print(f"  {label}: {len(todo)} texts in {wall:.0f} s, {per:.1f} ms CPU each")
        return np.vstack([np.frombuffer(have[k], dtype=np.float32) for k in keys])


def candidate_text(c: dict[str, Any]) -> str:
    title = str(c.get("title") or "").strip()
    return f"{c['text']} . {title}" if title else str(c["text"])


def lexical_pools(
    cands: list[dict[str, Any]], queries: list[dict[str, Any]]
) -> list[dict[int, float]]:
    store = MemoryStore()
    for i, c in enumerate(cands):
        title = str(c.get("title") or "")
        row, keys = make_row(
            i, prepare(str(c["text"]), "en"), prepare(title, "en").norm if title else ""
        )
        store.add(row, keys)
    pools = []
    for q in queries:
        hits = search(store, prepare(str(q["query"]), "en"), limit=POOL, params=LEXICAL_PARAMS)
        pools.append({h.claim_id: h.score for h in hits})
    return pools


def semantic_pools(cand_vecs: Vectors, query_vecs: Vectors, lexical: list[dict[int, float]]):
    pools = []
    for qv, lex in zip(query_vecs, lexical, strict=True):
        sims = cand_vecs @ qv
        top = np.argpartition(-sims, min(POOL, len(sims) - 1))[:POOL]
        ids = set(map(int, top)) | set(lex)
        pools.append({i: float(sims[i]) for i in ids})
    return pools


def metrics(queries, cands, rankings: list[list[int]]) -> dict[str, float]:
    relevant = [q["relevant_ids"] for q in queries]
    ids = [[str(cands[i]["id"]) for i in r] for r in rankings]
    return ranking_metrics(relevant, ids)


def top_of(pool: dict[int, float]) -> list[int]:
    return [k for k, _ in ranked(pool, 10)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="folder with the dev sets")
    ap.add_argument("--cache", required=True, type=Path, help="folder for cached embeddings")
    ap.add_argument("--embedder", default=None, help="e5-small or use-m3 (default: configured)")
    ap.add_argument(
        "--weights", default="", help="embedding weights to report (default: the model's)"
    )
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--predictions", type=Path, help="write fused predictions files here")
    args = ap.parse_args()
    embedder = get_embedder(args.embedder)
    cache = EmbeddingCache(args.cache, embedder)
    weights = [float(w) for w in args.weights.split(",") if w] or [weight_for(embedder.name)]
    print(f"embedder {embedder.name}; pool {POOL} per side; MAP@1 / MAP@5 / R@10")
    for name in args.sets.split(","):
        cand_file, query_file, before, target = SETS[name]
        cands = read_jsonl(args.data / cand_file)
        queries = read_jsonl(args.data / query_file)
        cand_vecs = cache.vectors([candidate_text(c) for c in cands], f"{name} candidates")
        query_vecs = cache.vectors([str(q["query"]) for q in queries], f"{name} queries")
        lexical = lexical_pools(cands, queries)
        semantic = semantic_pools(cand_vecs, query_vecs, lexical)
        rows = {
            "lexical": [top_of(p) for p in lexical],
            "embedding": [top_of(p) for p in semantic],
        }
        for w in weights:
            rows[f"fused w={w:g}"] = [
                top_of(fuse(lx, sm, w)) for lx, sm in zip(lexical, semantic, strict=True)
            ]
        print(f"{name} ({len(queries)} queries, {len(cands)} candidates; MAP@5 before {before:.3f}"
              + (f", target {target:.2f})" if target else ")"))  # fmt: skip
        for label, rankings in rows.items():
            m = metrics(queries, cands, rankings)
            verdict = ""
            if label.startswith("fused"):
                ok = m["MAP@5"] > before and (target is None or m["MAP@5"] >= target)
                verdict = "MET" if ok else "MISSED"
            print(
                f"  {label:<14} {m['MAP@1']:.3f} / {m['MAP@5']:.3f} / {m['Recall@10']:.3f}  {verdict}"
            )
        if args.predictions:
            args.predictions.mkdir(parents=True, exist_ok=True)
            best = rows[f"fused w={weights[0]:g}"]
            with open(args.predictions / f"{name}.predictions.jsonl", "w", encoding="utf-8") as fh:
                for i, r in enumerate(best):
                    ids = [str(cands[j]["id"]) for j in r]
                    fh.write(json.dumps({"query_index": i, "ranked_ids": ids}) + "\n")


if __name__ == "__main__":
    main()
