"""Uploads that must fail cleanly: every problem named by sheet, row and column, nothing
written, never a traceback — wrong sheets, missing columns, bad codes, formulas, text that is
not UTF-8, empty files, files that are not spreadsheets, oversize ones — and a 10,000-row
programs workbook, which must simply work."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor, Channel, Role
from pathways.domain.workbooks import MAX_UPLOAD_BYTES, WorkbookRejected
from pathways.importers.workbook import Upload, import_workbook
from pathways.models import AuditEvent, CriticalOccupation, Pathway, Program
from tests.factories import make_partnership, make_pathway, make_provider
from tests.importers.test_workbook_import import OPERATOR, filled

GOOD_PROGRAM = [
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
]


def rejected(session, uploads, **options) -> list[str]:
    """The problems, as lines; and the check that nothing at all was written."""
    counts = [
        session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (AuditEvent, CriticalOccupation, Pathway, Program)
    ]
    with pytest.raises(WorkbookRejected) as caught:
        import_workbook(session, uploads, actor=OPERATOR, **options)
    after = [
        session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in (AuditEvent, CriticalOccupation, Pathway, Program)
    ]
    assert after == counts
    assert "nothing was imported" in caught.value.message
    return caught.value.lines(limit=1000)


def xlsx(session, kind, rows, **options):
    return [Upload(f"{kind}.xlsx", filled(session, kind, rows, **options))]


@pytest.fixture
def partnership(session):
    return make_partnership(session)


def test_a_workbook_without_template_sheets_is_not_our_template(session, partnership):
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.append(["SOC", "Priority"])
    out = io.BytesIO()
    book.save(out)
    (line,) = rejected(session, [Upload("mine.xlsx", out.getvalue())], partnership=partnership.slug)
    assert "not a Pathways template" in line
    assert "found: Sheet1" in line


def test_a_missing_column_and_an_unknown_one_are_named_in_the_header_row(session, partnership):
    content = filled(session, "critical-occupations", {})
    book = openpyxl.load_workbook(io.BytesIO(content))
    book["Critical occupations"].delete_cols(2)  # Priority
    book["Critical occupations"]["D1"] = "Anual openings"
    out = io.BytesIO()
    book.save(out)
    lines = rejected(session, [Upload("c.xlsx", out.getvalue())], partnership=partnership.slug)
    assert "Critical occupations, row 1, column Priority: the column is missing" in lines
    assert any(
        line.startswith(
            "Critical occupations, row 1, column Anual openings: not a column of this template"
        )
        for line in lines
    )


def test_bad_codes_and_references_are_all_reported_with_sheet_row_and_column(session, partnership):
    uploads = xlsx(
        session,
        "pathway",
        {
            "Pathway": [["bad-path", "Bad", None]],
            "Steps": [
                ["cna", "31-1131", 1, None],
                ["rn", "29-206", 2, None],
                ["lpn", "99-9999", 2, None],
            ],
            "Transitions": [
                ["cna", "lpn", "advance", "No Such License", 6, 0, 0, "no", None],
                ["cna", "lpn", "sideways", None, None, None, None, None, None],
            ],
        },
        keep_examples=False,
    )
    lines = rejected(session, uploads, partnership=partnership.slug)
    assert lines == [
        "Steps, row 3, column SOC: '29-206' is not a SOC code (expected NN-NNNN)",
        "Transitions, row 2, column Credentials: no credential named 'No Such License' in the "
        "catalog (the Lists sheet of a fresh template names them)",
        "Transitions, row 3, column Kind: 'sideways' is not allowed: one of advance, lateral, "
        "add_on",
    ]


def test_a_row_with_a_bad_cell_still_has_its_credentials_checked(session, partnership):
    """One upload lists every problem: a row refused for its kind is not spared the check of
    its credential names."""
    uploads = xlsx(
        session,
        "pathway",
        {
            "Pathway": [["bad-path", "Bad", None]],
            "Steps": [["cna", "31-1131", 1, None], ["lpn", "29-2061", 2, None]],
            "Transitions": [["cna", "lpn", "advnce", "LPN licence", 6, 0, 0, "no", None]],
        },
        keep_examples=False,
    )
    lines = rejected(session, uploads, partnership=partnership.slug)
    assert lines == [
        "Transitions, row 2, column Kind: 'advnce' is not allowed: one of advance, lateral, add_on",
        "Transitions, row 2, column Credentials: no credential named 'LPN licence' in the "
        "catalog (the Lists sheet of a fresh template names them)",
    ]


def test_graph_problems_point_at_the_rows_they_come_from(session, partnership):
    uploads = xlsx(
        session,
        "pathway",
        {
            "Pathway": [["graph-path", "Graph", None]],
            "Steps": [["cna", "31-1131", 1, None], ["lpn", "99-9998", 2, None]],
            "Transitions": [
                ["cna", "lpn", "advance"],
                ["cna", "rn", "advance"],
                ["lpn", "lpn", "lateral"],
            ],
        },
        keep_examples=False,
    )
    lines = rejected(session, uploads, partnership=partnership.slug)
    assert "Steps, row 3, column SOC: unknown SOC code 99-9998" in lines
    assert "Transitions, row 3, column To: no step 'rn' in this pathway" in lines
    assert "Transitions, row 4, column To: a transition cannot lead from a step to itself" in lines


def test_duplicates_within_the_file_name_the_first_row(session, partnership):
    uploads = xlsx(
        session,
        "critical-occupations",
        {"Critical occupations": [["29-1141", 1, 5, None], ["29-1141", 2, 6, None]]},
    )
    assert rejected(session, uploads, partnership=partnership.slug) == [
        "Critical occupations, row 4, column SOC: SOC 29-1141 is already on row 3"
    ]


def test_formulas_are_refused_cell_by_cell(session, partnership):
    uploads = xlsx(
        session,
        "critical-occupations",
        {
            "Critical occupations": [["29-1141", "=1+1", 5, None], ["29-2061", 2, "=B3*10", None]],
        },
    )
    lines = rejected(session, uploads, partnership=partnership.slug)
    formula = "formulas are not imported; paste the value instead (Paste Special → Values)"
    assert lines == [
        f"Critical occupations, row 3, column Priority: {formula}",
        f"Critical occupations, row 4, column Annual openings: {formula}",
    ]
    csv = Upload("c.csv", b"SOC,Priority,Annual openings,Notes\n29-1141,=2,,\n")
    assert rejected(session, [csv], partnership=partnership.slug) == [
        f"c.csv, row 2, column Priority: {formula}"
    ]


def test_values_out_of_the_apis_limits(session, partnership):
    uploads = xlsx(
        session,
        "critical-occupations",
        {
            "Critical occupations": [["29-1141", 100, -1, "x" * 5001]],
            "Employer wages": [
                ["31-1131", "weekly", 10, 9, None, date(2999, 1, 1), 0, None],
                ["31-1131", "hourly", 10, 9, None, date(2025, 1, 1), 1, None],
            ],
        },
        keep_examples=False,
    )
    assert rejected(session, uploads, partnership=partnership.slug) == [
        "Critical occupations, row 2, column Priority: 100 is too large: from 1 to 99",
        "Critical occupations, row 2, column Annual openings: -1 is too small: from 0 to "
        "10,000,000",
        "Critical occupations, row 2, column Notes: at most 5000 characters",
        "Employer wages, row 2, column Pay basis: 'weekly' is not allowed: one of hourly, annual",
        "Employer wages, row 2, column Employers: 0 is too small: from 1 to 100,000",
        "Employer wages, row 3, column Median: must not be below entry (10.00)",
    ]


def test_many_problems_are_all_counted_and_the_list_ends_with_and_n_more(session, partnership):
    rows = [[f"29-{n:03d}", 1, None, None] for n in range(150)]
    uploads = xlsx(session, "critical-occupations", {"Critical occupations": rows})
    with pytest.raises(WorkbookRejected) as caught:
        import_workbook(session, uploads, actor=OPERATOR, partnership=partnership.slug)
    assert caught.value.count == 150
    lines = caught.value.lines()
    assert len(lines) == 101
    assert lines[-1] == "… and 50 more"


def test_csv_that_is_not_utf8_names_the_encoding_problem(session, partnership):
    content = "SOC,Priority,Annual openings,Notes\n29-1141,1,,Caf\u00e9 staff\n".encode("cp1252")
    (line,) = rejected(session, [Upload("c.csv", content)], partnership=partnership.slug)
    assert line.startswith("c.csv, row 2: not UTF-8 text (byte 0xE9")
    assert "Windows-1252" in line
    assert "save the file as CSV UTF-8" in line


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \r\n", "the file is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a spreadsheet: upload an Excel workbook"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a spreadsheet: upload an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "this is an old Excel .xls file"),
        (b"PK\x03\x04 not really a zip", "not a spreadsheet: a damaged .xlsx or zip file"),
        (b"Dear colleagues,\nplease find attached\n", "not a Pathways template"),
    ],
)
def test_files_that_are_not_filled_templates(session, partnership, content, message):
    (line,) = rejected(session, [Upload("f.xlsx", content)], partnership=partnership.slug)
    assert message in line


def test_a_zip_that_is_not_a_workbook(session, partnership):
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    (line,) = rejected(session, [Upload("f.docx", out.getvalue())], partnership=partnership.slug)
    assert "a zip file but not an Excel workbook" in line


def test_an_oversize_upload_is_refused_before_it_is_read(session, partnership):
    content = b"SOC,Priority,Annual openings,Notes\n" + b"x" * MAX_UPLOAD_BYTES
    (line,) = rejected(session, [Upload("big.csv", content)], partnership=partnership.slug)
    assert line == "big.csv: the file is 10.0 MB; uploads are limited to 10 MB"


def test_programs_need_a_provider_one_may_edit(session):
    ours, theirs = make_provider(session), make_provider(session)
    editor = Actor(
        Channel.WEB,
        "editor@example.org",
        user_id=None,
        role=Role.PROVIDER_EDITOR,
        provider_ids=frozenset({ours.id}),
    )
    rows = [GOOD_PROGRAM, [*GOOD_PROGRAM[:-1], str(theirs.id)], [*GOOD_PROGRAM[:-1], "Nobody U"]]
    uploads = xlsx(session, "programs", {"Programs": rows}, keep_examples=False)
    with pytest.raises(WorkbookRejected) as caught:
        import_workbook(session, uploads, actor=editor)
    assert caught.value.lines() == [
        "Programs, row 2, column Provider: which provider? Give its id or exact name, or "
        "import on the provider's page (--provider ID)",
        f"Programs, row 3, column Provider: you may not add programs to provider {theirs.id} "
        f"({theirs.name})",
        "Programs, row 4, column Provider: no provider named 'Nobody U'",
    ]
    with pytest.raises(WorkbookRejected) as caught:
        import_workbook(session, uploads, actor=editor, provider=ours.id)
    assert caught.value.lines()[0] == (
        f"Programs, row 3, column Provider: this upload is for provider {ours.id} ({ours.name}), "
        f"not '{theirs.id}'"
    )


def test_a_pathway_slug_of_another_partnership_is_refused(session, partnership):
    other = make_partnership(session)
    make_pathway(session, partnership=other, slug="taken-path")
    uploads = xlsx(
        session,
        "pathway",
        {"Pathway": [["taken-path", "Mine", None]], "Steps": [["cna", "31-1131", 1]]},
        keep_examples=False,
    )
    assert rejected(session, uploads, partnership=partnership.slug) == [
        "Pathway, row 2, column Slug: pathway 'taken-path' belongs to another partnership"
    ]


def test_ten_thousand_programs_import_and_a_bad_cip_among_them_stops_them_all(session):
    provider = make_provider(session)
    rows = [
        [
            f"Program {n}",
            "51.3901",
            "certificate",
            "online",
            None,
            12,
            None,
            100,
            10,
            None,
            None,
            None,
            None,
            None,
            None,
        ]
        for n in range(10_000)
    ]
    rows[7_000][1] = "99.9999"
    bad = xlsx(session, "programs", {"Programs": rows}, keep_examples=False)
    assert rejected(session, bad, provider=provider.id) == [
        "Programs, row 7002, column CIP: 99.9999 is not a CIP 2020 code in the catalog"
    ]
    rows[7_000][1] = "51.3901"
    good = xlsx(session, "programs", {"Programs": rows}, keep_examples=False)
    summary = import_workbook(session, good, actor=OPERATOR, provider=provider.id)
    assert summary.created == 10_000
    count = (
        sa.select(sa.func.count()).select_from(Program).where(Program.provider_id == provider.id)
    )
    assert session.scalar(count) == 10_000
