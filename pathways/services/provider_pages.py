"""What the public provider page shows, as plain values: the provider, each of its programs
with what it awards, and how well it covers the region's critical occupations it leads to
(the best coverage among them, from the same alignment the provider's report uses)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from pathways.domain.access import Actor, Operation, Resource, Target, can_write
from pathways.domain.alignment import Alignment
from pathways.models import CipCode, Partnership, Program
from pathways.services.alignment import provider_alignment
from pathways.services.occupations import titles_of
from pathways.services.partnership_pages import onet_notice


@dataclass(frozen=True, slots=True)
class BestFit:
    """A program's best coverage of a critical occupation it leads to (crosswalk or
    credential), in one partnership of its region."""

    soc: str
    title: str
    partnership: str
    partnership_slug: str
    percent: float | None  # None: the occupation requires no skill to cover
    leads_to: int  # how many critical occupations the program leads to


@dataclass(frozen=True, slots=True)
class ProgramLine:
    id: int
    title: str
    cip_code: str
    cip_title: str | None
    award_level: str
    credentials: tuple[str, ...]
    length_weeks: int | None
    credit_hours: float | None
    cost_cents: int | None
    modality: str
    schedule: str | None
    seats_per_year: int | None
    status: str
    earn_while_you_learn: str
    best: BestFit | None  # None: it leads to no critical occupation of the region


@dataclass(frozen=True)
class ProviderPage:
    id: int
    name: str
    kind: str
    street: str | None
    city: str | None
    state: str | None
    postal_code: str | None
    website: str | None
    contact_name: str | None
    contact_email: str | None
    contact_phone: str | None
    region_name: str | None
    partnerships: tuple[tuple[str, str], ...]  # (slug, name) of the region's partnerships
    programs: tuple[ProgramLine, ...]
    may_add_program: bool
    may_edit_programs: bool
    onet_notice: str


def provider_page(*, session: Session, actor: Actor, provider_id: int) -> ProviderPage:
    """The page of provider `provider_id` (NotFound when there is none)."""
    found = provider_alignment(session=session, provider_id=provider_id)
    provider = found.provider
    programs = session.scalars(
        sa.select(Program)
        .where(Program.provider_id == provider_id)
        .options(selectinload(Program.credentials))
        .order_by(Program.title, Program.id)
    ).all()
    cips = dict(
        session.execute(
            sa.select(CipCode.code, CipCode.title).where(
                CipCode.code.in_({program.cip_code for program in programs})
            )
        ).all()
    )
    best = _best_fits(session, found.partnerships)
    owned = Target(Resource.PROGRAM, provider_id=provider.id)
    return ProviderPage(
        id=provider.id,
        name=provider.name,
        kind=provider.kind.value,
        street=provider.street,
        city=provider.city,
        state=provider.state,
        postal_code=provider.postal_code,
        website=provider.website,
        contact_name=provider.contact_name,
        contact_email=provider.contact_email,
        contact_phone=provider.contact_phone,
        region_name=None if provider.region is None else provider.region.name,
        partnerships=tuple((p.slug, p.name) for p, _ in found.partnerships),
        programs=tuple(
            ProgramLine(
                id=program.id,
                title=program.title,
                cip_code=program.cip_code,
                cip_title=cips.get(program.cip_code),
                award_level=program.award_level.value,
                credentials=tuple(credential.name for credential in program.credentials),
                length_weeks=program.length_weeks,
                credit_hours=program.credit_hours,
                cost_cents=program.cost,
                modality=program.modality.value,
                schedule=program.schedule,
                seats_per_year=program.seats_per_year,
                status=program.status.value,
                earn_while_you_learn=program.earn_while_you_learn.value,
                best=best.get(program.id),
            )
            for program in programs
        ),
        may_add_program=can_write(actor, Operation.CREATE, owned),
        may_edit_programs=can_write(actor, Operation.UPDATE, owned),
        onet_notice=onet_notice(session),
    )


def _best_fits(
    session: Session, partnerships: list[tuple[Partnership, list[Alignment]]]
) -> dict[int, BestFit]:
    """Per program, the highest coverage among the critical occupations it leads to."""
    leading = [
        (partnership, alignment)
        for partnership, alignments in partnerships
        for alignment in alignments
        if alignment.crosswalk_aligned or alignment.credential_aligned
    ]
    titles = titles_of(session=session, socs={alignment.soc for _, alignment in leading})
    counts: dict[int, set[str]] = {}
    best: dict[int, tuple[float, Alignment, Partnership]] = {}
    for partnership, alignment in leading:
        counts.setdefault(alignment.program_id, set()).add(alignment.soc)
        score = -1.0 if alignment.percent is None else alignment.percent
        current = best.get(alignment.program_id)
        if current is None or score > current[0]:
            best[alignment.program_id] = (score, alignment, partnership)
    return {
        program_id: BestFit(
            soc=alignment.soc,
            title=titles.get(alignment.soc, alignment.soc),
            partnership=partnership.name,
            partnership_slug=partnership.slug,
            percent=alignment.percent,
            leads_to=len(counts[program_id]),
        )
        for program_id, (_, alignment, partnership) in best.items()
    }
