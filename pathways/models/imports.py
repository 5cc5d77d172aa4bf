"""A record of every catalog import: where each figure came from, and which vintage."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from pathways.db import Base
from pathways.models.types import UtcDateTime, utcnow


class ImportRun(Base):
    __tablename__ = "import_runs"
    __table_args__ = (sa.Index(None, "source", "vintage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(sa.String(20))
    vintage: Mapped[str] = mapped_column(sa.String(20))
    files: Mapped[str] = mapped_column(sa.Text)
    rows_read: Mapped[int]
    rows_written: Mapped[int]
    rows_skipped: Mapped[int]
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
