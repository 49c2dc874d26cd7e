"""Desk: note a claim without a story; headline-only stories; paginated candidates; reasons
and places in the reader's language."""

from __future__ import annotations

from sqlmodel import func, select

from claimtrack.models import Appearance, Claim, Story


def _count(session, model) -> int:
    session.rollback()
    n = session.exec(select(func.count()).select_from(model)).one()
    session.rollback()
    return n


def test_new_claim_form_saves_a_claim_and_shows_it(client, login, session):
    login(client, "fact_checker")
    page = client.get("/desk/intake/claim")
    assert page.status_code == 200 and 'name="source_url"' in page.get_data(as_text=True)
    r = client.post(
        "/desk/intake/claim",
        data={
            "text": "Laut Innenministerium wurden mehr als 2.000 Menschen in Almaty festgenommen.",
            "said_on": "2022-01-06",
            "source_url": "https://social.example/p/1",
        },
    )
    assert r.status_code == 302 and "/desk/claims/" in r.headers["Location"]
    session.rollback()
    claim = session.exec(select(Claim)).one()
    assert claim.claimant == "Innenministerium" and claim.places == ["Almaty"]
    assert _count(session, Appearance) == 1 and _count(session, Story) == 1


def test_new_claim_form_shows_errors_and_stores_nothing(client, login, session):
    login(client, "fact_checker")
    r = client.post(
        "/desk/intake/claim",
        data={"text": "Die Polizei nahm 2.000 Menschen fest.", "source_url": "javascript:x"},
    )
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    assert "Die Polizei nahm 2.000 Menschen fest." in html  # the text is kept in the form
    assert _count(session, Claim) == 0 and _count(session, Story) == 0
    r = client.post("/desk/intake/claim", data={"text": ""})
    assert r.status_code == 400 and _count(session, Claim) == 0


def test_readers_cannot_note_claims(client, login):
    r = client.get("/desk/intake/claim")
    assert r.status_code in (302, 401, 403)


def test_headline_story_reasons_and_places_in_german(client, login):
    login(client, "fact_checker")
    r = client.post(
        "/desk/intake", data={"text": "Mehr als 2.000 Menschen in Kasachstan festgenommen"}
    )
    assert r.status_code == 302
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Mehr als 2.000 Menschen in Kasachstan festgenommen" in html
    assert "Zahl: Mehr als 2.000" in html  # reason code translated, values kept
    assert "Kasachstan" in html and "Kazakhstan" not in html  # the place in German


def test_candidates_of_a_long_story_are_paginated(client, login):
    login(client, "fact_checker")
    body = "\n".join(
        f"Die Polizei nahm am {i % 28 + 1}. Januar in Almaty {i + 100} Menschen fest."
        for i in range(45)
    )
    r = client.post("/desk/intake", data={"text": body, "title": "Festnahmen"})
    url = r.headers["Location"]
    first = client.get(url).get_data(as_text=True)
    assert first.count('<article class="candidate') == 20 and "?page=2" in first
    last = client.get(url + "?page=3").get_data(as_text=True)
    assert 0 < last.count('<article class="candidate') <= 20 and "?page=4" not in last


def test_stored_reasons_are_labelled_by_code_in_the_readers_language(app):
    from claimtrack.web.desk.intake import reason_label

    with app.test_request_context("/"):
        assert reason_label({"code": "place", "weight": 0.1, "values": ["Kazakhstan"]}) == (
            "Ort: Kasachstan"
        )
        assert reason_label({"code": "question", "weight": -0.35, "values": []}) == (
            "Frage (senkt die Wertung)"
        )
        assert reason_label("figure: 2.000") == "figure: 2.000"  # stored before reasons were data
