"""The desk (`/desk/…`): triage queue, intake, claim workbench, duplicates, verdicts, reader reports,
alerts (checked claims seen again).

One blueprint, defined in `base`; importing the page modules registers their routes on it.
"""

from __future__ import annotations

from . import alerts, claims, intake, links, new_claim, queue, reports, verdicts
from .base import bp

__all__ = ["alerts", "bp", "claims", "intake", "links", "new_claim", "queue", "reports", "verdicts"]
