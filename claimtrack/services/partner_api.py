"""Read use cases of the partner API: list and get published claims, and the Fact Check search.

`search` answers in the shape of Google's Fact Check Tools `claims:search`, so existing fact-check
clients read claimtrack unchanged. Ranking comes from the matcher (`services.matching`), which finds
reworded and German/English variants; language and age filters apply to its ranked hits.
Page tokens are opaque to clients: base64url JSON holding what to continue from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from claimtrack.models import Claim, Verdict, VerdictState
from claimtrack.publishing import claimreview, export_rows
from claimtrack.publishing.claimreview import Site
from claimtrack.services.matching import match as matching
from claimtrack.services.publication import bundles as publication

from .errors import ValidationError

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 10
# The matcher ranks at most this many hits; search pages walk through them.
MAX_SEARCH_RESULTS = 200
MAX_QUERY_CHARS = 1000
MAX_ID = 2_147_483_647
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class SearchParams:
    query: str
    language: str | None = None
    max_age_days: int | None = None
    page_size: int = DEFAULT_PAGE_SIZE
    page_token: str | None = None


# Page tokens: "l<last claim id>" for the list, "s<offset>" for search. Clients pass them unchanged;
# the patterns are in the OpenAPI document, so a token is checked the same way on both sides.
PAGE_TOKEN_PATTERNS = {"list": "^l[0-9]{1,10}$", "search": "^s[0-9]{1,9}$"}


def encode_page_token(kind: str, value: int) -> str:
    return f"{kind[0]}{value}"


def decode_page_token(token: str | None, kind: str) -> int:
    """The position a page token continues from (0 without a token); ValidationError if forged."""
    if token is None:
        return 0
    if not re.match(PAGE_TOKEN_PATTERNS[kind], token):
        raise ValidationError("pageToken is not a token this API handed out.", field="pageToken")
    # Clamped: ids are 32-bit integers in PostgreSQL, and a larger bound would be an SQL error.
    return min(int(token.rstrip("\n")[1:]), MAX_ID)


def check_page_size(value: int | None) -> int:
    if value is None:
        return DEFAULT_PAGE_SIZE
    if not 1 <= value <= MAX_PAGE_SIZE:
        raise ValidationError(
            "pageSize must be between 1 and %(max)s.",
            field="pageSize",
            params={"max": MAX_PAGE_SIZE},
        )
    return value


def item(bundle: publication.PublishedVerdict, site: Site) -> dict[str, Any]:
    """One claim with its verdict: the export record plus the page's ClaimReview."""
    return export_rows.record(bundle, site) | {
        "claimReview": claimreview.claim_review(bundle, site=site)
    }


def list_claims(
    session: Session, site: Site, *, page_size: int | None = None, page_token: str | None = None
) -> dict[str, Any]:
    """Published claims in id order (keyset paged, stable while new ones are published)."""
    size = check_page_size(page_size)
    after = decode_page_token(page_token, "list")
    stmt = (
        select(Claim.id)
        .join(Verdict, col(Verdict.claim_id) == Claim.id)
        .where(
            Verdict.state == VerdictState.PUBLISHED,
            col(Claim.deleted_at).is_(None),
            col(Claim.id) > after,
        )
        .order_by(col(Claim.id))
        .limit(size + 1)
    )
    ids = [i for i in session.exec(stmt) if i is not None]
    page = publication.load_bundles(session, ids[:size])
    body: dict[str, Any] = {"claims": [item(b, site) for b in page]}
    if len(ids) > size:
        body["nextPageToken"] = encode_page_token("list", ids[size - 1])
    return body


def get_claim(session: Session, claim_id: int) -> publication.PublishedVerdict:
    """The published or withdrawn verdict bundle of one claim (NotFound otherwise)."""
    return publication.get_published(session, claim_id)


def check_search(
    query: str | None,
    language: str | None,
    max_age_days: int | None,
    page_size: int | None,
    page_token: str | None,
) -> SearchParams:
    """Validate search parameters, naming the offending one."""
    if query is not None and len(query) > MAX_QUERY_CHARS:
        raise ValidationError(
            "query is longer than %(max)s characters.",
            field="query",
            params={"max": MAX_QUERY_CHARS},
        )
    text = normalise_query(query or "")
    if not text:
        raise ValidationError("query must not be empty.", field="query")
    if language is not None and not _LANGUAGE_RE.match(language):  # (Python's $: as OpenAPI's)
        raise ValidationError(
            "languageCode must be a BCP-47 code such as de or en-US.", field="languageCode"
        )
    if max_age_days is not None and not 1 <= max_age_days <= 36_500:
        raise ValidationError("maxAgeDays must be between 1 and 36500.", field="maxAgeDays")
    decode_page_token(page_token, "search")
    return SearchParams(text, language, max_age_days, check_page_size(page_size), page_token)


def normalise_query(query: str) -> str:
    """Control characters become spaces and runs of whitespace one space (a pasted post is fine)."""
    spaced = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in query)
    return " ".join(spaced.split())


def _fresh_enough(bundle: publication.PublishedVerdict, cutoff: datetime) -> bool:
    """Google's rule: the age is that of the claim date or the review date, whichever is newer."""
    if bundle.verdict.published_at >= cutoff:
        return True
    made = bundle.claim.claim_date
    return made is not None and made >= cutoff.date()


def search(
    session: Session, site: Site, params: SearchParams, *, now: datetime | None = None
) -> dict[str, Any]:
    """Published claims like `params.query`, best first, in the Fact Check Tools response shape."""
    offset = decode_page_token(params.page_token, "search")
    language = params.language.strip().split("-")[0].lower() if params.language else None
    hits = matching.search_text(
        session, params.query, limit=MAX_SEARCH_RESULTS, published_only=True
    )
    bundles = publication.load_bundles(session, [h.claim_id for h in hits])
    if language:
        bundles = [b for b in bundles if b.verdict.language == language]
    if params.max_age_days:
        cutoff = (now or datetime.now(UTC)) - timedelta(days=params.max_age_days)
        bundles = [b for b in bundles if _fresh_enough(b, cutoff)]
    page = bundles[offset : offset + params.page_size]
    body: dict[str, Any] = {"claims": [fact_check_claim(b, site) for b in page]}
    if offset + params.page_size < len(bundles):
        body["nextPageToken"] = encode_page_token("search", offset + params.page_size)
    return body


def fact_check_claim(bundle: publication.PublishedVerdict, site: Site) -> dict[str, Any]:
    """One result of `claims:search`, its review fields taken from the page's ClaimReview."""
    review = claimreview.claim_review(bundle, site=site)
    claimed = review.get("itemReviewed", {})
    made = claimed.get("datePublished")
    entry = {
        "publisher": {"name": site.org_name, "site": urlsplit(site.org_url).netloc or site.org_url},
        "url": review["url"],
        "title": review.get("headline", ""),
        "reviewDate": review.get("datePublished"),
        "textualRating": review["reviewRating"]["alternateName"],
        "languageCode": review.get("inLanguage"),
    }
    out: dict[str, Any] = {
        "text": bundle.claim.text,
        "claimant": bundle.claim.claimant or None,
        "claimDate": f"{made}T00:00:00Z" if made and len(made) == 10 else made,
        "claimReview": [{k: v for k, v in entry.items() if v is not None}],
    }
    return {k: v for k, v in out.items() if v is not None}
