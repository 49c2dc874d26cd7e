"""Rendered reader pages kept per version, so an anonymous reader's page costs one query, not eight
queries and a template render.

An entry holds a page's HTML with its validators (ETag, Last-Modified) and the *generation* it was
checked at: the newest audit event id. Every use case writes an audit event in its transaction, so an
unchanged generation means nothing a reader sees has changed: the entry is served, or a 304 when the
client's ETag matches, without loading the page's data. When the generation moved (some change
somewhere) the page's data is loaded and its ETag compared: same content, same HTML, no render.
Entries are re-checked against the data at least every `RENDER_CACHE_TRUST_S` seconds, which bounds
the one gap of the generation: a transaction that took an audit id before another's but committed
after it.

Keys: page, URL (path and query), language, the anonymous vary key, and a digest of the templates and
translation catalogues (a deploy with new templates never serves old HTML). Only anonymous GETs use
the cache (no logged-in user, no pending flash message). Per-request values are placeholders in the
stored HTML, filled on the way out: the CSP nonce and, while the report form carries one, the CSRF
token (filling it gives the reader a session, as before; such answers are not marked public).

Store: in-process LRU (`RENDER_CACHE_MB` of HTML per worker, default 32), or Redis when
`RENDER_CACHE_REDIS_URL` is set so that all workers and servers share one copy (JSON, never pickle).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from flask import Flask, Response, current_app, g, make_response, request, session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import text
from sqlmodel import Session

from claimtrack.web.auth import current_actor_or_none
from claimtrack.web.security import csp_nonce

NONCE_MARK = "ctNonceMark7Q2"
CSRF_MARK = "ctCsrfMark7Q2"
_ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Entry:
    """One rendered page and what it was checked against."""

    generation: int
    checked_at: float
    etag: str
    last_modified: str | None
    html: str
    mimetype: str = "text/html"  # the Atom feed is cached too

    def modified(self) -> datetime | None:
        return datetime.fromisoformat(self.last_modified) if self.last_modified else None


class Store(Protocol):
    def get(self, key: str) -> Entry | None: ...
    def put(self, key: str, entry: Entry) -> None: ...


class LocalStore:
    """A least-recently-used map bounded by the characters of HTML it holds, per process; safe
    under threaded servers."""

    def __init__(self, max_chars: int) -> None:
        self.max_chars = max(1, max_chars)
        self.chars = 0
        self._items: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.chars -= len(old.html)
            self._items[key] = entry
            self.chars += len(entry.html)
            while self.chars > self.max_chars and len(self._items) > 1:
                _key, dropped = self._items.popitem(last=False)
                self.chars -= len(dropped.html)


class RedisStore:
    """Shared by every worker and server pointing at the same Redis; entries expire on their own."""

    def __init__(self, url: str, ttl_s: int) -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.ttl_s = ttl_s

    def get(self, key: str) -> Entry | None:
        try:
            raw = self.client.get("claimtrack:page:" + key)
        except Exception:  # noqa: BLE001 — the cache is optional: render instead
            return None
        if raw is None:
            return None
        try:
            return Entry(**json.loads(raw))
        except (TypeError, ValueError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        try:
            self.client.set("claimtrack:page:" + key, json.dumps(asdict(entry)), ex=self.ttl_s)
        except Exception:  # noqa: BLE001
            return


def init_app(app: Flask) -> None:
    app.config.setdefault("RENDER_CACHE_MB", 32)  # per worker, in-process store only
    app.config.setdefault("RENDER_CACHE_REDIS_URL", "")
    app.config.setdefault("RENDER_CACHE_TRUST_S", 60)
    app.config.setdefault("PUBLIC_MAX_AGE_S", 60)
    app.config.setdefault("PUBLIC_STALE_S", 300)
    url = str(app.config["RENDER_CACHE_REDIS_URL"] or "")
    ttl = 24 * 3600
    local_chars = int(float(app.config["RENDER_CACHE_MB"]) * 1024 * 1024)
    store: Store = RedisStore(url, ttl) if url else LocalStore(local_chars)
    app.extensions["claimtrack.render_cache"] = store
    # The database names the site: two sites sharing one Redis never see each other's pages.
    site = hashlib.sha256(str(app.config["DATABASE_URL"]).encode()).hexdigest()[:12]
    app.extensions["claimtrack.template_version"] = f"{site}.{template_version(app)}"


def template_version(app: Flask) -> str:
    """Digest of every template and translation catalogue this app renders with."""
    digest = hashlib.sha256()
    folders = [
        Path(app.template_folder or _ROOT / "templates"),
        _ROOT / "claimtrack" / "translations",
    ]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".mo", ".txt", ".xml") and path.is_file():
                digest.update(str(path.relative_to(folder)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def store() -> Store:
    found: Store = current_app.extensions["claimtrack.render_cache"]
    return found


def usable() -> bool:
    """Anonymous GET/HEAD without a pending flash message, and not in debug mode (live templates)."""
    if request.method not in ("GET", "HEAD") or current_app.debug:
        return False
    if "_flashes" in session:
        return False
    return current_actor_or_none() is None


def key(page: str, vary: str) -> str:
    version = current_app.extensions["claimtrack.template_version"]
    raw = f"{page}|{request.path}|{request.query_string.decode('latin-1')}|{vary}|{version}"
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


def generation(db: Session) -> int:
    """The newest audit event id: moves with every change any use case makes."""
    value = db.connection().execute(text("SELECT max(id) FROM audit_event")).scalar()
    return int(value or 0)


def trusted(entry: Entry | None, current: int) -> bool:
    """True when `entry` may be served without looking at the page's data."""
    if entry is None or entry.generation != current:
        return False
    return time.monotonic() - entry.checked_at < float(current_app.config["RENDER_CACHE_TRUST_S"])


def placeholders() -> None:
    """Render the next template with marks instead of this request's nonce and CSRF token."""
    g.real_csp_nonce = csp_nonce()
    g.csp_nonce = NONCE_MARK
    g.csrf_token = CSRF_MARK  # Flask-WTF reuses a token already made for this request


def finish_render() -> None:
    """Back to this request's own nonce (the CSP header needs it) and no token made yet."""
    if "real_csp_nonce" in g:
        g.csp_nonce = g.pop("real_csp_nonce")
    if g.get("csrf_token") == CSRF_MARK:
        g.pop("csrf_token")


def keep(
    cache_key: str,
    gen: int,
    etag: str,
    last_modified: datetime | None,
    html: str,
    mimetype: str = "text/html",
) -> Entry:
    stamp = last_modified.isoformat() if last_modified else None
    entry = Entry(gen, time.monotonic(), etag, stamp, html, mimetype)
    store().put(cache_key, entry)
    return entry


def confirm(cache_key: str, entry: Entry, gen: int) -> Entry:
    """The data was checked and the page is unchanged: trust it at this generation."""
    entry.generation, entry.checked_at = gen, time.monotonic()
    store().put(cache_key, entry)
    return entry


def respond(entry: Entry) -> Response:
    """The stored page for this request: 304 when the client has it, else the HTML with this
    request's nonce (and CSRF token), cacheable by shared caches unless it gave out a session."""
    response = make_response("")
    response.mimetype = entry.mimetype
    response.set_etag(entry.etag)
    modified = entry.modified()
    if modified is not None:
        response.last_modified = modified
    response.make_conditional(request)
    if response.status_code != 304:
        html = entry.html
        if NONCE_MARK in html:
            html = html.replace(NONCE_MARK, csp_nonce())
        if CSRF_MARK in html:
            html = html.replace(CSRF_MARK, generate_csrf())
        response.set_data(html)
    public_headers(response)
    return response


def public_headers(response: Response) -> None:
    """Shared caches may keep an anonymous page briefly and serve it stale while revalidating;
    a response that sets a cookie stays private. Either way it varies with the cookie and with
    Accept-Language (an anonymous reader's language comes from the `lang` cookie or the browser)."""
    response.vary.update(("Accept-Language", "Cookie"))
    if session.modified:
        response.cache_control.no_cache = True
        response.cache_control.private = True
        return
    response.cache_control.public = True
    response.cache_control.max_age = int(current_app.config["PUBLIC_MAX_AGE_S"])
    stale = int(current_app.config["PUBLIC_STALE_S"])
    if stale:
        response.cache_control.stale_while_revalidate = stale
