"""What partners call: the token API (`/api/v1/…`) and the bulk exports (`/exports/…`).

Two blueprints (one per URL space) sharing the partner token check in `partner_auth`.
"""

from __future__ import annotations

from . import exports, routes

__all__ = ["exports", "routes"]
