"""user and token commands: accounts and partner tokens from the shell."""

from __future__ import annotations

import sys

import click

from claimtrack.services import users


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


def register(main: click.Group) -> None:
    from . import get_app

    def _session(ctx: click.Context):  # type: ignore[no-untyped-def]
        return get_app(ctx).extensions["claimtrack.db"].session_scope()

    @main.group()
    def user() -> None:
        """Manage desk accounts."""

    @user.command("create")
    @click.argument("email")
    @click.option("--role", required=True, type=click.Choice(["fact_checker", "editor", "admin"]))
    @click.option("--name", default="", help="Display name (defaults to the email).")
    @click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
    @click.pass_context
    def user_create(
        ctx: click.Context, email: str, role: str, name: str, password_stdin: bool
    ) -> None:
        """Create an account; the password comes from a prompt or stdin."""
        password = _read_password(password_stdin)
        with _session(ctx) as session:
            system = users.system_user(session)
            created = users.create_user(
                session=session, actor=system, email=email, name=name, role=role, password=password
            )
            click.echo(f"Created {created.role} {created.email} (id {created.id}).")

    @user.command("list")
    @click.pass_context
    def user_list(ctx: click.Context) -> None:
        """List accounts."""
        with _session(ctx) as session:
            for u in users.list_users(session):
                state = "active" if u.active else "inactive"
                click.echo(f"{u.id}\t{u.email}\t{u.role}\t{state}")

    @main.group()
    def token() -> None:
        """Manage partner API tokens."""

    @token.command("create")
    @click.argument("partner")
    @click.option(
        "--scope",
        "scopes",
        multiple=True,
        default=("export", "api"),
        show_default=True,
        type=click.Choice(list(users.TOKEN_SCOPES)),
    )
    @click.option(
        "--days", default=365, show_default=True, type=int, help="Validity; 0 = no expiry."
    )
    @click.pass_context
    def token_create(ctx: click.Context, partner: str, scopes: tuple[str, ...], days: int) -> None:
        """Create a token for PARTNER; it is printed once and stored only as a hash."""
        with _session(ctx) as session:
            system = users.system_user(session)
            issued = users.create_token(
                session=session,
                actor=system,
                partner=partner,
                scopes=list(scopes),
                valid_days=days or None,
            )
            click.echo(f"Token {issued.token.id} for {partner} ({', '.join(issued.token.scopes)}):")
            click.echo(issued.plaintext)
            click.echo("Store it now: it cannot be shown again.", err=True)

    @token.command("revoke")
    @click.argument("token_id", type=int)
    @click.pass_context
    def token_revoke(ctx: click.Context, token_id: int) -> None:
        """Revoke a token by its id."""
        with _session(ctx) as session:
            revoked = users.revoke_token(
                session=session, actor=users.system_user(session), token_id=token_id
            )
            click.echo(f"Token {revoked.id} ({revoked.partner}) revoked.")

    @token.command("list")
    @click.pass_context
    def token_list(ctx: click.Context) -> None:
        """List tokens (prefix, partner, scopes, state)."""
        with _session(ctx) as session:
            for t in users.list_tokens(session):
                state = "revoked" if t.revoked_at else "active"
                used = t.last_used_at.isoformat(timespec="minutes") if t.last_used_at else "never"
                click.echo(
                    f"{t.id}\t{t.prefix}…\t{t.partner}\t{','.join(t.scopes)}\t{state}\tlast used {used}"
                )
