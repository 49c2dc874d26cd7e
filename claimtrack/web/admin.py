"""The admin area (`/admin/…`): users, partner tokens, webhooks, rating scale, matching, audit
log.

One blueprint, defined in `admin_base`; importing the page modules registers their routes on it.
"""

from __future__ import annotations

from . import admin_config, admin_users, admin_webhooks
from .admin_base import bp

__all__ = ["admin_config", "admin_users", "admin_webhooks", "bp"]
