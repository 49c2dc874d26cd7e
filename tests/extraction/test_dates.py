"""Dates resolved against the story date only where safe; raw text always kept."""

from __future__ import annotations

from datetime import date

import pytest

from claimtrack.extraction.dates import find_dates

STORY = date(2022, 1, 5)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Am 4. Januar gab es Proteste.", STORY, [("4. Januar", "2022-01-04")]),
        ("Am 4. Januar gab es Proteste.", None, [("4. Januar", None)]),
        ("am 30. Dezember", STORY, [("30. Dezember", "2021-12-30")]),
        ("am 20. Juli", STORY, [("20. Juli", None)]),  # half a year away: unsure
        ("Am 2. Januar 2024 begann es.", STORY, [("2. Januar 2024", "2024-01-02")]),
        ("Er wurde am 20.01.1990 geboren.", STORY, [("20.01.1990", "1990-01-20")]),
        ("Stand: 05.01.22", STORY, [("05.01.22", "2022-01-05")]),
        ("Mitte März und Ende 2023", STORY, [("Mitte März", None), ("Ende 2023", None)]),
        ("Im Mai 2021 und seit 2015", STORY, [("Mai 2021", "2021-05"), ("2015", "2015")]),
        ("Das Mai-Fest war schön.", STORY, []),
        ("Es kamen 2.000 Menschen.", STORY, []),
        ("gestern sagte er", STORY, [("gestern", "2022-01-04")]),
        ("am Montag", STORY, [("am Montag", None)]),
        # "Morgen" inside a sentence is the morning, not tomorrow; "heute Morgen" is today.
        ("sagte er am Morgen an der Unglücksstelle.", STORY, []),
        ("sagte sie heute Morgen.", STORY, [("heute", "2022-01-05")]),
        ("Morgen beginnt der Streik.", STORY, [("Morgen", "2022-01-06")]),
        ("Die Bahn streikt ab morgen.", STORY, [("morgen", "2022-01-06")]),
        ("on January 4, 2022", STORY, [("January 4, 2022", "2022-01-04")]),
        ("on 4 January", STORY, [("4 January", "2022-01-04")]),
        ("yesterday", STORY, [("yesterday", "2022-01-04")]),
        ("in 2019", STORY, [("2019", "2019")]),
        ("2021-11-30", STORY, [("2021-11-30", "2021-11-30")]),
        ("am 31.02.2022", STORY, [("31.02.2022", None)]),
    ],
)
def test_find_dates(
    text: str, published: date | None, expected: list[tuple[str, str | None]]
) -> None:
    language = "en" if text.isascii() and "am " not in text else "de"
    found = find_dates(text, published, language)
    assert [(d.raw, d.value) for d in found] == expected


def test_display_prefers_value_and_falls_back_to_raw() -> None:
    resolved, unsure = find_dates("am 4. Januar und Mitte März", STORY, "de")
    assert resolved.display == "2022-01-04" and resolved.precision == "day"
    assert unsure.display == "Mitte März" and unsure.precision is None
