"""Gazetteer lookups across German, English, Russian and Kazakh spellings."""

import pytest

from claimtrack.text.places import canonical_place, country_of, find_places, place_label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Proteste in Alma-Ata", [("Almaty", "city")]),
        ("Протесты в Алматы", [("Almaty", "city")]),
        ("Flights to Nur-Sultan", [("Astana", "city")]),
        ("Truppen in Astana", [("Astana", "city")]),
        ("Kasachstans Präsident", [("Kazakhstan", "country")]),
        ("Weißrussland und Kirgistan", [("Belarus", "country"), ("Kyrgyzstan", "country")]),
        ("Russland schickt Soldaten", [("Russia", "country")]),
        ("In den USA", [("United States", "country")]),
        ("let us talk about china", []),
        ("New York and St. Petersburg", [("New York", "city"), ("Saint Petersburg", "city")]),
        ("Unruhen in der Region Mangistau", [("Mangystau", "region")]),
    ],
)
def test_find_places(text, expected):
    places = find_places(text)
    assert [(p.name, p.kind) for p in places] == expected
    for p in places:
        assert text[p.start : p.end] == p.raw


def test_canonical_place():
    assert canonical_place("Алма-Ата") == "Almaty"
    assert canonical_place("Kasachstan") == "Kazakhstan"
    assert canonical_place("Atlantis") is None


def test_a_place_inside_an_organisation_name_is_not_a_place() -> None:
    text = "Der Co-Vorsitzende der Minsk-Gruppe der OSZE reiste nach Minsk."
    found = find_places(text)
    assert [(p.name, p.raw) for p in found] == [("Minsk", "Minsk")]
    assert found[0].start == text.index("Minsk.")


@pytest.mark.parametrize(
    ("name", "language", "label"),
    [
        ("Kazakhstan", "de", "Kasachstan"),
        ("Azerbaijan", "de", "Aserbaidschan"),
        ("Moscow", "de", "Moskau"),
        ("Central Asia", "de", "Zentralasien"),
        ("Almaty", "de", "Almaty"),
        ("Kazakhstan", "en", "Kazakhstan"),
        ("Atlantis", "de", "Atlantis"),
    ],
)
def test_places_are_shown_in_the_readers_language(name: str, language: str, label: str) -> None:
    assert place_label(name, language) == label


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Der Chemiepark in Leverkusen bleibt nach der Explosion gesperrt.", "Leverkusen", "Germany"),
        ("In Bergisch Gladbach fiel am Montag der Strom aus.", "Bergisch Gladbach", "Germany"),
        ("Floods hit the region of Valencia on Tuesday.", "Valencia", "Spain"),
        ("Der Zug aus Mailand kam mit drei Stunden Verspätung an.", "Milan", "Italy"),
        ("Protesters gathered in Kuala Lumpur on Saturday.", "Kuala Lumpur", "Malaysia"),
        ("Die Lawinengefahr in Tirol ist groß.", "Tyrol", "Austria"),
        ("Wildfires spread across California overnight.", "California", "United States"),
    ],
)  # fmt: skip
def test_german_cities_capitals_and_main_regions_are_places(text, name, country):
    found = [p.name for p in find_places(text)]
    assert name in found
    assert country_of(name) == country


def test_a_capital_is_named_in_german_for_a_german_desk():
    assert place_label("Milan", "de") == "Mailand"
    assert place_label("Leverkusen", "de") == "Leverkusen"


def test_common_words_are_no_places():
    assert not find_places("Das Essen in der Halle war kalt.")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("BERLIN, March 14 (Reuters) - A fire at a chemical plant in Leverkusen killed two.", ["Leverkusen"]),
        ("MOSKAU (dpa) - In Kasachstan wurden 2.000 Menschen festgenommen.", ["Kazakhstan"]),
        ("Wien (APA) - Der Flughafen wurde geschlossen.", []),
        ("BERLIN - Die Regierung hat den Haushalt beschlossen.", []),
        ("Berlin, the capital, has banned cars from the centre.", ["Berlin"]),
        ("Almaty (Reuters) - Police in Almaty detained 20 people.", ["Almaty"]),
    ],
)  # fmt: skip
def test_a_dateline_city_is_no_place_of_the_claim(text, places):
    """Where the agency filed the report is not where the happening was."""
    assert [p.name for p in find_places(text)] == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Der Zoll hat im Hamburger Hafen Kokain sichergestellt.", ["Hamburg"]),
        ("Die Münchner Polizei und die Bremer Feuerwehr waren im Einsatz.", ["Munich", "Bremen"]),
        ("Die Dresdner Carolabrücke ist eingestürzt.", ["Dresden"]),
        ("Das meldete die Frankfurter Allgemeine Zeitung am Montag.", []),
        ("Ein Arbeiter und der Lehrer kamen zu spät.", []),
    ],
)  # fmt: skip
def test_a_german_city_adjective_names_the_city(text, places):
    assert [p.name for p in find_places(text)] == places
