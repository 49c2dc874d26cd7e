"""Polling a watched source: fetch it, read its new items, store each story once, raise alerts.

Who polls: the worker that wins the source's lease (one conditional UPDATE, as `jobs.claim` does
for a job), so two workers or two servers never poll one source at once; and should a lease run
out mid-poll, each item is still taken by inserting its `WatchedItem` row first (unique per source
and URL), so no item is read twice. Every request goes through the safe fetcher (`fetch_url`),
the feed with a conditional GET. Articles go through the desk's own intake (`intake.ingest_url`:
extraction, one story per canonical URL and body) and their candidate sentences through the
matcher (`search_text`, published claims only); a sentence the matcher calls the same claim as,
or a variant of, a published one is proposed on that claim's alert (and, in the same
transaction, sent to the partners subscribed to alerts). With the default (e5)
embedder a cheap screen (`screen.py`: use-m3 and the pair decision against the published claims)
first picks the sentences that could repeat one; only those are matched in full.

A source that fails (unreachable, HTTP error, not a feed) records the error and is backed off:
its next poll waits interval × 2^failures, at most a day. An article that fails is recorded on its
item and does not fail the source.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from claimtrack.db import Database
from claimtrack.extraction.feeds import FEED, FeedError, FeedItem, ParsedSource, parse_source
from claimtrack.fetch import FEED_TYPES, FetchError, FetchPolicy, fetch_url, story_policy
from claimtrack.models import Alert, AlertAppearance, User, WatchedItem, WatchedSource, utcnow
from claimtrack.services import jobs, users, webhooks
from claimtrack.services.errors import ValidationError
from claimtrack.services.intake import ingest as intake
from claimtrack.services.matching.match import embed_ahead, search_text
from claimtrack.services.monitoring import alerts, screen
from claimtrack.services.monitoring.sources import AUTO

log = logging.getLogger("claimtrack.monitoring")

LEASE_S = 300  # renewed after every article
MAX_BACKOFF_MIN = 24 * 60
MATCHES_PER_SENTENCE = 3


@dataclass
class PollReport:
    source_id: int
    polled: bool = False  # False: not due, paused, or held by another worker
    not_modified: bool = False
    items: int = 0  # new items read this time
    stories: int = 0  # stories stored for the first time
    proposed: int = 0  # sightings added to alerts
    sentences: int = 0  # candidate sentences of the stories read
    matched: int = 0  # ... of them matched in full (the others the screen ruled out)
    failed_items: int = 0
    error: str = ""


def backoff_minutes(interval: int, failures: int) -> int:
    """Minutes before the next try after `failures` failures in a row."""
    return int(min(interval * 2 ** min(failures, 20), MAX_BACKOFF_MIN))


def due_sources(session: Session, *, now: datetime | None = None, limit: int = 500) -> list[int]:
    """Active sources whose next poll is due and that nobody is polling."""
    now = now or utcnow()
    stmt = (
        select(WatchedSource.id)
        .where(WatchedSource.active, col(WatchedSource.deleted_at).is_(None))
        .where(col(WatchedSource.next_poll_at).is_(None) | (col(WatchedSource.next_poll_at) <= now))
        .where(col(WatchedSource.lease_until).is_(None) | (col(WatchedSource.lease_until) < now))
        .order_by(col(WatchedSource.next_poll_at))
        .limit(limit)
    )
    return [int(i) for i in session.exec(stmt) if i is not None]


def claim_source(
    session: Session, source_id: int, owner: str, *, force: bool = False
) -> WatchedSource | None:
    """Take the source's lease for `owner`; None when it is paused, not due or held elsewhere."""
    now = utcnow()
    stmt = (
        update(WatchedSource)
        .where(col(WatchedSource.id) == source_id, col(WatchedSource.active).is_(True))
        .where(col(WatchedSource.deleted_at).is_(None))
        .where(col(WatchedSource.lease_until).is_(None) | (col(WatchedSource.lease_until) < now))
        .values(lease_owner=owner, lease_until=now + timedelta(seconds=LEASE_S))
    )
    if not force:
        due = col(WatchedSource.next_poll_at).is_(None) | (col(WatchedSource.next_poll_at) <= now)
        stmt = stmt.where(due)
    if session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        return None
    session.commit()
    source = session.get(WatchedSource, source_id)
    if source is not None:
        session.refresh(source)
        session.expunge(source)
    return source


def _renew(
    session: Session, source_id: int, owner: str, *, commit: bool = True, **values: Any
) -> bool:
    stmt = (
        update(WatchedSource)
        .where(col(WatchedSource.id) == source_id, col(WatchedSource.lease_owner) == owner)
        .values(**values)
    )
    ok = session.execute(stmt).rowcount == 1  # type: ignore[attr-defined]
    if commit or not ok:
        session.commit()
    return bool(ok)


def poll_source(
    db: Database, source_id: int, config: Mapping[str, Any], *, force: bool = False
) -> PollReport:
    """Poll one source if it is due (or `force`) and free; what was found."""
    owner = jobs.worker_identity()
    with db.session_scope() as session:
        source = claim_source(session, source_id, owner, force=force)
        actor = _system_user(session) if source is not None else None
    report = PollReport(source_id)
    if source is None or actor is None:
        return report
    report.polled = True
    policy = story_policy(config, user_agent="claimtrack/0.1 (fact-checking desk; monitoring)")
    try:
        parsed, page_validators = _read_source(source, policy, config)
    except (FetchError, FeedError) as exc:
        report.error = _sentence(str(exc))
        _fail(db, source, owner, report.error)
        return report
    if parsed is None:
        report.not_modified = True
        _succeed(db, source, owner, page_validators, kind=source.kind, seen=0)
        return report
    limit = int(config.get("MONITOR_ITEMS_PER_POLL", 100))
    fresh = _unseen(db, source_id, parsed.items)
    sieve = _screen(db, config) if fresh else None
    for item in fresh[:limit]:
        if not _read_item(db, source, actor, item, policy, report, owner, sieve):
            return report  # the lease was lost: whoever holds it now finishes
    # Items left for the next poll: do not let a 304 hide them.
    keep = page_validators if len(fresh) <= limit else {}
    _succeed(db, source, owner, keep, kind=parsed.kind, seen=report.items)
    return report


def _screen(db: Database, config: Mapping[str, Any]) -> screen.Screen | None:
    """This poll's screen of candidate sentences (None: match every one; MONITOR_SCREEN off)."""
    if not config.get("MONITOR_SCREEN", True):
        return None
    with db.session_scope(write=False) as session:
        return screen.screen_for(session)


def _system_user(session: Session) -> User:
    actor = users.system_user(session)
    session.commit()
    session.expunge(actor)
    return actor


def _read_source(
    source: WatchedSource, policy: FetchPolicy, config: Mapping[str, Any]
) -> tuple[ParsedSource | None, dict[str, str]]:
    """The parsed feed or sitemap (children of a sitemap index read too); None when unchanged."""
    validators = {"etag": source.etag, "last_modified": source.last_modified}
    page = fetch_url(source.url, policy, types=FEED_TYPES, validators=validators)
    found = {"etag": page.etag, "last_modified": page.last_modified}
    if page.status == 304:
        return None, validators
    parsed = parse_source(page.content, None if source.kind == AUTO else source.kind)
    items = list(parsed.items)
    for child in parsed.children[: int(config.get("MONITOR_SITEMAP_CHILDREN", 3))]:
        sub = fetch_url(child.url, policy, types=FEED_TYPES)
        items.extend(parse_source(sub.content, parsed.kind).items)
    return replace(parsed, items=items, children=[]), found


def _unseen(db: Database, source_id: int, items: list[FeedItem]) -> list[FeedItem]:
    urls = [i.url for i in items]
    with db.session_scope(write=False) as session:
        seen: set[str] = set()
        for start in range(0, len(urls), 500):
            chunk = urls[start : start + 500]
            seen.update(session.exec(
                select(WatchedItem.url).where(
                    WatchedItem.source_id == source_id, col(WatchedItem.url).in_(chunk)
                )
            ))  # fmt: skip
    return [i for i in items if i.url not in seen]


def _read_item(
    db: Database,
    source: WatchedSource,
    actor: User,
    item: FeedItem,
    policy: FetchPolicy,
    report: PollReport,
    owner: str,
    sieve: screen.Screen | None,
) -> bool:
    """Take the item, store its story and propose its sightings. False when the lease is lost.

    The lease is renewed in the transaction that takes the item (one commit, not two)."""
    with db.session_scope() as session:
        if not _renew(session, source.id or 0, owner, commit=False,
                      lease_until=utcnow() + timedelta(seconds=LEASE_S)):  # fmt: skip
            return False
        row = WatchedItem(source_id=source.id or 0, url=item.url, title=item.title)
        session.add(row)
        try:
            session.commit()
        except IntegrityError:  # taken by a poll that ran at the same moment (renewal undone)
            session.rollback()
            return True
        report.items += 1
        try:
            _store_and_match(db, session, source, actor, row, policy, report, sieve)
        except ValidationError as exc:
            session.rollback()
            row.state, row.error = "failed", str(exc)[:500]
            report.failed_items += 1
            session.add(row)
            session.commit()
    return True


def _store_and_match(
    db: Database,
    session: Session,
    source: WatchedSource,
    actor: User,
    row: WatchedItem,
    policy: FetchPolicy,
    report: PollReport,
    sieve: screen.Screen | None,
) -> None:
    meta = intake.StoryMeta(outlet=source.outlet, language=source.language)
    result = _ingest(session, actor, row.url, meta, policy)  # commits the story
    report.stories += int(result.created)
    candidates = list(result.candidates)
    report.sentences += len(candidates)
    if sieve is not None:
        wanted = sieve.needs_matching(candidates)
        candidates = [c for c, keep in zip(candidates, wanted, strict=True) if keep]
    report.matched += len(candidates)
    embed_ahead([candidate.text for candidate in candidates])  # one batch, then searches
    # Matching reads only: in a session of its own, so SQLite's write lock is not held meanwhile.
    with db.session_scope(write=False) as reader:
        found = [
            (candidate, match)
            for candidate in candidates
            for match in search_text(
                reader,
                candidate.text,
                language=candidate.language,
                limit=MATCHES_PER_SENTENCE,
                published_only=True,
            )  # fmt: skip
            if match.kind in alerts.ALERT_KINDS
        ]
    by_alert: dict[int, list[AlertAppearance]] = defaultdict(list)
    for candidate, match in found:
        proposed = alerts.propose(session, story=result.story, candidate=candidate, match=match,
                                  source_id=source.id)  # fmt: skip
        if proposed is not None:
            by_alert[proposed.alert_id].append(proposed)
            report.proposed += 1
    for alert_id, sightings in by_alert.items():  # partners subscribed to alerts: same commit
        alert = session.get(Alert, alert_id)
        if alert is not None:
            webhooks.record_alert(session, alert=alert, story=result.story, sightings=sightings)
    row.state, row.story_id = "stored", result.story.id
    session.add(row)
    session.commit()


def _ingest(
    session: Session, actor: User, url: str, meta: intake.StoryMeta, policy: FetchPolicy
) -> intake.IntakeResult:
    """The desk's own URL intake; stored once, so a story stored meanwhile elsewhere is found."""
    try:
        return intake.ingest_url(session=session, actor=actor, url=url, meta=meta, policy=policy)
    except ValidationError as exc:
        if not isinstance(exc.__cause__, IntegrityError):
            raise
        return intake.ingest_url(session=session, actor=actor, url=url, meta=meta, policy=policy)


def _succeed(
    db: Database,
    source: WatchedSource,
    owner: str,
    validators: dict[str, str],
    *,
    kind: str,
    seen: int,
) -> None:
    now = utcnow()
    with db.session_scope() as session:
        _renew(session, source.id or 0, owner,
               kind=kind if source.kind == AUTO else source.kind,
               etag=validators.get("etag", ""), last_modified=validators.get("last_modified", ""),
               last_polled_at=now, last_error="", failures=0,
               items_seen=WatchedSource.items_seen + seen,
               next_poll_at=now + timedelta(minutes=source.interval_minutes),
               lease_owner="", lease_until=None)  # fmt: skip


def _fail(db: Database, source: WatchedSource, owner: str, error: str) -> None:
    now = utcnow()
    failures = source.failures + 1
    wait = backoff_minutes(source.interval_minutes, failures)
    log.warning("source %s failed (%s in a row): %s", source.id, failures, error)
    with db.session_scope() as session:
        _renew(session, source.id or 0, owner, last_polled_at=now, last_error=error[:1000],
               failures=failures, next_poll_at=now + timedelta(minutes=wait),
               lease_owner="", lease_until=None)  # fmt: skip


def _sentence(message: str) -> str:
    message = message[:1].upper() + message[1:]
    return message if message.endswith(".") else message + "."


def poll_due(db: Database, config: Mapping[str, Any]) -> list[PollReport]:
    """Poll every due source one after the other (the CLI's `poll`; the worker queues each)."""
    with db.session_scope(write=False) as session:
        due = due_sources(session)
    return [poll_source(db, source_id, config) for source_id in due]


__all__ = ["FEED", "PollReport", "backoff_minutes", "due_sources", "poll_due", "poll_source"]
