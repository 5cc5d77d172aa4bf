"""What an audit entry says changed: each field's value before and after, secrets masked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

MASKED = "(changed)"


def plain(value: Any) -> Any:
    """A value as JSON can hold it, so an entry reads the same on every database."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(plain(item) for item in value)
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]  # order can matter (a region's areas)
    return value


def changes(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    secret: frozenset[str] = frozenset(),
) -> dict[str, dict[str, Any]]:
    """{field: {"before": …, "after": …}} for every field whose value differs. A creation has
    no `before`, a deletion no `after`; a secret field (a password hash) is only said to
    have changed."""
    before, after = before or {}, after or {}
    summary = {}
    for name in sorted(before.keys() | after.keys()):
        old, new = plain(before.get(name)), plain(after.get(name))
        if old == new:
            continue
        if name in secret:
            old = None if old is None else MASKED
            new = None if new is None else MASKED
        summary[name] = {"before": old, "after": new}
    return summary
