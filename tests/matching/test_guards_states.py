"""A state in force that ends, an order granted or refused, and who finished ahead of whom.

"no longer an emergency" ends what "declared an emergency" begins; "issued a warrant" grants
what "rejected the request for a warrant" refuses; "die SPD vor der CDU" says the opposite of
"die CDU vor der SPD" with the same words, figures and places."""

from __future__ import annotations

import pytest

from claimtrack.text.polarity import polarity, polarity_conflict
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The WHO said cholera in Yemen is no longer a public health emergency.",
         "The WHO declared cholera in Yemen a public health emergency."),
        ("The governor said the county is no longer under a state of emergency.",
         "The governor declared a state of emergency in the county."),
        ("Für die Region gilt der Ausnahmezustand nicht mehr.",
         "Für die Region wurde der Ausnahmezustand ausgerufen."),
        ("The government ended the curfew in the capital.",
         "The government imposed a curfew in the capital."),
        ("Die Behörde hat das Ende des Ausbruchs erklärt und den Notstand beendet.",
         "Die Behörde hat den Notstand ausgerufen."),
        ("Health officials declared the end of the measles outbreak.",
         "Health officials declared a measles outbreak."),
    ],
)  # fmt: skip
def test_a_state_ended_conflicts_with_one_declared(a: str, b: str):
    assert _has(a, b, "polarity")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The WHO said cholera in Yemen is no longer a public health emergency.",
         "The WHO ended the public health emergency over cholera in Yemen."),
        ("The WHO said cholera in Yemen is no longer a public health emergency.",
         "The WHO lifted the public health emergency over cholera in Yemen."),
        ("Es gibt in der Region keinen Notstand mehr.", "Der Notstand in der Region wurde aufgehoben."),
        ("Health officials declared the end of the measles outbreak.",
         "The measles outbreak has ended, health officials said."),
    ],
)  # fmt: skip
def test_a_state_ended_told_twice_agrees(a: str, b: str):
    assert polarity_conflict(polarity(a), polarity(b)) is None


def test_no_longer_elsewhere_is_no_state():
    assert polarity_conflict(
        polarity("The minister no longer works for the party."),
        polarity("The minister works for the party."),
    ) is None  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ein Amtsgericht hat Haftbefehl gegen den Unternehmer erlassen.",
         "Ein Amtsgericht hat den Antrag auf Haftbefehl gegen den Unternehmer abgelehnt."),
        ("A judge issued an arrest warrant for the former minister.",
         "A judge rejected the request for an arrest warrant for the former minister."),
        ("The court issued an injunction against the strike.",
         "The court refused an injunction against the strike."),
    ],
)  # fmt: skip
def test_an_order_issued_conflicts_with_one_refused(a: str, b: str):
    assert _has(a, b, "polarity")


def test_issuing_without_an_order_decides_nothing():
    assert polarity_conflict(
        polarity("The ministry issued a statement on the plan."),
        polarity("The ministry rejected the plan."),
    ) is None  # fmt: skip
    # a reaction to a warrant names the warrant issued and its rejection: no stance of its own
    assert polarity_conflict(
        polarity("The court issued an arrest warrant for the general."),
        polarity("The government rejected the arrest warrant issued for the general."),
    ) is None  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bei der Landtagswahl wurde die SPD mit 31 Prozent stärkste Kraft vor der CDU.",
         "Bei der Landtagswahl wurde die CDU mit 31 Prozent stärkste Kraft vor der SPD."),
        ("In der Umfrage liegen die Grünen knapp vor der FDP.",
         "In der Umfrage liegt die FDP knapp vor den Grünen."),
        ("Labour came first in the council election in Leeds, ahead of the Conservatives.",
         "The Conservatives came first in the council election in Leeds, ahead of Labour."),
        ("The AfD finished second behind the CDU in Saxony.",
         "The CDU finished second behind the AfD in Saxony."),
    ],
)  # fmt: skip
def test_who_finished_ahead_is_a_role(a: str, b: str):
    assert _has(a, b, "role")


def test_one_order_told_twice_agrees():
    from claimtrack.matching.prepare import prepare
    from claimtrack.matching.roles import role_agreement

    a = "In der Umfrage liegen die Grünen knapp vor der FDP."
    b = "The poll puts the Greens narrowly ahead of the FDP."
    c = "The FDP finished behind the Greens in the poll."
    assert not _has(a, b, "role") and not _has(a, c, "role")
    assert role_agreement(prepare(a), prepare(b)) == [("defeat", "greens", "fdp")]
    assert role_agreement(prepare(a), prepare(c)) == [("defeat", "greens", "fdp")]


def test_vor_without_an_order_is_none():
    assert not _has("Die CDU warnt vor der AfD.", "Die AfD warnt vor der CDU.", "role")
    assert not _has(
        "Die SPD hat vor zwei Jahren die Wahl gewonnen.", "Die SPD hat die Wahl gewonnen.", "role"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Der Konzern hat im dritten Quartal einen Gewinn von 2,1 Milliarden Euro gemacht.",
         "Der Konzern hat im dritten Quartal einen Verlust von 2,1 Milliarden Euro gemacht."),
        ("The city closed the year with a surplus of 40 million euros.",
         "The city closed the year with a deficit of 40 million euros."),
    ],
)  # fmt: skip
def test_a_profit_is_no_loss(a: str, b: str):
    assert _has(a, b, "polarity")


def test_one_result_told_twice_agrees():
    assert polarity_conflict(
        polarity("The airline made a net profit of 1.2 billion euros."),
        polarity("Die Fluggesellschaft erzielte einen Nettogewinn von 1,2 Milliarden Euro."),
    ) is None  # fmt: skip
    assert polarity_conflict(
        polarity("The carmaker returned to profit after two years of losses."),
        polarity("The carmaker made a profit."),
    ) is None  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Die WHO hat wegen des Cholera-Ausbruchs im Jemen eine Notlage ausgerufen.",
         "Die WHO hat wegen des Ebola-Ausbruchs im Jemen eine Notlage ausgerufen."),
        ("Hamburg has recorded 40 measles cases since January.",
         "Hamburg has recorded 40 dengue cases since January."),
        ("In Sachsen ist die Zahl der Masernfälle gestiegen.",
         "In Sachsen ist die Zahl der Keuchhustenfälle gestiegen."),
    ],
)  # fmt: skip
def test_another_disease_is_another_claim(a: str, b: str):
    assert _has(a, b, "name")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hamburg has recorded 40 measles cases since January.",
         "In Hamburg wurden seit Januar 40 Masernfälle gemeldet."),
        ("The WHO declared mpox a public health emergency.",
         "Die WHO hat wegen der Affenpocken eine Notlage ausgerufen."),
        ("Die Corona-Pandemie hat das Land schwer getroffen.",
         "The COVID-19 pandemic hit the country hard."),
        ("Auf einem Hof ist die Vogelgrippe ausgebrochen.", "Bird flu has broken out on a farm."),
    ],
)  # fmt: skip
def test_one_disease_in_two_languages_agrees(a: str, b: str):
    assert not _has(a, b, "name")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("In Wembley hat Italien das Finale gegen Dänemark gewonnen.",
         "In Wembley hat Dänemark das Finale gegen Italien gewonnen."),
        ("Labour won the seat against the Conservatives by 300 votes.",
         "The Conservatives won the seat against Labour by 300 votes."),
    ],
)  # fmt: skip
def test_who_won_against_whom_is_a_role(a: str, b: str):
    assert _has(a, b, "role")


def test_winning_against_agrees_with_beating():
    from claimtrack.matching.prepare import prepare
    from claimtrack.matching.roles import role_agreement

    a = prepare("Italien hat das Finale in London gegen England gewonnen.")
    b = prepare("Italy beat England in the final in London.")
    assert role_agreement(a, b) == [("defeat", "italy", "england")]
    # "gegen" without a win is no result: protesting against the government
    assert not _has(
        "Tausende protestierten in Rom gegen die Regierung Meloni.",
        "Die Regierung Meloni protestierte in Rom gegen Tausende.",
        "role",
    )
