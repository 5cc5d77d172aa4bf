"""Programs: what a provider teaches — CIP 2020 code, award, length, cost, modality, seats,
the credentials it leads to and the skills it teaches at a level on O*NET's 0–7 scale.
A provider's editors (and admins) create, change and remove its programs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeGuard

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from pathways.domain import search
from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.codes import cip_level, parse_cip
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.paging import Page
from pathways.domain.vocabulary import AwardLevel, EarnWhileYouLearn, Modality, ProgramStatus
from pathways.models import Program, ProgramCredential, ProgramSkill, Provider, Region
from pathways.services import audit
from pathways.services.credentials import known_credentials
from pathways.services.paging import paginate
from pathways.services.program_suggestions import program_code, skill_rows, skills_taught
from pathways.services.providers import checked_text
from pathways.services.saving import save_delete
from pathways.services.versions import check_version, flush

EDITABLE = (
    "title", "award_level", "length_weeks", "credit_hours", "cost", "modality", "schedule",
    "seats_per_year", "prerequisites", "earn_while_you_learn", "status", "next_start",
)  # fmt: skip
REQUIRED = ("provider", "title", "cip", "award_level", "modality")
CHOICES: dict[str, type[StrEnum]] = {"award_level": AwardLevel, "modality": Modality,
                                     "earn_while_you_learn": EarnWhileYouLearn,
                                     "status": ProgramStatus}  # fmt: skip
DEFAULTS = {"earn_while_you_learn": EarnWhileYouLearn.NONE, "status": ProgramStatus.ACTIVE}
BOUNDS = {  # the smallest and largest value, and what is allowed, in the user's words
    "length_weeks": (1, 520, "weeks, from 1 to 520"),
    "credit_hours": (0, 1000, "from 0 to 1000"),
    "cost": (0, 100_000_000, "cents, from 0 to $1,000,000"),
    "seats_per_year": (0, 100_000, "from 0 to 100,000"),
}
TEXT_FIELDS = {"title": 200, "schedule": 200, "prerequisites": 5000}
MAX_ID = 2_147_483_647  # ids are 32-bit on PostgreSQL


def target(program: Program) -> Target:
    return Target(Resource.PROGRAM, provider_id=program.provider_id)


def list_programs(
    *,
    session: Session,
    provider: int | None = None,
    cip: str | None = None,
    region: str | None = None,
    q: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[Program]:
    """By title. `cip` is a program code, or a family or series for all the programs in it;
    `region` a region slug; `q` words of the title or the provider's name."""
    query = sa.select(Program).options(selectinload(Program.provider))
    if provider is not None:
        query = query.where(Program.provider_id == provider)
    if cip is not None:
        code = parse_cip(cip)
        prefix = {2: code + ".", 4: code}.get(cip_level(code))
        query = query.where(
            Program.cip_code == code if prefix is None else Program.cip_code.startswith(prefix)
        )
    if region is not None:
        in_region = sa.select(Provider.id).join(Region, Provider.region_id == Region.id)
        query = query.where(Program.provider_id.in_(in_region.where(Region.slug == region)))
    for word in search.terms(q or ""):
        named = sa.select(Provider.id).where(sa.func.lower(Provider.name).contains(word))
        query = query.where(
            sa.or_(sa.func.lower(Program.title).contains(word), Program.provider_id.in_(named))
        )
    query = query.order_by(Program.title, Program.id)
    return paginate(session, query, page=page, per_page=per_page)


def get_program(*, session: Session, program_id: int, for_update: bool = False) -> Program:
    query = sa.select(Program).where(Program.id == program_id)
    program = session.scalar(query.with_for_update(of=Program) if for_update else query)
    if program is None:
        raise NotFound(f"no program {program_id}")
    return program


def credential_ids(*, session: Session, program_id: int) -> list[int]:
    """The credentials a program leads to, by id."""
    query = sa.select(ProgramCredential.credential_id).where(
        ProgramCredential.program_id == program_id
    )
    return sorted(session.scalars(query))


def create_program(
    *,
    session: Session,
    actor: Actor,
    values: Mapping[str, Any],
    credentials: Sequence[int] = (),
    skills: Sequence[Mapping[str, Any]] = (),
) -> Program:
    """A new program of provider `values["provider"]` (its editors and admins): `values` has
    `title`, `cip`, `award_level`, `modality` and any other of EDITABLE; `skills` are
    {"skill": O*NET element ID, "level": 0–7}."""
    for key in REQUIRED:
        if values.get(key) is None:
            raise InvalidInput.for_field(key, "required")
    resolved = _resolved(session, actor, values)
    wanted_credentials = _credentials(session, credentials)
    program = Program(skills=skill_rows(session=session, skills=skills))
    for key, value in resolved.items():
        setattr(program, key, value)
    session.add(program)
    flush(session, "program")
    _write_credentials(session, program.id, wanted_credentials)
    audit.record(
        session=session, actor=actor, action="create", entity="program",
        entity_id=program.id, after=snapshot(session, program),
    )  # fmt: skip
    return program


def update_program(
    *,
    session: Session,
    actor: Actor,
    program_id: int,
    expected_version: int | None,
    changes: Mapping[str, Any],
    credentials: Sequence[int] | None = None,
    skills: Sequence[Mapping[str, Any]] | None = None,
) -> Program:
    """Change any of EDITABLE, `cip` or `provider`; `credentials` and `skills`, when given,
    replace the lists. Everything is checked before anything is written."""
    program = get_program(session=session, program_id=program_id, for_update=True)
    require(actor, Operation.UPDATE, target(program))
    what = f"program {program_id}"
    check_version(what, program.version, expected_version)
    before = snapshot(session, program)
    resolved = _resolved(session, actor, changes, program)
    wanted = None if credentials is None else _credentials(session, credentials)
    rows = None if skills is None else skill_rows(session=session, skills=skills)
    # What lives in other tables first: the program's own row is saved once, at the end, so
    # its version moves on by exactly one.
    if wanted is not None and wanted != before["credentials"]:
        _write_credentials(session, program.id, wanted)
    if rows is not None and _levels(rows) != _levels(program.skills):
        program.skills = []
        session.flush()  # a skill's key is (program, skill): drop the old rows first
        program.skills = rows
        session.flush()
    with session.no_autoflush:
        for key, value in resolved.items():
            setattr(program, key, value)
        after = snapshot(session, program)
    if after != before:
        flag_modified(program, "title")  # credentials and skills live in other tables
        flush(session, what)
        audit.record(
            session=session, actor=actor, action="update", entity="program",
            entity_id=program_id, before=before, after=after,
        )  # fmt: skip
    return program


def delete_program(
    *, session: Session, actor: Actor, program_id: int, expected_version: int | None
) -> None:
    program = get_program(session=session, program_id=program_id, for_update=True)
    require(actor, Operation.DELETE, target(program))
    what = f"program {program_id}"
    check_version(what, program.version, expected_version)
    save_delete(
        session, actor, program, what=what, entity="program", entity_id=str(program_id),
        before=snapshot(session, program),
    )  # fmt: skip


def snapshot(session: Session, program: Program) -> dict[str, Any]:
    taught = skills_taught(session=session, program_id=program.id)
    return {
        "provider": program.provider.id,
        "cip": program.cip_code,
        **{key: getattr(program, key) for key in EDITABLE},
        "credentials": credential_ids(session=session, program_id=program.id),
        "skills": [{"skill": skill.element_id, "level": skill.level} for skill in taught],
    }


def _resolved(
    session: Session, actor: Actor, values: Mapping[str, Any], program: Program | None = None
) -> dict[str, Any]:
    """`values` checked and turned into the program's attributes, writing nothing."""
    resolved: dict[str, Any] = {}
    if "provider" in values and (program is None or values["provider"] != program.provider_id):
        wanted = values["provider"]
        in_range = _number(wanted, (int,)) and 0 < wanted <= MAX_ID
        provider = session.get(Provider, wanted) if in_range else None
        if provider is None:
            raise InvalidInput.for_field("provider", f"no provider {values['provider']}")
        require(actor, Operation.CREATE, Target(Resource.PROGRAM, provider_id=provider.id))
        resolved["provider"] = provider
    if "cip" in values:
        resolved["cip_code"] = program_code(session=session, cip=values["cip"] or "").code
    for key in EDITABLE:
        if key in values:
            resolved[key] = _value(key, values[key])
    return resolved


def _value(key: str, value: Any) -> Any:
    if key in CHOICES:
        if value is None and key in DEFAULTS:
            return DEFAULTS[key]
        try:
            return CHOICES[key](value)
        except ValueError:
            choices = ", ".join(choice.value for choice in CHOICES[key])
            raise InvalidInput.for_field(key, f"one of {choices}") from None
    if key in BOUNDS:
        low, high, explained = BOUNDS[key]
        kinds = (int, float) if key == "credit_hours" else (int,)
        if value is not None and not (_number(value, kinds) and low <= value <= high):
            raise InvalidInput.for_field(key, explained)
        return value
    if key == "next_start":
        if value is not None and not isinstance(value, date):
            raise InvalidInput.for_field(key, "a date, YYYY-MM-DD")
        return value.date() if isinstance(value, datetime) else value
    text = (value or "").strip() or None
    if key == "title" and text is None:
        raise InvalidInput.for_field(key, "required")
    return None if text is None else checked_text(key, text, TEXT_FIELDS[key])


def _number(value: Any, kinds: tuple[type, ...]) -> TypeGuard[float]:
    return isinstance(value, kinds) and not isinstance(value, bool)


def _levels(rows: Sequence[ProgramSkill]) -> dict[int, float]:
    return {row.skill_id: row.level for row in rows}


def _credentials(session: Session, ids: Sequence[int]) -> list[int]:
    twice = sorted({i for i in ids if list(ids).count(i) > 1})
    if twice:
        raise InvalidInput.for_field("credentials", f"credential {twice[0]} is listed twice")
    unknown = sorted(set(ids) - known_credentials(session=session, ids=ids))
    if unknown:
        raise InvalidInput.for_field("credentials", f"no credential {unknown[0]}")
    return sorted(ids)


def _write_credentials(session: Session, program_id: int, ids: list[int]) -> None:
    session.execute(sa.delete(ProgramCredential).where(ProgramCredential.program_id == program_id))
    session.add_all(ProgramCredential(program_id=program_id, credential_id=i) for i in ids)
    session.flush()
