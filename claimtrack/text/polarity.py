"""Polarity of a claim: negation and opposite-meaning words ("legal"/"illegal", "closed"/"reopened").

Two otherwise similar claims with opposite polarity say opposite things, so matching must call
them variants, never duplicates. The rule counts flips between two claims: a differing negation,
each shared axis with opposite signs, each "un-"/"il-" antonym pair. An odd count is a conflict
("nicht illegal" vs "legal" flips twice and agrees). Whether anyone was hurt is an axis of its
own ("verletzt wurde niemand" vs "drei Menschen wurden verletzt"), so a report's "no one was
injured" is no denial of what it reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mypy_extensions import mypyc_attr

from claimtrack.text._numlex import MONTHS
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
# Verbs that deny by meaning: "verbietet eine Einmischung" says what "lässt keine Einmischung zu"
# says, so each counts as one negation in the parity, and two claims that both deny agree.
# "permitted"/"erlaubt" carry no negation, so "verbietet" vs "erlaubt" is a flip.
DENYING = frozenset(
    [
        "verbietet",
        "verbieten",
        "verbot",
        "verboten",
        "untersagt",
        "untersagen",
        "untersagte",
        "prohibits",
        "prohibit",
        "prohibited",
        "prohibiting",
        "forbids",
        "forbid",
        "forbidden",
        "forbade",
        "bans",
        "banned",
        "ban",
        "barred",
        "bars",
        "ausgeschlossen",
        # taking an order or decision back denies it: "hat den Schießbefehl zurückgenommen"
        "zurueckgenommen",
        "widerrufen",
        "widerrief",
        "revoked",
        "revokes",
        "rescinded",
        "rescinds",
    ]
)
_DENYING_PAIRS = frozenset(
    {("ruled", "out"), ("rules", "out"), ("rule", "out"), ("schliesst", "aus"),
     ("fallen", "gelassen"), ("fallen", "lassen"), ("liess", "fallen"),
     # declining or refusing to do it: "declined to declare a state of emergency"
     ("declined", "to"), ("declines", "to"), ("decline", "to"), ("refused", "to"),
     ("refuses", "to"), ("refuse", "to"), ("refusing", "to"), ("declining", "to")}
)  # fmt: skip
_NOT_ONLY = frozenset({("nicht", "nur"), ("not", "only"), ("no", "longer")})
# A bound, not a denial: "no earlier than February" (= frühestens), "no more than 500", "nicht
# mehr als 500", "nicht weniger als".
_BOUND_WORDS = frozenset(
    ["earlier", "later", "sooner", "more", "less", "fewer", "mehr", "weniger", "frueher",
     "spaeter"]
)  # fmt: skip
_THAN = frozenset(["than", "als"])
_VOTED = frozenset(["voted", "votes", "vote"])
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
        "legal legitim legitimate rechtmaessig lawful constitutional verfassungsgemaess zulaessig "
        "gueltig valid",
        "illegal illegitim illegitimate unrechtmaessig unlawful unconstitutional "
        "verfassungswidrig rechtswidrig gesetzwidrig unzulaessig völkerrechtswidrig "
        "voelkerrechtswidrig "
        # a ruling that voids a law, a budget or an election ("für nichtig erklärt", "declared
        # void", "annulled")
        "nichtig void invalid ungueltig annulled annuls annul annulliert annullierte",
    ),
    "open": (
        "geoeffnet oeffnet eroeffnet wiedereroeffnet reopened reopens reopen opened opens "
        "betrieb operating resumed",
        "geschlossen schliesst schloss closed closes shut stillgelegt suspended halted",
    ),
    "trend": (
        "gestiegen steigt stieg stiegen zugenommen erhoeht erhoehte erhoehten angehoben hob hebt "
        "raised raises hiked rose rises risen increased increases grew grown gewachsen wuchs "
        "wuchsen expanded expands "
        # jobs created are the opposite of jobs cut ("to create 14,000 jobs", "Stellen schaffen")
        "create creates created creating schaffen schafft schuf geschaffen",
        "gesunken sinkt sank sanken gefallen abgenommen gesenkt senkt senkte senkten reduziert "
        "reduzierte verringert verringerte gekuerzt kuerzt kuerzte fell falls fallen decreased "
        "decreases dropped declined cut cuts lowered lowers reduced reduces slashed geschrumpft "
        "schrumpft schrumpfte schrumpften shrank shrunk shrinks "
        # jobs, posts, flights struck off ("streicht 14.000 Stellen", "baut Stellen ab")
        "streicht strich streichen gestrichen abbauen abgebaut slash slashes axe axes axed "
        "abgeschafft abschaffen abzuschaffen abolished abolishes",
    ),
    "truth": (
        "wahr richtig true correct bestaetigt confirmed confirms",
        "falsch unwahr false incorrect dementiert denied denies widerlegt debunked",
    ),
    "outcome": ("gewonnen gewinnt won wins", "verloren verliert lost loses"),
    "decision": (
        "zugestimmt genehmigt angenommen approved passed accepted gewaehlt elected ernannt "
        "appointed beschlossen beschliesst beschloss verabschiedet verabschiedete gebilligt "
        "billigte adopted zugelassen genehmigte approves approve "
        # a court's ruling on an earlier decision: kept or struck down
        "upheld upholds uphold",
        "abgelehnt lehnte rejected rejects vetoed refused verworfen overturned overturns "
        "zurueckgewiesen "
        "overturn overruled quashed gekippt kippte",
    ),
    "charge": (
        "angeklagt charged indicted convicted verurteilt schuldig guilty sentenced verurteilte "
        "convicts",
        "freigesprochen acquitted eingestellt unschuldig innocent acquits acquit freispruch",
    ),
    "presence": (
        "stationiert entsandt deployed einmarschiert invaded eingetroffen arrived",
        "abgezogen withdrawn withdrew withdraws rueckzug withdrawal abzug",
    ),
    "custody": (
        "festgenommen verhaftet inhaftiert festgehalten gefangen arrested detained jailed holding "
        "captive",
        "freigelassen entlassen released freed",
    ),
    # in force or not: a state of emergency, a curfew, sanctions, a fine, declared or imposed,
    # extended, or lifted ("ausgerufen"/"verhängt" vs "aufgehoben")
    "extension": (
        "verlaengert verlaengerte extended extends prolonged ausgerufen verhaengt verhaengte "
        "declared declares declare imposed imposes eingefuehrt introduced",
        "aufgehoben aufgehobene lifted lifts",
    ),
    "violence": ("friedlich peaceful", "gewaltsam violent gewalttaetig"),
    # a company's or a budget's result: a profit of 12.4 billion is the opposite of a loss of
    # 12.4 billion ("Gewinn"/"Verlust", "surplus"/"deficit")
    "result": (
        "gewinn gewinne nettogewinn reingewinn ueberschuss profit profits surplus",
        "verlust verluste nettoverlust fehlbetrag defizit loss losses deficit",
    ),
}
# Kept as it was: a third sign of the trend axis ("belässt den Leitzins bei 0 Prozent", "left its
# policy rate unchanged"), opposite to both a rise and a cut.
_UNCHANGED = "belassen belaesst beliess unveraendert unchanged"
for _axis, (_pos, _neg) in _AXIS_WORDS.items():
    for _w in _pos.split():
        AXES[_w] = (_axis, 1)
    for _w in _neg.split():
        AXES[_w] = (_axis, -1)
for _w in _UNCHANGED.split():
    AXES[_w] = ("trend", 0)
# A court keeps or strikes down an earlier decision: German says "bestätigt" (also "confirmed")
# and "aufgehoben" (also "lifted"), so these words take a second stance on a ruling axis of their
# own ("hat die Strafe bestätigt" vs "hat die Strafe aufgehoben"; English "upheld"/"overturned"
# are decision words).
SECOND_AXES: dict[str, tuple[str, int]] = {
    "bestaetigt": ("ruling", 1),
    "aufgehoben": ("ruling", -1),
    "aufgehobene": ("ruling", -1),
}
# Every word of a court's keeping or striking down takes the ruling axis too, so that "upheld"
# (a decision word) and "declared void" (a legality word) are opposite rulings.
_UPHELD = "upheld upholds uphold"
_VOIDED = ("nichtig void annulled annuls annul annulliert annullierte overturned overturns "
           "overturn quashed gekippt kippte struckdown")  # fmt: skip
for _w in _UPHELD.split():
    SECOND_AXES[_w] = ("ruling", 1)
for _w in _VOIDED.split():
    SECOND_AXES[_w] = ("ruling", -1)
# "struck down", "strikes down": a court striking down a law is one word of the decision axis.
AXES["struckdown"] = ("decision", -1)
_STRIKE = frozenset(["struck", "strikes", "strike", "striking"])
_ANTONYM_PREFIXES = ("un", "il", "ir", "in", "im", "non", "dis")


# A plain class under mypyc too (claimtrack/_native.py): pickles, takes attributes.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class Polarity:
    negated: bool
    stances: tuple[tuple[str, int, str], ...]  # (axis, sign, word)
    words: frozenset[str]


def polarity(text: str) -> Polarity:
    """Negation parity, axis stances and the folded words (for antonym-prefix checks)."""
    ws = folded_words(text)
    return polarity_of_words(ws)


# Every word ``_is_negation`` can say yes to: the others need no test.
_MAY_NEGATE = (
    NEGATIONS
    | DENYING
    | {"t"}
    | {first for first, _ in _DENYING_PAIRS}
    | {"voted", "votes", "vote"}
)

_SCOPE = 3  # a negation up to three words before an axis word turns it ("nicht legal" = illegal)


# "so viele wie seit 2016 nicht mehr", "so hoch wie nie (zuvor)", "wie noch nie", "like never
# before": a record, not a denial ("the highest since 2016").
_COMPARISONS = frozenset({"wie", "as", "like"})


def _is_comparison_idiom(ws: list[str], i: int, nxt: str) -> bool:
    before = ws[max(0, i - 4) : i]
    if ws[i] == "nicht":
        return nxt == "mehr" and "wie" in before and ("seit" in before or "since" in before)
    if ws[i] in ("nie", "never"):
        prev = ws[i - 1] if i > 0 else ""
        return prev in _COMPARISONS or (prev == "noch" and i > 1 and ws[i - 2] == "wie")
    return False


# A ban with a length is a sanction on someone, not a denial: "banned Henriksen for four years"
# says what "a four-year ban" and "für vier Jahre gesperrt" say, and none of them denies a thing.
_BAN_WORDS = frozenset({"ban", "bans", "banned", "barred", "bars"})
_DURATION_WORDS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "lifetime", "life", "jahr", "jahre",
     "jahren", "monat", "monate", "monaten", "lebenslang", "lebenslange", "lebenslangen"}
)  # fmt: skip
_BAN_DURATION_AFTER = 8  # "banned Norwegian skier Lars Henriksen for four years"
_BAN_DURATION_BEFORE = 2  # "a four-year ban", "a lifetime ban"


def _is_sanction(ws: list[str], i: int) -> bool:
    window = ws[max(0, i - _BAN_DURATION_BEFORE) : i + 1 + _BAN_DURATION_AFTER]
    return ws[i] in _BAN_WORDS and not _DURATION_WORDS.isdisjoint(window)


_ARTICLES = frozenset(["a", "an", "the"])


_NOT = frozenset(["not", "nicht"])
_BEFORE = frozenset(["before", "until", "vor"])
# Month names as `words` folds them, and words naming part of a year ("end of", "spring").
_MONTH_WORDS = frozenset(MONTHS) | frozenset(
    ["spring", "summer", "autumn", "winter", "fruehjahr", "sommer", "herbst", "ende", "end",
     "mitte", "anfang"]
)  # fmt: skip


def _not_before_a_date(ws: list[str], i: int) -> bool:
    """ "not … before/until <month or year>" sets the earliest date (= "no earlier than"); "was
    not passed before the election" stays a negation."""
    for k in range(i + 1, min(i + 5, len(ws) - 1)):
        if ws[k] in _BEFORE:
            after = ws[k + 1]
            return after in _MONTH_WORDS or (after.isdigit() and len(after) == 4)
    return False


def _is_negation(ws: list[str], i: int) -> bool:
    w = ws[i]
    nxt = ws[i + 1] if i + 1 < len(ws) else ""
    if _is_comparison_idiom(ws, i, nxt) or _is_sanction(ws, i):
        return False
    if nxt in _BOUND_WORDS and ws[i + 2 : i + 3] and ws[i + 2] in _THAN:
        return False  # "no earlier than", "nicht mehr als": a bound
    if w in _NOT and _not_before_a_date(ws, i):
        return False  # "will not take off before April 2026", "nicht vor Mai": a bound
    if w == "no" and i > 0 and ws[i - 1] in _ARTICLES:
        return False  # "a no-confidence vote", "the no-fly zone": "no" begins a noun
    if w in _VOTED and nxt == "against":
        # voting against doing it denies it ("voted against delaying the law"); voting against
        # a government or a person is no denial ("voted against the outgoing government")
        return ws[i + 2 : i + 3] != [] and ws[i + 2].endswith("ing")
    return (
        (w in NEGATIONS and (w, nxt) not in _NOT_ONLY)
        or (w == "t" and i > 0 and ws[i - 1] in _CONTRACTION_HEADS)
        or w in DENYING
        or (w, nxt) in _DENYING_PAIRS
    )


# Whether anyone was hurt: "verletzt wurde niemand", "no one was injured" count nobody (a
# background clause of a report, not a denial of what it reports), "drei Menschen wurden
# verletzt", "killed two people" count some. The two are opposite, and neither is a negation.
_HARM = frozenset(
    ["verletzt", "verletzte", "verletzten", "getoetet", "tote", "toten", "todesopfer",
     "ums", "schaden", "starben", "gestorben", "injured", "injuries", "hurt", "killed", "dead",
     "died", "casualties",
     "wounded", "harmed"]
)  # fmt: skip
_NONE = frozenset(["niemand", "nobody", "keine", "kein", "no", "none", "nicht", "not"])
_SOME = frozenset(
    ["zwei", "drei", "vier", "fuenf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwoelf",
     "dutzende", "hunderte", "tausende", "mehrere", "two", "three", "four", "five", "six",
     "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "several"]
)  # fmt: skip
_HARM_SCOPE = 3
_HARM_SCOPE_INVERTED = 8
_INVERTED = frozenset(["wurde", "wurden", "gab", "gibt", "ist", "sind", "war", "waren"])


def _harm_stance(ws: list[str], i: int, negations: list[int]) -> tuple[int, int | None] | None:
    """(sign, the negation it uses) of the harm word at ``i``: -1 with a "niemand"/"no one" in
    reach either side, +1 with a number in reach; None when neither."""
    # German puts the harm word first and "niemand" at the end of its clause: "Verletzt wurde
    # nach ersten Erkenntnissen niemand", "Tote gab es nach Angaben der Polizei keine".
    right = _HARM_SCOPE_INVERTED if ws[i + 1 : i + 2] and ws[i + 1] in _INVERTED else _HARM_SCOPE
    near = [j for j in negations if -_HARM_SCOPE <= j - i <= right and ws[j] in _NONE]
    if near:
        return -1, min(near, key=lambda j: abs(j - i))
    window = ws[max(0, i - _HARM_SCOPE) : i + _HARM_SCOPE + 1]
    if any(w[:1].isdigit() or w in _SOME for w in window):
        return 1, None
    return None


# "den Betrieb einstellen" (stellte den Betrieb ein, eingestellt) is closing, not operating.
_HALT = frozenset(["stellt", "stellte", "stellten", "eingestellt", "einstellen", "einzustellen"])


def _halted(ws: list[str], i: int) -> bool:
    around = ws[max(0, i - 4) : i + 6]
    return ws[i] == "betrieb" and not _HALT.isdisjoint(around) and (
        "ein" in ws[i + 1 : i + 6] or "eingestellt" in around or "einstellen" in around
        or "einzustellen" in around
    )  # fmt: skip


# A state in force that is "no longer" so has ended: "is no longer a public health emergency",
# "no longer in force", "gilt nicht mehr als Notstand", "ist kein Notstand mehr" say what
# "lifted"/"aufgehoben" says, opposite to "declared"/"ausgerufen". English "no longer" is no
# negation elsewhere ("no longer works for"); German "nicht mehr" is, and is used up here.
_NO_LONGER = frozenset([("no", "longer"), ("nicht", "mehr"), ("nicht", "laenger")])
_KEIN = frozenset(["kein", "keine", "keinen", "keiner"])
_STATE_NOUNS = frozenset(
    ["emergency", "emergencies", "curfew", "lockdown", "pandemic", "epidemic", "force", "kraft",
     "ausgangssperre", "pandemie", "epidemie"]
)  # fmt: skip
_STATE_ENDINGS = ("notstand", "notstands", "ausnahmezustand", "ausnahmezustands")
_STATE_REACH = 5  # "no longer a public health emergency", "der Notstand gilt nicht mehr"


def _is_state(w: str) -> bool:
    return w in _STATE_NOUNS or w.endswith(_STATE_ENDINGS)


def _state_ended(ws: list[str], i: int) -> bool:
    """ "no longer" / "nicht mehr" at ``i`` (or "kein <state> mehr") speaks of a state in force:
    a state noun within reach after it, or (German) before it in the clause."""
    pair = (ws[i], ws[i + 1] if i + 1 < len(ws) else "")
    if pair in _NO_LONGER:
        around = ws[i + 2 : i + 2 + _STATE_REACH]
        if ws[i] == "nicht":
            around = ws[max(0, i - _STATE_REACH) : i] + around
        return any(map(_is_state, around))
    if ws[i] in _KEIN:
        return any(
            _is_state(w) and "mehr" in ws[j + 1 : j + 3]
            for j, w in enumerate(ws[i + 1 : i + 4], start=i + 1)
        )
    return False


# Declaring an end is ending: "declared the end of the outbreak" (not "declared an emergency").
_DECLARE = frozenset(["declared", "declares", "declare"])
_END = frozenset(["end", "ende"])


def _declared_end(ws: list[str], i: int) -> bool:
    return ws[i] in _DECLARE and not _END.isdisjoint(ws[i + 1 : i + 4])


# Ending a state: "ended the public health emergency", "beendet den Notstand".
_ENDING = frozenset(["ended", "ends", "endet", "endete", "beendet", "beendete", "beenden"])

# An order granted is a decision taken, as "rejected" is one refused: "hat Haftbefehl
# erlassen" / "issued an arrest warrant" vs "den Antrag auf Haftbefehl abgelehnt". The verbs
# count only where the claim names such an order ("issued a statement" decides nothing).
_GRANTING = frozenset(
    ["erlassen", "erliess", "erliessen", "issued", "issues", "issue", "ausgestellt"]
)  # fmt: skip
_ORDERS = ("haftbefehl", "warrant", "injunction", "decree", "dekret", "verfuegung")


def _names_order(ws: list[str]) -> bool:
    return any(w.startswith(_ORDERS) for w in ws)


_AUXILIARIES = frozenset(["was", "were", "been", "is", "are", "be", "being", "has", "have", "had"])


def _describes_order(ws: list[str], i: int) -> bool:
    """ "the warrant issued by the ICC": the participle after its noun names the order, it does
    not say the order was granted ("Israel rejected the warrant issued by the ICC"); "a warrant
    was issued by the court" does."""
    after = ws[i + 1] if i + 1 < len(ws) else ""
    return after == "by" and i > 0 and ws[i - 1] not in _AUXILIARIES


# "schafft die Maut ab" (abschaffen) abolishes what "schafft 3000 Stellen" creates.
_SCHAFFEN = frozenset(["schafft", "schaffen", "schuf"])
_SEPARABLE_REACH = 8


def _abolished(ws: list[str], i: int) -> bool:
    return ws[i] in _SCHAFFEN and "ab" in ws[i + 1 : i + 1 + _SEPARABLE_REACH]


# Words that may start a stance read before the axis table: "no longer", "kein … mehr", an
# ending, an order granted.
_ENDS_STATE = frozenset(["no", "nicht"]) | _KEIN | _ENDING | _GRANTING


def polarity_of_words(ws: list[str]) -> Polarity:
    """Stances with the sign a negation in scope gives them, and the parity of the negations left.

    "nicht legal" is the stance illegal (the negation is used up); "lässt keine Einmischung zu"
    and "verbietet eine Einmischung" both keep one negation and agree.
    """
    negations = [i for i, w in enumerate(ws) if w in _MAY_NEGATE and _is_negation(ws, i)]
    used: set[int] = set()
    stances: set[tuple[str, int, str]] = set()
    for i, w in enumerate(ws):
        if w in _ENDS_STATE:
            if _state_ended(ws, i):
                stances.add(("extension", -1, "no longer" if w == "no" else w))
                used.update(j for j in negations if i <= j <= i + 3)
                continue
            if w in _ENDING:
                stances.add(("extension", -1, w))
                continue
            if w in _GRANTING:
                if _names_order(ws) and not _describes_order(ws, i):
                    stances.add(("decision", 1, w))
                continue
        if w in _HARM:
            harm = _harm_stance(ws, i, [j for j in negations if j not in used])
            if harm is not None:
                sign, negation = harm
                if negation is not None:
                    used.add(negation)
                stances.add(("harm", sign, w))
            continue
        if w in _STRIKE and ws[i + 1 : i + 2] == ["down"]:
            w = "struckdown"
        if w not in AXES:
            continue
        axis, sign = AXES[w]
        label = "struck down" if w == "struckdown" else w
        if _halted(ws, i) or _abolished(ws, i) or _declared_end(ws, i):
            sign = -sign
        scoped = [j for j in negations if i - _SCOPE <= j < i and j not in used]
        flip = -1 if scoped else 1
        if scoped:
            used.add(scoped[-1])
            sign = -sign
        stances.add((axis, sign, label))
        if w in SECOND_AXES:
            second, second_sign = SECOND_AXES[w]
            stances.add((second, second_sign * flip, label))
    left = len(negations) - len(used)
    return Polarity(left % 2 == 1, tuple(sorted(stances)), frozenset(w for w in ws if len(w) > 4))


# A plain class under mypyc too (claimtrack/_native.py): pickles, takes attributes.
@mypyc_attr(native_class=False)
@dataclass(frozen=True)
class PolarityClash:
    """Why two claims say opposite things: a negation only one keeps, and word pairs of opposite
    meaning ("legal"/"illegal"), each pair in sorted order (symmetric in the two claims)."""

    negation: bool
    pairs: tuple[tuple[str, str], ...]

    def text(self) -> str:
        items = [f"'{x}' vs '{y}'" for x, y in self.pairs] + (["negation"] if self.negation else [])
        return "; ".join(sorted(items))


def polarity_clash(a: Polarity, b: Polarity) -> PolarityClash | None:
    """Why the two claims have opposite polarity, or None if they agree. Symmetric.

    An axis both claims take with opposite signs ("legal" vs "illegal", "accepted" vs "rejected")
    is a conflict by itself. Otherwise flips are counted: a differing negation parity and each
    "un-"/"il-" antonym pair; an odd count is a conflict ("ungültig" vs "nicht gültig" agree).
    """
    stance_a, stance_b = _stances(a), _stances(b)
    axes: list[tuple[str, str]] = []
    negated_word = False  # "legal" vs "nicht legal": one word, negated on one side
    for axis in sorted(stance_a.keys() & stance_b.keys()):
        (sign_a, word_a), (sign_b, word_b) = stance_a[axis], stance_b[axis]
        if sign_a != sign_b and word_a == word_b:
            negated_word = True
        elif sign_a != sign_b:
            axes.append(_pair(word_a, word_b))
    if axes or negated_word:  # one pair of words once, though it opposes on two axes
        return PolarityClash(negated_word, tuple(sorted(set(axes))))
    # When both take the same stance ("illegal"), a negation in a reason or background clause of
    # one ("because there was no attack") does not turn the claim.
    agreeing = any(stance_a[x][0] == stance_b[x][0] for x in stance_a.keys() & stance_b.keys())
    negation = a.negated != b.negated and not agreeing
    pairs: list[tuple[str, str]] = []
    only_a, only_b = a.words - b.words, b.words - a.words
    if only_a and only_b:
        raw = _antonym_pairs_raw(only_a, only_b) + _antonym_pairs_raw(only_b, only_a)
        pairs = sorted(_pair(x, y) for x, y in raw)
    if (len(pairs) + negation) % 2 == 1:
        return PolarityClash(negation, tuple(pairs))
    return None


def _pair(x: str, y: str) -> tuple[str, str]:
    first, second = sorted([x, y])
    return first, second


def polarity_conflict(a: Polarity, b: Polarity) -> str | None:
    """The clash as English text ("'legal' vs 'illegal'", "negation"), or None."""
    clash = polarity_clash(a, b)
    return None if clash is None else clash.text()


def shared_stances(a: Polarity, b: Polarity) -> list[tuple[str, int]]:
    """Axes both claims take with the same sign, and a negation both keep ("axis", sign)."""
    stance_a, stance_b = _stances(a), _stances(b)
    out = [(axis, stance_a[axis][0]) for axis in sorted(stance_a.keys() & stance_b.keys())
           if stance_a[axis][0] == stance_b[axis][0]]  # fmt: skip
    if a.negated and b.negated:
        out.append(("negation", -1))
    return out


def _stances(p: Polarity) -> dict[str, tuple[int, str]]:
    """One clear sign per axis; an axis with both signs ("legal und illegal") says nothing.

    Shared between calls (a query's is asked for with every candidate): callers only read it.
    """
    return _stances_of(p.stances) if p.stances else _NO_STANCES


_NO_STANCES: dict[str, tuple[int, str]] = {}


@lru_cache(maxsize=65536)
def _stances_of(stances: tuple[tuple[str, int, str], ...]) -> dict[str, tuple[int, str]]:
    signs: dict[str, set[int]] = {}
    words: dict[str, str] = {}
    for axis, sign, word in stances:
        signs.setdefault(axis, set()).add(sign)
        words.setdefault(axis, word)
    return {axis: (next(iter(s)), words[axis]) for axis, s in signs.items() if len(s) == 1}


def _antonym_pairs_raw(only_a: frozenset[str], only_b: frozenset[str]) -> list[tuple[str, str]]:
    """Words only in ``a`` that are a prefixed antonym of a word only in ``b`` ("unwahr"/"wahr")."""
    out = []
    for w in only_a:
        for root in _antonym_roots(w):
            if root in only_b:
                out.append((w, root))
                break
    return out


@lru_cache(maxsize=65536)
def _antonym_roots(w: str) -> tuple[str, ...]:
    """What ``w`` would be the prefixed antonym of, in prefix order ("unwahr": "wahr"); nothing
    for an axis word. Most words have none, so a pair's check is a few cached look-ups."""
    if w in AXES:
        return ()
    return tuple(
        w[len(prefix) :]
        for prefix in _ANTONYM_PREFIXES
        if w.startswith(prefix) and len(w) - len(prefix) > 4
    )


# What became of the people a claim is about: alive ("rescued alive", "unversehrt freigelassen",
# "lebend geborgen") or dead ("were killed", "ums Leben gekommen", "found dead"). Two reports of
# one happening that tell opposite fates of its people say opposite things ("all 15 miners were
# brought out alive" vs "15 miners were killed"), though neither denies anything. A death word
# with "no one"/"niemand" before it ("nobody died") tells that all lived. Read from the
# normalised words at compare time; a claim that tells of both fates conflicts with neither.
_ALIVE = frozenset(
    ["alive", "unharmed", "unhurt", "unscathed", "rescued", "survived", "lebend", "lebendig",
     "unversehrt", "unverletzt", "wohlbehalten", "gerettet", "ueberlebt", "ueberlebten"]
)  # fmt: skip
_DEAD = frozenset(
    ["killed", "killing", "kills", "died", "dead", "deaths", "death", "drowned", "perished",
     "bodies", "toetete", "toeteten", "tot", "tote",
     "toten", "todesopfer", "getoetet", "starben", "gestorben", "ertrunken", "ertranken",
     "leichen", "leblos", "ums"]
)  # fmt: skip
# Not yet reached: "rescuers are still trying to reach 15 miners", "still trapped", "werden noch
# vermisst", "sind noch eingeschlossen": a third fate, opposite to both.
_STILL = frozenset(["still", "noch"])
_UNREACHED = frozenset(
    ["trapped", "trying", "reach", "reached", "searching", "missing", "unaccounted", "eingeschlossen",
     "eingeschlossenen", "verschuettet", "vermisst", "gesucht", "erreichen", "suchen"]
)  # fmt: skip
_FATE_WORDS = _ALIVE | _DEAD | _STILL


@lru_cache(maxsize=16384)
def fate(norm: str) -> tuple[str, str] | None:
    """("alive", "dead" or "unreached", the first words that tell it) when the text tells one fate of its
    people only; None when it tells none or both."""
    words = norm.split()
    if _FATE_WORDS.isdisjoint(words):
        return None
    alive: str | None = None
    dead: str | None = None
    for i, w in enumerate(words):
        if w == "ums" and words[i + 1 : i + 2] != ["leben"]:
            continue
        if w in _ALIVE:
            alive = alive or w
        elif w in _DEAD:
            inverted = words[i + 1 : i + 2] and words[i + 1] in _INVERTED
            after = words[i + 1 : i + 1 + _HARM_SCOPE_INVERTED] if inverted else []
            if not _NONE.isdisjoint(words[max(0, i - _HARM_SCOPE) : i] + after):
                alive = alive or w  # "no one died", "niemand kam ums Leben"
            else:
                dead = dead or ("ums leben" if w == "ums" else w)
    unreached = next(
        (f"{w} {x}" for i, w in enumerate(words) if w in _STILL
         for x in words[i + 1 : i + 5] if x in _UNREACHED),
        None,
    )  # fmt: skip
    told = [(k, v) for k, v in (("alive", alive), ("dead", dead), ("unreached", unreached)) if v]
    return told[0] if len(told) == 1 else None


def fate_clash(norm_a: str, norm_b: str) -> tuple[str, str] | None:
    """The words of opposite fates the two texts tell (sorted), or None. Symmetric."""
    fa, fb = fate(norm_a), fate(norm_b)
    if fa is None or fb is None or fa[0] == fb[0]:
        return None
    return _pair(fa[1], fb[1])
