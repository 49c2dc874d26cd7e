"""Rank fusion of the lexical engine and the sentence embedding.

The lexical engine is precise where wording overlaps (names, figures, rare words); the embedding
finds the same claim in other words and in the other language. Each ranks a pool of candidates,
and the two scores live on different scales, so each is z-scored within the pool (the union of
both top-k lists) and the two are mixed with the embedding's share ``weight``, per model: the
stronger the embedding alone, the more of the ranking it may carry. Measured on the CheckThat!
development sets (benchmarks/matching_quality.py): USE (``use-m3``) was best near 0.65; e5-small,
which alone beats the lexical engine on three of four sets, gained on all four from 0.65 to 0.75
(2A MAP@5 0.904 -> 0.910, 2B 0.527 -> 0.537, 2020 0.956 -> 0.957, SemEval 0.712 -> 0.725).
Reciprocal rank fusion was worse on every set, because it throws away how far ahead the best
candidate is.

The fused value orders candidates for one query. It is not shown to a person: the score and kind
a person sees come from ``compare.compare`` for the pair, the same wherever the pair appears.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

EMBEDDING_WEIGHT = 0.65  # for a model without its own measured weight
MODEL_WEIGHTS = {"e5-small": 0.75, "use-m3": 0.65}
POOL = 100  # how many of each ranking's best enter the union that is z-scored


def zscores(scores: Mapping[K, float]) -> dict[K, float]:
    """(score - mean) / standard deviation within ``scores``; all zero when they are all equal."""
    if not scores:
        return {}
    return dict(zip(scores, _z(list(scores.values())), strict=True))


def _z(values: list[float]) -> list[float]:
    """``zscores`` of a list (a query fuses about 130 candidates: no dicts in between)."""
    mean = sum(values) / len(values)
    var = sum([(v - mean) ** 2 for v in values]) / len(values)
    sd = math.sqrt(var)
    if sd < 1e-12:
        return [0.0] * len(values)
    return [(v - mean) / sd for v in values]


def weight_for(model: str | None) -> float:
    """The embedding's share in the fused score for vectors of ``model``."""
    return MODEL_WEIGHTS.get(model or "", EMBEDDING_WEIGHT)


def fuse(
    lexical: Mapping[K, float],
    semantic: Mapping[K, float],
    weight: float = EMBEDDING_WEIGHT,
) -> dict[K, float]:
    """One fused score per candidate in the union of both mappings' keys (higher is better).

    ``lexical``: the lexical engine's ranking score (``retrieval.search`` hit scores, or any
    score on one scale) for the candidates it found. ``semantic``: the embedding cosine for the
    candidates whose vectors are known, ideally every candidate of the union (compute the cosine
    of a lexical-only candidate from its stored vector). A candidate missing from one side gets
    that side's lowest score in the pool: it was not good enough to be found there. With an
    empty ``semantic`` (no vectors yet) the order is the lexical one, and vice versa.
    """
    keys = list(dict.fromkeys([*lexical, *semantic]))
    if not keys:
        return {}
    if not semantic:
        return {k: lexical[k] for k in keys}
    if not lexical:
        return {k: semantic[k] for k in keys}
    low_lex, low_sem = min(lexical.values()), min(semantic.values())
    z_lex = _z([lexical.get(k, low_lex) for k in keys])
    z_sem = _z([semantic.get(k, low_sem) for k in keys])
    return {k: weight * s + (1.0 - weight) * x for k, s, x in zip(keys, z_sem, z_lex, strict=True)}


def ranked(fused: Mapping[K, float], limit: int | None = None) -> list[tuple[K, float]]:
    """Candidates best first; ties keep their order in ``fused`` (stable)."""
    order = sorted(fused.items(), key=lambda kv: -kv[1])
    return order if limit is None else order[:limit]
