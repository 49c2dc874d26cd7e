"""The partner API: tokens and scopes, rate limit, list/get, Fact Check search, OpenAPI, CSRF."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from claimtrack.models import Verdict
from claimtrack.publishing import claimreview
from claimtrack.services import claims
from claimtrack.services import users as users_service
from claimtrack.services.publication import bundles as publication
from claimtrack.web.api.partner_auth import RateLimiter
from tests.conftest import make_test_app
from tests.web.partners import bearer, issue_token, publish, withdraw


@pytest.fixture
def token(session, users):
    return issue_token(session, users, ["api"])


def _get(client, path, token, **params):
    return client.get(path, headers=bearer(token), query_string=params)


def _reason(response):
    (error,) = response.json["errors"]
    assert set(error) == {"field", "reason"}
    return error


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer ", "Basic dXNlcjpwdw==", "Token ct_x", "Bearer ct_not-a-token"],
)
def test_requests_without_a_valid_bearer_token_are_401(client, header):
    headers = {"Authorization": header} if header is not None else {}
    response = client.get("/api/v1/claims", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert _reason(response)["field"] == "Authorization"


def test_revoked_and_expired_tokens_are_401_and_missing_scope_403(client, session, users):
    revoked = issue_token(session, users, ["api"])
    token_id = users_service.find_token(session, revoked).id
    users_service.revoke_token(session=session, actor=users["admin"], token_id=token_id)
    assert _get(client, "/api/v1/claims", revoked).status_code == 401

    expired = issue_token(session, users, ["api"])
    later = datetime.now(UTC) + timedelta(days=400)
    assert users_service.find_token(session, expired, now=later) is None
    short = issue_token(session, users, ["api"], valid_days=1)
    stored = users_service.find_token(session, short)
    stored.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    session.add(stored)
    session.commit()
    assert _get(client, "/api/v1/claims", short).status_code == 401

    export_only = issue_token(session, users, ["export"])
    denied = _get(client, "/api/v1/claims", export_only)
    assert denied.status_code == 403
    assert "api" in _reason(denied)["reason"]


def test_rate_limit_is_per_token(database_url, tmp_path, session, users):
    app = make_test_app(database_url, tmp_path, API_RATE_LIMIT_PER_MINUTE=3)
    try:
        client = app.test_client()
        first, second = (issue_token(session, users, ["api"]) for _ in range(2))
        statuses = [_get(client, "/api/v1/claims", first).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = _get(client, "/api/v1/claims", first)
        assert int(limited.headers["Retry-After"]) >= 1
        assert limited.headers["X-RateLimit-Remaining"] == "0"
        assert _reason(limited)["field"] is None
        ok = _get(client, "/api/v1/claims", second)
        assert ok.status_code == 200
        assert ok.headers["X-RateLimit-Limit"] == "3"
        assert ok.headers["X-RateLimit-Remaining"] == "2"
    finally:
        app.extensions["claimtrack.db"].dispose()


def test_rate_limiter_window_slides():
    now = [1000.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert limiter.hit(1, 2)[0] is True
    now[0] += 30
    assert [limiter.hit(1, 2)[0] for _ in range(2)] == [True, False]
    now[0] += 29.9
    assert limiter.hit(1, 2)[0] is False
    now[0] += 0.2
    allowed, remaining, _ = limiter.hit(1, 2)
    assert (allowed, remaining) == (True, 0)
    assert limiter.hit(2, 2)[0] is True


def test_list_pages_through_published_claims(client, session, users, token):
    published = [publish(session, users) for _ in range(3)]
    claims.create_claim(
        session=session,
        actor=users["editor"],
        data=claims.ClaimInput(text="Eine noch ungeprüfte Behauptung über 500 Festnahmen."),
    )
    page1 = _get(client, "/api/v1/claims", token, pageSize=2)
    assert page1.status_code == 200
    assert [c["claimId"] for c in page1.json["claims"]] == [v.claim_id for v in published[:2]]
    page2 = _get(client, "/api/v1/claims", token, pageSize=2, pageToken=page1.json["nextPageToken"])
    assert [c["claimId"] for c in page2.json["claims"]] == [published[2].claim_id]
    assert "nextPageToken" not in page2.json
    beyond = _get(client, "/api/v1/claims", token, pageToken="l9999999999")
    assert beyond.status_code == 200
    assert beyond.json == {"claims": []}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"pageSize": 0}, "pageSize"),
        ({"pageSize": 101}, "pageSize"),
        ({"pageSize": "ten"}, "pageSize"),
        ({"pageToken": "bm9wZQ"}, "pageToken"),
        ({"pageToken": "%%%"}, "pageToken"),
    ],
)
def test_bad_list_parameters_are_400(client, token, params, field):
    response = _get(client, "/api/v1/claims", token, **params)
    assert response.status_code == 400
    assert _reason(response)["field"] == field


def test_get_claim_returns_the_record_and_the_pages_claimreview(app, client, session, users, token):
    verdict = publish(session, users)
    response = _get(client, f"/api/v1/claims/{verdict.claim_id}", token)
    assert response.status_code == 200
    body = response.json
    bundle = publication.get_published(session, verdict.claim_id)
    site = claimreview.site_from_config(app.config, "http://localhost/")
    assert body["claimReview"] == json.loads(
        json.dumps(claimreview.claim_review(bundle, site=site))
    )
    assert body["verdictId"] == verdict.id
    assert body["sources"][0]["url"] == "https://stat.example.org/report.pdf"


def test_unknown_draft_and_withdrawn_claims(client, session, users, token):
    draft = claims.create_claim(
        session=session,
        actor=users["editor"],
        data=claims.ClaimInput(text="Eine noch ungeprüfte Behauptung über 500 Festnahmen."),
    )
    gone = publish(session, users)
    withdraw(session, users, gone)
    for claim_id in (draft.id, 999_999):
        response = _get(client, f"/api/v1/claims/{claim_id}", token)
        assert response.status_code == 404
        assert _reason(response)["field"] == "claimId"
    response = _get(client, f"/api/v1/claims/{gone.claim_id}", token)
    assert response.status_code == 410
    assert _reason(response)["reason"] == "Die Quelle hat ihre Zahlen zurückgezogen."
    assert _get(client, "/api/v1/claims/99999999999999999999", token).status_code == 404


def test_search_answers_in_the_fact_check_tools_shape(app, client, session, users, token):
    verdict = publish(
        session,
        users,
        "Bei den Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen.",
        claimant="Generalstaatsanwaltschaft",
    )
    publish(session, users, "Der Bundestag hat 2023 das Heizungsgesetz beschlossen.")
    response = _get(
        client, "/api/v1/claims:search", token, query="225 Tote bei den Unruhen in Kasachstan"
    )
    assert response.status_code == 200
    first = response.json["claims"][0]
    assert first["text"] == "Bei den Unruhen in Kasachstan sind 225 Menschen ums Leben gekommen."
    assert first["claimant"] == "Generalstaatsanwaltschaft"
    (review,) = first["claimReview"]
    assert review["publisher"] == {"name": app.config["ORG_NAME"], "site": "localhost:5000"}
    assert review["textualRating"] == "Falsch"
    assert review["languageCode"] == "de"
    assert review["title"] == verdict.headline
    assert review["url"].startswith(f"http://localhost/claims/{verdict.claim_id}-")
    assert datetime.fromisoformat(review["reviewDate"]) == verdict.published_at


def test_search_filters_and_pages(client, session, users, token):
    for n in range(3):
        publish(
            session, users, f"In Almaty wurden {2000 + n} Menschen festgenommen, sagt die Polizei."
        )
    publish(
        session,
        users,
        "Police in Almaty arrested 2,000 people, officials say.",
        language="en",
    )
    query = "Festnahmen in Almaty"
    everything = _get(client, "/api/v1/claims:search", token, query=query, pageSize=50).json[
        "claims"
    ]
    german = _get(client, "/api/v1/claims:search", token, query=query, languageCode="de-DE")
    assert {c["claimReview"][0]["languageCode"] for c in german.json["claims"]} == {"de"}
    assert len(german.json["claims"]) == len(everything) - 1
    page1 = _get(client, "/api/v1/claims:search", token, query=query, pageSize=2)
    assert len(page1.json["claims"]) == 2
    page2 = _get(
        client,
        "/api/v1/claims:search",
        token,
        query=query,
        pageSize=2,
        pageToken=page1.json["nextPageToken"],
    )
    seen = [c["text"] for c in page1.json["claims"] + page2.json["claims"]]
    assert seen == [c["text"] for c in everything][: len(seen)]
    assert len(seen) == len(everything)


def test_search_max_age_uses_the_newer_of_claim_and_review_date(client, session, users, token):
    old, recent_claim, fresh = (
        publish(session, users, f"In Almaty wurden {n} Menschen festgenommen, sagt die Polizei.")
        for n in (2001, 2002, 2003)
    )
    long_ago = datetime.now(UTC) - timedelta(days=400)
    for verdict in (old, recent_claim):
        stored = session.get(Verdict, verdict.id)
        stored.published_at = long_ago
        session.add(stored)
    session.commit()
    claim = claims.get_claim(session, recent_claim.claim_id)
    claims.edit_claim(
        session=session,
        actor=users["editor"],
        claim_id=claim.id,
        expected_version=claim.version,
        changes={"claim_date": date.today()},
    )
    query = "Festnahmen in Almaty"
    found = _get(client, "/api/v1/claims:search", token, query=query, maxAgeDays=30).json
    texts = {c["text"] for c in found["claims"]}
    assert texts == {claims.get_claim(session, v.claim_id).text for v in (recent_claim, fresh)}
    everything = _get(client, "/api/v1/claims:search", token, query=query).json
    assert len(everything["claims"]) == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "query"),
        ({"query": "   "}, "query"),
        ({"query": "x" * 1001}, "query"),
        ({"query": "Almaty", "languageCode": "deutsch!"}, "languageCode"),
        ({"query": "Almaty", "maxAgeDays": 0}, "maxAgeDays"),
        ({"query": "Almaty", "maxAgeDays": "a week"}, "maxAgeDays"),
        ({"query": "Almaty", "pageSize": 500}, "pageSize"),
        ({"query": "Almaty", "pageToken": "l5"}, "pageToken"),
    ],
)
def test_bad_search_parameters_are_400(client, token, params, field):
    response = _get(client, "/api/v1/claims:search", token, **params)
    assert response.status_code == 400
    assert _reason(response)["field"] == field


def test_openapi_document_is_public_and_covers_every_route(app, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    doc = response.json
    assert doc["openapi"] == "3.1.0"
    assert doc["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    routes = {
        rule.rule.removeprefix("/api/v1").replace(
            "<int(min=1, max=2147483647):claim_id>", "{claimId}"
        )
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
    }
    assert routes == set(doc["paths"])
    search = {p["name"] for p in doc["paths"]["/claims:search"]["get"]["parameters"]}
    assert search == {"query", "languageCode", "maxAgeDays", "pageSize", "pageToken"}


def test_csrf_does_not_apply_to_the_api(csrf_app, session, users):
    token = issue_token(session, users, ["api"])
    client = csrf_app.test_client()
    response = client.post("/api/v1/claims", headers=bearer(token))
    assert response.status_code == 405
    assert response.json["errors"]


def test_a_request_records_the_tokens_last_use(client, session, users):
    plaintext = issue_token(session, users, ["api"])
    assert _get(client, "/api/v1/claims", plaintext).status_code == 200
    session.rollback()
    assert users_service.find_token(session, plaintext).last_used_at is not None
