"""An uploaded file as rows of raw cells: an .xlsx workbook sheet by sheet, or a CSV file.
Whatever is not a spreadsheet (a PDF, an old .xls, a damaged zip) is refused with a message
saying so; so are formulas in cells (the value is wanted, not the formula) and text that is
not UTF-8. Rows are numbered as the spreadsheet shows them, the header being row 1; blank
rows are left out."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

import openpyxl
from openpyxl.utils import get_column_letter

from pathways.domain.workbooks import MAX_ROWS, MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, Problems
from pathways.importers.workbook_cells import canonical, is_blank

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls
# Files people upload by mistake: PDF, PNG, JPEG, GIF, gzip.
OTHER_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
NOT_A_SPREADSHEET = "not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file"
FORMULA = "formulas are not imported; paste the value instead (Paste Special → Values)"


class Reported:
    """A cell whose problem is already reported: the checks that follow pass over it."""


REPORTED = Reported()
NumberedRow = tuple[int, list[object]]
RawTable = tuple[str, list[NumberedRow]]  # a sheet's title, its rows


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


def check_file(upload: Upload, problems: Problems) -> None:
    size = len(upload.content)
    if size > MAX_UPLOAD_BYTES:
        problems.add(
            upload.name,
            None,
            None,
            f"the file is {size / (1024 * 1024):.1f} MB; uploads are "
            f"limited to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB",
        )
    elif not upload.content.strip():
        problems.add(upload.name, None, None, "the file is empty")
    elif upload.content.startswith(OLE_MAGIC):
        message = "this is an old Excel .xls file: save it as Excel Workbook (.xlsx) or CSV"
        problems.add(upload.name, None, None, message)
    elif upload.content.startswith(ZIP_MAGIC):
        return
    elif upload.content.startswith(OTHER_MAGIC) or b"\x00" in upload.content[:4096]:
        problems.add(upload.name, None, None, NOT_A_SPREADSHEET)


def xlsx_sheets(upload: Upload, problems: Problems) -> list[RawTable] | None:
    """Every sheet of an .xlsx, by title, with its rows; None when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(upload.content)) as archive:
            names = set(archive.namelist())
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        problems.add(upload.name, None, None, "not a spreadsheet: a damaged .xlsx or zip file")
        return None
    if "xl/workbook.xml" not in names:
        problems.add(
            upload.name,
            None,
            None,
            "a zip file but not an Excel workbook: save it as Excel Workbook (.xlsx) or CSV",
        )
        return None
    if unpacked > MAX_UNPACKED_BYTES:
        problems.add(
            upload.name,
            None,
            None,
            f"the workbook unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB",
        )
        return None
    try:
        book = openpyxl.load_workbook(io.BytesIO(upload.content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        problems.add(upload.name, None, None, f"not a readable .xlsx workbook ({error})")
        return None
    try:
        return [(name, _xlsx_rows(book[name], name, problems)) for name in book.sheetnames]
    finally:
        book.close()


def _xlsx_rows(worksheet: object, label: str, problems: Problems) -> list[tuple[int, list[object]]]:
    rows: list[tuple[int, list[object]]] = []
    header: list[object] = []
    for number, cells in enumerate(worksheet.iter_rows(), start=1):  # type: ignore[attr-defined]
        values: list[object] = []
        for index, cell in enumerate(cells):
            value = cell.value
            kind = getattr(cell, "data_type", None)
            if kind == "f" or (isinstance(value, str) and value.startswith("=")):
                column = canonical(header[index]) if index < len(header) else _letter(index)
                problems.add(label, number, column, FORMULA)
                value = REPORTED
            elif kind == "e":
                column = canonical(header[index]) if index < len(header) else _letter(index)
                problems.add(label, number, column, f"an error value ({value}): type the value")
                value = REPORTED
            values.append(value)
        if number == 1:
            header = values
        if not all(is_blank(value) for value in values):
            rows.append((number, values))
        if len(rows) > MAX_ROWS + 1:
            problems.add(label, None, None, f"more than {MAX_ROWS:,} rows; split the file")
            break
    return rows


def csv_rows(upload: Upload, problems: Problems) -> list[NumberedRow] | None:
    """The rows of a CSV file (UTF-8, with or without a byte-order mark); None when it cannot
    be read."""
    try:
        text = upload.content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = upload.content[: error.start].count(b"\n") + 1
        byte = upload.content[error.start : error.start + 1].hex().upper()
        guess = _guess_encoding(upload.content)
        problems.add(
            upload.name,
            line,
            None,
            f"not UTF-8 text (byte 0x{byte} cannot be read "
            f"as UTF-8{guess}): save the file as CSV UTF-8",
        )
        return None
    if "\x00" in text:
        problems.add(upload.name, None, None, NOT_A_SPREADSHEET)
        return None
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        problems.add(upload.name, None, None, f"not readable as CSV ({error})")
        return None
    rows: list[tuple[int, list[object]]] = []
    for number, values in enumerate(records, start=1):
        cells: list[object] = list(values)
        for index, value in enumerate(values):
            if number > 1 and value.lstrip().startswith("="):
                column = records[0][index].strip() if index < len(records[0]) else _letter(index)
                problems.add(upload.name, number, column, FORMULA)
                cells[index] = REPORTED
        if not all(is_blank(value) for value in cells):
            rows.append((number, cells))
        if len(rows) > MAX_ROWS + 1:
            problems.add(upload.name, None, None, f"more than {MAX_ROWS:,} rows; split the file")
            break
    return rows


def _letter(index: int) -> str:
    return get_column_letter(index + 1)


def _guess_encoding(content: bytes) -> str:
    try:
        content.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return "; it looks like Windows-1252 (Latin-1), as Excel's plain 'CSV' saves"
