"""A claim's language label is checked against its text when a person chooses it: a German text
saved as English would be matched as a translation and collect loose German duplicates."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from claimtrack.models import AuditEvent, Claim, Story
from claimtrack.services import claims
from claimtrack.services.claims import ClaimInput, LanguageMismatch
from claimtrack.services.intake import ingest as intake
from claimtrack.services.intake.new_claim import NewClaim, note_claim
from tests.factories import make_claim

GERMAN = "Die Zahl der Arbeitslosen ist im November um 40.000 auf 2,6 Millionen gestiegen."
ENGLISH = "The number of unemployed people rose by 40,000 to 2.6 million in November."
NAMES_ONLY = "Olaf Scholz trifft Joe Biden in Washington."  # German, but lingua is unsure


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_a_german_text_labelled_english_is_refused_naming_both_languages(session, users):
    data = ClaimInput(text=GERMAN, language="en", language_confirmed=False)
    with pytest.raises(LanguageMismatch) as refused:
        claims.create_claim(session=session, actor=users["fact_checker"], data=data)
    assert refused.value.field == "language"
    assert (refused.value.chosen, refused.value.guessed) == ("en", "de")
    assert str(refused.value) == (
        "The text reads as German, but the language chosen is English. "
        "Correct the language, or confirm that English is right."
    )
    session.rollback()
    assert count(session, Claim) == 0
    assert "claim.create" not in session.exec(select(AuditEvent.action)).all()


def test_a_confirmed_label_is_saved_as_chosen(session, users):
    data = ClaimInput(text=GERMAN, language="en", language_confirmed=True)
    claim = claims.create_claim(session=session, actor=users["fact_checker"], data=data)
    assert claim.language == "en"


@pytest.mark.parametrize(
    ("text", "language"), [(GERMAN, "de"), (ENGLISH, "en"), (NAMES_ONLY, "en")]
)
def test_a_fitting_label_or_an_unsure_guess_passes(session, users, text, language):
    data = ClaimInput(text=text, language=language, language_confirmed=False)
    claim = claims.create_claim(session=session, actor=users["fact_checker"], data=data)
    assert claim.language == language


def test_claims_whose_language_no_person_chose_are_not_asked_about(session, users):
    # Intake and imports pass no confirmation: there is nobody to ask.
    claim = claims.create_claim(
        session=session, actor=users["fact_checker"], data=ClaimInput(text=GERMAN, language="en")
    )
    assert claim.language == "en"


def test_an_edit_to_a_contradicting_label_is_refused_and_changes_nothing(session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker, GERMAN)
    version = claim.version
    with pytest.raises(LanguageMismatch):
        claims.edit_claim(
            session=session, actor=checker, claim_id=claim.id, expected_version=version,
            changes={"language": "en", "tags": ["arbeit"]}, language_confirmed=False,
        )  # fmt: skip
    session.rollback()
    stored = session.get(Claim, claim.id)
    assert (stored.language, stored.version) == ("de", version)
    assert claims.tags_of(session, claim.id) == []
    edited = claims.edit_claim(
        session=session, actor=checker, claim_id=claim.id, expected_version=version,
        changes={"language": "en"}, language_confirmed=True,
    )  # fmt: skip
    assert edited.language == "en"


def test_rewording_into_the_other_language_without_changing_the_label_is_refused(session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker, GERMAN)
    with pytest.raises(LanguageMismatch):
        claims.edit_claim(
            session=session, actor=checker, claim_id=claim.id, expected_version=claim.version,
            changes={"text": ENGLISH}, language_confirmed=False,
        )  # fmt: skip
    session.rollback()
    # An edit that leaves text and language alone is not asked about the old label.
    claim = make_claim(session, checker, ENGLISH, language="de")
    edited = claims.edit_claim(
        session=session, actor=checker, claim_id=claim.id, expected_version=claim.version,
        changes={"claimant": "Bundesagentur für Arbeit"}, language_confirmed=False,
    )  # fmt: skip
    assert edited.claimant == "Bundesagentur für Arbeit"


def test_a_noted_claim_with_a_contradicting_language_stores_nothing(session, users):
    checker = users["fact_checker"]
    data = NewClaim(GERMAN, language="en", source_url="https://social.example/p/9")
    with pytest.raises(LanguageMismatch):
        note_claim(session=session, actor=checker, data=data)
    session.rollback()
    assert count(session, Claim) == 0 and count(session, Story) == 0
    data.language_confirmed = True
    assert note_claim(session=session, actor=checker, data=data).claim.language == "en"
    # Detected languages are not asked about.
    noted = note_claim(session=session, actor=checker, data=NewClaim(ENGLISH))
    assert noted.claim.language == "en"


def test_an_english_quote_in_a_german_story_becomes_an_english_claim(session, users):
    checker = users["fact_checker"]
    body = (
        "Der britische Verteidigungsminister hat am Montag in Berlin neue Zusagen gemacht.\n"
        '"Britain will spend 2.5 billion pounds on air defence over the next three years," '
        "he told reporters.\n"
        "Die Bundesregierung begrüßte die Ankündigung und kündigte 5.000 weitere Soldaten an."
    )
    result = intake.ingest_text(
        session=session, actor=checker, text=body,
        meta=intake.StoryMeta(title="Londons Zusage", language="de"),
    )  # fmt: skip
    quote = next(c for c in result.candidates if "Britain will spend" in c.text)
    german = next(c for c in result.candidates if "Bundesregierung" in c.text)
    assert (quote.language, german.language) == ("en", "de")
    assert [f.value for f in quote.figures] == [2_500_000_000, 3]  # read the English way
    claim = intake.accept_candidate(
        session=session, actor=checker, story_id=result.story.id, text=quote.text,
        position=quote.start,
    )  # fmt: skip
    assert claim.language == "en"


def test_a_quote_translated_by_the_desk_is_a_claim_in_its_new_language(session, users):
    checker = users["fact_checker"]
    body = (
        '"Britain will spend 2.5 billion pounds on air defence over the next three years," '
        "the defence secretary told reporters in London on Monday."
    )
    result = intake.ingest_text(
        session=session, actor=checker, text=body,
        meta=intake.StoryMeta(title="Air defence", language="en"),
    )  # fmt: skip
    quote = next(c for c in result.candidates if "Britain will spend" in c.text)
    claim = intake.accept_candidate(
        session=session, actor=checker, story_id=result.story.id, text=quote.text,
        position=quote.start,
        reworded="Großbritannien will in den nächsten drei Jahren 2,5 Milliarden Pfund für die "
        "Luftverteidigung ausgeben.",
    )  # fmt: skip
    assert claim.language == "de"
    assert sorted(f["value"] for f in claim.figures) == [3, 2_500_000_000]  # read in German
