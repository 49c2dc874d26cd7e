"""Issue 12, item 7 (the parts of it this branch owns), on both databases: /account is no-store,
anonymous verdict pages set no cookie, HSTS only over real HTTPS, the OpenAPI document covers 410 and
414, a repeated pageSize is refused, deep JSON in `claimtrack ingest` is one line and exit 1."""

from __future__ import annotations

import json

from sqlmodel import select

from claimtrack.cli import main
from claimtrack.models import ErrorReport, Story
from tests.factories import make_claim, make_published_verdict
from tests.web.partners import bearer, issue_token, publish, withdraw


def test_account_page_is_no_store(client, login):
    login(client, "fact_checker")
    assert client.get("/account").headers["Cache-Control"] == "no-store"


def test_anonymous_verdict_page_sets_no_cookie_and_the_report_still_works(csrf_app, session, users):
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    client = csrf_app.test_client()
    page = client.get(f"/claims/{claim.id}", follow_redirects=True)
    assert page.status_code == 200 and "Set-Cookie" not in page.headers
    assert f'action="/claims/{claim.id}/report"' in page.get_data(as_text=True)
    assert "csrf_token" not in page.get_data(as_text=True)
    form_page = client.get(f"/claims/{claim.id}/report")
    assert form_page.status_code == 200 and "Set-Cookie" not in form_page.headers
    message = {"message": "Die Zahl 225 stammt aus einer älteren Meldung.", "email": ""}
    url = f"/claims/{claim.id}/report"
    for origin in ("https://evil.example", "null"):
        assert client.post(url, data=message, headers={"Origin": origin}).status_code == 400
    cross_referer = client.post(url, data=message, headers={"Referer": "https://evil.example/x"})
    assert cross_referer.status_code == 400
    session.rollback()
    assert session.exec(select(ErrorReport)).all() == []
    sent = client.post(url, data=message, headers={"Origin": "http://localhost"})
    assert sent.status_code == 302  # its thank-you note travels in the session, as flashes do
    session.rollback()
    assert len(session.exec(select(ErrorReport)).all()) == 1


def test_hsts_only_over_real_https(make_app):
    plain = make_app().test_client()
    spoofed = plain.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in spoofed.headers
    assert (
        "Strict-Transport-Security" in plain.get("/healthz", base_url="https://localhost").headers
    )
    proxied = make_app(TRUSTED_PROXIES=1).test_client()
    response = proxied.get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in response.headers


def test_openapi_documents_410_and_414_and_they_happen(client, session, users):
    token = issue_token(session, users, ["api"])
    withdrawn = withdraw(session, users, publish(session, users))
    document = client.get("/api/v1/openapi.json").get_json()
    for path, item in document["paths"].items():
        assert "414" in item["get"]["responses"], path
    assert "410" in document["paths"]["/claims/{claimId}"]["get"]["responses"]
    gone = client.get(f"/api/v1/claims/{withdrawn.claim_id}", headers=bearer(token))
    assert gone.status_code == 410 and gone.get_json()["errors"][0]["field"] == "claimId"
    long = client.get("/api/v1/claims:search?query=" + "a" * 9000, headers=bearer(token))
    assert long.status_code == 414
    assert long.get_json()["errors"][0]["reason"] == "The query string is longer than 8000 bytes."


def test_repeated_page_size_is_refused(client, session, users):
    token = issue_token(session, users, ["api"])
    for url in (
        "/api/v1/claims?pageSize=1&pageSize=100",
        "/api/v1/claims:search?query=Almaty&pageSize=2&pageSize=3",
    ):
        response = client.get(url, headers=bearer(token))
        assert response.status_code == 400
        assert response.get_json()["errors"][0] == {
            "field": "pageSize",
            "reason": "pageSize is given more than once.",
        }


def test_ingest_of_deep_json_is_one_line_and_exit_1(runner, app, session, tmp_path):
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"body": "Laut Polizei gab es in Almaty 100 Festnahmen."})
    path.write_text(good + "\n" + "[" * 100_000 + "\n", "utf-8")
    result = runner.invoke(main, ["ingest", str(path)], obj={"app": app})
    assert result.exit_code == 1
    assert result.output.strip() == "claimtrack: error: Line 2: the JSON is nested too deeply."
    assert session.exec(select(Story)).all() == []
