"""A share of one whole: "241 of the 242 people on board" vs "all 242" (``guards.shares``)."""

from __future__ import annotations

import pytest
from flask import Flask, g
from flask_babel import force_locale

from claimtrack.matching.guards import shares
from claimtrack.matching.prepare import prepare
from claimtrack.matching.reasons import conflicts
from claimtrack.web.match_reasons import conflict_lines
from tests.matching.conflict_aspects import has_conflict as _has


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("All 38 miners trapped after the cave-in were brought out alive, officials said.",
         "Thirty-seven of the 38 miners trapped after the cave-in were brought out alive."),
        ("Beim Brand im Pflegeheim konnten alle 45 Bewohner gerettet werden.",
         "Beim Brand im Pflegeheim konnten 43 der 45 Bewohner gerettet werden."),
        ("Air defences shot down 30 of the 35 drones overnight, the air force said.",
         "Air defences shot down all 35 drones overnight, the air force said."),
        ("None of the 20 hostages has been released, the negotiators said.",
         "Nine of the 20 hostages have been released, the negotiators said."),
        ("Die Polizei nahm fünf der acht Verdächtigen fest.",
         "Die Polizei nahm alle acht Verdächtigen fest."),
    ],
)  # fmt: skip
def test_another_share_of_one_whole_is_a_conflict(a: str, b: str):
    assert _has(a, b, "share")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("All 38 miners were brought out alive.", "Alle 38 Bergleute wurden lebend geborgen."),
        ("Air defences shot down 30 of the 35 drones.", "Die Flugabwehr schoss 30 der 35 Drohnen ab."),
        # another whole is another count, left to the figure guard
        ("Five of the eight suspects were arrested.", "All 12 suspects were charged."),
    ],
)  # fmt: skip
def test_one_share_or_another_whole_is_no_share_conflict(a: str, b: str):
    assert not _has(a, b, "share")


def test_shares_are_read_as_part_and_whole():
    assert shares(prepare("killing 241 of the 242 people on board", "en").norm) == {(241, 242)}
    assert shares(prepare("killing all of the 242 people on board", "en").norm) == {(242, 242)}
    assert shares(prepare("drei der vier Insassen starben", "de").norm) == {(3, 4)}
    assert shares(prepare("Die vier Insassen starben", "de").norm) == frozenset()


def test_another_share_reads_in_the_pages_language(app: Flask):
    a = prepare("Beim Absturz starben alle 1.200 Tiere an Bord.", "de")
    b = prepare("Beim Absturz starben 1.150 der 1.200 Tiere an Bord.", "de")
    reasons = [r for _, rs in conflicts(a, b) for r in rs]
    for lang, label, text in [
        ("en", "Share", "1,150 of 1,200 vs all 1,200"),
        ("de", "Anteil", "1.150 von 1.200 gegenüber alle 1.200"),
    ]:
        with app.test_request_context("/desk/"), force_locale(lang):
            g.locale = lang
            (line,) = conflict_lines(reasons)
            assert (line.label, line.text, line.lang) == (label, text, None)
