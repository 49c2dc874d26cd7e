"""Pair kinds: same, variant (with the named conflict), related, unrelated; symmetry."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.matching.compare import Kind, compare
from claimtrack.matching.prepare import prepare

BASE_DE = "Bei den Unruhen in Kasachstan wurden in Almaty mehr als 2.000 Menschen festgenommen."
BASE_EN = "More than 2,000 people were arrested in Almaty during the unrest in Kazakhstan."

CASES = [
    # (a, b, kind, conflict prefix or None)
    (BASE_DE, "In Almaty wurden bei den Unruhen in Kasachstan über 2000 Menschen festgenommen.",
     Kind.SAME, None),
    (BASE_DE, "Bei den Unruhen in Kasachstan wurden in Alma-Ata mehr als zweitausend Menschen "
     "festgenommen.", Kind.SAME, None),
    (BASE_DE, BASE_DE.replace("2.000", "2.700"), Kind.VARIANT, "figure"),
    (BASE_DE, BASE_DE.replace("Almaty", "Astana"), Kind.VARIANT, "place"),
    (BASE_DE, BASE_DE.replace("festgenommen", "getötet"), Kind.VARIANT, "figure"),
    (BASE_EN, "During the unrest in Kazakhstan over 2000 people were arrested in Alma-Ata.",
     Kind.SAME, None),
    (BASE_EN, BASE_EN.replace("2,000", "2,700"), Kind.VARIANT, "figure"),
    (BASE_EN, BASE_EN.replace("Almaty", "Shymkent"), Kind.VARIANT, "place"),
    ("Der Einsatz der OVKS-Truppen in Kasachstan war nach internationalem Recht illegal.",
     "Der Einsatz der ODKB-Truppen in Kasachstan war nach internationalem Recht illegal.",
     Kind.SAME, None),
    ("Der Einsatz der OVKS-Truppen in Kasachstan war nach internationalem Recht illegal.",
     "Der Einsatz der OVKS-Truppen in Kasachstan war nach internationalem Recht legal.",
     Kind.VARIANT, "polarity"),
    ("The deployment of CSTO troops to Kazakhstan was legal under international law.",
     "The deployment of CSTO troops to Kazakhstan was not legal under international law.",
     Kind.VARIANT, "polarity"),
    ("Bei den Unruhen im Januar 2022 starben in Kasachstan nach offiziellen Angaben 225 Menschen.",
     "Bei den Unruhen im Januar 2021 starben in Kasachstan nach offiziellen Angaben 225 Menschen.",
     Kind.VARIANT, "date"),
    ("Tokayev said 225 people died in the January 2022 unrest in Kazakhstan.",
     "Nazarbayev said 225 people died in the January 2022 unrest in Kazakhstan.",
     Kind.VARIANT, "person"),
    ("Tokayev said 225 people died in the January 2022 unrest in Kazakhstan.",
     "Токаев said 225 people died in the January 2022 unrest in Kazakhstan.", Kind.SAME, None),
    ("Russland hat 3.000 Soldaten als Teil der OVKS-Mission nach Kasachstan geschickt.",
     "Weißrussland hat 3.000 Soldaten als Teil der OVKS-Mission nach Kasachstan geschickt.",
     Kind.VARIANT, "place"),
    ("Tokayev said 225 people died in the January 2022 unrest in Kazakhstan.",
     "The January 2022 unrest in Kazakhstan began with protests over fuel prices in Zhanaozen.",
     Kind.RELATED, None),
    (BASE_DE, "Der Bundestag hat das Heizungsgesetz nach langer Debatte mit knapper Mehrheit "
     "beschlossen.", Kind.UNRELATED, None),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "kind", "conflict"), CASES)
def test_kinds(a, b, kind, conflict):
    result = compare(prepare(a), prepare(b))
    assert result.kind is kind, (result.score, result.conflicts)
    if conflict is None:
        assert result.conflicts == () or kind is Kind.RELATED or kind is Kind.UNRELATED
    else:
        assert any(c.startswith(conflict) for c in result.conflicts), result.conflicts


def test_same_is_auto_linkable_only_for_long_claims():
    long = compare(prepare(BASE_DE), prepare(BASE_DE))
    assert long.kind is Kind.SAME and long.auto_linkable()
    short = compare(prepare("Tokajew lügt."), prepare("Tokajew lügt."))
    assert short.short and not short.auto_linkable()


def test_variant_is_never_auto_linked():
    result = compare(prepare(BASE_EN), prepare(BASE_EN.replace("2,000", "2,700")))
    assert not result.auto_linkable()


WORDS = ["Almaty", "Astana", "2.000", "2.700", "nicht", "illegal", "legal", "Menschen",
         "festgenommen", "Tokajew", "Putin", "2021", "2022", "Soldaten", "the", "not", "arrested"]  # fmt: skip


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
       st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))  # fmt: skip
def test_compare_is_symmetric(a, b):
    pa, pb = prepare(" ".join(a), "de"), prepare(" ".join(b), "de")
    ab, ba = compare(pa, pb), compare(pb, pa)
    assert ab.score == ba.score
    assert ab.kind is ba.kind
    assert ab.conflicts == ba.conflicts


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a run of capitals read as a person on one side only ("Soldaten" ends like no name)
        ("Menschen Menschen", "Soldaten Menschen"),
        ("Kandidaten Müller", "Müller Müller"),
    ],
)
def test_compare_is_symmetric_on_these_pairs(a, b):
    pa, pb = prepare(a, "de"), prepare(b, "de")
    ab, ba = compare(pa, pb), compare(pb, pa)
    assert (ab.score, ab.kind, ab.conflicts) == (ba.score, ba.kind, ba.conflicts)


def test_plain_nouns_counted_in_two_languages_are_no_figure_conflict():
    from claimtrack.matching.compare import figure_conflict

    german = ((300.0, None, "journalisten", None),)
    english = ((300.0, None, "journalists", None),)
    assert figure_conflict(german, english) is None
    assert figure_conflict(((300.0, None, "deaths", None),), ((300.0, None, "arrests", None),))


def test_people_named_differently_but_arrested_alike_are_no_figure_conflict():
    from claimtrack.matching.compare import compare
    from claimtrack.matching.prepare import prepare

    people = prepare(
        "Bei den Protesten am 4. Januar hat die Polizei in Almaty mehr als 2.000 Menschen festgenommen.",
        "de",
    )
    protesters = prepare(
        "Die Polizei in Almaty hat bei den Protesten am 4. Januar über 2.000 Demonstranten festgenommen.",
        "de",
    )
    assert compare(people, protesters).conflicts == ()
