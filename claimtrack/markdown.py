"""Markdown for verdict text: markdown-it-py with raw HTML off, then nh3 with an allow-list.

Two layers because either alone has gaps: markdown-it escapes raw HTML but still emits links whose
scheme we do not want (relative, `data:`), and nh3 alone would trust whatever HTML the markdown made.
Links keep only http, https and mailto targets and get `rel="nofollow noopener"`.
"""

from __future__ import annotations

import html
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)
# Headings inside a verdict sit below the page's own h1/h2: shift "#" to h3.
_HEADING_SHIFT = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}


def _shift_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _HEADING_SHIFT.get(token.tag, token.tag)


_md.core.ruler.push("shift_headings", _shift_headings)


def safe_link(url: str | None) -> bool:
    """True for absolute http(s) and mailto targets only."""
    if not url:
        return False
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in LINK_SCHEMES:
        return False
    return scheme == "mailto" or bool(urlsplit(url.strip()).netloc)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "a" and attr == "href" and not safe_link(value):
        return None
    return value


def render(text: str | None) -> Markup:
    """Markdown to safe HTML for templates."""
    if not text:
        return Markup("")
    return Markup(_render_cached(text))  # noqa: S704 - sanitised by nh3 in _render_cached


@lru_cache(maxsize=2048)
def _render_cached(text: str) -> str:
    """Rendering is pure and costs a few ms for a long reasoning: popular pages render it once."""
    cleaned = nh3.clean(
        _md.render(text),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=LINK_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return cleaned


def plain(text: str | None) -> str:
    """Markdown to plain text (for feeds' summaries and meta descriptions): render, then drop tags."""
    if not text:
        return ""
    return html.unescape(nh3.clean(_md.render(text), tags=set())).strip()
