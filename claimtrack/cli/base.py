"""What every command module shares: the app, a database session, JSON output, lazy choices.

Keeps `claimtrack --help` fast: this module and the command modules import only click at load time;
Flask, SQLModel and the services are imported inside the commands that use them.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
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


class LazyChoice(click.Choice):  # type: ignore[type-arg]
    """A `click.Choice` whose values live in a heavy module ("package.module:NAME"), imported only
    when the option is parsed or its command's help is shown, not for `claimtrack --help`."""

    def __init__(self, where: str, case_sensitive: bool = True) -> None:
        self._where = where
        self._loaded: Sequence[str] | None = None
        self.case_sensitive = case_sensitive

    @property  # type: ignore[override]
    def choices(self) -> Sequence[str]:
        if self._loaded is None:
            module, _, name = self._where.partition(":")
            self._loaded = [str(v) for v in getattr(importlib.import_module(module), name)]
        return self._loaded

    def to_info_dict(self) -> dict[str, Any]:
        return {**super().to_info_dict(), "choices": list(self.choices)}
