"""One way to cut a listing into pages: the total, and the rows of one page."""

from __future__ import annotations

from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.paging import Page

T = TypeVar("T")


def paginate(session: Session, query: sa.Select[T], *, page: int, per_page: int) -> Page[T]:
    """`query` (ordered) counted in full and cut to `page`."""
    total = session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery()))
    rows = session.scalars(query.limit(per_page).offset((page - 1) * per_page))
    return Page(list(rows), total or 0, page, per_page)
