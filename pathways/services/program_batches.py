"""Programs read and written a batch at a time, for imports of thousands (the programs
workbook): the programs providers already have (by provider, title and CIP code, with their
credentials), and new programs inserted with exactly the rows `create_program` writes — the
program, its credentials and one audit entry with the same snapshot — in a few statements
instead of several per program (one call of `create_program` per row took 20 s for 10,000).
The caller hands over values it has checked as `create_program` checks them
(importers/workbook_programs.py); a test compares the result with the service's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import audit
from pathways.domain.access import Actor
from pathways.models import AuditEvent, Program, ProgramCredential
from pathways.services.programs import CHOICES, EDITABLE

BATCH = 1000


def existing_programs(
    session: Session, provider_ids: Iterable[int]
) -> dict[tuple[int, str, str], dict[str, Any]]:
    """(provider, title, CIP) → the program's values as a workbook row gives them."""
    ids = set(provider_ids)
    if not ids:
        return {}
    columns = [getattr(Program, key) for key in EDITABLE]
    query = sa.select(Program.id, Program.provider_id, Program.cip_code, *columns).where(
        Program.provider_id.in_(ids)
    )
    found: dict[tuple[int, str, str], dict[str, Any]] = {}
    by_id: dict[int, dict[str, Any]] = {}
    for row in session.execute(query.order_by(Program.id)):
        values: dict[str, Any] = {key: getattr(row, key) for key in EDITABLE}
        for key in CHOICES:
            values[key] = values[key].value
        values.update(id=row.id, provider=row.provider_id, cip=row.cip_code, credentials=[])
        found.setdefault((row.provider_id, row.title, row.cip_code), values)
        by_id[row.id] = values
    links = sa.select(ProgramCredential.program_id, ProgramCredential.credential_id).where(
        ProgramCredential.program_id.in_(sa.select(Program.id).where(Program.provider_id.in_(ids)))
    )
    for program_id, credential_id in session.execute(links):
        by_id[program_id]["credentials"].append(credential_id)
    for values in by_id.values():
        values["credentials"].sort()
    return found


def create_programs(session: Session, actor: Actor, programs: Sequence[dict[str, Any]]) -> int:
    """Insert `programs` (checked values, as for `create_program`); how many."""
    session.flush()  # anything pending goes first, as a service's own flush would send it
    for start in range(0, len(programs), BATCH):
        _insert(session, actor, programs[start : start + BATCH])
    return len(programs)


def _insert(session: Session, actor: Actor, programs: Sequence[dict[str, Any]]) -> None:
    rows = [_attributes(values) for values in programs]
    statement = sa.insert(Program).returning(Program.id, sort_by_parameter_order=True)
    ids = list(session.scalars(statement, rows))
    links = [
        {"program_id": program_id, "credential_id": credential_id}
        for program_id, values in zip(ids, programs, strict=True)
        for credential_id in values["credentials"]
    ]
    if links:
        session.execute(sa.insert(ProgramCredential), links)
    events = [
        {
            "user_id": actor.user_id,
            "actor": actor.label,
            "channel": actor.channel,
            "action": "create",
            "entity": "program",
            "entity_id": str(program_id),
            "changes": audit.changes(None, _snapshot(values, row)),
        }
        for program_id, values, row in zip(ids, programs, rows, strict=True)
    ]
    session.execute(sa.insert(AuditEvent), events)


def _attributes(values: dict[str, Any]) -> dict[str, Any]:
    row = {key: values[key] for key in EDITABLE}
    for key, enum in CHOICES.items():
        row[key] = enum(row[key])
    return {**row, "provider_id": values["provider"], "cip_code": values["cip"], "version": 1}


def _snapshot(values: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """What `programs.snapshot` says of a new program."""
    return {
        "provider": values["provider"],
        "cip": values["cip"],
        **{key: row[key] for key in EDITABLE},
        "credentials": sorted(values["credentials"]),
        "skills": [],
    }
