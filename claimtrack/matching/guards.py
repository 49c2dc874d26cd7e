"""The fact guards besides figures: places, dates, months, persons and polarity.

Each guard answers two questions for a pair: do the claims contradict each other on this fact
(a *conflict*: the pair is at most a variant), and which facts do both state (an *agreement*:
positive evidence that two differently worded sentences report the same thing).
"""

from __future__ import annotations

from functools import lru_cache

from claimtrack.matching.names import same_spelling
from claimtrack.matching.prepare import OUTLET_WORDS, Prepared
from claimtrack.text._numlex import MONTHS
from claimtrack.text.places import city_of, country_of

Places = tuple[tuple[str, str], ...]
Sides = tuple[tuple[str, ...], tuple[str, ...]]  # what each claim says that the other does not


def _sides(only_a: list[str], only_b: list[str]) -> Sides | None:
    """Both sides, when both have something of their own, in a stable order (symmetric)."""
    if not (only_a and only_b):
        return None
    x, y = sorted([tuple(only_a), tuple(only_b)], key=", ".join)
    return x, y


def vs(sides: Sides) -> str:
    """The English conflict text of two sides ("Almaty vs Astana")."""
    return f"{', '.join(sides[0])} vs {', '.join(sides[1])}"


def place_conflict(pa: Places, pb: Places) -> str | None:
    sides = place_sides(pa, pb)
    return None if sides is None else vs(sides)


def place_sides(pa: Places, pb: Places) -> Sides | None:
    """Each side names a place the other does not cover: "Almaty" vs "Astana", "Almaty" vs
    "Uzbekistan"; "Almaty" and "Kazakhstan" agree (the city lies in the country) unless the
    other side names another city of that country; a named site agrees with its city ("the
    Louvre" and "Paris"); a river contradicts only another river ("the Danube" vs "the Inn"). A city of another country on the other side
    belongs to another clause ("nach Moskau geflohen" = "nach Russland abgesetzt, nachdem
    Aufständische Damaskus eingenommen hatten": Moscow lies in Russia, Damascus is background)."""

    def uncovered(mine: Places, theirs: Places) -> list[str]:
        names = {n for n, _ in theirs}
        rivers = any(k == "river" for _, k in theirs)
        out = []
        for name, kind in mine:
            if name in names:
                continue
            if kind == "river" and not rivers:
                continue  # a river runs through places: only another river contradicts it
            if kind == "site" and city_of(name) in names:
                continue  # the Louvre lies in Paris
            if kind == "country":
                if any(country_of(n) == name for n in names):
                    continue
            elif country_of(name) in names and not any(
                k == kind and country_of(n) == country_of(name) for n, k in theirs
            ):
                continue
            out.append(name)
        return sorted(out)

    return _sides(uncovered(pa, pb), uncovered(pb, pa))


def shared_places(pa: Places, pb: Places) -> list[str]:
    return sorted({n for n, _ in pa} & {n for n, _ in pb})


# Words that make a capitalised run an office, a role or an institution, not a person.
_NOT_PERSON_ENDINGS = (
    "amt", "ministerium", "ministry", "office", "bank", "rat", "council", "committee", "agency",
    "behoerde", "gericht", "gerichtshof", "court", "partei", "party", "union", "organisation", "organization",
    "praesident", "praesidentin", "president", "minister", "ministerin", "chef", "chefin", "sprecher",
    "sprecherin", "spokesman", "spokeswoman", "general", "kommission", "commission", "institut",
    "institute", "agentur", "service", "polizei", "police", "army", "armee", "regierung",
    "government", "bundestag", "parliament", "parlament", "staatsanwaltschaft", "prosecutor",
    "gewerkschaft", "verband", "association", "federation", "konzern", "bahn", "railway",
    "airline", "airlines", "koalition", "coalition", "fraktion", "stiftung", "foundation", "fonds",
    "universitaet", "university", "klinik", "hospital", "krankenhaus", "zeitung", "presse",
    "meer", "ozean", "fluss", "korridor", "corridor", "hafen", "airport", "flughafen", "bahnhof",
    # what a company is ("Elektronikkette MediaMarkt", "des Ticketverkäufers Ticketmaster") and
    # German nouns that stand side by side ("nach Unternehmensangaben Daten")
    "kette", "verkaeufer", "verkaeufers", "hersteller", "herstellers", "betreiber", "betreibers",
    "anbieter", "anbieters", "haendler", "haendlers", "konzerns", "unternehmen", "unternehmens",
    "zulieferer", "versicherer", "gruppe", "sender", "senders", "vereins", "angaben",
    # offices before a name, as "minister" ("Governor Newsom", "Bürgermeisterin Bass"), and
    # victims counted ("Fünftes Todesopfer" in a headline)
    "governor", "gouverneur", "gouverneurin", "mayor", "senator", "senatorin", "opfer",
    # competitions, titles and venues written as capitalised runs ("European Championship",
    # "zum vierten Mal Europameister", "Olympic Stadium", "Champions League", "Weltcup")
    "championship", "championships", "meister", "meisterin", "meisterschaft", "stadium",
    "stadion", "olympics", "weltcup", "pokal", "liga", "turnier", "tournament",
)  # fmt: skip
# Short words that end names too ("Chelsea", "Davenport"): they count only as whole words.
# Outlets ("Wall Street Journal", "New York Times", "Washington Post") are sources, not persons.
_NOT_PERSON_WORDS = (
    frozenset(
        [
            "sea",
            "ocean",
            "river",
            "lake",
            "bay",
            "gulf",
            "strait",
            "port",
            "news",
            "press",
            "group",
            "fund",
            "station",
            "daten",  # "nach Unternehmensangaben Daten" (a whole word: "Soldaten", "Kandidaten")
            # named fires, winds and storms, and the words that open or end place names the
            # gazetteer does not hold ("Palisades Fire", "Santa Ana winds", "Pacific Palisades",
            # "Fire Protection")
            "fire",
            "fires",
            "wind",
            "winds",
            "storm",
            "protection",
            "santa",
            "san",
            "los",
            "las",
            "fort",
            "mount",
            "cape",
            "pacific",
            "atlantic",
            "county",
            "valley",
            "beach",
            "hills",
            "springs",
            "heights",
            "canyon",
            "palisades",
            # competitions and venues whose last word is short ("Champions League", "World Cup",
            # "Australian Open", "Grand Prix", "Olympic Games")
            "league",
            "cup",
            "open",
            "prix",
            "games",
            "arena",
        ]
    )
    | OUTLET_WORDS
)


@lru_cache(maxsize=65536)
def is_person(name: str) -> bool:
    """Not an office, institution, sea or other name-like run of capitalised words."""
    return not any(w.endswith(_NOT_PERSON_ENDINGS) or w in _NOT_PERSON_WORDS for w in name.split())


def named(p: Prepared) -> tuple[str, ...]:
    """The claim's proper names without institutions and offices ("court", "strafgerichtshof"):
    those are translated between languages, a name is not."""
    return tuple(n for n in p.names if is_person(n))


def _surname(name: str) -> str:
    return name.rpartition(" ")[2]


def person_conflict(pa: tuple[str, ...], pb: tuple[str, ...]) -> str | None:
    sides = person_sides(pa, pb)
    return None if sides is None else vs(sides)


def person_sides(
    pa: tuple[str, ...], pb: tuple[str, ...], norm_a: str = "", norm_b: str = ""
) -> Sides | None:
    """Each side names a person the other does not. One surname is one person ("Merkel" = "Angela
    Merkel"; alias spellings are one name already); offices and institutions that look like
    names ("Statistische Bundesamt", "Ministerpräsident Mamin") are not persons. A surname the
    other claim has among its words (``norm_a``, ``norm_b``) is named there too, though not read
    as a person: "Elektronikkette MediaMarkt" and "ein Cyberangriff auf MediaMarkt"."""
    xs = [x for x in pa if is_person(x)]
    ys = [y for y in pb if is_person(y)]
    sur_a, sur_b = {_surname(x) for x in pa}, {_surname(y) for y in pb}
    words_a, words_b = set(norm_a.split()), set(norm_b.split())
    only_a = sorted(x for x in xs if not (_surname(x) in words_b or _named_in(_surname(x), sur_b)))
    only_b = sorted(y for y in ys if not (_surname(y) in words_a or _named_in(_surname(y), sur_a)))
    return _sides(only_a, only_b)


# Popes and monarchs are named by a first name that each language writes its own way ("Papst
# Franziskus" = "Pope Francis", "König Karl III." = "King Charles III"): German -> English.
_REGNAL_NAMES = {
    "franziskus": "francis", "benedikt": "benedict", "johannes": "john", "karl": "charles",
    "wilhelm": "william", "elisabeth": "elizabeth", "georg": "george", "friedrich": "frederick",
    "heinrich": "henry", "ludwig": "louis", "philipp": "philip", "katharina": "catherine",
    "gregor": "gregory", "pius": "pius", "leo": "leo", "paul": "paul", "juan": "juan",
}  # fmt: skip


def _regnal(name: str) -> str:
    return _REGNAL_NAMES.get(name, name)


def _named_in(surname: str, surnames: set[str]) -> bool:
    """The surname, or another transliteration of it ("Netanjahu" = "Netanyahu"), or a pope's
    or monarch's name in the other language ("Franziskus" = "Francis")."""
    if surname in surnames or any(same_spelling(surname, s) for s in surnames):
        return True
    return any(_regnal(surname) == _regnal(s) for s in surnames)


def shared_persons(pa: tuple[str, ...], pb: tuple[str, ...]) -> list[str]:
    """Surnames of persons both claims name (a run that is no person on either side is none)."""
    sur_b = {_surname(y) for y in pb if is_person(y)}
    return sorted({_surname(x) for x in pa if is_person(x) and _named_in(_surname(x), sur_b)})


def _set_sides(a: set[str], b: set[str]) -> Sides | None:
    return _sides(sorted(a - b), sorted(b - a))


def _years(ds: tuple[str, ...]) -> set[str]:
    return {d[:4] for d in ds if d[:1].isdigit()}


def _days(ds: tuple[str, ...]) -> set[str]:
    return {d[-5:] for d in ds if len(d) >= 7 and d[-3] == "-" and d[-6] == "-"}


# Month names that are also common words ("may", "march") or short forms count only as dates.
_MONTH_WORDS = {
    w: m
    for w, m in MONTHS.items()
    if (len(w) > 4 and w != "march") or w in ("mai", "juni", "juli", "june", "july")
}

# ... unless a time word leads them in: "since March", "in May", "bis März" is the month.
_AMBIGUOUS_MONTHS = frozenset({"march", "may"})
_MONTH_CUES = frozenset(
    ["in", "since", "until", "till", "from", "by", "early", "late", "mid", "end", "last", "next",
     "this", "seit", "bis", "ab", "im", "anfang", "ende"]
)  # fmt: skip
# ... or a part of it: "until the end of March", "by the middle of May", "the beginning of March".
_MONTH_PARTS = frozenset(["end", "beginning", "start", "middle", "mid", "half"])


def months(p: Prepared) -> frozenset[int]:
    """Months the claim names, from dates and from month words ("im Dezember", "in November")."""
    return _months(p.norm, p.dates)


@lru_cache(maxsize=8192)
def _months(norm: str, dates: tuple[str, ...]) -> frozenset[int]:
    found = {int(d[5:7]) for d in dates if len(d) >= 7 and d[:4].isdigit() and d[5:7].isdigit()}
    found |= {int(d[2:4]) for d in dates if d.startswith("--") and d[2:4].isdigit()}
    words = norm.split()
    found |= {_MONTH_WORDS[w] for w in words if w in _MONTH_WORDS}
    found |= {
        MONTHS[w]
        for prev, w in zip(["", *words], words, strict=False)
        if w in _AMBIGUOUS_MONTHS and prev in _MONTH_CUES
    }
    found |= {
        MONTHS[w]
        for part, of, w in zip(["", "", *words], ["", *words], words, strict=False)
        if w in _AMBIGUOUS_MONTHS and of == "of" and part in _MONTH_PARTS
    }
    return frozenset(found)


def date_conflict(a: Prepared, b: Prepared) -> str | None:
    """Years, days or months that differ on both sides ("2021 vs 2022", "month 01 vs month 12")."""
    found = date_sides(a, b)
    if found is None:
        return None
    unit, (x, y) = found
    if unit == "month":
        return f"month {', '.join(x)} vs month {', '.join(y)}"
    return vs((x, y))


def date_sides(a: Prepared, b: Prepared) -> tuple[str, Sides] | None:
    """The unit that differs ("year": "2021"; "day": "01-05", month-day; "month": "01") and
    each side's values of it."""
    years = _set_sides(_years(a.dates), _years(b.dates))
    if years:
        return "year", years
    days = _set_sides(_days(a.dates), _days(b.dates))
    if days:
        return "day", days
    ma, mb = months(a), months(b)
    if ma and mb and not ma & mb:
        sides = _sides([f"{m:02d}" for m in sorted(ma)], [f"{m:02d}" for m in sorted(mb)])
        return ("month", sides) if sides else None
    wa, wb = weekdays(a.norm), weekdays(b.norm)
    if wa and wb and not wa & wb:
        return "weekday", _sides(sorted(wa), sorted(wb))  # type: ignore[return-value]
    return None


# Weekdays, German and English, folded as ``norm`` holds them -> the English name. Agency copy
# dates by weekday ("early on Tuesday", "am Donnerstag"): two reports of one event that name
# different weekdays tell of different days, as two dates do.
_WEEKDAYS = {
    "montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday",
    "donnerstag": "thursday", "freitag": "friday", "samstag": "saturday",
    "sonnabend": "saturday", "sonntag": "sunday", "monday": "monday", "tuesday": "tuesday",
    "wednesday": "wednesday", "thursday": "thursday", "friday": "friday",
    "saturday": "saturday", "sunday": "sunday",
}  # fmt: skip


# Words of saying: a weekday next to one dates the statement, not what the claim is about.
# Outlets report one statement on different days ("said on Tuesday" in the evening's copy, "said
# on Wednesday" in the next morning's), so those weekdays must not set two reports apart. The
# verb comes before the weekday ("police said on Tuesday", "teilte das Ministerium am Montag
# mit") or, in a German clause, right after it ("wie das Ministerium am Montag mitteilte").
_SAYING_BEFORE = frozenset(
    ["said", "says", "told", "announced", "stated", "reported", "confirmed", "sagte", "sagt",
     "erklaerte", "teilte", "gab", "berichtete", "bestaetigte"]
)  # fmt: skip
_SAYING_AFTER = frozenset(
    ["mitteilte", "mitgeteilt", "mit", "bekannt", "sagte", "erklaerte", "berichtete",
     "bestaetigte"]
)  # fmt: skip


# A part of the day written onto the weekday ("am Dienstagabend", "Samstagmorgen"): the weekday.
_DAY_PARTS = ("abend", "morgen", "nachmittag", "vormittag", "mittag", "nacht", "frueh")
_COMPOUND_WEEKDAYS = {
    day + part: english for day, english in _WEEKDAYS.items() for part in _DAY_PARTS
    if not day.endswith("day")
}  # fmt: skip


@lru_cache(maxsize=8192)
def weekdays(norm: str) -> frozenset[str]:
    """The weekdays a claim names (English names), read from its normalised words, leaving out
    those that date a statement ("said on Tuesday", "wie … am Dienstag mitteilte")."""
    words = norm.split()
    return frozenset(
        _WEEKDAYS.get(w) or _COMPOUND_WEEKDAYS[w]
        for i, w in enumerate(words)
        if (w in _WEEKDAYS or w in _COMPOUND_WEEKDAYS)
        and _SAYING_BEFORE.isdisjoint(words[max(0, i - 4) : i])
        and _SAYING_AFTER.isdisjoint(words[i + 1 : i + 2])
    )


def shared_dates(a: Prepared, b: Prepared) -> list[str]:
    out = sorted((_years(a.dates) & _years(b.dates)) | (_days(a.dates) & _days(b.dates)))
    out += [f"month {m:02d}" for m in sorted(months(a) & months(b))]
    return out


# A share of a whole: "241 of the 242 people on board", "drei der vier Insassen", "all 67
# people", "alle vier Insassen", "none of the 12". Both claims count the same whole (the total
# agrees, so the figure guard sees agreement) but a different part of it: "killing 241 of the
# 242 people on board" and "killing all 242 people on board" are two claims.
_ALL = frozenset(["all", "alle", "allen", "aller", "saemtliche", "saemtlichen", "each", "every"])
_NONE = frozenset(["none", "keiner", "keine", "keinen", "niemand"])
_PART_OF = frozenset(["of", "der", "von"])
_THE = frozenset(["the", "den", "die", "der", "its", "their", "seinen", "ihren"])


def _whole(word: str) -> int | None:
    """A whole number as ``norm`` writes it ("242"), or None ("0p5", "1p2e09", a year)."""
    if not word.isdigit() or len(word) > 7:
        return None
    return int(word)


@lru_cache(maxsize=8192)
def shares(norm: str) -> frozenset[tuple[int, int]]:
    """The shares a normalised text states, as (part, whole): "241 of the 242" -> (241, 242),
    "all 242", "all of the 242" -> (242, 242), "none of the 12" -> (0, 12)."""
    words = norm.split()
    out: set[tuple[int, int]] = set()
    for i, w in enumerate(words):
        part = w in _ALL or w in _NONE or _whole(w) is not None
        if not part:
            continue
        rest = words[i + 1 : i + 4]
        of = bool(rest) and rest[0] in _PART_OF
        if of:
            rest = rest[1:]
        if rest and rest[0] in _THE:
            rest = rest[1:]
        total = _whole(rest[0]) if rest else None
        if total is None or total < 2 or not (of or w in _ALL):
            continue
        if w in _ALL:
            out.add((total, total))
        elif w in _NONE:
            out.add((0, total))
        elif int(w) <= total:
            out.add((int(w), total))
    return frozenset(out)


@lru_cache(maxsize=8192)
def share_sides(norm_a: str, norm_b: str) -> Sides | None:
    """The shares of one whole that differ between the claims ("241 of 242" vs "242 of 242"),
    when neither claim states the other's: each side as "part/whole", or None."""
    xs, ys = shares(norm_a), shares(norm_b)
    if not xs or not ys:
        return None
    only_a = sorted(f"{p}/{t}" for p, t in xs - ys if any(t == u for _, u in ys - xs))
    only_b = sorted(f"{p}/{t}" for p, t in ys - xs if any(t == u for _, u in xs - ys))
    return _sides(only_a, only_b)
