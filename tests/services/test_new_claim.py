"""Claims without a story: extracted and matched like story sentences; bad input stores nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select

from claimtrack.enums import ClaimantKind
from claimtrack.models import Appearance, AuditEvent, Claim, Story
from claimtrack.services.errors import ValidationError
from claimtrack.services.intake import ingest as intake
from claimtrack.services.intake.new_claim import NewClaim, note_claim
from claimtrack.services.matching import match as matching


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_a_claim_heard_on_tv_gets_facts_claimant_and_reasons_without_a_story(session, users):
    noted = note_claim(
        session=session,
        actor=users["fact_checker"],
        data=NewClaim(
            "Laut Innenministerium wurden am 5. Januar mehr als 2.000 Menschen in Almaty "
            "festgenommen.",
            said_on=date(2022, 1, 6),
        ),
    )
    claim = noted.claim
    assert claim.id is not None and claim.language == "de"
    assert (claim.claimant, claim.claimant_kind) == ("Innenministerium", ClaimantKind.ORGANISATION)
    assert claim.claim_date == date(2022, 1, 6)
    assert [f["value"] for f in claim.figures] == [2000]
    assert claim.places == ["Almaty"] and claim.dates == ["2022-01-05"]
    assert {r["code"] for r in claim.worthiness_reasons} >= {"figure", "organisation"}
    assert count(session, Story) == 0 and count(session, Appearance) == 0
    actions = session.exec(select(AuditEvent.action)).all()
    assert "claim.create" in actions


def test_a_post_with_a_url_becomes_an_appearance_and_is_matched(session, users):
    checker = users["fact_checker"]
    first = note_claim(
        session=session,
        actor=checker,
        data=NewClaim("Police said 5,800 people were detained in Almaty.", claimant="Police"),
    )
    noted = note_claim(
        session=session,
        actor=checker,
        data=NewClaim(
            "BREAKING: 5,800 people detained in Almaty, police say",
            claimant="Kazakh police",
            said_on=date(2022, 1, 9),
            source_url="https://social.example/posts/123",
            language="en",
        ),
    )
    claim = noted.claim
    assert (claim.claimant, claim.claimant_kind) == ("Kazakh police", ClaimantKind.ORGANISATION)
    story = session.exec(select(Story)).one()
    assert story.url == "https://social.example/posts/123" and story.outlet == "social.example"
    appearance = session.exec(select(Appearance)).one()
    assert (appearance.claim_id, appearance.story_id) == (claim.id, story.id)
    assert appearance.appeared_on == date(2022, 1, 9)
    assert first.claim.id in [m.claim_id for m in noted.similar]


def test_similar_claims_leave_out_claims_about_another_event(session, users):
    """The new-claim notice, intake rows and ``claim add`` list only what may be the same
    claim, a variant or a related one: a death toll of another event is no similar claim."""
    checker = users["fact_checker"]
    arrests = note_claim(
        session=session,
        actor=checker,
        data=NewClaim("In Almaty wurden am Mittwoch mehr als 2.000 Menschen festgenommen."),
    )
    blast = "Bei einer Explosion in Leverkusen wurden am Mittwoch zwei Menschen getötet."
    hits = matching.search_text(session, blast, language="de")
    assert [(m.claim_id, m.kind) for m in hits] == [(arrests.claim.id, "unrelated")]
    noted = note_claim(session=session, actor=checker, data=NewClaim(blast))
    assert noted.similar == []
    again = note_claim(
        session=session,
        actor=checker,
        data=NewClaim(
            "Zwei Menschen wurden am Mittwoch bei einer Explosion in Leverkusen getötet."
        ),
    )
    assert [(m.claim_id, m.kind) for m in again.similar] == [(noted.claim.id, "same")]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (NewClaim("   "), "text"),
        (NewClaim("kurz"), "text"),
        (NewClaim("Das ist eine Behauptung. " * 200), "text"),
        (NewClaim("Die Polizei nahm 2.000 Menschen fest.", source_url="javascript:alert(1)"),
         "source_url"),
        (NewClaim("Die Polizei nahm 2.000 Menschen fest.", language="fr"), "language"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_and_stores_nothing(session, users, data, field):
    with pytest.raises(ValidationError) as error:
        note_claim(session=session, actor=users["fact_checker"], data=data)
    assert error.value.field == field
    session.rollback()
    assert count(session, Claim) == 0 and count(session, Story) == 0


def test_a_headline_alone_is_a_story_with_one_candidate(session, users):
    result = intake.ingest_text(
        session=session,
        actor=users["fact_checker"],
        text="Mehr als 2.000 Menschen in Almaty festgenommen",
    )
    assert result.created and result.story.body == "Mehr als 2.000 Menschen in Almaty festgenommen"
    assert [c.text for c in result.candidates] == [result.story.body]


def test_an_oversized_paste_is_refused_before_anything_is_stored(session, users):
    text = "1. Punkt z. B. Nr. 5 u. a. am 2. Jan. 2.000 Euro\n" * 5_000
    with pytest.raises(ValidationError, match="paste one story at a time"):
        intake.ingest_text(session=session, actor=users["fact_checker"], text=text)
    session.rollback()
    assert count(session, Story) == 0
