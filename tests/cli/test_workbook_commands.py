"""`pathways import workbook` as an operator uses it: a good file prints what it did; a bad one
prints every problem with sheet, row and column, writes them to --errors, exits 1 and writes
nothing."""

from __future__ import annotations

import csv
import io
from datetime import date

import sqlalchemy as sa

from pathways.models import CriticalOccupation, EmployerWage, Program
from tests.factories import make_partnership, make_provider
from tests.importers.test_workbook_import import filled


def count(session, model, **where) -> int:
    query = sa.select(sa.func.count()).select_from(model).filter_by(**where)
    return session.scalar(query)


def test_a_good_workbook_is_imported_and_reimporting_changes_nothing(cli, session, tmp_path):
    partnership = make_partnership(session)
    path = tmp_path / "critical-occupations.xlsx"
    path.write_bytes(
        filled(
            session,
            "critical-occupations",
            {
                "Critical occupations": [["29-1141", 1, 40, None]],
                "Employer wages": [
                    ["29-1141", "annual", 61000, 72000, 85000, date(2025, 5, 1), 3, None]
                ],
            },
        )
    )
    args = ["import", "workbook", str(path), "--partnership", partnership.slug]
    first = cli.invoke(args=args)
    assert first.exit_code == 0, first.output
    assert first.output.startswith("critical-occupations: 2 rows read, 2 created, 0 updated")
    again = cli.invoke(args=args)
    assert "0 created, 0 updated, 2 unchanged" in again.output
    assert count(session, CriticalOccupation, partnership_id=partnership.id) == 1
    assert count(session, EmployerWage, partnership_id=partnership.id) == 1


def test_a_bad_workbook_lists_every_problem_writes_the_report_and_nothing_else(
    cli, session, tmp_path
):
    provider = make_provider(session)
    path = tmp_path / "programs.xlsx"
    path.write_bytes(
        filled(
            session,
            "programs",
            {
                "Programs": [
                    [
                        "Nursing",
                        "51.3901",
                        "certificate",
                        "in_person",
                        None,
                        48,
                        None,
                        8400,
                        40,
                        None,
                        None,
                        None,
                        None,
                        None,
                        None,
                    ],
                    [
                        "Welding",
                        "48.05",
                        "certificate",
                        "by pigeon",
                        None,
                        0,
                        None,
                        100,
                        4,
                        None,
                        None,
                        None,
                        None,
                        "soon",
                        None,
                    ],
                ]
            },
        )
    )
    report = tmp_path / "errors.csv"
    result = cli.invoke(
        args=[
            "import",
            "workbook",
            str(path),
            "--provider",
            str(provider.id),
            "--errors",
            str(report),
        ]
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "programs.xlsx: 4 problems; nothing was imported",
        "  Programs, row 4, column CIP: '48.05' is not a CIP program code (NN.NNNN)",
        "  Programs, row 4, column Modality: 'by pigeon' is not allowed: one of in_person, "
        "online, hybrid",
        "  Programs, row 4, column Length weeks: 0 is too small: from 1 to 520",
        "  Programs, row 4, column Next start: 'soon' is not a date (YYYY-MM-DD)",
        f"the problems are listed in {report}",
    ]
    rows = list(csv.reader(io.StringIO(report.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["sheet", "row", "column", "message"]
    assert rows[1] == ["Programs", "4", "CIP", "'48.05' is not a CIP program code (NN.NNNN)"]
    assert len(rows) == 5
    assert count(session, Program, provider_id=provider.id) == 0


def test_occupations_need_a_partnership(cli, session, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("SOC,Priority,Annual openings,Notes\n29-1141,1,,\n")
    result = cli.invoke(args=["import", "workbook", str(path)])
    assert result.exit_code == 1
    assert "c.csv is a critical-occupations template: say which partnership" in result.output
