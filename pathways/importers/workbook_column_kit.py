"""What every spreadsheet template's columns are made of: the few limits only the API's
schemas state (a test compares them with those schemas, so a template never allows what the
API refuses), allowed values from the vocabulary enums, and the shared notes."""

from __future__ import annotations

from enum import StrEnum

from pathways.domain.workbooks import LIST_SEPARATOR, CellKind, Column

K = CellKind
# Limits stated only by the API's marshmallow schemas (tests/importers/test_workbook_templates.py
# checks each against pathways/api/*_schemas.py).
API_RANGES = {
    "priority": (1, 99),
    "annual_openings": (0, 10_000_000),
    "employer_count": (1, 100_000),
}
API_LENGTHS = {"notes": 5000, "title": 200, "summary": 5000, "label": 200}


def values_of(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def notes_column(what: str) -> Column:
    return Column("Notes", "notes", K.TEXT, what, max_length=API_LENGTHS["notes"], width=40)


CREDENTIALS_NOTE = (
    f"Credentials earned, by their name in the Pathways catalog (the Lists sheet names them), "
    f"separated by '{LIST_SEPARATOR}'. Where two credentials share a name, give the id instead "
    "(the number in the Lists sheet)."
)
