"""The reader pages: verdicts, lists, search, corrections, methodology, the Atom feed, error reports.

One blueprint, defined in `pages`; importing the other page modules registers their routes on it.
"""

from __future__ import annotations

from . import feed, render_cache, reports, search
from .pages import bp

__all__ = ["bp", "feed", "render_cache", "reports", "search"]
