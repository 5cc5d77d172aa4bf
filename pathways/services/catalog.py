"""What the catalog holds: how many occupations, from which releases."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.models import Occupation
from pathways.services.imports import latest_vintages


def catalog_status(*, session: Session) -> dict[str, Any]:
    occupations = session.scalar(sa.select(sa.func.count()).select_from(Occupation)) or 0
    return {"occupations": occupations, "sources": latest_vintages(session=session)}
