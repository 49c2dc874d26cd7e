"""Positive evidence: the facts two claims both state.

On long news sentences from different outlets an embedding alone finds only about half of the
duplicates at a threshold with few false positives: attribution ("the prosecutor general's office
said on Saturday") and background clauses pull the sentences apart. The claim's facts do not move:
the same figure counting the same thing, the same place, date and person. Each agreeing fact is
evidence for *same*; a figure that only one claim states is evidence against.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimtrack.matching._stopwords import STOPWORDS
from claimtrack.matching.events import deed_events, deeds, happenings
from claimtrack.matching.figures import check_figures, fig, same_thing, values_agree
from claimtrack.matching.guards import (
    is_person,
    named,
    shared_dates,
    shared_persons,
    shared_places,
    weekdays,
)
from claimtrack.matching.prepare import FigureKey, Prepared, figure_token
from claimtrack.matching.roles import role_agreement
from claimtrack.text.aliases import DEFAULT_ALIASES
from claimtrack.text.normalize import fold
from claimtrack.text.polarity import shared_stances


@dataclass(frozen=True)
class Evidence:
    figures: tuple[FigureKey, ...]  # figures of the first claim that the second states too
    places: tuple[str, ...]
    dates: tuple[str, ...]
    persons: tuple[str, ...]
    unmatched_figures: int
    stances: tuple[tuple[str, int], ...] = ()  # ("legal", -1): both say illegal
    entities: tuple[str, ...] = ()  # organisations both name ("csto")
    happenings: tuple[str, ...] = ()  # what happened, named by both ("arrest": see events)
    actors: tuple[str, ...] = ()  # persons both name that read as names, not capitalised nouns
    deeds: tuple[tuple[str, str], ...] = ()  # (happening, the named actor nearest to it) in both
    roles: tuple[tuple[str, str, str], ...] = ()  # who did what to whom, read alike in both
    # figures of the first claim the second states with the same value, counting what it names
    # in other words ("331 Abgeordnete" = "331 deputies", "von 62 auf 64 Jahre" = "from 62 to 64")
    values: tuple[FigureKey, ...] = ()
    # figures one claim adds to all the figures the other states ("1,000 flights" and "1,000
    # flights, affecting 100,000 passengers"): detail, not another claim; not in unmatched_figures
    extra_figures: int = 0
    # an agreeing figure says what happened to those counted, in either claim
    figure_event: bool = False
    # an agreeing figure stands in a background phrase of either claim ("nachdem er mehr als 70
    # Schafe gerissen hatte", "angesichts von 329.120 Asylanträgen"): see ``_in_background``
    background_figure: bool = False
    # a figure of one value in both claims is precise enough to be one statistic's (``_precise``)
    precise_figure: bool = False
    # one claim states as the value before a change what the other states as the value now
    # ("58 Euro statt bisher 49 Euro" vs "bleibt bei 49 Euro"): not one claim (``_former_clash``)
    former_clash: bool = False

    @property
    def count(self) -> int:
        return len(self.figures) + len(self.places) + len(self.dates) + len(self.persons)

    @property
    def counted_figures(self) -> int:
        """Agreeing figures that also agree on what they count (event or subject)."""
        return sum(1 for f in self.figures if fig(f).counted_known or fig(f).unit)

    def names(self) -> list[str]:
        out = [f"figure {_figure_name(f)}" for f in self.figures]
        out += [f"value {f[0]:g}" for f in self.values]
        out += [f"place {p}" for p in self.places]
        out += [f"date {d}" for d in self.dates]
        out += [f"person {p}" for p in self.persons]
        out += [f"stance {a} {'+' if s > 0 else '-'}" for a, s in self.stances]
        out += [f"entity {e}" for e in self.entities]
        out += [f"happening {h}" for h in self.happenings]
        out += [f"deed {h} {who}" for h, who in self.deeds]
        out += [f"role {x} {rel} {y}" for rel, x, y in self.roles]
        return out

    def reasons(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for f in self.figures:
            g = fig(f)
            out.append({"code": "agree.figure", "value": f[0], "unit": g.unit,
                        "event": g.event, "counted": g.subject, "qualifier": f[3]})  # fmt: skip
        out += [{"code": "agree.value", "value": f[0], "unit": f[1]} for f in self.values]
        out += [{"code": "agree.place", "place": p} for p in self.places]
        out += [{"code": "agree.date", "date": d} for d in self.dates]
        out += [{"code": "agree.person", "person": p} for p in self.persons]
        out += [{"code": "agree.stance", "axis": a, "sign": s} for a, s in self.stances]
        out += [{"code": "agree.entity", "entity": e} for e in self.entities]
        out += [{"code": "agree.happening", "happening": h} for h in self.happenings]
        out += [{"code": "agree.deed", "happening": h, "actor": who} for h, who in self.deeds]
        out += [{"code": "agree.role", "relation": rel, "sides": [x, y]}
                for rel, x, y in self.roles]  # fmt: skip
        if self.unmatched_figures:
            out.append({"code": "unmatched.figure", "count": self.unmatched_figures})
        if self.extra_figures:
            out.append({"code": "extra.figure", "count": self.extra_figures})
        return out


def _figure_name(f: FigureKey) -> str:
    g = fig(f)
    what = " ".join(x for x in (g.unit, g.event, g.subject) if x)
    return f"{f[0]:g} {what}".strip()


def gather(a: Prepared, b: Prepared) -> Evidence:
    """What both claims state (symmetric in the counts; figures named as ``a`` writes them)."""
    figures = check_figures(a.figures, b.figures)
    happened = tuple(sorted(happenings(a.norm) & happenings(b.norm)))
    pairs = _pairs(a.figures, b.figures)  # read by every figure test below
    values, left_a, left_b, extra = _values(a, b, pairs, bool(set(happened) - {"react"}))
    counted_event = _counted_event(pairs)
    if counted_event:
        extra = left_a + left_b
    days = [f"weekday {d}" for d in sorted(weekdays(a.norm) & weekdays(b.norm))]
    return Evidence(
        figures=figures.agreed,
        places=tuple(shared_places(a.places, b.places)),
        dates=tuple(shared_dates(a, b) + days),
        persons=tuple(sorted({*shared_persons(a.persons, b.persons), *_named_by(a, b)})),
        unmatched_figures=left_a + left_b - extra,
        stances=tuple(shared_stances(a.polarity, b.polarity)),
        entities=tuple(sorted(_entities(a.norm) & _entities(b.norm))),
        happenings=happened,
        actors=tuple(sorted(_actors(a) & _actors(b))),
        deeds=() if _one_reacts(a, b) else tuple(sorted(_shared_deeds(a, b))),
        roles=tuple(role_agreement(a, b)),
        values=values,
        extra_figures=extra,
        figure_event=counted_event,
        former_clash=_former_clash(a, b),
        background_figure=_in_background(a, b, pairs),
        precise_figure=any(_precise(x) or _precise(y) for x, y, _ in pairs),
    )


def _precise(key: FigureKey) -> bool:
    """A figure of three or more significant digits, not a bare year: two outlets do not state
    "351.915" and "rund 352.000" by chance, whatever each says it counts ("Menschen beantragten
    Asyl" vs "Erstanträge auf Asyl")."""
    value, unit = key[0], key[1]
    if unit is None and value.is_integer() and 1900 <= value <= 2100:
        return False
    digits = f"{abs(value):.10g}".split("e")[0].replace(".", "").strip("0")
    return len(digits) >= 3


# Words that open a phrase telling what came before or around the claim's fact: a figure a few
# words after one is background the claim repeats, not what it states ("Die Union fordert
# angesichts von 329.120 Asylanträgen Zurückweisungen", "after 310 votes in the first round").
_BACKGROUND_CUES = frozenset(["nachdem", "angesichts", "trotz", "after", "despite", "following",
                              "amid"])  # fmt: skip
_BACKGROUND_REACH = 4  # words between the cue and the figure ("nachdem er mehr als 70 Schafe")


def _in_background(a: Prepared, b: Prepared, pairs: tuple[_Pair, ...]) -> bool:
    """A figure of one value in both claims (``pairs``) stands after a background cue in either."""
    tokens = {figure_token(x[0]) for x, _, _ in pairs} | {figure_token(y[0]) for _, y, _ in pairs}
    return bool(tokens & (_background_tokens(a.norm) | _background_tokens(b.norm)))


@lru_cache(maxsize=8192)
def _background_tokens(norm: str) -> frozenset[str]:
    """Figure tokens of ``norm`` that stand a few words after a background cue."""
    words = norm.split()
    return frozenset(
        w
        for i, w in enumerate(words)
        if w[:1].isdigit() and _BACKGROUND_CUES & set(words[max(0, i - _BACKGROUND_REACH) : i])
    )


def _counted_event(pairs: tuple[_Pair, ...]) -> bool:
    """A figure both claims state agreeing on what happened to those counted ("more than 200
    killed" = "the death toll rose above 200"): the claim's figure. Other figures either outlet
    adds ("across six states", "about half of them in North Carolina") are then detail, like a
    figure one claim adds to all of the other's."""
    return any(fig(x).event or fig(y).event for x, y, kind in pairs if kind == _STRICT)


def _former_clash(a: Prepared, b: Prepared) -> bool:
    """One claim states a value as the one before a change and its new value, the other states
    that old value as the value now and not the new one: "Das Ticket kostet ab Januar 58 Euro
    statt bisher 49 Euro" vs "the ticket will stay at 49 euros"."""
    if not (a.figures and b.figures):
        return False
    former_a, former_b = _former_values(a.norm), _former_values(b.norm)
    return _now_as_former(a, former_a, b, former_b) or _now_as_former(b, former_b, a, former_a)


def _now_as_former(
    a: Prepared, former_a: frozenset[str], b: Prepared, former_b: frozenset[str]
) -> bool:
    """``a`` states a former value that ``b`` states as a value now, and a new value ``b`` lacks."""
    now_b = {figure_token(f[0]) for f in b.figures} - former_b
    if not former_a & now_b:
        return False
    new_a = {figure_token(f[0]) for f in a.figures} - former_a
    return bool(new_a - {figure_token(f[0]) for f in b.figures})


# Words before a figure that make it the value before a change: "statt (bisher) 49 Euro", "up
# from 49", "previously 49"; "von 49 auf 58" and "from 49 to 58" when the new value follows.
_FORMER_BEFORE = frozenset(["statt", "anstatt", "bisher", "zuvor", "vorher", "previously",
                            "instead"])  # fmt: skip
_FORMER_OF = frozenset(["up", "down"])  # "up from 49", "down from 49"
_FROM_TO = {"von": "auf", "from": "to"}


@lru_cache(maxsize=8192)
def _former_values(norm: str) -> frozenset[str]:
    """Tokens of the figures ``norm`` states as the value before a change."""
    words = norm.split()
    return frozenset(w for i, w in enumerate(words) if w[:1].isdigit() and _is_former(words, i))


def _is_former(words: list[str], i: int) -> bool:
    before, last = words[max(0, i - 2) : i], words[i - 1] if i else ""
    if _FORMER_BEFORE & set(before) or (last == "of" and "instead" in before):
        return True
    return last in _FROM_TO and (
        _FROM_TO[last] in words[i + 1 : i + 4] or (i > 1 and words[i - 2] in _FORMER_OF)
    )


# Lengths in metres: "a 2.8-kilometre ice core" = "a 2,800-metre-deep borehole".
_METRES = {"km": 1000.0, "m": 1.0}


# how two figures of one value relate (``_pairs``)
_STRICT, _VALUE, _HALF = "strict", "value", "half"
_Pair = tuple[FigureKey, FigureKey, str]  # two figures of one value and how they agree (above)


@lru_cache(maxsize=4096)
def _pairs(fa: tuple[FigureKey, ...], fb: tuple[FigureKey, ...]) -> tuple[_Pair, ...]:
    """Pairs of figures of one value: ``strict`` when they agree on what they count, ``half``
    when one says what happened to those counted and the other does not ("15 miners killed" vs
    "15 miners brought out alive": the guards may not know the other's word), ``value`` else
    (what is counted named in other words: "331 Abgeordnete" = "331 deputies")."""
    out = []
    for x in fa:
        for y in fb:
            if _same_value(x, y):
                fx, fy = fig(x), fig(y)
                if same_thing(fx, fy) and values_agree(fx, fy):
                    out.append((x, y, _STRICT))
                else:
                    out.append((x, y, _HALF if bool(fx.event) != bool(fy.event) else _VALUE))
    return tuple(out)


def _values(
    a: Prepared, b: Prepared, pairs: tuple[_Pair, ...], happened: bool
) -> tuple[tuple[FigureKey, ...], int, int, int]:
    """Figures of ``a`` that ``b`` states with the same value without agreeing on what they
    count (``happened``: both claims name one happening, which says what they count), how many
    figures of each side have no counterpart, and how many figures one claim adds to all the
    figures the other states agreeing ("1,000 flights" and "1,000 flights, affecting 100,000
    passengers": detail, not another claim). ``pairs``: ``_pairs`` of their figures."""
    ok = [(x, y, k) for x, y, k in pairs if k != _HALF or happened]
    strict_a, strict_b = (
        {x for x, _, k in ok if k == _STRICT},
        {y for _, y, k in ok if k == _STRICT},
    )
    values_a = tuple(dict.fromkeys(x for x, _, _ in ok if x not in strict_a))
    values_b = tuple(dict.fromkeys(y for _, y, _ in ok if y not in strict_b))
    values = values_b if len(values_b) < len(values_a) else values_a  # as check_figures counts
    left_a = max(0, sum(x not in {p[0] for p in pairs} for x in a.figures) - _years_dated(a, b))
    left_b = max(0, sum(y not in {p[1] for p in pairs} for y in b.figures) - _years_dated(b, a))
    spans_a = spans_b = 0
    if not (happenings(a.norm) | happenings(b.norm)) & _SPAN_EVENTS:
        spans_a, spans_b = (
            _background_spans(a.figures, b.figures),
            _background_spans(b.figures, a.figures),
        )
    left_a, left_b = max(0, left_a - spans_a), max(0, left_b - spans_b)
    agreeing_a, agreeing_b = {x for x, _, _ in ok}, {y for _, y, _ in ok}
    extra = 0
    if a.figures and all(x in agreeing_a for x in a.figures):
        extra = left_b
    elif b.figures and all(y in agreeing_b for y in b.figures):
        extra = left_a
    return values, left_a + spans_a, left_b + spans_b, extra + spans_a + spans_b


# Happenings whose figure is a span: a prison term, a ban, a strike, custody, an emergency, a
# sanction last a number of years, and that span is the claim ("sentenced to five years" is not
# "found guilty").
_SPAN_EVENTS = frozenset(["convict", "ban", "strike", "arrest", "emergency", "sanction"])


def _background_spans(fa: tuple[FigureKey, ...], fb: tuple[FigureKey, ...]) -> int:
    """Spans of time ``fa`` states when ``fb`` states none: how long someone led or since when
    ("who led Hezbollah for more than three decades", "nach knapp vier Jahren an der Spitze",
    "Bangladesh's prime minister for 15 years") is background one outlet adds, detail like a
    figure one claim adds to the other's, not another claim's figure. Years only: a strike of 50
    hours or a ban for three days is what the claim states."""
    if any(fig(y).unit == "days" for y in fb):
        return 0
    return sum(1 for x in fa if x[1] == "years")


def _same_value(x: FigureKey, y: FigureKey) -> bool:
    """One figure in two claims: the values agree and nothing says they count different
    things; or the same number where one claim leaves the unit to the context ("von 62 auf 64
    Jahre" vs "from 62 to 64"); or one length in two units."""
    fx, fy = fig(x), fig(y)
    if values_agree(fx, fy) and same_thing(fx, fy) is not False:
        return True
    if x[1] in _METRES and y[1] in _METRES:
        return abs(x[0] * _METRES[x[1]] - y[0] * _METRES[y[1]]) <= 1e-6 * max(x[0], y[0], 1.0)
    if x[0] != y[0] or (x[1] is not None and y[1] is not None):
        return False
    return not (fx.event and fy.event and fx.event != fy.event)


def _named_by(a: Prepared, b: Prepared) -> frozenset[str]:
    """Surnames of persons one claim names in full that the other names by the surname alone,
    after a title the name finder keeps or drops ("Bundeskanzler Olaf Scholz" = "Kanzler
    Scholz", "Prime Minister Keir Starmer" = "Starmer said"). A surname the other claim names only
    as a possessor is no person of it ("killed Nabil Kaouk a day after Nasrallah's death")."""
    return frozenset(_surnames_in(a, b) | _surnames_in(b, a))


def _surnames_in(a: Prepared, b: Prepared) -> set[str]:
    """Surnames of ``a``'s persons that ``b`` names, other than only as a possessor."""
    words = b.norm.split()
    return {s for s in _actors(a) if s in words and not _only_possessor(words, s)}


# Words before a capitalised noun, never before a first name: "beim Einsturz", "des Unglücks
# Schlaglöcher" and "the Francis Scott Key Bridge" are runs of capitals, not persons.
_DETERMINERS = frozenset(
    ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
     "beim", "im", "am", "zum", "zur", "vom", "ins", "the", "a", "an"]
)  # fmt: skip


def _one_reacts(a: Prepared, b: Prepared) -> bool:
    """One claim tells of a reaction to the happening (rejected, appealed, criticised) and the
    other does not: two claims about one happening, not one."""
    return ("react" in happenings(a.norm)) != ("react" in happenings(b.norm))


def _years_dated(a: Prepared, b: Prepared) -> int:
    """Figures of ``a`` that are a year which ``b`` states as a date: "before the 2016 vote" (a
    bare number to the parser) and "before the 2016 election" (a date) name one year."""
    years = {d[:4] for d in b.dates if d[:1].isdigit()}
    values = {f[0] for f in b.figures}
    return sum(
        1
        for value, unit, counted, _ in a.figures
        if unit is None and counted is None and value not in values
        and value.is_integer() and f"{value:.0f}" in years
    )  # fmt: skip


def _shared_deeds(a: Prepared, b: Prepared) -> frozenset[tuple[str, str]]:
    """The deeds both claims state. A participant either claim reads as a name is one in both:
    German reads no single surname that ends like a noun ("hat Scholz seinen Finanzminister
    Lindner gefeuert"), and the other claim's "Christian Lindner" says it is one. A person
    a claim names only as a possessor ("Trump's lawyers") is no participant of it; a town or
    company is ("Grindavík's residents were evacuated")."""
    if not deed_events(a.norm) & deed_events(b.norm):
        return frozenset()
    both = _participants(a) | _participants(b)
    surnames = {name.rpartition(" ")[2] for name in (*a.persons, *b.persons)}
    towns = _towns(a) | _towns(b)
    return _deeds_or_towns(a.norm, _without_possessors(both, surnames, a.norm), towns) & (
        _deeds_or_towns(b.norm, _without_possessors(both, surnames, b.norm), towns)
    )


def _deeds_or_towns(
    norm: str, actors: frozenset[str], towns: frozenset[str]
) -> frozenset[tuple[str, str]]:
    """The deeds of the named actors; a happening no actor is named for is the town's when a
    city is named ("the IT systems of the city of Potsdam were knocked offline"): a town the
    gazetteer does not know is a name and an actor already, a known one is no less of one."""
    found = deeds(norm, actors)
    done = {event for event, _ in found}
    return found | {(e, w) for e, w in deeds(norm, towns) if e not in done}


def _towns(p: Prepared) -> frozenset[str]:
    """The cities a claim names, as ``norm`` writes them."""
    return frozenset(fold(n).replace(" ", "") for n, kind in p.places if kind == "city")


def _without_possessors(names: frozenset[str], persons: set[str], norm: str) -> frozenset[str]:
    """``names`` without the ``persons`` the text names only as a possessor."""
    words = norm.split()
    return frozenset(w for w in names if w not in persons or not _only_possessor(words, w))


def _only_possessor(words: list[str], name: str) -> bool:
    found = [nxt for w, nxt in zip(words, [*words[1:], ""], strict=True) if w == name]
    return bool(found) and all(nxt == "s" for nxt in found)


def _participants(p: Prepared) -> frozenset[str]:
    return _participants_of(p.persons, named(p), p.norm)


@lru_cache(maxsize=8192)
def _participants_of(persons: tuple[str, ...], names: tuple[str, ...], norm: str) -> frozenset[str]:
    """Who may do or suffer a happening: a person, an organisation, or a proper name no table
    knows (the town evacuated, the company fined)."""
    of_persons = {w for name in persons for w in name.split()}
    unknown = frozenset(n for n in names if n not in of_persons)  # a person counts by surname
    return _actors_of(persons, norm) | _entities(norm) | unknown


def _actors(p: Prepared) -> frozenset[str]:
    return _actors_of(p.persons, p.norm)


@lru_cache(maxsize=8192)
def _actors_of(persons: tuple[str, ...], norm: str) -> frozenset[str]:
    """Surnames of the persons a claim names that read as persons: a name from the alias table
    (one canonical word) or a run of capitals whose first word is no function word and follows
    no article ("Donald Tusk", not "Beim Einsturz"), and who is not only ever a possessor."""
    words = norm.split()
    out = set()
    for name in persons:
        if not is_person(name):
            continue
        parts = name.split()
        if len(parts) > 1:
            first = parts[0]
            if first in STOPWORDS or first in _DETERMINERS:
                continue
            if any(w == first and i and words[i - 1] in _DETERMINERS for i, w in enumerate(words)):
                continue
        surname = parts[-1]
        if _only_possessor(words, surname) or surname not in words:
            continue  # only ever a possessor: "Donald Trump's lawyers" are not Trump
        out.add(surname)
    return frozenset(out)


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    """Canonical tokens of the alias table's organisations (countries are places already)."""
    return frozenset(
        fold(name).replace(" ", "")
        for name, (kind, _) in DEFAULT_ALIASES.items()
        if kind == "org" and name not in ("Kazakhstan", "Belarus")
    )


@lru_cache(maxsize=8192)
def _entities(norm: str) -> frozenset[str]:
    orgs = _organisations()
    return frozenset(w for w in norm.split() if w in orgs)
