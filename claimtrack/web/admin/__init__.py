"""The admin area (`/admin/…`): users, partner tokens, webhooks, rating scale, matching, audit log.

One blueprint, defined in `base`; importing the page modules registers their routes on it.
"""

from __future__ import annotations

from . import config, users, webhooks
from .base import bp

__all__ = ["bp", "config", "users", "webhooks"]
