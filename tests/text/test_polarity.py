"""Polarity follows meaning: negation in scope turns a stance, shared denial agrees."""

from __future__ import annotations

import pytest

from claimtrack.text.polarity import polarity, polarity_conflict, shared_stances

AGREE = [
    ("Die OVKS-Charta lässt keine Einmischung in innere Angelegenheiten zu.",
     "Die Charta der OVKS verbietet eine Einmischung in innere Angelegenheiten."),
    ("The CSTO charter prohibits interference.", "Die OVKS-Charta lässt keine Einmischung zu."),
    ("Der Einsatz war nicht legal.", "Der Einsatz war illegal."),
    ("The vaccine has not been approved.", "The vaccine has been rejected."),
    ("ungültig", "nicht gültig"),
    ("The deployment was illegal because there was no attack.", "Der Einsatz war illegal."),
    # a ban with a length is a sanction on someone, in any wording; it denies nothing
    ("The agency has banned skier Lars Henriksen for four years.", "Henriksen was handed a four-year ban."),
    ("The agency has banned skier Lars Henriksen for four years.", "Henriksen ist für vier Jahre gesperrt worden."),
    ("Der Verband hat den Spieler lebenslang gesperrt.", "The federation imposed a lifetime ban on the player."),
    # nobody hurt is a count of none in a report's background, not a denial of what it reports
    ("Im Hafen von Kiel ist ein Kran umgestürzt; verletzt wurde niemand.",
     "Ein Kran ist im Kieler Hafen umgestürzt, teilte die Feuerwehr mit."),
    ("A crane toppled over in the port of Kiel; no one was injured.",
     "Im Hafen von Kiel ist ein Kran umgestürzt; Menschen kamen nicht zu Schaden."),
    # "no" after an article begins a noun: a no-confidence vote or a no-fly zone denies nothing
    ("Parliament ousted the cabinet in a no-confidence vote.", "Das Parlament hat das Kabinett per Misstrauensvotum gestürzt."),
    ("NATO imposed a no-fly zone over the region.", "Die NATO hat eine Flugverbotszone über der Region verhängt."),
    # ceasing operations is closing
    ("Der Flughafen Kiel stellte den Betrieb am Morgen ein.", "Der Flughafen Kiel wurde am Morgen geschlossen."),
]  # fmt: skip

CONFLICT = [
    ("Die Charta verbietet eine Einmischung.", "Die Charta erlaubt eine Einmischung."),
    ("Der Einsatz war illegal, weil es keinen Angriff gab.",
     "The deployment was legal because the president had asked for help."),
    ("Tokajew nahm den Rücktritt der Regierung an und hat ihn angenommen.", "Tokayev rejected the resignation."),
    ("Der Bürgermeister hat keine Steuererhöhung angekündigt.", "Der Bürgermeister hat eine Steuererhöhung angekündigt."),
    ("Masimov has been detained.", "Masimov has been released."),
    ("Der Ausnahmezustand wurde aufgehoben.", "The state of emergency was extended."),
    ("Die Regierung hat eine Ausgangssperre verhängt.", "Die Regierung hat die Ausgangssperre aufgehoben."),
    ("The governor declared a state of emergency.", "The governor lifted the state of emergency."),
    ("Bei dem Brand wurde niemand verletzt.", "Bei dem Brand wurden drei Menschen verletzt."),
    ("No one was killed in the blast.", "Two people were killed in the blast."),
    ("Die Anklage wurde fallen gelassen.", "Die Staatsanwaltschaft hat Anklage erhoben."),
    ("Defence minister Lambrecht has ruled out resigning.", "Lambrecht hat ihren Rücktritt erklärt."),
    ("There is no confidence in the cabinet.", "There is confidence in the cabinet."),
    # a ban of a thing, with no length, still denies it
    ("The city banned cars from the centre.", "The city allowed cars in the centre."),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), AGREE)
def test_same_polarity(a, b):
    assert polarity_conflict(polarity(a), polarity(b)) is None
    assert polarity_conflict(polarity(b), polarity(a)) is None


@pytest.mark.parametrize(("a", "b"), CONFLICT)
def test_opposite_polarity(a, b):
    found = polarity_conflict(polarity(a), polarity(b))
    assert found is not None
    assert polarity_conflict(polarity(b), polarity(a)) == found


def test_shared_stances_are_evidence():
    assert ("legal", -1) in shared_stances(polarity("war illegal"), polarity("was unlawful"))
    assert ("negation", -1) in shared_stances(
        polarity("lässt keine Einmischung zu"), polarity("prohibits interference")
    )


@pytest.mark.parametrize(
    "text",
    [
        "The crewed flight will now not take off before April 2026, NASA said.",
        "The launch will not happen until 2027.",
        "Der Start erfolgt nicht vor Mai.",
    ],
)
def test_not_before_a_date_is_a_bound_not_a_denial(text: str) -> None:
    assert not polarity(text).negated


def test_not_before_an_event_still_denies() -> None:
    assert polarity("The report was not published before the vote.").negated
