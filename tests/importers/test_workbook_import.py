"""Filled-in templates imported into a partnership or the program registry: what lands in the
database, through the services (audit entries by the actor), and that importing the same file
again leaves the same state. Helpers here fill templates for the other workbook tests."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor
from pathways.domain.vocabulary import PathwayStatus
from pathways.importers.workbook import Upload, import_workbook
from pathways.importers.workbook_columns import TEMPLATES
from pathways.importers.workbook_templates import credential_choices, template_xlsx
from pathways.models import AuditEvent, CriticalOccupation, EmployerWage, Program
from pathways.services.pathways import versions
from pathways.services.programs import create_program, snapshot
from tests.factories import make_credential, make_partnership, make_provider

OPERATOR = Actor.operator("tests")


def filled(session, kind: str, rows: dict[str, list[list[object]]], *, keep_examples=True):
    """The template `kind` as downloaded, with `rows` typed below its example rows."""
    book = openpyxl.load_workbook(
        io.BytesIO(template_xlsx(TEMPLATES[kind], credential_choices(session)))
    )
    for sheet_name, values in rows.items():
        sheet = book[sheet_name]
        if not keep_examples:
            sheet.delete_rows(2, sheet.max_row)
        start = sheet.max_row + 1
        for offset, row in enumerate(values):
            for column, value in enumerate(row, start=1):
                sheet.cell(row=start + offset, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(session, content: bytes, name: str = "upload.xlsx", **options):
    return import_workbook(session, [Upload(name, content)], actor=OPERATOR, **options)


def audit_count(session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))


@pytest.fixture
def partnership(session):
    return make_partnership(session)


def test_critical_occupations_and_wages_are_upserted_and_a_second_import_changes_nothing(
    session, partnership
):
    content = filled(
        session,
        "critical-occupations",
        {
            "Critical occupations": [
                ["29-1141", 1, 120, "Night shifts"],
                ["29-2061", 2, None, None],
            ],
            "Employer wages": [
                ["31-1131", "hourly", 14, 15.5, "$17.25", date(2025, 3, 1), 4, None]
            ],
        },
    )
    summary = run(session, content, partnership=partnership.slug)
    assert (summary.created, summary.updated, summary.examples_skipped) == (3, 0, 2)
    rows = session.scalars(
        sa.select(CriticalOccupation)
        .where(CriticalOccupation.partnership_id == partnership.id)
        .order_by(CriticalOccupation.soc_code)
    ).all()
    assert [(r.soc_code, r.priority, r.annual_openings, r.notes) for r in rows] == [
        ("29-1141", 1, 120, "Night shifts"),
        ("29-2061", 2, None, None),
    ]
    wage = session.scalars(
        sa.select(EmployerWage).where(EmployerWage.partnership_id == partnership.id)
    ).one()
    assert (wage.entry, wage.median, wage.experienced) == (14.0, 15.5, 17.25)
    events = audit_count(session)
    again = run(session, content, partnership=partnership.slug)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert audit_count(session) == events

    changed = filled(
        session,
        "critical-occupations",
        {"Critical occupations": [["29-1141", 3, 120, "Night shifts"]]},
    )
    third = run(session, changed, partnership=partnership.slug)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 0)
    session.refresh(rows[0])
    assert rows[0].priority == 3


def test_a_pathway_is_created_as_a_draft_then_updated_and_left_alone_when_unchanged(
    session, partnership
):
    credential = make_credential(session, name="Workbook CNA License")
    sheets = {
        "Pathway": [["wb-path", "Aide to nurse", "From aide to LPN"]],
        "Steps": [["cna", "31-1131", 1, None], ["lpn", "29-2061", 2, "LPN"]],
        "Transitions": [
            ["cna", "lpn", "advance", "workbook cna license", 12, 6, 4500, "yes", None]
        ],
    }
    summary = run(session, filled(session, "pathway", sheets), partnership=partnership.slug)
    assert summary.created == 1
    (head,) = versions(session=session, slug="wb-path")
    assert head.status is PathwayStatus.DRAFT
    assert {step.key: step.stage for step in head.steps} == {"cna": 1, "lpn": 2}
    move = head.transitions[0]
    assert [c.id for c in move.credentials] == [credential.id]
    assert (move.months_training, move.cost, move.earn_while_you_learn) == (12, 450_000, True)
    events = audit_count(session)
    again = run(session, filled(session, "pathway", sheets), partnership=partnership.slug)
    assert (again.updated, again.unchanged) == (0, 1)
    assert audit_count(session) == events

    sheets["Pathway"] = [["wb-path", "Aide to practical nurse", "From aide to LPN"]]
    third = run(session, filled(session, "pathway", sheets), partnership=partnership.slug)
    assert third.updated == 1
    assert versions(session=session, slug="wb-path")[-1].title == "Aide to practical nurse"


def test_programs_are_created_by_provider_title_and_cip_and_updated_on_reimport(session):
    provider = make_provider(session)
    credential = make_credential(session, name="Workbook PN Diploma")
    row = [
        "Practical Nursing",
        "51.3901",
        "certificate",
        "In person",
        "Workbook PN Diploma",
        48,
        42,
        8400,
        40,
        "Days",
        None,
        None,
        None,
        date(2026, 8, 17),
        None,
    ]
    content = filled(session, "programs", {"Programs": [row]})
    summary = run(session, content, provider=provider.id)
    assert (summary.created, summary.examples_skipped) == (1, 1)
    program = session.scalars(sa.select(Program).where(Program.provider_id == provider.id)).one()
    assert (program.cost, program.status.value, program.earn_while_you_learn.value) == (
        840_000,
        "active",
        "none",
    )
    assert [c.id for c in program.credentials] == [credential.id]
    assert run(session, content, provider=provider.id).unchanged == 1

    row[8] = 60  # seats
    assert (
        run(session, filled(session, "programs", {"Programs": [row]}), provider=provider.id).updated
        == 1
    )
    session.refresh(program)
    assert program.seats_per_year == 60


def test_a_program_written_by_the_batch_equals_one_written_by_create_program(session):
    """The batch insert writes what the service writes: the same row and the same audit."""
    provider = make_provider(session)
    credential = make_credential(session)
    values = {
        "title": "Welding",
        "cip": "48.0508",
        "award_level": "certificate",
        "modality": "hybrid",
        "length_weeks": 30,
        "credit_hours": 24.5,
        "cost": 390_050,
        "seats_per_year": 18,
        "schedule": "Evenings",
        "prerequisites": None,
        "earn_while_you_learn": "apprenticeship",
        "status": "planned",
        "next_start": date(2026, 1, 12),
    }
    by_service = create_program(
        session=session,
        actor=OPERATOR,
        values={**values, "provider": provider.id},
        credentials=[credential.id],
    )
    row = [
        "Welding 2",
        "48.0508",
        "certificate",
        "hybrid",
        str(credential.id),
        30,
        24.5,
        3900.50,
        18,
        "Evenings",
        None,
        "apprenticeship",
        "planned",
        date(2026, 1, 12),
        str(provider.id),
    ]
    run(session, filled(session, "programs", {"Programs": [row]}))
    by_batch = session.scalars(sa.select(Program).where(Program.title == "Welding 2")).one()
    assert {**snapshot(session, by_batch), "title": "Welding"} == snapshot(session, by_service)
    audits = {
        event.entity_id: event
        for event in session.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "program"))
    }
    service_event, batch_event = audits[str(by_service.id)], audits[str(by_batch.id)]
    assert batch_event.changes["title"]["after"] == "Welding 2"
    assert {**batch_event.changes, "title": service_event.changes["title"]} == (
        service_event.changes
    )
    assert (batch_event.actor, batch_event.channel, batch_event.action) == (
        service_event.actor,
        service_event.channel,
        "create",
    )
    assert by_batch.version == by_service.version == 1


def test_csv_sheets_import_like_the_workbook(session, partnership):
    steps = "\ufeffKey,SOC,Stage,Label\r\ncna,31-1131,1,\r\nlpn,29-2061,2,\r\n"
    moves = (
        "From,To,Kind,Credentials,Months training,Months experience,Cost,Earn while you "
        "learn,Notes\ncna,lpn,advance,,12,0,,no,\n"
    )
    heading = "Slug,Title,Summary\ncsv-path,From CSV,\n"
    uploads = [
        Upload("pathway.csv", heading.encode()),
        Upload("steps.csv", steps.encode()),
        Upload("moves.csv", moves.encode()),
    ]
    summary = import_workbook(session, uploads, actor=OPERATOR, partnership=partnership.slug)
    assert summary.created == 1
    assert len(versions(session=session, slug="csv-path")[-1].transitions) == 1
