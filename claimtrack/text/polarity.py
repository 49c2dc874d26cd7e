"""Polarity of a claim: negation and opposite-meaning words ("legal"/"illegal", "closed"/"reopened").

Two otherwise similar claims with opposite polarity say opposite things, so matching must call
them variants, never duplicates. The rule counts flips between two claims: a differing negation,
each shared axis with opposite signs, each "un-"/"il-" antonym pair. An odd count is a conflict
("nicht illegal" vs "legal" flips twice and agrees).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.text.normalize import words as folded_words

NEGATIONS = frozenset(
    [
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keiner",
        "keinem",
        "keines",
        "nie",
        "niemals",
        "nichts",
        "niemand",
        "weder",
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "cannot",
    ]
)
_NOT_ONLY = frozenset({("nicht", "nur"), ("not", "only"), ("no", "longer")})
_CONTRACTION_HEADS = frozenset(
    [
        "didn",
        "don",
        "doesn",
        "isn",
        "wasn",
        "aren",
        "weren",
        "hasn",
        "haven",
        "hadn",
        "won",
        "can",
        "couldn",
        "shouldn",
        "wouldn",
        "mustn",
    ]
)

# folded word -> (axis, sign). Words, not prefixes: prefixes catch too much ("legalisiert").
AXES: dict[str, tuple[str, int]] = {}
_AXIS_WORDS: dict[str, tuple[str, str]] = {
    "legal": (
        "legal legitim legitimate rechtmaessig lawful constitutional verfassungsgemaess zulaessig",
        "illegal illegitim illegitimate unrechtmaessig unlawful unconstitutional "
        "verfassungswidrig rechtswidrig gesetzwidrig unzulaessig völkerrechtswidrig "
        "voelkerrechtswidrig",
    ),
    "open": (
        "geoeffnet oeffnet eroeffnet wiedereroeffnet reopened reopens reopen opened opens "
        "betrieb operating resumed",
        "geschlossen schliesst schloss closed closes shut stillgelegt suspended halted",
    ),
    "trend": (
        "gestiegen steigt stieg stiegen zugenommen erhoeht rose rises risen increased increases "
        "grew grown",
        "gesunken sinkt sank sanken gefallen abgenommen gesenkt fell falls fallen decreased "
        "decreases dropped declined",
    ),
    "truth": (
        "wahr richtig true correct bestaetigt confirmed confirms",
        "falsch unwahr false incorrect dementiert denied denies widerlegt debunked",
    ),
    "outcome": ("gewonnen gewinnt won wins", "verloren verliert lost loses"),
    "decision": (
        "zugestimmt genehmigt angenommen approved passed accepted",
        "abgelehnt rejected vetoed refused",
    ),
    "presence": (
        "stationiert entsandt deployed einmarschiert invaded eingetroffen arrived",
        "abgezogen withdrawn withdrew withdraws rueckzug withdrawal abzug",
    ),
    "permission": (
        "erlaubt allowed permitted zugelassen",
        "verboten banned prohibited untersagt forbidden",
    ),
    "violence": ("friedlich peaceful", "gewaltsam violent gewalttaetig"),
}
for _axis, (_pos, _neg) in _AXIS_WORDS.items():
    for _w in _pos.split():
        AXES[_w] = (_axis, 1)
    for _w in _neg.split():
        AXES[_w] = (_axis, -1)
_ANTONYM_PREFIXES = ("un", "il", "ir", "in", "im", "non", "dis")


@dataclass(frozen=True)
class Polarity:
    negated: bool
    stances: tuple[tuple[str, int, str], ...]  # (axis, sign, word)
    words: frozenset[str]


def polarity(text: str) -> Polarity:
    """Negation parity, axis stances and the folded words (for antonym-prefix checks)."""
    ws = folded_words(text)
    return polarity_of_words(ws)


def polarity_of_words(ws: list[str]) -> Polarity:
    negations = 0
    for i, w in enumerate(ws):
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if (
            w in NEGATIONS
            and (w, nxt) not in _NOT_ONLY
            or w == "t"
            and i > 0
            and ws[i - 1] in _CONTRACTION_HEADS
        ):
            negations += 1
    stances = tuple(sorted({(*AXES[w], w) for w in ws if w in AXES}))
    return Polarity(negations % 2 == 1, stances, frozenset(w for w in ws if len(w) > 4))


def polarity_conflict(a: Polarity, b: Polarity) -> str | None:
    """Why the two claims have opposite polarity, or None if they agree. Symmetric."""
    reasons: list[str] = []
    if a.negated != b.negated:
        reasons.append("negation")
    stance_a, stance_b = _stances(a), _stances(b)
    for axis in sorted(stance_a.keys() & stance_b.keys()):
        (sign_a, word_a), (sign_b, word_b) = stance_a[axis], stance_b[axis]
        if sign_a != sign_b:
            reasons.append(" vs ".join(sorted([f"'{word_a}'", f"'{word_b}'"])))
    only_a, only_b = a.words - b.words, b.words - a.words
    if only_a and only_b:
        pairs = _antonym_pairs_raw(only_a, only_b) + _antonym_pairs_raw(only_b, only_a)
        reasons.extend(" vs ".join(sorted([f"'{x}'", f"'{y}'"])) for x, y in pairs)
    reasons.sort()
    return "; ".join(reasons) if len(reasons) % 2 == 1 else None


def _stances(p: Polarity) -> dict[str, tuple[int, str]]:
    """One clear sign per axis; an axis with both signs ("legal und illegal") says nothing."""
    signs: dict[str, set[int]] = {}
    words: dict[str, str] = {}
    for axis, sign, word in p.stances:
        signs.setdefault(axis, set()).add(sign)
        words.setdefault(axis, word)
    return {axis: (next(iter(s)), words[axis]) for axis, s in signs.items() if len(s) == 1}


def _antonym_pairs_raw(only_a: frozenset[str], only_b: frozenset[str]) -> list[tuple[str, str]]:
    """Words only in ``a`` that are a prefixed antonym of a word only in ``b`` ("unwahr"/"wahr")."""
    out = []
    for w in only_a:
        if w in AXES:
            continue
        for prefix in _ANTONYM_PREFIXES:
            if w.startswith(prefix) and w[len(prefix) :] in only_b and len(w) - len(prefix) > 4:
                out.append((w, w[len(prefix) :]))
                break
    return out
