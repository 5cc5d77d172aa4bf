"""Reads for the alignment pages: the partnerships whose critical occupations a provider's
programs are measured against (those of the provider's region), with those occupations loaded
in the same round trip."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from pathways.models import CriticalOccupation, Partnership


def regional_partnerships(*, session: Session, region_id: int | None) -> list[Partnership]:
    """A–Z; none for a provider without a region."""
    if region_id is None:
        return []
    query = (
        sa.select(Partnership)
        .where(Partnership.region_id == region_id)
        .options(
            selectinload(Partnership.critical_occupations).joinedload(CriticalOccupation.occupation)
        )
        .order_by(Partnership.name)
    )
    return list(session.scalars(query))
