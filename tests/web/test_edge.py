"""Issue 12, items 3 and 4: ids beyond the integer range are 404s; JSON sent to a form is a 400."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.models import AuditEvent, ErrorReport, User
from tests.factories import make_claim, make_published_verdict

BIG = ["2147483648", "9223372036854775808", "18446744073709551616", "9" * 5000]


@pytest.mark.parametrize("big", BIG)
def test_ids_beyond_the_integer_range_are_404(client, login, big):
    for path in (f"/claims/{big}", f"/claims/{big}-slug", f"/claims/{big}/report"):
        assert client.get(path).status_code == 404, path
    login(client, "admin")
    for path in (f"/desk/claims/{big}", f"/admin/users/{big}", f"/desk/claims/{big}/verdict"):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/desk/claims/{big}/notes", data={"body": "x"}).status_code == 404


def test_the_largest_id_is_an_ordinary_missing_claim(client):
    assert client.get("/claims/2147483647").status_code == 404


FORM_POSTS = [
    ("anonymous", "/login", {"email": "editor@example.org", "password": "x"}),
    ("anonymous", "/claims/{claim}/report", {"message": "Die Zahl stimmt nicht mit der Quelle."}),
    ("fact_checker", "/account", {"name": "Neu"}),
    ("fact_checker", "/desk/claims/{claim}/notes", {"body": "Notiz"}),
    ("admin", "/admin/users", {"email": "x@example.org", "name": "X", "role": "admin"}),
]


@pytest.mark.parametrize(("who", "path", "body"), FORM_POSTS, ids=[p for _, p, _ in FORM_POSTS])
@pytest.mark.parametrize("payload", ["object", "list", "deep"])
def test_json_to_a_form_endpoint_is_400_and_stores_nothing(
    client, login, session, users, who, path, body, payload
):
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    if who != "anonymous":
        login(client, who)
    session.rollback()
    before = [len(session.exec(select(m)).all()) for m in (AuditEvent, ErrorReport, User)]
    url = path.format(claim=claim.id)
    if payload == "object":
        response = client.post(url, json=body)
    elif payload == "list":
        response = client.post(url, json=[body, [1, 2]])
    else:
        response = client.post(url, data="[" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert "Formular" in response.get_data(as_text=True)
    session.rollback()
    assert [len(session.exec(select(m)).all()) for m in (AuditEvent, ErrorReport, User)] == before


def test_json_error_in_english_for_json_clients(client):
    response = client.post("/login", json={"email": "a"}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["errors"][0]["reason"].startswith("This page takes a form")
