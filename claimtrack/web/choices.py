"""Options for select fields (WTForms 3.3 deprecates plain (value, label) tuples)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wtforms.fields.choices import SelectChoice


def options(labels: Mapping[str, object]) -> list[SelectChoice]:
    """Select options from a value → label mapping (labels may be lazy translations)."""
    return [SelectChoice(str(value), label) for value, label in labels.items()]  # type: ignore[arg-type]


def choices(pairs: Iterable[tuple[object, object]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs, in order."""
    return [SelectChoice(str(value), label) for value, label in pairs]  # type: ignore[arg-type]
