"""The triage queue page: ranking shown, filters, stable paging links, bulk and row actions."""

from __future__ import annotations

import re

from claimtrack.models import Claim, ClaimStatus
from claimtrack.services import claims
from tests.factories import make_claim, make_story


def _row_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'data-claim-id="(\d+)"', html)]


def test_queue_needs_login(client):
    response = client.get("/desk/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_queue_lists_claims_most_urgent_first_with_filters(client, login, session, users):
    checker = users["fact_checker"]
    story = make_story(session, checker, outlet="Taz")
    low = make_claim(
        session, checker, "Eine eher unwichtige Behauptung über Almaty.", worthiness=0.1
    )
    high = make_claim(session, checker, worthiness=0.95, story=story, tags=["kasachstan"])
    login(client, "fact_checker")
    html = client.get("/desk/").get_data(as_text=True)
    assert _row_ids(html) == [high.id, low.id]
    assert "1 Artikel, 1 Medium" in html and "Sichtungsliste" in html  # German by default
    # The filter panel on its defaults (and with only some filters set) shows no error.
    assert "Keine gültige Auswahl" not in html
    assert "Keine gültige Auswahl" not in client.get("/desk/?status=new").get_data(as_text=True)
    assert _row_ids(client.get("/desk/?q=almaty").get_data(as_text=True)) == [low.id]
    assert _row_ids(client.get("/desk/?tag=Kasachstan").get_data(as_text=True)) == [high.id]
    assert _row_ids(client.get("/desk/?outlet=taz").get_data(as_text=True)) == [high.id]
    assert _row_ids(client.get("/desk/?status=dismissed").get_data(as_text=True)) == []
    assert _row_ids(client.get("/desk/?sort=newest").get_data(as_text=True)) == [high.id, low.id]
    # Garbage in the query string is ignored, not a 500.
    assert client.get("/desk/?snap=x&after=y&date_from=nope&assignee=abc").status_code == 200


def test_next_page_link_keeps_the_snapshot(client, login, session, users, monkeypatch):
    from claimtrack.services import queue

    monkeypatch.setattr(queue, "PAGE_SIZE", 2)
    checker = users["fact_checker"]
    made = [make_claim(session, checker, worthiness=w / 10) for w in range(1, 6)]
    login(client, "fact_checker")
    html = client.get("/desk/").get_data(as_text=True)
    first = _row_ids(html)
    next_url = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert "snap=" in next_url and "after=" in next_url
    make_claim(session, checker, worthiness=1.0)  # a colleague adds an urgent claim meanwhile
    html2 = client.get(next_url).get_data(as_text=True)
    second = _row_ids(html2)
    assert len(second) == 2 and not set(first) & set(second)
    assert set(first + second) <= {c.id for c in made}
    assert "1 neue Behauptung ist eingegangen" in html2


def test_bulk_assign_dismiss_and_tag(client, login, session, users):
    checker = users["fact_checker"]
    a, b = make_claim(session, checker), make_claim(session, checker)
    login(client, "fact_checker")
    ids = [str(a.id), str(b.id)]
    r = client.post("/desk/bulk", data={"claim_id": ids, "action": "assign_me", "next": "/desk/"})
    assert r.status_code == 302 and r.headers["Location"] == "/desk/"
    r = client.post("/desk/bulk", data={"claim_id": ids, "action": "tag", "new_tag": "Wahl"})
    assert r.status_code == 302
    r = client.post(
        "/desk/bulk",
        data={"claim_id": [str(a.id)], "action": "dismiss", "next": "https://evil.example/"},
    )
    assert r.headers["Location"] == "/desk/"  # an outside `next` is refused
    session.rollback()
    session.expire_all()
    assert session.get(Claim, a.id).status == ClaimStatus.DISMISSED
    assert session.get(Claim, b.id).assignee_id == checker.id
    assert claims.tags_of(session, b.id) == ["wahl"]
    # Nothing ticked: a message, nothing changed.
    r = client.post("/desk/bulk", data={"action": "dismiss"}, follow_redirects=True)
    assert session.get(Claim, b.id).status == ClaimStatus.NEW


def test_row_buttons_and_shortcut_help_are_on_the_page(client, login, session, users):
    make_claim(session, users["fact_checker"])
    login(client, "fact_checker")
    html = client.get("/desk/").get_data(as_text=True)
    for cls in ("queue-open", "queue-assign", "queue-dismiss"):
        assert cls in html
    assert 'id="shortcut-help"' in html and "desk.js" in html
    assert "style=" not in html and "<script>" not in html


def test_every_desk_form_carries_a_working_csrf_token(csrf_app, session, users):
    from tests.web.conftest import do_login

    client = csrf_app.test_client()
    claim = make_claim(session, users["fact_checker"])
    do_login(client, "fact_checker")
    for path in ("/desk/", f"/desk/claims/{claim.id}", f"/desk/claims/{claim.id}/verdict"):
        html = client.get(path).get_data(as_text=True)
        forms = re.findall(r'(?s)<form[^>]*method="post".*?</form>', html)
        assert forms and all('csrf_token" type="hidden" value="' in f for f in forms), path
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    data = {"claim_id": [str(claim.id)], "action": "assign_me"}
    assert client.post("/desk/bulk", data=data).status_code == 400
    assert client.post("/desk/bulk", data={**data, "csrf_token": token}).status_code == 302


def test_desk_speaks_english_on_request(client, login, session, users):
    make_claim(session, users["fact_checker"], tags=["wahl"])
    login(client, "fact_checker")
    assert "Sichtungsliste" in client.get("/desk/").get_data(as_text=True)
    client.get("/language/en?next=/desk/")
    html = client.get("/desk/").get_data(as_text=True)
    assert "Triage queue" in html and "Assign to me" in html and "Sichtungsliste" not in html
