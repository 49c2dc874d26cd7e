"""Desk: a fact-checker proposes a duplicate decision without JavaScript, an editor sees it on both
workbenches and in the list of proposals, confirms or rejects it; stale pages are refused."""

from __future__ import annotations

from sqlmodel import select

from claimtrack.models import ClaimLink, LinkState
from tests.factories import make_claim

TEXT_A = "Bei den Unruhen in Kasachstan sind nach offiziellen Angaben 225 Menschen gestorben."
TEXT_B = "Laut Generalstaatsanwaltschaft kamen bei den Januar-Unruhen 225 Menschen ums Leben."


def _suggestion(session, users) -> ClaimLink:
    checker = users["fact_checker"]
    a, b = make_claim(session, checker, TEXT_A), make_claim(session, checker, TEXT_B)
    low, high = sorted((a.id, b.id))
    link = session.exec(
        select(ClaimLink).where(ClaimLink.claim_a_id == low, ClaimLink.claim_b_id == high)
    ).first() or ClaimLink(claim_a_id=low, claim_b_id=high, kind="related", score=72.0)
    link.state, link.kind, link.decided_at = LinkState.SUGGESTED, "related", None
    session.add(link)
    session.commit()
    return link


def _link(session, link_id: int) -> ClaimLink:
    session.rollback()
    session.expire_all()
    return session.get(ClaimLink, link_id)


def test_a_fact_checker_proposes_and_an_editor_confirms_in_german(
    app, client, login, session, users
):
    link = _suggestion(session, users)
    login(client, "fact_checker")
    page = client.get(f"/desk/claims/{link.claim_a_id}").get_data(as_text=True)
    card = page[page.index(f'id="link-{link.id}"') :]
    card = card[: card.index("</article>")]
    assert "Der Redaktion eine Entscheidung empfehlen" in card
    assert f'action="/desk/claims/{link.claim_a_id}/links/{link.id}/propose"' in card
    assert "Als dieselbe Behauptung bestätigen" not in card  # editors' buttons are not offered
    response = client.post(
        f"/desk/claims/{link.claim_a_id}/links/{link.id}/propose",
        data={"kind": "same", "note": "Gleiche Zahl, gleiche Quelle.", "version": link.version},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Empfehlung gesendet" in html
    assert "Gleiche Zahl, gleiche Quelle." in html
    assert "Die Redaktion bestätigt oder verwirft diese Empfehlung." in html
    proposed = _link(session, link.id)
    assert proposed.state == LinkState.PROPOSED

    editor = app.test_client()
    login(editor, "editor")
    queue = editor.get("/desk/").get_data(as_text=True)
    assert "1 Duplikat-Empfehlung wartet auf die Redaktion." in queue
    listed = editor.get("/desk/proposals").get_data(as_text=True)
    assert f'id="proposal-{link.id}"' in listed and "dieselbe Behauptung" in listed
    other = editor.get(f"/desk/claims/{link.claim_b_id}").get_data(as_text=True)  # the other side
    assert f'id="proposal-{link.id}"' in other and "Empfehlung bestätigen" in other
    response = editor.post(
        f"/desk/claims/{link.claim_b_id}/links/{link.id}/proposal",
        data={"decision": "confirm", "version": proposed.version},
        follow_redirects=True,
    )
    assert "Als dieselbe Behauptung bestätigt." in response.get_data(as_text=True)
    assert _link(session, link.id).state == LinkState.CONFIRMED


def test_a_stale_page_is_refused_with_a_message(app, client, login, session, users):
    link = _suggestion(session, users)
    seen = link.version
    login(client, "fact_checker")
    client.post(
        f"/desk/claims/{link.claim_a_id}/links/{link.id}/propose",
        data={"kind": "variant", "version": seen},
    )
    editor = app.test_client()
    login(editor, "editor")
    response = editor.post(
        f"/desk/claims/{link.claim_a_id}/links/{link.id}",
        data={"decision": "reject", "version": seen},  # the page from before the proposal
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "hat diesen Vorschlag inzwischen geändert" in html
    assert _link(session, link.id).state == LinkState.PROPOSED
    # From the list of proposals, on the current version: rejected, back to the list.
    current = _link(session, link.id).version
    response = editor.post(
        f"/desk/claims/{link.claim_a_id}/links/{link.id}/proposal",
        data={"decision": "reject", "version": current, "back": "proposals"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/desk/proposals")
    assert _link(session, link.id).state == LinkState.SUGGESTED


def test_proposals_need_a_kind_and_editors_rights_to_decide(client, login, session, users):
    link = _suggestion(session, users)
    login(client, "fact_checker")
    response = client.post(
        f"/desk/claims/{link.claim_a_id}/links/{link.id}/propose", data={"version": link.version}
    )
    assert response.status_code == 400
    assert "Wählen Sie, was Sie empfehlen." in response.get_data(as_text=True)
    refused = client.post(
        f"/desk/claims/{link.claim_a_id}/links/{link.id}/proposal", data={"decision": "confirm"}
    )
    assert refused.status_code == 403
    assert _link(session, link.id).state == LinkState.SUGGESTED
