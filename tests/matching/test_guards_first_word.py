"""A claim that opens with another name before the same words: "Porsche cut its forecast" vs
"Audi cut its forecast" (``names._first_word``)."""

from __future__ import annotations

import pytest

from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Heineken raised its full-year profit forecast on Wednesday after strong sales in Asia.",
         "Carlsberg raised its full-year profit forecast on Wednesday after strong sales in Asia."),
        ("Nestle hiked prices across Europe by 5 percent, the company said.",
         "Danone hiked prices across Europe by 5 percent, the company said."),
        ("Zalando hat seine Prognose für das laufende Jahr am Donnerstag gesenkt.",
         "Mytheresa hat seine Prognose für das laufende Jahr am Donnerstag gesenkt."),
    ],
)  # fmt: skip
def test_another_name_opening_the_claim_is_a_conflict(a: str, b: str):
    assert _has(a, b, "name")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # common nouns opening the claim: plurals, German nouns
        ("Thieves stole eight pieces of jewellery from the museum on Sunday.",
         "Burglars stole eight pieces of jewellery from the museum on Sunday."),
        ("Einbrecher stahlen am Sonntag acht Schmuckstücke aus dem Museum.",
         "Diebe stahlen am Sonntag acht Schmuckstücke aus dem Museum."),
        # a capital for its country
        ("Berlin has approved the sale of the stake to Cosco.",
         "Germany has approved the sale of the stake to Cosco."),
    ],
)  # fmt: skip
def test_a_common_noun_or_a_capital_opening_the_claim_is_no_name(a: str, b: str):
    assert not _has(a, b, "name")
