"""Patterns shared by figures (`numbers`) and dates (`dates`): scales, units, qualifiers, counted nouns.

Both modules need them (a year-like number followed by a unit is a quantity, not a date), so they
live here, below both, and neither module imports the other's internals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.text import _numlex as lex
from claimtrack.text.normalize import fold_word


def _scale_re(scales: list[tuple[str, float]]) -> re.Pattern[str]:
    alts = "|".join(f"(?P<s{i}>{frag})" for i, (frag, _) in enumerate(scales))
    return re.compile(rf"\s?(?:{alts})(?![\w])", re.I)


SCALE_RE = {"de": _scale_re(lex.SCALES_DE), "en": _scale_re(lex.SCALES_EN)}
SCALES = {"de": lex.SCALES_DE, "en": lex.SCALES_EN}
# "50 Stunden", "50-stündigen", "24-hour": a unit follows after a space, a hyphen or nothing.
UNIT_RE = re.compile(
    r"(?:\s|-)?(?:"
    + "|".join(f"(?P<u{i}>{frag})" for i, (frag, _) in enumerate(lex.UNITS_AFTER))
    + r")"
    r"(?![\w])",
    re.I,
)
QUAL_RE = re.compile(
    r"(?:^|(?<=\W))("
    + "|".join(re.escape(q) for q in sorted(lex.QUALIFIERS, key=len, reverse=True))
    + r")\s*$",
    re.I,
)


@lru_cache(maxsize=100_000)
def counted_word(word: str) -> str | None:
    folded = fold_word(word)
    if folded.startswith(lex.NOT_COUNTED):
        return None
    for stem, canon in lex.COUNTED:
        if folded.startswith(stem):
            return canon
    return None
