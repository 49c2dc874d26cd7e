"""Figures in context: what is counted comes from the figure's own phrase; currencies around
scales; qualifiers before currency signs (cases reported from intake)."""

from __future__ import annotations

import pytest

from claimtrack.text.numbers import figures_and_dates, find_figures

Row = tuple[float, str | None, str | None, str | None]  # value, qualifier, unit, counted

CASES: list[tuple[str, str, list[Row]]] = [
    # 1. "counted" never leaks past a comma + new figure, nor past the next figure.
    ("de", "rund 1,5 Mio. Euro, zweitausend Soldaten", [(1.5e6, "about", "eur", None), (2000.0, None, None, "troops")]),
    ("de", "2.000 russische Soldaten, 300 Tote", [(2000.0, None, None, "troops"), (300.0, None, None, "deaths")]),
    ("de", "2.000 Journalisten und 300 Soldaten", [(2000.0, None, None, "journalisten"), (300.0, None, None, "troops")]),
    ("de", "zweitausend Soldaten und 300 wurden verletzt", [(2000.0, None, None, "troops"), (300.0, None, None, "injured")]),
    # 2. No counted noun: a verb after the figure, or a noun in another phrase or clause.
    ("en", "about 8,000 took part", [(8000.0, "about", None, None)]),
    ("en", "about 8,000 took part in protests over arrests", [(8000.0, "about", None, None)]),
    ("en", "After mass arrests, about 8,000 took part", [(8000.0, "about", None, None)]),
    ("en", "8,000 attended protests", [(8000.0, None, None, None)]),
    ("en", "8,000, police said", [(8000.0, None, None, None)]),
    # 3. Currency signs before, currency words after, with scales; the qualifier stays.
    ("en", "more than £200 million", [(200e6, "more_than", "gbp", None)]),
    ("en", "over €1.5bn", [(1.5e9, "more_than", "eur", None)]),
    ("en", "about $3 billion", [(3e9, "about", "usd", None)]),
    ("en", "5 million euros", [(5e6, None, "eur", None)]),
    ("de", "mehr als 200 Millionen Pfund", [(200e6, "more_than", "gbp", None)]),
    ("de", "rund 3 Mrd. Dollar", [(3e9, "about", "usd", None)]),
    ("de", "knapp 1,5 Mio. Euro", [(1.5e6, "almost", "eur", None)]),
    # What happened to them wins over who they are: the same arrests, however the people are named.
    ("de", "Die Polizei hat über 2.000 Demonstranten festgenommen.", [(2000.0, "more_than", None, "arrests")]),
    ("en", "300 protesters were arrested", [(300.0, None, None, "arrests")]),
    ("de", "2.000 Soldaten wurden getötet", [(2000.0, None, None, "deaths")]),
    ("en", "2,000 troops were deployed", [(2000.0, None, None, "troops")]),
    # 4. Deaths, named by a noun or by the verb of the clause.
    ("de", "fast 230 Menschen ums Leben", [(230.0, "almost", "people", "deaths")]),
    ("de", "Dabei kamen 230 Menschen ums Leben", [(230.0, None, "people", "deaths")]),
    ("de", "230 Menschen starben", [(230.0, None, "people", "deaths")]),
    ("de", "230 Menschen wurden getötet", [(230.0, None, "people", "deaths")]),
    ("de", "230 Tote", [(230.0, None, None, "deaths")]),
    ("de", "230 Todesopfer", [(230.0, None, None, "deaths")]),
    ("en", "nearly 230 people died", [(230.0, "almost", "people", "deaths")]),
    ("en", "230 people were killed", [(230.0, None, "people", "deaths")]),
    ("en", "230 deaths", [(230.0, None, None, "deaths")]),
    ("en", "230 dead", [(230.0, None, None, "deaths")]),
    ("de", "zwei von ihnen konnten nur noch tot geborgen werden", [(2.0, None, None, "deaths")]),
    ("en", "a train collided with a freight train, killing at least 57", [(57.0, "at_least", None, "deaths")]),
    ("de", "zwei Bergsteiger wurden lebend geborgen", [(2.0, None, None, "rescued")]),
    ("de", "40.000 Hennen wurden gekeult", [(40000.0, None, None, "deaths")]),
    ("en", "40,000 hens were culled", [(40000.0, None, None, "deaths")]),
    # 5. A plain noun after the figure: canonical name if known, else the word, lower-case.
    ("de", "Mehr als 1,5 Mio. Haushalte", [(1.5e6, "more_than", None, "households")]),
    ("en", "more than 1.5 million households", [(1.5e6, "more_than", None, "households")]),
    ("de", "300 OVKS-Soldaten", [(300.0, None, None, "troops")]),
    ("de", "rund 300 neue Kinder", [(300.0, "about", None, "kinder")]),
    ("en", "5,000 striking farmers", [(5000.0, None, None, "farmers")]),
    # Notations and what is no figure at all.
    ("de", "2.000", [(2000.0, None, None, None)]),
    ("en", "2,000", [(2000.0, None, None, None)]),
    ("de", "2,7 Tausend", [(2700.0, None, None, None)]),
    ("de", "zweitausend", [(2000.0, None, None, None)]),
    ("de", "1,5 Mio.", [(1.5e6, None, None, None)]),
    ("de", "2022", []),
    ("de", "20.01.1990", []),
    ("de", "am 2. Januar", []),
    ("en", "The deadline is 5 days", [(5.0, None, "days", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_figures_in_context(lang: str, text: str, expected: list[Row]) -> None:
    figures = find_figures(text, lang)
    assert [(f.value, f.qualifier, f.unit, f.counted) for f in figures] == expected
    assert all(text[f.start : f.end] == f.raw for f in figures)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the verb right before a figure says what happened to them; one after "and" is the
        # next figure's
        ("A gas explosion killed three workers on Monday and injured 14, two of them badly.", "en",
         [(3.0, "deaths"), (14.0, "injured")]),
        ("Die Gasexplosion tötete drei Arbeiter und verletzte 14 weitere.", "de",
         [(3.0, "deaths"), (14.0, "injured")]),
        ("Police arrested 300 people who were released the next day.", "en", [(300.0, "arrests")]),
    ],
)  # fmt: skip
def test_a_verb_before_the_figure_counts_it(text, language, expected):
    figures, _ = figures_and_dates(text, language)
    assert [(f.value, f.counted) for f in figures][: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The skier was handed a four-year ban for doping.", [(4.0, "years")]),
        ("Unions called a two-day strike at the airport.", [(2.0, "days")]),
        ("Twenty-five people were arrested.", [(25.0, "people")]),
        ("She is a three-time champion who backs a two-state solution.", []),
    ],
)  # fmt: skip
def test_a_number_word_joined_to_its_unit_by_a_hyphen_is_a_figure(text, expected):
    figures, _ = figures_and_dates(text, "en")
    assert [(f.value, f.unit) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The city approved a 250-million-dollar stadium deal.", "en", [(2.5e8, "usd")]),
        ("Ministers agreed on a 40-billion-euro rescue plan.", "en", [(4e10, "eur")]),
        ("Der Stadtrat billigte ein 250-Millionen-Euro-Programm.", "de", [(2.5e8, "eur")]),
        # an abbreviation after a hyphen is a unit, not a scale
        ("They built a 10-m wall.", "en", [(10.0, None)]),
    ],
)  # fmt: skip
def test_a_scale_word_joined_by_a_hyphen_scales_its_number(text, language, expected):
    figures, _ = figures_and_dates(text, language)
    assert [(f.value, f.unit) for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Polizei nahm acht Verdächtige fest.", [8.0]),
        ("Acht Häftlinge sind aus dem Gefängnis geflohen.", [8.0]),
        ("Die Warnungen wurden außer Acht gelassen.", []),
        ("Er hat nicht Acht gegeben.", []),
    ],
)  # fmt: skip
def test_german_acht_is_a_number_before_a_noun(text, expected):
    figures, _ = figures_and_dates(text, "de")
    assert [f.value for f in figures] == expected


@pytest.mark.parametrize(
    ("text", "language", "unit"),
    [
        ("Über 1,1 Millionen Franzosen gingen auf die Straße.", "de", "people"),
        ("Rund 5 Millionen Deutsche leben im Ausland.", "de", "people"),
        ("About 3 million Americans lost their health insurance.", "en", "people"),
        # a company's name is no nation's people
        ("Die Bahn setzt 3 Deutsche Bahn Busse ein.", "de", None),
    ],
)  # fmt: skip
def test_a_nations_people_after_a_figure_count_people(text, language, unit):
    figures, _ = figures_and_dates(text, language)
    assert [f.unit for f in figures] == [unit]
