"""Generic later mentions of organisations ("teilte die Behörde mit", "the ministry said")
credit the organisation named earlier whose kind fits, like "die Ministerin" credits the
minister named before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.extraction import extract_candidates, prepare_article
from claimtrack.extraction.attribution import attribute_sentences
from claimtrack.extraction.organisations import kinds_of, named_in
from claimtrack.extraction.speakers import tokenize

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages" / "editor_orgs"


def claimants(sentences: list[str], language: str) -> list[str | None]:
    found, _ = attribute_sentences(sentences, language, outlet="Kurier")
    return [a.claimant for a in found]


STORIES = [
    (  # German agency copy: the prosecutor's office, then "die Behörde"
        "de",
        [
            "Die Generalstaatsanwaltschaft Frankfurt hat Anklage gegen drei Männer erhoben.",
            "Sie sollen 640 Anleger um 14 Millionen Euro gebracht haben, teilte die Behörde mit.",
        ],
        "Generalstaatsanwaltschaft Frankfurt",
    ),
    (  # German regional paper: a named police force, then "die Polizei"
        "de",
        [
            "Die Polizei in Köln hat am Wochenende die Geschwindigkeit kontrolliert.",
            "Insgesamt seien 86 Fahrer zu schnell gewesen, teilte die Polizei am Montag mit.",
        ],
        "Polizei in Köln",
    ),
    (  # a ministry written as one compound, then "das Ministerium"
        "de",
        [
            "Das Bundesgesundheitsministerium legte am Montag neue Zahlen vor.",
            "Die Zahl der Fälle stieg um 12 Prozent, teilte das Ministerium mit.",
        ],
        "Bundesgesundheitsministerium",
    ),
    (  # a company with its legal form, then "das Unternehmen" in the inverted order
        "de",
        [
            "Die Nordstrom AG verzeichnete im Herbst deutlich mehr Ausfälle.",
            "Nur 60 Prozent der Anlagen seien in Betrieb gewesen, sagte das Unternehmen.",
        ],
        "Nordstrom AG",
    ),
    (  # a "-Konzern" compound, then "der Konzern"
        "de",
        [
            "Der Volkswagen-Konzern will in Deutschland 2.000 Stellen streichen.",
            "Der Umsatz sei um 8 Prozent gesunken, wie der Konzern mitteilte.",
        ],
        "Volkswagen-Konzern",
    ),
    (  # an office "für …", then "das Amt"
        "de",
        [
            "Das Landesamt für Statistik hat neue Unfallzahlen veröffentlicht.",
            "Danach stieg die Zahl der Verkehrstoten auf 430, wie das Amt mitteilte.",
        ],
        "Landesamt für Statistik",
    ),
    (  # English wire copy: "the Ministry of Health", only mentioned, then "the ministry said"
        "en",
        [
            "Hospitals have been asked by the Ministry of Health to postpone operations.",
            "Admissions rose by 12 percent in November, the ministry said.",
        ],
        "Ministry of Health",
    ),
    (  # a British company in lower-case "plc", then "the company said"
        "en",
        [
            "Shares in Northwind Energy plc fell 6 percent on Thursday.",
            "Pre-tax profit fell to 212 million pounds, the company said.",
        ],
        "Northwind Energy plc",
    ),
    (  # a court named with its seat, then "the court said"
        "en",
        [
            "The case was heard at the High Court in Edinburgh on Monday.",
            "About 95 tonnes of oil reached the sea, the court said in its ruling.",
        ],
        "High Court in Edinburgh",
    ),
    (  # an agency named in a subordinate clause, then "the agency said"
        "en",
        [
            "Campaigners wrote to the Environment Agency after the spills.",
            "The agency said 1,100 spills had been recorded last year.",
        ],
        "Environment Agency",
    ),
]


@pytest.mark.parametrize(("language", "sentences", "expected"), STORIES)
def test_a_generic_mention_credits_the_organisation_named_before(
    language: str, sentences: list[str], expected: str
) -> None:
    assert claimants(sentences, language)[-1] == expected


def test_the_kind_decides_between_two_named_organisations() -> None:
    story = [
        "Die Staatsanwaltschaft Frankenthal ermittelt gegen die Rheinchemie AG.",
        "Im März seien 40 Tonnen Abwasser in den Rhein gelangt, teilte die Behörde mit.",
        "Der Konzern will bis 2026 rund 1.200 Stellen abbauen, wie der Konzern mitteilte.",
    ]
    # The company is the nearer organisation, but a Behörde is no company.
    assert claimants(story, "de")[1:] == ["Staatsanwaltschaft Frankenthal", "Rheinchemie AG"]


def test_the_organisation_the_same_sentence_names_outranks_an_older_one() -> None:
    """A place the gazetteer does not know leaves "Staatsanwaltschaft Ptuj" unnamed; the
    Behörde is still the prosecutor of its own sentence, never the ministry named before (and a
    ministry named in the genitive is remembered in the nominative)."""
    story = [
        "Die Armee flog nach Angaben des Verteidigungsministeriums über 200 Einsätze.",
        "Die Staatsanwaltschaft Ptuj ermittelt gegen einen Bauunternehmer, der illegal "
        "gebaut haben soll, wie die Behörde am Montag mitteilte.",
        "Die Zahl der Einsätze sei gestiegen, teilte das Ministerium mit.",
    ]
    assert claimants(story, "de") == ["Verteidigungsministerium", "Staatsanwaltschaft",
                                      "Verteidigungsministerium"]  # fmt: skip


def test_the_nearest_organisation_of_the_kind_comes_first() -> None:
    story = [
        "Das Bundesamt für Migration hatte die Zahlen an das Landesamt für Statistik gemeldet.",
        "Danach kamen 2023 rund 300.000 Menschen, teilte das Amt mit.",
    ]
    assert claimants(story, "de")[-1] == "Landesamt für Statistik"


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        (  # nothing of the company's kind was named: today's reading stays
            "de",
            [
                "Das Bundesumweltministerium will die Messungen ausweiten.",
                "Der Umsatz sei um 9 Prozent gesunken, teilte das Unternehmen mit.",
            ],
            "Unternehmen",
        ),
        (  # "Laut Polizei" names no force: the bare word is no name
            "de",
            [
                "Laut Polizei gab es 14 Verletzte.",
                "Die Polizei teilte mit, 300 Beamte seien im Einsatz.",
            ],
            "Polizei",
        ),
        ("en", ["Trains were cancelled.", "Fares rose 5 percent, the court said."], "court"),
    ],
)
def test_without_a_fitting_organisation_the_mention_stays(
    language: str, sentences: list[str], expected: str
) -> None:
    assert claimants(sentences, language)[-1] == expected


def test_role_nouns_still_resolve_to_people() -> None:
    story = [
        "Innenministerin Nancy Faeser stellte den Bericht des Bundeskriminalamts vor.",
        "Die Zahl der Straftaten sei um 5 Prozent gestiegen, sagte die Ministerin.",
        "Die Zahl der Festnahmen stieg auf 12.000, teilte die Behörde mit.",
    ]
    assert claimants(story, "de")[1:] == ["Nancy Faeser", "Bundeskriminalamt"]  # in the nominative


@pytest.mark.parametrize(
    ("language", "sentence", "names", "kinds"),
    [
        ("de", "Gegen die Deutsche Bank AG ermittelt die Polizei Köln.", ["Deutsche Bank AG", "Polizei Köln"], [{"company"}, {"police"}]),
        ("en", "According to the Office for National Statistics, prices rose.", ["Office for National Statistics"], [{"office"}]),
        ("de", "Laut Polizei und Staatsanwaltschaft gab es keine Festnahmen.", [], []),
        ("en", "Police Federation chair Jane Doe said officers were tired.", [], []),
    ],
)  # fmt: skip
def test_named_organisations_and_their_kinds(
    language: str, sentence: str, names: list[str], kinds: list[set[str]]
) -> None:
    found = named_in(tokenize(sentence), language)
    assert found == names
    assert [set(kinds_of(n)) for n in found] == kinds


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.json")), ids=lambda p: p.stem)
def test_stories_of_several_outlets_credit_the_named_organisation(page: Path) -> None:
    labels = json.loads(page.read_text("utf-8"))
    article = prepare_article(page.with_suffix(".txt").read_text("utf-8"))
    found = extract_candidates(article.body, article.title, labels["language"], outlet="Outlet")
    generic = [claim for claim in labels["claims"] if claim.get("generic")]
    assert generic
    for claim in generic:  # credited by "die Behörde", "the company said", …
        hits = [c.claimant for c in found if claim["text"] in c.text]
        assert hits == [claim["claimant"]], claim["text"]


def test_english_it_said_is_the_organisation_that_spoke_last() -> None:
    story = [
        "Admissions rose by 12 percent in November, the Ministry of Health said on Monday.",
        "Jane Doe, a nurse in Leeds, said wards were full.",
        "Only 71 percent of children had both doses, it added.",
    ]
    assert claimants(story, "en")[-1] == "Ministry of Health"
    # No organisation has spoken: "it" is nobody's, and the sentence stays the outlet's.
    alone = ["Jane Doe said wards were full.", "Only 71 percent had both doses, it added."]
    assert claimants(alone, "en")[-1] == "Kurier"


def attributions(sentences: list[str], language: str) -> list[tuple[str | None, str]]:
    found, _ = attribute_sentences(sentences, language, outlet="Kurier")
    return [(a.claimant, a.kind) for a in found]


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        # named alone: an organisation news never introduces
        ("de", ["Greenpeace warnte vor einem Anstieg der Emissionen um zwölf Prozent."], "Greenpeace"),
        ("de", ["Laut Oxfam besitzt das reichste Prozent die Hälfte des Vermögens."], "Oxfam"),
        ("de", ["Nach Angaben von Foodwatch enthielten 40 Produkte zu viel Zucker."], "Foodwatch"),
        ("en", ["Human Rights Watch said 300 people had been detained."], "Human Rights Watch"),
        ("en", ["Amnesty International said the trial was unfair."], "Amnesty International"),
        # introduced by its kind, then named alone: any organisation, not a list of names
        (
            "de",
            [
                "Die Verbraucherorganisation Nordwacht hat 120 Tarife verglichen.",
                "Nordwacht sagte, jeder dritte Tarif sei zu teuer.",
            ],
            "Nordwacht",
        ),
        (
            "de",
            ["Die Elektronikkette MediaMarkt teilte mit, 300 Stellen würden gestrichen."],
            "MediaMarkt",
        ),
        ("de", ["Nach Angaben des Betreibers Currenta wurden 17 Menschen verletzt."], "Currenta"),
        ("en", ["Site operator Currenta said 17 people had been injured."], "Currenta"),
        (
            "en",
            [
                "The campaign group Clearwater tested 80 rivers in England.",
                "Clearwater said 60 of them failed the standard.",
            ],
            "Clearwater",
        ),
    ],
)  # fmt: skip
def test_an_organisation_named_like_a_person_is_an_organisation(
    language: str, sentences: list[str], expected: str
) -> None:
    assert attributions(sentences, language)[-1] == (expected, "organisation")


def test_a_name_that_heads_a_federation_keeps_it() -> None:
    """ "Bundesverband Wärmepumpe" is the name, not a kind noun before one, and is named in the
    nominative."""
    sentence = "Nach Schätzungen des Bundesverbands Wärmepumpe wurden 236.000 Geräte verkauft."
    assert attributions([sentence], "de") == [("Bundesverband Wärmepumpe", "organisation")]


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        # the minister named earlier
        (
            "de",
            [
                "Innenminister Boštjan Poklukar besuchte am Montag die Region.",
                "Nach Angaben des Ministers wurden 300 Häuser zerstört.",
            ],
            "Boštjan Poklukar",
        ),
        (
            "en",
            [
                "Interior Minister Jane Doe visited the region on Monday.",
                "According to the minister, 300 homes were destroyed.",
            ],
            "Jane Doe",
        ),
        # nobody with that role: the role, in the nominative, never a person "Ministers"
        ("de", ["Nach Angaben des Ministers wurden 300 Häuser zerstört."], "Minister"),
        (
            "de",
            [
                "Anwalt Kai Nowak kündigte Revision an.",
                "Nach Angaben des Ministers wurden 300 Häuser zerstört.",
            ],
            "Minister",
        ),
        # a role another may be called by: the head of government
        (
            "de",
            [
                "Bundeskanzler Olaf Scholz besuchte am Montag die Region.",
                "Der Wiederaufbau koste Milliarden, sagte der Regierungschef.",
            ],
            "Olaf Scholz",
        ),
    ],
)
def test_a_role_alone_is_the_person_named_with_it_earlier_or_the_role(
    language: str, sentences: list[str], expected: str
) -> None:
    assert attributions(sentences, language)[-1] == (expected, "person")


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "de",
            "Die Staatsanwaltschaft Köln hat ein Ermittlungsverfahren eingeleitet, wie eine "
            "Sprecherin bestätigte.",
            ("Staatsanwaltschaft Köln", "organisation"),
        ),
        (
            "de",
            "Am Dienstag hat die Polizei 20 Menschen festgenommen, wie ein Sprecher sagte.",
            ("Polizei", "organisation"),
        ),
        (
            "en",
            "Cologne prosecutors have opened an investigation, a spokeswoman said.",
            ("Cologne prosecutors", "organisation"),
        ),
        # no organisation in the sentence: the spokesperson stays unnamed
        ("de", "Das Feuer brach am Morgen aus, sagte eine Sprecherin.", ("Sprecherin", "unnamed")),
        # emergency services are organisations
        (
            "en",
            "The blast killed two people and injured 17, the fire brigade said.",
            ("fire brigade", "organisation"),
        ),
        ("en", "Three sailors were rescued, the coastguard said.", ("coastguard", "organisation")),
    ],
)
def test_an_unnamed_spokesperson_speaks_for_the_organisation_the_sentence_is_about(
    language: str, sentence: str, expected: tuple[str, str]
) -> None:
    assert attributions([sentence], language) == [expected]


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        # a spokesperson of an organisation speaks for it
        (
            "de",
            ["Die Gruppe brach trotz Warnstufe vier auf, wie ein Sprecher der Bergwacht sagte."],
            ("Bergwacht", "organisation"),
        ),
        (
            "en",
            [
                "The Regional Water Agency said reservoirs were at 16% of capacity.",
                "Farms must cut irrigation by 80%, a spokeswoman for the agency said.",
            ],
            ("Regional Water Agency", "organisation"),
        ),
        # "A spokesperson added" continues the organisation that spoke
        (
            "en",
            [
                "The Department for Work and Pensions said benefits had risen by 6.7%.",
                "A spokesperson added that 300,000 fewer children were in poverty.",
            ],
            ("Department for Work and Pensions", "organisation"),
        ),
        # names with "and", "für", particles, and capitalised words before the head
        (
            "en",
            ["The Food and Drug Administration said 12 products were recalled."],
            ("Food and Drug Administration", "organisation"),
        ),
        (
            "de",
            ["Nach Zahlen des Kuratoriums für Alpine Sicherheit starben 23 Menschen."],
            ("Kuratorium für Alpine Sicherheit", "organisation"),
        ),
        (
            "en",
            ["Farmers' association Unió de Pagesos said 30,000 hectares were lost."],
            ("Unió de Pagesos", "organisation"),
        ),
        (
            "en",
            ["The Catalan Water Agency said rainfall was half the average."],
            ("Catalan Water Agency", "organisation"),
        ),
        # a company introduced by its kind is "das Unternehmen" later
        (
            "de",
            [
                "Der Autozulieferer Brenntal baut 1.200 Arbeitsplätze ab.",
                "Das kündigte das Unternehmen am Dienstag in Stuttgart an.",
            ],
            ("Brenntal", "organisation"),
        ),
        # a UK secretary of state is "the minister"
        (
            "en",
            [
                "Work and Pensions Secretary Liz Kendall will set out plans in the new year.",
                "According to the minister, 800,000 people have been helped into work.",
            ],
            ("Liz Kendall", "person"),
        ),
    ],
)
def test_spokespeople_compound_names_and_introduced_companies(
    language: str, sentences: list[str], expected: tuple[str, str]
) -> None:
    assert attributions(sentences, language)[-1] == expected


def test_two_organisations_joined_by_und_stay_two() -> None:
    """ "Polizei und Feuerwehr" are two organisations; the phrase is not one name."""
    found = attributions(["Laut Polizei und Feuerwehr wurden 17 Menschen verletzt."], "de")
    assert found[0][0] != "Polizei und Feuerwehr"


def test_the_company_introduced_before_is_credited_by_the_back_reference() -> None:
    found, credits = attribute_sentences(
        [
            "Der Autozulieferer Brenntal baut 1.200 Arbeitsplätze ab.",
            "Das kündigte das Unternehmen am Dienstag in Stuttgart an.",
        ],
        "de",
        outlet="Kurier",
    )
    assert (found[0].claimant, found[0].kind) == ("Brenntal", "organisation")
    assert credits == [False, True]


@pytest.mark.parametrize(
    ("language", "sentences", "expected"),
    [
        (
            "en",
            [
                "Food banks handed out 3.1 million parcels last year, the charity said.",
                "More than a million went to families, according to the Hillside Trust, which "
                "runs 1,400 food banks.",
            ],
            "Hillside Trust",
        ),
        (
            "en",
            [
                "Profits fell by 40% in the third quarter, the company said on Thursday.",
                "Shares in Northwind Energy plc fell 6% in early trading.",
            ],
            "Northwind Energy plc",
        ),
    ],
)
def test_a_generic_mention_is_the_organisation_the_next_sentence_names(
    language: str, sentences: list[str], expected: str
) -> None:
    assert attributions(sentences, language)[0] == (expected, "organisation")


def test_a_generic_mention_does_not_reach_past_a_paragraph() -> None:
    found, _ = attribute_sentences(
        [
            "Profits fell by 40% in the third quarter, the company said on Thursday.",
            "Shares in Northwind Energy plc fell 6% in early trading.",
        ],
        "en",
        outlet="Kurier",
        paragraphs=[0, 2],
    )
    assert found[0].claimant == "company"


def test_an_english_plural_role_is_no_earlier_person() -> None:
    """ "The ministers said" are several people: not the one minister named before."""
    found = attributions(
        [
            "Interior Minister Jane Doe visited the region.",
            "The ministers said the fund would grow.",
        ],
        "en",
    )
    assert found[1][0] != "Jane Doe"
    # a modifier of roles ("state", "foreign") heads no phrase naming a person
    found = attributions(
        ["Interior Minister Jane Doe visited the region.", "The state said the fund would grow."],
        "en",
    )
    assert found[1][0] != "Jane Doe"


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a town's adjective before a kind word refers to the office named before
        (
            [
                "Die Preise stiegen um 2,3 Prozent, wie das Statistische Bundesamt mitteilte.",
                "Im Februar lag die Rate nach Schätzung der Wiesbadener Behörde bei 2,2 Prozent.",
            ],
            "Statistisches Bundesamt",
        ),
        # the genitive head stands before the linking word
        (
            ["Nach Berechnungen des Instituts der deutschen Wirtschaft fehlen 4.500 Euro."],
            "Institut der deutschen Wirtschaft",
        ),
        # "demnach": the source named last in this paragraph, past a sentence of the outlet's
        (
            [
                "Die Preise stiegen um 2,3 Prozent, wie das Statistische Bundesamt mitteilte.",
                "Im Februar hatte die Rate bei 2,2 Prozent gelegen.",
                "Nahrungsmittel verteuerten sich demnach um 3,1 Prozent.",
            ],
            "Statistisches Bundesamt",
        ),
    ],
)
def test_town_adjectives_genitive_heads_and_demnach(sentences: list[str], expected: str) -> None:
    assert attributions(sentences, "de")[-1] == (expected, "organisation")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nach Angaben des Statistischen Bundesamts stiegen die Preise um 2 Prozent.",
            "Statistisches Bundesamt",
        ),
        (
            "Nach Angaben des Deutschen Wetterdienstes wird es 20 Grad warm.",
            "Deutscher Wetterdienst",
        ),
        (
            "Laut der Europäischen Zentralbank steigt die Inflation auf 3 Prozent.",
            "Europäische Zentralbank",
        ),
        ("Die Deutsche Bahn teilte mit, 20 Züge fielen aus.", "Deutsche Bahn"),
        (
            "Nach Angaben des Internationalen Währungsfonds wächst die Wirtschaft um 2 Prozent.",
            "Internationaler Währungsfonds",
        ),
        # an unnamed compound spokesperson speaks for the organisation
        ("Auf der Autobahn gab es 20 Unfälle, sagte ein Polizeisprecher.", "Polizei"),
        ("Die Regierung plant 20 Gesetze, sagte ein Regierungssprecher.", "Regierung"),
    ],
)
def test_german_organisations_are_named_as_they_call_themselves(
    sentence: str, expected: str
) -> None:
    assert attributions([sentence], "de")[-1] == (expected, "organisation")
