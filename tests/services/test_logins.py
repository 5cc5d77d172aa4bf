"""Signing in: argon2 passwords, one message for every failure, and a throttle."""

import pytest
import sqlalchemy as sa

from pathways.domain.errors import TooManyAttempts, Unauthorized
from pathways.models import LoginFailure
from pathways.services.logins import MAX_PER_ACCOUNT, MAX_PER_ADDRESS, sign_in
from tests.factories import make_user

PASSWORD = "correct horse battery"


def failures(session, email):
    return session.scalar(
        sa.select(sa.func.count()).select_from(LoginFailure).where(LoginFailure.email == email)
    )


def test_the_right_password_signs_in(session):
    user = make_user(session, password=PASSWORD)
    assert (
        sign_in(session=session, email=user.email.upper(), password=PASSWORD, address="a") is user
    )


@pytest.mark.parametrize("case", ["wrong password", "unknown account", "no password set"])
def test_every_failure_says_the_same_and_is_recorded(session, case):
    user = make_user(session, password=None if case == "no password set" else PASSWORD)
    email = "nobody@example.org" if case == "unknown account" else user.email
    with pytest.raises(Unauthorized, match=r"^wrong email or password$"):
        sign_in(session=session, email=email, password="guess guess guess", address="a")
    assert failures(session, email) == 1


def test_inactive_accounts_cannot_sign_in(session):
    user = make_user(session, password=PASSWORD, active=False)
    with pytest.raises(Unauthorized):
        sign_in(session=session, email=user.email, password=PASSWORD, address="a")


def test_too_many_failures_lock_the_account_for_a_while(session):
    user = make_user(session, password=PASSWORD)
    for _ in range(MAX_PER_ACCOUNT):
        with pytest.raises(Unauthorized):
            sign_in(session=session, email=user.email, password="nope nope", address="a")
    with pytest.raises(TooManyAttempts) as caught:
        sign_in(session=session, email=user.email, password=PASSWORD, address="b")
    assert caught.value.retry_after > 0
    other = make_user(session, password=PASSWORD)
    assert sign_in(session=session, email=other.email, password=PASSWORD, address="b") is other


def test_too_many_failures_from_one_address_stop_it(session):
    user = make_user(session, password=PASSWORD)
    for n in range(MAX_PER_ADDRESS):
        with pytest.raises(Unauthorized):
            sign_in(session=session, email=f"guess{n}@example.org", password="x" * 12, address="z")
    with pytest.raises(TooManyAttempts):
        sign_in(session=session, email=user.email, password=PASSWORD, address="z")


def test_signing_in_clears_the_accounts_failures(session):
    user = make_user(session, password=PASSWORD)
    with pytest.raises(Unauthorized):
        sign_in(session=session, email=user.email, password="nope nope", address="a")
    sign_in(session=session, email=user.email, password=PASSWORD, address="a")
    assert failures(session, user.email) == 0
