"""`claimtrack ingest PATH|URL|-`: store a story once and print its ranked candidate claims;
`claimtrack claim add TEXT`: note a claim that came without a story.

A thin adapter over `services.intake`: PATH may be an .html/.htm/.txt page or a bulk
.jsonl/.csv file of stories; URL is fetched by the safe fetcher; `-` reads standard input.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from claimtrack.languages import LANGUAGES, is_supported

from .base import get_app

if TYPE_CHECKING:
    from claimtrack.extraction import Candidate
    from claimtrack.models import Story
    from claimtrack.services.intake.ingest import IntakeResult, StoryMeta
    from claimtrack.services.intake.new_claim import NotedClaim

BULK_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def _meta(
    title: str,
    outlet: str,
    published: str | None,
    language: str | None,
    option: str = "--published",
) -> StoryMeta:
    from claimtrack.services.errors import ValidationError
    from claimtrack.services.intake.ingest import StoryMeta

    day = None
    if published:
        try:
            day = date.fromisoformat(published)
        except ValueError:
            raise ValidationError(
                "%(option)s must be a date like 2022-01-05.", params={"option": option}
            ) from None
    if language is not None and not is_supported(language):
        raise ValidationError(
            "--language must be one of: %(languages)s.", params={"languages": ", ".join(LANGUAGES)}
        )
    return StoryMeta(title=title, outlet=outlet, published=day, language=language)


@click.command("ingest")
@click.argument("source")
@click.option("--title", default="", help="Headline (otherwise taken from the page).")
@click.option("--outlet", default="", help="Outlet name (otherwise from the page).")
@click.option("--published", default=None, help="Publication date, YYYY-MM-DD.")
@click.option("--language", default=None, help="de or en (otherwise detected).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def ingest(
    ctx: click.Context,
    source: str,
    title: str,
    outlet: str,
    published: str | None,
    language: str | None,
    as_json: bool,
) -> None:
    """Store the story in SOURCE (file, URL or - for stdin) and list candidate claims."""
    from claimtrack.fetch import story_policy
    from claimtrack.services import users
    from claimtrack.services.intake import ingest as intake

    app = get_app(ctx)
    meta = _meta(title, outlet, published, language)
    with app.extensions["claimtrack.db"].session_scope() as session:
        actor = users.system_user(session)
        kw: dict[str, Any] = {"session": session, "actor": actor}
        if source.startswith(("http://", "https://")):
            results = [
                intake.ingest_url(**kw, url=source, meta=meta, policy=story_policy(app.config))
            ]
        elif source == "-":
            data = sys.stdin.buffer.read(intake.MAX_INPUT_BYTES + 1)
            results = [intake.ingest_bytes(**kw, data=data, meta=meta)]
        else:
            path = Path(source)
            fmt = BULK_SUFFIXES.get(path.suffix.lower())
            with path.open("rb") as handle:  # read one byte past the cap, never the rest
                cap = intake.MAX_BULK_BYTES if fmt else intake.MAX_INPUT_BYTES
                data = handle.read(cap + 1)
            if fmt:
                results = intake.ingest_bulk(**kw, data=data, fmt=fmt)
            else:
                results = [intake.ingest_file(**kw, filename=path.name, data=data, meta=meta)]
        _print(results, as_json)


@click.group("claim")
def claim_group() -> None:
    """Claims that come without a story (heard on TV, seen on social media)."""


@claim_group.command("add")
@click.argument("text")
@click.option("--claimant", default="", help="Who made the claim (otherwise from the text).")
@click.option("--said-on", default=None, help="When it was said, YYYY-MM-DD.")
@click.option("--source-url", default=None, help="Where it can be seen (post, video page).")
@click.option("--language", default=None, help="de or en (otherwise detected).")
@click.option(
    "--language-confirmed",
    is_flag=True,
    help="Keep --language although the text seems to be in the other language.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def claim_add(
    ctx: click.Context,
    text: str,
    claimant: str,
    said_on: str | None,
    source_url: str | None,
    language: str | None,
    language_confirmed: bool,
    as_json: bool,
) -> None:
    """Note the claim TEXT: extracted, matched and stored like a claim from a story."""
    from claimtrack.services import users
    from claimtrack.services.intake import new_claim

    app = get_app(ctx)
    meta = _meta("", "", said_on, language, "--said-on")  # the checks of ingest's options
    data = new_claim.NewClaim(
        text, claimant, meta.published, source_url, meta.language, language_confirmed
    )
    with app.extensions["claimtrack.db"].session_scope() as session:
        actor = users.system_user(session)
        noted = new_claim.note_claim(session=session, actor=actor, data=data)
        _print_noted(noted, as_json)


def _print_noted(noted: NotedClaim, as_json: bool) -> None:
    claim = noted.claim
    similar = [
        {"claim_id": m.claim_id, "text": m.text, "score": round(m.score, 1), "kind": m.kind}
        for m in noted.similar
    ]
    if as_json:
        out = {
            "claim": {"id": claim.id, "text": claim.text, "language": claim.language,
                      "claimant": claim.claimant, "claimant_kind": str(claim.claimant_kind),
                      "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
                      "figures": claim.figures, "places": claim.places, "dates": claim.dates},
            "candidate": noted.candidate.to_dict(),
            "similar": similar,
        }  # fmt: skip
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    click.echo(f"Claim {claim.id}: {claim.text}")
    click.echo(f"Claimant: {claim.claimant or '-'}  Said on: {claim.claim_date or '-'}")
    _print_candidate(1, noted.candidate)
    for m in similar:
        click.echo(f"Similar: claim {m['claim_id']} [{m['score']} {m['kind']}] {m['text']}")


def _print(results: list[IntakeResult], as_json: bool) -> None:
    if as_json:
        objects = [_as_dict(r) for r in results]
        click.echo(json.dumps(objects[0] if len(objects) == 1 else {"stories": objects},
                              ensure_ascii=False, indent=2))  # fmt: skip
        return
    for result in results:
        _print_text(result)


def _story_dict(story: Story, created: bool) -> dict[str, Any]:
    return {
        "id": story.id,
        "created": created,
        "title": story.title,
        "outlet": story.outlet,
        "byline": story.byline,
        "url": story.url,
        "canonical_url": story.canonical_url,
        "published": story.published_at.date().isoformat() if story.published_at else None,
        "language": story.language,
    }


def _as_dict(result: IntakeResult) -> dict[str, Any]:
    return {
        "story": _story_dict(result.story, result.created),
        "body": result.story.body,
        "candidates": [c.to_dict() for c in result.candidates],
    }


def _print_text(result: IntakeResult) -> None:
    story = _story_dict(result.story, result.created)
    state = "new" if result.created else "already stored"
    click.echo(f"Story {story['id']} ({state}): {story['title']}")
    click.echo(
        f"Outlet: {story['outlet'] or '-'}  Published: {story['published'] or '-'}  "
        f"Language: {story['language']}"
    )
    if story["url"]:
        click.echo(f"URL: {story['url']}")
    click.echo("\n" + result.story.body + "\n")
    click.echo(f"Candidates ({len(result.candidates)}):")
    for number, candidate in enumerate(result.candidates, start=1):
        _print_candidate(number, candidate)


def _print_candidate(number: int, c: Candidate) -> None:
    click.echo(f"{number}. [{c.score:.2f}] {c.text}")
    click.echo(f"   claimant: {c.claimant or '-'} ({c.claimant_kind})")
    click.echo(f"   reasons: {'; '.join(str(r) for r in c.reasons)}")
    if c.figures:
        figures = ", ".join(
            f"{f.raw} = {f.value:g}"
            + "".join(f" {x}" for x in (f.qualifier, f.unit, f.counted) if x)
            for f in c.figures
        )
        click.echo(f"   figures: {figures}")
    if c.places:
        click.echo(f"   places: {', '.join(c.places)}")
    if c.dates:
        dates = ", ".join(d.raw if d.value is None else f"{d.raw} = {d.value}" for d in c.dates)
        click.echo(f"   dates: {dates}")
