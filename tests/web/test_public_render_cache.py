"""The render cache for anonymous reader pages: one query per served page, fresh after any change,
per-request nonce and CSRF token, shared-cache headers, never for logged-in people, shared via Redis."""

from __future__ import annotations

import re
import uuid

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlmodel import Session

from claimtrack.models import User, Verdict
from claimtrack.services import verdicts
from tests.factories import make_claim, make_published_verdict
from tests.web.conftest import do_login


class Statements:
    """Counts the SQL queries an app runs (not SQLite's explicit BEGIN)."""

    def __init__(self, app: Flask) -> None:
        self.count = 0
        event.listen(app.extensions["claimtrack.db"].engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.lstrip().upper().startswith("BEGIN"):
            self.count += 1

    def during(self, call):  # type: ignore[no-untyped-def]
        before = self.count
        result = call()
        return result, self.count - before


def _published(session: Session, users: dict[str, User]) -> tuple[str, Verdict]:
    claim = make_claim(session, users["editor"])
    verdict = make_published_verdict(session, users["editor"], claim, headline="Erste Fassung")
    return f"/claims/{claim.id}", verdict


def _page(client: FlaskClient, url: str) -> str:
    first = client.get(url)
    return first.headers["Location"] if first.status_code == 301 else url


def test_second_view_is_one_query_and_a_change_shows_at_once(
    app: Flask, session: Session, users: dict[str, User]
) -> None:
    client = app.test_client(use_cookies=False)
    url, verdict = _published(session, users)
    page = _page(client, url)
    statements = Statements(app)
    first, rendered = statements.during(lambda: client.get(page))
    again, cached = statements.during(lambda: client.get(page))
    assert first.status_code == again.status_code == 200
    assert cached == 1 < rendered  # only the generation check
    assert again.get_data(as_text=True).count("Erste Fassung") >= 1
    not_modified, checked = statements.during(
        lambda: client.get(page, headers={"If-None-Match": again.headers["ETag"]})
    )
    assert not_modified.status_code == 304 and checked == 1  # no bundle loaded
    claim_id = int(url.rsplit("/", 1)[1])
    verdicts.correct_verdict(
        session=session, actor=users["editor"], claim_id=claim_id,
        data=verdicts.VerdictInput(
            rating_id=verdict.rating_id, headline="Zweite Fassung", summary="Neu."
        ),
        expected_version=verdict.version, public=True, note="Korrigiert.",
    )  # fmt: skip
    changed = client.get(page)
    assert "Zweite Fassung" in changed.get_data(as_text=True)
    assert changed.headers["ETag"] != again.headers["ETag"]
    stale = client.get(page, headers={"If-None-Match": again.headers["ETag"]})
    assert stale.status_code == 200


def test_nonce_and_csrf_token_are_this_requests_own(
    make_app, session: Session, users: dict[str, User]
) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    url, _verdict = _published(session, users)
    page = _page(app.test_client(), url)
    nonces = []
    for _ in range(2):
        client = app.test_client()
        response = client.get(page)
        html = response.get_data(as_text=True)
        header = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"])
        assert header is not None
        nonces.append(header.group(1))
        assert f'nonce="{header.group(1)}"' in html
        assert "Mark7Q2" not in html
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
        if token:  # while the report form carries a token, it must be valid for this reader
            report = client.post(
                f"{url}/report",
                data={"csrf_token": token.group(1), "message": "Die Zahl stimmt so nicht."},
            )
            assert report.status_code == 302, report.get_data(as_text=True)[:300]
    assert nonces[0] != nonces[1]


def test_shared_cache_headers_only_for_anonymous_pages_without_cookies(
    app: Flask, session: Session, users: dict[str, User]
) -> None:
    url, _verdict = _published(session, users)
    anonymous = app.test_client(use_cookies=False)
    page = _page(anonymous, url)
    for path in (page, "/"):
        response = anonymous.get(path)
        control = response.headers["Cache-Control"]
        assert "Cookie" in response.headers["Vary"]
        if "Set-Cookie" in response.headers:
            assert "private" in control and "public" not in control
        else:
            assert "public" in control and "max-age=60" in control
            assert "stale-while-revalidate=300" in control
    home = anonymous.get("/")
    assert "Set-Cookie" not in home.headers and "public" in home.headers["Cache-Control"]
    editor = do_login(app.test_client(), "editor")
    personal = editor.get(page)
    # The header names the logged-in person (the byline may name the editor on every copy).
    whoami = f'translate="no">{users["editor"].name}</a>'
    assert whoami in personal.get_data(as_text=True)
    assert "public" not in personal.headers.get("Cache-Control", "")
    # The logged-in copy was not stored for readers, and the reader's copy is not shown to them.
    assert whoami not in anonymous.get(page).get_data(as_text=True)
    assert 'class="whoami"' not in anonymous.get(page).get_data(as_text=True)


@pytest.fixture
def redis_url() -> str:
    url = "redis://127.0.0.1:6379/0"
    redis.Redis.from_url(url).ping()
    return url


def test_redis_store_is_shared_between_apps(
    make_app, session: Session, users: dict[str, User], redis_url: str
) -> None:
    # A fresh template digest per run keeps parallel test runs apart in the shared Redis.
    first = make_app(RENDER_CACHE_REDIS_URL=redis_url, SECRET_KEY="k" * 40)
    first.extensions["claimtrack.template_version"] += uuid.uuid4().hex
    second = make_app(RENDER_CACHE_REDIS_URL=redis_url, SECRET_KEY="k" * 40)
    second.extensions["claimtrack.template_version"] = first.extensions[
        "claimtrack.template_version"
    ]
    url, _verdict = _published(session, users)
    page = _page(first.test_client(), url)
    rendered = first.test_client(use_cookies=False).get(page)
    statements = Statements(second)
    served, count = statements.during(lambda: second.test_client(use_cookies=False).get(page))
    assert served.status_code == 200 and count == 1
    assert served.headers["ETag"] == rendered.headers["ETag"]


def test_local_store_stays_within_its_bound() -> None:
    from claimtrack.web.public.render_cache import Entry, LocalStore

    store = LocalStore(max_chars=250)
    for n in range(10):
        store.put(f"page{n}", Entry(1, 0.0, f"e{n}", None, "x" * 100))
    assert store.chars <= 250
    assert store.get("page9") is not None and store.get("page0") is None


@pytest.mark.parametrize(
    ("path", "mimetype"),
    [("/corrections", "text/html"), ("/feed.atom", "application/atom+xml")],
)
def test_corrections_and_feed_come_from_the_cache_until_a_correction(
    app: Flask, session: Session, users: dict[str, User], path: str, mimetype: str
) -> None:
    url, verdict = _published(session, users)
    client = app.test_client(use_cookies=False)
    statements = Statements(app)
    first, rendered = statements.during(lambda: client.get(path))
    again, cached = statements.during(lambda: client.get(path))
    assert first.status_code == again.status_code == 200
    assert again.mimetype == first.mimetype == mimetype
    assert cached == 1 < rendered  # only the generation check
    assert again.get_data() == first.get_data()
    assert "Zweite Fassung" not in again.get_data(as_text=True)
    assert "Set-Cookie" not in again.headers
    control = again.headers["Cache-Control"]
    assert "public" in control and "max-age=60" in control
    assert "stale-while-revalidate=300" in control and "Cookie" in again.headers["Vary"]
    etag = again.headers["ETag"]
    not_modified, checked = statements.during(
        lambda: client.get(path, headers={"If-None-Match": etag})
    )
    assert not_modified.status_code == 304 and checked == 1  # the list is not loaded
    assert not not_modified.get_data()
    verdicts.correct_verdict(
        session=session, actor=users["editor"], claim_id=int(url.rsplit("/", 1)[1]),
        data=verdicts.VerdictInput(
            rating_id=verdict.rating_id, headline="Zweite Fassung", summary="Neu."
        ),
        expected_version=verdict.version, public=True, note="Korrigiert.",
    )  # fmt: skip
    stale = client.get(path, headers={"If-None-Match": etag})
    assert stale.status_code == 200 and stale.headers["ETag"] != etag
    assert "Zweite Fassung" in stale.get_data(as_text=True)
    assert stale.mimetype == mimetype
    fresh = client.get(path, headers={"If-None-Match": stale.headers["ETag"]})
    assert fresh.status_code == 304


@pytest.mark.parametrize("path", ["/corrections", "/feed.atom"])
def test_corrections_and_feed_are_not_shared_for_logged_in_people(
    app: Flask, session: Session, users: dict[str, User], path: str
) -> None:
    _published(session, users)
    anonymous = app.test_client(use_cookies=False)
    assert "public" in anonymous.get(path).headers["Cache-Control"]
    editor = do_login(app.test_client(), "editor")
    personal = editor.get(path)
    assert personal.status_code == 200
    assert "public" not in personal.headers.get("Cache-Control", "")
    if path == "/corrections":  # the logged-in header was rendered, not the reader's copy served
        assert 'class="whoami"' in personal.get_data(as_text=True)
    assert 'class="whoami"' not in anonymous.get(path).get_data(as_text=True)
