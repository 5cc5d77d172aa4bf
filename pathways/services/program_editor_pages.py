"""Reads for the program editor: the credentials a program may award, as choices, and the
names of O*NET skills by element ID (the form submits IDs and levels; people read names)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.models import Credential, Skill


@dataclass(frozen=True)
class CredentialChoice:
    id: int
    name: str
    issuer: str | None
    ctdl_type: str


@dataclass(frozen=True)
class SkillName:
    element_id: str
    name: str
    kind: str


def credential_choices(*, session: Session) -> list[CredentialChoice]:
    """Every credential of the shared catalog, A–Z (a few dozen: one query, no paging)."""
    rows = session.execute(
        sa.select(Credential.id, Credential.name, Credential.issuer, Credential.ctdl_type)
        .order_by(Credential.name, Credential.issuer, Credential.id)
    )  # fmt: skip
    return [CredentialChoice(id_, name, issuer, kind.value) for id_, name, issuer, kind in rows]


def skill_names(*, session: Session, element_ids: Iterable[str]) -> dict[str, SkillName]:
    """The catalog's O*NET skills and knowledge among `element_ids`, by element ID."""
    wanted = {element for element in element_ids if element}
    if not wanted:
        return {}
    rows = session.execute(
        sa.select(Skill.element_id, Skill.name, Skill.kind).where(Skill.element_id.in_(wanted))
    )
    return {
        element: SkillName(element, name, kind.value)
        for element, name, kind in rows
        if element is not None
    }
