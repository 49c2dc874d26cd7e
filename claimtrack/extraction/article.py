"""Any input to an article: a pasted page, saved HTML, a headline, one sentence or a post.

This is the one pure entry point intake uses before anything is stored: it decides what
the article text is and refuses, with a message the desk can show, what is not a story
(nothing readable, or more text than one story can be). A headline or a single sentence
is a story of one sentence: its text is both title and body, so it gets candidates like
any page (the headline candidate and the identical body sentence are one candidate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extraction.cleanup import clean_pasted_text, normalise_text
from claimtrack.extraction.decode import InputError
from claimtrack.extraction.html import extract_html, looks_like_html

# Longest article text we extract from: about 15,000 words, more than a long read.
# Beyond this a paste is a whole site or a data dump, and reading it would keep a request
# (and every later view of the story) busy for seconds; it is refused before storing.
MAX_ARTICLE_CHARS = 100_000
# A pasted page may carry menus, teasers and footers around its article, but a paste of more
# than this (or of more lines) is refused before cleanup even looks at it.
MAX_PASTE_CHARS = 4 * MAX_ARTICLE_CHARS
MAX_PASTE_LINES = 20_000
_LETTER = re.compile(r"[^\W\d_]")


class ArticleTooLong(InputError):
    """More article text than one story can be (the caller shows its own message)."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(
            f"the article text is {length:,} characters long; intake reads at most "
            f"{limit:,} characters: paste one story at a time"
        )
        self.length = length
        self.limit = limit


class PasteTooLong(InputError):
    """A paste too large to even clean up: refused before it is read."""

    def __init__(self, length: int, lines: int) -> None:
        super().__init__(
            f"the pasted text has {length:,} characters in {lines:,} lines; intake takes at most "
            f"{MAX_PASTE_CHARS:,} characters in {MAX_PASTE_LINES:,} lines: paste one story at a time"
        )
        self.length = length
        self.lines = lines


@dataclass(frozen=True, slots=True)
class Article:
    """The article parts of an input, as intake stores them."""

    title: str
    body: str
    byline: str = ""
    outlet: str = ""
    published: str | None = None  # ISO date
    url: str | None = None  # canonical URL an HTML page declares
    short: bool = False  # a headline, sentence or post rather than a page


def prepare_article(text: str, title: str | None = None, url: str | None = None) -> Article:
    """The article in `text` (pasted page, HTML source or a short text); InputError if none."""
    if not text.strip():
        raise InputError("the text is empty")
    html = looks_like_html(text)
    lines = text.count("\n") + 1
    if not html and (len(text) > MAX_PASTE_CHARS or lines > MAX_PASTE_LINES):
        raise PasteTooLong(len(text), lines)
    if html:
        page = extract_html(text, url=url)
        article = Article(page.title, page.body, page.byline, page.outlet, page.published, page.url)
    else:
        clean = clean_pasted_text(text, title=title)
        article = Article(
            clean.title, clean.body, clean.byline, clean.outlet, clean.published, None
        )
        if not clean.body.strip():
            article = _short_text(text, title)
    if len(article.body) > MAX_ARTICLE_CHARS:
        raise ArticleTooLong(len(article.body), MAX_ARTICLE_CHARS)
    return article


def _short_text(text: str, title: str | None) -> Article:
    """A headline, a sentence or a post: its lines are the body, the first line the title."""
    lines = [ln for ln in normalise_text(text).split("\n") if ln.strip()]
    body = "\n".join(lines)
    if not _LETTER.search(body):
        raise InputError("no article text found in the input")
    return Article(title=title or lines[0], body=body, short=True)
