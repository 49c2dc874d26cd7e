"""The decision with the real embedding: the issue's misses are found, variants never become same."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import Kind
from tests.matching.embedded_pairs import compare_both

SAME = [
    ("Bei Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.", "de",
     "Die Zahl der Todesopfer bei den Unruhen in Kasachstan ist auf 225 gestiegen.", "de"),
    ("Die Entsendung von OVKS-Truppen nach Kasachstan war illegal.", "de",
     "The deployment of CSTO troops to Kazakhstan was illegal.", "en"),
    ("Mehr als 2.000 Menschen in Almaty festgenommen.", "de",
     "More than 2,000 people detained in Almaty.", "en"),
    ("Die Zahl der festgenommenen Demonstranten überstieg 2700, teilte das Innenministerium mit.", "de",
     "More than 2,700 people are now in custody, the interior ministry said.", "en"),
    ("Die OVKS-Charta lässt keine Einmischung in innere Angelegenheiten der Mitgliedstaaten zu.", "de",
     "Die Charta der OVKS verbietet eine Einmischung in die inneren Angelegenheiten ihrer Mitglieder.", "de"),
    ("Landesweit wurden fast 8.000 Menschen festgenommen, teilte das Innenministerium mit.", "de",
     "The interior ministry said 7,939 people had been detained across the country.", "en"),
]  # fmt: skip

VARIANT = [
    ("Bei Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.", "de",
     "164 people were killed in the unrest in Kazakhstan.", "en", "figure"),
    ("Mehr als 2.000 Menschen in Almaty festgenommen.", "de",
     "More than 2,000 people detained in Astana.", "en", "place"),
    ("Die Entsendung von OVKS-Truppen nach Kasachstan war illegal.", "de",
     "The deployment of CSTO troops to Kazakhstan was legal.", "en", "polarity"),
    ("Die Inflation in Kasachstan lag im Dezember bei 8,4 Prozent.", "de",
     "Kazakhstan's inflation was 8.4 percent in November.", "en", "date"),
    ("Mehr als 2.000 Menschen in Almaty festgenommen.", "de",
     "More than 2,000 people killed in Almaty.", "en", "figure"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "la", "b", "lb"), SAME)
def test_same_claim_in_other_words_or_language(a, la, b, lb):
    ab, ba = compare_both(a, la, b, lb)
    assert ab.kind is Kind.SAME, (ab.score, ab.conflicts, ab.features)
    assert (ab.score, ab.kind, ab.conflicts) == (ba.score, ba.kind, ba.conflicts)
    codes = [r["code"] for r in ab.reasons]
    assert "semantic" in codes and not any(c.startswith("conflict.") for c in codes)


@pytest.mark.parametrize(("a", "la", "b", "lb", "aspect"), VARIANT)
def test_variants_stay_variants_whatever_the_embedding_says(a, la, b, lb, aspect):
    ab, _ = compare_both(a, la, b, lb)
    assert ab.kind is Kind.VARIANT, (ab.score, ab.conflicts)
    assert any(c.startswith(aspect) for c in ab.conflicts), ab.conflicts
    # A figure conflict is named by what differs: the value, what happened, or who is counted.
    codes = {"figure": ("figure", "event", "counted")}.get(aspect, (aspect,))
    assert any(r["code"] in {f"conflict.{c}" for c in codes} for r in ab.reasons), ab.reasons
    assert not ab.auto_linkable()


def test_a_related_claim_with_a_figure_the_other_lacks_is_not_same():
    ab, _ = compare_both(
        "Tokayev said 225 people died in the January 2022 unrest in Kazakhstan.", "en",
        "The January 2022 unrest in Kazakhstan began with protests over fuel prices.", "en",
    )  # fmt: skip
    assert ab.kind is not Kind.SAME
    assert {"code": "unmatched.figure", "count": 1} in ab.reasons


def test_agreeing_facts_are_named_as_data():
    ab, _ = compare_both(
        "Landesweit wurden fast 8.000 Menschen festgenommen, teilte das Innenministerium mit.", "de",
        "The interior ministry said 7,939 people had been detained across the country.", "en",
    )  # fmt: skip
    figure = next(r for r in ab.reasons if r["code"] == "agree.figure")
    assert figure["event"] == "arrests" and figure["qualifier"] == "almost"
