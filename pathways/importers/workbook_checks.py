"""Checks every template shares: each cell of a sheet parsed by its column, codes looked up in
the catalog in one query per sheet, credentials found by name or id, and rows that repeat one
another. Each problem is added with its sheet, row and column; the row is then left out of the
checks that follow, so one mistake is reported once."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.workbooks import Problems
from pathways.importers.workbook_cells import CellError, parse_cell
from pathways.importers.workbook_reading import REPORTED, SheetRows
from pathways.models import Credential
from pathways.services.occupations import known_socs

Record = dict[str, Any]  # a row's values by column field, ready for a service
Numbered = list[tuple[int, Record]]


def parsed(rows: SheetRows | None, problems: Problems) -> Numbered:
    """The rows whose every cell parses, numbered; a problem for each bad cell."""
    if rows is None:
        return []
    good: Numbered = []
    for number, row in rows.rows:
        values: Record = {}
        ok = True
        for column in rows.sheet.columns:
            raw = row[column.field]
            if raw is REPORTED:
                ok = False
                continue
            try:
                values[column.field] = parse_cell(column, raw)
            except CellError as error:
                problems.add(rows.label, number, column.header, error.message)
                ok = False
        if ok:
            good.append((number, values))
    return good


def check_socs(
    session: Session, rows: SheetRows | None, records: Numbered, problems: Problems
) -> Numbered:
    """The records whose SOC code is an occupation of the catalog."""
    if rows is None:
        return records
    known = known_socs(session=session, codes={record["soc"] for _, record in records})
    header = rows.sheet.column("soc").header
    kept: Numbered = []
    for number, record in records:
        if record["soc"] in known:
            kept.append((number, record))
        else:
            problems.add(
                rows.label, number, header, f"{record['soc']} is not an occupation in the catalog"
            )
    return kept


def unique(
    rows: SheetRows,
    records: Numbered,
    identity: Callable[[Record], Hashable],
    problems: Problems,
    *,
    column: str,
    what: Callable[[Record], str],
) -> Numbered:
    """The records whose identity no earlier row has; a problem naming the earlier row for
    each repeat."""
    first: dict[Hashable, int] = {}
    kept: Numbered = []
    for number, record in records:
        key = identity(record)
        if key in first:
            problems.add(
                rows.label,
                number,
                rows.sheet.column(column).header,
                f"{what(record)} is already on row {first[key]}",
            )
            continue
        first[key] = number
        kept.append((number, record))
    return kept


class CredentialNames:
    """The catalog's credentials by name (ignoring case) and by id, for cells that list them."""

    def __init__(self, session: Session) -> None:
        self.ids: set[int] = set()
        self.by_name: dict[str, list[int]] = {}
        for credential_id, name in session.execute(sa.select(Credential.id, Credential.name)):
            self.ids.add(credential_id)
            self.by_name.setdefault(name.strip().casefold(), []).append(credential_id)

    def resolve(self, names: Sequence[str]) -> tuple[list[int], str | None]:
        """The ids `names` stand for, or the first thing wrong with them."""
        found: list[int] = []
        for name in names:
            if name.isdigit():
                if int(name) not in self.ids:
                    return found, f"no credential with id {name} in the catalog"
                credential_id = int(name)
            else:
                matches = self.by_name.get(name.casefold(), [])
                if not matches:
                    return found, (
                        f"no credential named {name!r} in the catalog (the Lists "
                        "sheet of a fresh template names them)"
                    )
                if len(matches) > 1:
                    ids = " or ".join(map(str, sorted(matches)))
                    return found, f"several credentials are named {name!r}: give its id ({ids})"
                credential_id = matches[0]
            if credential_id in found:
                return found, f"{name!r} is listed twice"
            found.append(credential_id)
        return found, None


def resolve_credentials(
    names: CredentialNames, rows: SheetRows, records: Numbered, field: str, problems: Problems
) -> Numbered:
    """The records with `field` (a list of names or ids) turned into credential ids. Rows
    already refused for another cell have their credentials checked too, so one upload lists
    every wrong name, not only those in otherwise good rows."""
    kept: Numbered = []
    column = rows.sheet.column(field)
    for number, record in records:
        ids, problem = names.resolve(record[field] or [])
        if problem is not None:
            problems.add(rows.label, number, column.header, problem)
            continue
        kept.append((number, {**record, field: ids}))
    good = {number for number, _ in records}
    for number, row in rows.rows:
        if number in good or row[field] is REPORTED:
            continue
        try:
            listed = parse_cell(column, row[field])
        except CellError:
            continue  # already reported by `parsed`
        problem = names.resolve(listed or [])[1]
        if problem is not None:
            problems.add(rows.label, number, column.header, problem)
    return kept


def differs(current: Record, wanted: Record, fields: Iterable[str]) -> dict[str, Any]:
    """The fields of `wanted` whose value is not the current one."""
    return {name: wanted[name] for name in fields if current.get(name) != wanted[name]}
