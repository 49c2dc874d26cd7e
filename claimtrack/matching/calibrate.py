"""Precision and recall of "same" per threshold, from the desk's confirm/reject decisions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    score: float  # the matcher's similarity for the pair
    conflict: bool  # the matcher named a conflict (so it would never call it "same")
    same: bool  # the desk's answer: confirmed as the same claim


@dataclass(frozen=True)
class ThresholdRow:
    threshold: float
    precision: float | None  # None when nothing scores at or above the threshold
    recall: float | None  # None when the desk confirmed nothing as same
    predicted: int
    correct: int


def calibrate(
    decisions: Iterable[Decision], thresholds: Iterable[float] = range(50, 101, 5)
) -> list[ThresholdRow]:
    """For each threshold t: the matcher says "same" when score >= t and there is no conflict."""
    items = list(decisions)
    positives = sum(d.same for d in items)
    rows = []
    for t in thresholds:
        predicted = [d for d in items if d.score >= t and not d.conflict]
        correct = sum(d.same for d in predicted)
        rows.append(
            ThresholdRow(
                float(t),
                correct / len(predicted) if predicted else None,
                correct / positives if positives else None,
                len(predicted),
                correct,
            )
        )
    return rows


def suggest_threshold(rows: list[ThresholdRow], min_precision: float) -> float | None:
    """The lowest threshold whose precision reaches ``min_precision`` (for auto-linking)."""
    for row in rows:
        if row.precision is not None and row.precision >= min_precision and row.predicted:
            return row.threshold
    return None
