"""BLS Employment Projections, table 1.2: employment now and in ten years, openings, and the
typical education, experience and training for entry."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.codes import parse_soc
from pathways.domain.imports import ImportSummary
from pathways.importers.bulk import insert_rows
from pathways.importers.cells import BLANKS, count, number, optional_cell, parse_cell, thousands
from pathways.importers.files import Progress, Table, read_table
from pathways.models import Occupation, Outlook

# Column → a phrase its header contains (headers carry years and footnote marks).
COLUMNS = {
    "title": "Employment Matrix title",
    "code": "Employment Matrix code",
    "type": "Occupation type",
    "change_percent": "Employment change, percent",
    "self_employed": "Percent self employed",
    "openings": "Occupational openings",
    "median_wage": "Median annual wage",
    "education": "Typical education needed for entry",
    "experience": "Work experience in a related occupation",
    "training": "Typical on-the-job training",
}
_EMPLOYMENT = re.compile(r"^Employment, (\d{4})$")
OUTLOOK_COLUMNS = (
    "soc_code",
    "base_year",
    "target_year",
    "reported_soc",
    "reported_title",
    "employment_base",
    "employment_target",
    "change_percent",
    "annual_openings",
    "self_employed_percent",
    "median_annual_wage",
    "median_wage_top_coded",
    "typical_education",
    "work_experience",
    "on_the_job_training",
)


def import_projections(
    session: Session, path: Path, *, progress: Progress | None = None
) -> ImportSummary:
    """Load one projection period, replacing an earlier import of the same period. Figures BLS
    publishes for a broad group (29-2010) also describe its detailed occupations that BLS
    does not project on their own (29-2011, 29-2012), with `reported_soc` saying so."""
    with read_table(path, (), progress=progress) as (table, rows):
        index = _locate(table)
        years = sorted(
            (int(m.group(1)), i)
            for i, name in enumerate(table.header)
            if (m := _EMPLOYMENT.match(name))
        )
        if len(years) != 2:
            raise table.error(1, None, "expected two columns 'Employment, YEAR'")
        (base_year, base_i), (target_year, target_i) = years
        summary = ImportSummary("projections", f"{base_year}-{target_year}", [path.name])
        socs = set(session.scalars(sa.select(Occupation.soc_code)))
        published: dict[str, tuple[object, ...]] = {}
        for line, values in rows:
            summary.read += 1
            if values[index["type"]].strip() != "Line item":
                summary.skip("summary rows for occupation groups")
                continue
            soc = parse_cell(table, line, values, index["code"], parse_soc)
            if soc in published:
                raise table.error(line, index["code"], f"duplicate occupation {soc}")

            published[soc] = _figures(table, line, values, index, base_i, target_i)
    rows_out = []
    for soc, figures in published.items():
        described = _described(soc, socs, published)
        if not described:
            summary.skip("occupations not in the catalog (import O*NET or OEWS first)")
        for target in described:
            rows_out.append((target, base_year, target_year, soc, *figures))
    session.execute(
        sa.delete(Outlook).where(Outlook.base_year == base_year, Outlook.target_year == target_year)
    )
    summary.written = insert_rows(session, Outlook, OUTLOOK_COLUMNS, rows_out)
    return summary


def _figures(
    table: Table, line: int, values: list[str], index: dict[str, int], base_i: int, target_i: int
) -> tuple[object, ...]:
    def cell(column: str, parse: Callable[[str], object]) -> object:
        return optional_cell(table, line, values, index[column], parse)

    def label(column: str) -> str | None:
        text = values[index[column]].strip()
        return None if text in BLANKS else text

    return (
        values[index["title"]].strip(),
        optional_cell(table, line, values, base_i, thousands),
        optional_cell(table, line, values, target_i, thousands),
        cell("change_percent", number),
        cell("openings", thousands),
        cell("self_employed", number),
        *_median_wage(table, line, values, index["median_wage"]),
        label("education"),
        label("experience"),
        label("training"),
    )


def _median_wage(table: Table, line: int, values: list[str], i: int) -> tuple[int | None, bool]:
    """(dollars, top-coded): BLS writes ">=$239,200" for a median at or above the top code."""
    text = values[i].strip()
    top_coded = text.startswith(">=")
    if top_coded:
        values = [*values[:i], text.removeprefix(">=").lstrip("$"), *values[i + 1 :]]
    return optional_cell(table, line, values, i, count), top_coded


def _locate(table: Table) -> dict[str, int]:
    index = {}
    for column, phrase in COLUMNS.items():
        found = [i for i, name in enumerate(table.header) if phrase in name]
        if not found:
            raise table.error(1, phrase, f"missing a column like {phrase!r}")
        index[column] = found[0]
    return index


def _described(soc: str, socs: set[str], published: dict[str, tuple[object, ...]]) -> list[str]:
    """The catalog occupations one published row describes: itself, and for a broad group the
    detailed occupations that have no row of their own."""
    described = [soc] if soc in socs else []
    if soc.endswith("0"):
        described += [
            code
            for code in sorted(socs)
            if code[:6] == soc[:6] and code != soc and code not in published
        ]
    return described
