"""Text folding and tokenisation shared by matching and extraction.

Folding makes spellings that a reader treats as equal compare equal: case, ß/ss, umlauts written
as ``ae``/``oe``/``ue``, accents, Cyrillic (and other scripts) transliterated to ASCII, punctuation
and runs of whitespace. It is idempotent: ``fold(fold(x)) == fold(x)``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_WORD_SPLIT = re.compile(r"(\w+)", re.UNICODE)


class Token(NamedTuple):
    """One folded token with the character span of the raw word it came from.

    A named tuple, not a dataclass: ``prepare`` makes about fifteen per claim, and a tuple is
    built at a third of a frozen dataclass's cost.
    """

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


@lru_cache(maxsize=65536)
def _word_parts(word: str) -> tuple[str, ...]:
    """The folded parts of one raw word ("Alma-Ata" is two words already; "Straße" one)."""
    return tuple(fold_word(word).split())


_new_token = tuple.__new__


def fold_words(text: str) -> list[str]:
    """``fold(text).split()`` without joining the words only to split them again."""
    lowered = text.casefold().translate(_UMLAUTS)
    if not lowered.isascii():
        lowered = anyascii(lowered).casefold()
    return _NON_WORD.sub(" ", lowered).split()


def tokens(text: str) -> list[Token]:
    """Folded word tokens with the raw spans they came from (for highlighting and offsets).

    The text is split into alternating gaps and words (one C call) and the spans are counted
    from their lengths: a third less time than a match object per word."""
    out: list[Token] = []
    append = out.append
    pieces = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    pos = len(pieces[0])
    rest = iter(pieces)
    next(rest)
    for word, gap in zip(rest, rest, strict=True):
        end = pos + len(word)
        parts = _word_parts(word)
        if len(parts) == 1:
            append(_new_token(Token, (parts[0], pos, end)))
        else:
            for part in parts:
                append(_new_token(Token, (part, pos, end)))
        pos = end + len(gap)
    return out


def words(text: str) -> list[str]:
    """Folded word strings only; the cheap form used by scoring."""
    return fold(text).split()
