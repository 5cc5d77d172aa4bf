"""A partnership as a bundle document (format version 1): everything it is, and the shared
records it uses (its region, the credentials it names, its region's providers and programs),
each known by a natural key rather than a database id, so another installation can match
them. Catalog data (occupations, skills, CIP codes, wages) is named by its code, not copied.

Lists come in the order of their natural keys and nothing depends on the moment of export, so
exporting the same data again gives the same bytes (`pathways.domain.bundle.dumps`)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Resource, Target, can_read
from pathways.domain.bundle import FORMAT, FORMAT_VERSION, PROVIDER_TEXT, dumps, timestamp
from pathways.domain.errors import Forbidden, Unauthorized
from pathways.models import (
    Credential,
    OccupationCredential,
    Partnership,
    Pathway,
    Program,
    ProgramCredential,
    Provider,
    Skill,
)
from pathways.services.critical_occupations import list_critical
from pathways.services.employer_wages import list_employer_wages
from pathways.services.partnerships import get_partnership
from pathways.services.pathways import versions
from pathways.services.program_suggestions import skills_taught
from pathways.services.requirement_overrides import list_overrides

BRANDING = ("brand_name", "primary_color", "accent_color", "contact_line")


def export_bundle(*, session: Session, actor: Actor, slug: str) -> bytes:
    """The bundle of partnership `slug`, as bytes; for those who may read its drafts."""
    return dumps(bundle_document(session=session, actor=actor, slug=slug))


def bundle_document(*, session: Session, actor: Actor, slug: str) -> dict[str, Any]:
    partnership = get_partnership(session=session, slug=slug)
    drafts = Target(Resource.PATHWAY, partnership_id=partnership.id, published=False)
    if not can_read(actor, drafts):  # the partnership is public; its bundle is not
        if not actor.is_authenticated:
            raise Unauthorized("sign in, or send an API token, to export a partnership")
        raise Forbidden("only the partnership's editors may export it: its bundle holds drafts")
    names = CredentialNames(session)
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "partnership": partnership_part(partnership),
        "region": {
            "slug": partnership.region.slug,
            "name": partnership.region.name,
            "description": partnership.region.description,
            "areas": [link.area_code for link in partnership.region.areas],
        },
        "critical_occupations": [
            {
                "soc": row.soc_code,
                "priority": row.priority,
                "annual_openings": row.annual_openings,
                "notes": row.notes,
            }
            for row in list_critical(session=session, slug=slug)
        ],
        "employer_wages": sorted(
            (
                {
                    "soc": row.soc_code,
                    "pay_basis": row.pay_basis.value,
                    "entry": row.entry,
                    "median": row.median,
                    "experienced": row.experienced,
                    "reported_on": row.reported_on.isoformat(),
                    "employer_count": row.employer_count,
                    "notes": row.notes,
                }
                for row in list_employer_wages(session=session, slug=slug)
            ),
            key=lambda wage: (wage["soc"], wage["reported_on"], _canonical(wage)),
        ),
        "requirement_overrides": overrides_part(session, slug, names),
        "pathways": pathways_part(session, partnership, names),
        "providers": providers_part(session, partnership.region_id, names),
    }
    document["credentials"] = names.credentials()
    return document


def partnership_part(partnership: Partnership) -> dict[str, Any]:
    logo = None
    if partnership.logo is not None:
        logo = {
            "media_type": partnership.logo_media_type,
            "base64": base64.b64encode(partnership.logo).decode("ascii"),
        }
    return {
        "slug": partnership.slug,
        "name": partnership.name,
        "sector": partnership.sector,
        "description": partnership.description,
        "branding": {key: getattr(partnership, key) for key in BRANDING},
        "logo": logo,
        # Members keep the order they were listed in: it is the order pages show them.
        "members": [
            {"name": m.name, "kind": m.kind.value, "website": m.website}
            for m in partnership.members
        ],
    }


def overrides_part(session: Session, slug: str, names: CredentialNames) -> list[dict[str, Any]]:
    rows = list_overrides(session=session, slug=slug)
    skill_ids = {row.skill_id for row in rows if row.skill_id is not None}
    query = sa.select(Skill.id, Skill.element_id).where(Skill.id.in_(skill_ids))
    elements: dict[int, str | None] = {row.id: row.element_id for row in session.execute(query)}
    part = [
        {
            "soc": row.soc_code,
            "skill": None if row.skill_id is None else elements[row.skill_id],
            "credential": None if row.credential_id is None else names.ref(row.credential_id),
            "action": row.action.value,
            "importance": row.importance,
            "level": row.level,
            "relation": None if row.relation is None else row.relation.value,
            "notes": row.notes,
        }
        for row in rows
    ]
    return sorted(part, key=lambda row: (row["soc"], row["skill"] or "", _canonical(row)))


def pathways_part(
    session: Session, partnership: Partnership, names: CredentialNames
) -> list[dict[str, Any]]:
    """Every version of every pathway of the partnership, by slug and number."""
    query = sa.select(Pathway.slug).where(Pathway.partnership_id == partnership.id)
    part = []
    for slug in sorted(set(session.scalars(query))):
        for row in versions(session=session, slug=slug):
            part.append(
                {
                    "slug": row.slug,
                    "number": row.number,
                    "status": row.status.value,
                    "published_at": None
                    if row.published_at is None
                    else timestamp(row.published_at),
                    "title": row.title,
                    "summary": row.summary,
                    "steps": [
                        {
                            "key": step.key,
                            "soc": step.soc_code,
                            "stage": step.stage,
                            "label": step.label,
                        }
                        for step in sorted(row.steps, key=lambda step: (step.stage, step.key))
                    ],
                    "transitions": sorted(
                        (
                            {
                                "from": move.source.key,
                                "to": move.target.key,
                                "kind": move.kind.value,
                                "credentials": names.refs(c.id for c in move.credentials),
                                "months_experience": move.months_experience,
                                "months_training": move.months_training,
                                "cost_cents": move.cost,
                                "earn_while_you_learn": move.earn_while_you_learn,
                                "notes": move.notes,
                            }
                            for move in row.transitions
                        ),
                        key=lambda move: (move["from"], move["to"]),
                    ),
                }
            )
    return part


def providers_part(
    session: Session, region_id: int, names: CredentialNames
) -> list[dict[str, Any]]:
    """The providers of the partnership's region, by name, with their programs."""
    providers = session.scalars(sa.select(Provider).where(Provider.region_id == region_id))
    part = []
    for provider in providers:
        programs = session.scalars(sa.select(Program).where(Program.provider_id == provider.id))
        part.append(
            {
                "name": provider.name,
                "kind": provider.kind.value,
                **{key: getattr(provider, key) for key in PROVIDER_TEXT},
                "programs": sorted(
                    (program_part(session, program, names) for program in programs),
                    key=lambda program: (program["title"], program["cip"], _canonical(program)),
                ),
            }
        )
    return sorted(part, key=lambda provider: (provider["name"], _canonical(provider)))


def program_part(session: Session, program: Program, names: CredentialNames) -> dict[str, Any]:
    awarded = sa.select(ProgramCredential.credential_id).where(
        ProgramCredential.program_id == program.id
    )
    return {
        "title": program.title,
        "cip": program.cip_code,
        "award_level": program.award_level.value,
        "length_weeks": program.length_weeks,
        "credit_hours": program.credit_hours,
        "cost_cents": program.cost,
        "modality": program.modality.value,
        "schedule": program.schedule,
        "seats_per_year": program.seats_per_year,
        "prerequisites": program.prerequisites,
        "earn_while_you_learn": program.earn_while_you_learn.value,
        "status": program.status.value,
        "next_start": None if program.next_start is None else program.next_start.isoformat(),
        "credentials": names.refs(session.scalars(awarded)),
        "skills": [
            {"skill": taught.element_id, "level": taught.level}
            for taught in skills_taught(session=session, program_id=program.id)
        ],
    }


class CredentialNames:
    """Credentials by their natural key (name and issuer), gathering every one the bundle
    names so that `credentials()` lists exactly those."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.used: dict[int, Credential] = {}

    def ref(self, credential_id: int) -> dict[str, str]:
        credential = self.used.get(credential_id)
        if credential is None:
            credential = self.session.get_one(Credential, credential_id)
            self.used[credential_id] = credential
        return {"name": credential.name, "issuer": credential.issuer}

    def refs(self, ids: Iterable[int]) -> list[dict[str, str]]:
        return sorted((self.ref(i) for i in ids), key=lambda ref: (ref["name"], ref["issuer"]))

    def credentials(self) -> list[dict[str, Any]]:
        part = []
        for credential in self.used.values():
            query = sa.select(OccupationCredential).where(
                OccupationCredential.credential_id == credential.id
            )
            links = self.session.scalars(query.order_by(OccupationCredential.soc_code))
            part.append(
                {
                    "name": credential.name,
                    "issuer": credential.issuer,
                    "type": credential.ctdl_type.value,
                    "description": credential.description,
                    "exam": credential.exam,
                    "renewal": credential.renewal,
                    "typical_cost_cents": credential.typical_cost,
                    "source": credential.source,
                    "occupations": [
                        {"soc": link.soc_code, "relation": link.relation.value} for link in links
                    ],
                }
            )
        return sorted(part, key=lambda credential: (credential["name"], credential["issuer"]))


def _canonical(value: Any) -> str:
    """A total order for records whose natural key may repeat (two reports of one day)."""
    return json.dumps(value, sort_keys=True, default=str)
