"""The three spreadsheet templates — critical occupations (with employer wages), a pathway,
programs — column by column. Allowed values come from the vocabulary enums, limits from the
services and engines that check API input (programs.BOUNDS, graph.MAX_STAGE, …); the few
limits only the API schemas state are in API_LIMITS, which a test compares with those
schemas, so a template never allows what the API refuses."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pathways.domain.slugs import MAX_SLUG
from pathways.domain.vocabulary import PayBasis, TransitionKind
from pathways.domain.workbooks import LIST_SEPARATOR, CellKind, Column, Sheet, Template
from pathways.engines.graph import MAX_COST_CENTS, MAX_KEY_LENGTH, MAX_MONTHS, MAX_STAGE
from pathways.services.employer_wages import CEILING
from pathways.services.programs import BOUNDS, CHOICES, DEFAULTS, TEXT_FIELDS

K = CellKind
# Limits stated only by the API's marshmallow schemas (tests/importers/test_workbook_columns.py
# checks each against pathways/api/*_schemas.py).
API_RANGES = {
    "priority": (1, 99),
    "annual_openings": (0, 10_000_000),
    "employer_count": (1, 100_000),
}
API_LENGTHS = {"notes": 5000, "title": 200, "summary": 5000, "label": 200}


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


def _notes(what: str) -> Column:
    return Column("Notes", "notes", K.TEXT, what, max_length=API_LENGTHS["notes"], width=40)


CREDENTIALS_NOTE = (
    f"Credentials earned, by their name in the Pathways catalog (the Lists sheet names them), "
    f"separated by '{LIST_SEPARATOR}'. Where two credentials share a name, give the id instead "
    "(the number in the Lists sheet)."
)

CRITICAL = Sheet(
    "Critical occupations",
    (
        Column(
            "SOC",
            "soc",
            K.SOC,
            "SOC 2018 code, NN-NNNN (e.g. 29-1141); must be an "
            "occupation of the catalog. One row per occupation.",
            required=True,
            width=11,
        ),
        Column(
            "Priority",
            "priority",
            K.WHOLE,
            "1 is the most urgent. Blank means 1.",
            low=API_RANGES["priority"][0],
            high=API_RANGES["priority"][1],
            width=9,
        ),
        Column(
            "Annual openings",
            "annual_openings",
            K.WHOLE,
            "People your employers expect to hire each year. May be blank.",
            low=API_RANGES["annual_openings"][0],
            high=API_RANGES["annual_openings"][1],
            width=16,
        ),
        _notes("Why it is critical, what is hard to fill."),
    ),
    examples=(("29-1141", 1, 120, "Example: night shifts are the hardest to fill"),),
    required=False,  # either sheet may come alone (as a CSV file, say)
)
EMPLOYER_WAGES = Sheet(
    "Employer wages",
    (
        Column(
            "SOC",
            "soc",
            K.SOC,
            "SOC 2018 code, NN-NNNN, of a catalog occupation.",
            required=True,
            width=11,
        ),
        Column(
            "Pay basis",
            "pay_basis",
            K.CHOICE,
            "Whether the wages are per hour or per year.",
            required=True,
            choices=_values(PayBasis),
            width=10,
        ),
        *(
            Column(
                header,
                level,
                K.MONEY,
                f"{what} wage in US dollars. Give at least one of "
                "entry, median and experienced, in that order of size.",
                low=0,
                high=CEILING[PayBasis.ANNUAL],
                width=12,
            )
            for header, level, what in (
                ("Entry", "entry", "Starting"),
                ("Median", "median", "Typical"),
                ("Experienced", "experienced", "Experienced"),
            )
        ),
        Column(
            "Reported on",
            "reported_on",
            K.DATE,
            "When the employers reported it, "
            "YYYY-MM-DD; not in the future. With SOC and pay basis it names the report: "
            "importing again updates it.",
            required=True,
            width=12,
        ),
        Column(
            "Employers",
            "employer_count",
            K.WHOLE,
            "How many member employers reported.",
            required=True,
            low=API_RANGES["employer_count"][0],
            high=API_RANGES["employer_count"][1],
            width=10,
        ),
        _notes("Where the figures come from."),
    ),
    examples=(
        ("31-1131", "hourly", 14.0, 15.5, 17.0, date(2025, 3, 1), 4, "Example: four hospitals"),
    ),
    required=False,
)

PATHWAY = Sheet(
    "Pathway",
    (
        Column(
            "Slug",
            "slug",
            K.TEXT,
            f"The pathway's address, /pathways/<slug>: lower-case "
            f"letters, digits and hyphens, 2 to {MAX_SLUG} characters. An existing pathway of "
            "the partnership is updated (its draft; a published one gets a new draft).",
            required=True,
            max_length=MAX_SLUG,
            width=22,
        ),
        Column(
            "Title",
            "title",
            K.TEXT,
            "The pathway's title.",
            required=True,
            max_length=API_LENGTHS["title"],
            width=32,
        ),
        Column(
            "Summary",
            "summary",
            K.TEXT,
            "A paragraph for readers.",
            max_length=API_LENGTHS["summary"],
            width=60,
        ),
    ),
    examples=(
        (
            "example-cna-to-rn",
            "Example: Nurse aide to registered nurse",
            "Example: start as a CNA, become an LPN, then an RN.",
        ),
    ),
)
STEPS = Sheet(
    "Steps",
    (
        Column(
            "Key",
            "key",
            K.TEXT,
            f"A short name for the step, unique in the pathway "
            f"(e.g. cna); transitions name steps by key. At most {MAX_KEY_LENGTH} characters.",
            required=True,
            max_length=MAX_KEY_LENGTH,
            width=16,
        ),
        Column(
            "SOC",
            "soc",
            K.SOC,
            "SOC 2018 code, NN-NNNN, of a catalog occupation.",
            required=True,
            width=11,
        ),
        Column(
            "Stage",
            "stage",
            K.WHOLE,
            f"1 is entry; up to {MAX_STAGE}.",
            required=True,
            low=1,
            high=MAX_STAGE,
            width=8,
        ),
        Column(
            "Label",
            "label",
            K.TEXT,
            "Optional name to show instead of the occupation's "
            "title (e.g. CNA with phlebotomy certificate).",
            max_length=API_LENGTHS["label"],
            width=36,
        ),
    ),
    examples=(
        ("example-cna", "31-1131", 1, "Example: Certified Nursing Assistant"),
        ("example-lpn", "29-2061", 2, "Example: Licensed Practical Nurse"),
    ),
)
TRANSITIONS = Sheet(
    "Transitions",
    (
        Column(
            "From",
            "source",
            K.TEXT,
            "The key of the step it starts from (Steps sheet).",
            required=True,
            width=16,
        ),
        Column(
            "To",
            "target",
            K.TEXT,
            "The key of the step it leads to (Steps sheet).",
            required=True,
            width=16,
        ),
        Column(
            "Kind",
            "kind",
            K.CHOICE,
            "advance (up a stage), lateral (across) or add_on (a "
            "certificate on the same job). Advance moves must not form a cycle.",
            required=True,
            choices=_values(TransitionKind),
            width=10,
        ),
        Column("Credentials", "credential_ids", K.CREDENTIALS, CREDENTIALS_NOTE, width=36),
        Column(
            "Months training",
            "months_training",
            K.WHOLE,
            "Blank means 0.",
            low=0,
            high=MAX_MONTHS,
            width=10,
        ),
        Column(
            "Months experience",
            "months_experience",
            K.WHOLE,
            "Blank means 0.",
            low=0,
            high=MAX_MONTHS,
            width=11,
        ),
        Column(
            "Cost",
            "cost_cents",
            K.MONEY,
            "What the move costs, in US dollars. Blank means 0.",
            low=0,
            high=MAX_COST_CENTS / 100,
            width=10,
        ),
        Column(
            "Earn while you learn",
            "earn_while_you_learn",
            K.YES_NO,
            "yes or no (blank means no): paid while training, as in an apprenticeship.",
            width=11,
        ),
        _notes("Anything else a reader should know."),
    ),
    examples=(
        (
            "example-cna",
            "example-lpn",
            "advance",
            None,
            12,
            6,
            4500,
            "no",
            "Example: evening classes at the community college",
        ),
    ),
)


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
        choices=_values(CHOICES[field]),
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

TEMPLATES = {
    template.kind: template
    for template in (
        Template("critical-occupations", "Critical occupations", (CRITICAL, EMPLOYER_WAGES)),
        Template("pathway", "Pathway", (PATHWAY, STEPS, TRANSITIONS)),
        Template("programs", "Programs", (PROGRAMS,)),
    )
}
