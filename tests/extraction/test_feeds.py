"""Feeds and sitemaps -> items: RSS, Atom, Google News sitemaps, sitemap indexes, bad input."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimtrack.extraction.feeds import FEED, SITEMAP, FeedError, detect_kind, parse_source
from tests.services.monitoring.site import news_sitemap, rss, sitemap_index

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-11-30T10:00:00Z</updated>
<entry><title>Alt</title><id>urn:1</id><link href="https://a.example/alt"/><updated>2026-11-29T10:00:00Z</updated></entry>
<entry><title>Neu</title><id>urn:2</id><link href="https://a.example/neu"/><updated>2026-11-30T10:00:00Z</updated></entry>
<entry><title>Kein Link</title><id>urn:3</id><link href="javascript:alert(1)"/></entry>
</feed>"""


def test_rss_items_newest_first_with_titles_and_dates() -> None:
    doc = rss("T", [("https://t.example/1", "Eins"), ("https://t.example/2", "Zwei")]).encode()
    parsed = parse_source(doc)
    assert parsed.kind == FEED and [i.title for i in parsed.items] == ["Eins", "Zwei"]
    assert parsed.items[0].published == datetime(2026, 11, 30, 12, tzinfo=UTC)


def test_atom_items_and_non_http_links_dropped() -> None:
    parsed = parse_source(ATOM)
    assert [i.url for i in parsed.items] == ["https://a.example/neu", "https://a.example/alt"]


def test_google_news_sitemap_and_sitemap_index() -> None:
    doc = news_sitemap([("https://t.example/a", "A"), ("https://t.example/b", "B")]).encode()
    assert detect_kind(doc) == SITEMAP
    parsed = parse_source(doc)
    assert parsed.kind == SITEMAP and {i.title for i in parsed.items} == {"A", "B"}
    assert parsed.items[0].url == "https://t.example/b"  # 12:01 is newer than 12:00
    index = parse_source(
        sitemap_index(["https://t.example/s1.xml", "https://t.example/s2.xml"]).encode()
    )
    assert index.items == [] and [c.url for c in index.children][0] == "https://t.example/s1.xml"


@pytest.mark.parametrize(
    ("doc", "kind", "message"),
    [
        (b"", None, "empty"),
        (b"<rss><channel><item>", None, "not a readable RSS"),
        (b"<html><body>hi</body></html>", FEED, "not a readable RSS"),
        (b"<urlset><url><loc>https://x", None, "not a readable sitemap"),
        (b"<?xml version='1.0'?><other/>", SITEMAP, "not a sitemap"),
        (
            b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<urlset><url><loc>&b;</loc></url></urlset>",
            None,
            "not a readable sitemap",
        ),
    ],
)
def test_bad_documents_raise_a_readable_error(doc: bytes, kind: str | None, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_source(doc, kind)
