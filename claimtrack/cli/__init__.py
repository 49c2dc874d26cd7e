"""The `claimtrack` command: thin click commands over the services.

Every command turns a domain or database error into one readable line on stderr and exit status 1.
Subcommand modules (matching, ingest, export) add themselves at the bottom of this file.
"""

from __future__ import annotations

import sys
from typing import Any

import click
from flask import Flask
from sqlalchemy.exc import SQLAlchemyError

from claimtrack.config import InsecureConfigError
from claimtrack.services.errors import DomainError


class CleanErrors(click.Group):
    """A click group whose commands fail with one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (DomainError, InsecureConfigError, OSError, ValueError) as exc:
            _fail(str(exc))
        except SQLAlchemyError as exc:
            first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            _fail(f"database error: {first}")


def _fail(message: str) -> None:
    click.echo(f"claimtrack: error: {message}", err=True)
    sys.exit(1)


def get_app(ctx: click.Context) -> Flask:
    """The app for this invocation (tests pass one in `obj`)."""
    obj = ctx.ensure_object(dict)
    if "app" not in obj:
        from claimtrack.app import create_app

        obj["app"] = create_app()
    app: Flask = obj["app"]
    return app


@click.group(cls=CleanErrors)
@click.pass_context
def main(ctx: click.Context) -> None:
    """claimtrack: claims, verdicts and duplicate matching for fact-checking desks."""
    ctx.ensure_object(dict)


from . import admin as _admin  # noqa: E402
from . import export as _export  # noqa: E402
from . import ingest as _ingest  # noqa: E402
from . import matching as _matching  # noqa: E402
from . import server as _server  # noqa: E402
from . import worker as _worker  # noqa: E402

_admin.register(main)
_export.register(main)
_ingest.register(main)
_matching.register(main)
_server.register(main)
_worker.register(main)
