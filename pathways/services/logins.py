"""Signing in with a password, slowed down after repeated failures.

Failures are counted per account and per network address over a sliding window, in the
database, so every worker and machine sees the same count."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.errors import TooManyAttempts, Unauthorized
from pathways.models import LoginFailure, User
from pathways.models.types import utcnow
from pathways.services import passwords
from pathways.services.users import find_user

WINDOW = timedelta(minutes=15)
MAX_PER_ACCOUNT = 5
MAX_PER_ADDRESS = 20


def sign_in(*, session: Session, email: str, password: str, address: str) -> User:
    """The active user with this email and password. Raises TooManyAttempts while the account
    or the address is throttled, and Unauthorized (saying nothing about which part was
    wrong) otherwise; the failure is recorded in the session, for the caller to commit."""
    email = email.strip().lower()
    now = utcnow()
    session.execute(sa.delete(LoginFailure).where(LoginFailure.at < now - WINDOW))
    recent = sa.select(sa.func.count()).select_from(LoginFailure)
    since = LoginFailure.at >= now - WINDOW
    by_account = session.scalar(recent.where(LoginFailure.email == email, since)) or 0
    by_address = session.scalar(recent.where(LoginFailure.address == address, since)) or 0
    if by_account >= MAX_PER_ACCOUNT or by_address >= MAX_PER_ADDRESS:
        minutes = int(WINDOW.total_seconds() // 60)
        raise TooManyAttempts(
            f"too many failed sign-ins; try again in {minutes} minutes", int(WINDOW.total_seconds())
        )
    user = find_user(session=session, email=email)
    hashed = user.password_hash if user is not None and user.active else None
    if not passwords.verify(hashed, password):
        session.add(LoginFailure(email=email, address=address, at=now))
        raise Unauthorized("wrong email or password")
    assert user is not None  # verify() is False without a hash
    session.execute(sa.delete(LoginFailure).where(LoginFailure.email == email))
    if passwords.needs_rehash(hashed or ""):
        user.password_hash = passwords.hash_password(password)
    return user
