"""Compare two prepared claims: one score, a kind, and the facts that decided it.

The score (0-100) is the one a person sees for the pair wherever it appears (intake, workbench,
search, CLI, API): the sentence embedding's similarity mixed with the word similarity, plus the
facts both claims state. The kind:

- *variant*: the claims read alike but contradict each other on a figure, place, date, person or
  polarity ("225 dead" vs "164 dead"). Embeddings cannot see this, so a conflict always wins:
  a variant is never *same*, however similar the sentences.
- *same*: no conflict, and the score reaches ``Thresholds.same``. Long news sentences from two
  outlets wrap one fact in different attributions and background clauses; the figure, what
  happened to whom, where and when agreeing is what lifts them to *same* (``evidence``).
- *related* / *unrelated*: below.

``Comparison.reasons`` names the deciding features as data (a code and its parameters, see
``reasons``) for the desk to show in its own language; ``conflicts`` keeps the English
"aspect: detail" strings (one per conflicting aspect) for logs, the CLI and calibration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz

from claimtrack.matching import reasons as conflict_reasons
from claimtrack.matching.embedding import semantic_score
from claimtrack.matching.evidence import Evidence, gather
from claimtrack.matching.figures import FigureKey, check_figures, fig, figure_conflict
from claimtrack.matching.prepare import Prepared
from claimtrack.text.places import adjective_countries, country_of

__all__ = ["Comparison", "Kind", "Thresholds", "classify", "compare", "figure_conflict"]

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

    @property
    def reasons(self) -> list[dict[str, Any]]:
        """The deciding features: ``{"code": ..., **parameters}``, most important first."""
        return list(self.features.get("reasons") or [])  # type: ignore[call-overload]


def similarity(a: str, b: str) -> float:
    """Word similarity of two normalised texts, 0-100.

    token_sort_ratio is order-insensitive but punishes extra words; token_set_ratio forgives extra
    words but scores 100 for any subset; the mean keeps word-order freedom without letting a
    short claim that is a subset of a long one look identical (see benchmarks/matching_pairs.py).
    """
    return similarity_of(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b))


def similarity_of(sort_ratio: float, set_ratio: float) -> float:
    """``similarity`` from the two ratios, for a caller that has them (retrieval ranks with them)."""
    return 0.5 * sort_ratio + 0.5 * set_ratio


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


# How the pair score is made (chosen on benchmarks/data/matching_pairs.jsonl, see README).
SEMANTIC_WEIGHT = 0.75  # share of the embedding in the pair's similarity (same language)
CROSS_SEMANTIC_WEIGHT = 1.0  # across languages word overlap says little
FIGURE_BONUS = 10.0  # per agreeing figure that says what it counts (two at most)
VALUE_BONUS = 5.0  # per figure of the same value, what it counts named in other words (two at most)
FACT_BONUS = {"place": 3.0, "date": 4.0, "person": 4.0, "stance": 6.0, "entity": 4.0}
MAX_BONUS = 25.0
UNMATCHED_PENALTY = 8.0  # a figure only one claim states, when no figure agrees
EXTRA_FIGURE_PENALTY = 2.0  # ... when another figure agrees ("225 Tote, darunter 19 Polizisten")
FACTS_MIN_SEMANTIC = 40.0  # "the facts agree" path: see _facts_agree
MEASURED_MIN_SEMANTIC = 58.0  # ... when the figure says what it measures, not what happened
HAPPENING_MIN_SEMANTIC = 50.0  # "what happened to whom agrees" path: see _happening_agrees
WORDS_ONLY_BONUS = 5.0  # without embeddings: per shared fact, as before embeddings


def classify(
    similarity_score: float,
    conflicts: list[str],
    a: Prepared,
    b: Prepared,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    cosine: float | None = None,
    model: str | None = None,
    found: list[tuple[str, list[dict[str, Any]]]] | None = None,
) -> Comparison:
    """Kind and score of a pair from its word similarity, embedding cosine, conflicts and facts.

    ``found``: ``reasons.conflicts(a, b)`` when the caller computed it to get ``conflicts``
    (retrieval does, for each detailed candidate): it is then not computed a second time.
    """
    ev = gather(a, b)
    cross = a.language != b.language
    semantic = None if cosine is None else semantic_score(cosine, model, cross)
    base = _base(similarity_score, semantic, cross)
    score = base
    if not conflicts:
        score += _bonus(ev, semantic is not None)
    score = max(0.0, min(100.0, score))
    if not conflicts and (_facts_agree(ev, semantic) or _happening_agrees(ev, semantic)):
        score = max(score, thresholds.same)
    if conflicts and _another_happening(a, b):
        score = min(score, thresholds.same - 0.01)
        kind = _below(score, thresholds)
    elif conflicts:
        kind = Kind.VARIANT if base >= thresholds.same - 10 else _below(base, thresholds)
    elif score >= thresholds.same and not _blocked(ev):
        kind = Kind.SAME
    else:
        kind = _below(min(score, thresholds.same - 0.01), thresholds)
        score = min(score, thresholds.same - 0.01)
    features: dict[str, object] = {
        "similarity": round(similarity_score, 1),
        "semantic": None if semantic is None else round(semantic, 1),
        "conflicts": list(conflicts),
        "shared_facts": ev.names(),
        "reasons": _reasons(_conflict_data(conflicts, a, b, found), ev, similarity_score, semantic),
    }
    short = min(a.n_words, b.n_words) < MIN_AUTO_WORDS
    return Comparison(round(score, 2), kind, tuple(conflicts), features, short)


def _base(words: float, semantic: float | None, cross_language: bool) -> float:
    if semantic is None:
        return words
    w = CROSS_SEMANTIC_WEIGHT if cross_language else SEMANTIC_WEIGHT
    return w * semantic + (1.0 - w) * words


def _bonus(ev: Evidence, with_embedding: bool) -> float:
    """Agreeing facts add, a figure that only one claim states subtracts."""
    if not with_embedding:
        return WORDS_ONLY_BONUS * min(ev.count, 3)
    bonus = FIGURE_BONUS * min(ev.counted_figures, 2) + VALUE_BONUS * min(len(ev.values), 2)
    bonus += FACT_BONUS["place"] * len(ev.places) + FACT_BONUS["date"] * len(ev.dates)
    bonus += FACT_BONUS["person"] * len(ev.persons) + FACT_BONUS["stance"] * len(ev.stances)
    bonus += FACT_BONUS["entity"] * len(ev.entities)
    per = EXTRA_FIGURE_PENALTY if ev.counted_figures or ev.values else UNMATCHED_PENALTY
    extra = EXTRA_FIGURE_PENALTY * min(ev.extra_figures, 2)
    return min(bonus, MAX_BONUS) - per * min(ev.unmatched_figures, 2) - extra


def _blocked(ev: Evidence) -> bool:
    """A claim that states a figure the other does not, with no figure agreeing, is another claim
    ("225 died in the unrest" vs "the unrest began over fuel prices"); so is one that states as
    the value now what the other states as the value before a change (``Evidence.former_clash``)."""
    return (ev.unmatched_figures > 0 and not ev.figures and not ev.values) or ev.former_clash


def _facts_agree(ev: Evidence, semantic: float | None) -> bool:
    """Different outlets, one fact: every figure on both sides matched, at least one agreeing on
    what it counts (the event or the subject), no conflict, and the sentences on one topic.
    "Kazakh authorities said nearly 8,000 people had been arrested" = "According to the interior
    ministry, 7,939 people were detained during the January riots".

    A figure that says what it measures (a unit: "19,2 Milliarden Euro", "0,3 Prozent"; or what
    it counts: "8.000 Stellen") is the claim's fact too when the outlets name what happened in
    words no event class shares ("Verlust" = "Minus", "geschrumpft" = "um 0,3 Prozent unter dem
    Niveau des Vorjahres", "Stellen streichen" = "Arbeitsplätze fallen weg"): then the sentences
    must be closer (``MEASURED_MIN_SEMANTIC``), as a figure alone says less than what happened.
    So is a figure precise enough to be one statistic's (``Evidence.precise_figure``), however
    each counts it;
    neither when a claim repeats the figure in a background phrase (``background_figure``)."""
    if semantic is None or ev.unmatched_figures != 0:
        return False
    if semantic >= FACTS_MIN_SEMANTIC and (ev.figure_event or _counted_happening(ev)):
        return True
    if semantic < MEASURED_MIN_SEMANTIC or ev.background_figure:
        return False
    return ev.precise_figure or any(map(_measured, ev.figures))


def _measured(key: FigureKey) -> bool:
    """A figure that says what it measures: a unit, or a kind of thing any outlet counts by one
    name (jobs, seats, votes), not a noun as one claim writes it ("70 Schafe", which a related
    claim repeats in its background: "nachdem er mehr als 70 Schafe gerissen hatte") nor
    people, whom every happening counts."""
    f = fig(key)
    if f.unit is not None:
        return True
    return f.subject is not None and f.subject != "people" and not f.subject.startswith("~")


def _counted_happening(ev: Evidence) -> bool:
    """A figure both claims state and a happening both name: what the figure counts is what
    happened, told in other words ("zwölf Verdächtige festgenommen" = "zwölf mutmaßliche
    Betrüger in Untersuchungshaft"; "407 lawmakers" = "407 votes" for a law legalising ...)."""
    return bool(ev.figures or ev.values) and bool(set(ev.happenings) - {"react"})


def _happening_agrees(ev: Evidence, semantic: float | None) -> bool:
    """Different outlets, one happening to one named actor, no figure: the same thing happened
    (``events``: arrested = detained, ordered to shoot = gave the order to open fire) to the same
    named person or organisation (the one named nearest to the happening in both claims: "Sunak
    took over after Truss's resignation" is not Sunak's resignation), no figure only one claim
    states, no conflict, the sentences on
    one topic. "Former intelligence chief Karim Masimov has been arrested on suspicion of high
    treason" = "the committee said its former head Masimov was detained". A country or a city
    both name is the topic, not the actor, and does not count, unless both read it in the same
    role of the same relation ("Poland accused Belarus" = "Belarus was accused by Poland")."""
    return (
        semantic is not None
        and semantic >= HAPPENING_MIN_SEMANTIC
        and ev.unmatched_figures == 0
        and bool(ev.deeds or ev.roles)
    )


def _another_happening(a: Prepared, b: Prepared) -> bool:
    """The figures count different happenings (evacuated vs arrested) in different countries:
    another story that happens to share a number ("8,000 evacuated after the Slovenian floods"
    vs "fast 8.000 in Kasachstan festgenommen"), related at most, not a variant of the claim."""
    pair = check_figures(a.figures, b.figures).conflict
    if pair is None:
        return False
    x, y = fig(pair[0]), fig(pair[1])
    if not (x.event and y.event and x.event != y.event):
        return False
    where_a, where_b = _where(a), _where(b)
    return bool(where_a and where_b and not where_a & where_b)


def _where(p: Prepared) -> frozenset[str]:
    """The places and countries a claim names, by name or by adjective ("Slovenian")."""
    out = {n for n, kind in p.places if kind != "sea"}
    out |= {c for c in map(country_of, out) if c}
    return frozenset(out) | adjective_countries(p.norm)


def _below(score: float, thresholds: Thresholds) -> Kind:
    return Kind.RELATED if score >= thresholds.related else Kind.UNRELATED


def _conflict_data(
    conflicts: list[str],
    a: Prepared,
    b: Prepared,
    found: list[tuple[str, list[dict[str, Any]]]] | None = None,
) -> list[dict[str, Any]]:
    """The conflicts as data (computed again, unless ``found`` has them, only for a pair with any)."""
    if not conflicts:
        return []
    data = [
        r for _, rs in (conflict_reasons.conflicts(a, b) if found is None else found) for r in rs
    ]
    return data or [r for c in conflicts for r in conflict_reasons.legacy_conflict(c)]


def _reasons(
    conflicts: list[dict[str, Any]], ev: Evidence, words: float, semantic: float | None
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = list(conflicts)
    out.extend(ev.reasons())
    if semantic is not None:
        out.append({"code": "semantic", "value": round(semantic, 1)})
    out.append({"code": "wording", "value": round(words, 1)})
    return out


def shared_facts(a: Prepared, b: Prepared) -> list[str]:
    """Facts both claims state, named ("figure 2000 arrests", "place Almaty", "date 2022", ...)."""
    return gather(a, b).names()


def find_conflicts(a: Prepared, b: Prepared) -> list[str]:
    """Named conflicts, in a stable order so that compare(a, b) and compare(b, a) agree."""
    return [text for text, _ in conflict_reasons.conflicts(a, b)]
