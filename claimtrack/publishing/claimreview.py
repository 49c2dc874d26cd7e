"""THE schema.org ClaimReview builder: verdict pages, the Atom feed, the DataFeed export and the partner
API all call `claim_review`, so what partners read is exactly what the page shows.

Rules (see /work/shared/CLAIMREVIEW.md): `reviewRating.alternateName` is always the label readers see;
`ratingValue`, `bestRating` and `worstRating` appear only for ordinal labels (the mapping is on the
methodology page). The claimant becomes a Person or an Organization; a claimant of unknown kind is
given as a Person, since most claims we check are quotes of people.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from claimtrack.models import ClaimantKind
from claimtrack.publishing.views import AppearanceView, PublishedVerdict, SourceView

SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Site:
    """Who publishes and where: the base URL of the public pages (ending in "/"), the organisation and
    the data licence. Built from config by the web layer and the CLI."""

    base_url: str
    org_name: str
    org_url: str
    license: str

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def verdict_url(self, bundle: PublishedVerdict) -> str:
        return self.url(bundle.path)

    def organization(self) -> dict[str, Any]:
        return {"@type": "Organization", "name": self.org_name, "url": self.org_url}


def site_from_config(config: Mapping[str, Any], fallback_base_url: str = "") -> Site:
    """`PUBLIC_BASE_URL` wins; otherwise the fallback (the request's root URL in the web layer)."""
    base = str(config.get("PUBLIC_BASE_URL") or fallback_base_url or config.get("ORG_URL") or "/")
    if not base.endswith("/"):
        base += "/"
    return Site(
        base_url=base,
        org_name=str(config.get("ORG_NAME") or ""),
        org_url=str(config.get("ORG_URL") or base),
        license=str(config.get("DATA_LICENSE") or ""),
    )


def iso(value: datetime | date | None) -> str | None:
    """ISO 8601; UTC datetimes end in "Z" (the form feeds and the Fact Check API use)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


# Scheme http(s) and a non-empty host part: what urlsplit() would report as scheme and netloc, at
# a fraction of its cost (an export checks five URLs per verdict).
_HTTP_URL = re.compile(r"https?://[^/?#]", re.IGNORECASE)


def http_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address, else None: markup never carries another scheme
    (the services refuse them on save; this guards data that arrived some other way)."""
    if not url:
        return None
    url = url.strip()
    return url if _HTTP_URL.match(url) else None


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values so the markup carries only what we know."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def review_rating(bundle: PublishedVerdict) -> dict[str, Any]:
    rating = bundle.rating
    if rating is None:
        raise ValueError(f"verdict of claim {bundle.claim.id} has no rating")
    language = bundle.verdict.language
    out: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": rating.name_in(language),
        "name": rating.name_in(language),
        "ratingExplanation": rating.explanation_in(language),
    }
    if rating.ordinal is not None and bundle.scale_bounds is not None:
        worst, best = bundle.scale_bounds
        out.update(ratingValue=rating.ordinal, bestRating=best, worstRating=worst)
    return _compact(out)


def creative_work(appearance: AppearanceView) -> dict[str, Any]:
    return _compact(
        {
            "@type": "CreativeWork",
            "url": http_url(appearance.story_url),
            "headline": appearance.story_title,
            "datePublished": iso(appearance.appeared_on),
            "publisher": _compact({"@type": "Organization", "name": appearance.outlet})
            if appearance.outlet
            else None,
        }
    )


def citation(source: SourceView) -> dict[str, Any]:
    return _compact(
        {
            "@type": "CreativeWork",
            "url": http_url(source.url),
            "name": source.title,
            "publisher": _compact({"@type": "Organization", "name": source.publisher})
            if source.publisher
            else None,
            "archivedAt": http_url(source.archive_url),
        }
    )


def claimant(bundle: PublishedVerdict) -> dict[str, Any] | None:
    name = bundle.claim.claimant
    if not name:
        return None
    kind = "Organization" if bundle.claim.claimant_kind == ClaimantKind.ORGANISATION else "Person"
    return {"@type": kind, "name": name}


def item_reviewed(bundle: PublishedVerdict) -> dict[str, Any]:
    first = bundle.first_appearance
    made_on = bundle.claim.claim_date or (first.appeared_on if first else None)
    return _compact(
        {
            "@type": "Claim",
            "text": bundle.claim.text,
            "inLanguage": bundle.claim.language,
            "author": claimant(bundle),
            "datePublished": iso(made_on),
            "firstAppearance": creative_work(first) if first else None,
            "appearance": [creative_work(a) for a in bundle.appearances[1:]],
        }
    )


def claim_review(bundle: PublishedVerdict, *, site: Site) -> dict[str, Any]:
    """The ClaimReview of one published verdict, as a JSON-ready dict (with "@context")."""
    if bundle.withdrawn:
        raise ValueError(f"verdict of claim {bundle.claim.id} is withdrawn: it has no ClaimReview")
    verdict = bundle.verdict
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "ClaimReview",
            "url": site.verdict_url(bundle),
            "headline": verdict.headline,
            "claimReviewed": bundle.claim.text,
            "reviewRating": review_rating(bundle),
            "author": site.organization(),
            "datePublished": iso(verdict.published_at),
            "dateModified": iso(verdict.modified_at),
            "inLanguage": verdict.language,
            "itemReviewed": item_reviewed(bundle),
            "citation": [citation(s) for s in bundle.sources],
            "sdPublisher": site.organization(),
            "sdLicense": site.license,
        }
    )


def data_feed_item(bundle: PublishedVerdict, site: Site) -> dict[str, Any]:
    """One `DataFeedItem` of the DataFeed export; `item` is an array holding the ClaimReview."""
    review = claim_review(bundle, site=site)
    review.pop("@context", None)
    return {
        "@type": "DataFeedItem",
        "dateCreated": iso(bundle.verdict.published_at),
        "dateModified": iso(bundle.verdict.modified_at),
        "item": [review],
    }
