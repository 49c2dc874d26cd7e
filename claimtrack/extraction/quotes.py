"""Where quoted speech runs: across sentences and paragraphs, in German and English styles.

German quotes open with „ (or ») and close with “ (or «); English ones open with “ and
close with ”; straight quotes " toggle. A quote left open at the end of a paragraph goes
on into the next one when that paragraph starts with a quote mark again (English style)
or closes one before it opens one (German style, no mark at the paragraph start);
otherwise it is taken as closed, so one stray mark never swallows a story.

For each sentence we return whether it starts inside a quote, whether it ends inside one,
and a copy with the quoted words blanked out: reporting cues are looked for only outside
quotes ("Wer jetzt noch behauptet, …" inside a quote credits nobody).
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = frozenset("„")
TOGGLES = frozenset('“”"«»')
MARKS = OPENERS | TOGGLES


@dataclass(frozen=True, slots=True)
class QuoteState:
    """Quote facts of one sentence."""

    open_at_start: bool
    open_at_end: bool
    outside: str  # the sentence with quoted words blanked (quote marks kept)
    quoted: bool  # any quoted text at all


def _scan(sentence: str, is_open: bool, skip_first_mark: bool) -> tuple[str, bool, bool]:
    chars = list(sentence)
    quoted = is_open
    skipped = not skip_first_mark
    for i, ch in enumerate(chars):
        if ch in MARKS:
            if not skipped:
                skipped = True
                continue
            is_open = True if ch in OPENERS else not is_open
            quoted = True
            chars[i] = '"'
        elif is_open and not ch.isspace():
            chars[i] = "_"
    return "".join(chars), is_open, quoted


def _closes_before_opening(paragraph: str) -> bool:
    for ch in paragraph:
        if ch in OPENERS:
            return False
        if ch in TOGGLES:
            return ch in "“”«"  # a closing-style mark: the quote from before ends here
    return False


def quote_states(sentences: list[str], paragraphs: list[int]) -> list[QuoteState]:
    """Quote state of each sentence; `paragraphs[i]` is the paragraph number of sentence i."""
    states: list[QuoteState] = []
    texts: dict[int, list[str]] = {}
    for sentence, paragraph in zip(sentences, paragraphs, strict=True):
        texts.setdefault(paragraph, []).append(sentence)
    is_open = False
    for i, sentence in enumerate(sentences):
        new_paragraph = i > 0 and paragraphs[i] != paragraphs[i - 1]
        skip_first = False
        if new_paragraph and is_open:
            text = " ".join(texts[paragraphs[i]])
            if sentence.lstrip()[:1] in MARKS:
                skip_first = True  # English: each paragraph of a long quote reopens it
            elif not _closes_before_opening(text):
                is_open = False
        start = is_open
        outside, is_open, quoted = _scan(sentence, is_open, skip_first)
        states.append(QuoteState(start, is_open, outside, quoted))
    return states
