"""The admin area (`/admin/…`): users, partner tokens, webhooks, watched sources, rating scale,
matching, audit log.

One blueprint, defined in `base`; importing the page modules registers their routes on it.
"""

from __future__ import annotations

from . import config, sources, users, webhooks
from .base import bp

__all__ = ["bp", "config", "sources", "users", "webhooks"]
