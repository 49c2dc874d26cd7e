"""Facts in one slot that the reading did not take for names or places: a country's adjective
before a coast, chambers, courts and parties, the owner of a thing, the fate of the people, a
bound that is no denial, a hold that is neither a rise nor a cut, a stake and a border."""

from __future__ import annotations

import pytest

from claimtrack.matching.bodies import bodies
from claimtrack.matching.prepare import prepare
from tests.matching.conflict_aspects import aspects as _aspects
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A fishing boat sank off the Albanian coast, killing 12 people.",
         "A fishing boat sank off the Greek coast, killing 12 people."),
        ("Vor der albanischen Küste ist ein Fischerboot gesunken, 12 Menschen starben.",
         "Vor der griechischen Küste ist ein Fischerboot gesunken, 12 Menschen starben."),
        ("Ein Frachter ist in maltesischen Gewässern auf Grund gelaufen.",
         "Ein Frachter ist in zypriotischen Gewässern auf Grund gelaufen."),
    ],
)  # fmt: skip
def test_a_countrys_adjective_before_a_coast_is_a_place(a: str, b: str):
    assert _has(a, b, "place")


def test_a_countrys_adjective_elsewhere_stays_a_description():
    a = "8,000 people were evacuated after the Slovenian floods."
    b = "Fast 8.000 Menschen wurden in Kasachstan festgenommen."
    assert not _has(a, b, "place")
    same = ("Ein Fischerboot ist vor der albanischen Küste gesunken.",
            "A fishing boat sank off Albania's coast.")  # fmt: skip
    assert not _has(*same, "place")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("All seven cavers trapped by the flood were brought out alive, rescuers said.",
         "Seven cavers trapped by the flood were killed, rescuers said."),
        ("Die sieben eingeschlossenen Höhlenforscher wurden lebend geborgen.",
         "Die sieben eingeschlossenen Höhlenforscher sind ums Leben gekommen."),
        ("The two kidnapped journalists were freed unharmed on Sunday.",
         "The two kidnapped journalists were found dead on Sunday."),
    ],
)  # fmt: skip
def test_opposite_fates_of_the_same_people_conflict(a: str, b: str):
    assert _has(a, b, "polarity")


def test_one_fate_told_twice_is_no_conflict():
    assert not _has("All seven cavers were rescued alive.", "Nobody died: rescuers reached all "
                    "seven cavers.", "polarity")  # fmt: skip
    assert not _has("Die sieben Höhlenforscher wurden lebend gerettet.",
                    "The seven cavers were rescued alive.", "polarity")  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Der Bundestag hat die Grundsteuerreform am Donnerstag gebilligt.",
         "Der Bundesrat hat die Grundsteuerreform am Donnerstag gebilligt."),
        ("The Senate voted 61 to 39 to confirm the new budget director.",
         "The House of Representatives voted 61 to 39 to confirm the new budget director."),
        ("The Supreme Court struck down the electoral law on Tuesday.",
         "The Constitutional Court struck down the electoral law on Tuesday."),
        ("Das Bundesverfassungsgericht hat die Beschwerde der Reederei verworfen.",
         "Das Bundesverwaltungsgericht hat die Beschwerde der Reederei verworfen."),
        ("Die Grünen fordern ein Tempolimit auf Autobahnen.",
         "Die Linke fordert ein Tempolimit auf Autobahnen."),
        ("Labour has called for an inquiry into the water companies.",
         "The Conservatives have called for an inquiry into the water companies."),
        ("Die Freien Wähler lehnen den Bau der Stromtrasse ab.",
         "Die CSU lehnt den Bau der Stromtrasse ab."),
        ("Die Grünen fordern ein Tempolimit auf Autobahnen.",
         "The Left party is calling for a speed limit on motorways."),
    ],
)  # fmt: skip
def test_another_chamber_court_or_party_in_its_place_conflicts(a: str, b: str):
    assert _has(a, b, "name")


def test_one_body_in_two_languages_or_among_two_is_no_conflict():
    assert not _has("Der Bundestag hat die Grundsteuerreform gebilligt.",
                    "The Bundestag approved the property tax reform.", "name")  # fmt: skip
    assert not _has("Die Grünen fordern ein Tempolimit auf Autobahnen.",
                    "The Greens are calling for a speed limit on motorways.", "name")  # fmt: skip
    assert not _has("The Senate passed the bill and sent it to the House of Representatives.",
                    "The House of Representatives will vote on the bill next.", "name")  # fmt: skip
    assert bodies(prepare("Labour market figures and forced labour in the left wing").norm) == (
        frozenset()
    )


def test_another_owner_of_the_same_thing_conflicts():
    a = "The airline blamed delays in Embraer's engine deliveries for the cancellations."
    b = "The airline blamed delays in engine deliveries from Bombardier for the cancellations."
    assert _has(a, b, "name")
    same = "The airline blamed delays in engine deliveries from Embraer for the cancellations."
    assert not _has(a, same, "name")


def test_a_bound_is_no_denial():
    a = "Die Raumsonde soll frühestens im März starten."
    b = "The probe will launch no earlier than March."
    assert not _has(a, b, "polarity")
    assert not _has("Der Start ist frühestens im März geplant.",
                    "The launch is planned for no sooner than March.", "polarity")  # fmt: skip


def test_declining_to_do_it_denies_it():
    a = "The governor declared a state of emergency after the storm."
    b = "The governor declined to declare a state of emergency after the storm."
    assert _has(a, b, "polarity")


def test_a_hold_is_neither_a_rise_nor_a_cut():
    hold = "Die Notenbank hat den Leitzins bei 4,5 Prozent belassen."
    assert _has(hold, "Die Notenbank hat den Leitzins auf 4,5 Prozent gesenkt.", "polarity")
    assert _has(hold, "The central bank raised its key rate to 4.5 percent.", "polarity")
    assert not _has(hold, "The central bank left its key rate unchanged at 4.5 percent.",
                    "polarity")  # fmt: skip


def test_a_swapped_german_stake_conflicts_like_the_english_one():
    a = "Die Allianz hat ihren Anteil an der Generali auf zwölf Prozent erhöht."
    b = "Die Generali hat ihren Anteil an der Allianz auf zwölf Prozent erhöht."
    assert _has(a, b, "role")
    assert not _has(a, "Allianz has raised its stake in Generali to twelve percent.", "role")


def test_who_closed_the_border_with_whom():
    a = "Russia has closed its border crossings with Finland until further notice."
    b = "Finland has closed its border crossings with Russia until further notice."
    assert _has(a, b, "role")
    de = "Russland hat seine Grenzübergänge zu Finnland bis auf Weiteres geschlossen."
    assert not _has(a, de, "role")
    assert _has(b, de, "role")


def test_nobody_hurt_in_german_word_order_is_the_harm_axis():
    a = "Verletzt wurde nach ersten Erkenntnissen niemand, teilte die Polizei mit."
    b = "Part of the bridge collapsed overnight, police said, adding that no one was hurt."
    assert not _has(a, b, "polarity")
    c = "Tote gab es nach Angaben der Feuerwehr keine."
    assert not _has(c, "No one was killed, the fire brigade said.", "polarity")
    assert _has(a, "Drei Menschen wurden verletzt, teilte die Polizei mit.", "polarity")


def test_people_not_yet_reached_are_neither_rescued_nor_dead():
    a = "Rescue teams are still trying to reach the 9 climbers trapped on the glacier."
    assert _has(a, "All 9 climbers trapped on the glacier were flown out alive.", "polarity")
    de = "Die neun auf dem Gletscher eingeschlossenen Bergsteiger werden noch gesucht."
    assert _has(de, "Die neun Bergsteiger wurden lebend vom Gletscher geholt.", "polarity")
    assert _has(
        "The trapped climbers were still being reached by rescuers on Sunday.",
        "Rescuers brought all the trapped climbers back alive on Sunday.",
        "polarity",
    )
    assert not _has(a, "Rescuers were still trying to reach nine climbers on the glacier.",
                    "polarity")  # fmt: skip


def test_a_possessive_company_first_in_its_sentence_is_the_slot_of_another():
    a = "Boeing's engineers walked out on Monday after rejecting the latest pay offer."
    b = "Airbus engineers walked out on Monday after rejecting the latest pay offer."
    assert _has(a, b, "name")
    c = "Striking engineers walked out on Monday after rejecting the latest pay offer."
    assert not _has(a, c, "name")


def test_austrian_parties_by_their_english_names():
    a = "The Freedom Party won 29 percent in the Styrian state election."
    b = "The People's Party won 29 percent in the Styrian state election."
    assert _has(a, b, "name")
    assert not _has(a, "Die FPÖ kam bei der Landtagswahl in der Steiermark auf 29 Prozent.", "name")


def test_named_fires_winds_places_and_offices_are_no_persons():
    from claimtrack.matching.guards import is_person, person_sides

    for run in ["palisades fire", "santa ana", "pacific palisades", "fire protection",
                "governor newsom", "fuenftes todesopfer", "santa monica"]:  # fmt: skip
        assert not is_person(run), run
    assert (
        person_sides(("governor newsom",), ("gavin newsom",), "governor newsom", "gavin newsom")
        is None
    )


def test_other_people_counted_have_their_own_fate():
    a = "At least 27 migrants drowned off the Tunisian coast on Sunday."
    b = "The coast guard rescued 40 migrants off the Tunisian coast on Sunday."
    assert not any("polarity" in t for t in _aspects(a, b))
    c = "All 27 migrants on board were rescued off the Tunisian coast on Sunday."
    assert _has(a, c, "polarity")


def test_another_authority_in_one_slot_conflicts_but_not_another_source():
    a = "Das Bundeskartellamt hat gegen die Lufthansa ein Bußgeld von 5 Millionen Euro verhängt."
    b = "Die Bundesnetzagentur hat gegen die Lufthansa ein Bußgeld von 5 Millionen Euro verhängt."
    assert _has(a, b, "name")
    c = "Die Lufthansa muss 5 Millionen Euro Bußgeld zahlen, teilte das Bundeskartellamt mit."
    d = "Die Lufthansa muss 5 Millionen Euro Bußgeld zahlen, wie das Verkehrsministerium bestätigte."
    assert not _has(c, d, "name")


def test_bodies_of_the_un_and_a_vote_against():
    a = "Der Weltsicherheitsrat hat eine Resolution zum Schutz von Helfern verabschiedet."
    b = "Die UN-Generalversammlung hat eine Resolution zum Schutz von Helfern verabschiedet."
    assert _has(a, b, "name")
    assert not _has(
        a, "The UN Security Council adopted a resolution to protect aid workers.", "name"
    )
    c = "The city council voted to close the old bridge to cars."
    assert _has(c, "The city council voted against closing the old bridge to cars.", "polarity")
    d = "The mayor was replaced after the council voted against the outgoing administration."
    assert not _has(
        d, "The council voted out the mayor and replaced the administration.", "polarity"
    )
