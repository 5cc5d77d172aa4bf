"""The downloadable templates: built from the same limits and vocabularies as the API (a
column may never allow what the API refuses), with header notes, drop-downs, frozen header
and example rows — which the importer skips while they are unchanged."""

from __future__ import annotations

import io

import marshmallow as ma
import openpyxl
import pytest

from pathways.api.partnership_schemas import CriticalCreateSchema, EmployerWageCreateSchema
from pathways.api.pathway_schemas import PathwayCreateSchema, StepInSchema, TransitionInSchema
from pathways.api.program_schemas import ProgramCreateSchema
from pathways.domain.workbooks import CellKind
from pathways.importers.workbook_columns import (
    CRITICAL,
    EMPLOYER_WAGES,
    PATHWAY,
    PROGRAMS,
    STEPS,
    TEMPLATES,
    TRANSITIONS,
)
from pathways.importers.workbook_reading import Upload, read_uploads
from pathways.importers.workbook_templates import (
    credential_choices,
    template_csv,
    template_xlsx,
)

SCHEMAS = [
    (CRITICAL, CriticalCreateSchema),
    (EMPLOYER_WAGES, EmployerWageCreateSchema),
    (PATHWAY, PathwayCreateSchema),
    (STEPS, StepInSchema),
    (TRANSITIONS, TransitionInSchema),
    (PROGRAMS, ProgramCreateSchema),
]
UNIT = {"cost": 100, "cost_cents": 100}  # the API takes cents, the sheets dollars


def api_field(schema: type[ma.Schema], name: str) -> ma.fields.Field | None:
    fields = schema().fields
    by_attribute = {field.attribute or key: field for key, field in fields.items()}
    return fields.get(name) or by_attribute.get(name)


@pytest.mark.parametrize(("sheet", "schema"), SCHEMAS, ids=lambda v: getattr(v, "name", ""))
def test_every_column_allows_exactly_what_the_api_allows(sheet, schema):
    for column in sheet.columns:
        field = api_field(schema, column.field)
        if field is None or column.field == "provider":  # an id or a name in the sheet
            continue  # checked by the services alone (pathway graph limits, wage levels)
        for rule in field.validators:
            if isinstance(rule, ma.validate.Range) and column.kind is not CellKind.MONEY:
                assert (column.low, column.high) == (rule.min, rule.max), column.header
            if isinstance(rule, ma.validate.Range) and column.kind is CellKind.MONEY:
                unit = UNIT.get(column.field, 1)
                assert (column.low * unit, column.high * unit) == (rule.min, rule.max)
            text = column.kind is CellKind.TEXT
            if isinstance(rule, ma.validate.Length) and rule.max is not None and text:
                assert column.max_length == rule.max, column.header
        if isinstance(field, ma.fields.Enum):
            assert column.choices == tuple(m.value for m in field.enum), column.header
        if field.required and field.load_default is ma.missing:
            assert column.required, f"{sheet.name}.{column.header} is required by the API"


def test_the_xlsx_has_notes_drop_downs_a_frozen_header_and_a_lists_sheet(session):
    content = template_xlsx(TEMPLATES["pathway"], credential_choices(session))
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Pathway", "Steps", "Transitions", "Lists", "Read me"]
    moves = book["Transitions"]
    assert [cell.value for cell in moves[1]] == [c.header for c in TRANSITIONS.columns]
    assert moves.freeze_panes == "A2"
    assert "add_on" in moves["C1"].comment.text
    assert "Required." in moves["C1"].comment.text
    lists = {str(v.sqref).split(":")[0]: v for v in moves.data_validations.dataValidation}
    assert lists["C2"].formula1 == '"advance,lateral,add_on"'
    assert lists["D2"].formula1.startswith("Lists!$B$2:$B$")
    assert lists["H2"].formula1 == '"yes,no"'
    assert (lists["E2"].type, lists["E2"].formula2) == ("whole", "240")
    assert moves["A2"].value == "example-cna"
    assert moves["A2"].font.i
    names = [row[1] for row in book["Lists"].iter_rows(min_row=2, values_only=True)]
    assert names == sorted(names, key=str)
    assert len(names) == len(credential_choices(session))


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_a_blank_template_reads_back_as_no_rows_its_examples_skipped(session, kind):
    template = TEMPLATES[kind]
    book = read_uploads([Upload(f"{kind}.xlsx", template_xlsx(template, []))])
    assert book.template is template
    assert all(rows.rows == [] for rows in book.sheets.values())
    assert sum(rows.examples_skipped for rows in book.sheets.values()) == sum(
        len(sheet.examples) for sheet in template.sheets
    )
    files = [Upload(template.csv_name(s), template_csv(template, s)) for s in template.sheets]
    csv_book = read_uploads(files)
    for sheet in template.sheets:
        assert csv_book.sheets[sheet.name].label == template.csv_name(sheet)
        assert csv_book.sheets[sheet.name].examples_skipped == len(sheet.examples)
        assert csv_book.sheets[sheet.name].rows == []
