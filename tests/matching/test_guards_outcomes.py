"""Opposite outcomes of one happening and slots read as facts: a verdict (sentenced or acquitted),
a decision kept or struck down, jobs cut or created, the month in "the end of <month>", the polar
regions as places, and a figure after the name of its measure ("Stärke 6,8", "magnitude 5.8")."""

from __future__ import annotations

import pytest

from claimtrack.text.polarity import polarity, polarity_conflict
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # verdicts
        ("A Munich court sentenced the former mayor to four years in prison for bribery.",
         "A Munich court acquitted the former mayor of bribery."),
        ("Das Landgericht hat den Angeklagten zu sechs Jahren Haft verurteilt.",
         "Das Landgericht hat den Angeklagten freigesprochen."),
        # a decision granted or refused, kept or struck down
        ("Die Behörde hat den Impfstoff für Kinder zugelassen.",
         "Die Behörde hat die Zulassung des Impfstoffs für Kinder abgelehnt."),
        ("The appeals court upheld the ban on the party's rallies.",
         "The appeals court overturned the ban on the party's rallies."),
        ("Das Verwaltungsgericht hat das Bußgeld gegen den Konzern bestätigt.",
         "Das Verwaltungsgericht hat das Bußgeld gegen den Konzern aufgehoben."),
        # jobs cut or created
        ("The airline plans to cut 3,000 jobs at its home base.",
         "The airline plans to create 3,000 jobs at its home base."),
        ("Der Autobauer will 3000 Stellen in Wolfsburg streichen.",
         "Der Autobauer will 3000 Stellen in Wolfsburg schaffen."),
    ],
)  # fmt: skip
def test_opposite_outcomes_conflict(a: str, b: str):
    assert _has(a, b, "polarity")


def test_one_outcome_told_twice_agrees():
    assert polarity_conflict(
        polarity("A court sentenced the man to nine years in prison."),
        polarity("Das Gericht hat den Mann zu neun Jahren Haft verurteilt."),
    ) is None  # fmt: skip
    assert polarity_conflict(
        polarity("The appeals court upheld the fine."),
        polarity("The court approved the fine on appeal."),
    ) is None  # fmt: skip


def test_abolishing_is_no_creating():
    a = polarity("Die Regierung schafft die Maut für Lastwagen ab.")
    b = polarity("Die Regierung hat die Maut für Lastwagen abgeschafft.")
    c = polarity("The government abolished the toll for lorries.")
    d = polarity("Die Regierung schafft 3000 neue Stellen.")
    assert polarity_conflict(a, b) is None
    assert polarity_conflict(a, c) is None
    assert polarity_conflict(a, d) is not None


def test_a_month_after_the_end_of_is_a_date():
    a = "The ministry extended the fuel subsidy until the end of March."
    b = "The ministry extended the fuel subsidy until the end of May."
    assert _has(a, b, "date")
    # a march is no month
    c = "Police stopped the march of 2,000 farmers in the capital."
    d = "Police stopped the march of 2,000 farmers in the capital in June."
    assert not _has(c, d, "date")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A research station in Antarctica recorded a record low of minus 89 degrees.",
         "A research station in Greenland recorded a record low of minus 89 degrees."),
        ("Forscher haben in der Antarktis einen neuen Temperaturrekord gemessen.",
         "Forscher haben in der Arktis einen neuen Temperaturrekord gemessen."),
    ],
)  # fmt: skip
def test_the_polar_regions_are_places(a: str, b: str):
    assert _has(a, b, "place")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ein Erdbeben der Stärke 7,1 hat den Süden Mexikos erschüttert.",
         "Ein Erdbeben der Stärke 6,1 hat den Süden Mexikos erschüttert."),
        ("A magnitude 7.1 earthquake shook southern Mexico.",
         "A 6.1-magnitude earthquake shook southern Mexico."),
    ],
)  # fmt: skip
def test_a_figure_after_its_measure_is_that_measure(a: str, b: str):
    assert _has(a, b, "figure")


def test_one_magnitude_in_two_languages_agrees():
    a = "Ein Erdbeben der Stärke 7,1 hat den Süden Mexikos erschüttert."
    b = "A 7.1-magnitude earthquake shook southern Mexico."
    assert not _has(a, b, "figure")
