"""pathway.xlsx into a partnership: one pathway (the Pathway sheet's single row), its Steps and
Transitions. A new slug creates the pathway as a draft; an existing one of the partnership has
its draft changed to match the file (a published head gets a new draft; nothing changes when
the file matches). The graph is checked by the same rules as the API's, and each problem is
named by the sheet row it comes from."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.slugs import parse_slug
from pathways.domain.vocabulary import TransitionKind
from pathways.domain.workbooks import Problems, WorkbookRejected, WorkbookSummary
from pathways.importers.workbook_checks import (
    CredentialNames,
    Numbered,
    parsed,
    resolve_credentials,
)
from pathways.importers.workbook_columns import PATHWAY, STEPS, TRANSITIONS
from pathways.importers.workbook_reading import SheetRows, Workbook
from pathways.importers.workspace_pathways import pathway_changes
from pathways.models import Pathway
from pathways.services.partnerships import editable_partnership
from pathways.services.pathway_drafts import RESERVED
from pathways.services.pathway_graphs import problems as graph_problems
from pathways.services.pathways import create_pathway, tag, update_pathway, versions

# What the pathway validation calls a field (`transitions[2].to`) → the sheet's column field.
FIELD = re.compile(r"^(steps|transitions)(?:\[(\d+)\])?(?:\.(\w+))?$")
ALIASES = {"from": "source", "to": "target", "credentials": "credential_ids"}


def import_pathway(
    session: Session, book: Workbook, *, actor: Actor, partnership: str, file: str
) -> WorkbookSummary:
    owner = editable_partnership(session=session, actor=actor, slug=partnership)
    problems = book.problems
    pathway_rows, step_rows = book.sheets[PATHWAY.name], book.sheets[STEPS.name]
    move_rows = book.sheets[TRANSITIONS.name]
    heading = _heading(pathway_rows, problems)
    steps = parsed(step_rows, problems)
    moves = resolve_credentials(
        CredentialNames(session), move_rows, parsed(move_rows, problems), "credential_ids", problems
    )
    head = None
    if heading is not None:
        head = _head(session, heading["slug"])
        if head is not None and head.partnership_id != owner.id:
            problems.add(
                pathway_rows.label,
                heading["row"],
                PATHWAY.column("slug").header,
                f"pathway {heading['slug']!r} belongs to another partnership",
            )
    if problems:
        raise WorkbookRejected(file, problems)
    graph = PathwayGraph(
        tuple(StepSpec(**record) for _, record in steps),
        tuple(
            TransitionSpec(
                **{
                    **record,
                    "kind": TransitionKind(record["kind"]),
                    "credential_ids": tuple(record["credential_ids"]),
                    "months_training": record["months_training"] or 0,
                    "months_experience": record["months_experience"] or 0,
                    "cost_cents": record["cost_cents"] or 0,
                    "earn_while_you_learn": bool(record["earn_while_you_learn"]),
                }
            )
            for _, record in moves
        ),
    )
    found = graph_problems(session, graph, for_publish=False)
    for name, messages in found.items():
        sheet, row, column = _place(name, step_rows, steps, move_rows, moves)
        for message in messages:
            problems.add(sheet, row, column, message)
    if problems:
        raise WorkbookRejected(file, problems)
    assert heading is not None  # a missing heading is a problem
    summary = WorkbookSummary(book.template.kind, read=1 + len(steps) + len(moves))
    summary.examples_skipped = sum(rows.examples_skipped for rows in book.sheets.values())
    slug, title, text = heading["slug"], heading["title"], heading["summary"]
    try:
        if head is None:
            head = create_pathway(
                session=session,
                actor=actor,
                partnership=owner.slug,
                slug=slug,
                title=title,
                summary=text,
                graph=graph,
            )
            summary.created = 1
        else:
            before = tag(head)
            changes = pathway_changes(head, title, text, graph)
            if changes:
                head = update_pathway(
                    session=session, actor=actor, slug=slug, expected_tag=None, changes=changes
                )
            summary.updated, summary.unchanged = (0, 1) if tag(head) == before else (1, 0)
    except InvalidInput as error:  # what only the service knows; named by its field
        problems.add(pathway_rows.label, heading["row"], None, error.message)
        raise WorkbookRejected(file, problems) from None
    summary.notes.append(
        f"pathway {slug}: version {head.number} ({head.status.value}), {len(graph.steps)} "
        f"steps, {len(graph.transitions)} transitions"
    )
    return summary


def _heading(rows: SheetRows, problems: Problems) -> dict[str, Any] | None:
    """The Pathway sheet's one row: slug, title, summary (and its row number)."""
    records = parsed(rows, problems)
    if len(rows.rows) != 1:
        problems.add(
            rows.label,
            None,
            None,
            "the sheet needs exactly one row below the header "
            f"(slug, title, summary); it has {len(rows.rows)}",
        )
        return None
    if not records:
        return None
    number, record = records[0]
    slug_column = PATHWAY.column("slug").header
    try:
        slug = parse_slug(record["slug"])
    except InvalidInput as error:
        problems.add(rows.label, number, slug_column, error.errors["slug"][0])
        return None
    if slug in RESERVED:
        problems.add(rows.label, number, slug_column, f"{slug!r} names a page; choose another")
        return None
    return {**record, "slug": slug, "row": number}


def _place(
    name: str, step_rows: SheetRows, steps: Numbered, move_rows: SheetRows, moves: Numbered
) -> tuple[str, int | None, str | None]:
    """The sheet, row and column a validation field (`steps[3].soc`) stands for."""
    found = FIELD.match(name)
    if found is None:
        return step_rows.label, None, None
    which, index, field = found.groups()
    rows, records = (step_rows, steps) if which == "steps" else (move_rows, moves)
    row = records[int(index)][0] if index is not None else None
    column = None
    if field is not None:
        field = ALIASES.get(field, field)
        column = next((c.header for c in rows.sheet.columns if c.field == field), None)
    return rows.label, row, column


def _head(session: Session, slug: str) -> Pathway | None:
    try:
        return versions(session=session, slug=slug)[-1]
    except NotFound:
        return None
