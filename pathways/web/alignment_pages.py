"""Alignment as pages (public): `/providers/<id>/alignment` — each of a provider's programs
against the critical occupations of every partnership in its region, coverage and skill by skill
(required level against taught level, gaps said in words) — and `/programs/<id>/alignment`, one
program against one occupation, nationally or for a partnership. The CSV and PDF downloads are
`reports.py`'s; these pages link to them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from wtforms import Form, StringField

from pathways.domain.alignment import Alignment
from pathways.domain.errors import InvalidInput
from pathways.domain.occupations import ONET_ATTRIBUTION
from pathways.services.alignment import program_alignment, provider_alignment
from pathways.services.alignment_pages import regional_partnerships
from pathways.services.imports import latest_vintages
from pathways.services.occupations import titles_of
from pathways.services.program_suggestions import occupations_for_cip
from pathways.services.programs import get_program
from pathways.sessions import request_session
from pathways.web.pickers import picked_occupation

bp = Blueprint("alignment_pages", __name__)
ID = "int(max=2147483647)"


class OccupationQuery(Form):
    """A GET form (nothing is written, so no CSRF token): which occupation to align with."""

    occupation = StringField(
        "Occupation", description="Type a title or a SOC code, such as 29-2061"
    )  # fmt: skip


@bp.get(f"/providers/<{ID}:provider_id>/alignment")
def provider(provider_id: int) -> ResponseReturnValue:
    session = request_session()
    found = provider_alignment(session=session, provider_id=provider_id)
    socs = {alignment.soc for _, alignments in found.partnerships for alignment in alignments}
    titles = titles_of(session=session, socs=socs)
    sections = []
    for partnership, alignments in found.partnerships:
        by_program: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for alignment in alignments:
            by_program[alignment.program_id].append(described(alignment, titles))
        sections.append({
            "partnership": partnership,
            "programs": [(facts, by_program[program_id])
                         for program_id, facts in found.programs.items()],
        })  # fmt: skip
    return render_template(
        "pages/provider_alignment.html", provider=found.provider, sections=sections,
        programs=list(found.programs.values()), sources=sources(),
    )  # fmt: skip


@bp.get(f"/programs/<{ID}:program_id>/alignment")
def program(program_id: int) -> ResponseReturnValue:
    session = request_session()
    found = get_program(session=session, program_id=program_id)
    query = OccupationQuery(request.args)
    partnership = request.args.get("partnership") or None
    result, status = None, 200
    if query.occupation.data:
        try:
            soc = picked_occupation(session, query.occupation.data, field="occupation")
            alignment = program_alignment(
                session=session, program_id=program_id, soc=soc, partnership=partnership
            )
            result = described(alignment, titles_of(session=session, socs=[soc]))
        except InvalidInput as error:
            query.occupation.errors = [*error.errors.get("occupation", [error.message])]
            status = 422
    choices = {
        "crosswalk": occupations_for_cip(session=session, cip=found.cip_code),
        "partnerships": regional_partnerships(session=session, region_id=found.provider.region_id),
    }
    page = render_template(
        "pages/program_alignment.html", program=found, query=query, result=result,
        partnership=partnership, choices=choices, sources=sources(),
    )  # fmt: skip
    return page, status


@dataclass(frozen=True)
class SkillLine:
    """One required skill as the page shows it; `status` says the gap in words."""

    name: str
    kind: str
    importance: float
    required: float
    taught: float | None
    status: str
    gap: bool
    weight: float  # importance × shortfall: gaps are listed largest first


def described(alignment: Alignment, titles: dict[str, str]) -> dict[str, Any]:
    """An alignment in the words a page shows: each required skill with its status, gaps
    (largest `importance × shortfall` first) before covered skills."""
    skills = []
    for item in alignment.contributions:
        taught = item.taught_level
        short = item.required_level - (taught or 0.0)
        if taught is None:
            status = "Gap: not taught"
        elif taught < item.required_level:
            status = f"Gap: {short:.2f} below the level required"
        else:
            status = "Covered"
        skills.append(
            SkillLine(
                item.name, item.kind, item.importance, item.required_level, taught, status,
                gap=status != "Covered", weight=item.importance * max(short, 0.0),
            )
        )  # fmt: skip
    skills.sort(key=lambda skill: (-skill.weight, -skill.importance, skill.name))
    return {
        "soc": alignment.soc,
        "title": titles.get(alignment.soc, alignment.soc),
        "alignment": alignment,
        "skills": skills,
        "gap_count": sum(1 for skill in skills if skill.gap),
    }


def sources() -> list[str]:
    vintages = latest_vintages(session=request_session())
    release = vintages.get("onet", "")
    return [
        f"Skills and knowledge: O*NET {release}. Programs to occupations: NCES CIP "
        f"{vintages.get('crosswalk', '2020')}–SOC 2018 crosswalk.",
        ONET_ATTRIBUTION.format(release=release),
    ]
