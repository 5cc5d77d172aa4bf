"""Reading an upload — one .xlsx workbook, or one CSV file per sheet — into rows of raw cells
by column, recognising which template it is from its sheets' names (an .xlsx) or its header
(a CSV). Whatever is not a filled-in Pathways template is refused with a message saying why;
so are formulas (the value is wanted, not the formula) and text that is not UTF-8.

Rows are numbered as the spreadsheet shows them: the header is row 1. A row equal to one of
the template's example rows is skipped (the examples are marked "Example" in the template)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pathways.domain.workbooks import Problems, Sheet, Template, WorkbookRejected
from pathways.importers.workbook_cells import canonical, is_blank
from pathways.importers.workbook_columns import TEMPLATES
from pathways.importers.workbook_files import (
    REPORTED,
    ZIP_MAGIC,
    NumberedRow,
    Upload,
    check_file,
    csv_rows,
    xlsx_sheets,
)

__all__ = ["REPORTED", "SheetRows", "Upload", "Workbook", "read_uploads"]

Row = dict[str, object]  # raw cell by column field


@dataclass
class SheetRows:
    sheet: Sheet
    label: str  # how problems name it: the sheet's title, or the CSV file's name
    rows: list[tuple[int, Row]] = field(default_factory=list)
    examples_skipped: int = 0


@dataclass
class Workbook:
    template: Template
    sheets: dict[str, SheetRows]  # by Sheet.name
    problems: Problems


def read_uploads(uploads: Sequence[Upload]) -> Workbook:
    """The template and rows of one .xlsx, or of CSV files (one per sheet); WorkbookRejected
    when it is not a template at all, or a sheet's header is wrong."""
    name = ", ".join(upload.name for upload in uploads) or "upload"
    problems = Problems()
    if not uploads:
        problems.add(name, None, None, "no file was sent")
        raise WorkbookRejected(name, problems)
    for upload in uploads:
        check_file(upload, problems)
    if problems:
        raise WorkbookRejected(name, problems)
    if len(uploads) == 1 and uploads[0].content.startswith(ZIP_MAGIC):
        found = [_xlsx_tables(uploads[0], problems)]
    else:
        found = [_csv_table(upload, problems) for upload in uploads]
    tables = [table for tables in found for table in tables]
    if not tables:
        raise WorkbookRejected(name, problems)
    # Problems in cells (formulas) are kept: the rows are still checked, for a full list.
    return _assemble(name, tables, problems)


Table = tuple[str, Sheet | None, list[NumberedRow]]  # label, sheet, rows


def _xlsx_tables(upload: Upload, problems: Problems) -> list[Table]:
    """The workbook's template sheets, known by their titles (Lists, Read me are not)."""
    sheets = xlsx_sheets(upload, problems)
    if sheets is None:
        return []
    tables = [(name, _sheet_named(name), rows) for name, rows in sheets if _sheet_named(name)]
    if not tables:
        found = ", ".join(name for name, _ in sheets)
        problems.add(
            upload.name,
            None,
            None,
            f"not a Pathways template: it has no sheet named {_expected_sheets()} (found: {found})",
        )
    return tables


def _csv_table(upload: Upload, problems: Problems) -> list[Table]:
    """The CSV file as the sheet whose columns its header names."""
    rows = csv_rows(upload, problems)
    if rows is None:
        return []
    header = {_plain(value) for value in rows[0][1]} if rows else set()
    sheet = _sheet_with_header(header)
    if sheet is None:
        problems.add(
            upload.name,
            1,
            None,
            "not a Pathways template: the first row should hold "
            "the column names of a template's sheet (download one from the import "
            "page)",
        )
        return []
    return [(upload.name, sheet, rows)]


def _assemble(name: str, tables: list[Table], problems: Problems) -> Workbook:
    templates = {_template_of(sheet).kind for _, sheet, _ in tables if sheet is not None}
    if len(templates) > 1:
        problems.add(
            name,
            None,
            None,
            "sheets of different templates: upload one template at "
            f"a time ({', '.join(sorted(templates))})",
        )
        raise WorkbookRejected(name, problems)
    template = TEMPLATES[templates.pop()]
    labels = {sheet.name: label for label, sheet, _ in tables if sheet is not None}
    problems.sheet_order = [labels[s.name] for s in template.sheets if s.name in labels]
    sheets: dict[str, SheetRows] = {}
    broken = False  # a sheet whose rows cannot be read by column
    for label, sheet, rows in tables:
        assert sheet is not None  # tables without a sheet were refused
        if sheet.name in sheets:
            problems.add(label, None, None, f"a second {sheet.name} sheet: send it once")
            broken = True
            continue
        sheets[sheet.name], readable = _sheet_rows(label, sheet, rows, problems)
        broken = broken or not readable
    for sheet in template.sheets:
        if sheet.required and sheet.name not in sheets:
            broken = True
            problems.add(
                name,
                None,
                None,
                f"the {sheet.name} sheet is missing (a "
                f"{template.kind} upload has {_names(template.sheets)})",
            )
    if broken:
        raise WorkbookRejected(name, problems)
    return Workbook(template, sheets, problems)


def _sheet_rows(
    label: str, sheet: Sheet, rows: list[NumberedRow], problems: Problems
) -> tuple[SheetRows, bool]:
    """Rows by column field, and whether the header is right: every column of the template,
    no other."""
    found = SheetRows(sheet, label)
    if not rows or rows[0][0] != 1:
        problems.add(label, 1, None, f"row 1 must hold the column names: {_names(sheet.columns)}")
        return found, False
    by_name = {_plain(column.header): column for column in sheet.columns}
    positions: dict[str, int] = {}
    for index, value in enumerate(rows[0][1]):
        if is_blank(value):
            continue
        column = by_name.get(_plain(value))
        if column is None:
            problems.add(
                label,
                1,
                canonical(value),
                f"not a column of this template (its columns are {_names(sheet.columns)})",
            )
        elif column.field in positions:
            problems.add(label, 1, column.header, "the column appears twice")
        else:
            positions[column.field] = index
    for column in sheet.columns:
        if column.field not in positions:
            problems.add(label, 1, column.header, "the column is missing")
    if len(positions) < len(sheet.columns) or any(
        problem.sheet == label and problem.row == 1 for problem in problems
    ):
        return found, False
    examples = {tuple(canonical(value) for value in row) for row in sheet.examples}
    for number, values in rows[1:]:
        row = {f: values[i] if i < len(values) else None for f, i in positions.items()}
        if tuple(canonical(row[column.field]) for column in sheet.columns) in examples:
            found.examples_skipped += 1
            continue
        found.rows.append((number, row))
    return found, True


def _plain(value: object) -> str:
    return " ".join(canonical(value).replace("*", "").split()).casefold()


def _sheet_named(title: str) -> Sheet | None:
    wanted = _plain(title)
    sheets = (sheet for template in TEMPLATES.values() for sheet in template.sheets)
    return next((sheet for sheet in sheets if _plain(sheet.name) == wanted), None)


def _sheet_with_header(header: set[str]) -> Sheet | None:
    """The sheet whose columns the header has most of (at least two), for a CSV file."""
    best, overlap = None, 1
    for template in TEMPLATES.values():
        for sheet in template.sheets:
            shared = len(header & {_plain(column.header) for column in sheet.columns})
            exact = shared == len(sheet.columns) == len(header)
            if exact:
                return sheet
            if shared > overlap:
                best, overlap = sheet, shared
    return best


def _template_of(sheet: Sheet) -> Template:
    return next(t for t in TEMPLATES.values() if sheet in t.sheets)


def _expected_sheets() -> str:
    return " or ".join(repr(t.sheets[0].name) for t in TEMPLATES.values())


def _names(items: Iterable[object]) -> str:
    return ", ".join(getattr(item, "header", getattr(item, "name", "")) for item in items)
