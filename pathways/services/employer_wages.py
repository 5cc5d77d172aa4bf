"""Wages a partnership's member employers report paying: shown as such, beside BLS figures,
and preferred over them for the partnership's own pathways."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import InvalidInput, NotFound
from pathways.domain.pathways import EmployerReport
from pathways.domain.vocabulary import PayBasis
from pathways.models import EmployerWage
from pathways.services import audit
from pathways.services.occupations import known_occupation
from pathways.services.partnerships import editable_partnership, get_partnership
from pathways.services.saving import save_delete, save_update
from pathways.services.versions import check_version, flush

LEVELS = ("entry", "median", "experienced")
EDITABLE = ("soc", "pay_basis", *LEVELS, "reported_on", "employer_count", "notes")
CEILING = {PayBasis.HOURLY: 1_000.0, PayBasis.ANNUAL: 2_000_000.0}


def list_employer_wages(*, session: Session, slug: str) -> list[EmployerWage]:
    partnership = get_partnership(session=session, slug=slug)
    query = sa.select(EmployerWage).where(EmployerWage.partnership_id == partnership.id)
    order = (EmployerWage.soc_code, EmployerWage.reported_on.desc(), EmployerWage.id)
    return list(session.scalars(query.order_by(*order)))


def latest_reports(*, session: Session, partnership_id: int) -> dict[str, EmployerReport]:
    """The newest report for each occupation, as the engines take it."""
    query = (
        sa.select(EmployerWage)
        .where(EmployerWage.partnership_id == partnership_id)
        .order_by(EmployerWage.reported_on, EmployerWage.id)
    )
    return {row.soc_code: to_report(row) for row in session.scalars(query)}


def to_report(row: EmployerWage) -> EmployerReport:
    return EmployerReport(
        soc=row.soc_code, pay_basis=row.pay_basis.value, entry=row.entry, median=row.median,
        experienced=row.experienced, reported_on=row.reported_on,
        employer_count=row.employer_count,
    )  # fmt: skip


def get_employer_wage(
    *, session: Session, slug: str, wage_id: int, for_update: bool = False
) -> EmployerWage:
    partnership = get_partnership(session=session, slug=slug)
    query = sa.select(EmployerWage).where(
        EmployerWage.id == wage_id, EmployerWage.partnership_id == partnership.id
    )
    found = session.scalar(query.with_for_update() if for_update else query)
    if found is None:
        raise NotFound(f"no employer wage report {wage_id} in partnership {slug!r}")
    return found


def add_employer_wage(
    *, session: Session, actor: Actor, slug: str, values: Mapping[str, Any]
) -> EmployerWage:
    """A new report; `values` has every field of EDITABLE (`notes` may be missing)."""
    partnership = editable_partnership(session=session, actor=actor, slug=slug)
    row = EmployerWage(partnership_id=partnership.id)
    _apply(session, row, {"notes": None, **values})
    session.add(row)
    flush(session, "employer wage report")
    audit.record(
        session=session, actor=actor, action="create", entity="employer_wage",
        entity_id=f"{slug}/{row.id}", after=snapshot(row),
    )  # fmt: skip
    return row


def update_employer_wage(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    wage_id: int,
    expected_version: int | None,
    changes: Mapping[str, Any],
) -> EmployerWage:
    editable_partnership(session=session, actor=actor, slug=slug)
    row = get_employer_wage(session=session, slug=slug, wage_id=wage_id, for_update=True)
    check_version(f"employer wage report {wage_id}", row.version, expected_version)
    before = snapshot(row)
    _apply(session, row, {**before, **{k: changes[k] for k in EDITABLE if k in changes}})
    save_update(
        session, actor, what=f"employer wage report {wage_id}", entity="employer_wage",
        entity_id=f"{slug}/{wage_id}", before=before, after=snapshot(row),
    )  # fmt: skip
    return row


def remove_employer_wage(
    *, session: Session, actor: Actor, slug: str, wage_id: int, expected_version: int | None
) -> None:
    editable_partnership(session=session, actor=actor, slug=slug)
    row = get_employer_wage(session=session, slug=slug, wage_id=wage_id, for_update=True)
    check_version(f"employer wage report {wage_id}", row.version, expected_version)
    save_delete(
        session, actor, row, what=f"employer wage report {wage_id}", entity="employer_wage",
        entity_id=f"{slug}/{wage_id}", before=snapshot(row),
    )  # fmt: skip


def snapshot(row: EmployerWage) -> dict[str, Any]:
    values = {key: getattr(row, key) for key in EDITABLE if key != "soc"}
    return {"soc": row.soc_code, **values}


def _apply(session: Session, row: EmployerWage, values: Mapping[str, Any]) -> None:
    """Check the whole report (the levels are checked together), then set it."""
    try:
        basis = PayBasis(values["pay_basis"])
    except ValueError:
        raise InvalidInput.for_field("pay_basis", "hourly or annual") from None
    amounts = {level: values.get(level) for level in LEVELS}
    known = [(level, amount) for level, amount in amounts.items() if amount is not None]
    if not known:
        raise InvalidInput.for_field("median", "give at least one of entry, median, experienced")
    for level, amount in known:
        if not 0 < amount <= CEILING[basis]:
            raise InvalidInput.for_field(level, f"an {basis.value} wage above 0, in dollars")
    for (low, low_amount), (high, high_amount) in itertools.pairwise(known):
        if low_amount > high_amount:
            raise InvalidInput.for_field(high, f"must not be below {low} ({low_amount:g})")
    reported_on: date = values["reported_on"]
    if reported_on > datetime.now(UTC).date():
        raise InvalidInput.for_field("reported_on", "must not be in the future")
    count = values["employer_count"]
    if count is None or not 1 <= count <= 100_000:
        raise InvalidInput.for_field("employer_count", "at least 1 employer")
    row.soc_code = known_occupation(session=session, soc=values["soc"])
    row.pay_basis = basis
    for level, amount in amounts.items():
        setattr(row, level, None if amount is None else round(float(amount), 2))
    row.reported_on = reported_on
    row.employer_count = count
    row.notes = (values.get("notes") or "").strip() or None
