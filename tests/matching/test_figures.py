"""The figure guard follows meaning: what happened to whom, ranges from qualifiers, durations."""

from __future__ import annotations

import pytest

from claimtrack.matching.figures import check_figures, figure_conflict
from claimtrack.matching.prepare import prepare


def figures(text: str, lang: str):
    return prepare(text, lang).figures


AGREE = [
    # arrested = detained = festgenommen = in Gewahrsam = in custody
    (("Mehr als 2.000 Menschen in Almaty festgenommen", "de"),
     ("More than 2,000 people detained in Almaty", "en")),
    (("Die Zahl der festgenommenen Demonstranten überstieg 2700.", "de"),
     ("More than 2,700 people are now in custody.", "en")),
    (("Über 2.000 Menschen wurden festgenommen.", "de"),
     ("Die Polizei nahm über 2000 Demonstranten in Gewahrsam.", "de")),
    # killed = died = ums Leben gekommen = Todesopfer
    (("Bei Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.", "de"),
     ("Die Zahl der Todesopfer in Kasachstan ist auf 225 gestiegen.", "de")),
    (("225 people died in the unrest.", "en"), ("Es gab 225 Tote.", "de")),
    # qualifiers are ranges
    (("Landesweit wurden fast 8.000 Menschen festgenommen.", "de"),
     ("7,939 people had been detained across the country.", "en")),
    (("mehr als 2.000 Menschen festgenommen", "de"), ("over 2,000 people arrested", "en")),
    (("Die OVKS hat rund 2.000 Soldaten entsandt.", "de"), ("The CSTO sent about 2,030 troops.", "en")),
    (("more than 2,000 people were arrested", "en"), ("2,030 people were arrested", "en")),
    # durations in days; percent in any notation
    (("zwei Wochen lang gesperrt", "de"), ("closed for 14 days", "en")),
    (("Die Inflation lag bei 8,4 Prozent.", "de"), ("Inflation was 8.4%.", "en")),
    # two deeds with one figure each, told twice: each figure has its counterpart
    (("Ermittler durchsuchten 25 Wohnungen und nahmen 25 Verdächtige fest.", "de"),
     ("Investigators searched 25 homes and arrested 25 suspects.", "en")),
    (("Der Sturm hat 300 Häuser zerstört.", "de"), ("The storm destroyed 300 homes.", "en")),
]  # fmt: skip

CONFLICT = [
    (("Landesweit wurden fast 8.000 Menschen festgenommen.", "de"),
     ("9,900 people had been detained across the country.", "en"), "arrests"),
    (("More than 2,000 people were arrested.", "en"), ("More than 2,000 people were killed.", "en"), "deaths"),
    (("7,939 people were detained.", "en"), ("7,939 people were released from custody.", "en"), "released"),
    (("more than 2,000 people were arrested", "en"), ("2,700 people were arrested", "en"), "2,700"),
    (("mindestens 50.000 Tote", "de"), ("höchstens 50.000 Tote", "de"), "at most"),
    (("Der Flughafen wurde zwei Tage später zurückerobert.", "de"),
     ("The airport was retaken two weeks later.", "en"), "days"),
    (("225 Menschen kamen ums Leben.", "de"), ("The death toll rose to 164.", "en"), "164"),
    # things are never people: homes searched are not people arrested
    (("Police arrested 25 people in raids in seven states.", "en"),
     ("Police searched 25 homes in raids in seven states.", "en"), "homes"),
    (("Bei dem Erdbeben starben 120 Menschen.", "de"),
     ("The earthquake brought down 120 buildings.", "en"), "buildings"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), AGREE)
def test_figures_that_agree(a, b):
    fa, fb = figures(*a), figures(*b)
    check = check_figures(fa, fb)
    assert check.conflict is None, check
    assert check.agreed and check.unmatched == 0, check
    assert figure_conflict(fb, fa) is None


@pytest.mark.parametrize(("a", "b", "named"), CONFLICT)
def test_figures_that_conflict(a, b, named):
    fa, fb = figures(*a), figures(*b)
    found = figure_conflict(fa, fb)
    assert found and named in found, found
    assert figure_conflict(fb, fa) == found  # symmetric


def test_who_is_counted_is_its_own_axis():
    # The same figure for police and for protesters counts different people.
    police = figures("300 Polizisten wurden verletzt.", "de")
    protesters = figures("300 Demonstranten wurden verletzt.", "de")
    people = figures("300 Menschen wurden verletzt.", "de")
    assert check_figures(police, people).conflict is None  # people covers police
    assert check_figures(people, protesters).agreed


def test_a_figure_only_one_claim_states_is_unmatched_not_a_conflict():
    a = figures("225 Menschen kamen ums Leben, darunter 19 Polizisten.", "de")
    b = figures("The death toll rose to 225.", "en")
    check = check_figures(a, b)
    assert check.conflict is None and check.unmatched == 1 and len(check.agreed) == 1


def test_people_without_a_home_are_no_homes():
    homeless = figures("In Berlin wurden 3.000 Wohnungslose gezählt.", "de")
    assert [counted for _, _, counted, _ in homeless] == ["wohnungslose"]
    evacuated = figures("In Berlin wurden 3.000 Menschen evakuiert.", "de")
    assert check_figures(homeless, evacuated).conflict is None
