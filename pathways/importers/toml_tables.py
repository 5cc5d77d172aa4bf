"""TOML data files read with the key path of every value, so that a bad value, or a service's
InvalidInput about it, is reported where it is: `acme.toml: pathways[0].steps[1].soc: …`."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pathways.domain.codes import parse_soc
from pathways.domain.errors import Conflict, InvalidInput, MalformedFile, NotFound

TOML_TYPES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    date: "a date",
    list: "a list",
    dict: "a table",
}


def read_toml(path: Path) -> Table:
    """The file's top-level table; MalformedFile when it is missing or not TOML."""
    try:
        with path.open("rb") as handle:
            return Table(path.name, "", tomllib.load(handle))
    except FileNotFoundError:
        raise MalformedFile(path.name, "no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MalformedFile(path.name, f"not valid TOML ({error})") from None


class Table:
    """One TOML table, the file it is in, and its key path there ("" for the top level)."""

    def __init__(self, file: str, path: str, values: Mapping[str, Any]) -> None:
        self.file = file
        self.path = path
        self.values = values

    def where(self, key: str | None = None) -> str:
        if not key:
            return self.path
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str | None, message: str) -> MalformedFile:
        where = self.where(key)
        return MalformedFile(self.file, f"{where}: {message}" if where else message)

    def only(self, *keys: str) -> None:
        """Refuse keys the format does not have: a misspelt key would otherwise be ignored."""
        for key in self.values:
            if key not in keys:
                raise self.error(key, f"unknown key (expected one of {', '.join(keys)})")

    # --- values ---------------------------------------------------------------------------

    def text(self, key: str) -> str:
        value: str = self._get(key, str, required=True)
        return value

    def optional_text(self, key: str) -> str | None:
        value: str | None = self._get(key, str)
        return value

    def soc(self, key: str = "soc") -> str:
        """A SOC code, in canonical form (`29-1141.00` → `29-1141`)."""
        with self.checked():
            return parse_soc(self.text(key), field=key)

    def whole(self, key: str, default: int | None = None) -> int:
        value: int | None = self._get(key, int)
        if value is not None:
            return value
        if default is None:
            raise self.error(key, "required")
        return default

    def optional_whole(self, key: str) -> int | None:
        value: int | None = self._get(key, int)
        return value

    def number(self, key: str) -> float | None:
        value: int | float | None = self._get(key, (int, float), "a number")
        return None if value is None else float(value)

    def cents(self, key: str) -> int:
        """Whole dollars in the file (`cost_usd = 4500`), cents in the database."""
        dollars = self.whole(key, default=0)
        if dollars < 0:
            raise self.error(key, "a whole number of dollars, 0 or more")
        return dollars * 100

    def optional_cents(self, key: str) -> int | None:
        return self.cents(key) if key in self.values else None

    def flag(self, key: str) -> bool:
        value: bool | None = self._get(key, bool)
        return bool(value)

    def day(self, key: str) -> date:
        value: date = self._get(key, date, required=True)
        if isinstance(value, datetime):
            raise self.error(key, "a date without a time, e.g. 2026-03-01")
        return value

    def texts(self, key: str) -> list[str]:
        values: list[Any] = self._get(key, list) or []
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise self.error(f"{key}[{index}]", f"expected text, found {_kind(value)}")
        return values

    def table(self, key: str) -> Table:
        """A sub-table (`[branding]`); empty when the file has none."""
        values: dict[str, Any] = self._get(key, dict) or {}
        return Table(self.file, self.where(key), values)

    def tables(self, key: str) -> list[Table]:
        """An array of tables (`[[members]]`), each named `members[i]`."""
        found: list[Any] = self._get(key, list) or []
        for index, value in enumerate(found):
            if not isinstance(value, dict):
                raise self.error(f"{key}[{index}]", f"expected a table, found {_kind(value)}")
        return [
            Table(self.file, self.where(f"{key}[{index}]"), value)
            for index, value in enumerate(found)
        ]

    def _get(
        self,
        key: str,
        kinds: type | tuple[type, ...],
        expected: str | None = None,
        *,
        required: bool = False,
    ) -> Any:
        value = self.values.get(key)
        if value is None:
            if required:
                raise self.error(key, "required")
            return None
        wanted = kinds if isinstance(kinds, tuple) else (kinds,)
        if (isinstance(value, bool) and bool not in wanted) or not isinstance(value, wanted):
            expected = expected or TOML_TYPES.get(wanted[0], wanted[0].__name__)
            raise self.error(key, f"expected {expected}, found {_kind(value)}")
        return value

    # --- service errors -------------------------------------------------------------------

    @contextmanager
    def checked(
        self, key: str | None = None, renames: Mapping[str, str] | None = None
    ) -> Iterator[None]:
        """A service's InvalidInput as MalformedFile under this table, its field renamed where
        the file calls it something else; NotFound and Conflict under `key`."""
        try:
            yield
        except InvalidInput as error:
            raise self.invalid(error, renames or {}) from None
        except (NotFound, Conflict) as error:
            raise self.error(key, error.message) from None

    def invalid(self, error: InvalidInput, renames: Mapping[str, str]) -> MalformedFile:
        if not error.errors:
            return self.error(None, error.message)
        field, messages = next(iter(error.errors.items()))
        more = sum(len(found) for found in error.errors.values()) - 1
        message = messages[0]
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        return self.error(_renamed(field, renames), message)


def _renamed(field: str, renames: Mapping[str, str]) -> str:
    """`transitions[0].cost_cents` → `transitions[0].cost_usd` with {"cost_cents": "cost_usd"}."""
    if field in renames:
        return renames[field]
    head, dot, last = field.rpartition(".")
    return f"{head}{dot}{renames[last]}" if last in renames else field


def _kind(value: Any) -> str:
    for kind, name in TOML_TYPES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__
