"""Passwords, hashed with argon2id (argon2-cffi's recommended parameters)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pathways.domain.errors import InvalidInput

MIN_LENGTH, MAX_LENGTH = 12, 1024
_hasher = PasswordHasher()
# Checked against when the account does not exist, so a wrong email costs what a wrong
# password does and timing does not tell which accounts exist.
_DUMMY = _hasher.hash("not a password anybody has")


def hash_password(password: str) -> str:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise InvalidInput.for_field(
            "password", f"a password needs {MIN_LENGTH} to {MAX_LENGTH} characters"
        )
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
