"""Text folding and tokenisation shared by matching and extraction.

Folding makes spellings that a reader treats as equal compare equal: case, ß/ss, umlauts written
as ``ae``/``oe``/``ue``, accents, Cyrillic (and other scripts) transliterated to ASCII, punctuation
and runs of whitespace. It is idempotent: ``fold(fold(x)) == fold(x)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """One folded token with the character span of the raw word it came from."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one word; may return several space-separated parts or the empty string."""
    lowered = word.casefold().translate(_UMLAUTS)
    if not lowered.isascii():
        lowered = anyascii(lowered).casefold()
    return _NON_WORD.sub(" ", lowered).strip()


def fold(text: str) -> str:
    """Fold a whole text into lowercase ASCII words separated by single spaces."""
    lowered = text.casefold().translate(_UMLAUTS)
    if not lowered.isascii():
        lowered = anyascii(lowered).casefold()
    return " ".join(_NON_WORD.sub(" ", lowered).split())


def tokens(text: str) -> list[Token]:
    """Folded word tokens with the raw spans they came from (for highlighting and offsets)."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        folded = fold_word(m.group())
        for part in folded.split():
            out.append(Token(part, m.start(), m.end()))
    return out


def words(text: str) -> list[str]:
    """Folded word strings only; the cheap form used by scoring."""
    return fold(text).split()
