"""Figures and dates in German and English claims."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.text.numbers import find_dates, find_figures, parse_numeral

FIGURE_CASES = [
    (
        "de",
        "Mehr als 2.000 Menschen wurden festgenommen.",
        2000.0,
        "more_than",
        "people",
        "arrests",
    ),
    ("en", "More than 2,000 people were arrested.", 2000.0, "more_than", "people", "arrests"),
    ("de", "Rund 2,7 Tausend Festnahmen", 2700.0, "about", None, "arrests"),
    ("de", "Die Regierung zahlte 1,5 Mio. Euro.", 1.5e6, None, "eur", None),
    ("de", "zweitausend Soldaten der OVKS", 2000.0, None, None, "troops"),
    ("en", "two thousand troops arrived", 2000.0, None, None, "troops"),
    ("en", "2 thousand troops arrived", 2000.0, None, None, "troops"),
    ("de", "Bei den Unruhen gab es 225 Tote", 225.0, None, None, "deaths"),
    ("en", "The death toll rose to 225", 225.0, None, None, "deaths"),
    ("en", "Inflation hit 8.5%", 8.5, None, "percent", None),
    ("de", "Die Inflation lag bei 8,5 Prozent", 8.5, None, "percent", None),
    ("en", "$5m was paid", 5e6, None, "usd", None),
    ("en", "nearly twenty-five people died", 25.0, "almost", "people", "deaths"),
    ("en", "about 10 000 protesters", 10000.0, "about", None, "protesters"),
    ("de", "mindestens 16 Polizisten wurden verletzt", 16.0, "at_least", None, "injured"),
    ("de", "2000 Menschen starben", 2000.0, None, "people", "deaths"),
    ("de", "über 8.000 Personen in Gewahrsam", 8000.0, "more_than", "people", "arrests"),
]


@pytest.mark.parametrize(("lang", "text", "value", "qualifier", "unit", "counted"), FIGURE_CASES)
def test_figure(lang, text, value, qualifier, unit, counted):
    figures = find_figures(text, lang)
    assert len(figures) == 1, figures
    f = figures[0]
    assert (f.value, f.qualifier, f.unit, f.counted) == (value, qualifier, unit, counted)
    assert text[f.start : f.end] == f.raw


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Am 20.01.1990 geschah es"),
        ("en", "It happened in 2022"),
        ("de", "im Jahr 2000 war alles anders"),
        ("de", "Am 2. Januar 2022 begann es"),
        ("en", "On January 6, 2022 it began"),
        ("de", "Um 14 Uhr begann die Sitzung"),
        ("de", "Der 2. Weltkrieg"),
        ("de", "Ein Mann sagte etwas"),
    ],
)
def test_not_figures(lang, text):
    assert find_figures(text, lang) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Am 20.01.1990 geschah es", ["1990-01-20"]),
        ("Am 2. Januar 2022 und im März 2021", ["2022-01-02", "2021-03"]),
        ("On January 6 there were 3,000 protesters", ["--01-06"]),
        ("Es geschah 2022.", ["2022"]),
    ],
)
def test_dates(text, values):
    language = "en" if text.startswith("On ") else "de"
    assert [d.value for d in find_dates(text, language)] == values


@pytest.mark.parametrize(
    ("numeral", "lang", "value"),
    [
        ("2.000", "de", 2000.0),
        ("2,000", "en", 2000.0),
        ("2,7", "de", 2.7),
        ("2.5", "en", 2.5),
        ("1.234.567", "de", 1234567.0),
        ("1,234,567.5", "en", 1234567.5),
        ("1.234,5", "de", 1234.5),
        ("10 000", "en", 10000.0),
    ],
)
def test_parse_numeral(numeral, lang, value):
    assert parse_numeral(numeral, lang) == value


@settings(deadline=None, max_examples=80)
@given(st.integers(min_value=1, max_value=50_000_000))
def test_notation_does_not_change_the_value(n):
    german = f"mehr als {n:,} Menschen".replace(",", ".")
    english = f"more than {n:,} people"
    assert [f.value for f in find_figures(german, "de")] == [float(n)]
    assert [f.value for f in find_figures(english, "en")] == [float(n)]
    assert [f.value for f in find_figures(f"mehr als {n} Menschen", "de")] == [float(n)]


@pytest.mark.parametrize(
    ("lang", "text", "value", "qualifier", "raw"),
    [
        ("de", "Zwei Drittel der Befragten lehnen die Reform ab.", 66.7, "about", "Zwei Drittel"),
        ("de", "Rund drei Viertel der Stimmen entfielen auf ihn.", 75.0, "about", "Rund drei Viertel"),
        ("de", "Das Netz wurde um ein Drittel ausgedünnt.", 33.3, "about", "ein Drittel"),
        ("de", "Mehr als die Hälfte der Befragten lehnt das ab.", 50.0, "more_than",
         "Mehr als die Hälfte"),
        ("en", "Two-thirds of respondents oppose the reform.", 66.7, "about", "Two-thirds"),
        ("en", "A quarter of the staff will go.", 25.0, "about", "A quarter"),
        ("en", "More than half of the respondents agreed.", 50.0, "more_than", "More than half"),
        ("en", "Nearly half the population voted.", 50.0, "almost", "Nearly half"),
    ],
)  # fmt: skip
def test_a_share_in_words_is_one_percent_figure_not_its_number(lang, text, value, qualifier, raw):
    """ "zwei Drittel" is about 66.7 percent, never the figure 2."""
    (figure,) = find_figures(text, lang)
    assert (figure.value, figure.unit, figure.qualifier, figure.raw) == (
        value,
        "percent",
        qualifier,
        raw,
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "In der ersten Hälfte des Jahres stieg der Umsatz."),
        ("en", "Sales rose in the first half of the year."),
        ("en", "Half an hour later the road was closed."),
        ("en", "The economy shrank in two quarters."),
    ],
)
def test_a_half_or_a_quarter_of_time_is_no_share(lang, text):
    assert all(f.unit != "percent" for f in find_figures(text, lang))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minimum wage will rise to £12.21 an hour.", [(12.21, "gbp")]),
        ("The app costs $4.99 a month.", [(4.99, "usd")]),
        ("Das Ticket kostet jetzt €12.50.", [(12.5, "eur")]),
        ("Um 19.04 Uhr begann die Sitzung.", []),  # a clock time stays no figure
        ("The railway booked a loss of 2.35 billion euros.", [(2.35e9, "eur")]),
        ("Some 2.35 million people were affected.", [(2.35e6, "people")]),
    ],
)
def test_a_currency_before_or_a_unit_or_scale_after_a_decimal_makes_an_amount_not_a_time(
    text: str, expected: list[tuple[float, str]]
) -> None:
    language = "de" if "Uhr" in text or "Ticket" in text else "en"
    assert [(f.value, f.unit) for f in find_figures(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # basis points are hundredths of a percentage point
        (
            "The ECB raised rates by 25 basis points to 4.5%.",
            "en",
            [(0.25, "percentage_points"), (4.5, "percent")],
        ),
        ("Die EZB erhöhte den Leitzins um 25 Basispunkte.", "de", [(0.25, "percentage_points")]),
        ("The Fed cut by 50 bps.", "en", [(0.5, "percentage_points")]),
        # English writes no day and month as "6.8.": a decimal ending a sentence is a figure
        # (after "magnitude of" it is a magnitude)
        ("The quake had a magnitude of 6.8.", "en", [(6.8, "magnitude")]),
        ("The quake measured 6.8.", "en", [(6.8, None)]),
    ],
)
def test_basis_points_and_decimals_at_a_sentence_end(
    text: str, language: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(f.value, f.unit) for f in find_figures(text, language)] == expected


def test_german_day_and_month_without_a_year_stay_a_date() -> None:
    assert [d.value for d in find_dates("Das Beben am 6.8. war stark.", "de")] == ["--08-06"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Temperatures hit 40.3C in Seville.", "en", [(40.3, "degrees")]),
        ("In Sevilla wurden 40 Grad gemessen.", "de", [(40.0, "degrees")]),
        ("It reached 40 °C.", "en", [(40.0, "degrees")]),
        ("It was 104F in Phoenix.", "en", [(104.0, "fahrenheit")]),
    ],
)
def test_temperatures_are_one_unit_in_both_languages(
    text: str, language: str, expected: list[tuple[float, str]]
) -> None:
    assert [(f.value, f.unit) for f in find_figures(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Air defences shot down 32 of the 48 drones.", "en", [(32.0, "drones"), (48.0, "drones")]),
        ("They destroyed 42 out of 48 drones.", "en", [(42.0, "drones"), (48.0, "drones")]),
        (
            "Die Polizei nahm 12 der 20 Verdächtigen fest.",
            "de",
            [(12.0, "verdächtigen"), (20.0, "verdächtigen")],
        ),
    ],
)
def test_a_part_counts_what_its_whole_counts(
    text: str, language: str, expected: list[tuple[float, str]]
) -> None:
    assert [(f.value, f.counted) for f in find_figures(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Erwachsene dürfen ab April 25 Gramm besitzen.", "de", []),
        ("Das Gesetz gilt ab dem 25. April.", "de", ["--04-25"]),
        ("Das Gesetz gilt seit April 25, 2024.", "de", ["2024-04-25"]),
        ("The law takes effect on April 25.", "en", ["--04-25"]),
        ("In April 25 percent more tickets were sold.", "en", []),
    ],
)
def test_month_before_a_day_is_a_date_only_in_english_and_without_a_unit_after(
    text: str, language: str, expected: list[str]
) -> None:
    assert [d.value for d in find_dates(text, language)] == expected
