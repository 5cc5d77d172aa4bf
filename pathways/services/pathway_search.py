"""Pathway search for the public search page: published pathways whose title, summary or step
occupations (title or the step's own label) hold every word typed, so "nurse" finds the
CNA → RN pathway by its steps even when its title says "Healthcare careers"."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain import search
from pathways.domain.vocabulary import PathwayStatus
from pathways.models import Occupation, Partnership, Pathway, PathwayStep


@dataclass(frozen=True, slots=True)
class PathwayHit:
    """A published pathway that matched, and the steps that made it match (if any did)."""

    slug: str
    title: str
    summary: str | None
    partnership: str
    matched_steps: tuple[str, ...]


def search_pathways(*, session: Session, query: str | None, limit: int = 20) -> list[PathwayHit]:
    """Published pathways holding every word of `query` somewhere; those whose title holds
    every word first, then by title. Nothing for an empty query: there is no one to guess."""
    words = search.terms(query or "")
    if not words:
        return []
    title = sa.func.lower(Pathway.title)
    summary = sa.func.lower(sa.func.coalesce(Pathway.summary, ""))
    conditions = [
        sa.or_(title.contains(word), summary.contains(word), Pathway.id.in_(_steps_with(word)))
        for word in words
    ]
    in_title = sa.and_(*(title.contains(word) for word in words))
    rows = session.execute(
        sa.select(Pathway.id, Pathway.slug, Pathway.title, Pathway.summary, Partnership.name)
        .join(Partnership, Pathway.partnership_id == Partnership.id)
        .where(Pathway.status == PathwayStatus.PUBLISHED, *conditions)
        .order_by(sa.case((in_title, 0), else_=1), title, Pathway.slug)
        .limit(limit)
    ).all()
    matched = _matched_steps(session, [row.id for row in rows], words)
    return [
        PathwayHit(row.slug, row.title, row.summary, row.name, matched.get(row.id, ()))
        for row in rows
    ]


def _steps_with(word: str) -> sa.Select[int]:
    """Ids of pathway versions with a step whose occupation title or label holds `word`."""
    return (
        sa.select(PathwayStep.pathway_id)
        .join(Occupation, PathwayStep.soc_code == Occupation.soc_code)
        .where(
            sa.or_(
                Occupation.search_text.contains(word),
                sa.func.lower(sa.func.coalesce(PathwayStep.label, "")).contains(word),
            )
        )
    )


def _matched_steps(
    session: Session, pathway_ids: list[int], words: list[str]
) -> dict[int, tuple[str, ...]]:
    """For each pathway, the names of its steps that hold a query word, by stage."""
    if not pathway_ids:
        return {}
    rows = session.execute(
        sa.select(PathwayStep.pathway_id, PathwayStep.label, Occupation.title)
        .join(Occupation, PathwayStep.soc_code == Occupation.soc_code)
        .where(PathwayStep.pathway_id.in_(pathway_ids))
        .order_by(PathwayStep.pathway_id, PathwayStep.stage, PathwayStep.id)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for pathway_id, label, occupation in rows:
        name = label or occupation
        text = f"{label or ''} {occupation}".lower()
        if any(word in text for word in words) and name not in found[pathway_id]:
            found[pathway_id].append(name)
    return {pathway_id: tuple(names) for pathway_id, names in found.items()}
