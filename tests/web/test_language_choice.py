"""Which language a page speaks: the reader's own choice (remembered), the browser's first language
we have, German otherwise; error pages speak it too."""

from __future__ import annotations


def _lang(response) -> str:
    html = response.get_data(as_text=True)
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


def test_accept_language_picks_the_first_language_we_have(client):
    assert _lang(client.get("/", headers={"Accept-Language": "fr-FR,en;q=0.8,de;q=0.5"})) == "en"
    assert _lang(client.get("/", headers={"Accept-Language": "de-AT,en;q=0.5"})) == "de"
    assert _lang(client.get("/", headers={"Accept-Language": "fr-FR"})) == "de"
    assert _lang(client.get("/")) == "de"


def test_the_switch_is_remembered_without_a_session_cookie(client):
    response = client.get("/language/en?next=/methodology")
    assert response.status_code == 302
    cookies = response.headers.getlist("Set-Cookie")
    assert any(c.startswith("lang=en;") for c in cookies)
    assert not any(c.startswith("session=") for c in cookies)  # reader pages stay cacheable
    # The choice wins over the browser's language on later visits.
    page = client.get("/methodology", headers={"Accept-Language": "de-DE"})
    assert _lang(page) == "en"
    assert "Accept-Language" in page.headers.get("Vary", "") or page.status_code == 200


def test_reader_pages_vary_on_the_language_inputs(client):
    response = client.get("/")
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response.headers["Vary"].split(",")}


def test_the_404_page_speaks_the_readers_language(client):
    german = client.get("/no-such-page")
    assert german.status_code == 404
    assert "Seite nicht gefunden" in german.get_data(as_text=True)
    english = client.get("/no-such-page", headers={"Accept-Language": "en"})
    html = english.get_data(as_text=True)
    assert "Page not found" in html and "Not Found</h1>" not in html
    # Partners get English JSON as before.
    api = client.get("/api/v1/nothing", headers={"Accept-Language": "de"})
    assert api.status_code == 404 and api.is_json
