"""Changing what a published verdict page shows always leaves a revision and moves dateModified."""

from __future__ import annotations

from claimtrack.models import RevisionKind
from claimtrack.services import claims, sources, verdicts
from tests.factories import make_claim, make_published_verdict


def test_source_changes_on_a_published_claim_write_internal_revisions(session, users):
    editor, checker = users["editor"], users["fact_checker"]
    claim = make_claim(session, checker)
    verdict = make_published_verdict(session, editor, claim)
    published_at, modified_at = verdict.published_at, verdict.modified_at
    count = len(verdicts.revisions_of(session, verdict.id))

    source = sources.add_source(
        session=session,
        actor=checker,
        claim_id=claim.id,
        data=sources.SourceInput(
            url="https://www.gov.kz/memleket/entities/prokuror", title="Erklärung"
        ),
    )
    sources.remove_source(session=session, actor=checker, source_id=source.id, reason="Doppelt")

    revs = verdicts.revisions_of(session, verdict.id)
    assert [r.kind for r in revs[count:]] == [RevisionKind.UPDATE, RevisionKind.UPDATE]
    assert [r.public for r in revs[count:]] == [False, False]
    assert revs[-2].note == "Source added: https://www.gov.kz/memleket/entities/prokuror"
    assert revs[-1].note.startswith("Source removed")
    stored = verdicts.verdict_of(session, claim.id)
    assert stored.published_at == published_at and stored.modified_at > modified_at


def test_sources_of_unpublished_claims_write_no_revision(session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker)
    sources.add_source(
        session=session,
        actor=checker,
        claim_id=claim.id,
        data=sources.SourceInput(url="https://example.org/a"),
    )
    assert verdicts.verdict_of(session, claim.id) is None


def test_editing_a_published_claim_is_recorded_on_its_verdict(session, users):
    editor, checker = users["editor"], users["fact_checker"]
    claim = make_claim(
        session, checker, "In Almaty wurden mehr als 2.000 Menschen festgenommen, sagt die Polizei."
    )
    verdict = make_published_verdict(session, editor, claim)
    modified_at = verdict.modified_at
    edited = claims.edit_claim(
        session=session,
        actor=checker,
        claim_id=claim.id,
        expected_version=claim.version,
        changes={
            "text": "In Almaty wurden mehr als 2.700 Menschen festgenommen, sagt die Polizei."
        },
    )
    assert [f["value"] for f in edited.figures] == [2700.0]
    last = verdicts.revisions_of(session, verdict.id)[-1]
    assert last.kind == RevisionKind.UPDATE and not last.public
    assert last.note == "Claim edited: figures, text"
    assert last.old["claim"]["text"].endswith("2.000 Menschen festgenommen, sagt die Polizei.")
    assert last.new["claim"]["figures"][0]["value"] == 2700.0
    assert verdicts.verdict_of(session, claim.id).modified_at > modified_at


def test_claims_typed_by_hand_get_their_figures_places_and_dates(session, users):
    claim = make_claim(
        session,
        users["fact_checker"],
        "More than 2,700 people are now in custody in Almaty, police said on 7 January.",
        language="en",
    )
    assert [(f["value"], f["qualifier"]) for f in claim.figures] == [(2700.0, "more_than")]
    assert claim.places == ["Almaty"]
    assert claim.dates == ["7 January"]


def test_typed_and_drawn_claims_store_dates_in_one_shape(session, users):
    """A date the claim's own date completes is stored as intake stores it: the ISO date."""
    from datetime import date

    claim = make_claim(
        session,
        users["fact_checker"],
        "Die Polizei hat am 4. Januar in Almaty mehr als 2.000 Menschen festgenommen.",
        claim_date=date(2022, 1, 5),
    )
    assert claim.dates == ["2022-01-04"]
