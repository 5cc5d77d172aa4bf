"""A partnership file's lists — critical occupations, employer wages, requirement overrides —
made the partnership's own: rows the file no longer lists are removed, rows that differ are
changed, new ones added, and rows that already match are left as they are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.importers.toml_tables import Table
from pathways.models import Skill
from pathways.services import employer_wages
from pathways.services.critical_occupations import (
    add_critical,
    list_critical,
    remove_critical,
    update_critical,
)
from pathways.services.requirement_overrides import (
    add_override,
    list_overrides,
    remove_override,
    update_override,
)

WAGE_KEYS = ("soc", "pay_basis", "entry", "median", "experienced", "reported_on",
             "employer_count", "notes")  # fmt: skip
OVERRIDE_KEYS = ("soc", "action", "skill", "credential", "importance", "level", "relation",
                 "notes")  # fmt: skip


def save_critical(session: Session, actor: Actor, slug: str, entries: Sequence[Table]) -> None:
    wanted: dict[str, tuple[Table, dict[str, Any]]] = {}
    for entry in entries:
        entry.only("soc", "priority", "annual_openings", "notes")
        soc = entry.soc()
        if soc in wanted:
            raise entry.error("soc", f"{soc} is listed twice")
        wanted[soc] = (entry, {
            "priority": entry.whole("priority", default=1),
            "annual_openings": entry.optional_whole("annual_openings"),
            "notes": entry.optional_text("notes"),
        })  # fmt: skip
    current = {row.soc_code for row in list_critical(session=session, slug=slug)}
    for soc in sorted(current - set(wanted)):
        remove_critical(session=session, actor=actor, slug=slug, soc=soc, expected_version=None)
    for soc, (entry, values) in wanted.items():
        with entry.checked("soc"):
            if soc in current:
                update_critical(session=session, actor=actor, slug=slug, soc=soc,
                                expected_version=None, changes=values)  # fmt: skip
            else:
                add_critical(session=session, actor=actor, slug=slug, soc=soc, **values)


def save_employer_wages(
    session: Session, actor: Actor, slug: str, entries: Sequence[Table]
) -> None:
    """Replace the partnership's reports with the file's, keeping those that already match."""
    wanted = [(entry, wage_values(entry)) for entry in entries]
    unmatched: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for row in employer_wages.list_employer_wages(session=session, slug=slug):
        unmatched[wage_key(employer_wages.snapshot(row))].append(row.id)
    added = []
    for entry, values in wanted:
        same = unmatched[wage_key(values)]
        if same:
            same.pop()
        else:
            added.append((entry, values))
    for wage_id in (wage_id for ids in unmatched.values() for wage_id in ids):
        employer_wages.remove_employer_wage(
            session=session, actor=actor, slug=slug, wage_id=wage_id, expected_version=None
        )
    for entry, values in added:
        with entry.checked():
            employer_wages.add_employer_wage(session=session, actor=actor, slug=slug,
                                             values=values)  # fmt: skip


def wage_values(entry: Table) -> dict[str, Any]:
    entry.only(*WAGE_KEYS)
    return {
        "soc": entry.soc(),
        "pay_basis": entry.text("pay_basis"),
        **{level: entry.number(level) for level in employer_wages.LEVELS},
        "reported_on": entry.day("reported_on"),
        "employer_count": entry.whole("employer_count"),
        "notes": entry.optional_text("notes"),
    }


def wage_key(values: Mapping[str, Any]) -> tuple[Any, ...]:
    """A report as the service stores it (cents rounded, blank notes none), for matching."""
    amounts = (values[level] for level in employer_wages.LEVELS)
    return (
        values["soc"], str(values["pay_basis"]),
        *(None if amount is None else round(float(amount), 2) for amount in amounts),
        values["reported_on"], values["employer_count"], (values["notes"] or "").strip() or None,
    )  # fmt: skip


def save_overrides(
    session: Session,
    actor: Actor,
    slug: str,
    entries: Sequence[Table],
    credentials: Mapping[str, int],
) -> None:
    """One override per occupation and skill or credential: the file's replace the rest."""
    elements = [entry.optional_text("skill") for entry in entries]
    known = sa.select(Skill.element_id, Skill.id).where(Skill.element_id.in_(set(elements)))
    skill_ids: dict[str | None, int] = dict(session.execute(known).all())
    wanted: dict[tuple[str, int | None, int | None], tuple[Table, dict[str, Any]]] = {}
    for entry, element in zip(entries, elements, strict=True):
        entry.only(*OVERRIDE_KEYS)
        credential = _credential(entry, credentials)
        if (element is None) == (credential is None):
            raise entry.error("skill", "name a skill (an O*NET element ID) or a credential")
        if element is not None and element not in skill_ids:
            raise entry.error("skill", f"no O*NET skill or knowledge {element!r}")
        soc = entry.soc()
        identity = (soc, skill_ids.get(element or ""), credential)
        if identity in wanted:
            what = "skill" if element is not None else "credential"
            raise entry.error(what, f"overridden twice for {soc}")
        wanted[identity] = (entry, {
            "soc": soc, "skill": element, "credential": credential,
            "values": {
                "action": entry.text("action"), "importance": entry.number("importance"),
                "level": entry.number("level"), "relation": entry.optional_text("relation"),
                "notes": entry.optional_text("notes"),
            },
        })  # fmt: skip
    current = {
        (row.soc_code, row.skill_id, row.credential_id): row.id
        for row in list_overrides(session=session, slug=slug)
    }
    for identity, override_id in current.items():
        if identity not in wanted:
            remove_override(session=session, actor=actor, slug=slug, override_id=override_id,
                            expected_version=None)  # fmt: skip
    for identity, (entry, override) in wanted.items():
        with entry.checked():
            if identity in current:
                update_override(session=session, actor=actor, slug=slug,
                                override_id=current[identity], expected_version=None,
                                changes=override["values"])  # fmt: skip
            else:
                add_override(session=session, actor=actor, slug=slug, **override)


def _credential(entry: Table, credentials: Mapping[str, int]) -> int | None:
    key = entry.optional_text("credential")
    if key is None:
        return None
    if key not in credentials:
        raise entry.error("credential", f"no credential {key!r}")
    return credentials[key]
