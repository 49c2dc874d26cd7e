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
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from claimtrack.models import Claim, Verdict, VerdictState
from claimtrack.publishing import claimreview
from claimtrack.publishing.claimreview import Site
from claimtrack.publishing.export_rows import (
    CSV_COLUMNS,
    Entry,
    VerdictRef,
    csv_row,
    feed_tombstone,
    iso,
    record,
    to_json,
    tombstone,
)
from claimtrack.services.publication import bundles as publication

from .errors import ValidationError

FORMATS = ("claimreview", "csv", "jsonl")
# Flask adds "; charset=utf-8" to text/* types itself.
MEDIA_TYPES = {
    "claimreview": "application/json",
    "csv": "text/csv",
    "jsonl": "application/jsonl; charset=utf-8",
}
BATCH_SIZE = 500
CHUNK_ITEMS = 100  # items joined into one chunk: fewer, larger writes to the client


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


def iter_entries(
    session: Session, *, since: datetime | None, batch_size: int = BATCH_SIZE
) -> Iterator[Entry]:
    """Bundles of published verdicts and refs of withdrawn ones (tombstones), in verdict id order."""
    scale = publication.scale_views(session)  # once per export, not per batch
    for refs in iter_refs(session, since=since, batch_size=batch_size):
        published = [r.claim_id for r in refs if r.state == VerdictState.PUBLISHED]
        loaded = publication.load_bundles(session, published, scale=scale)
        bundles = {b.claim.id: b for b in loaded}
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


# -- formats ----------------------------------------------------------------------------------------


def jsonl_chunks(session: Session, site: Site, *, since: datetime | None = None) -> Iterator[str]:
    """JSON Lines: one record (or tombstone) per line, sent 100 lines a chunk."""
    lines: list[str] = []
    for entry in iter_entries(session, since=since):
        row = tombstone(entry, site) if isinstance(entry, VerdictRef) else record(entry, site)
        lines.append(to_json(row) + "\n")
        if len(lines) == CHUNK_ITEMS:
            yield "".join(lines)
            lines.clear()
    if lines:
        yield "".join(lines)


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


def claimreview_chunks(
    session: Session, site: Site, *, since: datetime | None = None
) -> Iterator[str]:
    """The schema.org DataFeed, written item by item (the surrounding object is opened first)."""
    head = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": site.org_name,
        "url": site.base_url,
        "dateModified": iso(feed_date_modified(session) or datetime.now(UTC)),
        "license": site.license,
    }
    yield to_json(head)[:-1] + ',"dataFeedElement":['
    items: list[str] = []
    sent = False
    for entry in iter_entries(session, since=since):
        if isinstance(entry, VerdictRef):
            item = feed_tombstone(entry, site)
        else:
            item = claimreview.data_feed_item(entry, site)
        items.append(to_json(item))
        if len(items) == CHUNK_ITEMS:
            yield ("," if sent else "") + ",\n".join(items)
            sent, items = True, []
    if items:
        yield ("," if sent else "") + ",\n".join(items)
    yield "]}\n"


def chunks(
    fmt: str, session: Session, site: Site, *, since: datetime | None = None
) -> Iterator[str]:
    """The export in format `fmt` (one of FORMATS)."""
    makers = {"claimreview": claimreview_chunks, "csv": csv_chunks, "jsonl": jsonl_chunks}
    if fmt not in makers:
        raise ValidationError(
            "Format must be one of %(choices)s.",
            field="format",
            params={"choices": ", ".join(FORMATS)},
        )
    return makers[fmt](session, site, since=since)
