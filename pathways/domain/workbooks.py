"""Spreadsheet templates as plain values: which sheets and columns each template has, what a
column holds and allows, and the problems an upload can have, each named by sheet, row and
column ("Steps, row 14, column SOC: '29-206' is not a SOC code")."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pathways.domain.errors import InvalidInput

# What an example row of a template may hold: what a spreadsheet cell holds.
ExampleValue = str | int | float | bool | date | None

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # 10 MB: a 10,000-row programs workbook is under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: refuse one that unpacks to more
MAX_ROWS = 20_000  # data rows per sheet
KEPT_PROBLEMS = 1_000  # problems listed (and written to the error report); the rest counted
SHOWN_PROBLEMS = 100  # problems shown on the page and printed by the CLI
LIST_SEPARATOR = ";"  # between credentials in one cell


class CellKind(StrEnum):
    TEXT = "text"
    WHOLE = "whole"  # a whole number
    NUMBER = "number"
    MONEY = "money"  # US dollars in the sheet, cents in the database
    DATE = "date"
    YES_NO = "yes_no"
    CHOICE = "choice"  # one of `choices`
    SOC = "soc"
    CIP = "cip"
    CREDENTIALS = "credentials"  # names or ids, separated by LIST_SEPARATOR


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its heading, the service field it feeds and what it allows."""

    header: str
    field: str
    kind: CellKind
    note: str
    required: bool = False
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    max_length: int | None = None
    width: int = 14

    def allowed(self) -> str:
        """What the column allows, in words, for the header note and messages."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.low is not None and self.high is not None:
            unit = " (US dollars)" if self.kind is CellKind.MONEY else ""
            return f"from {amount(self.low)} to {amount(self.high)}{unit}"
        if self.max_length is not None:
            return f"at most {self.max_length:,} characters"
        return ""


def amount(number: float) -> str:
    """1000000 → "1,000,000"; 2.5 → "2.5"."""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:,}"


@dataclass(frozen=True)
class Sheet:
    name: str  # the sheet's title in the .xlsx; the CSV file is named after it
    columns: tuple[Column, ...]
    examples: tuple[tuple[ExampleValue, ...], ...] = ()  # rows the importer skips while unchanged
    required: bool = True  # must the workbook have this sheet?

    def column(self, field_name: str) -> Column:
        return next(column for column in self.columns if column.field == field_name)


@dataclass(frozen=True)
class Template:
    kind: str  # "critical-occupations", "pathway", "programs": also the file name
    title: str
    sheets: tuple[Sheet, ...]

    def csv_name(self, sheet: Sheet) -> str:
        """The first sheet's CSV is named after the template, the others after their sheet."""
        if sheet is self.sheets[0]:
            return f"{self.kind}.csv"
        return f"{self.kind}-{sheet.name.lower().replace(' ', '-')}.csv"


@dataclass(frozen=True)
class Problem:
    """Something wrong in an upload, and where: row and column as the spreadsheet shows
    them (row 1 is the header); either may be unknown."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.sheet] if self.sheet else []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Problems:
    """Every problem found, the first KEPT_PROBLEMS of them listed."""

    kept: list[Problem] = field(default_factory=list)
    count: int = 0
    sheet_order: list[str] = field(default_factory=list)  # how the report orders sheets

    def add(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.count += 1
        if len(self.kept) < KEPT_PROBLEMS:
            self.kept.append(Problem(sheet, row, column, message))

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.kept)


class WorkbookRejected(InvalidInput):
    """An upload with problems: nothing of it was written. `problems` lists them in file
    order; `count` may exceed the list (see KEPT_PROBLEMS)."""

    def __init__(self, file: str, problems: Problems) -> None:
        met = (problem.sheet for problem in problems.kept)
        sheets = list(dict.fromkeys([*problems.sheet_order, *met]))
        # In file order: sheet by sheet (the template's order), row by row (a stable sort
        # keeps the columns of one row in the order they were checked).
        ordered = sorted(problems.kept, key=lambda p: (sheets.index(p.sheet), p.row or 0))
        n = problems.count
        message = f"{file}: {n} problem{'s' if n != 1 else ''}; nothing was imported"
        errors: dict[str, list[str]] = {}
        for problem in ordered:
            where = str(Problem(problem.sheet, problem.row, problem.column, "")).rstrip(": ")
            errors.setdefault(where, []).append(problem.message)
        super().__init__(message, errors)
        self.file = file
        self.problems = ordered
        self.count = n

    def lines(self, limit: int = SHOWN_PROBLEMS) -> list[str]:
        """The problems as a person reads them, with "and N more" past `limit`."""
        shown = [str(problem) for problem in self.problems[:limit]]
        if self.count > len(shown):
            shown.append(f"… and {self.count - len(shown):,} more")
        return shown


@dataclass
class WorkbookSummary:
    """What an import did, in numbers to check against the file."""

    kind: str
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    examples_skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        head = (
            f"{self.kind}: {self.read} rows read, {self.created} created, {self.updated} "
            f"updated, {self.unchanged} unchanged"
        )
        if self.examples_skipped:
            head += f" ({self.examples_skipped} unchanged example rows skipped)"
        return [head, *self.notes]


REPORT_HEADER = ("sheet", "row", "column", "message")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def error_report(problems: Iterable[Problem], count: int | None = None) -> bytes:
    """The problems as a CSV file (sheet,row,column,message), UTF-8 with a byte-order mark so
    Excel reads it; a last line says how many more there were when `count` exceeds them.
    Text that a spreadsheet would run as a formula is quoted with a leading apostrophe."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    listed = 0
    for problem in problems:
        row = "" if problem.row is None else str(problem.row)
        writer.writerow([_defused(problem.sheet), row, _defused(problem.column or ""),
                         _defused(problem.message)])  # fmt: skip
        listed += 1
    if count is not None and count > listed:
        writer.writerow(["", "", "", f"... and {count - listed:,} more"])
    return out.getvalue().encode("utf-8-sig")


def _defused(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text
