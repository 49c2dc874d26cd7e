"""The ClaimReview JSON-LD on verdict pages: parsed back out with extruct it equals the builder's item,
carries every field partners rely on, and appears exactly once per page."""

from __future__ import annotations

from typing import Any

import extruct
from flask import Flask
from flask.testing import FlaskClient
from sqlmodel import Session

from claimtrack.models import User
from claimtrack.publishing.claimreview import claim_review, data_feed_item, site_from_config
from claimtrack.services.publication import bundles as publication
from tests.factories import make_claim, make_published_verdict
from tests.web.public_data import publish_rich


def _jsonld(client: FlaskClient, claim_id: int) -> tuple[list[dict[str, Any]], str]:
    url = client.get(f"/claims/{claim_id}").headers["Location"]
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    data = extruct.extract(html, base_url="http://localhost/", syntaxes=["json-ld"], uniform=False)
    return data["json-ld"], html


def test_page_markup_equals_builder_and_feed_item(
    app: Flask, client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    data = publish_rich(session, users)
    items, html = _jsonld(client, data.claim.id or 0)
    assert len(items) == 1 and html.count("application/ld+json") == 1
    item = items[0]
    bundle = publication.get_published(session, data.claim.id or 0)
    site = site_from_config(app.config, "http://localhost/")
    assert item == claim_review(bundle, site=site)
    feed_item = data_feed_item(bundle, site)
    assert {k: v for k, v in item.items() if k != "@context"} == feed_item["item"][0]
    assert feed_item["dateModified"] == item["dateModified"]

    assert item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == "In Almaty wurden mehr als 2.000 Menschen festgenommen."
    assert item["url"].startswith("http://localhost/claims/")
    assert item["url"].endswith(bundle.path) and bundle.path in html
    assert item["author"] == {
        "@type": "Organization",
        "name": app.config["ORG_NAME"],
        "url": app.config["ORG_URL"],
    }
    assert item["datePublished"].endswith("Z") and item["dateModified"] > item["datePublished"]
    assert item["inLanguage"] == "de"
    rating = item["reviewRating"]
    assert rating["alternateName"] == "Teilweise falsch"
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (3, 1, 5)
    claim = item["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Organization", "name": "Innenministerium"}
    assert claim["datePublished"] == "2022-01-06"
    assert claim["firstAppearance"]["datePublished"] == "2022-01-06"
    assert claim["firstAppearance"]["url"].startswith("https://news.example.org/")
    assert [a["datePublished"] for a in claim["appearance"]] == ["2022-01-08"]
    assert [c["archivedAt"] for c in item["citation"]] == [
        "https://archive.example.org/0",
        "https://archive.example.org/1",
    ]
    assert item["sdLicense"] in html
    # What the markup says is on the page.
    for text in (rating["alternateName"], claim["author"]["name"], item["headline"]):
        assert text in html


def test_non_ordinal_rating_has_only_its_name(
    app: Flask, client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"], claimant="Max Mustermann")
    make_published_verdict(session, users["editor"], claim, rating_key="fehlender-kontext")
    items, _html = _jsonld(client, claim.id or 0)
    rating = items[0]["reviewRating"]
    assert rating["alternateName"] == "Fehlender Kontext"
    assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)
    assert items[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Max Mustermann"}


def test_public_base_url_from_config(
    app: Flask, client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    app.config["PUBLIC_BASE_URL"] = "https://faktencheck.example.org"
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    items, html = _jsonld(client, claim.id or 0)
    assert items[0]["url"].startswith("https://faktencheck.example.org/claims/")
    assert f'<link rel="canonical" href="{items[0]["url"]}">' in html
