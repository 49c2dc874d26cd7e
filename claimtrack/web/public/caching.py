"""Validators for reader pages: ETag and Last-Modified, and 304 answers to conditional requests.

A verdict page's ETag is a digest of everything the page shows (the whole read model), so it changes
on publication, correction, withdrawal, a new related claim or an edited rating label, and on nothing
else. The page also varies with the language, the logged-in person (the header names them) and the
CSRF token of the language switch, which Flask-WTF accepts for 8 hours: a 4-hour bucket in the key
keeps a revalidated page from carrying an expired token.
"""

from __future__ import annotations

import hashlib
import time
from datetime import datetime

from flask import Response, make_response, request, session
from sqlmodel import Session as DbSession

from claimtrack.services.publication import bundles as publication
from claimtrack.services.publication import lists as publication_lists
from claimtrack.web.auth import current_actor_or_none
from claimtrack.web.i18n import current_lang

TOKEN_BUCKET_S = 4 * 3600

Validators = tuple[str, datetime | None]


def vary_key() -> str:
    actor = current_actor_or_none()
    # A pending flash message ("Thank you for your report") is part of the page: never a 304 for it.
    flashes = len(session.get("_flashes", ()))
    bucket = int(time.time() // TOKEN_BUCKET_S)
    return f"{current_lang()}|{actor.id if actor else '-'}|{bucket}|{flashes}"


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]


def page_validators(bundle: publication.PublishedVerdict) -> Validators:
    return _digest(repr(bundle), vary_key()), bundle.verdict.modified_at


def site_validators(db: DbSession, *, extra: str = "") -> Validators:
    """For lists and feeds: the newest visible verdict change and the newest audited change."""
    latest, newest_event = publication_lists.last_change(db)
    return _digest(latest, newest_event, extra, vary_key()), latest


def conditional(
    etag: str, last_modified: datetime | None, body: str | None = None
) -> Response | None:
    """Without `body`: a 304 if the client's copy is current, else None (go on and render).
    With `body`: the 200 response carrying the validators."""
    response = make_response(body if body is not None else "")
    response.set_etag(etag)
    if last_modified is not None:
        response.last_modified = last_modified
    # Caches may keep the page but must ask first: a correction shows up at once.
    response.cache_control.no_cache = True
    response.make_conditional(request)
    if body is None:
        return response if response.status_code == 304 else None
    return response
