"""Row shapes of the partner exports and the API: records, tombstones, CSV rows, safe JSON.

Plain functions of the read models in `publication`; `exports` streams them, `partner_api` reuses
`record` for the API, so a partner sees the same fields in every channel.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from claimtrack.publishing.claimreview import Site
from claimtrack.services.publication import bundles as publication

# Cells starting with these are formulas to spreadsheet programs (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = [
    "claim_id",
    "verdict_id",
    "status",
    "url",
    "claim_text",
    "claim_language",
    "claimant",
    "claimant_kind",
    "claim_date",
    "tags",
    "rating_key",
    "rating_label",
    "rating_value",
    "worst_rating",
    "best_rating",
    "headline",
    "summary",
    "verdict_language",
    "date_published",
    "date_modified",
    "first_appearance_url",
    "appearance_urls",
    "source_urls",
    "corrections",
    "withdrawn_reason",
]


@dataclass(frozen=True)
class VerdictRef:
    """One row of the keyset walk: enough to page on and to write a tombstone."""

    verdict_id: int
    claim_id: int
    claim_text: str
    state: str
    published_at: datetime | None
    modified_at: datetime | None
    withdrawn_reason: str | None


Entry = publication.PublishedVerdict | VerdictRef


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _http_url(url: str | None) -> str | None:
    """Only http(s) links leave the building (a stored `javascript:` link would be a hole)."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


# Escaped in every JSON we send: markup characters (no export can be read as HTML), and the
# characters besides "\n" that Python's splitlines() and older JavaScript treat as line breaks
# (a JSON Lines reader must see one record per line).
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
    ("\x85", "\\u0085"),
)


def to_json(value: Any) -> str:
    """Compact UTF-8 JSON, safe to embed and to split into lines (see _JSON_ESCAPES).
    `str.replace` per character present: several times faster than `str.translate` here."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _JSON_ESCAPES:
        if char in text:
            text = text.replace(char, escaped)
    return text


def page_url(site: Site, claim_id: int, claim_text: str) -> str:
    return site.url(publication.claim_path(claim_id, publication.slugify(claim_text)))


def record(bundle: publication.PublishedVerdict, site: Site) -> dict[str, Any]:
    """One published verdict as a plain record (JSON Lines row, API item)."""
    c, v, r = bundle.claim, bundle.verdict, bundle.rating
    bounds = bundle.scale_bounds if r is not None and r.ordinal is not None else None
    return {
        "claimId": c.id,
        "verdictId": v.id,
        "status": v.state,
        "url": site.verdict_url(bundle),
        "claim": {
            "text": c.text,
            "language": c.language,
            "claimant": c.claimant,
            "claimantKind": c.claimant_kind,
            "claimDate": iso(c.claim_date),
            "tags": list(c.tags),
        },
        "rating": None
        if r is None
        else {
            "key": r.key,
            "label": r.name_in(v.language),
            "labelDe": r.name_in("de"),
            "labelEn": r.name_in("en"),
            "ratingValue": r.ordinal,
            "worstRating": bounds[0] if bounds else None,
            "bestRating": bounds[1] if bounds else None,
        },
        "headline": v.headline,
        "summary": v.summary,
        "reasoning": v.reasoning,
        "language": v.language,
        "validAsOf": iso(v.valid_as_of),
        "datePublished": iso(v.published_at),
        "dateModified": iso(v.modified_at),
        "appearances": [_appearance(a) for a in bundle.appearances],
        "sources": [_source(s) for s in bundle.sources],
        "corrections": [_correction(x, v.language) for x in bundle.corrections],
        "withdrawnReason": None,
    }


def _appearance(a: publication.AppearanceView) -> dict[str, Any]:
    return {
        "url": _http_url(a.story_url),
        "title": a.story_title,
        "outlet": a.outlet,
        "language": a.language,
        "appearedOn": iso(a.appeared_on),
        "quote": a.quote,
        "creditedTo": a.credited_to,
    }


def _source(s: publication.SourceView) -> dict[str, Any]:
    return {
        "url": _http_url(s.url),
        "title": s.title,
        "publisher": s.publisher,
        "kind": s.kind,
        "accessedOn": iso(s.accessed_on),
        "archiveUrl": _http_url(s.archive_url),
    }


def _correction(x: publication.RevisionView, language: str) -> dict[str, Any]:
    return {
        "number": x.number,
        "kind": x.kind,
        "note": x.note,
        "at": iso(x.at),
        "oldRating": x.old_rating.name_in(language) if x.old_rating else None,
        "newRating": x.new_rating.name_in(language) if x.new_rating else None,
    }


def tombstone(ref: VerdictRef, site: Site) -> dict[str, Any]:
    """A withdrawn verdict in an incremental pull: the ids to delete, and when and why."""
    return {
        "claimId": ref.claim_id,
        "verdictId": ref.verdict_id,
        "status": ref.state,
        "deleted": True,
        "url": page_url(site, ref.claim_id, ref.claim_text),
        "datePublished": iso(ref.published_at),
        "dateModified": iso(ref.modified_at),
        "withdrawnReason": ref.withdrawn_reason,
    }


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run: text starting with = + - @ (or tab/CR) gets a leading quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(entry: Entry, site: Site) -> list[Any]:
    """The flat CSV columns of one entry (lists are joined with spaces; URLs hold none)."""
    if isinstance(entry, VerdictRef):
        t = tombstone(entry, site)
        flat = {k: t.get(_camel(k)) for k in CSV_COLUMNS}
        flat.update(claim_id=entry.claim_id, verdict_id=entry.verdict_id)
    else:
        rec = record(entry, site)
        claim, rating = rec["claim"], rec["rating"] or {}
        flat = {
            "claim_id": rec["claimId"],
            "verdict_id": rec["verdictId"],
            "status": rec["status"],
            "url": rec["url"],
            "claim_text": claim["text"],
            "claim_language": claim["language"],
            "claimant": claim["claimant"],
            "claimant_kind": claim["claimantKind"],
            "claim_date": claim["claimDate"],
            "tags": " ".join(claim["tags"]),
            "rating_key": rating.get("key"),
            "rating_label": rating.get("label"),
            "rating_value": rating.get("ratingValue"),
            "worst_rating": rating.get("worstRating"),
            "best_rating": rating.get("bestRating"),
            "headline": rec["headline"],
            "summary": rec["summary"],
            "verdict_language": rec["language"],
            "date_published": rec["datePublished"],
            "date_modified": rec["dateModified"],
            "first_appearance_url": next((a["url"] for a in rec["appearances"] if a["url"]), None),
            "appearance_urls": " ".join(a["url"] for a in rec["appearances"] if a["url"]),
            "source_urls": " ".join(s["url"] for s in rec["sources"] if s["url"]),
            "corrections": len(rec["corrections"]),
            "withdrawn_reason": None,
        }
    return [csv_cell(flat[k]) for k in CSV_COLUMNS]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def feed_tombstone(ref: VerdictRef, site: Site) -> dict[str, Any]:
    """A DataFeedItem for a withdrawn verdict: schema.org's dateDeleted and the review's URL."""
    url = page_url(site, ref.claim_id, ref.claim_text)
    return {
        "@type": "DataFeedItem",
        "dateCreated": iso(ref.published_at),
        "dateModified": iso(ref.modified_at),
        "dateDeleted": iso(ref.modified_at),
        "item": [{"@type": "ClaimReview", "url": url}],
    }
