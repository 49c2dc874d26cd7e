"""Languages: German by default, English on request, complete German catalogue for the platform."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from sqlmodel import Session

from claimtrack.models import User
from claimtrack.web.i18n import TRANSLATIONS_DIR
from tests.conftest import make_test_app
from tests.web.conftest import do_login

ROOT = Path(__file__).resolve().parents[2]
PO = TRANSLATIONS_DIR / "de" / "LC_MESSAGES" / "messages.po"
# The files whose strings belong to the `messages` domain (see claimtrack/translations/messages.cfg).
SOURCES = [
    *sorted((ROOT / "claimtrack" / "web" / "admin").glob("*.py")),
    ROOT / "claimtrack" / "web" / "auth.py",
    ROOT / "claimtrack" / "web" / "account.py",
    ROOT / "claimtrack" / "web" / "i18n.py",
    ROOT / "templates" / "base.html",
    ROOT / "templates" / "_macros" / "forms.html",
    *sorted((ROOT / "templates" / "auth").glob("*.html")),
    *sorted((ROOT / "templates" / "admin").glob("*.html")),
]
KEYWORDS = {"_": None, "gettext": None, "_l": None, "N_": None, "lazy_gettext": None}


def _msgids(path: Path) -> set[str]:
    method = "jinja2" if path.suffix == ".html" else "python"
    found = set()
    for _line, message, _comments, _context in extract_from_file(method, str(path), KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_platform_string_has_a_german_translation():
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="de")
    translated = {m.id for m in catalog if m.id and m.string and "fuzzy" not in m.flags}
    wanted = set().union(*(_msgids(p) for p in SOURCES))
    assert sorted(wanted - translated) == []


def test_compiled_catalogue_matches_the_po_file():
    with PO.open("rb") as fh:
        po = {m.id: m.string for m in read_po(fh, locale="de") if m.id}
    with PO.with_suffix(".mo").open("rb") as fh:
        mo = {m.id: m.string for m in read_mo(fh) if m.id}
    assert mo == po, "run: .venv/bin/pybabel compile -d claimtrack/translations -D messages"


def test_language_switch_without_javascript(client):
    html = client.get("/login?x=1").get_data(as_text=True)
    assert '<html lang="de">' in html
    assert 'href="/language/en?next=/login?x%3D1"' in html
    response = client.get("/language/en?next=/login?x%3D1")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?x=1"
    html = client.get("/login").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "Log in to the desk" in html
    assert 'lang="de" hreflang="de" rel="nofollow">Deutsch</a>' in html  # and back


def test_language_switch_refuses_unknown_languages_and_foreign_next(client):
    response = client.get("/language/fr?next=https://evil.example/")
    assert response.status_code == 302
    assert "evil" not in response.headers["Location"]
    assert '<html lang="de">' in client.get("/login").get_data(as_text=True)


def test_anonymous_pages_set_no_cookie(client):
    """The header's links need no CSRF token, so reader pages stay cacheable."""
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Set-Cookie" not in response.headers


def test_users_stored_locale_is_the_fallback(client, session: Session, users):
    editor = session.get(User, users["editor"].id)
    editor.locale = "en"
    session.add(editor)
    session.commit()
    do_login(client, "editor")
    assert '<html lang="en">' in client.get("/admin/").get_data(as_text=True)


def test_missing_catalogues_do_not_crash(database_url, tmp_path):
    app = make_test_app(database_url, tmp_path, BABEL_DOMAIN="messages;nonexistent;public")
    response = app.test_client().get("/login")
    assert response.status_code == 200
    assert "Anmeldung für die Redaktion" in response.get_data(as_text=True)
    app.extensions["claimtrack.db"].dispose()
