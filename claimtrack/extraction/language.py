"""Language detection limited to the languages the desk works in.

lingua restricted to German and English copes with short headlines, where general
detectors guess wildly; it is deterministic (langdetect is not unless seeded).
"""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_CODES = {Language.GERMAN: "de", Language.ENGLISH: "en"}


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
