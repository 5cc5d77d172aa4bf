"""The programs template, column by column. Limits, choices and defaults are the program
service's own (services/programs.py), so the sheet allows exactly what the API does."""

from __future__ import annotations

from datetime import date

from pathways.domain.workbooks import CellKind, Column, Sheet
from pathways.importers.workbook_column_kit import CREDENTIALS_NOTE, K, values_of
from pathways.services.programs import BOUNDS, CHOICES, DEFAULTS, TEXT_FIELDS


def _bounded(header: str, field: str, kind: CellKind, note: str, width: int) -> Column:
    low, high = float(BOUNDS[field][0]), float(BOUNDS[field][1])
    if field == "cost":
        low, high = low / 100, high / 100  # cents in the service, dollars here
    return Column(header, field, kind, note, low=low, high=high, width=width)


def _choice(header: str, field: str, note: str, width: int = 14) -> Column:
    default = DEFAULTS.get(field)
    blank = f" Blank means {default.value}." if default is not None else ""
    return Column(
        header,
        field,
        K.CHOICE,
        note + blank,
        required=default is None,
        choices=values_of(CHOICES[field]),
        width=width,
    )


PROGRAMS = Sheet(
    "Programs",
    (
        Column(
            "Title",
            "title",
            K.TEXT,
            "The program's title. With provider and CIP code it "
            "names the program: importing again updates it.",
            required=True,
            max_length=TEXT_FIELDS["title"],
            width=32,
        ),
        Column(
            "CIP",
            "cip",
            K.CIP,
            "CIP 2020 program code, NN.NNNN (e.g. 51.3901); must be in the catalog.",
            required=True,
            width=10,
        ),
        _choice("Award level", "award_level", "What completing it awards."),
        _choice("Modality", "modality", "How it is taught."),
        Column("Credentials", "credentials", K.CREDENTIALS, CREDENTIALS_NOTE, width=30),
        _bounded("Length weeks", "length_weeks", K.WHOLE, "Weeks from start to finish.", 9),
        _bounded("Credit hours", "credit_hours", K.NUMBER, "Credit hours, if it has any.", 9),
        _bounded(
            "Cost", "cost", K.MONEY, "Tuition and fees for the whole program, in US dollars.", 10
        ),
        _bounded("Seats per year", "seats_per_year", K.WHOLE, "Students it can take each year.", 9),
        Column(
            "Schedule",
            "schedule",
            K.TEXT,
            "When classes meet.",
            max_length=TEXT_FIELDS["schedule"],
            width=24,
        ),
        Column(
            "Prerequisites",
            "prerequisites",
            K.TEXT,
            "What a student needs first.",
            max_length=TEXT_FIELDS["prerequisites"],
            width=24,
        ),
        _choice("Earn while you learn", "earn_while_you_learn", "Paid while learning?", 14),
        _choice("Status", "status", "Whether it runs.", 12),
        Column("Next start", "next_start", K.DATE, "The next start date, YYYY-MM-DD.", width=12),
        Column(
            "Provider",
            "provider",
            K.TEXT,
            "The provider's id or exact name. May be blank "
            "when the upload is for one provider (its import page, or --provider).",
            width=20,
        ),
    ),
    examples=(
        (
            "Example: Practical Nursing",
            "51.3901",
            "certificate",
            "in_person",
            None,
            48,
            42,
            8400,
            40,
            "Example: days, Monday to Thursday",
            "CNA certification",
            "none",
            "active",
            date(2026, 8, 17),
            None,
        ),
    ),
)
