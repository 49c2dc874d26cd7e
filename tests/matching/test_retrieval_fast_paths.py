"""Shortcuts on the query path give exactly what the plain computation gave."""

from __future__ import annotations

import random
from collections import Counter

from claimtrack.matching.retrieval import K1, B, bm25
from tests.factories import synthetic_claims


def _plain_bm25(weights: dict[str, float], doc_terms: str, avgdl: float) -> float:
    """BM25 over a Counter of every term of the candidate (before the query-terms-only count)."""
    terms = doc_terms.split()
    norm = K1 * (1 - B + B * len(terms) / max(avgdl, 1e-9))
    score = 0.0
    for t, tf in Counter(terms).items():
        w = weights.get(t)
        if w:
            score += w * tf * (K1 + 1) / (tf + norm)
    return score


def test_bm25_equals_the_plain_formula_to_the_last_bit() -> None:
    rng = random.Random(1)
    vocabulary = [f"w{i}" for i in range(30)]
    for _ in range(5000):
        doc = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 25)))
        weights = {rng.choice(vocabulary): rng.random() * 5 for _ in range(rng.randint(0, 15))}
        avgdl = rng.uniform(1, 20)
        assert bm25(weights, doc, avgdl) == _plain_bm25(weights, doc, avgdl)


def test_first_stage_cut_keeps_heapq_nlargest_order_with_ties() -> None:
    """_lexical_pool sorts the candidates instead of heapq.nlargest: same list, ties included."""
    import heapq
    from operator import itemgetter

    rng = random.Random(2)
    for _ in range(300):
        scores = {rng.randrange(10_000): rng.randrange(8) / 3 for _ in range(rng.randint(0, 400))}
        n = rng.randint(1, 60)
        expected = heapq.nlargest(n, scores.items(), key=lambda kv: kv[1])
        assert sorted(scores.items(), key=itemgetter(1), reverse=True)[:n] == expected


def test_ratios_kept_from_ranking_give_the_same_rank_and_similarity() -> None:
    """The lexical pool's two rapidfuzz ratios make both the ranking score and the pair
    decision's word similarity: the same floats as ``rank_score`` and ``similarity``."""
    from claimtrack.matching.compare import similarity, similarity_of
    from claimtrack.matching.prepare import prepare
    from claimtrack.matching.retrieval import _ratios
    from claimtrack.matching.score import rank_score, rank_value

    rng = random.Random(4)
    norms = [prepare(t).norm for t in synthetic_claims(400)] + ["", "a"]
    for _ in range(3000):
        q, c = rng.choice(norms), rng.choice(norms)
        share = rng.choice([0.0, 1.0, 1.5, rng.random()])
        set_ratio, sort_ratio = _ratios(q, c)
        assert rank_value(share, set_ratio, sort_ratio) == rank_score(q, c, share)
        assert similarity_of(sort_ratio, set_ratio) == similarity(q, c)


class _GroupVectors:
    """Exact cosines over unit vectors that are close within a duplicate group (a stand-in for
    the HNSW index: ``retrieval.VectorSource``)."""

    def __init__(self, groups: list[int], languages: list[str], dim: int = 32) -> None:
        import numpy as np

        self.langs = languages

        rng = np.random.default_rng(8)
        centres = rng.normal(size=(max(groups) + 1, dim))
        vecs = centres[groups] + 0.35 * rng.normal(size=(len(groups), dim))
        self.vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)

    def nearest(self, query, k: int) -> dict[int, float]:  # type: ignore[no-untyped-def]
        cos = self.vecs @ query
        best = cos.argsort()[::-1][:k]
        return {int(i): float(cos[i]) for i in best}

    def cosines(self, query, ids) -> dict[int, float]:  # type: ignore[no-untyped-def]
        return {int(i): float(self.vecs[i] @ query) for i in ids}

    def languages(self, ids) -> dict[int, str]:  # type: ignore[no-untyped-def]
        return {int(i): self.langs[i] for i in ids}


def test_search_deciding_only_the_hits_it_returns_equals_deciding_all(monkeypatch) -> None:
    """Every hit (id, ranking value, kind, score, features) of 300 word searches and 300 fused
    searches is what the plain computation gave: every detailed candidate decided (its word
    similarity computed anew), sorted by ranking value, cut to the limit."""
    import importlib.util
    import sys
    from pathlib import Path

    from claimtrack.matching import retrieval
    from claimtrack.matching.prepare import prepare

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "matching_corpus.py"
    spec = importlib.util.spec_from_file_location("matching_corpus", path)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("matching_corpus", corpus)
    spec.loader.exec_module(corpus)
    items = corpus.generate(3000)
    texts = [item.text for item in items]
    store = retrieval.MemoryStore()
    prepared = [prepare(t) for t in texts]
    for i, p in enumerate(prepared):
        store.add(*retrieval.make_row(i, p))
    vectors = _GroupVectors([item.group for item in items], [p.language for p in prepared])
    queries = random.Random(5).sample(range(len(texts)), 300)

    def run() -> list[list[retrieval.Hit]]:
        out = []
        for n, i in enumerate(queries):
            semantic = retrieval.Semantic(vectors, vectors.vecs[i], "use-m3")
            limit = (10, 5, 1)[n % 3]
            out.append(retrieval.search(store, prepare(texts[i]), limit=limit, exclude=i))
            out.append(retrieval.search(store, prepare(texts[i]), exclude=i, semantic=semantic))
        return out

    fast = run()

    def plain(query, detailed, limit, thresholds, penalty, cosines, model, ratios):  # type: ignore[no-untyped-def]
        hits = [
            retrieval._detail(query, row, v, thresholds, penalty, cosines.get(row.claim_id), model)
            for row, v in detailed
        ]
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]

    monkeypatch.setattr(retrieval, "_best_hits", plain)
    assert fast == run()
    assert sum(len(h) for h in fast) > 3000
    assert any(h.comparison.conflicts for hits in fast for h in hits)
    assert sum(h.cosine is not None for hits in fast for h in hits) > 1000


def _plain_interval(v: float, qualifier: str | None) -> tuple[float, float]:
    """``figures.interval`` before it was cached per value and qualifier."""
    from claimtrack.matching.figures import _tolerance

    tol = _tolerance(v)
    wide = max(tol, 0.1 * abs(v))
    match qualifier:
        case "about":
            return v - tol, v + tol
        case "almost":
            return v - max(tol, 0.05 * abs(v)), v
        case "more_than":
            return v + 1e-9, v + wide
        case "at_least":
            return v, v + wide
        case "less_than":
            return v - wide, v - 1e-9
        case "at_most":
            return v - wide, v
    return v, v


def test_figure_intervals_and_agreement_equal_the_plain_computation() -> None:
    """Cached intervals (and the opposite-qualifier test skipped without two qualifiers) give
    the same bounds and the same agreement as computing them every time."""
    from claimtrack.matching.figures import _OPPOSITE, fig, interval, values_agree

    rng = random.Random(7)
    qualifiers = [None, "about", "almost", "more_than", "at_least", "less_than", "at_most", ""]
    units = [None, "people", "percent", "days", "weeks", "years", "hours", "euro"]
    values = [0.0, 1.0, 2.5, 12.0, 164.0, 225.0, 2000.0, 2030.0, 2700.0, 7939.0, 8000.0, 1e6]
    values += [rng.choice([rng.random() * 10_000, float(rng.randrange(1, 100_000))]) for _ in range(300)]  # fmt: skip
    figs = [
        fig((v, rng.choice(units), rng.choice([None, "arrests", "deaths"]), rng.choice(qualifiers)))
        for v in values
        for _ in range(3)
    ]
    for f in figs:
        assert interval(f) == _plain_interval(f.value, f.qualifier)
    for _ in range(30_000):
        x, y = rng.choice(figs), rng.choice(figs)
        if frozenset({x.qualifier, y.qualifier}) in _OPPOSITE:
            expected = False
        else:
            (lo_x, hi_x), (lo_y, hi_y) = _plain_interval(x.value, x.qualifier), _plain_interval(y.value, y.qualifier)  # fmt: skip
            eps = 1e-9 * max(abs(x.value), abs(y.value), 1.0)
            expected = lo_x <= hi_y + eps and lo_y <= hi_x + eps
        assert values_agree(x, y) is expected


def _plain_zscores(scores: dict[int, float]) -> dict[int, float]:
    import math

    if not scores:
        return {}
    values = list(scores.values())
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / len(values)
    sd = math.sqrt(var)
    if sd < 1e-12:
        return dict.fromkeys(scores, 0.0)
    return {k: (v - mean) / sd for k, v in scores.items()}


def _plain_fuse(lexical: dict[int, float], semantic: dict[int, float], weight: float) -> dict[int, float]:  # fmt: skip
    keys = list(dict.fromkeys([*lexical, *semantic]))
    if not keys:
        return {}
    if not semantic:
        return {k: lexical[k] for k in keys}
    if not lexical:
        return {k: semantic[k] for k in keys}
    low_lex, low_sem = min(lexical.values()), min(semantic.values())
    z_lex = _plain_zscores({k: lexical.get(k, low_lex) for k in keys})
    z_sem = _plain_zscores({k: semantic.get(k, low_sem) for k in keys})
    return {k: weight * z_sem[k] + (1.0 - weight) * z_lex[k] for k in keys}


def test_fusion_equals_the_plain_computation_to_the_last_bit() -> None:
    """``fusion.fuse`` z-scores lists instead of dicts: same floats, same key order."""
    from claimtrack.matching.fusion import fuse, zscores

    rng = random.Random(9)
    for _ in range(3000):
        ids = rng.sample(range(400), rng.randint(0, 140))
        cut = rng.randint(0, len(ids))
        same = rng.random() < 0.1  # all equal: z-scores of zero
        lexical = {i: 50.0 if same else rng.uniform(0, 100) for i in ids[: rng.randint(0, cut)]}
        semantic = {i: rng.uniform(-0.2, 1.0) for i in ids[cut - rng.randint(0, cut) :]}
        weight = rng.choice([0.65, 0.75, rng.random()])
        fused = fuse(lexical, semantic, weight)
        expected = _plain_fuse(lexical, semantic, weight)
        assert fused == expected and list(fused) == list(expected)
        assert zscores(lexical) == _plain_zscores(lexical)
