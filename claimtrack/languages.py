"""The languages claimtrack works in: one list for services, forms, pages and extraction.

Adding a language is: its code here, a name in its own language, a translation catalogue in
`claimtrack/translations/<code>/`, and the rating labels' names in that language (admin, rating
scale page). The text tools (numbers, dates, places) read their word lists per language: a language
without them is stored and shown, and matched on its words alone. Pure: imports nothing of Flask or
the database.
"""

from __future__ import annotations

# The first is the default: pages, claims and verdicts without a language are in it.
LANGUAGES: tuple[str, ...] = ("de", "en")
DEFAULT = LANGUAGES[0]
# Each language's name in that language (the language switcher, form choices).
NAMES: dict[str, str] = {"de": "Deutsch", "en": "English"}


def is_supported(code: object) -> bool:
    return code in LANGUAGES


def or_default(code: object) -> str:
    """`code` when it is one of ours, else the default language."""
    return code if isinstance(code, str) and code in LANGUAGES else DEFAULT


def in_language(texts: dict[str, str], language: str, fallback: str = "") -> str:
    """The text of a per-language dict in `language`, else in the default language, else `fallback`."""
    return texts.get(language) or texts.get(DEFAULT) or fallback
