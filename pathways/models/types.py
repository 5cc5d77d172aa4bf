"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa


def enum_type(enum: type[StrEnum], name: str) -> sa.Enum:
    """A portable enum: a VARCHAR holding the value, with a CHECK constraint (no native types,
    so adding a value is a plain migration on SQLite and PostgreSQL alike)."""
    return sa.Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(sa.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite stores naive text)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime; use pathways.models.types.utcnow()")
        return value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def code_format(column: str, length: int, separator_at: int, separator: str) -> sa.CheckConstraint:
    """A format check both databases understand: fixed length and a separator in place."""
    return sa.CheckConstraint(
        f"length({column}) = {length} AND substr({column}, {separator_at}, 1) = '{separator}'",
        name=f"{column}_format",
    )
