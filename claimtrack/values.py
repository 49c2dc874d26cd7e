"""Small conversions the whole app shares, in one place: ISO 8601 times and http(s) links.

Pure: no Flask, no database.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime


def iso(value: date | datetime | None) -> str | None:
    """ISO 8601; datetimes in UTC ending in "Z" (what feeds and the Fact Check API use).

    A naive datetime is taken to be UTC already (the database stores UTC).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return aware.isoformat().replace("+00:00", "Z")
    return value.isoformat()


# Scheme http(s) and a non-empty host part: what urlsplit() would report as scheme and netloc, at
# a fraction of its cost (an export checks five URLs per verdict).
_HTTP_URL = re.compile(r"https?://[^/?#]", re.IGNORECASE)


def http_url(url: str | None) -> str | None:
    """`url` (stripped) if it is an absolute http(s) address with a host, else None.

    Only such links are stored, put into markup or exported: a `javascript:` or `data:` link
    would run in a reader's browser.
    """
    if not url:
        return None
    stripped = url.strip()
    return stripped if _HTTP_URL.match(stripped) else None
