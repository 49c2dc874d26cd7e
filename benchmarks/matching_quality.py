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
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack.matching.embedding import Vectors, get_embedder  # noqa: E402
from claimtrack.matching.evaluate import ranking_metrics  # noqa: E402
from claimtrack.matching.fusion import POOL, fuse, ranked, weight_for  # noqa: E402
from claimtrack.matching.prepare import prepare  # noqa: E402
from claimtrack.matching.retrieval import MemoryStore, SearchParams, make_row, search  # noqa: E402
from claimtrack.services.matching.evaluation import VectorCache, candidate_text  # noqa: E402

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


def embedded(cache: VectorCache, texts: list[str], label: str, role: str = "") -> Vectors:
    def show(done: int, todo: int) -> None:
        print(f"  {label}: embedded {done}/{todo}", file=sys.stderr, flush=True)

    before, cpu = cache.embedded, cache.cpu_seconds
    vecs = cache.vectors(texts, role, progress=show)
    if cache.embedded > before:
        per = 1000 * (cache.cpu_seconds - cpu) / (cache.embedded - before)
        print(f"  {label}: {cache.embedded - before} texts embedded, {per:.1f} ms CPU each")
    return vecs


def bench_pools(
    name: str, data: Path, cache: VectorCache
) -> tuple[
    list[dict[str, Any]], list[dict[str, Any]], list[dict[int, float]], list[dict[int, float]]
]:
    cand_file, query_file, _, _ = SETS[name]
    cands = read_jsonl(data / cand_file)
    queries = read_jsonl(data / query_file)
    cand_vecs = embedded(cache, [candidate_text(c) for c in cands], f"{name} candidates")
    query_vecs = embedded(cache, [str(q["query"]) for q in queries], f"{name} queries")
    lexical = lexical_pools(cands, queries)
    return cands, queries, lexical, semantic_pools(cand_vecs, query_vecs, lexical)


def product_run(name: str, data: Path, cache: VectorCache) -> dict[str, float]:
    """The product's own search over a temporary SQLite store (``claimtrack matching eval``)."""
    from claimtrack.cli.matching import temporary_store
    from claimtrack.services import users
    from claimtrack.services.matching import evaluation

    cand_file, query_file, _, _ = SETS[name]
    cands = read_jsonl(data / cand_file)
    queries = read_jsonl(data / query_file)
    embedded(cache, [candidate_text(c) for c in cands], f"{name} candidates")
    embedded(cache, [str(q["query"]) for q in queries], f"{name} queries")
    with temporary_store(None) as db, db.session_scope() as session:
        actor = users.system_user(session)
        session.commit()
        result = evaluation.evaluate(
            session, actor, cands, queries, embedder=cache.embedder, cache=cache
        )
    return {**result.metrics, "p50": result.latency_ms["p50"], "cpu_p50": result.cpu_ms["p50"],
            "p99": result.latency_ms["p99"], "cpu_p99": result.cpu_ms["p99"]}  # fmt: skip


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
    ap.add_argument("--product", action="store_true",
                    help="also rank through the product's search (temporary SQLite store)")  # fmt: skip
    args = ap.parse_args()
    embedder = get_embedder(args.embedder)
    cache = VectorCache(args.cache, embedder)
    weights = [float(w) for w in args.weights.split(",") if w] or [weight_for(embedder.name)]
    print(f"embedder {embedder.name}; pool {POOL} per side; MAP@1 / MAP@5 / R@10")
    for name in args.sets.split(","):
        _, _, before, target = SETS[name]
        cands, queries, lexical, semantic = bench_pools(name, args.data, cache)
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
        found = {label: metrics(queries, cands, r) for label, r in rows.items()}
        if args.product:
            found["product search"] = product_run(name, args.data, cache)
        for label, m in found.items():
            verdict = ""
            if label.startswith(("fused", "product")):
                ok = m["MAP@5"] > before and (target is None or m["MAP@5"] >= target)
                verdict = "MET" if ok else "MISSED"
            print(
                f"  {label:<14} {m['MAP@1']:.3f} / {m['MAP@5']:.3f} / {m['Recall@10']:.3f}  {verdict}"
            )
            if label == "product search":
                print(f"  {'':<14} query p50 / p99 {m['p50']:.1f} / {m['p99']:.1f} ms wall, "
                      f"{m['cpu_p50']:.1f} / {m['cpu_p99']:.1f} ms CPU")  # fmt: skip
        if args.predictions:
            args.predictions.mkdir(parents=True, exist_ok=True)
            best = rows[f"fused w={weights[0]:g}"]
            with open(args.predictions / f"{name}.predictions.jsonl", "w", encoding="utf-8") as fh:
                for i, r in enumerate(best):
                    ids = [str(cands[j]["id"]) for j in r]
                    fh.write(json.dumps({"query_index": i, "ranked_ids": ids}) + "\n")


if __name__ == "__main__":
    main()
