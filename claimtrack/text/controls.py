"""Control characters: what text may hold before it is stored, rendered or put into XML.

A NUL byte cannot be stored in a PostgreSQL text column, and XML 1.0 (the Atom feed, sitemaps)
refuses every C0 control but tab, line feed and carriage return. Such characters never carry
meaning in a claim, a source or a report, so the edge removes them: NUL, C0 controls, DEL, C1
controls, lone surrogates and the non-characters U+FFFE/U+FFFF. Vertical tab and form feed (Word
pastes) become a space so words do not run together. Tab, LF and CR stay.
"""

from __future__ import annotations

import re

_REMOVE = [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]
_TABLE: dict[int, str | None] = {code: None for code in _REMOVE}
_TABLE.update({0x0B: " ", 0x0C: " ", 0xFFFE: None, 0xFFFF: None})
_ANY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_controls(text: str) -> bool:
    """True when `strip_controls` would change `text`."""
    return _ANY.search(text) is not None


def strip_controls(text: str) -> str:
    """`text` without control characters (see the module docstring); cheap when there are none."""
    return text.translate(_TABLE) if has_controls(text) else text
