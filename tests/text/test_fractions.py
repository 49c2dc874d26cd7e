"""Numbers written with a fraction or a dozen are one figure of their whole value, in German and
English alike ("half a million" = "eine halbe Million" = "500.000")."""

from __future__ import annotations

import pytest

from claimtrack.text.numbers import figures_and_dates


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Half a million people marched through the capital.", "en", 5e5),
        ("Eine halbe Million Menschen zog durch die Hauptstadt.", "de", 5e5),
        ("Two and a half million households lost power.", "en", 2.5e6),
        ("Zweieinhalb Millionen Haushalte waren ohne Strom.", "de", 2.5e6),
        ("Anderthalb Millionen Pendler sind betroffen.", "de", 1.5e6),
        ("Eineinhalb Jahre nach der Wahl trat er zurück.", "de", 1.5),
        ("The band drew a quarter of a million fans.", "en", 2.5e5),
        ("Eine Viertelmillion Fans kamen zum Konzert.", "de", 2.5e5),
        ("Two dozen police officers were injured.", "en", 24.0),
        ("Drei Dutzend Häuser brannten nieder.", "de", 36.0),
        ("A dozen people were rescued.", "en", 12.0),
        ("Half a dozen cars were set on fire.", "en", 6.0),
        ("He was jailed for two and a half years.", "en", 2.5),
    ],
)  # fmt: skip
def test_a_fraction_or_a_dozen_is_one_figure_of_its_whole_value(text, language, value):
    figures, _ = figures_and_dates(text, language)
    assert [f.value for f in figures] == [value]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a fraction of a span of time or a share is no figure a claim states
        ("The party has ruled for half a century.", "en", []),
        ("Das halbe Land war ohne Strom.", "de", []),
        ("Dozens of people were injured.", "en", []),
        ("Half of the voters stayed home.", "en", [50.0]),
        ("A quarter of the staff will go.", "en", [25.0]),
    ],
)  # fmt: skip
def test_half_a_and_a_quarter_of_need_a_scale_or_a_unit(text, language, expected):
    figures, _ = figures_and_dates(text, language)
    assert [f.value for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "language", "value", "qualifier"),
    [
        ("One in five Germans is older than 70.", "en", 20.0, "about"),
        ("Jeder fünfte Deutsche ist älter als 70.", "de", 20.0, "about"),
        ("Two out of three voters back the plan.", "en", 66.7, "about"),
        ("Zwei von drei Wählern unterstützen den Plan.", "de", 66.7, "about"),
        ("Fast jeder dritte Zug kam zu spät.", "de", 33.3, "almost"),
        ("Nearly one in three trains ran late.", "en", 33.3, "almost"),
    ],
)  # fmt: skip
def test_a_ratio_of_small_numbers_is_a_share(text, language, value, qualifier):
    figures, _ = figures_and_dates(text, language)
    assert [(f.value, f.unit, f.qualifier) for f in figures[:1]] == [(value, "percent", qualifier)]


def test_a_ratio_of_counts_stays_two_counts():
    figures, _ = figures_and_dates("300 von 1.000 Mitarbeitern verlieren ihren Job.", "de")
    assert [f.value for f in figures] == [300.0, 1000.0]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Power was back in almost all of the region by the evening.", "en",
         [(100.0, "percent", "almost")]),
        ("Nahezu alle Flüge wurden am Montag gestrichen.", "de", [(100.0, "percent", "almost")]),
        ("Fast ganz Portugal war ohne Strom.", "de", [(100.0, "percent", "almost")]),
        # before a figure, "almost all" counts: the figure is the count
        ("Almost all 180 passengers were rescued.", "en", [(180.0, None, None)]),
        ("All flights were cancelled.", "en", []),
    ],
)  # fmt: skip
def test_almost_all_is_a_share_close_to_the_whole(text, language, expected):
    figures, _ = figures_and_dates(text, language)
    assert [(f.value, f.unit, f.qualifier) for f in figures] == expected
