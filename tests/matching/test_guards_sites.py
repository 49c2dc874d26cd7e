"""Rivers and named sites as places: "die Donau" vs "der Inn" are two places, "Grünes Gewölbe"
= "Green Vault" is one (not two persons), the Louvre lies in Paris. A river contradicts only
another river: it runs through the towns and countries a claim names."""

from __future__ import annotations

import pytest

from claimtrack.matching.prepare import prepare
from claimtrack.text.places import find_places
from tests.matching.conflict_aspects import aspects
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("In Regensburg ist die Donau über die Ufer getreten.",
         "In Regensburg ist die Isar über die Ufer getreten."),
        ("The Rhine at Cologne rose to 8.5 metres and shipping was halted.",
         "The Moselle rose to 8.5 metres and shipping was halted."),
        ("Ein Frachter ist auf der Elbe bei Hamburg auf Grund gelaufen.",
         "Ein Frachter ist auf der Weser bei Hamburg auf Grund gelaufen."),
        ("Thieves broke into the Louvre and stole two paintings.",
         "Thieves broke into the Green Vault and stole two paintings."),
    ],
)  # fmt: skip
def test_another_river_or_site_is_another_place(a: str, b: str):
    assert _has(a, b, "place")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Die Donau hat in Passau einen Pegel von 9 Metern erreicht.",
         "In Bayern haben die Flüsse einen Pegel von 9 Metern erreicht."),
        ("The Danube burst its banks in Hungary.", "Floods hit Budapest as rivers rose."),
        ("Thieves stole jewels from the Louvre.", "Thieves stole jewels from a museum in Paris."),
        ("Diebe haben Juwelen aus dem Grünen Gewölbe gestohlen.",
         "Thieves stole jewels from Dresden's Green Vault."),
    ],
)  # fmt: skip
def test_a_river_or_site_and_the_places_around_it_agree(a: str, b: str):
    assert not [t for t in aspects(a, b) if t.startswith(("place:", "person:", "name:"))]


def test_a_site_is_no_person():
    p = prepare("Das Grüne Gewölbe in Dresden zeigt die Juwelen wieder.")
    assert not p.persons
    assert ("Green Vault", "site") in p.places


@pytest.mark.parametrize(
    ("text", "river"),
    [
        ("Das Hochwasser am Main hat Würzburg erreicht.", "Main"),
        ("Die Oder steigt weiter.", "Oder"),
        ("The River Inn burst its banks.", "Inn"),
        ("Die Donau steigt.", "Danube"),
    ],
)
def test_rivers_are_read(text: str, river: str):
    assert river in [p.name for p in find_places(text) if p.kind == "river"]


@pytest.mark.parametrize(
    "text",
    [
        "Main roads were closed after the storm.",
        "Oder ist es schon zu spät?",
        "Im Rhein-Main-Gebiet fielen Züge aus.",
        "The guests stayed at a Holiday Inn near the airport.",
    ],
)
def test_a_river_name_as_another_word_is_no_river(text: str):
    assert not [p for p in find_places(text) if p.kind == "river"]


def test_a_fate_told_by_killing():
    assert _has(
        "A bus crashed near Lyon, killing 12 passengers.",
        "A bus crashed near Lyon; all 12 passengers were rescued unharmed.",
        "polarity",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Real Madrid beat Bayern Munich 2-1 in the semi-final.",
         "Bayern Munich beat Real Madrid 2-1 in the semi-final."),
        ("Inter Mailand hat Borussia Dortmund mit 3:1 besiegt.",
         "Borussia Dortmund hat Inter Mailand mit 3:1 besiegt."),
    ],
)  # fmt: skip
def test_a_club_named_with_its_city_is_one_participant(a: str, b: str):
    assert _has(a, b, "role")


def test_a_club_result_told_twice_agrees():
    assert not _has(
        "Bayern Munich beat Real Madrid 2-1 in the semi-final.",
        "Bayern München hat Real Madrid im Halbfinale mit 2:1 besiegt.",
        "role",
    )


def test_a_city_adjective_that_begins_a_site_is_still_the_city():
    # "Berliner Mauer" is a site, "Berliner Olympiastadion" is Berlin, as before sites
    names = [
        (p.name, p.kind)
        for p in find_places("Im Berliner Olympiastadion und an der Berliner Mauer.")
    ]
    assert names == [("Berlin", "city"), ("Berlin Wall", "site")]
