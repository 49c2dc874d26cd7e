"""Word-level differences as escaped HTML (<del>/<ins>), for conflicts, duplicates and revisions."""

from __future__ import annotations

import difflib
import re
from typing import Any

from markupsafe import Markup, escape

_TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def word_diff(old: Any, new: Any) -> Markup:
    """`new` with words missing from `old` wrapped in <ins> and removed words in <del>.

    Every piece of text is escaped before it is wrapped, so user input never becomes markup.
    """
    a, b = _tokens(_text(old)), _tokens(_text(new))
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(str(escape("".join(a[i1:i2]))))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return Markup("".join(out))


def side_marks(text: str, other: str) -> Markup:
    """`text` with the words the `other` text lacks wrapped in <mark> (for side-by-side views)."""
    a, b = _tokens(other), _tokens(text)
    out: list[str] = []
    for op, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        piece = escape("".join(b[j1:j2]))
        if not piece:
            continue
        out.append(str(piece) if op == "equal" else f"<mark>{piece}</mark>")
    return Markup("".join(out))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_changes(
    old: dict[str, Any] | None, new: dict[str, Any], fields: list[str]
) -> list[tuple[str, Markup]]:
    """(field, diff) for each of `fields` whose value differs between two snapshots."""
    old = old or {}
    return [
        (name, word_diff(old.get(name), new.get(name)))
        for name in fields
        if _text(old.get(name)) != _text(new.get(name))
    ]
