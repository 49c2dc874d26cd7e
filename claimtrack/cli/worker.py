"""`claimtrack worker` (queue consumers) and `claimtrack webhooks …` (partner endpoints)."""

from __future__ import annotations

import os
import signal
import threading
import time

import click

from .base import LazyChoice, db_session, get_app

EVENTS = LazyChoice("claimtrack.services.webhooks:EVENTS")


def _watch_parent(parent: int) -> None:
    """Stop this worker when the `claimtrack run` that started it is gone (even after kill -9)."""
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)


@click.command()
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@click.option("--exit-with-parent", is_flag=True, hidden=True)
@click.pass_context
def worker(ctx: click.Context, threads: int, exit_with_parent: bool) -> None:
    """Run queue consumers: imports, re-indexing, webhook deliveries, the periodic sweep.

    Start as many as you like, on as many machines as share the database and the queue
    (CLAIMTRACK_QUEUE_URL=redis://…). Stop with Ctrl-C or SIGTERM (finishes running jobs);
    a worker killed outright loses nothing: its jobs are taken over.
    """
    import logging

    from claimtrack.jobs import queue_for
    from claimtrack.jobs.tasks import sweep_now

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    app = get_app(ctx)
    queue = queue_for(app)
    if exit_with_parent:
        threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    requeued = sweep_now(app.extensions["claimtrack.db"], queue.tasks.run_job, queue.tasks.deliver)
    where = "SQLite" if queue.embedded else "Redis"
    click.echo(
        f"claimtrack worker: {threads} threads on the {where} queue; "
        f"queued again {requeued[0]} jobs and {requeued[1]} deliveries.",
        err=True,
    )
    queue.consumer(workers=threads).run()


@click.group("webhooks")
def webhooks_group() -> None:
    """Partner webhook endpoints (Standard Webhooks)."""


@webhooks_group.command("add")
@click.argument("partner")
@click.argument("url")
@click.option(
    "--event",
    "events",
    multiple=True,
    type=EVENTS,
    default=("verdict.published", "verdict.corrected", "verdict.withdrawn"),
    show_default=True,
)
@click.pass_context
def webhooks_add(ctx: click.Context, partner: str, url: str, events: tuple[str, ...]) -> None:
    """Register PARTNER's endpoint URL; prints the signing secret once."""
    from claimtrack.services import users, webhooks

    app = get_app(ctx)
    with db_session(ctx) as session:
        endpoint, secret = webhooks.add_endpoint(
            session=session,
            actor=users.system_user(session),
            partner=partner,
            url=url,
            events=list(events),
            policy=webhooks.policy_from_config(app.config),
        )
    click.echo(f"Endpoint {endpoint.id} for {partner}: {url} ({', '.join(endpoint.events)})")
    click.echo(f"Signing secret (shown once): {secret}")


@webhooks_group.command("list")
@click.pass_context
def webhooks_list(ctx: click.Context) -> None:
    """Endpoints and their latest deliveries."""
    from claimtrack.services import webhooks

    with db_session(ctx, write=False) as session:
        for e in webhooks.list_endpoints(session):
            state = "active" if e.active else "disabled"
            click.echo(f"{e.id}\t{e.partner}\t{e.url}\t{','.join(e.events)}\t{state}")
        for d in webhooks.list_deliveries(session, limit=20):
            click.echo(
                f"  delivery {d.id}\t{d.event_type}\tclaim {d.claim_id}\t{d.state}\t"
                f"attempts {d.attempts}\tHTTP {d.last_status or '-'}\t{d.message_id}"
            )
