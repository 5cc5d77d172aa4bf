"""The skills catalog: O*NET skills and knowledge, and partnership competencies."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import search
from pathways.domain.paging import Page
from pathways.domain.vocabulary import SkillKind
from pathways.models import Skill
from pathways.services.paging import paginate


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
    listing = sa.select(Skill).where(*conditions).order_by(Skill.kind, Skill.name)
    return paginate(session, listing, page=page, per_page=per_page)
