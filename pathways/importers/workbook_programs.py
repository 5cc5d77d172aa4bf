"""programs.xlsx into the program registry. A program is known by its provider, title and CIP
code: a row naming a known one updates it (through `update_program`, only when something
differs), any other row creates one. The provider is the upload's (its import page, or
`--provider ID`) or the Provider column's (an id or the exact name); a row naming another
provider than the upload's is refused.

Every row is checked first — the same checks `create_program` makes (the service's bounds,
choices and text limits are the columns' limits), CIP codes and credentials against the
catalog, the actor's right to add programs to each provider, repeats within the file. New
programs are then written in batches (`programs_batch`), with the rows and audit entries
`create_program` would write, because one `create_program` per row takes about 2 ms and a
college's 10,000-row file must load in seconds."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.errors import Forbidden, NotFound
from pathways.domain.workbooks import Problems, WorkbookRejected, WorkbookSummary
from pathways.importers.workbook_checks import (
    CredentialNames,
    Numbered,
    Record,
    differs,
    parsed,
    resolve_credentials,
    unique,
)
from pathways.importers.workbook_columns import PROGRAMS
from pathways.importers.workbook_reading import SheetRows, Workbook
from pathways.models import CipCode, Provider
from pathways.services.program_batches import create_programs, existing_programs
from pathways.services.programs import DEFAULTS, EDITABLE, update_program

Identity = tuple[int, str, str]  # provider id, title, CIP code


def import_programs(
    session: Session, book: Workbook, *, actor: Actor, provider: int | None, file: str
) -> WorkbookSummary:
    problems = book.problems
    rows = book.sheets[PROGRAMS.name]
    records = parsed(rows, problems)
    records = _with_providers(session, actor, rows, records, provider, problems)
    records = _known_cips(session, rows, records, problems)
    records = resolve_credentials(CredentialNames(session), rows, records, "credentials", problems)
    records = unique(rows, records, _identity, problems, column="title", what=_described)
    if problems:
        raise WorkbookRejected(file, problems)
    summary = WorkbookSummary(book.template.kind, read=len(records))
    summary.examples_skipped = rows.examples_skipped
    wanted = [_values(record) for _, record in records]
    known = existing_programs(session, {values["provider"] for values in wanted})
    new: list[dict[str, Any]] = []
    for values in wanted:
        current = known.get(_identity(values))
        if current is None:
            new.append(values)
            continue
        fields = ("provider", "cip", *EDITABLE, "credentials")
        changes = differs(current, values, fields)
        if changes:
            credentials = changes.pop("credentials", None)
            update_program(
                session=session,
                actor=actor,
                program_id=current["id"],
                expected_version=None,
                changes=changes,
                credentials=credentials,
            )
            summary.updated += 1
        else:
            summary.unchanged += 1
    summary.created = create_programs(session, actor, new)
    return summary


def _described(record: Record) -> str:
    return f"{record['title']!r} ({record['cip']}) of provider {record['provider']}"


def _identity(record: Record) -> Identity:
    return (record["provider"], record["title"], record["cip"])


def _values(record: Record) -> dict[str, Any]:
    """A row as `create_program` takes it: blank choices mean the service's defaults."""
    values = {**record, "credentials": sorted(record["credentials"])}
    for key, default in DEFAULTS.items():
        values[key] = values[key] or default.value
    return values


def _with_providers(
    session: Session,
    actor: Actor,
    rows: SheetRows,
    records: Numbered,
    upload_provider: int | None,
    problems: Problems,
) -> Numbered:
    """Each record's provider as an id: the upload's, or its Provider cell's — one the actor
    may add programs to."""
    header = PROGRAMS.column("provider").header
    names: dict[str, list[int]] = {}
    ids: dict[int, str] = {}
    for provider_id, name in session.execute(sa.select(Provider.id, Provider.name)):
        ids[provider_id] = name
        names.setdefault(name.strip().casefold(), []).append(provider_id)
    allowed: dict[int, str | None] = {}  # provider id → why the actor may not (None: may)
    kept: Numbered = []
    for number, record in records:
        cell = record["provider"]
        if cell is None:
            if upload_provider is None:
                problems.add(
                    rows.label,
                    number,
                    header,
                    "which provider? Give its id or exact "
                    "name, or import on the provider's page (--provider ID)",
                )
                continue
            chosen = upload_provider
        else:
            found = _provider_of(cell, ids, names)
            if isinstance(found, str):
                problems.add(rows.label, number, header, found)
                continue
            if upload_provider is not None and found != upload_provider:
                mine = f"{upload_provider} ({ids.get(upload_provider)})"
                problems.add(
                    rows.label, number, header, f"this upload is for provider {mine}, not {cell!r}"
                )
                continue
            chosen = found
        if chosen not in allowed:
            allowed[chosen] = _refusal(actor, chosen, ids)
        if allowed[chosen] is not None:
            problems.add(rows.label, number, header, allowed[chosen] or "")
            continue
        kept.append((number, {**record, "provider": chosen}))
    return kept


def _provider_of(cell: str, ids: dict[int, str], names: dict[str, list[int]]) -> int | str:
    """The provider id a cell names, or what is wrong with it."""
    if cell.isdigit():
        return int(cell) if int(cell) in ids else f"no provider with id {cell}"
    matches = names.get(cell.casefold(), [])
    if len(matches) == 1:
        return matches[0]
    if matches:
        choices = " or ".join(map(str, matches))
        return f"several providers are named {cell!r}: give the id ({choices})"
    return f"no provider named {cell!r}"


def _refusal(actor: Actor, provider_id: int, ids: dict[int, str]) -> str | None:
    try:
        require(actor, Operation.CREATE, Target(Resource.PROGRAM, provider_id=provider_id))
    except (Forbidden, NotFound):
        return f"you may not add programs to provider {provider_id} ({ids[provider_id]})"
    return None


def _known_cips(
    session: Session, rows: SheetRows, records: Numbered, problems: Problems
) -> Numbered:
    wanted = {record["cip"] for _, record in records}
    query = sa.select(CipCode.code).where(CipCode.code.in_(wanted))
    known = set(session.scalars(query)) if wanted else set()
    header = PROGRAMS.column("cip").header
    kept: Numbered = []
    for number, record in records:
        if record["cip"] in known:
            kept.append((number, record))
        else:
            problems.add(
                rows.label, number, header, f"{record['cip']} is not a CIP 2020 code in the catalog"
            )
    return kept
