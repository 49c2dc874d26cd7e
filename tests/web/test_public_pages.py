"""Reader pages: verdict page content, slug redirect, 410, 304, filters, methodology, corrections, feed."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlmodel import Session

from claimtrack.models import User
from claimtrack.services import verdicts
from claimtrack.services.publication import bundles as publication
from tests.factories import make_claim, make_published_verdict
from tests.web.public_data import publish_rich


def _url(client: FlaskClient, claim_id: int) -> str:
    response = client.get(f"/claims/{claim_id}")
    assert response.status_code == 301
    return response.headers["Location"]


def test_verdict_page_shows_everything(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    data = publish_rich(session, users)
    url = _url(client, data.claim.id or 0)
    assert url == f"/claims/{data.claim.id}-in-almaty-wurden-mehr-als-2-000-menschen-festgenommen"
    html = client.get(url).get_data(as_text=True)
    for text in (
        "In Almaty wurden mehr als 2.000 Menschen festgenommen.",
        "Innenministerium",
        "Teilweise falsch",
        "Neue Zahlen des Ministeriums.",
        "https://archive.example.org/1",
        "In Kasachstan wurden 8.000 Menschen festgenommen.",
        "<strong>Generalstaatsanwaltschaft</strong>",
        "<svg",
    ):
        assert text in html, text
    # Correction history above the verdict; first appearance listed first.
    assert html.index("Neue Zahlen des Ministeriums.") < html.index("verdict__headline")
    listed = html[html.index("verdict__appearances") :]
    assert listed.index("2022-01-06") < listed.index("2022-01-08")


def test_wrong_slug_redirects_to_canonical(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    canonical = _url(client, claim.id or 0)
    response = client.get(f"/claims/{claim.id}-something-else?x=1")
    assert response.status_code == 301
    assert response.headers["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_unpublished_claim_is_404(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"])
    assert client.get(f"/claims/{claim.id}").status_code == 404
    assert client.get("/claims/999999-x").status_code == 404


def test_withdrawn_verdict_is_410_with_reason(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    url = _url(client, claim.id or 0)
    verdicts.withdraw_verdict(
        session=session,
        actor=users["editor"],
        claim_id=claim.id or 0,
        reason="Quelle war gefälscht.",
    )
    response = client.get(url)
    assert response.status_code == 410
    assert "Quelle war gefälscht." in response.get_data(as_text=True)
    assert "application/ld+json" not in response.get_data(as_text=True)


def test_conditional_get_304_and_invalidation(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"])
    verdict = make_published_verdict(session, users["editor"], claim)
    url = _url(client, claim.id or 0)
    first = client.get(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    home = client.get("/")
    assert client.get("/", headers={"If-None-Match": home.headers["ETag"]}).status_code == 304
    verdicts.correct_verdict(
        session=session, actor=users["editor"], claim_id=claim.id or 0,
        data=verdicts.VerdictInput(rating_id=verdict.rating_id, headline="Neu", summary="Neu."),
        expected_version=verdict.version, public=True, note="Korrigiert.",
    )  # fmt: skip
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again.headers["ETag"] != etag
    assert client.get("/", headers={"If-None-Match": home.headers["ETag"]}).status_code == 200


def test_home_lists_newest_first_and_filters(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    editor = users["editor"]
    old = make_claim(
        session, editor, "Die Arbeitslosigkeit ist im Jahr 2021 stark gestiegen.", claimant="Anna A"
    )
    make_published_verdict(session, editor, old, rating_key="falsch", headline="Alt")
    new = make_claim(
        session,
        editor,
        "Die Inflation lag im Dezember bei zehn Prozent.",
        claimant="Bert B",
        tags=["inflation"],
    )
    make_published_verdict(session, editor, new, rating_key="richtig", headline="Neu")
    html = client.get("/").get_data(as_text=True)
    assert html.index(">Neu<") < html.index(">Alt<")
    assert ">Alt<" not in client.get("/?rating=richtig").get_data(as_text=True)
    assert ">Neu<" not in client.get("/?claimant=anna").get_data(as_text=True)
    assert ">Alt<" not in client.get("/?tag=inflation").get_data(as_text=True)
    assert ">Neu<" in client.get("/?date_from=2000-01-01&date_to=2999-01-01").get_data(as_text=True)
    assert client.get("/?rating=nonsense&page=abc").status_code == 200


def test_methodology_corrections_and_stylesheet(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    data = publish_rich(session, users)
    html = client.get("/methodology").get_data(as_text=True)
    assert "Fehlender Kontext" in html and "Missing context" in html
    corrections = client.get("/corrections").get_data(as_text=True)
    assert "Neue Zahlen des Ministeriums." in corrections
    css = client.get("/ratings.css")
    assert css.mimetype == "text/css"
    assert ".rating--falsch{background:#b91c1c;color:#ffffff}" in css.get_data(as_text=True)
    bundle = publication.get_published(session, data.claim.id or 0)
    assert bundle.corrected and bundle.related[0].kind == "variant"


def test_feed_has_new_and_corrected_verdicts(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    data = publish_rich(session, users)
    response = client.get("/feed.atom")
    assert response.mimetype == "application/atom+xml"
    body = response.get_data(as_text=True)
    assert f"/claims/{data.claim.id}-" in body and f"/claims/{data.variant.id}-" in body
    assert "Die Zahl stieg später" in body


def test_german_by_default_english_on_request(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    assert "Neueste Bewertungen" in client.get("/").get_data(as_text=True)
    german = client.get(_url(client, claim.id or 0))
    with client.session_transaction() as s:
        s["locale"] = "en"
    assert "Latest verdicts" in client.get("/").get_data(as_text=True)
    english = client.get(
        _url(client, claim.id or 0), headers={"If-None-Match": german.headers["ETag"]}
    )
    assert english.status_code == 200  # the language is part of the validator
    assert "Our rating" in english.get_data(as_text=True)


def test_list_validators_follow_any_audited_change(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    from claimtrack.services import claims

    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    feed = client.get("/feed.atom")
    assert (
        client.get("/feed.atom", headers={"If-None-Match": feed.headers["ETag"]}).status_code == 304
    )
    fresh = claims.get_claim(session, claim.id or 0)
    claims.edit_claim(
        session=session, actor=users["editor"], claim_id=fresh.id or 0,
        expected_version=fresh.version, changes={"claimant": "Ein anderer Sprecher"},
    )  # fmt: skip
    again = client.get("/feed.atom", headers={"If-None-Match": feed.headers["ETag"]})
    assert again.status_code == 200


def test_feed_lists_latest_change_first(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    first = make_claim(session, users["editor"])
    verdict = make_published_verdict(session, users["editor"], first, headline="Erste")
    second = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], second, headline="Zweite")
    verdicts.correct_verdict(
        session=session, actor=users["editor"], claim_id=first.id or 0,
        data=verdicts.VerdictInput(rating_id=verdict.rating_id, headline="Erste, korrigiert", summary="Neu."),
        expected_version=verdict.version, public=True, note="Korrigiert.",
    )  # fmt: skip
    body = client.get("/feed.atom").get_data(as_text=True)
    assert body.index("Erste, korrigiert") < body.index("Zweite")


def test_pending_flash_message_is_never_answered_with_304(
    client: FlaskClient, session: Session, users: dict[str, User]
) -> None:
    claim = make_claim(session, users["editor"])
    make_published_verdict(session, users["editor"], claim)
    url = _url(client, claim.id or 0)
    etag = client.get(url).headers["ETag"]
    sent = client.post(f"/claims/{claim.id}/report", data={"message": "Hier stimmt etwas nicht."})
    assert sent.status_code == 302
    after = client.get(url, headers={"If-None-Match": etag})
    assert after.status_code == 200 and "Danke" in after.get_data(as_text=True)
