"""The partner exports over HTTP: content, incremental pulls, tombstones, auth, CSV safety."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from claimtrack.models import Appearance, RatingLabel, Source, Story, Verdict
from claimtrack.publishing import claimreview
from claimtrack.services.publication import bundles as publication
from tests.conftest import make_test_app
from tests.web.partners import bearer, correct, issue_token, jsonl, publish, withdraw

PATHS = ["/exports/claimreview.json", "/exports/claims.csv", "/exports/claims.jsonl"]


@pytest.fixture
def token(session, users):
    return issue_token(session, users, ["export"])


def _get(client, path, token, **params):
    return client.get(path, headers=bearer(token), query_string=params)


def test_jsonl_export_holds_exactly_the_stored_verdicts(client, session, users, token):
    published = [
        publish(session, users),
        publish(session, users, rating_key="unbelegt", language="en"),
        publish(session, users, rating_key="richtig"),
    ]
    response = _get(client, "/exports/claims.jsonl", token)
    assert response.status_code == 200
    assert response.is_streamed
    assert response.mimetype == "application/jsonl"
    rows = jsonl(response.get_data(as_text=True))
    assert [r["verdictId"] for r in rows] == [v.id for v in published]
    for row in rows:
        _assert_row_matches_database(session, row)


def _assert_row_matches_database(session, row):
    verdict = session.get(Verdict, row["verdictId"])
    claim = publication.load_bundles(session, [verdict.claim_id])[0].claim
    label = session.get(RatingLabel, verdict.rating_id)
    assert row["claimId"] == verdict.claim_id
    assert row["status"] == "published"
    assert row["claim"]["text"] == claim.text
    assert row["claim"]["claimant"] == claim.claimant
    assert row["claim"]["language"] == claim.language
    assert row["headline"] == verdict.headline
    assert row["summary"] == verdict.summary
    assert row["reasoning"] == verdict.reasoning
    assert row["language"] == verdict.language
    assert row["rating"]["key"] == label.key
    expected_label = label.name_in(verdict.language)
    assert row["rating"]["label"] == expected_label
    assert row["rating"]["ratingValue"] == label.ordinal
    assert (row["rating"]["bestRating"] is None) == (label.ordinal is None)
    assert datetime.fromisoformat(row["datePublished"]) == verdict.published_at
    assert datetime.fromisoformat(row["dateModified"]) == verdict.modified_at
    stored_sources = session.exec(select(Source).where(Source.claim_id == verdict.claim_id)).all()
    assert [s["url"] for s in row["sources"]] == [s.url for s in stored_sources]
    assert [s["archiveUrl"] for s in row["sources"]] == [s.archive_url for s in stored_sources]
    stories = session.exec(
        select(Story).join(Appearance).where(Appearance.claim_id == verdict.claim_id)
    ).all()
    assert [a["url"] for a in row["appearances"]] == [s.url for s in stories]
    assert row["url"].endswith(f"/claims/{claim.id}-{claim.slug}")


def test_incremental_export_after_a_correction_holds_only_that_verdict(
    client, session, users, token
):
    first, second, third = (publish(session, users) for _ in range(3))
    since = datetime.now(UTC)
    corrected = correct(session, users, second)
    for path in PATHS:
        response = _get(client, path, token, since=since.isoformat())
        assert response.status_code == 200, path
    rows = jsonl(_get(client, "/exports/claims.jsonl", token, since=since.isoformat()).text)
    assert [r["verdictId"] for r in rows] == [corrected.id]
    assert rows[0]["headline"].endswith("(korrigiert)")
    assert rows[0]["corrections"][0]["note"] == "Die Überschrift war ungenau."
    feed = _get(client, "/exports/claimreview.json", token, since=since.isoformat()).json
    assert len(feed["dataFeedElement"]) == 1
    all_rows = jsonl(_get(client, "/exports/claims.jsonl", token).text)
    assert {r["verdictId"] for r in all_rows} == {first.id, second.id, third.id}


def test_withdrawn_verdicts_are_tombstones_in_incremental_pulls_only(client, session, users, token):
    kept, gone = publish(session, users), publish(session, users)
    since = datetime.now(UTC)
    withdraw(session, users, gone)

    rows = jsonl(_get(client, "/exports/claims.jsonl", token, since=since.isoformat()).text)
    assert rows == [
        {
            "claimId": gone.claim_id,
            "verdictId": gone.id,
            "status": "withdrawn",
            "deleted": True,
            "url": rows[0]["url"],
            "datePublished": rows[0]["datePublished"],
            "dateModified": rows[0]["dateModified"],
            "withdrawnReason": "Die Quelle hat ihre Zahlen zurückgezogen.",
        }
    ]
    assert f"/claims/{gone.claim_id}-" in rows[0]["url"]

    feed = _get(client, "/exports/claimreview.json", token, since=since.isoformat()).json
    (item,) = feed["dataFeedElement"]
    assert item["dateDeleted"] == rows[0]["dateModified"]
    assert item["item"] == [{"@type": "ClaimReview", "url": rows[0]["url"]}]

    table = list(
        csv.DictReader(
            io.StringIO(_get(client, "/exports/claims.csv", token, since=since.isoformat()).text)
        )
    )
    assert [(r["verdict_id"], r["status"]) for r in table] == [(str(gone.id), "withdrawn")]
    assert table[0]["withdrawn_reason"] == "Die Quelle hat ihre Zahlen zurückgezogen."

    full = jsonl(_get(client, "/exports/claims.jsonl", token).text)
    assert [r["verdictId"] for r in full] == [kept.id]


def test_datafeed_items_are_the_claimreview_builders_output(app, client, session, users, token):
    verdict = publish(session, users)
    publish(session, users, rating_key="fehlender-kontext")
    response = _get(client, "/exports/claimreview.json", token)
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    feed = json.loads(response.get_data(as_text=True))
    assert feed["@context"] == "https://schema.org"
    assert feed["@type"] == "DataFeed"
    assert len(feed["dataFeedElement"]) == 2
    bundle = publication.get_published(session, verdict.claim_id)
    site = claimreview.site_from_config(app.config, "http://localhost/")
    expected = claimreview.data_feed_item(bundle, site)
    assert feed["dataFeedElement"][0] == json.loads(json.dumps(expected))
    review = feed["dataFeedElement"][0]["item"][0]
    assert review["sdLicense"] == app.config["DATA_LICENSE"]
    assert review["sdPublisher"]["name"] == app.config["ORG_NAME"]
    assert feed["dateModified"] == feed["dataFeedElement"][1]["dateModified"]


def test_empty_exports_are_well_formed(client, token):
    assert _get(client, "/exports/claimreview.json", token).json["dataFeedElement"] == []
    assert _get(client, "/exports/claims.jsonl", token).text == ""
    response = _get(client, "/exports/claims.csv", token)
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    header = response.text
    assert header.startswith("claim_id,verdict_id,status,url,")


@pytest.mark.parametrize("since", ["yesterday", "2024-13-01", "", "2024-01-01T25:00"])
def test_a_bad_since_is_a_json_400(client, token, since):
    for path in PATHS:
        response = _get(client, path, token, since=since)
        assert response.status_code == 400
        assert response.json["errors"][0]["field"] == "since"


def test_exports_need_an_export_token(client, session, users):
    publish(session, users)
    api_only = issue_token(session, users, ["api"])
    revoked = issue_token(session, users, ["export"])
    from claimtrack.services import users as users_service

    token_id = users_service.find_token(session, revoked).id
    users_service.revoke_token(session=session, actor=users["admin"], token_id=token_id)
    for path in PATHS:
        assert client.get(path).status_code == 401
        assert client.get(path, headers=bearer("ct_not-a-token")).status_code == 401
        assert client.get(path, headers=bearer(revoked)).status_code == 401
        denied = client.get(path, headers=bearer(api_only))
        assert denied.status_code == 403
        assert denied.json == {
            "errors": [{"field": "Authorization", "reason": denied.json["errors"][0]["reason"]}]
        }
        # A token in the query string is never read.
        assert client.get(path, query_string={"token": api_only}).status_code == 401


def test_exports_are_public_when_configured(database_url, tmp_path, session, users):
    publish(session, users)
    app = make_test_app(database_url, tmp_path, EXPORTS_PUBLIC=True)
    try:
        client = app.test_client()
        for path in PATHS:
            with client.get(path) as response:
                assert response.status_code == 200, path
                assert response.headers["Cache-Control"].startswith("public")
                assert response.get_data()
    finally:
        app.extensions["claimtrack.db"].dispose()


def test_csv_cells_cannot_start_formulas(client, session, users, token):
    formula = '=HYPERLINK("https://evil.example","klick") sagt, es gab 300 Tote'
    publish(
        session,
        users,
        formula,
        claimant="@SUM(A1:A9)",
        headline="-2+3 ist die Überschrift",
    )
    text = _get(client, "/exports/claims.csv", token).text
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["claim_text"] == "'" + formula
    assert row["claimant"] == "'@SUM(A1:A9)"
    assert row["headline"] == "'-2+3 ist die Überschrift"
    assert row["rating_key"] == "falsch"
    assert row["source_urls"] == "https://stat.example.org/report.pdf"


def test_markup_in_stored_text_is_inert_in_json_exports(client, session, users, token):
    publish(session, users, "<script>alert(1)</script> behauptet 300 Tote in Almaty")
    for path in ("/exports/claimreview.json", "/exports/claims.jsonl"):
        body = _get(client, path, token).get_data(as_text=True)
        assert "<script" not in body
        assert "\\u003cscript\\u003e" in body
    rows = jsonl(_get(client, "/exports/claims.jsonl", token).text)
    assert rows[0]["claim"]["text"].startswith("<script>alert(1)</script>")
