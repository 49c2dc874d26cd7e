"""Gazetteer lookups across German, English, Russian and Kazakh spellings."""

import pytest

from claimtrack.text.places import canonical_place, find_places


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
