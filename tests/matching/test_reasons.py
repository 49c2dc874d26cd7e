"""Conflict reasons are data: figures with qualifiers, events, places, dates, persons, negation;
the same for both orders of a pair, readable back from links stored as English text."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import compare
from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import (
    ClaimFacts,
    describe,
    legacy_conflict,
    orient,
    stored_conflicts,
)


def _conflicts(a: str, b: str, la: str = "de", lb: str = "de") -> list[dict]:
    ab = compare(prepare(a, la), prepare(b, lb))
    ba = compare(prepare(b, lb), prepare(a, la))
    found = [r for r in ab.reasons if r["code"].startswith("conflict.")]
    assert found == [r for r in ba.reasons if r["code"].startswith("conflict.")]  # symmetric
    assert [describe(r).partition(":")[0] for r in found]  # every reason has an English form
    return found


def test_a_figure_conflict_names_both_figures_with_their_qualifiers():
    found = _conflicts(
        "In Almaty wurden mehr als 2.000 Menschen festgenommen.",
        "In Almaty wurden 2.700 Menschen festgenommen.",
    )
    (figure,) = found
    assert figure["code"] == "conflict.figure"
    values = [(s["value"], s["qualifier"], s["event"]) for s in figure["sides"]]
    assert sorted(values, key=repr) == sorted(
        [(2000.0, "more_than", "arrests"), (2700.0, None, "arrests")], key=repr
    )
    assert "detail" not in figure


def test_the_same_number_counting_another_happening_is_an_event_conflict():
    found = _conflicts(
        "Mehr als 2.000 Menschen in Almaty festgenommen.",
        "More than 2,000 people killed in Almaty.",
        "de",
        "en",
    )
    assert found == [{"code": "conflict.event", "sides": ["arrests", "deaths"]}]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Bei Protesten in Almaty wurden Hunderte verletzt.",
         "Bei Protesten in Astana wurden Hunderte verletzt.",
         {"code": "conflict.place", "sides": [["Almaty"], ["Astana"]]}),
        ("Im Januar 2022 wurden 164 Menschen getötet.", "Im Januar 2021 wurden 164 Menschen getötet.",
         {"code": "conflict.date", "unit": "year", "sides": [["2021"], ["2022"]]}),
        ("Tokajew hat den Rücktritt der Regierung angenommen.",
         "Nasarbajew hat den Rücktritt der Regierung angenommen.",
         {"code": "conflict.person", "sides": [["nazarbayev"], ["tokayev"]]}),
        ("Der Einsatz der Truppen war legal.", "Der Einsatz der Truppen war nicht legal.",
         {"code": "conflict.polarity", "negation": True, "pairs": []}),
        ("Der Einsatz war legal.", "Der Einsatz war illegal.",
         {"code": "conflict.polarity", "negation": False, "pairs": [["illegal", "legal"]]}),
    ],
)  # fmt: skip
def test_each_aspect_is_named_by_its_facts(a, b, expected):
    assert expected in _conflicts(a, b)


def test_old_english_conflicts_are_read_back_into_data():
    assert legacy_conflict("figure: more than 2,000 people arrests vs 2,700 people arrests") == [
        {
            "code": "conflict.figure",
            "sides": [
                {"value": 2000.0, "qualifier": "more_than", "unit": None, "event": "arrests",
                 "subject": "people", "noun": None},
                {"value": 2700.0, "qualifier": None, "unit": None, "event": "arrests",
                 "subject": "people", "noun": None},
            ],
        }
    ]  # fmt: skip
    assert legacy_conflict("figure: 2,000 arrests vs 2,000 deaths") == [
        {"code": "conflict.event", "sides": ["arrests", "deaths"]}
    ]
    assert legacy_conflict("city: Almaty vs Astana, Shymkent") == [
        {"code": "conflict.place", "sides": [["Almaty"], ["Astana", "Shymkent"]]}
    ]
    assert legacy_conflict("polarity: negation") == [
        {"code": "conflict.polarity", "negation": True, "pairs": []}
    ]
    assert legacy_conflict("date: month 01 vs month 12")[0]["unit"] == "month"
    # What cannot be read is kept as written.
    assert legacy_conflict("figure: lots vs few") == [
        {"code": "conflict.figure", "detail": "lots vs few"}
    ]
    assert legacy_conflict("odd") == [{"code": "conflict.", "detail": "odd"}]


def test_stored_features_of_every_shape_give_the_reasons():
    new = {"reasons": [{"code": "conflict.place", "sides": [["Almaty"], ["Astana"]]},
                       {"code": "wording", "value": 80.0}]}  # fmt: skip
    assert stored_conflicts(new) == [new["reasons"][0]]
    detail = {"reasons": [{"code": "conflict.place", "detail": "Almaty vs Astana"}]}
    strings = {"conflicts": ["place: Almaty vs Astana"]}
    assert stored_conflicts(detail) == stored_conflicts(strings) == [new["reasons"][0]]
    assert stored_conflicts(None) == stored_conflicts({}) == []
    assert stored_conflicts({"conflicts": [], "reasons": "garbage"}) == []


def test_sides_are_turned_to_the_claim_they_are_seen_from():
    reasons = [
        {"code": "conflict.place", "sides": [["Almaty"], ["Astana"]]},
        {"code": "conflict.figure", "sides": [{"value": 225.0}, {"value": 164.0}]},
        {"code": "conflict.polarity", "negation": True, "pairs": []},
    ]
    astana = ClaimFacts([{"value": 164.0, "counted": "deaths"}], ["Astana"], [], "…")
    turned = orient(reasons, astana)
    assert turned[0]["sides"] == [["Astana"], ["Almaty"]]
    assert turned[1]["sides"] == [{"value": 164.0}, {"value": 225.0}]
    assert turned[2] == reasons[2]
    almaty = ClaimFacts([{"value": 225.0}], ["Almaty"], [], "…")
    assert orient(reasons, almaty) == reasons
