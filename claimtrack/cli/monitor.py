"""`claimtrack monitor …`: watched feeds and sitemaps, polling them now, the alert digest."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import click

from .base import db_session, echo_json, get_app

if TYPE_CHECKING:
    from claimtrack.models import WatchedSource


@click.group("monitor")
def monitor() -> None:
    """Watch outlets' feeds and sitemaps for checked claims that come back (see README)."""


@monitor.command("add")
@click.argument("url")
@click.option("--kind", type=click.Choice(["auto", "feed", "sitemap"]), default="auto",
              show_default=True)  # fmt: skip
@click.option("--outlet", default="", help="The outlet's name, shown on its stories and alerts.")
@click.option("--every", "interval", default=30, show_default=True, type=int,
              help="Minutes between polls (5 to 1440).")  # fmt: skip
@click.option("--language", default=None, help="Language of its stories (default: detected).")
@click.pass_context
def add(
    ctx: click.Context, url: str, kind: str, outlet: str, interval: int, language: str | None
) -> None:
    """Start watching the feed or sitemap at URL."""
    from claimtrack.services import users
    from claimtrack.services.monitoring import sources

    with db_session(ctx) as session:
        source = sources.add_source(session=session, actor=users.system_user(session), url=url,
                                    kind=kind, outlet=outlet, interval_minutes=interval,
                                    language=language)  # fmt: skip
        click.echo(f"Watching source {source.id}: {source.url} every {interval} minutes.")


@monitor.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def list_cmd(ctx: click.Context, as_json: bool) -> None:
    """Watched sources with their last poll, items seen, last error and next poll."""
    from claimtrack.services.monitoring import sources

    with db_session(ctx, write=False) as session:
        rows = [_row(s, sources.next_poll(s)) for s in sources.list_sources(session)]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        state = "paused" if not r["active"] else f"next {r['next_poll'] or 'now'}"
        error = f"  ERROR ({r['failures']}x): {r['last_error']}" if r["last_error"] else ""
        click.echo(f"{r['id']:>4} {r['kind']:<8} {r['outlet'] or '-':<20} {r['url']}  "
                   f"seen {r['items_seen']}, last {r['last_polled'] or 'never'}, {state}{error}")  # fmt: skip


def _row(source: WatchedSource, next_poll: datetime | None) -> dict[str, object]:
    return {
        "id": source.id,
        "url": source.url,
        "kind": source.kind,
        "outlet": source.outlet,
        "active": source.active,
        "interval_minutes": source.interval_minutes,
        "items_seen": source.items_seen,
        "failures": source.failures,
        "last_error": source.last_error,
        "last_polled": _iso(source.last_polled_at),
        "next_poll": _iso(next_poll),
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


@monitor.command("pause")
@click.argument("source_id", type=int)
@click.pass_context
def pause(ctx: click.Context, source_id: int) -> None:
    """Stop polling a source for now."""
    _act(ctx, "pause_source", source_id, "Paused")


@monitor.command("resume")
@click.argument("source_id", type=int)
@click.pass_context
def resume(ctx: click.Context, source_id: int) -> None:
    """Poll a paused source again, from now."""
    _act(ctx, "resume_source", source_id, "Resumed")


@monitor.command("delete")
@click.argument("source_id", type=int)
@click.option("--reason", default="")
@click.pass_context
def delete(ctx: click.Context, source_id: int, reason: str) -> None:
    """Stop watching a source for good (what was found through it stays)."""
    _act(ctx, "delete_source", source_id, "Deleted", reason=reason)


def _act(ctx: click.Context, action: str, source_id: int, done: str, **extra: str) -> None:
    from claimtrack.services import users
    from claimtrack.services.monitoring import sources

    with db_session(ctx) as session:
        getattr(sources, action)(session=session, actor=users.system_user(session),
                                 source_id=source_id, **extra)  # fmt: skip
    click.echo(f"{done} source {source_id}.")


@monitor.command("poll")
@click.argument("source_id", type=int, required=False)
@click.pass_context
def poll_cmd(ctx: click.Context, source_id: int | None) -> None:
    """Poll SOURCE_ID now (even if not due), or every due source; prints what was found."""
    from claimtrack.services.monitoring import poll

    app = get_app(ctx)
    db = app.extensions["claimtrack.db"]
    with app.app_context():
        if source_id is None:
            reports = poll.poll_due(db, app.config)
        else:
            reports = [poll.poll_source(db, source_id, app.config, force=True)]
    for r in reports:
        if not r.polled:
            click.echo(f"source {r.source_id}: not polled (paused, deleted or being polled)")
        elif r.error:
            click.echo(f"source {r.source_id}: failed: {r.error}")
        else:
            click.echo(f"source {r.source_id}: {r.items} new items, {r.stories} new stories, "
                       f"{r.proposed} sightings of checked claims, {r.failed_items} failed"
                       + (" (not modified)" if r.not_modified else ""))  # fmt: skip
    if not reports:
        click.echo("No source is due.")


@monitor.command("digest")
@click.option("--day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The day (UTC) to sum up; default: today.")  # fmt: skip
@click.pass_context
def digest_cmd(ctx: click.Context, day: datetime | None) -> None:
    """Write (and e-mail, if SMTP is configured) the alert digest now."""
    from claimtrack.services.monitoring import digest

    app = get_app(ctx)
    when = day.date() if day else date.today()
    path, sent = digest.make_digest(app.extensions["claimtrack.db"], app.config,
                                    app.instance_path, when)  # fmt: skip
    click.echo(f"Digest written to {path}" + (" and e-mailed." if sent else "."))
