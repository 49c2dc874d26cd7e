"""Stories: stored once, however often they are ingested."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from sqlmodel import Session, col, select

from claimtrack.models import Story, User, utcnow
from claimtrack.services import audit
from claimtrack.services.base import (
    check_http_url,
    check_language,
    clean_text,
    get_or_raise,
    require,
    use_case,
)
from claimtrack.workflow import Permission

MAX_BODY_CHARS = 500_000
_TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+|ref|wt_mc|at_[a-z]+)$")


@dataclass
class StoryInput:
    body: str
    title: str = ""
    url: str | None = None
    canonical_url: str | None = None
    outlet: str = ""
    byline: str = ""
    language: str = "de"
    published_at: datetime | None = None
    retrieved_at: datetime | None = None


@dataclass(frozen=True)
class StoryResult:
    story: Story
    created: bool


def content_hash(body: str) -> str:
    """Identity of a story body: NFC, case-folded, whitespace collapsed."""
    norm = " ".join(unicodedata.normalize("NFC", body).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def canonicalise_url(url: str | None) -> str | None:
    """Lower-case scheme and host, drop fragment, tracking parameters and a trailing slash."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    query = "&".join(
        p
        for p in parts.query.split("&")
        if p and not _TRACKING_PARAMS.match(p.split("=")[0].lower())
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def find_existing(session: Session, canonical: str | None, digest: str) -> Story | None:
    if canonical:
        story = session.exec(select(Story).where(Story.canonical_url == canonical)).first()
        if story is not None:
            return story
    return session.exec(select(Story).where(Story.content_hash == digest)).first()


@use_case
def add_story(*, session: Session, actor: User, data: StoryInput) -> StoryResult:
    """Store a story, or return the one already stored with the same canonical URL or body."""
    require(actor, Permission.INGEST)
    body = clean_text(data.body, "body", max_len=MAX_BODY_CHARS)
    url = check_http_url(data.url, "url", required=False)
    canonical = canonicalise_url(
        check_http_url(data.canonical_url, "canonical_url", required=False) or url
    )
    check_language(data.language)
    digest = content_hash(body)
    existing = find_existing(session, canonical, digest)
    if existing is not None:
        return StoryResult(existing, created=False)
    story = Story(
        url=url,
        canonical_url=canonical,
        outlet=clean_text(data.outlet, "outlet", required=False, max_len=200),
        title=clean_text(data.title, "title", required=False, max_len=1000),
        byline=clean_text(data.byline, "byline", required=False, max_len=500),
        language=data.language,
        published_at=data.published_at,
        retrieved_at=data.retrieved_at or utcnow(),
        body=body,
        content_hash=digest,
        created_by_id=actor.id,
    )
    session.add(story)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="story.create",
        obj=story,
        after=audit.snapshot(story, ["title", "outlet", "url", "language"]),
    )
    return StoryResult(story, created=True)


def get_story(session: Session, story_id: int) -> Story:
    return get_or_raise(session, Story, story_id)


def list_stories(session: Session, *, limit: int = 50, offset: int = 0) -> list[Story]:
    stmt = (
        select(Story)
        .where(col(Story.deleted_at).is_(None))
        .order_by(col(Story.created_at).desc(), col(Story.id).desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.exec(stmt))
