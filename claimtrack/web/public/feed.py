"""The Atom feed of new and corrected verdicts, and the stylesheet of rating colours.

The rating colours live in a generated stylesheet because the CSP allows no inline styles; keys and
colours are validated when the scale is saved and filtered again here, so nothing but a class name
and a hex colour reaches the CSS.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlmodel import Session as DbSession

from claimtrack import markdown
from claimtrack.services.publication import bundles as publication
from claimtrack.services.publication import lists as publication_lists
from claimtrack.text.controls import strip_controls as xml_text
from claimtrack.web.dbsession import db_session
from claimtrack.web.i18n import current_lang
from claimtrack.web.public.caching import conditional
from claimtrack.web.public.pages import bp, current_site, site_page

FEED_ENTRIES = 50
_KEY = re.compile(r"^[a-z0-9-]{1,40}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _text_color(hex_color: str) -> str:
    """Black or white, whichever is more legible on the badge (WCAG relative luminance)."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


def ratings_stylesheet() -> str:
    rules = [".rating{display:inline-block;padding:.1em .5em;border-radius:.25em;font-weight:600}"]
    for rating in publication.scale_views(db_session()).values():
        if _KEY.match(rating.key) and _COLOR.match(rating.color):
            rules.append(
                f".rating--{rating.key}{{background:{rating.color};color:{_text_color(rating.color)}}}"
            )
    rules.append(".rating--none{background:#d0d7de;color:#000000}")
    return "\n".join(rules) + "\n"


@bp.get("/ratings.css")
def ratings_css() -> ResponseReturnValue:
    css = ratings_stylesheet()
    etag = hashlib.sha256(css.encode()).hexdigest()[:32]
    response = conditional(etag, None, body=css)
    assert response is not None
    response.mimetype = "text/css"
    return response


def build_feed(bundles: list[publication.PublishedVerdict], lang: str) -> bytes:
    """The Atom document. Every stored text passes `xml_text`: a control character stored before
    the edge removed them (or by a script) must not turn the whole feed into an error."""
    site = current_site()
    feed = FeedGenerator()
    feed.id(site.url("feed.atom"))
    feed.title(xml_text(_("%(org)s: fact checks", org=site.org_name)))
    feed.author({"name": xml_text(site.org_name), "uri": site.org_url})
    feed.link(href=site.url("feed.atom"), rel="self", type="application/atom+xml")
    feed.link(href=site.base_url, rel="alternate", type="text/html")
    feed.language(lang)
    feed.updated(max((b.verdict.modified_at for b in bundles), default=None) or EPOCH)
    for bundle in reversed(bundles):  # feedgen prepends: add oldest first
        entry = feed.add_entry()
        url = site.verdict_url(bundle)
        entry.id(f"{url}#v{bundle.verdict.id}")
        title = bundle.verdict.headline
        if bundle.corrected:
            title = _("Corrected: %(headline)s", headline=title)
        entry.title(xml_text(title))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(bundle.verdict.published_at)
        entry.updated(bundle.verdict.modified_at)
        rating = xml_text(bundle.rating.name_in(bundle.verdict.language) if bundle.rating else "")
        summary = f"{rating}: {bundle.claim.text}\n\n{markdown.plain(bundle.verdict.summary)}"
        entry.summary(xml_text(summary))
        if bundle.rating:
            entry.category(term=xml_text(bundle.rating.key), label=rating)
    return bytes(feed.atom_str(pretty=False))


@bp.get("/feed.atom")
def feed() -> ResponseReturnValue:
    return site_page("feed", "feed", _render_feed, mimetype="application/atom+xml")


def _render_feed(session: DbSession) -> str:
    bundles = publication_lists.recently_changed(session, limit=FEED_ENTRIES)
    return build_feed(bundles, current_lang()).decode("utf-8")
