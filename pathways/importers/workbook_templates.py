"""The templates people download and fill in: an .xlsx per template (a header row whose cells
carry notes saying what each column means and allows, drop-downs for every closed list and for
credentials, an example row in grey italics, the header frozen, sensible widths, and a Lists
sheet of the catalog's credentials) and a CSV per sheet with the same header and example."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from pathways.domain.workbooks import CellKind, Column, Sheet, Template
from pathways.importers.workbook_cells import canonical
from pathways.importers.workbook_columns import TEMPLATES
from pathways.models import Credential

LAST_ROW = 2000  # drop-downs and checks reach this far down
LISTS = "Lists"
EXAMPLE_NOTE = (
    "Example row: the import skips it while it is unchanged. Type your own rows over it, or "
    "below it."
)
HEADER = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
EXAMPLE = Font(italic=True, color="6B6B6B")
FORMATS = {
    CellKind.SOC: "@",
    CellKind.CIP: "@",
    CellKind.TEXT: "@",
    CellKind.CREDENTIALS: "@",
    CellKind.DATE: "yyyy-mm-dd",
    CellKind.MONEY: '"$"#,##0.00',
}


@dataclass(frozen=True)
class CredentialChoice:
    id: int
    name: str
    type: str
    issuer: str


def credential_choices(session: Session) -> list[CredentialChoice]:
    """The catalog's credentials, for the Lists sheet and the Credentials drop-downs."""
    query = sa.select(Credential.id, Credential.name, Credential.ctdl_type, Credential.issuer)
    rows = session.execute(query.order_by(Credential.name, Credential.issuer, Credential.id))
    return [CredentialChoice(row.id, row.name, row.ctdl_type.value, row.issuer) for row in rows]


def template_xlsx(template: Template, credentials: Sequence[CredentialChoice]) -> bytes:
    book = Workbook()
    book.remove(book.worksheets[0])  # the empty sheet every new workbook starts with
    for sheet in template.sheets:
        _data_sheet(book.create_sheet(sheet.name), sheet, len(credentials))
    _lists_sheet(book.create_sheet(LISTS), credentials)
    _read_me(book.create_sheet("Read me"), template)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv(template: Template, sheet: Sheet) -> bytes:
    """The sheet's header and example rows, UTF-8 with a byte-order mark (so Excel reads it
    as UTF-8)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(column.header for column in sheet.columns)
    for example in sheet.examples:
        writer.writerow(canonical(value) for value in example)
    return out.getvalue().encode("utf-8-sig")


def template_files(template: Template) -> list[str]:
    """The file names of a template's downloads: the .xlsx, then one CSV per sheet."""
    return [f"{template.kind}.xlsx", *(template.csv_name(sheet) for sheet in template.sheets)]


def find_download(name: str) -> tuple[Template, Sheet | None] | None:
    """The template (and, for a CSV, the sheet) a download file name stands for."""
    for template in TEMPLATES.values():
        if name == f"{template.kind}.xlsx":
            return template, None
        for sheet in template.sheets:
            if name == template.csv_name(sheet):
                return template, sheet
    return None


def _data_sheet(worksheet: Worksheet, sheet: Sheet, credential_count: int) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        cell = worksheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = HEADER, HEADER_FILL
        cell.comment = Comment(_note(column), "Pathways", width=320, height=160)
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = max(column.width, len(column.header) + 2)
        if column.kind in FORMATS:
            worksheet.column_dimensions[letter].number_format = FORMATS[column.kind]
        validation = _validation(column, credential_count)
        if validation is not None:
            worksheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{LAST_ROW}")
    for offset, example in enumerate(sheet.examples, start=2):
        for index, (column, value) in enumerate(zip(sheet.columns, example, strict=True), 1):
            cell = worksheet.cell(row=offset, column=index, value=value)
            cell.font = EXAMPLE
            if column.kind in FORMATS:
                cell.number_format = FORMATS[column.kind]
        worksheet.cell(row=offset, column=1).comment = Comment(EXAMPLE_NOTE, "Pathways")
    worksheet.freeze_panes = "A2"


def _note(column: Column) -> str:
    parts = [column.note]
    if column.allowed() and column.allowed() not in column.note:
        parts.append(f"Allowed: {column.allowed()}.")
    parts.append("Required." if column.required else "Optional.")
    return " ".join(parts)


def _validation(column: Column, credential_count: int) -> DataValidation | None:
    """A drop-down for closed lists and credentials, a range check for numbers, a date check
    for dates. Credentials only warn (a cell may list several), the rest refuse."""
    title, note = column.header[:32], _note(column)[:255]
    if column.kind is CellKind.CHOICE:
        listed = f'"{",".join(column.choices)}"'
        return DataValidation(
            "list",
            formula1=listed,
            showErrorMessage=True,
            error=f"Choose {column.allowed()}",
            promptTitle=title,
            prompt=note,
        )
    if column.kind is CellKind.YES_NO:
        return DataValidation(
            "list", formula1='"yes,no"', showErrorMessage=True, promptTitle=title, prompt=note
        )
    if column.kind is CellKind.CREDENTIALS and credential_count:
        source = f"{LISTS}!$B$2:$B${credential_count + 1}"
        return DataValidation(
            "list",
            formula1=source,
            showErrorMessage=True,
            errorStyle="information",
            error="Not a single credential of the "
            "Lists sheet: fine if you listed several, separated by ';'.",
            promptTitle=title,
            prompt=note,
        )
    if column.low is not None and column.high is not None:
        return DataValidation(
            "whole" if column.kind is CellKind.WHOLE else "decimal",
            operator="between",
            formula1=f"{column.low:g}",
            formula2=f"{column.high:g}",
            showErrorMessage=True,
            error=f"{column.header}: {column.allowed()}",
            promptTitle=title,
            prompt=note,
        )
    if column.kind is CellKind.DATE:
        return DataValidation(
            "date",
            operator="greaterThan",
            formula1="1",
            showErrorMessage=True,
            error="A date, YYYY-MM-DD",
            promptTitle=title,
            prompt=note,
        )
    return None


def _lists_sheet(worksheet: Worksheet, credentials: Sequence[CredentialChoice]) -> None:
    headings = ("Id", "Credential", "Type", "Issuer")
    for index, (heading, width) in enumerate(zip(headings, (8, 48, 24, 40), strict=True), 1):
        cell = worksheet.cell(row=1, column=index, value=heading)
        cell.font, cell.fill = HEADER, HEADER_FILL
        worksheet.column_dimensions[get_column_letter(index)].width = width
    worksheet.cell(row=1, column=2).comment = Comment(
        "The credentials of the Pathways catalog, for the Credentials columns. This sheet is "
        "not imported.",
        "Pathways",
    )
    for row, credential in enumerate(credentials, start=2):
        values: tuple[int | str, ...] = (
            credential.id, credential.name, credential.type, credential.issuer,
        )  # fmt: skip
        for index, value in enumerate(values, start=1):
            worksheet.cell(row=row, column=index, value=value)
    worksheet.freeze_panes = "A2"


def _read_me(worksheet: Worksheet, template: Template) -> None:
    lines = [
        f"Pathways template: {template.title}",
        "",
        "Fill in the data sheets (" + ", ".join(s.name for s in template.sheets) + "), one row "
        "per item, below the header. Each header cell has a note saying what the column means "
        "and allows; drop-downs offer the allowed values.",
        "The grey example rows are skipped while unchanged: type over them or below them.",
        "Type values, not formulas: cells with formulas are refused.",
        "Upload the file on the import page or with `pathways import workbook FILE`. Every row "
        "is checked first; if any is wrong, nothing is imported and every problem is listed "
        "with its sheet, row and column. Importing the same file again changes nothing.",
        "The Lists sheet and this one are not imported.",
    ]
    worksheet.column_dimensions["A"].width = 120
    for row, text in enumerate(lines, start=1):
        worksheet.cell(row=row, column=1, value=text)
    worksheet.cell(row=1, column=1).font = HEADER
