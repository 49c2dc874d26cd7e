"""Check-worthiness: a 0–1 score per sentence with the signals that produced it.

Fact-checkers need to see *why* a sentence was proposed, so the score is a transparent
sum of weighted signals rather than a model: checkable content (figures, comparisons,
legal and causal assertions, named people, organisations and places, attribution,
quotes, schedules, corrections, events, denials) raises it; questions, hedges,
predictions, opinions, wishes and appeals lower it.

Reasons are data: a code, a weight and the words that triggered them. The desk translates
the code; nothing ever parses a reason's text back.
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
    r"lässt keine", r"lasse keine", r"erlaubt\w*", r"verbietet", r"gesperrt", r"verurteilt\w*",
    r"angeklagt\w*", r"schuldig\w*", r"gesetz\w*", r"verfassung\w*", r"charta", r"nichtig",
    r"guilty", r"jailed", r"sentenced", r"charged with", r"ruled", r"charter", r"law",
    r"ermittlungsverfahren", r"im falle", r"only in the event",
)  # fmt: skip
CAUSAL = _cue(
    r"führte zu", r"führt zu", r"führen zu", r"führten zu", r"verursacht\w*", r"wegen",
    r"aufgrund", r"infolge", r"sorgte für", r"sorgt für", r"ist schuld", r"schuld an",
    r"zurückzuführen", r"weil", r"zu\s(?:[\w-]+\s){1,8}?(?:geführt|führte|führten|führt)",
    r"led to", r"leads to", r"caused?", r"causes", r"because(?: of)?",
    r"due to", r"as a result", r"resulted in", r"results in", r"blamed", r"responsible for",
    # a cause named: "Als Grund nannte Klein die schwache Nachfrage", "the reason for the cuts"
    r"als grund", r"als ursache", r"grund dafür", r"ursache dafür", r"reason for", r"the cause of",
)  # fmt: skip
COMPARATIVE = _cue(
    r"mehr als", r"weniger als", r"über(?= \d)", r"unter(?= \d)", r"höher als", r"niedriger als",
    r"größer als", r"kleiner als", r"doppelt so", r"halb so", r"stärker als", r"verdoppelt\w*",
    r"verdopplung",
    r"verdreifacht\w*", r"gestiegen", r"gesunken", r"stieg", r"sank", r"prozent", r"anstieg",
    r"rückgang", r"more than", r"fewer than", r"less than", r"higher than", r"lower than",
    r"twice as", r"half as", r"doubled", r"tripled", r"rose", r"fell", r"increased",
    r"decreased", r"per ?cent", r"compared (?:with|to)",
    # a trend told in the present or reported speech: "der Schwarzmarkt wachse"
    r"wächst", r"wachse", r"steigt", r"steige", r"sinkt", r"sinke", r"grows", r"growing",
    r"rising", r"declin(?:ed|es|ing)",
)  # fmt: skip
SUPERLATIVE = _cue(
    r"rekord\w*", r"höchste[nmrs]?", r"niedrigste[nmrs]?", r"größte[nmrs]?", r"meisten",
    r"erstmals", r"noch nie", r"record", r"highest", r"lowest", r"largest", r"biggest",
    r"first time", r"never before", r"all-time",
)  # fmt: skip
HEDGE = _cue(
    r"vielleicht", r"möglicherweise", r"vermutlich", r"wahrscheinlich", r"offenbar",
    r"eventuell", r"könnte", r"könnten", r"scheint", r"wohl",
    r"might", r"(?-i:may)", r"could", r"perhaps", r"possibly", r"probably", r"apparently",
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
SCHEDULE = _cue(
    r"bis zum", r"bis mindestens", r"ab dem", r"frist\w*", r"stichtag", r"deadline",
    r"soll(?:en)? (?:\w+ ){0,6}?(?:beginnen|fahren|öffnen|stattfinden|starten|enden|gelten)",
    r"entscheidet am", r"entscheiden am", r"until(?: at least)?", r"by the end of",
    r"would (?:open|remain|begin|close)", r"will (?:open|remain|begin|close)", r"from (?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)",
)  # fmt: skip
CORRECTION = _cue(
    r"korrigiert\w*", r"korrektur", r"zunächst gemeldet\w*", r"statt der zunächst",
    r"falsch veröffentlicht", r"doppelzählung", r"in error", r"corrected", r"revised",
    r"reverses?d?", r"retract\w*", r"had earlier given", r"zurückgezogen",
)  # fmt: skip
EVENT = _cue(
    r"rief\s.{0,60}?aus", r"ausnahmezustand", r"rücktritt", r"gestoppt", r"stoppte",
    r"festgenommen", r"getötet", r"verletzt", r"gestorben", r"ausgebrochen", r"eingeleitet",
    r"verhängt\w*", r"declared", r"resigned", r"arrested", r"killed", r"died", r"detained",
    r"evacuated", r"deployed", r"cancelled", r"jailed", r"found guilty",
    r"eingestürzt", r"gebrochen", r"evakuiert", r"ums leben", r"collapsed",
    r"recall(?:s|ed|ing)",
)  # fmt: skip
# What someone in office ordered, decreed, signed or banned: checkable even with no figure
# ("Tokajew hatte den Befehl gegeben, ohne Vorwarnung zu schießen").
DECISION = _cue(
    r"befahl\w*", r"befohlen", r"(?:schieß)?befehl\w* (?:\w+ ){0,3}?(?:gegeben|erteilt)",
    r"schießbefehl", r"ordnete\s.{0,60}?an", r"angeordnet", r"verfügt(?:e|en)?", r"erließ",
    r"unterzeichnete\w*", r"unterschrieb\w*", r"verbot", r"ordered", r"decreed",
    r"signed", r"banned", r"authori[sz]ed", r"gave the order", r"issued an order",
    # a stance taken on a proposal: "Lauterbach lehnte eine Ausweitung der Impfpflicht ab"
    r"lehnte\s.{0,60}?ab", r"lehnt\s.{0,60}?ab", r"rejected", r"refused",
)  # fmt: skip
DENIAL = _cue(
    r"kein(?:e|en|er|em)?", r"nicht", r"nie", r"niemals", r"bestreitet", r"bestritt",
    r"schließt\s.{0,40}?aus", r"wies\s.{0,40}?zurück", r"no", r"not", r"never", r"denied",
    r"disputed", r"there is no", r"no such",
)  # fmt: skip
APPEAL = _cue(
    r"zeugen werden gebeten", r"hinweise nimmt", r"rückfragen", r"melden sie sich",
    r"anyone with information", r"contact (?:us|police) on", r"tips\?",
)  # fmt: skip
QUOTE = re.compile(r"[„“”\"«»]")
_GERMAN_FUTURE = re.compile(r"\b(?:wird|werden)\b[^.!?]*\b\w+en[.!]?[“\"»]?$", _FLAGS)
_INNER_QUESTION = re.compile(r"\?[“”\"»«’]*,?\s")

# Words of one language's lists that mean something else in the other ("death toll").
_FALSE_FRIENDS = {"en": frozenset({"toll", "will", "plant"}), "de": frozenset({"may", "fell"})}

# (pattern, weight, code)
_SIGNALS: tuple[tuple[re.Pattern[str], float, str], ...] = (
    (LEGAL, 0.20, "legal"),
    (CAUSAL, 0.15, "causal"),
    (COMPARATIVE, 0.15, "comparison"),
    (SUPERLATIVE, 0.10, "superlative"),
    (CORRECTION, 0.20, "correction"),
    (EVENT, 0.10, "event"),
    (DECISION, 0.15, "decision"),
    (DENIAL, 0.05, "denial"),
    (HEDGE, -0.15, "hedge"),
    (OPINION, -0.20, "opinion"),
    (WISH, -0.20, "wish"),
    (APPEAL, -0.40, "appeal"),
)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a sentence scored as it did: a code the desk translates, and its evidence."""

    code: str
    weight: float
    values: tuple[str, ...] = ()

    @property
    def lowers(self) -> bool:
        return self.weight < 0

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "weight": self.weight, "values": list(self.values)}

    def __str__(self) -> str:
        """English text for the CLI and logs; the web translates `code` instead."""
        text = LABELS.get(self.code, self.code)
        text += f": {', '.join(self.values)}" if self.values else ""
        return text + (" (lowers score)" if self.lowers else "")


# English labels for the CLI; the desk has its own translated table keyed by code.
LABELS = {
    "figure": "figure", "legal": "legal assertion", "causal": "causal assertion",
    "comparison": "comparison or change", "superlative": "superlative or record",
    "correction": "correction or retraction", "event": "event",
    "decision": "order or decision", "denial": "denial or negation",
    "schedule": "schedule or deadline", "hedge": "hedged", "prediction": "prediction",
    "opinion": "opinion", "wish": "wish", "appeal": "appeal or notice", "place": "place",
    "named": "named", "person": "attributed to person", "organisation":
    "attributed to organisation", "unnamed": "attributed to unnamed source",
    "quote": "quoted speech", "date": "date", "headline": "headline",
    "credits_previous": "only credits the previous sentence", "question": "question",
    "participants": "list of participants",
    "very_short": "very short", "very_long": "very long",
}  # fmt: skip


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


def score_sentence(text: str, language: str, evidence: Evidence) -> tuple[float, list[Reason]]:
    """Score one sentence 0–1 and return the reasons, strongest first."""
    parts: list[Reason] = []
    if evidence.figures:
        weight = 0.30 + 0.05 * min(len(evidence.figures) - 1, 2)
        parts.append(Reason("figure", weight, _unique(evidence.figures)))
    foreign = _FALSE_FRIENDS.get(language, frozenset())
    for pattern, weight, code in _SIGNALS:
        match = next((m for m in pattern.finditer(text) if m.group(0).lower() not in foreign), None)
        if match:
            parts.append(Reason(code, weight, (match.group(0),)))
    parts.extend(_time(text, language, evidence))
    if evidence.places:
        parts.append(Reason("place", 0.10, _unique(evidence.places)))
    if evidence.names:
        parts.append(Reason("named", 0.05, _unique(evidence.names)))
    if len(set(evidence.places) | set(evidence.names)) >= 3:  # "Russland, Belarus und Armenien …"
        parts.append(Reason("participants", 0.10, _unique(evidence.places + evidence.names)))
    if evidence.claimant and evidence.claimant_kind in ("person", "organisation"):
        weight = 0.15 if evidence.claimant_kind == "organisation" else 0.12
        parts.append(Reason(evidence.claimant_kind, weight, (evidence.claimant,)))
    elif evidence.claimant_kind == "unnamed" and evidence.cue:
        parts.append(Reason("unnamed", 0.05, (evidence.claimant or evidence.cue,)))
    if QUOTE.search(text):
        parts.append(Reason("quote", 0.05))
    if evidence.headline:
        parts.append(Reason("headline", 0.05))
    if evidence.credits_previous:
        parts.append(Reason("credits_previous", -0.25))
    parts.extend(_shape(text, evidence.headline))
    score = max(0.0, min(1.0, BASE + sum(r.weight for r in parts)))
    parts.sort(key=lambda r: -abs(r.weight))
    return round(score, 3), parts


def _time(text: str, language: str, evidence: Evidence) -> list[Reason]:
    """Schedules and dated events score; predictions without a date lower the score."""
    found: list[Reason] = []
    schedule = SCHEDULE.search(text)
    if schedule:
        found.append(Reason("schedule", 0.15, (schedule.group(0),)))
    if evidence.dates:
        found.append(Reason("date", 0.10, _unique(evidence.dates)))
    if schedule:
        return found
    foreign = _FALSE_FRIENDS.get(language, frozenset())
    prediction = next(
        (m for m in PREDICTION.finditer(text) if m.group(0).lower() not in foreign - {"will"}), None
    )
    if prediction:
        found.append(Reason("prediction", -0.15, (prediction.group(0),)))
    elif language == "de" and _GERMAN_FUTURE.search(text.strip()):
        found.append(Reason("prediction", -0.15, ("future tense",)))
    return found


def _shape(text: str, headline: bool) -> list[Reason]:
    words = len(text.split())
    found: list[Reason] = []
    if text.rstrip(' “”"»«').endswith("?") or _INNER_QUESTION.search(text):
        found.append(Reason("question", -0.35))
    if words < 5 and not headline:
        found.append(Reason("very_short", -0.20))
    elif words > 60:
        found.append(Reason("very_long", -0.05))
    return found


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
