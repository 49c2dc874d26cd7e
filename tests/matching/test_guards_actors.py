"""Institutions as actors: a government, central bank, ministry, audit office or court that
acts in one claim and another that acts in the other (``bodies.actor_sides``)."""

from __future__ import annotations

import pytest
from flask import Flask, g
from flask_babel import force_locale

from claimtrack.matching.bodies import actors
from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import conflicts
from claimtrack.web.match_reasons import conflict_lines
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # governments by a country's adjective, possessive or seat, in either language
        ("Die tschechische Regierung hat am Montag den Verkauf des Stromnetzes gestoppt.",
         "Die slowakische Regierung hat am Montag den Verkauf des Stromnetzes gestoppt."),
        ("The Norwegian government approved a new oil field in the Barents Sea on Friday.",
         "The Swedish government approved a new oil field in the Barents Sea on Friday."),
        ("Hungary's government extended the price cap on fuel until the end of June.",
         "Romania's government extended the price cap on fuel until the end of June."),
        ("Die österreichische Regierung hat den Gaspreisdeckel verlängert.",
         "The Swiss government has extended the cap on gas prices."),
        ("The Kremlin rejected the peace plan on Thursday.",
         "The Ukrainian government rejected the peace plan on Thursday."),
        # central banks: adjective, fixed name, possessive
        ("Die dänische Notenbank hat den Leitzins um einen halben Prozentpunkt gesenkt.",
         "Die norwegische Notenbank hat den Leitzins um einen halben Prozentpunkt gesenkt."),
        ("The Bank of Canada left its key rate unchanged at 2.75 percent on Wednesday.",
         "The Federal Reserve left its key rate unchanged at 2.75 percent on Wednesday."),
        ("Die Europäische Zentralbank hat ihre Wachstumsprognose auf 0,9 Prozent gesenkt.",
         "Die Bundesbank hat ihre Wachstumsprognose auf 0,9 Prozent gesenkt."),
        # a central bank, a government, an audit office, a court: another kind acts
        ("Die Bundesbank erwartet für das kommende Jahr ein Wachstum von 0,7 Prozent.",
         "Die Bundesregierung erwartet für das kommende Jahr ein Wachstum von 0,7 Prozent."),
        ("Der Bundesrechnungshof hat den Bau des Tunnels als zu teuer kritisiert.",
         "Das Verwaltungsgericht hat den Bau des Tunnels als zu teuer kritisiert."),
        # ministries by field, and whose they are
        ("France's interior ministry banned the rally in Paris on Saturday.",
         "France's culture ministry banned the rally in Paris on Saturday."),
        ("Das Bundesverkehrsministerium hat die Förderung für Ladesäulen gestoppt.",
         "Das Bundesumweltministerium hat die Förderung für Ladesäulen gestoppt."),
        ("Das bayerische Gesundheitsministerium hat die Impfpflicht für Pflegekräfte ausgesetzt.",
         "Das Bundesgesundheitsministerium hat die Impfpflicht für Pflegekräfte ausgesetzt."),
    ],
)  # fmt: skip
def test_another_institution_acting_is_a_conflict(a: str, b: str):
    assert _has(a, b, "actor")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one actor named in two ways: translation, seat, possessive, fixed name
        ("Die japanische Notenbank hat den Leitzins auf 0,75 Prozent angehoben.",
         "The Bank of Japan raised its key interest rate to 0.75 percent."),
        ("Der Kreml hat das Angebot zu Gesprächen in Istanbul zurückgewiesen.",
         "Russia's government turned down the offer of talks in Istanbul."),
        ("The Bundesbank cut its growth forecast to 0.4 percent.",
         "Germany's central bank lowered its growth forecast to 0.4 percent."),
        ("Die Bundesregierung hat den Verkauf der Anteile an Uniper beschlossen.",
         "The German government decided to sell its stake in Uniper."),
        ("Der Bundesrechnungshof hat die Ausgaben für Berater kritisiert.",
         "Germany's Federal Audit Office criticised spending on consultants."),
        ("Downing Street said it would not raise income tax.",
         "The British government said it would not raise income tax."),
        # the other institution is the source, or what was acted on
        ("Die polnische Regierung hat Grenzkontrollen eingeführt, teilte das Innenministerium mit.",
         "Polen hat Grenzkontrollen eingeführt, wie die Regierung in Warschau mitteilte."),
        ("The audit office criticised the health ministry's vaccine purchases.",
         "The health ministry's vaccine purchases were criticised by the audit office."),
        # one claim names no actor
        ("Warsaw introduced temporary checks on its border with Germany.",
         "Die polnische Regierung hat vorübergehende Grenzkontrollen zu Deutschland eingeführt."),
    ],
)  # fmt: skip
def test_one_actor_in_two_wordings_is_no_conflict(a: str, b: str):
    assert not _has(a, b, "actor")


def test_an_institution_next_to_a_word_of_saying_is_a_source():
    found = actors(prepare("Die Preise steigen, teilte das Wirtschaftsministerium mit.").norm)
    assert found == ((("ministry.economy", "?"), True),)
    found = actors(prepare("The Danish government said on Monday prices would rise.").norm)
    assert found == ((("government", "Denmark"), True),)


def test_a_government_without_whose_is_not_read():
    assert actors(prepare("The government approved the plan on Friday.").norm) == ()
    assert actors(prepare("Die Notenbank hat den Leitzins gesenkt.").norm) == ()


def test_another_acting_institution_reads_in_the_pages_language(app: Flask):
    a = prepare("Die polnische Regierung hat das Verbot am Montag verlängert.", "de")
    b = prepare("Die tschechische Regierung hat das Verbot am Montag verlängert.", "de")
    reasons = [r for _, rs in conflicts(a, b) for r in rs]
    for lang, label, text in [
        ("en", "Acting institution", "government (Czechia) vs government (Poland)"),
        ("de", "Handelnde Institution", "Regierung (Tschechien) gegenüber Regierung (Polen)"),
    ]:
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            (line,) = conflict_lines(reasons)
            assert (line.label, line.text, line.lang) == (label, text, None)
