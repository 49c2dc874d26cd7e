"""Partner exports: the ClaimReview DataFeed, CSV and JSON Lines, complete or incremental.

Every export is a generator of text chunks. It walks the verdicts by id in keyset-paged batches (a
query per batch, never all rows at once) and turns each batch into bundles with the read models of
`publication`, so memory stays flat however many verdicts there are. ClaimReview JSON comes only from
`claimreview` (the one builder the pages, the feed and the API share).

`since` makes a pull incremental: the verdicts published, corrected, updated or withdrawn at or after
that time. Withdrawn verdicts then come as tombstones (ids, URL, when and why), so a partner can
delete what it holds. A full pull (no `since`) lists only what is published now.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.models import Claim, Verdict, VerdictState

from . import claimreview, publication
from .claimreview import Site
from .errors import ValidationError

FORMATS = ("claimreview", "csv", "jsonl")
MEDIA_TYPES = {
    "claimreview": "application/json",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/jsonl; charset=utf-8",
}
BATCH_SIZE = 500
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


def parse_since(raw: str | None) -> datetime | None:
    """An ISO 8601 time (a date means its midnight; no offset means UTC), or ValidationError."""
    if raw is None:
        return None
    text = raw.strip()
    # A "+" in a query string arrives as a space when the client did not encode it.
    candidates = [text, re.sub(r" (\d\d(:?\d\d)?)$", r"+\1", text)]
    for candidate in candidates:
        try:
            value = datetime.fromisoformat(candidate)
            if value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            return value.astimezone(UTC)
        except (ValueError, OverflowError):
            continue
    raise ValidationError(
        "since must be an ISO 8601 time, such as 2024-05-01T12:00:00Z.", field="since"
    )


def iter_refs(
    session: Session, *, since: datetime | None, batch_size: int = BATCH_SIZE
) -> Iterator[list[VerdictRef]]:
    """Batches of exported verdicts in id order: published ones, and withdrawn ones when `since`."""
    states = [VerdictState.PUBLISHED] + ([VerdictState.WITHDRAWN] if since else [])
    last_id = 0
    while True:
        stmt = (
            select(
                Verdict.id,
                Verdict.claim_id,
                Claim.text,
                Verdict.state,
                Verdict.published_at,
                Verdict.modified_at,
                Verdict.withdrawn_reason,
            )
            .join(Claim, col(Claim.id) == Verdict.claim_id)
            .where(col(Verdict.state).in_(states), col(Verdict.id) > last_id)
        )
        if since is not None:
            stmt = stmt.where(col(Verdict.modified_at) >= since)
        rows = session.exec(stmt.order_by(col(Verdict.id)).limit(batch_size)).all()
        if not rows:
            return
        yield [VerdictRef(*row) for row in rows]
        if len(rows) < batch_size:
            return
        last_id = rows[-1][0]


Entry = publication.PublishedVerdict | VerdictRef


def iter_entries(
    session: Session, *, since: datetime | None, batch_size: int = BATCH_SIZE
) -> Iterator[Entry]:
    """Bundles of published verdicts and refs of withdrawn ones (tombstones), in verdict id order."""
    for refs in iter_refs(session, since=since, batch_size=batch_size):
        published = [r.claim_id for r in refs if r.state == VerdictState.PUBLISHED]
        bundles = {b.claim.id: b for b in publication.load_bundles(session, published)}
        for ref in refs:
            if ref.state != VerdictState.PUBLISHED:
                yield ref
            elif ref.claim_id in bundles:
                yield bundles[ref.claim_id]


def feed_date_modified(session: Session) -> datetime | None:
    """The newest change of any exported verdict: the feed's own dateModified."""
    stmt = select(func.max(Verdict.modified_at)).where(
        col(Verdict.state).in_([VerdictState.PUBLISHED, VerdictState.WITHDRAWN])
    )
    latest = session.exec(stmt).one()
    if isinstance(latest, datetime) and latest.tzinfo is None:
        latest = latest.replace(tzinfo=UTC)
    return latest


# -- shared shapes ----------------------------------------------------------------------------------


def _iso(value: date | datetime | None) -> str | None:
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
_JSON_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
        "\x85": "\\u0085",
    }
)


def to_json(value: Any) -> str:
    """Compact UTF-8 JSON, safe to embed and to split into lines (see _JSON_ESCAPES)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


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
            "claimDate": _iso(c.claim_date),
            "tags": list(c.tags),
        },
        "rating": None
        if r is None
        else {
            "key": r.key,
            "label": r.label(v.language),
            "labelDe": r.label_de,
            "labelEn": r.label_en,
            "ratingValue": r.ordinal,
            "worstRating": bounds[0] if bounds else None,
            "bestRating": bounds[1] if bounds else None,
        },
        "headline": v.headline,
        "summary": v.summary,
        "reasoning": v.reasoning,
        "language": v.language,
        "validAsOf": _iso(v.valid_as_of),
        "datePublished": _iso(v.published_at),
        "dateModified": _iso(v.modified_at),
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
        "appearedOn": _iso(a.appeared_on),
        "quote": a.quote,
        "creditedTo": a.credited_to,
    }


def _source(s: publication.SourceView) -> dict[str, Any]:
    return {
        "url": _http_url(s.url),
        "title": s.title,
        "publisher": s.publisher,
        "kind": s.kind,
        "accessedOn": _iso(s.accessed_on),
        "archiveUrl": _http_url(s.archive_url),
    }


def _correction(x: publication.RevisionView, language: str) -> dict[str, Any]:
    return {
        "number": x.number,
        "kind": x.kind,
        "note": x.note,
        "at": _iso(x.at),
        "oldRating": x.old_rating.label(language) if x.old_rating else None,
        "newRating": x.new_rating.label(language) if x.new_rating else None,
    }


def tombstone(ref: VerdictRef, site: Site) -> dict[str, Any]:
    """A withdrawn verdict in an incremental pull: the ids to delete, and when and why."""
    return {
        "claimId": ref.claim_id,
        "verdictId": ref.verdict_id,
        "status": ref.state,
        "deleted": True,
        "url": page_url(site, ref.claim_id, ref.claim_text),
        "datePublished": _iso(ref.published_at),
        "dateModified": _iso(ref.modified_at),
        "withdrawnReason": ref.withdrawn_reason,
    }


# -- formats ----------------------------------------------------------------------------------------


def jsonl_chunks(session: Session, site: Site, *, since: datetime | None = None) -> Iterator[str]:
    """JSON Lines: one record (or tombstone) per line."""
    for entry in iter_entries(session, since=since):
        row = tombstone(entry, site) if isinstance(entry, VerdictRef) else record(entry, site)
        yield to_json(row) + "\n"


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


def csv_chunks(session: Session, site: Site, *, since: datetime | None = None) -> Iterator[str]:
    """CSV with a header row; one chunk per batch of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n, entry in enumerate(iter_entries(session, since=since), start=1):
        writer.writerow(csv_row(entry, site))
        if n % 100 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def feed_tombstone(ref: VerdictRef, site: Site) -> dict[str, Any]:
    """A DataFeedItem for a withdrawn verdict: schema.org's dateDeleted and the review's URL."""
    url = page_url(site, ref.claim_id, ref.claim_text)
    return {
        "@type": "DataFeedItem",
        "dateCreated": _iso(ref.published_at),
        "dateModified": _iso(ref.modified_at),
        "dateDeleted": _iso(ref.modified_at),
        "item": [{"@type": "ClaimReview", "url": url}],
    }


def claimreview_chunks(
    session: Session, site: Site, *, since: datetime | None = None
) -> Iterator[str]:
    """The schema.org DataFeed, written item by item (the surrounding object is opened first)."""
    head = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": site.org_name,
        "url": site.base_url,
        "dateModified": _iso(feed_date_modified(session) or datetime.now(UTC)),
        "license": site.license,
    }
    yield to_json(head)[:-1] + ',"dataFeedElement":['
    first = True
    for entry in iter_entries(session, since=since):
        if isinstance(entry, VerdictRef):
            item = feed_tombstone(entry, site)
        else:
            item = claimreview.data_feed_item(entry, site)
        yield ("" if first else ",\n") + to_json(item)
        first = False
    yield "]}\n"


def chunks(
    fmt: str, session: Session, site: Site, *, since: datetime | None = None
) -> Iterator[str]:
    """The export in format `fmt` (one of FORMATS)."""
    makers = {"claimreview": claimreview_chunks, "csv": csv_chunks, "jsonl": jsonl_chunks}
    if fmt not in makers:
        raise ValidationError(f"Format must be one of {', '.join(FORMATS)}.", field="format")
    return makers[fmt](session, site, since=since)
