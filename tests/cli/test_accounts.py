"""`pathways users`, `pathways tokens` and `pathways audit` as an operator uses them."""

import json

import sqlalchemy as sa

from pathways.models import ApiToken, User
from pathways.services.tokens import hash_token
from tests.factories import make_partnership, make_user


def test_create_an_editor_and_list_them(cli, session):
    partnership = make_partnership(session)
    result = cli.invoke(
        args=["users", "create", "Ana@Example.org", "--role", "partnership_editor",
              "--partnership", partnership.slug, "--name", "Ana"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "created user" in result.output
    assert "ana@example.org (partnership_editor)" in result.output
    listing = cli.invoke(args=["users", "list"])
    assert f"ana@example.org\tpartnership_editor\t{partnership.slug}" in listing.output


def test_a_bad_account_exits_1_with_the_reason_and_writes_nothing(cli, session):
    result = cli.invoke(args=["users", "create", "x@example.org", "--role", "provider_editor"])
    assert result.exit_code == 1
    assert "a provider editor needs a provider" in result.output
    assert session.scalar(sa.select(User).where(User.email == "x@example.org")) is None
    assert cli.invoke(args=["users", "create", "y@example.org", "--role", "boss"]).exit_code == 2


def test_password_prompt(cli, session):
    result = cli.invoke(
        args=["users", "create", "p@example.org", "--role", "admin", "--password"],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    user = session.scalar(sa.select(User).where(User.email == "p@example.org"))
    assert user.password_hash.startswith("$argon2id$")
    again = cli.invoke(args=["users", "set-password", "p@example.org"],
                       input="another long password\nanother long password\n")  # fmt: skip
    assert again.exit_code == 0, again.output
    assert cli.invoke(
        args=["users", "set-password", "nobody@example.org"], input="x\nx\n"
    ).exit_code


def test_a_token_is_printed_once_and_listed_without_it(cli, session):
    user = make_user(session)
    created = cli.invoke(args=["tokens", "create", user.email, "--expires", "30", "--name", "ci"])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip()
    assert token.startswith("pwy_")
    assert "cannot be shown again" in created.stderr
    stored = session.scalar(sa.select(ApiToken).where(ApiToken.user_id == user.id))
    assert stored.token_hash == hash_token(token)
    listing = cli.invoke(args=["tokens", "list", user.email])
    assert f"{stored.id}\tci\t" in listing.output
    assert "expires" in listing.output
    assert token not in listing.output
    revoked = cli.invoke(args=["tokens", "revoke", str(stored.id)])
    assert revoked.exit_code == 0
    assert "revoked" in cli.invoke(args=["tokens", "list", user.email]).output


def test_a_token_for_nobody_exits_1(cli):
    result = cli.invoke(args=["tokens", "create", "nobody@example.org"])
    assert result.exit_code == 1
    assert "no account for nobody@example.org" in result.output


def test_audit_shows_what_the_commands_did(cli, session):
    cli.invoke(args=["users", "create", "log@example.org", "--role", "admin"])
    text = cli.invoke(args=["audit", "--entity", "user"])
    assert text.exit_code == 0
    assert "(cli)  create user" in text.output
    lines = cli.invoke(args=["audit", "--entity", "user", "--json", "--limit", "1"]).output
    entry = json.loads(lines.splitlines()[0])
    assert (entry["action"], entry["channel"], entry["entity"]) == ("create", "cli", "user")
    assert entry["changes"]["email"] == {"before": None, "after": "log@example.org"}
    assert cli.invoke(args=["audit", "--since", "2999-01-01"]).output == ""
