"""Why two claims conflict, as data the desk can show in its own language.

A conflict reason is ``{"code": "conflict.<aspect>", **parameters}``; the parameters are the facts
themselves (figures with their qualifiers, what happened to those counted, who is counted, places,
dates, persons, the negation), never sentences, so the web layer can say them in German or English
and the CLI in English (``describe``). Every side pair is in a stable order, so ``compare(a, b)``
and ``compare(b, a)`` give the same reasons.

Codes and parameters:

- ``conflict.figure``: ``sides`` = two figures ``{"value", "qualifier", "unit", "event",
  "subject", "noun"}`` whose values disagree ("more than 2,000" vs "225");
- ``conflict.event``: ``sides`` = two events ("arrests" vs "deaths": what happened to those counted);
- ``conflict.counted``: ``sides`` = two subjects ("protesters" vs "police": who is counted);
- ``conflict.place`` / ``conflict.person``: ``sides`` = two lists of names;
- ``conflict.date``: ``unit`` ("year", "day" as "MM-DD", "month" as "MM", "weekday" as its English
  name) and ``sides``;
- ``conflict.polarity``: ``negation`` (only one claim denies) and ``pairs`` of words of opposite
  meaning;
- ``conflict.name``: ``sides`` = two lists of proper names no table knows (a town, a company)
  that stand in one slot ("Acapulco" vs "Cancún", "Apple" vs "Google"; ``names``);
- ``conflict.share``: ``sides`` = two lists of shares of one whole as "part/whole" ("241/242"
  vs "242/242": "241 of the 242 people on board" vs "all 242");
- ``conflict.actor``: ``sides`` = the institution acting in each claim as "kind:owner"
  ("government:Poland" vs "government:Germany", "centralbank:Germany" vs "government:Germany";
  owner "?" where the claim does not say whose; ``bodies.actors``);
- ``conflict.rank``: ``sides`` = two lists of ranks as strings ("1" vs "3": "stärkste" vs
  "drittstärkste"; ``ranks``);
- ``conflict.role``: ``relation`` ("replace", "defeat", "sue", "attack", "accuse", "invade",
  "acquire", "transfer": the one a player or unit goes to, then the one it leaves) and
  ``sides`` = two [doer, done to] pairs (None where a claim does not name one): who did what to
  whom is reversed ("Tokayev replaced Nazarbayev" vs "Nazarbayev replaced Tokayev"), or another
  doer did it to the same one ("Nippon Steel buys U.S. Steel" vs "Cleveland-Cliffs buys U.S. Steel").

Links stored before reasons were data carry English strings ("figure: 2,000 vs 2,700") or
``{"code", "detail"}``; ``stored_conflicts`` turns those into the same shapes where it can read
them and keeps ``detail`` as written where it cannot.
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.matching.bodies import (
    actor_sides,
    animal_sides,
    authority_sides,
    body_sides,
    disease_sides,
)
from claimtrack.matching.figures import FigureKey, check_figures, fig, fmt
from claimtrack.matching.guards import (
    Sides,
    date_sides,
    named,
    person_sides,
    place_sides,
    share_sides,
    vs,
)
from claimtrack.matching.names import name_sides
from claimtrack.matching.prepare import Prepared
from claimtrack.matching.ranks import rank_sides
from claimtrack.matching.roles import RoleClash, role_clash
from claimtrack.text._numlex import UNITS_AFTER
from claimtrack.text.normalize import fold
from claimtrack.text.places import ground_countries
from claimtrack.text.polarity import PolarityClash, fate_clash, polarity_clash

Reason = dict[str, Any]

__all__ = ["ClaimFacts", "conflicts", "describe", "orient", "stored_conflicts"]


def conflicts(a: Prepared, b: Prepared) -> list[tuple[str, list[Reason]]]:
    """Each conflicting aspect once, in a stable order: its English text ("figure: 2,000 vs
    2,700") and its reasons as data."""
    out: list[tuple[str, list[Reason]]] = []
    pair = check_figures(a.figures, b.figures).conflict
    if pair is not None:
        out.append((f"figure: {fmt(pair[0])} vs {fmt(pair[1])}", figure_reasons(*pair)))
    share = share_sides(a.norm, b.norm)  # "241 of the 242" vs "all 242"
    if share:
        out.append((f"share: {vs(share)}", [_sided("share", share)]))
    # a country's adjective before a coast, a border, waters is a place ("off the Libyan coast")
    places = place_sides(a.places + ground_countries(a.norm), b.places + ground_countries(b.norm))
    if places:
        out.append((f"place: {vs(places)}", [_sided("place", places)]))
    dates = date_sides(a, b)
    if dates:
        unit, sides = dates
        out.append((f"date: {_date_text(unit, sides)}", [{**_sided("date", sides), "unit": unit}]))
    persons = person_sides(a.persons, b.persons, a.norm, b.norm)
    if persons:
        out.append((f"person: {vs(persons)}", [_sided("person", persons)]))
    same_language = a.language == b.language
    names = name_sides(a.norm, named(a), b.norm, named(b), same_language, _places(a), _places(b),
                       a.language if same_language else "")  # fmt: skip
    slots = [names] if names and not persons else []
    bodies = body_sides(a.norm, b.norm)  # chambers, courts, parties: names of common words
    if bodies:
        slots.append(bodies)
    ill = disease_sides(a.norm, b.norm)  # "the mpox outbreak" vs "the cholera outbreak"
    if ill:
        slots.append(ill)
    beasts = animal_sides(a.norm, b.norm)  # "ein Wolf" vs "ein Goldschakal", "wild boar" vs "pig"
    if beasts:
        slots.append(beasts)
    offices = authority_sides(a.norm, b.norm) if a.language == b.language else None
    if offices:
        slots.append(_labelled(offices))
    if slots:
        text = "; ".join(vs(s) for s in slots)
        out.append((f"name: {text}", [_sided("name", s) for s in slots]))
    acting = actor_sides(a.norm, b.norm)  # "die polnische Regierung" vs "die deutsche Regierung"
    if acting:
        out.append((f"actor: {vs(acting)}", [_sided("actor", acting)]))
    ranked = rank_sides(a.norm, b.norm)
    if ranked:
        out.append((f"rank: {vs(ranked)}", [_sided("rank", ranked)]))
    clash = polarity_clash(a.polarity, b.polarity)
    fates = fate_clash(a.norm, b.norm) if _same_people(a, b) else None
    if fates and (clash is None or fates not in clash.pairs):
        clash = PolarityClash(clash.negation if clash else False,
                              tuple(sorted((*(clash.pairs if clash else ()), fates))))  # fmt: skip
    if clash:
        out.append((f"polarity: {clash.text()}", [polarity_reason(clash)]))
    reversal = role_clash(a, b)
    if reversal:
        out.append((f"role: {reversal.text()}", [role_reason(reversal)]))
    return out


def _labelled(sides: Sides) -> Sides:
    """German compound names as the desk reads them ("bundeskartellamt" -> "Bundeskartellamt")."""
    return tuple(w.capitalize() for w in sides[0]), tuple(w.capitalize() for w in sides[1])


def _same_people(a: Prepared, b: Prepared) -> bool:
    """Whether two claims may tell of the same people: not when both count and no count agrees
    ("27 migrants drowned" and "the coast guard rescued 40 migrants" are other people)."""
    if not a.figures or not b.figures:
        return True
    return not {f[0] for f in a.figures}.isdisjoint(f[0] for f in b.figures)


def _places(p: Prepared) -> tuple[str, ...]:
    """The claim's known cities as ``norm`` writes them ("Osnabrück" -> "osnabrueck"): a town no
    table knows may lie in a country or region, not in another city."""
    return tuple(fold(name).replace(" ", "") for name, kind in p.places if kind == "city")


def role_reason(clash: RoleClash) -> Reason:
    return {"code": "conflict.role", "relation": clash.relation,
            "sides": [list(clash.sides[0]), list(clash.sides[1])]}  # fmt: skip


def _sided(aspect: str, sides: Sides) -> Reason:
    return {"code": f"conflict.{aspect}", "sides": [list(sides[0]), list(sides[1])]}


def _date_text(unit: str, sides: Sides) -> str:
    if unit == "month":
        return f"month {', '.join(sides[0])} vs month {', '.join(sides[1])}"
    return vs(sides)


def figure_param(key: FigureKey) -> Reason:
    """One figure as the desk shows it: the value as written (its own unit, not days), its
    qualifier, what happened to those counted and who they are."""
    value, unit, _counted, qualifier = key
    f = fig(key)
    subject = f.subject if f.subject and not f.subject.startswith("~") else None
    noun = f.subject[1:] if f.subject and f.subject.startswith("~") else None
    if subject == "people" or unit == "people":
        subject, unit = subject or "people", None
    return {"value": value, "qualifier": qualifier, "unit": unit, "event": f.event,
            "subject": subject, "noun": noun}  # fmt: skip


def figure_reasons(x: FigureKey, y: FigureKey) -> list[Reason]:
    """A contradicting pair of figures: the values, and what is counted where that differs."""
    fx, fy = fig(x), fig(y)
    sides = [figure_param(x), figure_param(y)]
    out: list[Reason] = []
    if (fx.value, fx.qualifier) != (fy.value, fy.qualifier) or fx.unit != fy.unit:
        out.append({"code": "conflict.figure", "sides": sides})
    if fx.event and fy.event and fx.event != fy.event:
        out.append({"code": "conflict.event", "sides": [fx.event, fy.event]})
    subjects = [s["subject"] for s in sides]
    if all(s and s != "people" for s in subjects) and subjects[0] != subjects[1]:
        out.append({"code": "conflict.counted", "sides": subjects})
    return out or [{"code": "conflict.figure", "sides": sides}]


def polarity_reason(clash: PolarityClash) -> Reason:
    return {"code": "conflict.polarity", "negation": clash.negation,
            "pairs": [list(p) for p in clash.pairs]}  # fmt: skip


# -- English, for the CLI and logs ------------------------------------------------------------
def describe(reason: Reason) -> str:
    """A conflict reason in English ("figure: more than 2,000 vs 225")."""
    code = str(reason.get("code", ""))
    aspect = code.removeprefix("conflict.")
    if "detail" in reason:
        return f"{aspect}: {reason['detail']}"
    if code == "conflict.figure":
        return "figure: " + " vs ".join(_figure_en(s) for s in reason["sides"])
    if code == "conflict.polarity":
        items = [f"'{x}' vs '{y}'" for x, y in reason.get("pairs") or []]
        return "polarity: " + "; ".join(
            sorted(items + (["negation"] if reason.get("negation") else []))
        )
    sides = reason.get("sides") or [[], []]
    if code == "conflict.role":
        rel = reason.get("relation")
        x, y = ([p or "?" for p in side] for side in sides)
        return f"role: {x[0]} {rel} {x[1]} vs {y[0]} {rel} {y[1]}"
    if code == "conflict.date" and reason.get("unit") == "month":
        return f"date: month {_join(sides[0])} vs month {_join(sides[1])}"
    return f"{aspect}: {_join(sides[0])} vs {_join(sides[1])}"


def _join(side: Any) -> str:
    return ", ".join(side) if isinstance(side, list) else str(side)


def _figure_en(f: Reason) -> str:
    qualifier = (f.get("qualifier") or "").replace("_", " ")
    what = f.get("event") or f.get("subject") or f.get("noun")
    parts = [qualifier, f"{f['value']:,.6g}", f.get("unit"), what]
    return " ".join(str(p) for p in parts if p)


# -- links stored before reasons were data ----------------------------------------------------
_PLACE_ASPECTS = {"place", "city", "country", "region"}
_QUALIFIERS = {q.replace("_", " "): q for q in
               ("more_than", "less_than", "at_least", "at_most", "about", "almost")}  # fmt: skip
_UNITS = {unit for _, unit in UNITS_AFTER}
_NUMBER = re.compile(r"^-?[\d,]*\.?\d+(?:e[+-]?\d+)?$")


def stored_conflicts(features: dict[str, Any] | None) -> list[Reason]:
    """The conflict reasons of a stored link or match, whatever shape they were stored in."""
    features = features or {}
    stored = [r for r in features.get("reasons") or [] if isinstance(r, dict)]
    found = [r for r in stored if str(r.get("code", "")).startswith("conflict.")]
    if found and all("detail" not in r for r in found):
        return found
    texts = [str(c) for c in features.get("conflicts") or []]
    if not texts:  # reasons as {"code", "detail"} without the strings beside them
        texts = [
            f"{str(r['code']).removeprefix('conflict.')}: {r.get('detail', '')}" for r in found
        ]
    return [r for text in texts for r in legacy_conflict(text)]


def legacy_conflict(text: str) -> list[Reason]:
    """One English conflict string ("place: Almaty vs Astana") as reasons; ``detail`` keeps what
    cannot be read."""
    aspect, _, detail = text.partition(": ")
    if not detail:
        aspect, detail = "", aspect
    try:
        parsed = _parse_legacy(aspect, detail)
    except (ValueError, IndexError):
        parsed = None
    return parsed or [{"code": f"conflict.{aspect}", "detail": detail}]


def _parse_legacy(aspect: str, detail: str) -> list[Reason] | None:
    if aspect == "polarity":
        items = [i.strip() for i in detail.split(";") if i.strip()]
        pairs = [_two(i.replace("'", "")) for i in items if i != "negation"]
        if not items or any(p is None for p in pairs):
            return None
        clash = PolarityClash("negation" in items, tuple(p for p in pairs if p))
        return [polarity_reason(clash)]
    halves = _two(detail)
    if halves is None:
        return None
    if aspect == "figure":
        x, y = _legacy_figure(halves[0]), _legacy_figure(halves[1])
        return figure_reasons(x, y) if x and y else None
    sides = [s.strip() for s in halves[0].split(",")], [s.strip() for s in halves[1].split(",")]
    if aspect in _PLACE_ASPECTS:
        return [{"code": "conflict.place", "sides": [sides[0], sides[1]]}]
    if aspect == "person":
        return [{"code": "conflict.person", "sides": [sides[0], sides[1]]}]
    if aspect == "date":
        return _legacy_date(sides)
    return None


def _two(detail: str) -> tuple[str, str] | None:
    left, sep, right = detail.partition(" vs ")
    if not sep or not left.strip() or not right.strip() or " vs " in right:
        return None
    return left.strip(), right.strip()


def _legacy_date(sides: tuple[list[str], list[str]]) -> list[Reason] | None:
    x, y = sides
    if all(v.startswith("month ") for v in (x[0], y[0])):
        x, y = [x[0].removeprefix("month "), *x[1:]], [y[0].removeprefix("month "), *y[1:]]
        unit = "month"
    else:
        unit = "year" if all(len(v) == 4 for v in x + y) else "day"
    return [{"code": "conflict.date", "unit": unit, "sides": [x, y]}]


def _legacy_figure(text: str) -> FigureKey | None:
    """Read back what ``figures.fmt`` wrote: [qualifier] value [unit] [counted]."""
    qualifier = None
    for written, q in _QUALIFIERS.items():
        if text.startswith(written + " "):
            qualifier, text = q, text[len(written) + 1 :]
            break
    words = text.split()
    if not words or not _NUMBER.match(words[0]):
        return None
    value = float(words[0].replace(",", ""))
    rest = words[1:]
    unit = rest.pop(0) if rest and rest[0] in _UNITS else None
    counted = " ".join(rest) or None
    if counted is not None and " " in counted:
        return None
    return value, unit, counted, qualifier


# -- seen from one claim ----------------------------------------------------------------------
def orient(reasons: list[Reason], facts: ClaimFacts) -> list[Reason]:
    """The reasons with each pair of sides turned so that the first is what the claim with
    ``facts`` says ("Almaty vs Astana" on Almaty's page, "Astana vs Almaty" on Astana's)."""
    figure_turn = _figure_turn(reasons, facts)
    out = []
    for r in reasons:
        sides = r.get("sides")
        if not isinstance(sides, list) or len(sides) != 2:
            out.append(r)
            continue
        if r["code"] in ("conflict.figure", "conflict.event", "conflict.counted"):
            turn = figure_turn
        else:
            turn = _fits(r, sides[1], facts) and not _fits(r, sides[0], facts)
        out.append({**r, "sides": [sides[1], sides[0]]} if turn else r)
    return out


class ClaimFacts:
    """What one claim states, as stored with it (figures as dicts, canonical place names, dates
    as written by extraction, the text for persons)."""

    def __init__(self, figures: list[Any], places: list[str], dates: list[Any], text: str):
        self.figures = [f for f in figures if isinstance(f, dict)]
        self.places = {str(p) for p in places}
        self.dates = [str(d) for d in dates]
        self.text = fold(text)


def _figure_turn(reasons: list[Reason], facts: ClaimFacts) -> bool:
    """One contradicting figure pair per link: turn all its reasons together, by the side whose
    value (or, for one value, what happened) the claim states."""
    for r in reasons:
        if r.get("code") == "conflict.figure" and isinstance(r.get("sides"), list):
            x, y = r["sides"]
            return _has_figure(facts, y) and not _has_figure(facts, x)
    for r in reasons:
        if r.get("code") == "conflict.event" and isinstance(r.get("sides"), list):
            events = {fig((0.0, None, f.get("counted"), None)).event for f in facts.figures}
            return r["sides"][1] in events and r["sides"][0] not in events
    return False


def _has_figure(facts: ClaimFacts, side: Any) -> bool:
    if not isinstance(side, dict):
        return False
    return any(f.get("value") == side.get("value") for f in facts.figures)


def _fits(reason: Reason, side: Any, facts: ClaimFacts) -> bool:
    values = [str(v) for v in side] if isinstance(side, list) else [str(side)]
    code = reason.get("code")
    if code == "conflict.place":
        return set(values) <= facts.places
    if code == "conflict.person":
        return all(fold(v).rpartition(" ")[2] in facts.text for v in values)
    if code == "conflict.date":
        unit = reason.get("unit")
        if unit == "year":
            return all(any(d.startswith(v) for d in facts.dates) for v in values)
        if unit == "day":
            return all(any(d.endswith("-" + v) for d in facts.dates) for v in values)
        return all(any(d[5:7] == v for d in facts.dates) for v in values)
    return False
