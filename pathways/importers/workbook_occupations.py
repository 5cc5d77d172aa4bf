"""critical-occupations.xlsx into a partnership: its Critical occupations sheet (upserted by
SOC code) and Employer wages sheet (upserted by SOC code, pay basis and report date). Rows
already in the partnership that the file does not list are left alone. Every row is checked
before anything is written; writes go through the same services as the API."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.vocabulary import PayBasis
from pathways.domain.workbooks import Problems, WorkbookRejected, WorkbookSummary
from pathways.importers.workbook_checks import Numbered, check_socs, differs, parsed, unique
from pathways.importers.workbook_columns import CRITICAL, EMPLOYER_WAGES
from pathways.importers.workbook_reading import SheetRows, Workbook
from pathways.models import CriticalOccupation, EmployerWage
from pathways.services.critical_occupations import EDITABLE, add_critical, update_critical
from pathways.services.employer_wages import (
    CEILING,
    LEVELS,
    add_employer_wage,
    update_employer_wage,
)
from pathways.services.partnerships import editable_partnership

WAGE_FIELDS = ("pay_basis", *LEVELS, "reported_on", "employer_count", "notes")


def import_critical_occupations(
    session: Session, book: Workbook, *, actor: Actor, partnership: str, file: str
) -> WorkbookSummary:
    owner = editable_partnership(session=session, actor=actor, slug=partnership)
    problems = book.problems
    critical_rows = book.sheets.get(CRITICAL.name)
    wage_rows = book.sheets.get(EMPLOYER_WAGES.name)
    critical = check_socs(session, critical_rows, parsed(critical_rows, problems), problems)
    wages = check_socs(session, wage_rows, parsed(wage_rows, problems), problems)
    if critical_rows is not None:
        critical = unique(
            critical_rows,
            critical,
            lambda r: r["soc"],
            problems,
            column="soc",
            what=lambda r: f"SOC {r['soc']}",
        )
    if wage_rows is not None:
        wages = _checked_wages(wage_rows, wages, problems)
    if problems:
        raise WorkbookRejected(file, problems)
    summary = WorkbookSummary(book.template.kind)
    summary.examples_skipped = sum(rows.examples_skipped for rows in book.sheets.values())
    _save_critical(session, actor, owner.slug, owner.id, critical, summary)
    _save_wages(session, actor, owner.slug, owner.id, wages, summary)
    return summary


def _checked_wages(rows: SheetRows, records: Numbered, problems: Problems) -> Numbered:
    """What the employer-wage service checks, row by row: a level given, levels in order,
    within the ceiling of their pay basis, a report date not in the future."""
    today = datetime.now(UTC).date()
    kept: Numbered = []
    for number, record in records:
        basis = PayBasis(record["pay_basis"])
        known = [(level, record[level]) for level in LEVELS if record[level] is not None]
        wrong: list[tuple[str, str]] = []
        if not known:
            wrong.append(("median", "give at least one of entry, median and experienced"))
        for level, cents in known:
            if not 0 < cents / 100 <= CEILING[basis]:
                wrong.append(
                    (
                        level,
                        f"an {basis.value} wage above 0 and at most {CEILING[basis]:,.0f} dollars",
                    )
                )
        for (low, low_cents), (high, high_cents) in itertools.pairwise(known):
            if low_cents > high_cents:
                wrong.append((high, f"must not be below {low} ({low_cents / 100:,.2f})"))
        if record["reported_on"] > today:
            wrong.append(("reported_on", "must not be in the future"))
        for field, message in wrong:
            problems.add(rows.label, number, rows.sheet.column(field).header, message)
        if not wrong:
            kept.append((number, record))
    return unique(
        rows,
        kept,
        _wage_key,
        problems,
        column="reported_on",
        what=lambda r: f"the {r['pay_basis']} report for {r['soc']} of {r['reported_on']}",
    )


def _wage_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return (record["soc"], record["pay_basis"], record["reported_on"])


def _save_critical(
    session: Session,
    actor: Actor,
    slug: str,
    partnership_id: int,
    records: Numbered,
    summary: WorkbookSummary,
) -> None:
    query = sa.select(CriticalOccupation).where(CriticalOccupation.partnership_id == partnership_id)
    existing = {row.soc_code: row for row in session.scalars(query)}
    for _, record in records:
        wanted = {**record, "priority": record["priority"] or 1}
        summary.read += 1
        row = existing.get(record["soc"])
        if row is None:
            add_critical(session=session, actor=actor, slug=slug, **wanted)
            summary.created += 1
            continue
        current = {key: getattr(row, key) for key in EDITABLE}
        changes = differs(current, wanted, EDITABLE)
        if changes:
            update_critical(
                session=session,
                actor=actor,
                slug=slug,
                soc=row.soc_code,
                expected_version=None,
                changes=changes,
            )
            summary.updated += 1
        else:
            summary.unchanged += 1


def _save_wages(
    session: Session,
    actor: Actor,
    slug: str,
    partnership_id: int,
    records: Numbered,
    summary: WorkbookSummary,
) -> None:
    query = sa.select(EmployerWage).where(EmployerWage.partnership_id == partnership_id)
    existing: dict[tuple[Any, ...], EmployerWage] = {}
    for row in session.scalars(query.order_by(EmployerWage.id)):
        existing.setdefault((row.soc_code, row.pay_basis.value, row.reported_on), row)
    for _, record in records:
        summary.read += 1
        dollars = {
            level: None if record[level] is None else record[level] / 100 for level in LEVELS
        }
        values = {**record, **dollars}
        report = existing.get(_wage_key(record))
        if report is None:
            add_employer_wage(session=session, actor=actor, slug=slug, values=values)
            summary.created += 1
            continue
        current = {key: getattr(report, key) for key in WAGE_FIELDS}
        current["pay_basis"] = report.pay_basis.value
        changes = differs(current, values, WAGE_FIELDS)
        if changes:
            update_employer_wage(
                session=session,
                actor=actor,
                slug=slug,
                wage_id=report.id,
                expected_version=None,
                changes=changes,
            )
            summary.updated += 1
        else:
            summary.unchanged += 1
