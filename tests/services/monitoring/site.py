"""A local news site on 127.0.0.1 for monitoring tests and the benchmark: feeds, sitemaps and
articles built from Python data, with ETag support and a request log."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.local_server import LocalServer

RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass
class Page:
    body: bytes
    content_type: str = HTML
    status: int = 200


@dataclass
class Site:
    server: LocalServer
    pages: dict[str, Page] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: str | bytes, content_type: str = HTML, status: int = 200) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.pages[path] = Page(data, content_type, status)
        return self.url(path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_site() -> Site:
    holder: dict[str, Site] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site = holder["site"]
            site.hits[self.path] += 1
            page = site.pages.get(self.path)
            if page is None:
                self._answer(404, b"missing", "text/plain")
                return
            etag = '"' + hashlib.sha256(page.body).hexdigest()[:16] + '"'
            if page.status == 200 and self.headers.get("If-None-Match") == etag:
                site.not_modified[self.path] += 1
                self._answer(304, b"", "", etag)
                return
            self._answer(page.status, page.body, page.content_type, etag)

        def _answer(self, status: int, body: bytes, ctype: str, etag: str = "") -> None:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = LocalServer(("127.0.0.1", 0), Handler)  # joins its request threads on close
    holder["site"] = Site(server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return holder["site"]


def rss(title: str, items: list[tuple[str, str]], start: datetime | None = None) -> str:
    """An RSS 2.0 feed of (url, title) items, the first one newest."""
    start = start or datetime(2026, 11, 30, 12, tzinfo=UTC)
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f"<pubDate>{(start - timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')}"
        "</pubDate></item>"
        for i, (u, t) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    )


def news_sitemap(items: list[tuple[str, str]]) -> str:
    """A Google News sitemap of (url, title) items."""
    urls = "".join(
        f"<url><loc>{escape(u)}</loc><news:news><news:publication>"
        "<news:name>Tagesblatt</news:name><news:language>de</news:language></news:publication>"
        f"<news:publication_date>2026-11-30T12:{i % 60:02d}:00Z</news:publication_date>"
        f"<news:title>{escape(t)}</news:title></news:news></url>"
        for i, (u, t) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    )


def sitemap_index(children: list[str]) -> str:
    entries = "".join(
        f"<sitemap><loc>{escape(u)}</loc><lastmod>2026-11-{30 - i:02d}</lastmod></sitemap>"
        for i, u in enumerate(children)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    )


def article(title: str, paragraphs: list[str], outlet: str = "Tagesblatt") -> str:
    """A news article page the intake's extractor reads like a real one."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="og:site_name" content="{escape(outlet)}">'
        '<meta property="article:published_time" content="2026-11-30T10:00:00Z"></head>'
        f"<body><header><nav><a href='/'>Start</a></nav></header><main><article>"
        f"<h1>{escape(title)}</h1>{body}</article></main><footer>Impressum</footer></body></html>"
    )
