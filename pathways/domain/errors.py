"""Domain errors: raised by services and importers, translated once at the edge (HTTP, CLI)."""

from __future__ import annotations


class DomainError(Exception):
    """Base class; `message` is safe to show to the user."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    code = "not_found"


class Unauthorized(DomainError):
    """No identity, or one that cannot be trusted (a bad, expired or revoked token)."""

    code = "unauthorized"


class Forbidden(DomainError):
    """A known actor outside their scope. Only for things the actor may read: anything they
    may not read is NotFound, so a 403 never reveals that it exists."""

    code = "forbidden"


class PreconditionFailed(DomainError):
    """The caller edited a version that is no longer the current one."""

    code = "precondition_failed"


class TooManyAttempts(DomainError):
    code = "too_many_requests"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Conflict(DomainError):
    code = "conflict"


class InvalidInput(DomainError):
    """Bad input. `errors` maps each field name to its messages."""

    code = "invalid_input"

    def __init__(self, message: str, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or {}

    @classmethod
    def for_field(cls, field: str, message: str) -> InvalidInput:
        return cls(f"{field}: {message}", {field: [message]})


class MalformedFile(DomainError):
    """A data file that cannot be imported; says where, so the user can fix it."""

    code = "malformed_file"

    def __init__(
        self, file: str, message: str, *, line: int | None = None, column: str | None = None
    ) -> None:
        where = file
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {message}")
        self.file = file
        self.line = line
        self.column = column
        self.reason = message
