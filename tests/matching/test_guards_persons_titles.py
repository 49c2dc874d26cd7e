"""Runs of capitals that are no person (competitions, titles, venues), and a pope's or monarch's
name in each language ("Papst Franziskus" = "Pope Francis")."""

from __future__ import annotations

import pytest

from claimtrack.matching.guards import is_person, person_sides
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    "run",
    ["european championship", "mal europameister", "olympic stadium", "champions league",
     "world cup", "australian open", "grand prix", "olympic games", "weltmeisterschaft",
     "fifa weltcup", "dfb pokal"],
)  # fmt: skip
def test_competitions_titles_and_venues_are_no_persons(run: str):
    assert not is_person(run)


def test_a_competition_against_a_title_is_no_person_conflict():
    assert not _has(
        "Italien hat das Finale in Wembley gewonnen und ist zum zweiten Mal Europameister.",
        "Italy won the European Championship final at Wembley for the second time.",
        "person",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Papst Benedikt XVI. ist im Alter von 95 Jahren gestorben.",
         "Pope Benedict XVI has died at the age of 95."),
        ("Pope Francis met the Ukrainian president at the Vatican.",
         "Papst Franziskus hat den ukrainischen Präsidenten im Vatikan empfangen."),
        ("König Karl III. wurde in der Westminster Abbey gekrönt.",
         "King Charles III was crowned in Westminster Abbey."),
        ("Papst Johannes Paul II. besuchte 1979 Polen.", "Pope John Paul II visited Poland in 1979."),
    ],
)  # fmt: skip
def test_a_pope_or_monarch_in_two_languages_is_one_person(a: str, b: str):
    assert not _has(a, b, "person")


def test_another_pope_is_another_person():
    assert person_sides(("papst franziskus",), ("pope benedict",)) is not None
    assert person_sides(("pope benedict",), ("papst franziskus",)) is not None
