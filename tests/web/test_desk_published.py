"""Issue 12, item 1, in the desk: a fact-checker's change to a published fact check is kept as a
proposal note for the editors (nothing published changes); an editor applies it as a correction."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.models import ClaimNote, RevisionKind
from claimtrack.services import claims, sources, verdicts
from tests.factories import make_claim, make_published_verdict


def _edit(claim, **extra):
    return {
        "text": claim.text,
        "language": "de",
        "claimant": "Jemand anderes",
        "claimant_kind": "person",
        "tags": "neu",
        "version": str(claim.version),
        **extra,
    }


def test_fact_checker_edit_becomes_a_proposal_note(client, login, session, users):
    claim = make_claim(session, users["fact_checker"])
    verdict = make_published_verdict(session, users["editor"], claim)
    revisions = len(verdicts.revisions_of(session, verdict.id))
    login(client, "fact_checker")
    page = client.get(f"/desk/claims/{claim.id}").get_data(as_text=True)
    assert "als Vorschlag" in page and "correction_note" not in page
    response = client.post(f"/desk/claims/{claim.id}/edit", data=_edit(claim))
    assert response.status_code == 302 and response.headers["Location"].endswith("#notes")
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Redaktion" in shown and "Korrektur" in shown
    source = client.post(
        f"/desk/claims/{claim.id}/sources", data={"url": "https://example.org/neu", "kind": "other"}
    )
    assert source.status_code == 302
    session.rollback()
    session.expire_all()
    stored = claims.get_claim(session, claim.id)
    assert (
        stored.claimant == "Generalstaatsanwaltschaft" and claims.tags_of(session, claim.id) == []
    )
    assert sources.sources_of(session, claim.id) == []
    assert len(verdicts.revisions_of(session, verdict.id)) == revisions
    notes = [n.body for n in session.exec(select(ClaimNote).where(ClaimNote.claim_id == claim.id))]
    assert any("Jemand anderes" in n and "neu" in n for n in notes)
    assert any("https://example.org/neu" in n for n in notes)


def test_editor_applies_it_as_a_public_correction(client, login, session, users):
    claim = make_claim(session, users["fact_checker"])
    verdict = make_published_verdict(session, users["editor"], claim)
    login(client, "editor")
    assert "correction_note" in client.get(f"/desk/claims/{claim.id}").get_data(as_text=True)
    note = "Wir haben den Urheber der Aussage genauer benannt."
    response = client.post(f"/desk/claims/{claim.id}/edit", data=_edit(claim, correction_note=note))
    assert response.status_code == 302
    session.rollback()
    last = verdicts.revisions_of(session, verdict.id)[-1]
    assert (last.kind, last.public, last.note) == (RevisionKind.CORRECTION, True, note)
    assert (
        note in client.get("/corrections").get_data(as_text=True)
        or client.get(f"/claims/{claim.id}", follow_redirects=True).status_code == 200
    )
