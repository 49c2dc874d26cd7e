"""Watched sources: an RSS/Atom feed or a sitemap (plain, Google News, or an index) -> its items.

Pure: bytes in, items out; fetching is the caller's (through the safe fetcher). Feeds are read
by `feedparser` (given bytes only, so it never fetches anything itself); sitemaps by
`defusedxml`, which refuses entity expansion and external references (a hostile sitemap cannot
blow up memory or read local files).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser  # type: ignore[import-untyped]
from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import ParseError, fromstring  # type: ignore[import-untyped]

FEED, SITEMAP = "feed", "sitemap"
KINDS = (FEED, SITEMAP)
# At most this many items are read from one document (a feed of the last 20 years is cut).
MAX_ITEMS = 500
_SITEMAP_ROOTS = ("urlset", "sitemapindex")


class FeedError(ValueError):
    """The document is not a feed or sitemap that can be read."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str = ""
    published: datetime | None = None


@dataclass(frozen=True)
class ParsedSource:
    kind: str  # FEED or SITEMAP
    items: list[FeedItem] = field(default_factory=list)
    # Child sitemaps of a sitemap index, newest first (the caller fetches a few of them).
    children: list[FeedItem] = field(default_factory=list)


def detect_kind(content: bytes) -> str:
    """SITEMAP when the root element is <urlset> or <sitemapindex>, else FEED."""
    head = content[:2000].lower()
    return SITEMAP if any(b"<" + r.encode() in head for r in _SITEMAP_ROOTS) else FEED


def parse_source(content: bytes, kind: str | None = None) -> ParsedSource:
    """Items of a feed or sitemap, newest first; FeedError when it cannot be read."""
    if not content.strip():
        raise FeedError("the document is empty")
    kind = kind or detect_kind(content)
    return parse_sitemap(content) if kind == SITEMAP else parse_feed(content)


def parse_feed(content: bytes) -> ParsedSource:
    parsed: Any = feedparser.parse(content)
    entries = parsed.get("entries") or []
    items = []
    for entry in entries[:MAX_ITEMS]:
        url = _http(entry.get("link"))
        if url:
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            items.append(FeedItem(url, str(entry.get("title") or "")[:1000], _from_struct(stamp)))
    # A slightly broken feed that still lists articles is read (many are); one that does not is
    # an error to show, not an empty feed.
    if not items and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception")
        raise FeedError(f"not a readable RSS or Atom feed ({_short(reason)})")
    return ParsedSource(FEED, _newest_first(items))


def parse_sitemap(content: bytes) -> ParsedSource:
    try:
        root = fromstring(content)
    except (ParseError, DefusedXmlException) as exc:
        raise FeedError(f"not a readable sitemap ({_short(exc)})") from exc
    name = _local(root.tag)
    if name not in _SITEMAP_ROOTS:
        raise FeedError(f"not a sitemap (root element <{name}>)")
    entries = [_sitemap_entry(child) for child in list(root)[:MAX_ITEMS]]
    found = _newest_first([e for e in entries if e is not None])
    if name == "sitemapindex":
        return ParsedSource(SITEMAP, [], found)
    return ParsedSource(SITEMAP, found)


def _sitemap_entry(element: Any) -> FeedItem | None:
    values: dict[str, str] = {}
    for node in element.iter():
        name = _local(node.tag)
        if name in ("loc", "lastmod", "title", "publication_date") and name not in values:
            values[name] = (node.text or "").strip()
    url = _http(values.get("loc"))
    if not url:
        return None
    when = _from_iso(values.get("publication_date") or values.get("lastmod") or "")
    return FeedItem(url, values.get("title", "")[:1000], when)


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _http(url: Any) -> str:
    text = str(url or "").strip()
    return text if text.startswith(("http://", "https://")) and len(text) <= 2000 else ""


def _from_struct(stamp: Any) -> datetime | None:
    try:
        return datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
    except (TypeError, ValueError, OverflowError):
        return None


def _from_iso(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _newest_first(items: list[FeedItem]) -> list[FeedItem]:
    """Newest first, undated last, each URL once (in document order among equals)."""
    seen: set[str] = set()
    unique = [i for i in items if not (i.url in seen or seen.add(i.url))]  # type: ignore[func-returns-value]
    floor = datetime.min.replace(tzinfo=UTC)
    return sorted(unique, key=lambda i: i.published or floor, reverse=True)


def _short(reason: object) -> str:
    text = str(reason or "no entries").strip().splitlines()
    return (text[0] if text else "no entries")[:200]
