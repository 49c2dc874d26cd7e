"""`claimtrack ingest PATH|URL|-`: store a story once and print its ranked candidate claims.

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
    from flask import Flask

    from claimtrack.extraction import Candidate
    from claimtrack.fetch import FetchPolicy
    from claimtrack.models import Story
    from claimtrack.services.intake.ingest import IntakeResult, StoryMeta

BULK_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


def fetch_policy(app: Flask) -> FetchPolicy:
    """Limits from the config; loopback only ever for a testing app."""
    from claimtrack.fetch import FetchPolicy

    return FetchPolicy(
        read_timeout=float(app.config["FETCH_TIMEOUT_S"]),
        max_bytes=int(app.config["FETCH_MAX_BYTES"]),
        allow_loopback=bool(app.config.get("FETCH_ALLOW_LOOPBACK")) and app.testing,
    )


def _meta(title: str, outlet: str, published: str | None, language: str | None) -> StoryMeta:
    from claimtrack.services.errors import ValidationError
    from claimtrack.services.intake.ingest import StoryMeta

    day = None
    if published:
        try:
            day = date.fromisoformat(published)
        except ValueError:
            raise ValidationError("--published must be a date like 2022-01-05.") from None
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
    from claimtrack.services import users
    from claimtrack.services.intake import ingest as intake

    app = get_app(ctx)
    meta = _meta(title, outlet, published, language)
    with app.extensions["claimtrack.db"].session_scope() as session:
        actor = users.system_user(session)
        kw: dict[str, Any] = {"session": session, "actor": actor}
        if source.startswith(("http://", "https://")):
            results = [intake.ingest_url(**kw, url=source, meta=meta, policy=fetch_policy(app))]
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
    click.echo(f"   reasons: {'; '.join(c.reasons)}")
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
