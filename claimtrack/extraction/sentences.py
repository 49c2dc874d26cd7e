"""Sentence splitting for German and English news text.

pysbd keeps German ordinal dates ("am 2. Januar"), numbers ("2.000", "20.01.1990"),
abbreviations ("Dr.", "z. B.") and quoted speech („…“) inside one sentence, where
simpler splitters break after "2.". We split paragraph by paragraph (a line break in
cleaned text is always a boundary) and compute offsets ourselves, because pysbd's own
char spans drift when a sentence repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence and its character offsets in the text it came from."""

    text: str
    start: int
    end: int


# A sentence end followed by more text; a line without one is a single sentence and
# skips pysbd (about half the lines of a news page, and pysbd is the slow step).
_INNER_END = re.compile(r"[.!?…:;][\"'“”„»«’)\]]*\s+\S")


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language="de" if language == "de" else "en", clean=False)


def split_sentences(text: str, language: str) -> list[Sentence]:
    """Split `text` into sentences with offsets; blank lines and lines are hard boundaries."""
    segmenter = _segmenter(language)
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        if not _INNER_END.search(line.strip()):
            stripped = line.strip()
            found = line.find(stripped)
            sentences.append(
                Sentence(stripped, line_start + found, line_start + found + len(stripped))
            )
            continue
        cursor = 0
        for piece in segmenter.segment(line):
            stripped = piece.strip()
            if not stripped:
                continue
            found = line.find(stripped, cursor)
            if found < 0:  # pysbd never rewrites text with clean=False; stay defensive
                found = cursor
            cursor = found + len(stripped)
            sentences.append(Sentence(stripped, line_start + found, line_start + cursor))
    return sentences
