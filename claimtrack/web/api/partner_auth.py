"""Partner tokens for the API and the exports: `Authorization: Bearer <token>` and a per-token limit.

Only the Authorization header is read (never a query parameter or cookie), so tokens do not end up in
access logs, browser histories or Referer headers.

The rate limiter is a small in-process sliding window per token id. Each worker process keeps its own
counts: under gunicorn with N workers a partner can make up to N x the limit per minute, and counts
reset when a worker restarts. That bounds accidental floods from one partner; a hard global quota
would need a shared store (Redis) in front of or behind the app.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from flask import Response, current_app, request
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import OperationalError

from claimtrack.models import PartnerToken
from claimtrack.publishing import export_rows
from claimtrack.services import users

WINDOW_S = 60.0


@dataclass(frozen=True)
class Partner:
    """The authenticated partner of a request (a detached copy: no session needed later)."""

    token_id: int
    partner: str
    scopes: tuple[str, ...]


class AuthFailure(Exception):
    """A request without a usable token (401) or without the needed scope (403)."""

    def __init__(self, status: int, reason: str, *, field: str | None = "Authorization") -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.field = field


def bearer_token() -> str | None:
    """The token of an `Authorization: Bearer …` header, or None."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _lookup(plaintext: str) -> PartnerToken | None:
    """Find the token in a short read session; note its use (once a minute) in a write session.

    Noting the use is bookkeeping for the admins' token list: if that write cannot get the SQLite
    write lock in time, the request is still served.
    """
    db = current_app.extensions["claimtrack.db"]
    with db.session_scope(write=False) as session:
        token = users.find_token(session, plaintext)
        if token is None:
            return None
        session.expunge(token)
    if token.id is not None and users.token_use_due(token):
        with db.session_scope(write=True) as session:
            try:
                users.record_token_use(session=session, token_id=token.id)
            except OperationalError:
                current_app.logger.warning("Last use of token %s not recorded (busy)", token.id)
    return token


def authenticate(scope: str) -> Partner:
    """The partner of this request, or AuthFailure (401 without a valid token, 403 without `scope`)."""
    plaintext = bearer_token()
    if plaintext is None:
        raise AuthFailure(401, "Send a partner token as 'Authorization: Bearer <token>'.")
    token = _lookup(plaintext)
    if token is None or token.id is None:
        raise AuthFailure(401, "The token is unknown, revoked or expired.")
    if scope not in token.scopes:
        raise AuthFailure(403, f"This token lacks the '{scope}' scope.")
    return Partner(token_id=token.id, partner=token.partner, scopes=tuple(token.scopes))


class RateLimiter:
    """At most `limit` requests per token in any 60-second window (sliding log, thread-safe)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._hits: dict[int, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: int, limit: int) -> tuple[bool, int, float]:
        """Count one request: (allowed, remaining, seconds until the oldest counted one expires)."""
        now = self._clock()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= WINDOW_S:
                hits.popleft()
            reset = WINDOW_S - (now - hits[0]) if hits else WINDOW_S
            if len(hits) >= limit:
                return False, 0, reset
            hits.append(now)
            if len(self._hits) > 10_000:
                self._forget_idle(now)
            return True, limit - len(hits), reset

    def _forget_idle(self, now: float) -> None:
        idle = [k for k, h in self._hits.items() if not h or now - h[-1] >= WINDOW_S]
        for key in idle:
            del self._hits[key]


def limiter() -> RateLimiter:
    """The app's limiter (one per app, created on first use)."""
    found = current_app.extensions.get("claimtrack.rate_limiter")
    if found is None:
        found = current_app.extensions.setdefault("claimtrack.rate_limiter", RateLimiter())
    assert isinstance(found, RateLimiter)
    return found


def rate_limit(partner: Partner) -> dict[str, str]:
    """Count the request: the X-RateLimit headers to send, or RateLimited (answered with 429)."""
    limit = int(current_app.config["API_RATE_LIMIT_PER_MINUTE"])
    allowed, remaining, reset = limiter().hit(partner.token_id, limit)
    headers = {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": str(math.ceil(reset)),
    }
    if not allowed:
        raise RateLimited(headers | {"Retry-After": str(math.ceil(reset))})
    return headers


class RateLimited(Exception):
    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__("rate limited")
        self.headers = headers


def error_response(
    status: int, reason: str, field: str | None = None, headers: dict[str, str] | None = None
) -> ResponseReturnValue:
    """The one JSON error shape of the partner endpoints."""
    body = export_rows.to_json({"errors": [{"field": field, "reason": reason}]})
    response = Response(body, status=status, mimetype="application/json")
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="claimtrack"'
    response.headers.update(headers or {})
    return response


def auth_error(exc: AuthFailure) -> ResponseReturnValue:
    return error_response(exc.status, exc.reason, exc.field)


def rate_limited_error(exc: RateLimited) -> ResponseReturnValue:
    return error_response(
        429, "Too many requests for this token; retry after the given seconds.", None, exc.headers
    )
