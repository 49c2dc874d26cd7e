"""What every command module shares: the app, a database session, JSON output, lazy choices.

Keeps `claimtrack --help` fast: this module and the command modules import only click at load time;
Flask, SQLModel and the services are imported inside the commands that use them.
"""

from __future__ import annotations

import importlib
import json
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from flask import Flask
    from sqlmodel import Session


def get_app(ctx: click.Context) -> Flask:
    """The app for this invocation, built on first use (tests pass one in `ctx.obj["app"]`)."""
    obj = ctx.ensure_object(dict)
    if "app" not in obj:
        from claimtrack.app import create_app

        obj["app"] = create_app()
    app: Flask = obj["app"]
    return app


def db_session(ctx: click.Context, *, write: bool = True) -> AbstractContextManager[Session]:
    """A session on the app's database for one command; the services commit."""
    scope: AbstractContextManager[Session] = (
        get_app(ctx).extensions["claimtrack.db"].session_scope(write=write)
    )
    return scope


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


class LazyChoice(click.ParamType):
    """A `click.Choice` whose values live in a heavy module ("package.module:NAME"), imported only
    when the option is parsed or its command's help is shown, not for `claimtrack --help`."""

    name = "choice"

    def __init__(self, where: str) -> None:
        self._where = where
        self._choice: click.Choice[str] | None = None

    def _real(self) -> click.Choice[str]:
        if self._choice is None:
            module, _, name = self._where.partition(":")
            values = getattr(importlib.import_module(module), name)
            self._choice = click.Choice([str(v) for v in values])
        return self._choice

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return self._real().convert(value, param, ctx)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return self._real().get_metavar(param, ctx)

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        return self._real().get_missing_message(param, ctx)

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[click.shell_completion.CompletionItem]:
        return self._real().shell_complete(ctx, param, incomplete)
