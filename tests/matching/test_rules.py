"""The fingerprint of how claims are read: stable, alias-aware, and moved by a reading change."""

from __future__ import annotations

import pytest

from claimtrack.matching import rules
from claimtrack.matching.prepare import prepare

DESK = [("Akorda", "Präsidialverwaltung", "org"), ("Alma-Ata", "Almaty", "place")]


@pytest.fixture
def fresh_digest():
    rules._reading_digest.cache_clear()
    yield
    rules._reading_digest.cache_clear()


def test_same_rules_and_aliases_give_the_same_fingerprint_in_any_order(fresh_digest):
    assert rules.fingerprint(DESK) == rules.fingerprint(list(reversed(DESK)))
    assert rules.fingerprint() != rules.fingerprint(DESK)
    assert rules.fingerprint(DESK[:1]) != rules.fingerprint(DESK)


def test_a_rule_that_reads_a_probe_differently_moves_the_fingerprint(fresh_digest, monkeypatch):
    before = rules.fingerprint(DESK)
    rules._reading_digest.cache_clear()

    def negation_blind(text, language=None, aliases=None):  # a release that misses "nicht"
        return prepare(text.replace(" nicht ", " "), language, aliases)

    monkeypatch.setattr(rules, "prepare", negation_blind)
    assert rules.fingerprint(DESK) != before
