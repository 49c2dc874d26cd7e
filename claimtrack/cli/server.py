"""init, demo, run, backup: setting up and running an instance."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import click

from .base import get_app


def write_instance_config(instance: Path) -> Path | None:
    """Create instance/config.py with a random secret key, once. Returns the path when it was created."""
    path = instance / "config.py"
    if path.exists():
        return None
    instance.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Written by `claimtrack init`. Keep this file out of version control.\n"
        f"SECRET_KEY = {secrets.token_hex(32)!r}\n"
        "# DATABASE_URL = 'postgresql+psycopg://user@host:5432/claimtrack'\n"
        "# ORG_NAME = 'Your fact-checking desk'\n"
        "# The public address of the reader pages; every absolute link uses it.\n"
        "# PUBLIC_BASE_URL = 'https://factcheck.example.org/'\n"
        "# ORG_URL = 'https://factcheck.example.org/'  # defaults to PUBLIC_BASE_URL\n",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def set_instance_setting(instance: Path, name: str, value: str) -> bool:
    """Append `NAME = 'value'` to instance/config.py unless the file sets it already."""
    path = instance / "config.py"
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    if any(line.startswith((f"{name} ", f"{name}=")) for line in text.splitlines()):
        return False
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{name} = {value!r}\n")
    return True


def _instance_dir() -> Path:
    from flask import Flask

    from claimtrack.app import instance_path

    return Path(
        Flask(
            "claimtrack", instance_path=instance_path(), instance_relative_config=True
        ).instance_path
    )


def _prepare(ctx: click.Context) -> None:
    from claimtrack.services import setup

    if "app" not in ctx.obj:
        created = write_instance_config(_instance_dir())
        if created:
            click.echo(f"Wrote {created} with a new secret key.")
    app = get_app(ctx)
    db = app.extensions["claimtrack.db"]
    revision = setup.initialise(db)
    click.echo(f"Database ready at schema revision {revision} ({db.engine.dialect.name}).")
    if not setup.matching_index_current(db):
        click.echo(
            "The matching index holds claims read by older rules or aliases: rebuild it with "
            "`claimtrack matching reindex` (or Admin > Matching > Rebuild the index)."
        )


@click.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create or upgrade the database (and a secret key on first run)."""
    _prepare(ctx)


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True, help="Where `run` will serve.")
@click.option("--port", default=5000, show_default=True, type=int)
@click.pass_context
def demo_cmd(ctx: click.Context, host: str, port: int) -> None:
    """Load the demo data (Kazakhstan, January 2022). Running it twice changes nothing.

    Sets PUBLIC_BASE_URL to the address `claimtrack run` serves (unless one is set), so the demo's
    feeds, exports and API carry working links."""
    from claimtrack.services import demo

    own_app = "app" not in ctx.ensure_object(dict)  # tests pass an app; leave their instance alone
    _prepare(ctx)
    app = get_app(ctx)
    if not app.config.get("PUBLIC_BASE_URL"):
        base = f"http://{host}:{port}/"
        app.config["PUBLIC_BASE_URL"] = base
        if own_app and set_instance_setting(Path(app.instance_path), "PUBLIC_BASE_URL", base):
            click.echo(f"PUBLIC_BASE_URL set to {base} in the instance config.")
    db = app.extensions["claimtrack.db"]
    with db.session_scope() as session:
        report = demo.load_demo(session)
    click.echo(report.summary())
    for email, password in report.logins:
        click.echo(f"  demo login: {email} / {password}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
@click.option("--debug", is_flag=True, help="Flask's reloading debug server (never in production).")
@click.option(
    "--queue-worker/--no-queue-worker",
    default=None,
    help="Start job workers beside the server (default: yes with the SQLite queue, "
    "no with Redis, where workers run as `claimtrack worker`).",
)
@click.option(
    "--job-workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="How many job worker processes to start: one per core lets monitoring and imports "
    "use every core (a worker's threads share one interpreter).",
)
@click.pass_context
def run(
    ctx: click.Context,
    host: str,
    port: int,
    workers: int,
    debug: bool,
    queue_worker: bool | None,
    job_workers: int,
) -> None:
    """Serve claimtrack (gunicorn; --debug for the development server) and run its jobs."""
    app = get_app(ctx)
    if queue_worker is None:
        queue_worker = not str(app.config.get("QUEUE_URL") or "").startswith("redis")
    # Flask's reloader runs this command again in a child (WERKZEUG_RUN_MAIN): one worker only.
    reloaded = os.environ.get("WERKZEUG_RUN_MAIN") == "true"
    children = [start_worker() for _ in range(job_workers)] if queue_worker and not reloaded else []
    try:
        if debug:
            app.run(host=host, port=port, debug=True)
            return
        from claimtrack.serve import serve

        serve(app, host=host, port=port, workers=workers)
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(timeout=30)


def start_worker() -> subprocess.Popen[bytes]:
    """`claimtrack worker` as a child that stops when this process ends (even on kill -9)."""
    code = "from claimtrack.cli import main; main()"
    child = subprocess.Popen([sys.executable, "-c", code, "worker", "--exit-with-parent"])
    click.echo(f"Job worker started (pid {child.pid}).", err=True)
    return child


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def backup(ctx: click.Context, dest: Path) -> None:
    """Write a consistent copy of the database to DEST while the service runs."""
    from claimtrack.services.backup import backup_database

    db = get_app(ctx).extensions["claimtrack.db"]
    size = backup_database(db, dest)
    click.echo(f"Backup written to {dest} ({size:,} bytes).")


COMMANDS = (init, demo_cmd, run, backup)
