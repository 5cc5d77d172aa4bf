"""A program's CIP code and skills: what the code suggests — the occupations the NCES CIP 2020
↔ SOC 2018 crosswalk maps it to, and the skills and knowledge those occupations need (O*NET
importance ≥ 3) at the levels O*NET gives, for the editor to confirm or lower — and the
skills the program is recorded as teaching."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.codes import cip_level, parse_cip
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.vocabulary import SkillKind
from pathways.models import CipCode, CipSocLink, Occupation, OccupationSkill, ProgramSkill, Skill

# SPEC §3.5: an occupation requires the skills it rates at importance 3.0 or more.
REQUIRED_IMPORTANCE = 3.0


@dataclass(frozen=True)
class SuggestedSkill:
    """A skill to teach: the highest level and importance any of `occupations` (the
    crosswalked occupations that require it) gives it."""

    element_id: str
    name: str
    kind: str
    level: float
    importance: float
    occupations: tuple[str, ...]


@dataclass(frozen=True)
class Suggestions:
    cip: str
    title: str
    occupations: tuple[tuple[str, str], ...]  # (SOC code, title)
    skills: tuple[SuggestedSkill, ...]


@dataclass(frozen=True)
class SkillTaught:
    """A skill a program teaches, with its O*NET name, at a level on the 0–7 scale."""

    element_id: str
    name: str
    kind: str
    level: float


def program_code(*, session: Session, cip: str, field: str = "cip") -> CipCode:
    """`cip` as a CIP 2020 program code (`NN.NNNN`) of the catalog, or InvalidInput on
    `field`."""
    code = _program_digits(cip, field)
    found = session.get(CipCode, code)
    if found is None:
        raise InvalidInput.for_field(field, f"no CIP 2020 code {code} in the catalog")
    return found


def suggestions(*, session: Session, cip: str) -> Suggestions:
    """Occupations and skills for a program code; NotFound for a code not in the catalog."""
    found = session.get(CipCode, _program_digits(cip, "cip"))
    if found is None:
        raise NotFound(f"no CIP 2020 code {cip.strip()} in the catalog")
    return Suggestions(
        cip=found.code,
        title=found.title,
        occupations=tuple(occupations_for_cip(session=session, cip=found.code)),
        skills=tuple(suggested_skills(session=session, cip=found.code)),
    )


def occupations_for_cip(*, session: Session, cip: str) -> list[tuple[str, str]]:
    """(SOC code, title) of the catalog occupations the crosswalk maps `cip` to, by code."""
    query = (
        sa.select(Occupation.soc_code, Occupation.title)
        .join(CipSocLink, CipSocLink.soc_code == Occupation.soc_code)
        .where(CipSocLink.cip_code == cip)
        .order_by(Occupation.soc_code)
    )
    return [(soc, title) for soc, title in session.execute(query)]


def suggested_skills(*, session: Session, cip: str) -> list[SuggestedSkill]:
    """The crosswalked occupations' O*NET skills and knowledge rated at importance ≥ 3 (with
    reliable, relevant ratings), most important first. When several occupations need a skill,
    the highest level any of them asks for is proposed."""
    query = (
        sa.select(OccupationSkill, Skill)
        .join(Skill, OccupationSkill.skill_id == Skill.id)
        .join(CipSocLink, CipSocLink.soc_code == OccupationSkill.soc_code)
        .where(
            CipSocLink.cip_code == cip,
            OccupationSkill.importance >= REQUIRED_IMPORTANCE,
            OccupationSkill.suppressed.is_(False),
            OccupationSkill.not_relevant.is_(False),
            Skill.element_id.is_not(None),
            Skill.kind.in_((SkillKind.SKILL, SkillKind.KNOWLEDGE)),
        )
        .order_by(Skill.element_id, OccupationSkill.soc_code)
    )
    found: dict[str, SuggestedSkill] = {}
    for rating, skill in session.execute(query):
        element = skill.element_id or ""  # never empty: the query keeps O*NET elements only
        seen = found.get(element)
        found[element] = SuggestedSkill(
            element_id=element,
            name=skill.name,
            kind=skill.kind.value,
            level=max(rating.level, seen.level if seen else rating.level),
            importance=max(rating.importance, seen.importance if seen else rating.importance),
            occupations=(*(seen.occupations if seen else ()), rating.soc_code),
        )
    return sorted(found.values(), key=lambda s: (-s.importance, -s.level, s.name))


def skills_taught(*, session: Session, program_id: int) -> list[SkillTaught]:
    """What a program teaches, by element ID."""
    query = (
        sa.select(Skill, ProgramSkill.level)
        .join(ProgramSkill, ProgramSkill.skill_id == Skill.id)
        .where(ProgramSkill.program_id == program_id)
        .order_by(Skill.element_id)
    )
    return [
        SkillTaught(skill.element_id or "", skill.name, skill.kind.value, level)
        for skill, level in session.execute(query)
    ]


def skill_rows(*, session: Session, skills: Sequence[Mapping[str, Any]]) -> list[ProgramSkill]:
    """Rows for `skills` ({"skill": O*NET element ID, "level": 0–7}), checked: each element
    in the catalog, listed once, at a level on O*NET's scale. Writes nothing."""
    elements = [str(item.get("skill") or "").strip() for item in skills]
    wanted = {element for element in elements if element.isprintable()}  # no NUL for the DB
    query = sa.select(Skill.element_id, Skill.id).where(Skill.element_id.in_(wanted))
    known = dict(session.execute(query).all())
    rows: list[ProgramSkill] = []
    for index, (element, item) in enumerate(zip(elements, skills, strict=True)):
        field = f"skills[{index}]"
        if element not in known:
            message = f"no O*NET skill or knowledge element {element!r}"
            raise InvalidInput.for_field(f"{field}.skill", message)
        if element in elements[:index]:
            raise InvalidInput.for_field(f"{field}.skill", f"{element} is listed twice")
        level = item.get("level")
        if isinstance(level, bool) or not isinstance(level, int | float) or not 0 <= level <= 7:
            raise InvalidInput.for_field(f"{field}.level", "from 0 to 7, on O*NET's level scale")
        rows.append(ProgramSkill(skill_id=known[element], level=float(level)))
    return rows


def _program_digits(cip: str, field: str) -> str:
    """A family (`NN`) or series (`NN.NN`) names a group of programs, not one."""
    code = parse_cip(cip, field=field)
    if cip_level(code) != 6:
        raise InvalidInput.for_field(
            field, f"{code} is a CIP family or series; a program's code is written NN.NNNN"
        )
    return code
