"""The three spreadsheet templates — critical occupations (with employer wages), a pathway,
programs — column by column. Allowed values come from the vocabulary enums, limits from the
services and engines that check API input (programs.BOUNDS, graph.MAX_STAGE, …); the few
limits only the API schemas state are in workbook_column_kit.py. This module holds the
critical-occupation sheets and puts the templates together."""

from __future__ import annotations

from datetime import date

from pathways.domain.vocabulary import PayBasis
from pathways.domain.workbooks import Column, Sheet, Template
from pathways.importers.workbook_column_kit import API_RANGES, K, notes_column, values_of
from pathways.importers.workbook_pathway_columns import PATHWAY, STEPS, TRANSITIONS
from pathways.importers.workbook_program_columns import PROGRAMS
from pathways.services.employer_wages import CEILING

__all__ = ["CRITICAL", "EMPLOYER_WAGES", "PATHWAY", "PROGRAMS", "STEPS", "TEMPLATES", "TRANSITIONS"]

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
        notes_column("Why it is critical, what is hard to fill."),
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
            choices=values_of(PayBasis),
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
        notes_column("Where the figures come from."),
    ),
    examples=(
        ("31-1131", "hourly", 14.0, 15.5, 17.0, date(2025, 3, 1), 4, "Example: four hospitals"),
    ),
    required=False,
)

TEMPLATES = {
    template.kind: template
    for template in (
        Template("critical-occupations", "Critical occupations", (CRITICAL, EMPLOYER_WAGES)),
        Template("pathway", "Pathway", (PATHWAY, STEPS, TRANSITIONS)),
        Template("programs", "Programs", (PROGRAMS,)),
    )
}
