"""The audit log: every write, by whom, through which channel, and what it changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from pathways.db import Base
from pathways.domain.access import Channel
from pathways.models.types import UtcDateTime, enum_type, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (sa.Index(None, "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    # The actor's label is kept as written, so the entry still says who after a user is gone.
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    actor: Mapped[str] = mapped_column(sa.String(254))
    channel: Mapped[Channel] = mapped_column(enum_type(Channel, "audit_channel"))
    action: Mapped[str] = mapped_column(sa.String(20))  # create, update, delete, publish, …
    entity: Mapped[str] = mapped_column(sa.String(40))  # "region", "user", "api_token", …
    entity_id: Mapped[str] = mapped_column(sa.String(80))
    changes: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
