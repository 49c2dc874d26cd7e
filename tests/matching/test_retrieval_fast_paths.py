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
