"""Proper names no table knows, and ranks: another town, company or rank in the same slot is
another claim (``names``, ``ranks``); a name one claim leaves out, or a description in its
place, is not. Decided without a model: only the facts and conflicts."""

from __future__ import annotations

import pytest

from claimtrack.matching.compare import find_conflicts
from claimtrack.matching.prepare import prepare
from claimtrack.matching.ranks import ranks
from claimtrack.matching.signature import decode, encode


def _conflicts(a: str, la: str, b: str, lb: str) -> list[str]:
    return find_conflicts(prepare(a, la), prepare(b, lb))


def _aspects(a: str, la: str, b: str, lb: str) -> set[str]:
    return {c.partition(":")[0] for c in _conflicts(a, la, b, lb)}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A landslide buried the mountain village of Tsaparang, regional officials said.",
         "A landslide buried the mountain village of Dolpo, regional officials said."),
        ("The operator Brightline is cutting 400 jobs at its Orlando depot, the company said.",
         "The operator Amtrak is cutting 400 jobs at its Orlando depot, the company said."),
        ("Die Fähre ist vor Sylt in Seenot geraten, teilte die Seenotrettung mit.",
         "Die Fähre ist vor Amrum in Seenot geraten, teilte die Seenotrettung mit."),
    ],
)  # fmt: skip
def test_another_name_in_the_same_words_is_a_name_conflict(a, b):
    lang = "de" if " die " in a else "en"
    assert "name" in _aspects(a, lang, b, lang)


def test_another_company_next_to_the_same_happening_conflicts_across_languages():
    de = "Die Kartellbehörde hat gegen Siemens eine Strafe von 300 Millionen Euro verhängt."
    en = "The competition authority fined Philips 300 million euros over price fixing."
    assert "name" in _aspects(de, "de", en, "en")
    same = "The competition authority fined Siemens 300 million euros over price fixing."
    assert "name" not in _aspects(de, "de", same, "en")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a name one claim leaves out
        ("A landslide buried the mountain village of Tsaparang, regional officials said.",
         "A landslide buried a mountain village, regional officials said."),
        # a description in its place, not another name
        ("The prisoner was released from Wakefield prison on Friday, his lawyers said.",
         "The prisoner was released from a British prison on Friday, his lawyers said."),
        # both name both
        ("Brightline and Amtrak are cutting 400 jobs at the Orlando depot.",
         "Amtrak and Brightline are cutting 400 jobs at the Orlando depot."),
    ],
)  # fmt: skip
def test_a_name_left_out_or_described_is_no_conflict(a, b):
    assert "name" not in _aspects(a, "en", b, "en")


def test_german_common_nouns_in_one_slot_are_no_names():
    a = "Die Zahl der Toten ist nach Angaben der Behörden auf 12 gestiegen."
    b = "Die Zahl der Opfer ist nach Angaben der Behörden auf 12 gestiegen."
    assert "name" not in _aspects(a, "de", b, "de")
    assert prepare("Der Mann wurde in Gewahrsam genommen.", "de").names == ()


def test_names_are_stored_with_the_claim():
    p = prepare("Die Kartellbehörde hat gegen Siemens eine Strafe verhängt.", "de")
    assert "siemens" in p.names
    assert decode(p.norm, encode(p)).names == p.names


@pytest.mark.parametrize(
    ("norm", "found"),
    [
        ("die partei wurde nur drittstaerkste kraft", {3}),
        ("die partei wurde staerkste kraft", {1}),
        ("the second largest lender", {2}),
        ("the third most valuable company", {3}),
        ("the largest lender", {1}),
        ("the lender", set()),
    ],
)
def test_ranks_are_read_from_superlatives_and_ordinals(norm, found):
    assert ranks(norm)[0] == found


@pytest.mark.parametrize(
    ("a", "la", "b", "lb", "conflict"),
    [
        ("Die Grünen sind bei der Wahl in Bremen zweitstärkste Kraft geworden.", "de",
         "Die Grünen sind bei der Wahl in Bremen stärkste Kraft geworden.", "de", True),
        ("The Greens became the second-largest party in the Bremen election.", "en",
         "Die Grünen sind bei der Wahl in Bremen stärkste Kraft geworden.", "de", True),
        ("The Greens became the second-largest party in the Bremen election.", "en",
         "Die Grünen sind bei der Wahl in Bremen zweitstärkste Kraft geworden.", "de", False),
        # two ranks named, one of them shared
        ("The SPD stayed the largest party, ahead of the second-largest CDU.", "en",
         "The SPD stayed the largest party in the Bremen election.", "en", False),
        # superlatives without an ordinal say nothing against each other
        ("The SPD stayed the largest party.", "en", "The SPD remained the biggest party.", "en",
         False),
    ],
)  # fmt: skip
def test_another_rank_is_a_rank_conflict(a, la, b, lb, conflict):
    assert ("rank" in _aspects(a, la, b, lb)) is conflict


def test_seas_are_places():
    a = prepare("Rebels attacked a tanker in the Gulf of Aden.", "en")
    b = prepare("Rebellen haben einen Tanker im Persischen Golf angegriffen.", "de")
    assert ("Gulf of Aden", "sea") in a.places
    assert ("Persian Gulf", "sea") in b.places
    assert any(c.startswith("place:") for c in find_conflicts(a, b))
