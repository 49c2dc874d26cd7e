"""The reader pages' XSS corpus (stored in every text and URL field, tests/web/test_public_xss.py)
comes out inert in every export and API answer: no markup characters in JSON, and only http(s)
addresses in URL fields (a `javascript:` or `data:` URL written by a bad import is dropped)."""

from __future__ import annotations

import json
from typing import Any

from tests.web.partners import bearer, csv_rows, issue_token
from tests.web.test_public_xss import _store_everything

URL_KEYS = ("url", "archiveurl", "archivedat", "sameas")
CSV_URL_COLUMNS = ("url", "firstAppearanceUrl", "appearanceUrls", "sourceUrls")


def _urls(value: Any, key: str = "") -> list[str]:
    """Every string under a URL-ish key, anywhere in a JSON document."""
    if isinstance(value, dict):
        return [u for k, v in value.items() for u in _urls(v, k)]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v, key)]
    if isinstance(value, str) and key.lower().endswith(URL_KEYS):
        return [value]
    return []


def _assert_http(urls: list[str]) -> None:
    for url in urls:
        assert url.startswith(("http://", "https://")), url


def test_json_exports_and_api_answers_are_inert(client, session, users):
    claim_id, withdrawn_id = _store_everything(session, users)
    export = issue_token(session, users, ["export"])
    api = issue_token(session, users, ["api"])
    answers = [
        client.get("/exports/claimreview.json", headers=bearer(export)),
        client.get("/exports/claimreview.json?since=2000-01-01", headers=bearer(export)),
        client.get("/exports/claims.jsonl?since=2000-01-01", headers=bearer(export)),
        client.get("/api/v1/claims", headers=bearer(api)),
        client.get(f"/api/v1/claims/{claim_id}", headers=bearer(api)),
        client.get(f"/api/v1/claims/{withdrawn_id}", headers=bearer(api)),
        client.get("/api/v1/claims:search?query=Behauptung%20alert", headers=bearer(api)),
    ]
    checked = 0
    for response in answers:
        body = response.get_data(as_text=True)
        assert response.status_code in (200, 410), body[:300]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert not any(ch in body for ch in "<>"), response.request.path
        for line in body.splitlines() if "jsonl" in response.request.path else [body]:
            urls = _urls(json.loads(line))
            _assert_http(urls)
            checked += len(urls)
    assert checked > 20


def test_csv_url_columns_hold_only_web_addresses(client, session, users):
    _store_everything(session, users)
    token = issue_token(session, users, ["export"])
    response = client.get("/exports/claims.csv?since=2000-01-01", headers=bearer(token))
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    rows = csv_rows(response.get_data(as_text=True))
    assert {r["status"] for r in rows} == {"published", "withdrawn"}
    for row in rows:
        urls = [u for column in CSV_URL_COLUMNS for u in row[column].split()]
        assert urls
        _assert_http(urls)
