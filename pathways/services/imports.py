"""The record of catalog imports: provenance for every figure Pathways shows."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.imports import ImportSummary
from pathways.models import ImportRun


def record_import(*, session: Session, summary: ImportSummary) -> ImportRun:
    run = ImportRun(
        source=summary.source,
        vintage=summary.vintage,
        files=", ".join(summary.files),
        rows_read=summary.read,
        rows_written=summary.written,
        rows_skipped=summary.skipped_total,
    )
    session.add(run)
    session.flush()
    return run


def latest_vintages(*, session: Session) -> dict[str, str]:
    """Source → the vintage most recently imported ("onet" → "29.3")."""
    newest = (
        sa.select(ImportRun.source, sa.func.max(ImportRun.id).label("id"))
        .group_by(ImportRun.source)
        .subquery()
    )
    rows = session.execute(
        sa.select(ImportRun.source, ImportRun.vintage).join(newest, ImportRun.id == newest.c.id)
    )
    return dict(rows.all())
