"""Commands for accounts and API tokens."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from pathways.cli.common import operator, transaction
from pathways.domain.access import Role
from pathways.services.tokens import create_token, list_tokens, revoke_token
from pathways.services.users import create_user, find_user, list_users, update_user

ROLES = click.Choice([role.value for role in Role])


@click.group(help="Accounts: who may edit, and what.")
def users() -> None:
    pass


@users.command("create", help="Create an account for EMAIL.")
@click.argument("email")
@click.option("--role", type=ROLES, required=True)
@click.option("--partnership", "partnerships", multiple=True, help="Slug; repeat for more.")
@click.option("--provider", "providers", multiple=True, type=int, help="Id; repeat for more.")
@click.option("--name")
@click.option("--password", is_flag=True, help="Ask for a password, for signing in on the web.")
@with_appcontext
def create(
    email: str,
    role: str,
    partnerships: tuple[str, ...],
    providers: tuple[int, ...],
    name: str | None,
    password: bool,
) -> None:
    secret = None
    if password:
        secret = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with transaction() as session:
        user = create_user(
            session=session, actor=operator(), email=email, role=Role(role), name=name,
            password=secret, partnerships=partnerships, providers=providers,
        )  # fmt: skip
        click.echo(f"created user {user.id} {user.email} ({user.role.value})")


@users.command("list", help="Every account, with its role and scope.")
@with_appcontext
def list_command() -> None:
    with transaction() as session:
        for user in list_users(session=session, actor=operator(), per_page=10_000).items:
            scope = [p.slug for p in user.partnerships]
            scope += [f"provider {p.id}" for p in user.providers]
            state = "" if user.active else " (inactive)"
            click.echo(f"{user.id}\t{user.email}\t{user.role.value}\t{', '.join(scope)}{state}")


@users.command("set-password", help="Set the web sign-in password of EMAIL (asked for).")
@click.argument("email")
@with_appcontext
def set_password(email: str) -> None:
    secret = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    with transaction() as session:
        user = find_user(session=session, email=email)
        if user is None:
            raise click.ClickException(f"no account for {email}")
        update_user(
            session=session, actor=operator(), user_id=user.id, expected_version=None,
            changes={"password": secret},
        )  # fmt: skip
        click.echo(f"password set for {user.email}")


@click.group(help="API tokens (Authorization: Bearer …). A token is shown once, at creation.")
def tokens() -> None:
    pass


@tokens.command("create", help="A new API token for EMAIL, printed once.")
@click.argument("email")
@click.option("--expires", type=int, metavar="DAYS", help="Valid for this many days.")
@click.option("--name", help="What it is for, e.g. 'nightly import'.")
@with_appcontext
def create_token_command(email: str, expires: int | None, name: str | None) -> None:
    with transaction() as session:
        token, secret = create_token(
            session=session, actor=operator(), email=email, name=name, expires_days=expires
        )
        expiry = f", expires {token.expires_at:%Y-%m-%d}" if token.expires_at else ""
        click.echo(f"token {token.id} for {email.strip().lower()}{expiry}", err=True)
        click.echo("Copy it now: it is stored only as a hash and cannot be shown again.", err=True)
    click.echo(secret)


@tokens.command("list", help="The tokens of EMAIL (never the tokens themselves).")
@click.argument("email")
@with_appcontext
def list_tokens_command(email: str) -> None:
    with transaction() as session:
        for token in list_tokens(session=session, actor=operator(), email=email):
            if token.revoked_at:
                state = f"revoked {token.revoked_at:%Y-%m-%d}"
            elif token.expires_at:
                state = f"expires {token.expires_at:%Y-%m-%d}"
            else:
                state = "does not expire"
            click.echo(f"{token.id}\t{token.name or '-'}\tcreated {token.created_at:%Y-%m-%d}"
                       f"\t{state}")  # fmt: skip


@tokens.command("revoke", help="Revoke the token with TOKEN_ID (see `tokens list`).")
@click.argument("token_id", type=int)
@with_appcontext
def revoke(token_id: int) -> None:
    with transaction() as session:
        token = revoke_token(session=session, actor=operator(), token_id=token_id)
        click.echo(f"token {token.id} revoked")


COMMANDS = (users, tokens)
