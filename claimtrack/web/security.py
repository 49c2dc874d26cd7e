"""Security headers on every response: a strict Content-Security-Policy with a per-request nonce.

The nonce is made before any other request hook (Flask-WTF's CSRF check aborts later hooks), and the
header hook still reads it with `g.get`, so an early error page never turns into a 500.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, g, request

STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def csp_nonce() -> str:
    """This request's nonce for `<script nonce=…>` (templates may also read `g.get('csp_nonce')`)."""
    nonce = g.get("csp_nonce")
    if not nonce:
        nonce = secrets.token_urlsafe(18)
        g.csp_nonce = nonce
    return str(nonce)


def content_security_policy(nonce: str) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ]
    )


def _make_nonce() -> None:
    csp_nonce()


def _add_headers(response: Response) -> Response:
    nonce = g.get("csp_nonce") or csp_nonce()
    response.headers["Content-Security-Policy"] = content_security_policy(nonce)
    for name, value in STATIC_HEADERS.items():
        response.headers.setdefault(name, value)
    # Only a request that really came over HTTPS: `X-Forwarded-Proto` counts only when a trusted
    # proxy set it (TRUSTED_PROXIES: ProxyFix turns it into the request's scheme).
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    # Desk pages show unpublished work, /account personal data: keep them out of shared caches and
    # the back-forward cache.
    if _is_private(response):
        response.headers["Cache-Control"] = "no-store"
    return response


def _is_private(response: Response) -> bool:
    if request.endpoint == "static" or "Cache-Control" in response.headers:
        return False
    return request.path.startswith(("/desk", "/admin", "/login", "/account"))


def init_app(app: Flask) -> None:
    # First in line: runs even when the CSRF check (registered earlier) rejects the request.
    app.before_request_funcs.setdefault(None, []).insert(0, _make_nonce)
    app.after_request(_add_headers)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
