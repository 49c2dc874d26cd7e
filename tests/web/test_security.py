"""Security headers on every response, a fresh CSP nonce per request, no stack traces."""

from __future__ import annotations

import re

import pytest

CSP_PARTS = [
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
]


def _nonce(csp: str) -> str:
    match = re.search(r"script-src 'self' 'nonce-([A-Za-z0-9_-]{20,})'", csp)
    assert match, csp
    return match.group(1)


@pytest.mark.parametrize("path", ["/login", "/admin/", "/no-such-page", "/static/claimtrack.css"])
def test_headers_on_every_response(client, path):
    response = client.get(path)
    response.close()  # a static file response holds its file open until closed
    csp = response.headers["Content-Security-Policy"]
    for part in CSP_PARTS:
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    _nonce(csp)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_nonce_is_fresh_per_request(client):
    a = _nonce(client.get("/login").headers["Content-Security-Policy"])
    b = _nonce(client.get("/login").headers["Content-Security-Policy"])
    assert a != b


def test_csrf_rejection_still_gets_headers_and_a_page(csrf_app):
    response = csrf_app.test_client().post("/logout")
    assert response.status_code == 400
    _nonce(response.headers["Content-Security-Policy"])
    assert "Traceback" not in response.get_data(as_text=True)


def test_desk_pages_are_not_cached(client, login):
    login(client, "admin")
    assert client.get("/admin/").headers["Cache-Control"] == "no-store"
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/login").headers
    secure = client.get("/login", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_no_inline_scripts_or_styles_in_platform_pages(client, login):
    login(client, "admin")
    for path in ["/login", "/admin/", "/admin/users", "/admin/tokens", "/admin/ratings",
                 "/admin/matching", "/admin/audit"]:  # fmt: skip
        html = client.get(path).get_data(as_text=True)
        assert " style=" not in html, path
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)", html), path
        assert not re.search(r"\son[a-z]+=", html), path


def test_unexpected_errors_show_no_stack_trace(app, client):
    @app.get("/admin/__boom")
    def boom():
        raise RuntimeError("secret internals")

    response = client.get("/admin/__boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body
    _nonce(response.headers["Content-Security-Policy"])
