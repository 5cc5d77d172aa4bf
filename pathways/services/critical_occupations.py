"""A partnership's critical occupations: the ones its employers cannot fill, with priority
(1 = most urgent), the openings they expect each year, and notes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.codes import parse_soc
from pathways.domain.errors import Conflict, InvalidInput, NotFound
from pathways.models import CriticalOccupation
from pathways.services import audit
from pathways.services.occupations import known_occupation
from pathways.services.partnerships import editable_partnership, get_partnership
from pathways.services.saving import save_delete, save_update
from pathways.services.versions import check_version, flush

EDITABLE = ("priority", "annual_openings", "notes")


def list_critical(*, session: Session, slug: str) -> list[CriticalOccupation]:
    """Most urgent first."""
    return list(get_partnership(session=session, slug=slug).critical_occupations)


def get_critical(
    *, session: Session, slug: str, soc: str, for_update: bool = False
) -> CriticalOccupation:
    partnership = get_partnership(session=session, slug=slug)
    query = sa.select(CriticalOccupation).where(
        CriticalOccupation.partnership_id == partnership.id,
        CriticalOccupation.soc_code == parse_soc(soc),
    )
    found = session.scalar(query.with_for_update(of=CriticalOccupation) if for_update else query)
    if found is None:
        raise NotFound(f"{soc} is not a critical occupation of partnership {slug!r}")
    return found


def add_critical(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    soc: str,
    priority: int = 1,
    annual_openings: int | None = None,
    notes: str | None = None,
) -> CriticalOccupation:
    partnership = editable_partnership(session=session, actor=actor, slug=slug)
    code = known_occupation(session=session, soc=soc)
    taken = f"{code} is already a critical occupation of partnership {slug!r}"
    exists = sa.select(CriticalOccupation.id).where(
        CriticalOccupation.partnership_id == partnership.id, CriticalOccupation.soc_code == code
    )
    if session.scalar(exists) is not None:
        raise Conflict(taken)
    row = CriticalOccupation(partnership_id=partnership.id, soc_code=code)
    _apply(row, {"priority": priority, "annual_openings": annual_openings, "notes": notes})
    session.add(row)
    flush(session, f"critical occupation {code}", taken=taken)
    session.refresh(row)  # load the occupation for its title
    audit.record(
        session=session, actor=actor, action="create", entity="critical_occupation",
        entity_id=f"{slug}/{code}", after=snapshot(row),
    )  # fmt: skip
    return row


def update_critical(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    soc: str,
    expected_version: int | None,
    changes: Mapping[str, Any],
) -> CriticalOccupation:
    editable_partnership(session=session, actor=actor, slug=slug)
    row = get_critical(session=session, slug=slug, soc=soc, for_update=True)
    what = f"critical occupation {row.soc_code}"
    check_version(what, row.version, expected_version)
    before = snapshot(row)
    _apply(row, {key: changes[key] for key in EDITABLE if key in changes})
    save_update(
        session, actor, what=what, entity="critical_occupation",
        entity_id=f"{slug}/{row.soc_code}", before=before, after=snapshot(row),
    )  # fmt: skip
    return row


def remove_critical(
    *, session: Session, actor: Actor, slug: str, soc: str, expected_version: int | None
) -> None:
    editable_partnership(session=session, actor=actor, slug=slug)
    row = get_critical(session=session, slug=slug, soc=soc, for_update=True)
    what = f"critical occupation {row.soc_code}"
    check_version(what, row.version, expected_version)
    save_delete(
        session, actor, row, what=what, entity="critical_occupation",
        entity_id=f"{slug}/{row.soc_code}", before=snapshot(row),
    )  # fmt: skip


def snapshot(row: CriticalOccupation) -> dict[str, Any]:
    return {"soc": row.soc_code, **{key: getattr(row, key) for key in EDITABLE}}


def _apply(row: CriticalOccupation, values: Mapping[str, Any]) -> None:
    if "priority" in values:
        priority = values["priority"]
        if priority is None or not 1 <= priority <= 99:
            raise InvalidInput.for_field("priority", "a whole number from 1 (most urgent) to 99")
        row.priority = priority
    if "annual_openings" in values:
        openings = values["annual_openings"]
        if openings is not None and not 0 <= openings <= 10_000_000:
            raise InvalidInput.for_field("annual_openings", "must not be negative")
        row.annual_openings = openings
    if "notes" in values:
        row.notes = (values["notes"] or "").strip() or None
