"""Sentence splitting for German and English news text, linear in the input.

One pass over each line with a single regular expression for possible sentence ends
(".", "!", "?", "…" with any closing quotes or brackets, then white space); each is kept
or dropped by looking at the word before and the character after it:

- abbreviations ("Dr.", "z. B.", "u. a.", "Gov.", "U.S.") and initials ("Richard E.
  Hoagland") never end a sentence;
- German ordinals ("am 2. Januar", "zum 32. Mal") do not, years ("seit 2010. Damals") do;
- a lower-case word after the stop continues the sentence ("… rund 2,7 Mio. euro" aside).

Quotes are split like any other text: each sentence of a long quote is a claim of its own,
and attribution carries the speaker across them. A line without a sentence end longer than
`MAX_SENTENCE` characters is cut at a comma or space, so no later step ever sees an
unbounded "sentence" (a paste without punctuation stays linear). We used pysbd before: its
quality was similar on news prose, but its cost grew with the square of a line's length
(80 kB of list-like text took over a minute).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extraction.lexicon import words

MAX_SENTENCE = 1_500


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence and its character offsets in the text it came from."""

    text: str
    start: int
    end: int


_STOP = re.compile(r"(?:[.!?…]+)[\"'“”„»«’‘)\]]*(?=\s+\S)")
_WORD_BEFORE = re.compile(r"([\w.'’\-]*)$")
_ABBREVIATIONS = words(
    # German
    "dr prof st nr bzw ca vgl z b u a d h usw etc mio mrd jh jhd abs art str tel hr hrsg inkl "
    "ggf evtl sog gegr geb dipl ing med rer nat phil jur std sek jan feb mär apr jun jul aug "
    "sep sept okt nov dez co kap bd bsp ff insb lt max mind zzgl abb tab pkt v chr n s o e i "
    "ua zb dh iss ehem stellv bzgl ggü sen jun gen "
    # English
    "mr mrs ms sr jr no vs e.g i.e inc ltd corp gov rep col capt sgt rev oct dec approx "
    "u.s u.k u.n a.m p.m mt ft ave dept univ est fig gen lt cmdr adm brig maj messrs pres "
    "u.s.a e.u"
)
# Abbreviations that are also ordinary words: only before a number ("Nr. 5", "No. 10").
_BEFORE_NUMBER = frozenset({"no", "nr", "art", "abs", "s", "fig", "bd", "kap"})
_ORDINAL_LEAD = words(
    "am zum vom im bis seit ab zur beim der die das den dem des ihr ihrem ihren sein seinem "
    "seinen ihres seines jedem jeden jeder und oder"
)
_MONTH = re.compile(
    r"(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|"
    r"dezember|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\b",
    re.I,
)
_CUT = re.compile(r"[,;:]\s|\s")


def split_sentences(text: str, language: str = "de") -> list[Sentence]:
    """Split `text` into sentences with offsets; blank lines and lines are hard boundaries."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        start = 0
        for match in _STOP.finditer(line):
            end = match.end()
            if _is_boundary(line, match.start(), end, language):
                _add(sentences, line, start, end, line_start)
                start = end
        _add(sentences, line, start, len(line), line_start)
    return sentences


def _add(out: list[Sentence], line: str, start: int, end: int, base: int) -> None:
    """Append line[start:end] stripped, cut into pieces of at most MAX_SENTENCE characters."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        window = line[start + MAX_SENTENCE // 2 : start + MAX_SENTENCE]
        cuts = [m.end() for m in _CUT.finditer(window)]
        cut = start + MAX_SENTENCE // 2 + cuts[-1] if cuts else start + MAX_SENTENCE
        _add(out, line, start, cut, base)
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(line[start:end], base + start, base + end))


def _is_boundary(line: str, stop: int, end: int, language: str) -> bool:
    """Whether the stop at line[stop:end] ends a sentence (looks at a bounded window only,
    so a line of any length is split in linear time)."""
    following = line[end : end + 40].lstrip()[:1]
    if following.islower() or following in (",", ";", ":"):
        return False
    if line[stop] != ".":
        return True
    word = _WORD_BEFORE.search(line[max(0, stop - 40) : stop])
    before = word.group(1) if word else ""
    low = before.lower().strip(".")
    if not low:
        return True
    if low in _ABBREVIATIONS or "." in before.strip("."):  # "z.B.", "U.S."
        return low in _BEFORE_NUMBER and not following.isdigit()
    if len(before) == 1 and before.isalpha() and before.isupper():
        return False  # an initial: "Richard E. Hoagland"
    if before.isdigit() and len(before) <= 3 and language == "de":
        return not _is_ordinal(line, stop, end)
    return True


def _is_ordinal(line: str, stop: int, end: int) -> bool:
    """German "am 2. Januar", "zum 32. Mal", "im 19. Jahrhundert": a number that is an
    ordinal, not the end of a sentence."""
    if _MONTH.match(line[end : end + 40].lstrip()):
        return True
    before = line[max(0, stop - 40) : stop].rstrip().rsplit(maxsplit=2)
    lead = before[-2].lower() if len(before) >= 2 else ""
    return lead in _ORDINAL_LEAD
