"""`claimtrack user …`: desk accounts from the shell."""

from __future__ import annotations

import sys

import click

from .base import db_session


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@click.group()
def user() -> None:
    """Manage desk accounts."""


@user.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(["fact_checker", "editor", "admin"]))
@click.option("--name", default="", help="Display name (defaults to the email).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_context
def user_create(ctx: click.Context, email: str, role: str, name: str, password_stdin: bool) -> None:
    """Create an account; the password comes from a prompt or stdin."""
    from claimtrack.services import users

    password = _read_password(password_stdin)
    with db_session(ctx) as session:
        system = users.system_user(session)
        created = users.create_user(
            session=session, actor=system, email=email, name=name, role=role, password=password
        )
        click.echo(f"Created {created.role} {created.email} (id {created.id}).")


@user.command("list")
@click.pass_context
def user_list(ctx: click.Context) -> None:
    """List accounts."""
    from claimtrack.services import users

    with db_session(ctx) as session:
        for u in users.list_users(session):
            state = "active" if u.active else "inactive"
            click.echo(f"{u.id}\t{u.email}\t{u.role}\t{state}")
