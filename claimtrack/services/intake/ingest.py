"""Story intake: pasted text, uploaded pages, URLs and bulk files become stored stories
with ranked candidate claims; accepted candidates become claims or appearances.

All text work happens in the pure `claimtrack.extraction` package and the safe fetcher
*before* anything is written, so bad input (empty, binary, undecodable, too large,
non-public URL, wrong content type) raises one ValidationError and stores nothing. The
story itself is stored once, through `stories.add_story` (which dedupes by canonical URL
and content hash). Candidates are not stored: they are recomputed from the stored story,
which keeps them consistent with what `accept_candidate` checks against.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from sqlmodel import Session

from claimtrack.extraction import (
    DEFAULT_MIN_SCORE,
    Candidate,
    InputError,
    decode_bytes,
    detect_language,
    extract_candidates,
    looks_like_html,
    prepare_article,
)
from claimtrack.extraction.article import (
    MAX_PASTE_CHARS,
    MAX_PASTE_LINES,
    ArticleTooLong,
    PasteTooLong,
)
from claimtrack.extraction.bulk import parse_bulk
from claimtrack.extraction.language import sentence_language
from claimtrack.fetch import FetchError, FetchPolicy, fetch_url
from claimtrack.models import Claim, ClaimantKind, Story, User
from claimtrack.services import claims
from claimtrack.services.base import check_language, get_or_raise, require, use_case
from claimtrack.services.errors import ValidationError
from claimtrack.services.intake import stories
from claimtrack.services.matching import match as matching
from claimtrack.services.matching.match import MatchResult
from claimtrack.values import http_url
from claimtrack.workflow import Permission

MAX_INPUT_BYTES = 5 * 1024 * 1024
MAX_BULK_BYTES = 10 * MAX_INPUT_BYTES
UPLOAD_SUFFIXES = (".html", ".htm", ".txt")
_KINDS = {
    "person": ClaimantKind.PERSON,
    "organisation": ClaimantKind.ORGANISATION,
    "outlet": ClaimantKind.ORGANISATION,
    "unnamed": ClaimantKind.UNKNOWN,
}


@dataclass
class StoryMeta:
    """What the desk says about a story; each given field wins over what the page says."""

    title: str = ""
    outlet: str = ""
    published: date | None = None
    language: str | None = None
    url: str | None = None
    byline: str = ""


@dataclass(frozen=True)
class IntakeResult:
    story: Story
    created: bool
    candidates: list[Candidate]


@contextmanager
def _as_validation(field: str) -> Iterator[None]:
    """Turn extraction and fetch errors into the domain's ValidationError."""
    try:
        yield
    except PasteTooLong as exc:
        raise ValidationError(
            "The pasted text has %(length)s characters in %(lines)s lines; intake takes at most "
            "%(max)s characters in %(max_lines)s lines: paste one story at a time.",
            field=field,
            params={
                "length": exc.length,
                "lines": exc.lines,
                "max": MAX_PASTE_CHARS,
                "max_lines": MAX_PASTE_LINES,
            },
        ) from exc
    except ArticleTooLong as exc:
        raise ValidationError(
            "The article text is %(length)s characters long; intake reads at most %(max)s "
            "characters: paste one story at a time.",
            field=field,
            params={"length": exc.length, "max": exc.limit},
        ) from exc
    except (InputError, FetchError) as exc:
        raise ValidationError(_sentence(str(exc)), field=field) from exc


def _sentence(message: str) -> str:
    message = message[:1].upper() + message[1:]
    return message if message.endswith(".") else message + "."


def prepare_text(text: str, meta: StoryMeta | None = None) -> stories.StoryInput:
    """Pasted page text (or pasted HTML source) -> the story to store. Pure."""
    meta = meta or StoryMeta()
    if len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise ValidationError(
            "The text is larger than %(max)s bytes.", field="body", params={"max": MAX_INPUT_BYTES}
        )
    if not text.strip():
        raise ValidationError("The text is empty.", field="body")
    if looks_like_html(text):
        return _from_html(text, meta, base_url=meta.url)
    with _as_validation("body"):  # a headline or a sentence is a story of one sentence
        page = prepare_article(text, title=meta.title or None)
    return _story_input(
        meta, page.title, page.body, page.byline, page.outlet, _iso_date(page.published), None
    )


def prepare_bytes(
    data: bytes,
    meta: StoryMeta | None = None,
    *,
    content_type: str | None = None,
    base_url: str | None = None,
) -> stories.StoryInput:
    """Uploaded or fetched bytes -> the story to store. Pure."""
    meta = meta or StoryMeta()
    if len(data) > MAX_INPUT_BYTES:
        raise ValidationError(
            "The file is larger than %(max)s bytes.", field="file", params={"max": MAX_INPUT_BYTES}
        )
    with _as_validation("file"):
        text = decode_bytes(data, content_type)
    media = (content_type or "").split(";")[0].strip().lower()
    if media == "text/plain" or not looks_like_html(text):
        return prepare_text(text, meta)
    return _from_html(text, meta, base_url=base_url)


def _from_html(html: str, meta: StoryMeta, base_url: str | None) -> stories.StoryInput:
    with _as_validation("body"):
        page = prepare_article(html, url=base_url)
    canonical = page.url if _same_site(page.url, base_url) else None
    return _story_input(
        meta, page.title, page.body, page.byline, page.outlet, _iso_date(page.published), canonical
    )


def _same_site(declared: str | None, fetched: str | None) -> bool:
    """A page may name its canonical URL only on its own site (else it could alias another)."""
    if http_url(declared) is None:
        return False
    if fetched is None:
        return True
    host = (urlsplit(str(declared)).hostname or "").removeprefix("www.")
    return host == (urlsplit(fetched).hostname or "").removeprefix("www.")


def _story_input(
    meta: StoryMeta,
    title: str,
    body: str,
    byline: str,
    outlet: str,
    published: date | None,
    canonical: str | None,
) -> stories.StoryInput:
    if not body.strip():
        raise ValidationError("No article text found in the input.", field="body")
    title = meta.title or title
    language = meta.language or detect_language(f"{title}\n{body}")
    check_language(language)
    day = meta.published or published
    return stories.StoryInput(
        body=body,
        title=title,
        url=meta.url,
        canonical_url=canonical,
        outlet=meta.outlet or outlet,
        byline=meta.byline or byline,
        language=language,
        published_at=datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None,
    )


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def story_candidates(story: Story, min_score: float = DEFAULT_MIN_SCORE) -> list[Candidate]:
    """Ranked candidate claims of a stored story (deterministic for the same story)."""
    return extract_candidates(
        story.body,
        story.title,
        story.language,
        story.published_at,
        outlet=story.outlet or None,
        min_score=min_score,
    )


def _store(
    session: Session, actor: User, data: stories.StoryInput, min_score: float
) -> IntakeResult:
    result = stories.add_story(session=session, actor=actor, data=data)
    return IntakeResult(result.story, result.created, story_candidates(result.story, min_score))


def ingest_text(
    *,
    session: Session,
    actor: User,
    text: str,
    meta: StoryMeta | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> IntakeResult:
    """Store a pasted page once and return it with its ranked candidates."""
    require(actor, Permission.INGEST)
    return _store(session, actor, prepare_text(text, meta), min_score)


def ingest_file(
    *,
    session: Session,
    actor: User,
    filename: str,
    data: bytes,
    meta: StoryMeta | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> IntakeResult:
    """Store an uploaded .html/.htm/.txt page once and return it with its candidates."""
    require(actor, Permission.INGEST)
    if not filename.lower().endswith(UPLOAD_SUFFIXES):
        raise ValidationError("Upload an .html, .htm or .txt file.", field="file")
    content_type = "text/plain" if filename.lower().endswith(".txt") else None
    return _store(session, actor, prepare_bytes(data, meta, content_type=content_type), min_score)


def ingest_bytes(
    *,
    session: Session,
    actor: User,
    data: bytes,
    meta: StoryMeta | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> IntakeResult:
    """Store a page given as bytes of unknown kind (e.g. standard input): HTML is detected."""
    require(actor, Permission.INGEST)
    return _store(session, actor, prepare_bytes(data, meta), min_score)


def ingest_url(
    *,
    session: Session,
    actor: User,
    url: str,
    meta: StoryMeta | None = None,
    policy: FetchPolicy | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> IntakeResult:
    """Fetch `url` safely, store the story once and return it with its candidates."""
    require(actor, Permission.INGEST)
    with _as_validation("url"):
        page = fetch_url(url, policy or FetchPolicy())
    meta = meta or StoryMeta()
    meta = replace(meta, url=meta.url or url)
    data = prepare_bytes(page.content, meta, content_type=page.content_type, base_url=page.url)
    if data.canonical_url is None and page.url != url:
        data.canonical_url = page.url
    return _store(session, actor, data, min_score)


def ingest_bulk(
    *,
    session: Session,
    actor: User,
    data: bytes,
    fmt: str,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[IntakeResult]:
    """Import stories from JSON Lines or CSV: every record is checked before any is stored.

    Each story is then stored through `add_story` (its own transaction); re-running an
    import is safe because stories are deduplicated.
    """
    require(actor, Permission.INGEST)
    if len(data) > MAX_BULK_BYTES:
        raise ValidationError(
            "The file is larger than %(max)s bytes.", field="file", params={"max": MAX_BULK_BYTES}
        )
    prepared = prepare_bulk(data, fmt)
    return [_store(session, actor, item, min_score) for item in prepared]


@use_case
def accept_candidate(
    *,
    session: Session,
    actor: User,
    story_id: int,
    text: str,
    position: int | None,
    claim_id: int | None = None,
    reworded: str = "",
) -> Claim:
    """Turn a candidate of a stored story into a claim, or into an appearance of `claim_id`.

    The candidate is looked up again in the stored story (by position and text), so what
    is saved (claimant, figures, score) is what the extractor says, not what a client sent.
    `reworded` is the desk's wording of a new claim: the claim is created as extracted and then
    edited to it in the same transaction, so the audit log shows both and nothing is half-saved.
    """
    require(actor, Permission.TRIAGE)
    story = get_or_raise(session, Story, story_id)
    candidate = _find_candidate(story, text, position)
    appearance = claims.AppearanceInput(
        story_id=story_id,
        quote=candidate.text,
        position=candidate.start,
        credited_to=candidate.claimant or "",
    )
    if claim_id is not None:
        claims.add_appearance(session=session, actor=actor, claim_id=claim_id, data=appearance)
        return get_or_raise(session, Claim, claim_id)
    data = claims.ClaimInput(
        text=candidate.text,
        language=candidate.language,
        claimant=candidate.claimant or "",
        claimant_kind=_KINDS.get(candidate.claimant_kind, ClaimantKind.UNKNOWN),
        claim_date=story.published_at.date() if story.published_at else None,
        worthiness=candidate.score,
        worthiness_reasons=candidate.reason_dicts(),
        figures=candidate.figure_dicts(),
        places=list(candidate.places),
        dates=[d.display for d in candidate.dates],
    )
    claim = claims.create_claim(session=session, actor=actor, data=data, appearance=appearance)
    reworded = reworded.strip()
    if reworded and reworded != candidate.text.strip():
        claim = claims.edit_claim(
            session=session,
            actor=actor,
            claim_id=claim.id or 0,
            expected_version=claim.version,
            # a quote translated by the desk is a claim in the language it was translated into
            changes={"text": reworded, "language": sentence_language(reworded, claim.language)},
        )
    return claim


def prepare_bulk(data: bytes, fmt: str) -> list[stories.StoryInput]:
    """Every record of a JSON Lines or CSV file checked and prepared, before any is stored
    (the `ingest` command and the desk's import job share this); a bad record names its line."""
    with _as_validation("file"):
        records = parse_bulk(decode_bytes(data), fmt)
    prepared = []
    for record in records:
        meta = StoryMeta(
            title=record.title,
            outlet=record.outlet,
            published=record.published,
            language=record.language,
            url=record.url or None,
            byline=record.byline,
        )
        try:
            prepared.append(prepare_text(record.body, meta))
        except ValidationError as exc:
            raise ValidationError(
                "Line %(line)s: %(problem)s",
                field="file",
                params={"line": record.line, "problem": exc},
            ) from exc
    return prepared


def similar_claims(session: Session, candidate: Candidate, *, limit: int = 5) -> list[MatchResult]:
    """Stored claims like a candidate, so the desk can attach it to one instead of a new claim.

    Hits the matcher calls *unrelated* are left out here, once for every screen (intake rows,
    the new-claim notice, ``claim add``): a list of "similar" claims about another event teaches
    the desk to ignore the list.
    """
    found = matching.search_text(session, candidate.text, language=candidate.language, limit=limit)
    return [m for m in found if m.kind != "unrelated"]


def _find_candidate(story: Story, text: str, position: int | None) -> Candidate:
    for candidate in story_candidates(story, min_score=0.0):
        if candidate.start == position and candidate.text == text.strip():
            return candidate
    raise ValidationError("That sentence is not a candidate of this story.", field="candidate")
