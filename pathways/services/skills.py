"""The skills catalog: O*NET skills and knowledge, and partnership competencies."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import search
from pathways.domain.paging import Page
from pathways.domain.vocabulary import SkillKind
from pathways.models import Skill


def list_skills(
    *,
    session: Session,
    kind: SkillKind | None = None,
    query: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[Skill]:
    conditions: list[sa.ColumnElement[bool]] = []
    if kind is not None:
        conditions.append(Skill.kind == kind)
    for word in search.terms(query or ""):
        conditions.append(sa.func.lower(Skill.name).contains(word))
    total = session.scalar(sa.select(sa.func.count()).select_from(Skill).where(*conditions))
    items = session.scalars(
        sa.select(Skill)
        .where(*conditions)
        .order_by(Skill.kind, Skill.name)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return Page(list(items), total or 0, page, per_page)
