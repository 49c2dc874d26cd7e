"""`claimtrack queue repair`: recompute the triage queue's maintained columns."""

from __future__ import annotations

import time

import click

from .base import get_app


@click.group("queue")
def queue() -> None:
    """Maintain the desk's triage queue."""


@queue.command("repair")
@click.option("--batch", default=5000, show_default=True, type=click.IntRange(100, 100_000))
@click.pass_context
def repair(ctx: click.Context, batch: int) -> None:
    """Recompute every claim's spread and rank inputs (after a bulk load, or to check for drift);
    prints how many claims were out of date. Safe to run at any time."""
    from claimtrack.services import queue_rank

    started = time.perf_counter()
    with get_app(ctx).extensions["claimtrack.db"].session_scope() as session:
        changed = queue_rank.repair(session, batch=batch)
        session.commit()
    click.echo(f"{changed} claims brought up to date in {time.perf_counter() - started:.1f} s.")
