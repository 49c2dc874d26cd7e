"""Compare two prepared claims: a similarity score, the conflicts between them, and a kind.

Similarity alone cannot tell "2,000 arrested" from "2,700 arrested" (one token apart), so the
kind rests on the compared facts: any conflict in figures, places, dates, persons or polarity
makes a highly similar pair a *variant*, never *same*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from claimtrack.matching.prepare import FigureKey, Prepared
from claimtrack.text.polarity import polarity_conflict

MIN_AUTO_WORDS = 8  # shorter claims are never linked without a person confirming


class Kind(StrEnum):
    SAME = "same"
    VARIANT = "variant"
    RELATED = "related"
    UNRELATED = "unrelated"


@dataclass(frozen=True)
class Thresholds:
    """Score cut-offs (0-100). ``suggest`` asks a person; ``auto_link`` links without asking."""

    same: float = 78.0
    related: float = 55.0
    suggest: float = 78.0
    auto_link: float = 92.0


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Comparison:
    score: float
    kind: Kind
    conflicts: tuple[str, ...]
    features: dict[str, object] = field(default_factory=dict)
    short: bool = False  # one side has fewer than MIN_AUTO_WORDS words

    def auto_linkable(self, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> bool:
        return self.kind is Kind.SAME and not self.short and self.score >= thresholds.auto_link


def similarity(a: str, b: str) -> float:
    """Text similarity of two normalised texts, 0-100.

    token_sort_ratio is order-insensitive but punishes extra words; token_set_ratio forgives extra
    words but scores 100 for any subset; the mean keeps word-order freedom without letting a
    short claim that is a subset of a long one look identical (see benchmarks/matching_pairs.py).
    """
    return 0.5 * fuzz.token_sort_ratio(a, b) + 0.5 * fuzz.token_set_ratio(a, b)


def compare(a: Prepared, b: Prepared, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Comparison:
    """Score, kind, named conflicts and features for one pair; symmetric in ``a`` and ``b``."""
    score = similarity(a.norm, b.norm)
    conflicts = find_conflicts(a, b)
    return classify(score, conflicts, a, b, thresholds)


def classify(
    score: float,
    conflicts: list[str],
    a: Prepared,
    b: Prepared,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Comparison:
    if score >= thresholds.same:
        kind = Kind.VARIANT if conflicts else Kind.SAME
    elif score >= thresholds.related:
        kind = Kind.RELATED
    else:
        kind = Kind.UNRELATED
    features: dict[str, object] = {
        "similarity": round(score, 1),
        "conflicts": list(conflicts),
        "shared_figures": sorted({f[0] for f in a.figures} & {f[0] for f in b.figures}),
        "shared_places": sorted({p[0] for p in a.places} & {p[0] for p in b.places}),
    }
    short = min(a.n_words, b.n_words) < MIN_AUTO_WORDS
    return Comparison(round(score, 2), kind, tuple(conflicts), features, short)


def find_conflicts(a: Prepared, b: Prepared) -> list[str]:
    """Named conflicts, in a stable order so that compare(a, b) and compare(b, a) agree."""
    out: list[str] = []
    fig = figure_conflict(a.figures, b.figures)
    if fig:
        out.append(f"figure: {fig}")
    for kind in ("city", "country", "region"):
        diff = _set_conflict(
            {n for n, k in a.places if k == kind}, {n for n, k in b.places if k == kind}
        )
        if diff:
            out.append(f"{kind}: {diff}")
    date = date_conflict(a.dates, b.dates)
    if date:
        out.append(f"date: {date}")
    person = _set_conflict(set(a.persons), set(b.persons))
    if person:
        out.append(f"person: {person}")
    pol = polarity_conflict(a.polarity, b.polarity) or polarity_conflict(b.polarity, a.polarity)
    if pol:
        out.append(f"polarity: {pol}")
    return out


def _set_conflict(a: set[str], b: set[str]) -> str | None:
    """Each side names something the other does not: "Almaty" vs "Astana"."""
    only_a, only_b = sorted(a - b), sorted(b - a)
    if only_a and only_b:
        x, y = sorted([", ".join(only_a), ", ".join(only_b)])
        return f"{x} vs {y}"
    return None


def _comparable(x: FigureKey, y: FigureKey) -> bool:
    if x[2] and y[2]:
        return x[2] == y[2]
    unit_x, unit_y = x[1], y[1]
    if unit_x and unit_y and unit_x != "people" and unit_y != "people":
        return unit_x == unit_y
    return not (x[2] or y[2]) or unit_x == unit_y


def _equal(x: FigureKey, y: FigureKey) -> bool:
    vague = {"about", "almost"}
    if x[3] in vague or y[3] in vague:  # "rund 2.000" agrees with "2.050", not with "2.700"
        return abs(x[0] - y[0]) <= 0.05 * max(abs(x[0]), abs(y[0]))
    return abs(x[0] - y[0]) <= 1e-9 * max(abs(x[0]), abs(y[0]), 1.0)


_OPPOSITE_QUALIFIERS = {
    frozenset({"more_than", "less_than"}),
    frozenset({"more_than", "at_most"}),
    frozenset({"at_least", "less_than"}),
    frozenset({"at_least", "at_most"}),
}


def figure_conflict(fa: tuple[FigureKey, ...], fb: tuple[FigureKey, ...]) -> str | None:
    """The number guard: a figure on one side whose comparable figures on the other all differ."""
    if not fa or not fb:
        return None
    found: list[str] = []
    for side, other in ((fa, fb), (fb, fa)):
        for x in side:
            ys = [y for y in other if _comparable(x, y)]
            if ys and not any(_equal(x, y) for y in ys):
                found.extend(" vs ".join(sorted([_fmt(x), _fmt(y)])) for y in ys)
            found.extend(
                " vs ".join(sorted([_fmt(x), _fmt(y)]))
                for y in ys
                if _equal(x, y) and frozenset({x[3], y[3]}) in _OPPOSITE_QUALIFIERS
            )
    return min(found) if found else None  # min: the name must not depend on argument order


def _fmt(f: FigureKey) -> str:
    value = f"{f[0]:,.6g}"
    parts = [p for p in (f[3] and f[3].replace("_", " "), value, f[1], f[2]) if p]
    return " ".join(parts)


def date_conflict(da: tuple[str, ...], db: tuple[str, ...]) -> str | None:
    """Years that differ on both sides, or day-month dates that differ on both sides."""
    years_a = {d[:4] for d in da if d[:1].isdigit()}
    years_b = {d[:4] for d in db if d[:1].isdigit()}
    days_a = {d[-5:] for d in da if len(d) >= 7 and d[-3] == "-" and d[-6] == "-"}
    days_b = {d[-5:] for d in db if len(d) >= 7 and d[-3] == "-" and d[-6] == "-"}
    return _set_conflict(years_a, years_b) or _set_conflict(days_a, days_b)
