"""`claimtrack export`: the partner exports (DataFeed, CSV, JSON Lines) to a file or stdout.

A file is written next to its destination and renamed into place at the end, so a failed export
never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click

from .base import LazyChoice, get_app


def _write_atomically(path: Path, chunks: Iterator[str]) -> int:
    """Write all chunks to `path` via a temporary file in the same folder; returns the bytes written."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    written = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                written += out.write(chunk)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


@click.command("export")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=LazyChoice("claimtrack.services.exports:FORMATS"),
    help="Format.",
)
@click.option("--since", default=None, help="Only verdicts changed since this ISO 8601 time.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@click.pass_context
def export(ctx: click.Context, fmt: str, since: str | None, out: Path | None) -> None:
    """Export published verdicts (withdrawn ones as tombstones with --since)."""
    from claimtrack.publishing import claimreview
    from claimtrack.services import exports

    app = get_app(ctx)
    since_at = exports.parse_since(since)
    site = claimreview.site_from_config(app.config)
    if out is not None and not out.resolve().parent.is_dir():
        raise click.BadParameter(f"folder {out.parent} does not exist", param_hint="--out")
    with app.extensions["claimtrack.db"].session_scope(write=False) as session:
        chunks = exports.chunks(fmt, session, site, since=since_at)
        if out is None:
            for chunk in chunks:
                click.echo(chunk, nl=False)
            return
        size = _write_atomically(out, chunks)
    click.echo(f"Wrote {fmt} export to {out} ({size} characters).", err=True)
