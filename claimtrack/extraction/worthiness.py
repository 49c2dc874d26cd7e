"""Check-worthiness: a 0–1 score per sentence with the signals that produced it.

Fact-checkers need to see *why* a sentence was proposed, so the score is a transparent
sum of weighted signals rather than a model: checkable content (figures, comparisons,
legal and causal assertions, named people, organisations and places, attribution,
quotes) raises it; questions, hedges, predictions, opinions and wishes lower it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BASE = 0.15
_FLAGS = re.I


def _cue(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", _FLAGS)


LEGAL = _cue(
    r"illegal(?:e[nmrs]?)?", r"rechtswidrig\w*", r"verfassungswidrig\w*", r"gesetzwidrig\w*",
    r"strafbar\w*", r"verboten\w*", r"verstößt gegen", r"verstoßen gegen", r"verstieß gegen",
    r"gegen das gesetz", r"unrechtmäßig\w*", r"völkerrecht\w*", r"kriegsverbrechen", r"straftat\w*",
    r"unlawful(?:ly)?", r"unconstitutional", r"violat(?:es|ed|ing)", r"breach(?:es|ed)?",
    r"banned", r"prohibited", r"against the law", r"war crimes?", r"illegally",
)  # fmt: skip
CAUSAL = _cue(
    r"führte zu", r"führt zu", r"führen zu", r"führten zu", r"verursacht\w*", r"wegen",
    r"aufgrund", r"infolge", r"sorgte für", r"sorgt für", r"ist schuld", r"schuld an",
    r"zurückzuführen", r"weil", r"zu\s(?:[\w-]+\s){1,8}?(?:geführt|führte|führten|führt)",
    r"led to", r"leads to", r"caused?", r"causes", r"because(?: of)?",
    r"due to", r"as a result", r"resulted in", r"results in", r"blamed", r"responsible for",
)  # fmt: skip
COMPARATIVE = _cue(
    r"mehr als", r"weniger als", r"über(?= \d)", r"unter(?= \d)", r"höher als", r"niedriger als",
    r"größer als", r"kleiner als", r"doppelt so", r"halb so", r"stärker als", r"verdoppelt\w*",
    r"verdopplung",
    r"verdreifacht\w*", r"gestiegen", r"gesunken", r"stieg", r"sank", r"prozent", r"anstieg",
    r"rückgang", r"more than", r"fewer than", r"less than", r"higher than", r"lower than",
    r"twice as", r"half as", r"doubled", r"tripled", r"rose", r"fell", r"increased",
    r"decreased", r"per ?cent", r"compared (?:with|to)",
)  # fmt: skip
SUPERLATIVE = _cue(
    r"rekord\w*", r"höchste[nmrs]?", r"niedrigste[nmrs]?", r"größte[nmrs]?", r"meisten",
    r"erstmals", r"noch nie", r"record", r"highest", r"lowest", r"largest", r"biggest",
    r"first time", r"never before", r"all-time",
)  # fmt: skip
HEDGE = _cue(
    r"vielleicht", r"möglicherweise", r"vermutlich", r"wahrscheinlich", r"offenbar",
    r"eventuell", r"könnte", r"könnten", r"dürfte", r"dürften", r"scheint", r"wohl",
    r"might", r"may", r"could", r"perhaps", r"possibly", r"probably", r"apparently",
    r"seems?", r"likely",
)  # fmt: skip
PREDICTION = _cue(
    r"wird voraussichtlich", r"werden voraussichtlich", r"künftig", r"in zukunft",
    r"prognostiziert\w*", r"rechnet mit", r"rechnen mit", r"erwartet\w*", r"plant", r"planen",
    r"will", r"going to", r"expected to", r"forecasts?", r"predicts?", r"plans to",
    r"next (?:year|week|month)", r"nächste[nms]? (?:jahr|woche|monat)",
)  # fmt: skip
OPINION = _cue(
    r"ich finde", r"ich glaube", r"meiner meinung", r"meines erachtens", r"wir finden",
    r"sollte", r"sollten", r"müsste", r"müssten", r"schrecklich", r"furchtbar", r"toll",
    r"großartig", r"skandalös", r"unverschämt", r"absurd", r"i think", r"i believe",
    r"in my (?:view|opinion)", r"i feel", r"should", r"ought to", r"terrible", r"wonderful",
    r"shameful", r"outrageous", r"disgrace\w*",
)  # fmt: skip
WISH = _cue(
    r"hoffe", r"hoffen", r"hofft", r"hoffentlich", r"wünsche\w*", r"wäre schön", r"möge",
    r"hope[sd]?", r"hopefully", r"wish(?:es)?", r"let'?s",
)  # fmt: skip
QUOTE = re.compile(r"[„“”\"«»]")
_GERMAN_FUTURE = re.compile(r"\b(?:wird|werden)\b[^.!?]*\b\w+en[.!]?[“\"»]?$", _FLAGS)

# (pattern, weight, label). Labels are shown to the desk: keep them plain.
_SIGNALS: tuple[tuple[re.Pattern[str], float, str], ...] = (
    (LEGAL, 0.20, "legal assertion"),
    (CAUSAL, 0.15, "causal assertion"),
    (COMPARATIVE, 0.15, "comparison or change"),
    (SUPERLATIVE, 0.10, "superlative or record"),
    (HEDGE, -0.15, "hedged"),
    (PREDICTION, -0.15, "prediction"),
    (OPINION, -0.20, "opinion"),
    (WISH, -0.20, "wish"),
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the other extractors found in the sentence, as plain strings."""

    figures: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # organisations and people named in the sentence
    dates: tuple[str, ...] = ()
    claimant: str | None = None
    claimant_kind: str | None = None
    cue: str | None = None
    headline: bool = False
    credits_previous: bool = False  # "Das teilte die Polizei mit."


def score_sentence(text: str, language: str, evidence: Evidence) -> tuple[float, list[str]]:
    """Score one sentence 0–1 and return the reasons, strongest first."""
    parts: list[tuple[float, str]] = []
    if evidence.figures:
        parts.append(
            (0.30 + 0.05 * min(len(evidence.figures) - 1, 2), _list("figure", evidence.figures))
        )
    for pattern, weight, label in _SIGNALS:
        match = pattern.search(text)
        if match:
            parts.append((weight, f"{label}: {match.group(0)}"))
    if language == "de" and not PREDICTION.search(text) and _GERMAN_FUTURE.search(text.strip()):
        parts.append((-0.15, "prediction: future tense"))
    if evidence.places:
        parts.append((0.10, _list("place", evidence.places)))
    if evidence.names:
        parts.append((0.05, _list("named", evidence.names)))
    if evidence.claimant and evidence.claimant_kind in ("person", "organisation"):
        parts.append((0.10, f"attributed to {evidence.claimant_kind}: {evidence.claimant}"))
    elif evidence.claimant_kind == "unnamed" and evidence.cue:
        parts.append((0.05, f"attributed to unnamed source: {evidence.claimant or evidence.cue}"))
    if QUOTE.search(text):
        parts.append((0.05, "quoted speech"))
    if evidence.dates:
        parts.append((0.05, _list("date", evidence.dates)))
    if evidence.headline:
        parts.append((0.05, "headline"))
    if evidence.credits_previous:
        parts.append((-0.25, "only credits the previous sentence"))
    parts.extend(_shape(text, evidence.headline))
    score = max(0.0, min(1.0, BASE + sum(weight for weight, _ in parts)))
    parts.sort(key=lambda p: -abs(p[0]))
    return round(score, 3), [label if w > 0 else f"{label} (lowers score)" for w, label in parts]


def _shape(text: str, headline: bool) -> list[tuple[float, str]]:
    words = len(text.split())
    found: list[tuple[float, str]] = []
    if text.rstrip(' “”"»«').endswith("?"):
        found.append((-0.35, "question"))
    if words < 6 and not headline:
        found.append((-0.20, "very short"))
    elif words > 60:
        found.append((-0.05, "very long"))
    return found


def _list(label: str, values: tuple[str, ...]) -> str:
    return f"{label}: " + ", ".join(dict.fromkeys(values))
