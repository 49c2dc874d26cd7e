"""Compare two prepared claims: a similarity score, the conflicts between them, and a kind.

Similarity alone cannot tell "2,000 arrested" from "2,700 arrested" (one token apart), so the
kind rests on the compared facts: any conflict in figures, places, dates, persons or polarity
makes a highly similar pair a *variant*, never *same*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from claimtrack.matching.embedding import semantic_score
from claimtrack.matching.prepare import FigureKey, Prepared
from claimtrack.text._numlex import CANONICAL_COUNTED
from claimtrack.text.places import country_of
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

    same: float = 80.0
    related: float = 55.0
    suggest: float = 65.0
    auto_link: float = 90.0


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


def compare(
    a: Prepared,
    b: Prepared,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    cosine: float | None = None,
    model: str | None = None,
) -> Comparison:
    """Score, kind, named conflicts and features for one pair; symmetric in ``a`` and ``b``.

    ``cosine``: the pair's embedding cosine under model ``model`` (default: the configured
    embedder), when both vectors are known; without it the decision rests on the words alone.
    """
    score = similarity(a.norm, b.norm)
    conflicts = find_conflicts(a, b)
    return classify(score, conflicts, a, b, thresholds, cosine=cosine, model=model)


def classify(
    similarity_score: float,
    conflicts: list[str],
    a: Prepared,
    b: Prepared,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    cosine: float | None = None,
    model: str | None = None,
) -> Comparison:
    """Kind and score of a pair from its text similarity, its conflicts and its shared facts.

    Without conflicts, each fact both claims state (a figure, place, date or person; up to
    three) adds FACT_BONUS: two paraphrases that agree on who, how many, where and when are
    the same claim even when their wording differs. With a conflict the raw similarity decides
    between *variant* and *related*.
    """
    shared = shared_facts(a, b)
    score = similarity_score
    semantic = None
    if cosine is not None:
        semantic = semantic_score(cosine, model)
        score = SEMANTIC_WEIGHT * semantic + (1.0 - SEMANTIC_WEIGHT) * similarity_score
    if not conflicts:
        score = min(100.0, score + FACT_BONUS * min(len(shared), MAX_BONUS_FACTS))
    if score >= thresholds.same:
        kind = Kind.VARIANT if conflicts else Kind.SAME
    elif score >= thresholds.related:
        kind = Kind.RELATED
    else:
        kind = Kind.UNRELATED
    features: dict[str, object] = {
        "similarity": round(similarity_score, 1),
        "semantic": None if semantic is None else round(semantic, 1),
        "conflicts": list(conflicts),
        "shared_facts": shared,
    }
    short = min(a.n_words, b.n_words) < MIN_AUTO_WORDS
    return Comparison(round(score, 2), kind, tuple(conflicts), features, short)


SEMANTIC_WEIGHT = 0.65
FACT_BONUS = 5.0
MAX_BONUS_FACTS = 3


def shared_facts(a: Prepared, b: Prepared) -> list[str]:
    """Facts both claims state, named ("figure 2000", "place Almaty", "date 2022", ...)."""
    out = [f"figure {v:g}" for v in sorted({f[0] for f in a.figures} & {f[0] for f in b.figures})]
    out += [f"place {n}" for n in sorted({p[0] for p in a.places} & {p[0] for p in b.places})]
    out += [f"date {d}" for d in sorted(set(a.dates) & set(b.dates))]
    out += [f"person {p}" for p in sorted(set(a.persons) & set(b.persons))]
    return out


def find_conflicts(a: Prepared, b: Prepared) -> list[str]:
    """Named conflicts, in a stable order so that compare(a, b) and compare(b, a) agree."""
    out: list[str] = []
    fig = figure_conflict(a.figures, b.figures)
    if fig:
        out.append(f"figure: {fig}")
    place = place_conflict(a.places, b.places)
    if place:
        out.append(f"place: {place}")
    date = date_conflict(a.dates, b.dates)
    if date:
        out.append(f"date: {date}")
    person = person_conflict(a.persons, b.persons)
    if person:
        out.append(f"person: {person}")
    pol = polarity_conflict(a.polarity, b.polarity)
    if pol:
        out.append(f"polarity: {pol}")
    return out


def place_conflict(pa: tuple[tuple[str, str], ...], pb: tuple[tuple[str, str], ...]) -> str | None:
    """Each side names a place the other does not cover: "Almaty" vs "Astana", "Almaty" vs
    "Uzbekistan"; "Almaty" and "Kazakhstan" agree (the city lies in the country) unless the
    other side names another city."""

    def uncovered(mine: tuple[tuple[str, str], ...], theirs: tuple[tuple[str, str], ...]):
        names = {n for n, _ in theirs}
        out = []
        for name, kind in mine:
            if name in names:
                continue
            if kind == "country":
                if any(country_of(n) == name for n in names):
                    continue
            elif country_of(name) in names and not any(k == kind for _, k in theirs):
                continue
            out.append(name)
        return sorted(out)

    only_a, only_b = uncovered(pa, pb), uncovered(pb, pa)
    if only_a and only_b:
        x, y = sorted([", ".join(only_a), ", ".join(only_b)])
        return f"{x} vs {y}"
    return None


def person_conflict(pa: tuple[str, ...], pb: tuple[str, ...]) -> str | None:
    """Each side names a person the other does not: same surname with no first name (or the
    same first name) counts as the same person ("Merkel" = "Angela Merkel")."""

    def same(x: str, y: str) -> bool:
        fx, _, sx = x.rpartition(" ")
        fy, _, sy = y.rpartition(" ")
        return sx == sy and (not fx or not fy or fx == fy)

    only_a = sorted(x for x in pa if not any(same(x, y) for y in pb))
    only_b = sorted(y for y in pb if not any(same(x, y) for x in pa))
    if only_a and only_b:
        x, y = sorted([", ".join(only_a), ", ".join(only_b)])
        return f"{x} vs {y}"
    return None


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
        tolerance = max(_rounding(v[0]) for v in (x, y) if v[3] in vague)
        return abs(x[0] - y[0]) <= min(tolerance, 0.05 * max(abs(x[0]), abs(y[0])))
    return abs(x[0] - y[0]) <= 1e-9 * max(abs(x[0]), abs(y[0]), 1.0)


def _rounding(value: float) -> float:
    """How far a vague figure may be off: a tenth of its rounding step ("about 2,000": 100)."""
    if value != int(value) or value == 0:
        return 0.0
    n, step = int(abs(value)), 1
    while n % (step * 10) == 0:
        step *= 10
    return step / 10 if step >= 10 else 0.0


_OPPOSITE_QUALIFIERS = {
    frozenset({"more_than", "less_than"}),
    frozenset({"more_than", "at_most"}),
    frozenset({"at_least", "less_than"}),
    frozenset({"at_least", "at_most"}),
}


def _counted(figure: FigureKey) -> str | None:
    """What a figure counts, when it is a canonical (language-independent) name."""
    return figure[2] if figure[2] in CANONICAL_COUNTED else None


def figure_conflict(fa: tuple[FigureKey, ...], fb: tuple[FigureKey, ...]) -> str | None:
    """The number guard: a figure on one side whose comparable figures on the other all differ,
    or the same number counting different things ("2,000 arrested" vs "2,000 killed")."""
    if not fa or not fb:
        return None
    found: list[tuple[FigureKey, FigureKey]] = []
    for side, other in ((fa, fb), (fb, fa)):
        for x in side:
            ys = [y for y in other if _comparable(x, y)]
            if ys and not any(_equal(x, y) for y in ys):
                found.extend((x, y) for y in ys)
            found.extend(
                (x, y)
                for y in ys
                if _equal(x, y) and frozenset({x[3], y[3]}) in _OPPOSITE_QUALIFIERS
            )
            found.extend(
                (x, y)
                for y in other
                if _counted(x) and _counted(y) and x[2] != y[2] and _equal(x, y)
            )
    counted_a = {c for x in fa if (c := _counted(x))}
    counted_b = {c for y in fb if (c := _counted(y))}
    if not found and counted_a and counted_b and not counted_a & counted_b:
        return " vs ".join(sorted([", ".join(sorted(counted_a)), ", ".join(sorted(counted_b))]))
    if not found:
        return None
    # The smallest pair names the conflict, so compare(a, b) and compare(b, a) agree.
    x, y = min(((min(x, y, key=repr), max(x, y, key=repr)) for x, y in found), key=repr)
    return f"{_fmt(x)} vs {_fmt(y)}"


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
