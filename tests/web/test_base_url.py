"""One setting for the public address: PUBLIC_BASE_URL in every absolute URL (pages, feed, exports,
API), ORG_URL defaulting to it; outside debug, exports and the API refuse to guess it from the Host
header; `claimtrack demo` sets it for the address it will serve."""

from __future__ import annotations

import json

from claimtrack.cli import main
from tests.web.partners import bearer, issue_token, jsonl, publish

BASE = "https://faktencheck.example.org/"


def test_every_absolute_url_uses_the_public_base_url(make_app, session, users):
    verdict = publish(session, users)
    token = issue_token(session, users, ["export", "api"])
    app = make_app(PUBLIC_BASE_URL=BASE)
    client = app.test_client()
    headers = {**bearer(token), "Host": "evil.example"}
    page = client.get(f"/claims/{verdict.claim_id}", headers=headers, follow_redirects=True)
    html = page.get_data(as_text=True)
    assert f'<link rel="canonical" href="{BASE}claims/{verdict.claim_id}-' in html
    assert f'<meta property="og:url" content="{BASE}claims/' in html
    assert "evil.example" not in html
    feed = client.get("/feed.atom", headers=headers).get_data(as_text=True)
    assert BASE in feed and "evil.example" not in feed
    (row,) = jsonl(client.get("/exports/claims.jsonl", headers=headers).get_data(as_text=True))
    assert row["url"].startswith(BASE)
    review = json.loads(client.get("/exports/claimreview.json", headers=headers).get_data())
    item = review["dataFeedElement"][0]["item"][0]
    assert item["url"].startswith(BASE)
    assert item["author"]["url"] == BASE  # ORG_URL defaults to the base URL
    api = client.get(f"/api/v1/claims/{verdict.claim_id}", headers=headers).get_json()
    assert "evil.example" not in json.dumps(api) and BASE in json.dumps(api)


def test_org_url_can_differ_from_the_base_url(make_app, session, users):
    publish(session, users)
    token = issue_token(session, users, ["export"])
    app = make_app(PUBLIC_BASE_URL=BASE, ORG_URL="https://verlag.example.org/")
    review = json.loads(
        app.test_client().get("/exports/claimreview.json", headers=bearer(token)).get_data()
    )
    item = review["dataFeedElement"][0]["item"][0]
    assert item["author"]["url"] == "https://verlag.example.org/"
    assert item["url"].startswith(BASE)


def test_outside_debug_exports_and_api_refuse_without_a_base_url(make_app, session, users):
    verdict = publish(session, users)
    token = issue_token(session, users, ["export", "api"])
    app = make_app(TESTING=False)
    client = app.test_client()
    for path in ("/exports/claims.jsonl", "/exports/claims.csv", "/api/v1/claims"):
        response = client.get(path, headers=bearer(token))
        assert response.status_code == 503, path
        assert "PUBLIC_BASE_URL" in response.get_json()["errors"][0]["reason"]
    # Reader pages still work (their links come from the request until the setting is made).
    assert client.get(f"/claims/{verdict.claim_id}", follow_redirects=True).status_code == 200


def test_cli_export_refuses_without_a_base_url(runner, make_app, session, users):
    publish(session, users)
    app = make_app(TESTING=False)
    result = runner.invoke(main, ["export", "--format", "jsonl"], obj={"app": app})
    assert result.exit_code != 0
    assert "PUBLIC_BASE_URL" in result.output
    app.config["PUBLIC_BASE_URL"] = BASE
    result = runner.invoke(main, ["export", "--format", "jsonl"], obj={"app": app})
    assert result.exit_code == 0, result.output
    assert jsonl(result.stdout)[0]["url"].startswith(BASE)


def test_demo_sets_the_base_url_it_will_serve(runner, app):
    result = runner.invoke(main, ["demo", "--port", "8123"], obj={"app": app})
    assert result.exit_code == 0, result.output
    assert app.config["PUBLIC_BASE_URL"] == "http://127.0.0.1:8123/"
