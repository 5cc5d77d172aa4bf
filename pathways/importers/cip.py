"""NCES CIP 2020 codes and the CIP 2020 ↔ SOC 2018 crosswalk."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.codes import cip_level, parse_cip, parse_soc
from pathways.domain.imports import ImportSummary
from pathways.importers.bulk import insert_rows, upsert
from pathways.importers.cells import parse_cell, text_cell
from pathways.importers.files import Progress, read_table
from pathways.models import CipCode, CipSocLink, Occupation

CIP_VINTAGE = "2020"
RETIRED_ACTIONS = {"Deleted", "Moved from"}  # the code's old place; CIP 2020 lists the new one


def import_cip_codes(
    session: Session, path: Path, *, progress: Progress | None = None
) -> ImportSummary:
    """Upsert CIP 2020 codes (programs refer to them, so none is deleted)."""
    summary = ImportSummary("cip", CIP_VINTAGE, [path.name])
    records: dict[str, dict[str, object]] = {}
    with read_table(
        path, ("CIPCode", "Action", "CIPTitle", "CIPDefinition"), progress=progress
    ) as (
        table,
        rows,
    ):
        for line, values in rows:
            summary.read += 1
            code = parse_cell(table, line, values, table.index("CIPCode"), parse_cip)
            if code in records:
                raise table.error(line, "CIPCode", f"duplicate CIP code {code}")
            if values[table.index("Action")].strip() in RETIRED_ACTIONS:
                summary.skip("codes CIP 2020 deleted or moved elsewhere")
                continue
            title = text_cell(table, line, values, table.index("CIPTitle")).rstrip(".").strip()
            if title == "Reserved":
                summary.skip("reserved code numbers")
                continue
            records[code] = {
                "code": code,
                "level": cip_level(code),
                "title": title,
                "definition": values[table.index("CIPDefinition")].strip() or None,
            }
    summary.written = upsert(session, CipCode, list(records.values()))
    return summary


def import_crosswalk(
    session: Session, path: Path, *, progress: Progress | None = None
) -> ImportSummary:
    """Replace the CIP ↔ SOC crosswalk. Either NCES sheet works (CIP-SOC or SOC-CIP)."""
    summary = ImportSummary("crosswalk", CIP_VINTAGE, [path.name])
    cips = set(session.scalars(sa.select(CipCode.code)))
    socs = set(session.scalars(sa.select(Occupation.soc_code)))
    links: dict[tuple[str, str], int] = {}
    with read_table(path, ("CIP2020Code", "SOC2018Code"), progress=progress) as (table, rows):
        cip_i, soc_i = table.index("CIP2020Code"), table.index("SOC2018Code")
        for line, values in rows:
            summary.read += 1
            cip = parse_cell(table, line, values, cip_i, parse_cip)
            soc = parse_cell(table, line, values, soc_i, parse_soc)
            if cip == "99.9999" or soc == "99-9999":
                summary.skip("NO MATCH rows (a program or occupation with no counterpart)")
                continue
            if cip not in cips:
                summary.skip("CIP codes not in the catalog (import CIP codes first)")
                continue
            if soc not in socs:
                summary.skip("SOC codes not in the catalog (import O*NET or OEWS first)")
                continue
            first = links.setdefault((cip, soc), line)
            if first != line:
                raise table.error(
                    line, soc_i, f"duplicate pair {cip} {soc} (first at line {first})"
                )
    session.execute(sa.delete(CipSocLink))
    summary.written = insert_rows(session, CipSocLink, ("cip_code", "soc_code"), links)
    return summary
