"""Main text and metadata of a saved or fetched HTML page, via trafilatura.

trafilatura is a maintained main-content extractor with metadata (title, site name,
author, date, canonical URL) from <meta>, JSON-LD and the markup. We hand it decoded
text (never let it download anything) and run its output through the same cleanup as
pasted text, which removes the repeated headline and any teaser lists it kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from claimtrack.extraction.cleanup import clean_pasted_text, normalise_text
from claimtrack.extraction.decode import InputError

_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What the page says about itself, plus the article text."""

    title: str
    body: str
    byline: str = ""
    outlet: str = ""
    published: str | None = None  # ISO date
    url: str | None = None  # canonical URL when the page declares one


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """Extract article text and metadata; InputError when the page holds no article text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text or document is None or isinstance(document, dict):
        raise InputError("no article text found in the HTML page")
    title = normalise_text(document.title or "").strip()
    page = clean_pasted_text(text, title=title or None)
    if not page.body.strip():
        raise InputError("no article text found in the HTML page")
    return HtmlPage(
        title=page.title,
        body=page.body,
        byline=normalise_text(document.author or "") or page.byline,
        outlet=normalise_text(document.sitename or "") or _host(document.hostname),
        published=document.date or page.published,
        url=document.url or url,
    )


def looks_like_html(text: str) -> bool:
    """True when `text` is markup rather than plain or pasted text."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in text[:20000].lower() and "</" in head
    )


def _host(hostname: str | None) -> str:
    if not hostname:
        return ""
    return hostname.removeprefix("www.")
