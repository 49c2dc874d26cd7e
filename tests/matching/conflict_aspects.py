"""Shared by the guard tests: the conflicts a pair shows, checked to be the same both ways."""

from __future__ import annotations

from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import conflicts


def aspects(a: str, b: str) -> list[str]:
    """The conflict texts of the pair (a, b), asserted equal to those of (b, a)."""
    texts = [text for text, _ in conflicts(prepare(a), prepare(b))]
    assert texts == [text for text, _ in conflicts(prepare(b), prepare(a))]  # symmetric
    return texts


def has_conflict(a: str, b: str, aspect: str) -> bool:
    """Whether the pair shows a conflict of this aspect ("name", "place", "polarity" …)."""
    return any(t.startswith(aspect + ":") for t in aspects(a, b))
