"""Parsing one cell of a data file into a typed value, with the place named on failure."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pathways.domain.errors import InvalidInput
from pathways.importers.files import Table

T = TypeVar("T")

# How the sources write "no value": O*NET "n/a", BLS projections "—", OEWS "-", or nothing.
BLANKS = frozenset({"", "n/a", "—", "-"})
_LIMIT = 1e15  # far beyond any count or wage; also rejects nan and inf


def number(text: str) -> float:
    value = float(text.replace(",", "") if "," in text else text)
    if not -_LIMIT < value < _LIMIT:
        raise ValueError(text)
    return value


def count(text: str) -> int:
    """A whole number of people or things ("1,130" → 1130)."""
    value = number(text)
    if value != int(value):
        raise ValueError(text)
    return int(value)


def thousands(text: str) -> int:
    """BLS projections count people in thousands with one decimal ("651.4" → 651400)."""
    return round(number(text) * 1000)


def parse_cell(
    table: Table, line: int, values: list[str], index: int, parse: Callable[[str], T]
) -> T:
    text = values[index].strip()
    try:
        return parse(text)
    except InvalidInput as exc:
        messages = "; ".join(message for field in exc.errors.values() for message in field)
        raise table.error(line, index, messages) from None
    except ValueError:
        raise table.error(line, index, f"{text!r} is not a number") from None


def optional_cell(
    table: Table, line: int, values: list[str], index: int, parse: Callable[[str], T]
) -> T | None:
    if values[index].strip() in BLANKS:
        return None
    return parse_cell(table, line, values, index, parse)


def text_cell(table: Table, line: int, values: list[str], index: int) -> str:
    text = values[index].strip()
    if not text:
        raise table.error(line, index, "a value is required")
    return text
