"""Guards on news sentences from outside the Kazakhstan material they were first written for:
records, rate decisions, votes, strikes, institutions, grain corridors (benchmarks/data/
matching_pairs_fresh2.jsonl). Decided without a model: only the facts and conflicts."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import Kind, find_conflicts
from claimtrack.matching.evidence import gather
from claimtrack.matching.pair import compare_texts
from claimtrack.matching.prepare import prepare
from claimtrack.text.numbers import find_figures
from claimtrack.text.polarity import polarity


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("So viele Anträge wie seit 2016 nicht mehr", False),
        ("Die Zahl ist so hoch wie nie zuvor", False),
        ("Es kamen mehr Besucher wie noch nie", False),
        ("Prices rose like never before", False),
        ("Wie berichtet, stimmt das nicht.", True),
        ("Wie berichtet war er nie dort", True),
        ("It is not as high as before", True),
    ],
)
def test_a_record_is_not_a_denial(text, negated):
    assert polarity(text).negated is negated


@pytest.mark.parametrize(
    ("text", "language", "hours"),
    [
        ("Die GDL ruft zu einem 50-stündigen Streik auf.", "de", 50.0),
        ("The union called a 24-hour strike.", "en", 24.0),
        ("Ein 3-tägiger Warnstreik", "de", 72.0),
    ],
)
def test_hyphenated_durations_are_figures_with_their_unit(text, language, hours):
    (found,) = find_figures(text, language)
    scale = {"hours": 1, "days": 24}[found.unit or ""]
    assert found.value * scale == hours


def _pair(a: str, b: str) -> tuple[list[str], list[str]]:
    pa, pb = prepare(a), prepare(b)
    return find_conflicts(pa, pb), gather(pa, pb).names()


def test_capitalised_german_nouns_and_seas_are_not_persons():
    conflicts, facts = _pair(
        "Über den Schwarzmeer-Korridor hat die Ukraine seit August mehr als 10 Millionen Tonnen "
        "Getreide exportiert.",
        "Ukraine has exported more than 10 million tonnes of grain through its Black Sea corridor "
        "since August.",
    )
    assert conflicts == []
    assert "place Ukraine" in facts and any(f.startswith("figure") for f in facts)


def test_since_march_is_a_month():
    conflicts, _ = _pair(
        "Über den Schwarzmeer-Korridor hat die Ukraine seit August mehr als 10 Millionen Tonnen "
        "Getreide exportiert.",
        "Ukraine has exported more than 10 million tonnes of grain through its Black Sea corridor "
        "since March.",
    )
    assert any(c.startswith("date") for c in conflicts)
    assert _pair("The march in Berlin drew 5,000 people.", "The march drew 5,000 people.")[0] == []


def test_a_day_without_a_year_names_one_month():
    """ "March 14" is stored as "--03-14": its month is March, not also a "month 14"."""
    conflicts, _ = _pair(
        "An explosion at the plant killed two people on March 14, the fire brigade said.",
        "In July, an explosion at the plant killed two people, the fire brigade said.",
    )
    assert [c for c in conflicts if c.startswith("date")] == ["date: month 03 vs month 07"]


def test_a_vote_tally_agrees_whichever_figure_the_parser_tied_votes_to():
    conflicts, facts = _pair(
        "Der Bundestag hat mit 400 zu 275 Stimmen die Reform des Heizungsgesetzes beschlossen.",
        "Mit 400 Ja-Stimmen bei 275 Gegenstimmen verabschiedete das Parlament das Gesetz.",
    )
    assert conflicts == [] and any("votes" in f for f in facts)


@pytest.mark.parametrize(
    ("a", "b", "aspect"),
    [
        (  # durations in a German adjective and an English compound
            "Die Lokführergewerkschaft GDL hat zu einem 50-stündigen Streik bei der Bahn "
            "aufgerufen.",
            "The GDL train drivers' union has called a 24-hour strike at Deutsche Bahn.",
            "figure",
        ),
        (  # the dead and the rescued are different counts
            "Vor der Küste Griechenlands ist ein Flüchtlingsboot gekentert, mindestens 78 "
            "Menschen kamen ums Leben.",
            "At least 78 people were rescued when a migrant boat capsized off the coast of Greece.",
            "figure",
        ),
        (  # released vs still held: custody
            "Die Hamas hat nach Angaben der israelischen Armee 24 weitere Geiseln freigelassen.",
            "Hamas is still holding 24 more hostages, the Israeli army said.",
            "polarity",
        ),
        (  # a law passed vs rejected
            "Der Bundestag hat mit 400 zu 275 Stimmen die Reform des Heizungsgesetzes beschlossen.",
            "The Bundestag rejected the heating law reform by 400 votes to 275.",
            "polarity",
        ),
        (  # a rate raised vs cut
            "Die Europäische Zentralbank hat den Leitzins um 0,25 Prozentpunkte auf 4,5 Prozent "
            "angehoben.",
            "The European Central Bank cut its key interest rate by 0.25 percentage points to 4.5 "
            "percent.",
            "polarity",
        ),
    ],
)
def test_news_pairs_that_contradict_each_other(a, b, aspect):
    conflicts, _ = _pair(a, b)
    assert any(c.startswith(aspect) for c in conflicts), conflicts


def test_an_institution_is_one_entity_in_both_languages():
    conflicts, facts = _pair(
        "Das Bundesverfassungsgericht hat das Wahlrecht der Ampel-Koalition in Teilen für "
        "verfassungswidrig erklärt.",
        "Germany's Constitutional Court ruled that parts of the coalition's electoral law are "
        "unconstitutional.",
    )
    assert conflicts == []
    assert "entity federalconstitutionalcourt" in facts
    assert any(f.startswith("stance") for f in facts)


def test_roles_before_a_name_and_courts_are_not_persons():
    conflicts, facts = _pair(
        "Ein Gericht in Moskau hat den Oppositionspolitiker Alexej Nawalny zu weiteren 19 Jahren "
        "Haft verurteilt.",
        "Der Kremlkritiker Nawalny muss nach einem Urteil eines Moskauer Gerichts weitere 19 "
        "Jahre ins Gefängnis.",
    )
    assert conflicts == [] and "person navalny" in facts


def test_a_previous_value_beside_the_shared_figure_is_no_contradiction():
    conflicts, _ = _pair(
        "Der gesetzliche Mindestlohn in Deutschland steigt zum 1. Januar auf 12,41 Euro pro Stunde.",
        "Ab Januar bekommen Beschäftigte mit Mindestlohn 12,41 Euro in der Stunde statt bisher "
        "12 Euro.",
    )
    assert conflicts == []
    conflicts, _ = _pair(
        "Der gesetzliche Mindestlohn steigt zum 1. Januar auf 12,41 Euro pro Stunde.",
        "Der gesetzliche Mindestlohn steigt zum 1. Januar auf 12,82 Euro pro Stunde.",
    )
    assert any(c.startswith("figure") for c in conflicts)


def test_islands_and_german_states_are_places_in_both_languages():
    conflicts, facts = _pair(
        "Auf der griechischen Insel Rhodos mussten rund 19.000 Menschen in Sicherheit gebracht "
        "werden.",
        "Around 19,000 people had to be evacuated on the Greek island of Corfu.",
    )
    assert any(c.startswith("place") for c in conflicts)
    assert (
        "place North Rhine-Westphalia"
        in _pair(
            "In Nordrhein-Westfalen wurden 40 Schulen geschlossen.",
            "40 schools were closed in North Rhine-Westphalia.",
        )[1]
    )


def test_a_date_that_only_sets_a_starting_point_neither_contradicts_nor_confirms():
    conflicts, facts = _pair(
        "Im vergangenen Jahr haben 351.915 Menschen erstmals Asyl beantragt, so viele wie seit "
        "2016 nicht mehr.",
        "Die Zahl der Erstanträge auf Asyl stieg 2023 auf rund 352.000.",
    )
    assert conflicts == [] and not any(f.startswith("date") for f in facts)
    assert prepare("the highest since 2016").dates == ("~2016",)
    assert prepare("Im Jahr 2016 starben 5 Menschen").dates == ("2016",)
    conflicts, _ = _pair("Im Jahr 2016 starben 5 Menschen.", "Im Jahr 2018 starben 5 Menschen.")
    assert any(c.startswith("date") for c in conflicts)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("A container ship struck the Francis Scott Key Bridge in Baltimore early on Tuesday, the mayor said.",
         "A container ship struck the Francis Scott Key Bridge in Baltimore early on Thursday, the mayor said.",
         "date: thursday vs tuesday"),
        ("Das Parlament stimmte am Montag über das Gesetz ab.",
         "The parliament voted on the law on Wednesday.", "date: monday vs wednesday"),
        ("Die deutsche Wirtschaft ist im vergangenen Jahr um 0,3 Prozent geschrumpft.",
         "Die deutsche Wirtschaft ist im vergangenen Jahr um 0,3 Prozent gewachsen.",
         "polarity: 'geschrumpft' vs 'gewachsen'"),
    ],
)  # fmt: skip
def test_another_weekday_or_the_opposite_trend_is_a_variant(a, b, conflict):
    result, _ = compare_texts(a, b)
    assert conflict in result.conflicts and result.kind is not Kind.SAME


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police said on Tuesday that 20 people were arrested after the match in Marseille.",
         "Police said on Wednesday that 20 people were arrested after the match in Marseille."),
        ("Wie das Innenministerium am Montag mitteilte, wurden in Almaty 2.000 Menschen festgenommen.",
         "In Almaty wurden 2.000 Menschen festgenommen, teilte das Innenministerium am Dienstag mit."),
    ],
)  # fmt: skip
def test_a_weekday_that_dates_a_statement_sets_no_two_reports_apart(a, b):
    """Outlets report one statement on different days: evening and next morning's copy."""
    result, _ = compare_texts(a, b)
    assert not any(c.startswith("date") for c in result.conflicts)


def test_the_same_weekday_in_both_languages_is_no_conflict():
    result, _ = compare_texts("Das Parlament stimmte am Mittwoch über das Gesetz ab.",
                              "Parliament voted on the law on Wednesday.")  # fmt: skip
    assert not any(c.startswith("date") for c in result.conflicts)
