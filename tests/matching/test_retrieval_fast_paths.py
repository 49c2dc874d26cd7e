"""Shortcuts on the query path give exactly what the plain computation gave."""

from __future__ import annotations

import random
from collections import Counter

from claimtrack.matching.retrieval import K1, B, bm25


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


def _corpus(n: int) -> list[str]:
    """Synthetic claims of the scale benchmark (German and English, figures, places, dates)."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "matching_corpus.py"
    spec = importlib.util.spec_from_file_location("matching_corpus", path)
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("matching_corpus", corpus)  # its dataclasses look their module up
    spec.loader.exec_module(corpus)
    return [item.text for item in corpus.generate(n)]


def test_ratios_kept_from_ranking_give_the_same_rank_and_similarity() -> None:
    """The lexical pool's two rapidfuzz ratios make both the ranking score and the pair
    decision's word similarity: the same floats as ``rank_score`` and ``similarity``."""
    from claimtrack.matching.compare import similarity, similarity_of
    from claimtrack.matching.prepare import prepare
    from claimtrack.matching.retrieval import _ratios
    from claimtrack.matching.score import rank_score, rank_value

    rng = random.Random(4)
    norms = [prepare(t).norm for t in _corpus(400)] + ["", "a"]
    for _ in range(3000):
        q, c = rng.choice(norms), rng.choice(norms)
        share = rng.choice([0.0, 1.0, 1.5, rng.random()])
        set_ratio, sort_ratio = _ratios(q, c)
        assert rank_value(share, set_ratio, sort_ratio) == rank_score(q, c, share)
        assert similarity_of(sort_ratio, set_ratio) == similarity(q, c)


def test_search_with_kept_ratios_equals_search_computing_them_again(monkeypatch) -> None:
    """Every hit (id, ranking value, kind, score, features) of 300 searches is what it was when
    each detailed candidate's word similarity was computed anew."""
    from claimtrack.matching import retrieval
    from claimtrack.matching.prepare import prepare

    texts = _corpus(3000)
    store = retrieval.MemoryStore()
    for i, t in enumerate(texts):
        store.add(*retrieval.make_row(i, prepare(t)))
    queries = random.Random(5).sample(range(len(texts)), 300)

    def run() -> list[list[retrieval.Hit]]:
        return [retrieval.search(store, prepare(texts[i]), exclude=i) for i in queries]

    kept = run()
    plain_detail = retrieval._detail

    def detail_without_ratios(*args, **kwargs):  # type: ignore[no-untyped-def]
        return plain_detail(*args[:7], **kwargs)  # the 8th argument: the kept ratios

    monkeypatch.setattr(retrieval, "_detail", detail_without_ratios)
    again = run()
    assert kept == again
    assert sum(len(h) for h in kept) > 2000
    assert any(h.comparison.conflicts for hits in kept for h in hits)
