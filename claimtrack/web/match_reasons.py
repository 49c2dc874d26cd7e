"""The matcher's conflict reasons (``matching.reasons``) in the page's language.

The matcher hands over facts, not sentences; this module says them the way the page's language
writes them: figures with Babel's digit grouping and the qualifier in words ("mehr als 2.000"),
what happened and who is counted in words, place names in the reader's spelling, days and months
by Babel. A reason stored before reasons were data and not readable is shown as written, marked
as English (``lang``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_skeleton, get_day_names, get_month_names
from flask_babel import format_date, format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from claimtrack.matching.reasons import stored_conflicts
from claimtrack.text._numlex import COUNTED_SYNONYMS
from claimtrack.text.places import place_label
from claimtrack.web.i18n import current_lang

__all__ = ["Line", "conflict_lines", "fact_date", "fact_figure", "stored_conflict_lines"]


@dataclass(frozen=True)
class Line:
    """One conflict as the page shows it: a label (None: ``text`` is a whole sentence), the text,
    and its language when it is not the page's."""

    label: str | None
    text: str
    lang: str | None = None


QUALIFIERS = {
    "more_than": _l("more than %(n)s"),
    "less_than": _l("less than %(n)s"),
    "at_least": _l("at least %(n)s"),
    "at_most": _l("at most %(n)s"),
    "about": _l("about %(n)s"),
    "almost": _l("almost %(n)s"),
}
# What happened to those counted, as "what happened: arrested vs killed" says it.
EVENTS = {
    "deaths": _l("killed"),
    "arrests": _l("arrested"),
    "released": _l("released"),
    "injured": _l("injured"),
    "evacuated": _l("evacuated"),
    "missing": _l("missing"),
    "cases": _l("infected"),
    "votes": _l("votes cast"),
}
# Who is counted.
SUBJECTS = {
    "people": _l("people"),
    "troops": _l("troops"),
    "protesters": _l("protesters"),
    "police": _l("police officers"),
    "refugees": _l("refugees"),
    "jobs": _l("jobs"),
    "residents": _l("residents"),
    "victims": _l("victims"),
    "households": _l("households"),
}
ASPECTS = {
    "figure": _l("Figure"),
    "event": _l("What happened"),
    "counted": _l("Who is counted"),
    "place": _l("Place"),
    "city": _l("Place"),
    "country": _l("Place"),
    "region": _l("Place"),
    "date": _l("Date"),
    "person": _l("Person"),
    "polarity": _l("Negation"),
    "role": _l("Who did what to whom"),
    "name": _l("Name"),
    "rank": _l("Rank"),
    "actor": _l("Acting institution"),
    "share": _l("Share"),
}
# Kinds of institution that act (``matching.bodies.actors``): "government:Poland".
ACTOR_KINDS = {
    "government": _l("government"),
    "centralbank": _l("central bank"),
    "audit": _l("audit office"),
    "court": _l("court"),
    "ministry.economy": _l("economy ministry"),
    "ministry.finance": _l("finance ministry"),
    "ministry.defence": _l("defence ministry"),
    "ministry.interior": _l("interior ministry"),
    "ministry.foreign": _l("foreign ministry"),
    "ministry.health": _l("health ministry"),
    "ministry.justice": _l("justice ministry"),
    "ministry.transport": _l("transport ministry"),
    "ministry.agriculture": _l("agriculture ministry"),
    "ministry.environment": _l("environment ministry"),
    "ministry.labour": _l("labour ministry"),
    "ministry.education": _l("education ministry"),
    "ministry.energy": _l("energy ministry"),
    "ministry.family": _l("family ministry"),
    "ministry.culture": _l("culture ministry"),
    "ministry.social": _l("social affairs ministry"),
    "ministry.housing": _l("housing ministry"),
    "ministry.development": _l("development ministry"),
    "ministry.digital": _l("digital ministry"),
}
# Relations whose direction is the claim (``matching.roles``): "X replaced Y".
RELATIONS = {
    "replace": _l("%(x)s replaced %(y)s"),
    "defeat": _l("%(x)s came out ahead of %(y)s"),  # a win, a result, a poll lead
    "sue": _l("%(x)s sued %(y)s"),
    "attack": _l("%(x)s attacked %(y)s"),
    "accuse": _l("%(x)s accused %(y)s"),
    "invade": _l("%(x)s invaded %(y)s"),
    "acquire": _l("%(x)s took over %(y)s"),
    "transfer": _l("a move from %(y)s to %(x)s"),  # x gets the player or unit, y gives it up
    "stake": _l("%(x)s holds a stake in %(y)s"),
    "border": _l("%(x)s closed or opened its border with %(y)s"),
}


def stored_conflict_lines(found: dict[str, Any] | list[dict[str, Any]] | None) -> list[Line]:
    """The template filter: the conflicts of stored features (a link's, a match result's) or a
    list of reasons, in the page's language."""
    if isinstance(found, list):
        return conflict_lines(found)
    return conflict_lines(stored_conflicts(found))


def conflict_lines(reasons: list[dict[str, Any]]) -> list[Line]:
    out: list[Line] = []
    for reason in reasons:
        code = str(reason.get("code", ""))
        if not code.startswith("conflict."):
            continue
        try:
            out.extend(_lines(code.removeprefix("conflict."), reason))
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            out.append(_as_written(code.removeprefix("conflict."), reason))
    return out


def _lines(aspect: str, reason: dict[str, Any]) -> list[Line]:
    if "detail" in reason:
        return [_as_written(aspect, reason)]
    label = str(ASPECTS.get(aspect, aspect))
    if aspect == "polarity":
        return _polarity(reason)
    sides = reason["sides"]
    if aspect == "role":
        return [
            Line(
                label, _vs(_role(reason["relation"], sides[0]), _role(reason["relation"], sides[1]))
            )
        ]
    if aspect == "figure":
        x, y = sides
        common = x.get("event") if x.get("event") == y.get("event") else None
        if common in EVENTS:
            label = _("Figure (%(what)s)", what=EVENTS[common])
        return [Line(label, _vs(_quoted(figure(x)), _quoted(figure(y))))]
    say = {
        "event": lambda v: str(EVENTS.get(v, v)),
        "counted": lambda v: str(SUBJECTS.get(v, v)),
        "place": _places,
        "person": lambda v: ", ".join(str(p).title() for p in v),
        "name": lambda v: ", ".join(name_label(str(p)) for p in v),
        "rank": lambda v: ", ".join(str(r) for r in v),
        "actor": lambda v: ", ".join(actor_label(str(x)) for x in v),
        "share": lambda v: ", ".join(share_label(str(x)) for x in v),
        "date": lambda v: ", ".join(_date(str(reason.get("unit")), str(d)) for d in v),
    }[aspect]
    return [Line(label, _vs(say(sides[0]), say(sides[1])))]


def _as_written(aspect: str, reason: dict[str, Any]) -> Line:
    label = str(ASPECTS.get(aspect, aspect)) if aspect else None
    detail = str(reason.get("detail") or reason)
    return Line(label, detail, None if current_lang() == "en" else "en")


def _polarity(reason: dict[str, Any]) -> list[Line]:
    out = []
    if reason.get("negation"):
        out.append(Line(None, _("Negation in only one of the claims")))
    for x, y in reason.get("pairs") or []:
        out.append(Line(_("Opposite words"), _vs(_quoted(str(x)), _quoted(str(y)))))
    return out


def _role(relation: str, side: list[str | None]) -> str:
    """ "Tokayev replaced Nazarbayev"; "?" for a role the claim does not name."""
    x, y = (name_label(str(n)) if n else "?" for n in side)
    return str(RELATIONS[relation] % {"x": x, "y": y})


_VOWELS = frozenset("aeiouy")


def name_label(name: str) -> str:
    """A name as the matcher keeps it (folded: "basf", "lufthansa") in capitals where it was
    written so: a name given with its capitals ("CDU", "Bundestag") as it is; a short word
    that no syllable reads (no vowel, or two consonants at its start or end: "basf", "bmw",
    "hsbc", "ubs") as an acronym; any other word with a capital first ("Lanxess", "Kia")."""
    if name != name.lower():
        return name
    return " ".join(_word_label(w) for w in name.split())


def _word_label(word: str) -> str:
    if 3 <= len(word) <= 4 and word.isalpha() and (
        _VOWELS.isdisjoint(word)
        or _VOWELS.isdisjoint(word[-2:])
        or _VOWELS.isdisjoint(word[:2])
    ):  # fmt: skip
        return word.upper()
    return word.title()


def _vs(a: str, b: str) -> str:
    return _("%(a)s vs %(b)s", a=a, b=b)


def _quoted(text: str) -> str:
    return _("“%(text)s”", text=text)


def figure(f: dict[str, Any]) -> str:
    """A figure as the page's language writes it: "mehr als 2.000", "8,4 %", "zwei Wochen"."""
    value = float(f["value"])
    n = str(format_decimal(value, format="#,##0.###"))
    text = _unit(str(f.get("unit") or ""), value, n)
    qualifier = QUALIFIERS.get(str(f.get("qualifier") or ""))
    return str(qualifier % {"n": text}) if qualifier is not None else text


def _unit(unit: str, value: float, n: str) -> str:
    count = int(value) if value == int(value) else 2  # plural forms of a fraction: "1,5 days"
    match unit:
        case "percent":
            return _("%(n)s%%", n=n)
        case "percentage_points":
            return ngettext("%(n)s percentage point", "%(n)s percentage points", count, n=n)
        case "years":
            return ngettext("%(n)s year", "%(n)s years", count, n=n)
        case "months":
            return ngettext("%(n)s month", "%(n)s months", count, n=n)
        case "weeks":
            return ngettext("%(n)s week", "%(n)s weeks", count, n=n)
        case "days":
            return ngettext("%(n)s day", "%(n)s days", count, n=n)
        case "hours":
            return ngettext("%(n)s hour", "%(n)s hours", count, n=n)
        case "eur" | "usd" | "gbp" | "rub" | "kzt" | "km" | "m" | "kg":
            symbol = {"eur": "€", "usd": "$", "gbp": "£", "rub": "RUB", "kzt": "KZT"}
            return f"{n}\N{NO-BREAK SPACE}{symbol.get(unit, unit)}"
        case "tonnes":
            return ngettext("%(n)s tonne", "%(n)s tonnes", count, n=n)
    return n


def share_label(share: str) -> str:
    """A share of a whole ("241/242") as the page says it: "241 of 242", "all 242", "none of 12"."""
    part, _sep, whole = share.partition("/")
    total = str(format_decimal(int(whole), format="#,##0"))
    if part == whole:
        return _("all %(total)s", total=total)
    if part == "0":
        return _("none of %(total)s", total=total)
    n = str(format_decimal(int(part), format="#,##0"))
    return _("%(part)s of %(total)s", part=n, total=total)


def actor_label(actor: str) -> str:
    """An acting institution ("government:Poland") as the page says it: "government (Poland)",
    "Regierung (Polen)"; without its country when the claim does not name one."""
    kind, _sep, owner = actor.partition(":")
    text = str(ACTOR_KINDS.get(kind, kind))
    if not owner or owner == "?":
        return text
    return _("%(kind)s (%(owner)s)", kind=text, owner=place_label(owner, current_lang()))


def _places(names: list[str]) -> str:
    return ", ".join(place_label(str(p), current_lang()) for p in names)


def _date(unit: str, value: str) -> str:
    """A year as written; a day ("01-05": month-day) and a month ("01") in the page's words."""
    lang = current_lang()
    if unit == "day" and len(value) == 5:
        day = date(2000, int(value[:2]), int(value[3:]))  # a leap year: 29 February is a day
        return str(format_skeleton("MMMMd", day, locale=lang))
    if unit == "month" and value.isdigit():
        return str(get_month_names("wide", locale=lang)[int(value)])
    if unit == "weekday" and value in _WEEKDAY_NUMBERS:
        return str(get_day_names("wide", locale=lang)[_WEEKDAY_NUMBERS[value]])
    return value


_WEEKDAY_NUMBERS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}  # fmt: skip


# -- the workbench's table of facts -----------------------------------------------------------
def fact_figure(f: dict[str, Any], written_in: str) -> tuple[str, str | None]:
    """A claim's stored figure in the page's words ("mehr als 2.000 festgenommen") and None, or,
    when it counts something only its own language names, as written and that language."""
    raw = str(f.get("raw") or f.get("value") or "")
    counted = COUNTED_SYNONYMS.get(f.get("counted") or "", f.get("counted"))
    unit = f.get("unit")
    if counted and counted not in EVENTS and counted not in SUBJECTS:
        return raw, written_in
    try:
        number = figure({"value": f["value"], "qualifier": f.get("qualifier"),
                         "unit": None if unit == "people" else unit})  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return raw, written_in
    word = EVENTS.get(counted or "") or SUBJECTS.get(counted or "")
    if word is None and unit == "people":
        word = SUBJECTS["people"]
    return (f"{number} {word}" if word else number), None


def fact_date(value: Any) -> str:
    """A stored date ("2022-01-05", "2022-01", "2022") as the page's language writes it; other
    forms (a month name as the claim wrote it) as they are."""
    text = str(value)
    try:
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            return str(format_date(date.fromisoformat(text), "long"))
        if len(text) == 7 and text[4] == "-":
            day = date(int(text[:4]), int(text[5:]), 1)
            return str(format_skeleton("yMMMM", day, locale=current_lang()))
    except ValueError:
        return text
    return text


FactCell = list[tuple[str, str | None]]


def fact_rows(claim: Any, other: Any) -> list[tuple[str, FactCell, FactCell, bool]]:
    """The workbench's facts table of two claims: (label, this claim's cell, the other's, whether
    the facts differ). A row differs when the facts do (values, canonical places, dates), not the
    words: "mehr als 2.000 Menschen" and "more than 2,000 people" are one figure."""

    def figures(c: Any) -> FactCell:
        return [fact_figure(f, c.language) for f in c.figures or [] if isinstance(f, dict)]

    def values(c: Any) -> list[str]:
        return sorted(repr(f.get("value")) for f in c.figures or [] if isinstance(f, dict))

    lang = current_lang()
    return [
        (_("Figures"), figures(claim), figures(other), values(claim) != values(other)),
        (_("Places"),
         [(place_label(str(p), lang), None) for p in claim.places or []],
         [(place_label(str(p), lang), None) for p in other.places or []],
         sorted(map(str, claim.places or [])) != sorted(map(str, other.places or []))),
        (_("Dates"),
         [(fact_date(d), None) for d in claim.dates or []],
         [(fact_date(d), None) for d in other.dates or []],
         sorted(map(str, claim.dates or [])) != sorted(map(str, other.dates or []))),
    ]  # fmt: skip


def counted_word(counted: str | None) -> str:
    """What a figure counts ("arrests", "troops") in the page's words; a noun as written else."""
    key = COUNTED_SYNONYMS.get(counted or "", counted) or ""
    return str(EVENTS.get(key) or SUBJECTS.get(key) or key)
