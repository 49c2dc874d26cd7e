"""Options for select fields (WTForms 3.3 deprecates plain (value, label) tuples), and the labels
several areas show for the same values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from claimtrack.enums import ClaimStatus

# A claim's status in the reader's language (desk filters and workbench, the public methodology page).
STATUS_LABELS: dict[str, Any] = {
    ClaimStatus.NEW: _l("New"),
    ClaimStatus.TRIAGED: _l("Triaged"),
    ClaimStatus.IN_RESEARCH: _l("In research"),
    ClaimStatus.IN_REVIEW: _l("In review"),
    ClaimStatus.PUBLISHED: _l("Published"),
    ClaimStatus.DISMISSED: _l("Dismissed"),
    ClaimStatus.WITHDRAWN: _l("Withdrawn"),
}


def options(labels: Mapping[str, object]) -> list[SelectChoice]:
    """Select options from a value → label mapping (labels may be lazy translations)."""
    return [SelectChoice(str(value), label) for value, label in labels.items()]


def choices(pairs: Iterable[tuple[object, object]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs, in order."""
    return [SelectChoice(str(value), label) for value, label in pairs]
