"""The desk (`/desk/…`): triage queue, intake, claim workbench, duplicates, verdicts, reader reports.

One blueprint, defined in `base`; importing the page modules registers their routes on it.
"""

from __future__ import annotations

from . import claims, intake, links, queue, reports, verdicts
from .base import bp

__all__ = ["bp", "claims", "intake", "links", "queue", "reports", "verdicts"]
