"""The `claimtrack` command: thin click commands over the services.

How commands are added (one module per command group, see docs/cli.md): a module in this package
defines its click group or command at module level, imports only click (and `cli.base`) at load
time, and imports Flask, the services and other heavy packages inside the command body; it is
added to `main` below. `claimtrack --help` loads every command module, so that stays fast
(tests/cli/test_startup.py checks that no Flask, SQLAlchemy or SQLModel is loaded for it).

Every command turns a domain or database error into one readable line on stderr and exit status 1.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from . import export, ingest, matching, monitor, queue, server, tokens, users, worker


class CleanErrors(click.Group):
    """A click group whose commands fail with one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (OSError, ValueError) as exc:
            _fail(str(exc))
        except Exception as exc:
            message = _known_error(exc)
            if message is None:
                raise
            _fail(message)


def _known_error(exc: Exception) -> str | None:
    """The one-line text of an error a person can act on; None for a bug (shown as a traceback).

    Looked up in `sys.modules`, not imported: an error of a package that was never loaded cannot
    have been raised, and importing SQLAlchemy here would slow every command down.
    """
    domain = sys.modules.get("claimtrack.services.errors")
    config = sys.modules.get("claimtrack.config")
    database = sys.modules.get("sqlalchemy.exc")
    if domain is not None and isinstance(exc, domain.DomainError):
        return str(exc)
    if config is not None and isinstance(exc, config.InsecureConfigError):
        return str(exc)
    if database is not None and isinstance(exc, database.SQLAlchemyError):
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return f"database error: {first}"
    return None


def _fail(message: str) -> None:
    click.echo(f"claimtrack: error: {message}", err=True)
    sys.exit(1)


@click.group(cls=CleanErrors)
@click.pass_context
def main(ctx: click.Context) -> None:
    """claimtrack: claims, verdicts and duplicate matching for fact-checking desks."""
    ctx.ensure_object(dict)


for command in (
    *server.COMMANDS,
    users.user,
    tokens.token,
    ingest.ingest,
    ingest.claim_group,
    matching.match_cmd,
    matching.matching_group,
    export.export,
    queue.queue,
    worker.worker,
    worker.webhooks_group,
    monitor.monitor,
):
    main.add_command(command)
