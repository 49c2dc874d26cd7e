"""A court keeping or voiding a decision: "upheld" vs "struck down", "declared void", "für
nichtig erklärt" vs "für verfassungsgemäß erklärt" are opposite rulings."""

from __future__ import annotations

import pytest

from claimtrack.text.polarity import polarity, polarity_clash


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The appeals court upheld the ban on the far-right group on Tuesday.",
         "The appeals court struck down the ban on the far-right group on Tuesday."),
        ("The Supreme Court strikes down the state's abortion law.",
         "The Supreme Court upholds the state's abortion law."),
        ("The electoral court upheld the result of the mayoral vote in Cluj.",
         "The electoral court declared the result of the mayoral vote in Cluj void."),
        ("Der Verfassungsgerichtshof hat das Landeswahlgesetz für nichtig erklärt.",
         "Der Verfassungsgerichtshof hat das Landeswahlgesetz für verfassungsgemäß erklärt."),
        ("Das Gericht hat die Wahl zum Stadtrat für ungültig erklärt.",
         "Das Gericht hat die Wahl zum Stadtrat für gültig erklärt."),
        ("The court annulled the contract for the new bridge.",
         "The court upheld the contract for the new bridge."),
    ],
)  # fmt: skip
def test_opposite_rulings_clash(a: str, b: str):
    assert polarity_clash(polarity(a), polarity(b)) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Karlsruhe declared the budget void.", "Das Gericht hat den Haushalt für nichtig erklärt."),
        ("The court struck down the law.", "Das Gericht hat das Gesetz gekippt."),
        ("The court annulled the first round of the election.",
         "Das Gericht hat die erste Wahlrunde annulliert."),
        ("The court upheld the fine.", "Das Gericht hat die Strafe bestätigt."),
        # a quake that struck is no ruling
        ("The earthquake struck down the coast on Monday.", "The quake hit the coast on Monday."),
    ],
)  # fmt: skip
def test_one_ruling_in_two_wordings_agrees(a: str, b: str):
    assert polarity_clash(polarity(a), polarity(b)) is None


def test_a_pair_opposed_on_two_axes_is_named_once():
    clash = polarity_clash(polarity("The court upheld the law."), polarity("The court struck "
                                                                            "down the law."))  # fmt: skip
    assert clash is not None and clash.pairs == (("struck down", "upheld"),)


def test_an_order_named_by_its_participle_is_not_granted_again():
    issued = polarity("A Buenos Aires judge issued an arrest warrant for the former minister.")
    rejected = polarity("The former minister rejected the arrest warrant issued by the judge.")
    assert ("decision", 1, "issued") not in rejected.stances
    assert polarity_clash(issued, rejected) is not None
    passive = polarity("An arrest warrant was issued by the judge for the former minister.")
    assert ("decision", 1, "issued") in passive.stances


def test_zurueckgewiesen_rejects_as_abgelehnt_does():
    a = polarity("Die Regierung hat den Vorschlag für eine Feuerpause zurückgewiesen.")
    b = polarity("Die Regierung hat den Vorschlag für eine Feuerpause abgelehnt.")
    c = polarity("Das Gericht hat einen Haftbefehl gegen den Minister erlassen.")
    d = polarity("Der Minister hat den Haftbefehl als politisch motiviert zurückgewiesen.")
    assert polarity_clash(a, b) is None
    assert polarity_clash(c, d) is not None
