"""`claimtrack token …`: partner API tokens from the shell."""

from __future__ import annotations

import click

from .base import LazyChoice, db_session


@click.group()
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
    type=LazyChoice("claimtrack.services.users:TOKEN_SCOPES"),
)
@click.option("--days", default=365, show_default=True, type=int, help="Validity; 0 = no expiry.")
@click.pass_context
def token_create(ctx: click.Context, partner: str, scopes: tuple[str, ...], days: int) -> None:
    """Create a token for PARTNER; it is printed once and stored only as a hash."""
    from claimtrack.services import users

    with db_session(ctx) as session:
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
    from claimtrack.services import users

    with db_session(ctx) as session:
        revoked = users.revoke_token(
            session=session, actor=users.system_user(session), token_id=token_id
        )
        click.echo(f"Token {revoked.id} ({revoked.partner}) revoked.")


@token.command("list")
@click.pass_context
def token_list(ctx: click.Context) -> None:
    """List tokens (prefix, partner, scopes, state)."""
    from claimtrack.services import users

    with db_session(ctx) as session:
        for t in users.list_tokens(session):
            state = "revoked" if t.revoked_at else "active"
            used = t.last_used_at.isoformat(timespec="minutes") if t.last_used_at else "never"
            click.echo(
                f"{t.id}\t{t.prefix}…\t{t.partner}\t{','.join(t.scopes)}\t{state}\tlast used {used}"
            )
