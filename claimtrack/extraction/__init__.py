"""Story intake text logic: cleanup, HTML extraction, language, sentences, candidates.

Pure: no Flask, SQLModel or app imports; plain values in and out.
"""

from claimtrack.extraction.article import MAX_ARTICLE_CHARS, Article, prepare_article
from claimtrack.extraction.candidates import DEFAULT_MIN_SCORE, Candidate, extract_candidates
from claimtrack.extraction.cleanup import CleanPage, clean_pasted_text
from claimtrack.extraction.decode import InputError, decode_bytes
from claimtrack.extraction.html import HtmlPage, extract_html, looks_like_html
from claimtrack.extraction.language import detect_language

__all__ = [
    "MAX_ARTICLE_CHARS",
    "Article",
    "prepare_article",
    "DEFAULT_MIN_SCORE",
    "Candidate",
    "CleanPage",
    "HtmlPage",
    "InputError",
    "clean_pasted_text",
    "decode_bytes",
    "detect_language",
    "extract_candidates",
    "extract_html",
    "looks_like_html",
]
