"""The claim workbench: edit with version and conflicts, assignment, status, notes, sources,
appearances with the figure chart, and duplicate review."""

from __future__ import annotations

import re

from sqlmodel import select

from claimtrack.models import Claim, ClaimLink, ClaimStatus, LinkState
from claimtrack.services import claims, sources
from tests.factories import make_claim, make_story

TEXT_A = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."
TEXT_B = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 227 Menschen gestorben."


def _version(html: str, field_id: str = "claim-version") -> str:
    return re.search(rf'id="{field_id}" name="version" type="hidden" value="(\d+)"', html).group(1)


def test_workbench_shows_claim_appearances_and_chart(client, login, session, users):
    checker = users["fact_checker"]
    story = make_story(session, checker, outlet="Tagesblatt", title="Unruhen in Almaty")
    claim = make_claim(
        session,
        checker,
        TEXT_A,
        story=story,
        figures=[
            {"value": 225, "qualifier": None, "unit": None, "counted": "deaths", "raw": "225"}
        ],
    )
    login(client, "fact_checker")
    html = client.get(f"/desk/claims/{claim.id}").get_data(as_text=True)
    assert "Tagesblatt" in html and "Unruhen in Almaty" in html
    assert "figure-chart" in html and "<svg" in html
    assert 'name="version"' in html and "style=" not in html
    assert client.get("/desk/claims/999999").status_code == 404


def test_edit_saves_and_a_stale_edit_keeps_the_typed_text(client, login, session, users):
    checker, editor = users["fact_checker"], users["editor"]
    claim = make_claim(session, checker, TEXT_A)
    login(client, "fact_checker")
    html = client.get(f"/desk/claims/{claim.id}").get_data(as_text=True)
    version = _version(html)
    # A colleague saves first.
    claims.edit_claim(
        session=session,
        actor=editor,
        claim_id=claim.id,
        expected_version=claim.version,
        changes={"claimant": "Innenministerium"},
    )
    typed = "Bei den Unruhen in Kasachstan sind laut Regierung 225 Menschen ums Leben gekommen."
    form = {
        "version": version,
        "text": typed,
        "language": "de",
        "claimant": "Generalstaatsanwaltschaft",
        "claimant_kind": "organisation",
        "tags": "kasachstan, tote",
    }
    response = client.post(f"/desk/claims/{claim.id}/edit", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert 'aria-live="assertive"' in page and "Erik Editor" in page
    assert typed in page  # nothing typed is lost
    assert "<ins>Innenministerium</ins>" in page  # the colleague's version, as a difference
    new_version = _version(page)
    assert int(new_version) == int(version) + 1
    session.rollback()
    session.expire_all()
    assert session.get(Claim, claim.id).text == TEXT_A
    # Saving again on top of the colleague's version works.
    response = client.post(f"/desk/claims/{claim.id}/edit", data={**form, "version": new_version})
    assert response.status_code == 302
    session.rollback()
    session.expire_all()
    saved = session.get(Claim, claim.id)
    assert saved.text == typed and claims.tags_of(session, claim.id) == ["kasachstan", "tote"]
    # Invalid input re-renders with the message and the text.
    response = client.post(f"/desk/claims/{claim.id}/edit", data={**form, "text": "zu kurz"})
    assert response.status_code == 400 and "zu kurz" in response.get_data(as_text=True)
    # A forged version is a bad request.
    response = client.post(f"/desk/claims/{claim.id}/edit", data={**form, "version": "x"})
    assert response.status_code == 400


def test_assign_status_note_and_sources(client, login, session, users):
    checker = users["fact_checker"]
    claim = make_claim(session, checker, TEXT_A)
    login(client, "fact_checker")
    url = f"/desk/claims/{claim.id}"
    r = client.post(f"{url}/assign", data={"version": "1", "assignee_id": "", "me": "1"})
    assert r.status_code == 302
    r = client.post(f"{url}/status", data={"version": "2", "status": "in_research"})
    assert r.status_code == 302
    r = client.post(f"{url}/status", data={"version": "3", "status": "published"})
    assert r.status_code == 400  # not allowed by the workflow
    r = client.post(f"{url}/status", data={"version": "1", "status": "triaged", "reason": "x"})
    assert r.status_code == 409 and 'value="x"' in r.get_data(as_text=True)
    r = client.post(f"{url}/notes", data={"body": "Anruf bei der Pressestelle: keine Antwort."})
    assert r.status_code == 302
    r = client.post(
        f"{url}/sources",
        data={
            "url": "https://stat.example.org/tote-2022",
            "title": "Amtliche Zahlen",
            "kind": "official_statement",
            "archive_url": "https://web.archive.org/web/2022/https://stat.example.org/tote-2022",
        },
    )
    assert r.status_code == 302
    r = client.post(f"{url}/sources", data={"url": "javascript:alert(1)", "kind": "other"})
    assert r.status_code == 400
    session.rollback()
    session.expire_all()
    saved = session.get(Claim, claim.id)
    assert saved.assignee_id == checker.id and saved.status == ClaimStatus.IN_RESEARCH
    [source] = sources.sources_of(session, claim.id)
    html = client.get(url).get_data(as_text=True)
    assert "Pressestelle" in html and "Amtliche Zahlen" in html and "web.archive.org" in html
    session.rollback()
    r = client.post(f"{url}/sources/{source.id}/remove")
    session.rollback()
    assert r.status_code == 302 and sources.sources_of(session, claim.id) == []


def test_duplicate_review_side_by_side_and_decisions(client, login, session, users):
    checker = users["fact_checker"]
    a = make_claim(session, checker, TEXT_A)
    b = make_claim(session, checker, TEXT_B)
    session.rollback()
    link = session.exec(select(ClaimLink).where(ClaimLink.claim_b_id == b.id)).first()
    if link is None:
        # The matcher's thresholds are tuned elsewhere; the review page only needs a suggestion.
        link = ClaimLink(
            claim_a_id=a.id,
            claim_b_id=b.id,
            kind="variant",
            score=90.0,
            features={"conflicts": ["figure: 225 vs 227"]},
        )
        session.add(link)
        session.commit()
    assert link.state == LinkState.SUGGESTED
    login(client, "fact_checker")
    html = client.get(f"/desk/claims/{a.id}").get_data(as_text=True)
    assert f'id="link-{link.id}"' in html
    assert "<mark>225" in html and "<mark>227" in html
    assert "Confirm" not in html and "bestätigen" not in html.lower()  # only editors decide
    r = client.post(f"/desk/claims/{a.id}/links/{link.id}", data={"decision": "variant"})
    assert r.status_code == 403
    login(client, "editor")
    html = client.get(f"/desk/claims/{a.id}").get_data(as_text=True)
    assert f"/desk/claims/{a.id}/links/{link.id}" in html
    r = client.post(f"/desk/claims/{a.id}/links/{link.id}", data={"decision": "variant"})
    assert r.status_code == 302
    session.rollback()
    session.expire_all()
    decided = session.get(ClaimLink, link.id)
    assert decided.state == LinkState.CONFIRMED and decided.kind == "variant"


def test_editor_links_a_claim_the_matcher_missed(client, login, session, users):
    checker = users["fact_checker"]
    a = make_claim(session, checker, TEXT_A)
    c = make_claim(session, checker, "Die OVKS-Truppen haben Kasachstan am 19. Januar verlassen.")
    login(client, "editor")
    url = f"/desk/claims/{a.id}/links"
    r = client.post(url, data={"other_id": str(a.id), "decision": "same"})
    assert r.status_code == 400  # not with itself
    r = client.post(url, data={"other_id": "99999", "decision": "same"})
    assert r.status_code == 404  # the workbench again, saying which claim is missing
    assert "99999" in r.get_data(as_text=True)
    r = client.post(url, data={"other_id": str(c.id), "decision": "same"})
    assert r.status_code == 302
    html = client.get("/desk/").get_data(as_text=True)
    ids = [int(x) for x in re.findall(r'data-claim-id="(\d+)"', html)]
    assert len({a.id, c.id} & set(ids)) == 1  # the cluster is worked on once
    login(client, "fact_checker")
    assert client.post(url, data={"other_id": str(c.id), "decision": "related"}).status_code == 403
