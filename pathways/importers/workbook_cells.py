"""One spreadsheet cell into the value a service takes. A cell from an .xlsx arrives typed (a
number, a date, text); from a CSV always as text: both are accepted wherever they make sense
("1,200", 1200 and 1200.0 are the same whole number). A bad cell raises CellError with a
message for the person who typed it."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from pathways.domain.codes import parse_soc
from pathways.domain.errors import InvalidInput
from pathways.domain.workbooks import LIST_SEPARATOR, CellKind, Column, amount
from pathways.services.providers import checked_text

PROGRAM_CIP = re.compile(r"^\d{2}\.\d{4}$")
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0"})
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class CellError(ValueError):
    """What is wrong with one cell; `message` is shown with its sheet, row and column."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def canonical(value: object) -> str:
    """A cell as text, the same whether it came typed from an .xlsx or as text from a CSV:
    what example rows are compared by, and what CSV templates hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return f"{value:g}"
    return str(value).strip()


def parse_cell(column: Column, value: object) -> Any:
    """The cell's value for the service, None for a blank cell (required ones refused)."""
    if is_blank(value):
        if column.required:
            raise CellError("a value is required")
        return None
    return PARSERS[column.kind](column, value)


def _text(column: Column, value: object) -> str:
    text = canonical(value)
    try:
        return checked_text(column.field, text, column.max_length)
    except InvalidInput as error:
        raise CellError(_first_message(error)) from None


def _number(column: Column, value: object) -> float:
    if isinstance(value, bool | datetime | date):
        raise CellError(f"{canonical(value)!r} is not a number")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "").removeprefix("$").strip()
        try:
            number = float(text)
        except ValueError:
            raise CellError(f"{str(value).strip()!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(f"{str(value).strip()!r} is not a number")
    if column.low is not None and number < column.low:
        raise CellError(f"{amount(number)} is too small: {column.allowed()}")
    if column.high is not None and number > column.high:
        raise CellError(f"{amount(number)} is too large: {column.allowed()}")
    return number


def _whole(column: Column, value: object) -> int:
    number = _number(column, value)
    if not number.is_integer():
        raise CellError(f"{canonical(value)!r} is not a whole number")
    return int(number)


def _money(column: Column, value: object) -> int:
    """US dollars in the sheet ("$8,400.00"), cents for the service."""
    return round(_number(column, value) * 100)


def _date(column: Column, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if found := US_DATE.match(text):
            month, day, year = map(int, found.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _yes_no(column: Column, value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = canonical(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(f"{canonical(value)!r} is not yes or no")


def _choice(column: Column, value: object) -> str:
    text = canonical(value)
    plain = re.sub(r"[\s-]+", "_", text.lower())
    if plain not in column.choices:
        raise CellError(f"{text!r} is not allowed: {column.allowed()}")
    return plain


def _soc(column: Column, value: object) -> str:
    if isinstance(value, datetime | date):
        raise CellError(
            f"{canonical(value)!r} is a date, not a SOC code: the spreadsheet turned the code "
            "into a date; format the column as Text and type the code again"
        )
    try:
        return parse_soc(canonical(value), field=column.field)
    except InvalidInput as error:
        raise CellError(_first_message(error)) from None


def _cip(column: Column, value: object) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        # A CIP code typed into a number cell loses its zeros (51.3900 → 51.39, 01.0000 → 1).
        text = f"{float(value):07.4f}"
    else:
        text = canonical(value)
    if not PROGRAM_CIP.match(text):
        raise CellError(f"{canonical(value)!r} is not a CIP program code (NN.NNNN)")
    return text


def _credentials(column: Column, value: object) -> list[str]:
    """The names or ids, as written; the loader resolves them against the catalog."""
    text = canonical(value)
    return [part.strip() for part in re.split(f"[{LIST_SEPARATOR}\n]", text) if part.strip()]


def _first_message(error: InvalidInput) -> str:
    return next((m for messages in error.errors.values() for m in messages), error.message)


PARSERS = {
    CellKind.TEXT: _text,
    CellKind.WHOLE: _whole,
    CellKind.NUMBER: _number,
    CellKind.MONEY: _money,
    CellKind.DATE: _date,
    CellKind.YES_NO: _yes_no,
    CellKind.CHOICE: _choice,
    CellKind.SOC: _soc,
    CellKind.CIP: _cip,
    CellKind.CREDENTIALS: _credentials,
}
