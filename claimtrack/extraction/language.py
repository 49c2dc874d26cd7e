"""Language detection limited to the languages the desk works in.

lingua restricted to German and English copes with short headlines, where general
detectors guess wildly; it is deterministic (langdetect is not unless seeded).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_CODES = {Language.GERMAN: "de", Language.ENGLISH: "en"}
# lingua's confidence from which a guess may overrule a language (a person's label, a story's
# language for one quoted sentence). On 589 short claims of both languages, many of them full of
# names, no right label scored a contrary guess above 0.77 (benchmarks/claim_language_bench.py).
CONFIDENT = 0.9
# Cheap hints that a sentence may be in the other language; lingua then decides.
_HINTS = {
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "sich",
            "wurde",
            "wurden",
            "dass",
            "ein",
            "eine",
            "einen",
            "für",
            "auf",
            "auch",
            "von",
            "sind",
            "hat",
            "haben",
            "wird",
            "werden",
            "sei",
            "bei",
            "nach",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "is",
            "was",
            "were",
            "to",
            "said",
            "will",
            "has",
            "have",
            "that",
            "with",
            "this",
            "are",
            "from",
            "been",
            "would",
            "which",
            "their",
            "not",
            "it",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()


def detect_language(text: str, default: str = "de") -> str:
    """Return "de" or "en" for `text`; `default` when the text gives no signal.

    Only the first few thousand characters are looked at: enough for a stable answer
    and it keeps long pages cheap.
    """
    sample = text[:4000].strip()
    if not sample:
        return default
    language = _detector().detect_language_of(sample)
    return _CODES.get(language, default) if language is not None else default


def language_confidence(text: str) -> tuple[str, float]:
    """The likelier of German and English for `text`, and lingua's confidence in it (0.5-1).

    For checking a language label a person chose: only a confident guess that disagrees
    is worth a question."""
    values = _detector().compute_language_confidence_values(text[:4000])
    if not values:
        return "de", 0.5
    best = values[0]
    return _CODES.get(best.language, "de"), float(best.value)


def sentence_language(text: str, story_language: str) -> str:
    """The language of one sentence of a story: the story's, unless the sentence is confidently
    in the other one (an English quote in a German story). lingua runs only on sentences whose
    function words lean the other way, so a story costs a few word counts."""
    words = [w.lower() for w in _WORD.findall(text)]
    other = "en" if story_language == "de" else "de"
    if other not in _HINTS or story_language not in _HINTS:
        return story_language
    if sum(w in _HINTS[other] for w in words) <= sum(w in _HINTS[story_language] for w in words):
        return story_language
    guessed, confidence = language_confidence(text)
    return guessed if guessed == other and confidence >= CONFIDENT else story_language
