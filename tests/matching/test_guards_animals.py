"""Another animal, another farm disease, another river in one slot (``bodies.animals``,
``bodies.diseases``, the gazetteer's rivers)."""

from __future__ import annotations

import pytest

from claimtrack.matching.bodies import animals
from claimtrack.matching.prepare import prepare
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b", "aspect"),
    [
        ("Ein Luchs hat im Harz mehrere Ziegen gerissen, bestätigte das Umweltministerium.",
         "Ein Wolf hat im Harz mehrere Ziegen gerissen, bestätigte das Umweltministerium.", "name"),
        ("A brown bear was shot dead after attacking a jogger in Romania's Carpathians.",
         "A wolf was shot dead after attacking a jogger in Romania's Carpathians.", "name"),
        ("Die Schweinepest wurde bei einem Hausschwein im Landkreis Ludwigslust nachgewiesen.",
         "Die Schweinepest wurde bei einem Wildschwein im Landkreis Ludwigslust nachgewiesen.",
         "name"),
        ("Bird flu has been found on a duck farm in Lower Saxony, officials said.",
         "Bird flu has been found on a goose farm in Lower Saxony, officials said.", "name"),
        ("In einem Schafbestand in Hessen ist die Blauzungenkrankheit ausgebrochen.",
         "In einem Schafbestand in Hessen ist die Maul- und Klauenseuche ausgebrochen.", "name"),
        ("Rabies was confirmed in a dog in the Polish border town of Słubice.",
         "Foot-and-mouth disease was confirmed in a dog in the Polish border town of Słubice.",
         "name"),
        # rivers of Central Europe that flood: one slot, another river
        ("Die Ahr ist in Bad Neuenahr über die Ufer getreten.",
         "Die Erft ist in Bad Neuenahr über die Ufer getreten.", "place"),
        ("The Morava burst its banks in Znojmo on Sunday.",
         "The Thaya burst its banks in Znojmo on Sunday.", "place"),
    ],
)  # fmt: skip
def test_another_animal_disease_or_river_is_a_conflict(a: str, b: str, aspect: str):
    assert _has(a, b, aspect)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ein Wolf hat auf Sylt 40 Schafe und Lämmer gerissen.", "A wolf killed 40 sheep on Sylt."),
        ("Die Schweinepest wurde bei einem Wildschwein nachgewiesen.",
         "African swine fever was found in a wild boar."),
        ("Die Maul- und Klauenseuche ist in Brandenburg ausgebrochen.",
         "Foot-and-mouth disease has broken out in Brandenburg."),
        # a bear market is no bear
        ("Stocks entered a bear market on Friday.", "Ein Braunbär wurde am Freitag gesichtet."),
    ],
)  # fmt: skip
def test_one_animal_or_disease_in_two_languages_is_no_conflict(a: str, b: str):
    assert not _has(a, b, "name")


def test_the_longest_spelling_names_the_animal():
    assert animals(prepare("a polar bear and a wild boar", "en").norm) == {"polarbear", "boar"}
    assert animals(prepare("Die Schweinepest breitet sich aus.", "de").norm) == frozenset()
