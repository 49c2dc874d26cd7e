"""Folding, aliases and polarity (German and English, with Russian names in mind)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.text.aliases import AliasTable
from claimtrack.text.normalize import fold, tokens
from claimtrack.text.polarity import polarity, polarity_conflict


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Straße", "strasse"),
        ("Weißrussland", "weissrussland"),
        ("Äpfel, Öl & Übermut!", "aepfel oel uebermut"),
        ("Алматы", "almaty"),
        ("  Mehr   als\t2.000  ", "mehr als 2 000"),
        ("Café CRÈME", "cafe creme"),
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


@settings(deadline=None)
@given(st.text(max_size=80))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(deadline=None)
@given(st.text(max_size=80))
def test_tokens_spans_point_into_the_text(text):
    for tok in tokens(text):
        assert 0 <= tok.start < tok.end <= len(text)
        assert tok.text


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("OVKS", "CSTO"),
        ("ODKB", "CSTO"),
        ("ОДКБ", "CSTO"),
        ("Toqajew", "Tokayev"),
        ("Tokajew", "Tokayev"),
        ("Токаев", "Tokayev"),
        ("Weißrussland", "Belarus"),
        ("Kasachstan", "Kazakhstan"),
        ("Organisation des Vertrags über kollektive Sicherheit", "CSTO"),
    ],
)
def test_default_aliases(spelling, canonical):
    assert AliasTable.default().lookup(spelling) == canonical


def test_desk_aliases_extend_and_override():
    table = AliasTable.default([("KSB", "KNB", "org"), ("OVKS", "Bündnis", "org")])
    assert table.lookup("KSB") == "KNB"
    assert table.lookup("OVKS") == "Bündnis"
    assert table.canonical_tokens(fold("die ovks truppen").split()) == [
        "die",
        "buendnis",
        "truppen",
    ]


def test_alias_find_reports_spans():
    text = "Präsident Toqajew bat die OVKS um Hilfe."
    hits = AliasTable.default().find(text)
    assert [(h.canonical, h.raw) for h in hits] == [("Tokayev", "Toqajew"), ("CSTO", "OVKS")]


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Der Einsatz ist illegal.", "Der Einsatz ist legal.", True),
        ("Der Einsatz ist nicht illegal.", "Der Einsatz ist legal.", False),
        ("Es gibt keine Beweise.", "Es gibt Beweise.", True),
        ("The deployment was unlawful.", "The deployment was lawful.", True),
        ("They didn't win.", "They won.", True),
        ("Das Werk bleibt geschlossen.", "Das Werk geht wieder in Betrieb.", True),
        ("Prices rose sharply.", "Prices fell sharply.", True),
        ("Die Aussage ist unwahr.", "Die Aussage ist wahr.", True),
        ("Not only prices rose.", "Prices rose.", False),
        ("The claim is true.", "The claim is true.", False),
    ],
)
def test_polarity_conflicts(a, b, conflict):
    pa, pb = polarity(a), polarity(b)
    assert (polarity_conflict(pa, pb) is not None) is conflict
    assert polarity_conflict(pa, pb) == polarity_conflict(pb, pa)
