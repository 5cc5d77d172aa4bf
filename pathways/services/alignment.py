"""Alignment of programs to occupations (SPEC §3.5), with the facts gathered from the catalog:
an occupation's O*NET requirements after a partnership's overrides, the credentials it
requires, the CIP codes the crosswalk maps to it; a program's skills, credentials and seats.
The engine (`pathways.engines.alignment`) does the arithmetic."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from pathways.domain.alignment import (
    Alignment,
    MatrixRow,
    OccupationNeeds,
    ProgramFacts,
    TaughtSkill,
)
from pathways.domain.errors import NotFound
from pathways.domain.vocabulary import CredentialRelation, ProgramStatus, RequirementAction
from pathways.engines.alignment import align, partnership_matrix
from pathways.engines.skills import apply_overrides
from pathways.models import (
    CipSocLink,
    OccupationCredential,
    Partnership,
    Program,
    ProgramCredential,
    ProgramSkill,
    Provider,
    RequirementOverride,
)
from pathways.services.next_steps import requirements
from pathways.services.occupations import get_occupation, titles_of
from pathways.services.partnerships import get_partnership
from pathways.services.requirement_overrides import skill_overrides

# Programs that count for a region: those running or about to; not suspended or ended ones.
OFFERED = (ProgramStatus.ACTIVE, ProgramStatus.PLANNED)


@dataclass(frozen=True)
class PartnershipAlignment:
    partnership: Partnership
    programs: dict[int, ProgramFacts]
    rows: list[MatrixRow]


@dataclass(frozen=True)
class ProviderAlignment:
    provider: Provider
    programs: dict[int, ProgramFacts]
    # (partnership, the alignment of each of the provider's programs to each critical
    # occupation, most urgent occupation first)
    partnerships: list[tuple[Partnership, list[Alignment]]]


def occupation_needs(
    *, session: Session, soc: str, partnership_id: int | None = None
) -> OccupationNeeds:
    """What `soc` needs nationally, or in a partnership's region (after its overrides)."""
    code = get_occupation(session=session, soc=soc).soc_code
    return needs_of(session=session, socs=[code], partnership_id=partnership_id)[code]


def needs_of(
    *, session: Session, socs: Sequence[str], partnership_id: int | None = None
) -> dict[str, OccupationNeeds]:
    """`occupation_needs` for several catalog occupations, a few queries in all."""
    titles = titles_of(session=session, socs=socs)
    needed = requirements(session, socs)
    required: dict[str, set[int]] = defaultdict(set)
    for soc, credential in session.execute(
        sa.select(OccupationCredential.soc_code, OccupationCredential.credential_id).where(
            OccupationCredential.soc_code.in_(set(socs)),
            OccupationCredential.relation == CredentialRelation.REQUIRED,
        )
    ):
        required[soc].add(credential)
    cips: dict[str, set[str]] = defaultdict(set)
    for cip, soc in session.execute(
        sa.select(CipSocLink.cip_code, CipSocLink.soc_code).where(
            CipSocLink.soc_code.in_(set(socs))
        )
    ):
        cips[soc].add(cip)
    overrides = (
        {} if partnership_id is None
        else skill_overrides(session=session, partnership_id=partnership_id, socs=socs)
    )  # fmt: skip
    if partnership_id is not None:
        required = _credential_overrides(session, partnership_id, socs, required)
    found = {}
    for soc in socs:
        skills = apply_overrides(needed.get(soc, []), overrides.get(soc, []))
        credentials = required[soc]
        found[soc] = OccupationNeeds(
            soc=soc, title=titles[soc], requirements=tuple(skills),
            required_credential_ids=frozenset(credentials), crosswalk_cips=frozenset(cips[soc]),
        )  # fmt: skip
    return found


def program_facts(program: Program) -> ProgramFacts:
    return ProgramFacts(
        program_id=program.id,
        title=program.title,
        provider=program.provider.name,
        cip_code=program.cip_code,
        credential_ids=frozenset(credential.id for credential in program.credentials),
        seats_per_year=program.seats_per_year,
        taught=tuple(TaughtSkill(row.skill_id, row.level) for row in program.skills),
    )


def program_alignment(
    *, session: Session, program_id: int, soc: str, partnership: str | None = None
) -> Alignment:
    """How well program `program_id` covers `soc`, nationally or for a partnership."""
    program = _programs(session, sa.select(Program).where(Program.id == program_id))
    if not program:
        raise NotFound(f"no program {program_id}")
    owner = None if partnership is None else get_partnership(session=session, slug=partnership)
    needs = occupation_needs(
        session=session, soc=soc, partnership_id=None if owner is None else owner.id
    )
    return align(program_facts(program[0]), needs)


def partnership_alignment(*, session: Session, slug: str) -> PartnershipAlignment:
    """The partnership's critical occupations × its region's programs, with flags."""
    partnership = get_partnership(session=session, slug=slug)
    critical = partnership.critical_occupations
    needs = needs_of(
        session=session, socs=[row.soc_code for row in critical], partnership_id=partnership.id
    )
    facts = regional_program_facts(session=session, region_id=partnership.region_id)
    rows = partnership_matrix(
        [(needs[row.soc_code], row.annual_openings) for row in critical], list(facts.values())
    )
    return PartnershipAlignment(partnership, facts, rows)


def provider_alignment(*, session: Session, provider_id: int) -> ProviderAlignment:
    """Each of the provider's programs against the critical occupations of every
    partnership in the provider's region."""
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFound(f"no provider {provider_id}")
    programs = _programs(
        session,
        sa.select(Program).where(Program.provider_id == provider_id, Program.status.in_(OFFERED)),
    )
    facts = {program.id: program_facts(program) for program in programs}
    partnerships = (
        []
        if provider.region_id is None
        else session.scalars(
            sa.select(Partnership)
            .where(Partnership.region_id == provider.region_id)
            .order_by(Partnership.name)
        ).all()
    )
    report = []
    for partnership in partnerships:
        critical = partnership.critical_occupations
        needs = needs_of(
            session=session, socs=[row.soc_code for row in critical],
            partnership_id=partnership.id,
        )  # fmt: skip
        alignments = [
            align(program, needs[row.soc_code]) for row in critical for program in facts.values()
        ]
        report.append((partnership, alignments))
    return ProviderAlignment(provider, facts, report)


def regional_program_facts(*, session: Session, region_id: int) -> dict[int, ProgramFacts]:
    """The facts of every offered program in a region, read as plain rows: a matrix reads
    hundreds of programs and thousands of taught skills, and needs no ORM object of them."""
    programs = session.execute(
        sa.select(Program.id, Program.title, Provider.name, Program.cip_code,
                  Program.seats_per_year)
        .join(Provider, Program.provider_id == Provider.id)
        .where(Provider.region_id == region_id, Program.status.in_(OFFERED))
        .order_by(Program.id)
    ).all()  # fmt: skip
    ids = [row[0] for row in programs]
    taught: dict[int, list[TaughtSkill]] = defaultdict(list)
    for program_id, skill_id, level in session.execute(
        sa.select(ProgramSkill.program_id, ProgramSkill.skill_id, ProgramSkill.level).where(
            ProgramSkill.program_id.in_(ids)
        )
    ):
        taught[program_id].append(TaughtSkill(skill_id, level))
    awarded: dict[int, set[int]] = defaultdict(set)
    for program_id, credential_id in session.execute(
        sa.select(ProgramCredential.program_id, ProgramCredential.credential_id).where(
            ProgramCredential.program_id.in_(ids)
        )
    ):
        awarded[program_id].add(credential_id)
    return {
        program_id: ProgramFacts(
            program_id=program_id,
            title=title,
            provider=provider,
            cip_code=cip,
            credential_ids=frozenset(awarded[program_id]),
            seats_per_year=seats,
            taught=tuple(taught[program_id]),
        )
        for program_id, title, provider, cip, seats in programs
    }


def _programs(session: Session, query: sa.Select[Program]) -> Sequence[Program]:
    loads = (
        selectinload(Program.skills),
        selectinload(Program.credentials),
        selectinload(Program.provider),
    )
    return session.scalars(query.options(*loads).order_by(Program.id)).all()


def _credential_overrides(
    session: Session, partnership_id: int, socs: Sequence[str], required: dict[str, set[int]]
) -> dict[str, set[int]]:
    """The national required credentials of each occupation, with the partnership's adds
    and drops."""
    rows = session.scalars(
        sa.select(RequirementOverride).where(
            RequirementOverride.partnership_id == partnership_id,
            RequirementOverride.soc_code.in_(set(socs)),
            RequirementOverride.credential_id.is_not(None),
        )
    )
    adjusted = defaultdict(set, {soc: set(ids) for soc, ids in required.items()})
    for row in rows:
        credential = row.credential_id
        assert credential is not None
        if row.action is RequirementAction.DROP or row.relation is not CredentialRelation.REQUIRED:
            adjusted[row.soc_code].discard(credential)
        else:
            adjusted[row.soc_code].add(credential)
    return adjusted
