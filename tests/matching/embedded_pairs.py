"""Shared by the pair-decision tests: a pair compared both ways with its real e5 cosine."""

from __future__ import annotations

from claimtrack.matching.compare import Comparison, compare
from claimtrack.matching.embedding import get_embedder
from claimtrack.matching.prepare import prepare


def compare_both(a: str, la: str, b: str, lb: str) -> tuple[Comparison, Comparison]:
    """``compare(a, b)`` and ``compare(b, a)`` with the pair's cosine under e5-small."""
    model = get_embedder("e5-small")
    va, vb = model.embed([a, b])
    pa, pb = prepare(a, la), prepare(b, lb)
    cosine = float(va @ vb)
    return (compare(pa, pb, cosine=cosine, model=model.name),
            compare(pb, pa, cosine=cosine, model=model.name))  # fmt: skip
