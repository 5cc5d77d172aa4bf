"""Emptying a partnership of what it owns — critical occupations, employer wage reports,
requirement overrides and pathways (every version) — before a bundle import puts the
bundle's in their place. The partnership itself stays, with its id, so the editors scoped to
it keep their access; each removal goes through its own service and is audited."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.models import Pathway
from pathways.services.critical_occupations import list_critical, remove_critical
from pathways.services.employer_wages import list_employer_wages, remove_employer_wage
from pathways.services.partnerships import editable_partnership
from pathways.services.pathways import delete_pathway
from pathways.services.requirement_overrides import list_overrides, remove_override


def clear_partnership(*, session: Session, actor: Actor, slug: str) -> None:
    """Remove everything partnership `slug` owns but its own details, members and logo."""
    partnership = editable_partnership(session=session, actor=actor, slug=slug)
    for row in list_critical(session=session, slug=slug):
        remove_critical(
            session=session, actor=actor, slug=slug, soc=row.soc_code, expected_version=None
        )
    for wage in list_employer_wages(session=session, slug=slug):
        remove_employer_wage(
            session=session, actor=actor, slug=slug, wage_id=wage.id, expected_version=None
        )
    for override in list_overrides(session=session, slug=slug):
        remove_override(
            session=session,
            actor=actor,
            slug=slug,
            override_id=override.id,
            expected_version=None,
        )
    query = sa.select(Pathway.slug).where(Pathway.partnership_id == partnership.id).distinct()
    for pathway in sorted(session.scalars(query)):
        delete_pathway(session=session, actor=actor, slug=pathway, expected_tag=None)
    session.expire(partnership)
