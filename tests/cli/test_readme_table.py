"""The README's command-line table says what `--help` says: every `claimtrack matching`
subcommand (and `claimtrack match`) has a row that names each of its arguments and options."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from claimtrack.cli.base import LazyChoice
from claimtrack.cli.matching import match_cmd, matching_group

README = Path(__file__).resolve().parents[2] / "README.md"


def _row(usage: str) -> str:
    """The table row whose command cell starts with `usage` (one row per command)."""
    rows = [line for line in README.read_text(encoding="utf-8").splitlines()
            if line.startswith(f"| `{usage} ") or line.startswith(f"| `{usage}`")]  # fmt: skip
    assert len(rows) == 1, f"one README row for {usage!r}, found {len(rows)}"
    return rows[0].split("` |")[0]


def _named(param: click.Parameter, ctx: click.Context) -> list[str]:
    """How the row must name `param`: its longest option name, or an argument's metavar (a
    choice argument as its choices joined by a Markdown-escaped bar)."""
    if isinstance(param, click.Option):
        return [max(param.opts, key=len)]
    kind = param.type._real() if isinstance(param.type, LazyChoice) else param.type
    choices = getattr(kind, "choices", None)
    if choices:
        return ["\\|".join(str(c) for c in choices)]
    return [param.make_metavar(ctx)]


COMMANDS = [("claimtrack match", match_cmd)] + [
    (f"claimtrack matching {name}", cmd) for name, cmd in sorted(matching_group.commands.items())
]


@pytest.mark.parametrize(("usage", "command"), COMMANDS, ids=[u for u, _ in COMMANDS])
def test_the_readme_row_names_every_argument_and_option(usage: str, command: click.Command):
    row = _row(usage)
    ctx = click.Context(command, info_name=usage)
    for param in command.get_params(ctx):
        if "--help" in getattr(param, "opts", ()):
            continue
        for name in _named(param, ctx):
            assert name in row, f"{usage}: the README row lacks {name}"
