"""What a partnership records for its region: `pathways critical` (the occupations it cannot
fill), `pathways employer-wages` (what its employers report paying) and `pathways overrides`
(its changes to what an occupation requires)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from pathways.cli.common import operator, transaction
from pathways.cli.output import choice, echo_json, json_option, line, wage
from pathways.domain.vocabulary import CredentialRelation, PayBasis, RequirementAction
from pathways.models import CriticalOccupation, EmployerWage, RequirementOverride, Skill
from pathways.services.credentials import get_credential
from pathways.services.critical_occupations import (
    add_critical,
    list_critical,
    remove_critical,
    update_critical,
)
from pathways.services.employer_wages import (
    add_employer_wage,
    list_employer_wages,
    remove_employer_wage,
)
from pathways.services.requirement_overrides import add_override, list_overrides, remove_override

# --- pathways critical ---------------------------------------------------------------------


@click.group(help="A partnership's critical occupations (priority 1 = most urgent).")
def critical() -> None:
    pass


@critical.command("list", help="The critical occupations of partnership SLUG, most urgent first.")
@click.argument("slug")
@json_option
@with_appcontext
def list_critical_command(slug: str, as_json: bool) -> None:
    with transaction() as session:
        rows = [critical_data(row) for row in list_critical(session=session, slug=slug)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        openings = row["annual_openings"]
        line(row["priority"], row["soc"], row["title"],
             None if openings is None else f"{openings} openings/yr", row["notes"])  # fmt: skip


def critical_data(row: CriticalOccupation) -> dict[str, Any]:
    return {
        "priority": row.priority,
        "soc": row.soc_code,
        "title": row.occupation.title,
        "annual_openings": row.annual_openings,
        "notes": row.notes,
    }


def critical_options(command: Any) -> Any:
    command = click.option("--notes", help="Empty to clear.")(command)
    command = click.option("--openings", type=int, help="Openings a year its employers expect.")(
        command
    )
    return click.option("--priority", type=int, help="1 (most urgent) to 99.")(command)


@critical.command("add", help="Make SOC a critical occupation of partnership SLUG.")
@click.argument("slug")
@click.argument("soc")
@critical_options
@with_appcontext
def add_critical_command(
    slug: str, soc: str, priority: int | None, openings: int | None, notes: str | None
) -> None:
    with transaction() as session:
        row = add_critical(session=session, actor=operator(), slug=slug, soc=soc,
                           priority=1 if priority is None else priority,
                           annual_openings=openings, notes=notes)  # fmt: skip
        click.echo(f"added {row.soc_code} {row.occupation.title} (priority {row.priority})")


@critical.command("update", help="Change a critical occupation; only the options given change.")
@click.argument("slug")
@click.argument("soc")
@critical_options
@with_appcontext
def update_critical_command(
    slug: str, soc: str, priority: int | None, openings: int | None, notes: str | None
) -> None:
    given = {"priority": priority, "annual_openings": openings, "notes": notes}
    changes = {key: value for key, value in given.items() if value is not None}
    if not changes:
        raise click.UsageError("give at least one of --priority, --openings, --notes")
    with transaction() as session:
        row = update_critical(session=session, actor=operator(), slug=slug, soc=soc,
                              expected_version=None, changes=changes)  # fmt: skip
        click.echo(f"updated {row.soc_code} (priority {row.priority})")


@critical.command("remove", help="SOC is no longer a critical occupation of SLUG.")
@click.argument("slug")
@click.argument("soc")
@with_appcontext
def remove_critical_command(slug: str, soc: str) -> None:
    with transaction() as session:
        remove_critical(session=session, actor=operator(), slug=slug, soc=soc,
                        expected_version=None)  # fmt: skip
        click.echo(f"removed {soc} from {slug}")


# --- pathways employer-wages ---------------------------------------------------------------


@click.group("employer-wages", help="Wages a partnership's member employers report paying.")
def employer_wages() -> None:
    pass


@employer_wages.command("list", help="The employer wage reports of partnership SLUG.")
@click.argument("slug")
@json_option
@with_appcontext
def list_wages_command(slug: str, as_json: bool) -> None:
    with transaction() as session:
        rows = list_employer_wages(session=session, slug=slug)
        if as_json:
            echo_json([wage_data(row) for row in rows])
            return
        for row in rows:
            basis = row.pay_basis.value
            levels = " / ".join(wage(v, basis) for v in (row.entry, row.median, row.experienced))
            line(row.id, row.soc_code, levels, f"{row.reported_on:%Y-%m-%d}",
                 f"{row.employer_count} employers", row.notes)  # fmt: skip


@employer_wages.command("add", help="Record what member employers pay for SOC.")
@click.argument("slug")
@click.argument("soc")
@click.option("--basis", type=choice(PayBasis), required=True)
@click.option("--entry", type=float, help="Dollars (per hour or per year).")
@click.option("--median", type=float)
@click.option("--experienced", type=float)
@click.option("--reported-on", type=click.DateTime(["%Y-%m-%d"]), required=True)
@click.option("--employers", type=int, required=True, help="How many employers reported.")
@click.option("--notes")
@with_appcontext
def add_wage_command(slug: str, soc: str, basis: str, reported_on: datetime, employers: int,
                     **values: Any) -> None:  # fmt: skip
    values = {**values, "soc": soc, "pay_basis": basis, "reported_on": reported_on.date(),
              "employer_count": employers}  # fmt: skip
    with transaction() as session:
        row = add_employer_wage(session=session, actor=operator(), slug=slug, values=values)
        click.echo(f"added employer wage report {row.id} for {row.soc_code}")


@employer_wages.command("remove", help="Remove the report with ID (see `employer-wages list`).")
@click.argument("slug")
@click.argument("wage_id", metavar="ID", type=int)
@with_appcontext
def remove_wage_command(slug: str, wage_id: int) -> None:
    with transaction() as session:
        remove_employer_wage(session=session, actor=operator(), slug=slug, wage_id=wage_id,
                             expected_version=None)  # fmt: skip
        click.echo(f"removed employer wage report {wage_id}")


def wage_data(row: EmployerWage) -> dict[str, Any]:
    return {
        "id": row.id, "soc": row.soc_code, "pay_basis": row.pay_basis.value, "entry": row.entry,
        "median": row.median, "experienced": row.experienced,
        "reported_on": row.reported_on.isoformat(), "employer_count": row.employer_count,
        "notes": row.notes,
    }  # fmt: skip


# --- pathways overrides --------------------------------------------------------------------


@click.group(help="A partnership's changes to the skills and credentials an occupation needs.")
def overrides() -> None:
    pass


@overrides.command("list", help="The requirement overrides of partnership SLUG.")
@click.argument("slug")
@json_option
@with_appcontext
def list_overrides_command(slug: str, as_json: bool) -> None:
    with transaction() as session:
        rows = [override_data(session, row) for row in list_overrides(session=session, slug=slug)]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        weights = [f"{key} {row[key]:g}" for key in ("importance", "level") if row[key] is not None]
        line(row["id"], row["soc"], row["action"], row["requirement"],
             ", ".join(weights) or row["relation"], row["notes"])  # fmt: skip


@overrides.command("add", help="Add, drop or re-weight a skill or credential SOC requires.")
@click.argument("slug")
@click.argument("soc")
@click.option("--action", type=choice(RequirementAction), required=True)
@click.option("--skill", help="An O*NET element ID, e.g. 2.A.1.a.")
@click.option("--credential", type=int, help="A credential id (see `credentials list`).")
@click.option("--importance", type=float, help="Skills: O*NET importance, 1 to 5.")
@click.option("--level", type=float, help="Skills: O*NET level, 0 to 7.")
@click.option("--relation", type=choice(CredentialRelation), help="Credentials.")
@click.option("--notes", help="Why the region differs.")
@with_appcontext
def add_override_command(
    slug: str, soc: str, skill: str | None, credential: int | None, **values: Any
) -> None:
    with transaction() as session:
        row = add_override(session=session, actor=operator(), slug=slug, soc=soc, skill=skill,
                           credential=credential, values=values)  # fmt: skip
        click.echo(f"added override {row.id}: {row.action.value} for {row.soc_code}")


@overrides.command("remove", help="Remove the override with ID (see `overrides list`).")
@click.argument("slug")
@click.argument("override_id", metavar="ID", type=int)
@with_appcontext
def remove_override_command(slug: str, override_id: int) -> None:
    with transaction() as session:
        remove_override(session=session, actor=operator(), slug=slug, override_id=override_id,
                        expected_version=None)  # fmt: skip
        click.echo(f"removed override {override_id}")


def override_data(session: Session, row: RequirementOverride) -> dict[str, Any]:
    if row.skill_id is not None:
        skill = session.get(Skill, row.skill_id)
        requirement = f"skill {skill.element_id} {skill.name}" if skill else f"skill {row.skill_id}"
    else:
        found = get_credential(session=session, credential_id=row.credential_id or 0)
        requirement = f"credential {found.id} {found.name}"
    return {
        "id": row.id, "soc": row.soc_code, "action": row.action.value,
        "requirement": requirement, "importance": row.importance, "level": row.level,
        "relation": None if row.relation is None else row.relation.value, "notes": row.notes,
    }  # fmt: skip


COMMANDS = (critical, employer_wages, overrides)
