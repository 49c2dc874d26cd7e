"""The public address of the site, for absolute URLs in pages, feeds, exports and the API.

`PUBLIC_BASE_URL` is the one setting. Without it, debug and test runs use the request's own root URL
(so `flask run` and the test client work out of the box). In production a reader page still renders
(with links from the request), but exports and the partner API answer 503: partners store those URLs,
and a Host header is not a trustworthy source for them.
"""

from __future__ import annotations

from flask import current_app, request
from werkzeug.exceptions import ServiceUnavailable

from claimtrack.publishing.claimreview import Site, site_from_config

MISSING = (
    "PUBLIC_BASE_URL is not set. Exports and the API link every verdict to its public address; "
    "set PUBLIC_BASE_URL (e.g. https://factcheck.example.org/) in the instance config."
)


def guessing_allowed() -> bool:
    return bool(current_app.debug or current_app.testing)


def public_site(*, for_partners: bool = False) -> Site:
    """The Site of this app; `for_partners=True` refuses to guess the base URL outside debug."""
    config = current_app.config
    if not config.get("PUBLIC_BASE_URL") and for_partners and not guessing_allowed():
        raise ServiceUnavailable(MISSING)
    return site_from_config(config, request.url_root)
