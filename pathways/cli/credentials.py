"""`pathways credentials` (the shared credentials catalog) and `pathways occupations
next-steps` (where one can go from an occupation)."""

from __future__ import annotations

from typing import Any

import click
from flask.cli import with_appcontext

from pathways.cli.common import operator, transaction
from pathways.cli.output import (
    choice,
    echo_json,
    gain,
    json_option,
    line,
    money,
    step_wage_data,
    step_wage_text,
)
from pathways.domain.pathways import NextStep
from pathways.domain.vocabulary import CredentialRelation, CredentialType
from pathways.services.credentials import create_credential, list_credentials
from pathways.services.next_steps import occupation_next_steps

# --- pathways credentials ------------------------------------------------------------------


@click.group(help="The shared credentials catalog (CTDL credential types).")
def credentials() -> None:
    pass


@credentials.command("list", help="Credentials by name: id, type, name, issuer, typical cost.")
@click.option("--q", help="Words in the name or issuer.")
@click.option("--type", "ctdl_type", help="A CTDL type, e.g. Certification.")
@click.option("--occupation", help="Only those an occupation (SOC) requires, prefers or rewards.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=500, show_default=True)
@json_option
@with_appcontext
def list_credentials_command(
    q: str | None, ctdl_type: str | None, occupation: str | None, limit: int, as_json: bool
) -> None:
    with transaction() as session:
        rows = list_credentials(session=session, q=q, ctdl_type=ctdl_type,
                                occupation=occupation, per_page=limit).items  # fmt: skip
        if as_json:
            echo_json([
                {"id": row.id, "name": row.name, "type": row.ctdl_type.value,
                 "issuer": row.issuer, "typical_cost_cents": row.typical_cost}
                for row in rows
            ])  # fmt: skip
            return
        for row in rows:
            line(row.id, row.ctdl_type.value, row.name, row.issuer, money(row.typical_cost))


@credentials.command("create", help="Add a credential to the shared catalog.")
@click.option("--name", required=True)
@click.option("--type", "ctdl_type", required=True, type=choice(CredentialType))
@click.option("--issuer", default="")
@click.option("--description")
@click.option("--exam")
@click.option("--renewal")
@click.option("--cost", type=click.IntRange(min=0), help="Typical cost, in whole dollars.")
@click.option("--source", help="Where these facts are published.")
@click.option(
    "--occupation",
    "occupations",
    multiple=True,
    metavar="SOC[:RELATION]",
    help="An occupation that requires it (or SOC:preferred, SOC:add_on); repeat for more.",
)
@with_appcontext
def create_credential_command(
    ctdl_type: str, cost: int | None, occupations: tuple[str, ...], **values: Any
) -> None:
    links = []
    for given in occupations:
        soc, _, relation = given.partition(":")
        links.append({"soc": soc, "relation": relation or CredentialRelation.REQUIRED.value})
    values = {**values, "type": ctdl_type, "typical_cost": None if cost is None else cost * 100}
    with transaction() as session:
        row = create_credential(session=session, actor=operator(), values=values,
                                occupations=links)  # fmt: skip
        click.echo(f"created credential {row.id} {row.name}")


# --- pathways occupations ------------------------------------------------------------------


@click.group(help="The occupations catalog.")
def occupations() -> None:
    pass


@occupations.command("next-steps", help="Where one can go from SOC, with wage gains.")
@click.argument("soc")
@click.option("--region", help="Price with this region's wages (slug).")
@click.option("--area", help="Price with this OEWS area's wages (seven digits).")
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True)
@json_option
@with_appcontext
def next_steps(soc: str, region: str | None, area: str | None, limit: int, as_json: bool) -> None:
    with transaction() as session:
        found = occupation_next_steps(session=session, soc=soc, area=area, region=region,
                                      limit=limit)  # fmt: skip
    if as_json:
        echo_json({"soc": found.soc, "title": found.title, "wage": step_wage_data(found.wage),
                   "next_steps": [next_step_data(item) for item in found.items]})  # fmt: skip
        return
    click.echo(f"from {found.soc} {found.title}: {step_wage_text(found.wage)}")
    for item in found.items:
        data = next_step_data(item)
        click.echo(f"  {item.soc} {item.title}  {gain(item.wage_gain)}  {data['why']}")
        if data["skill_gaps"]:
            click.echo(f"    to learn: {', '.join(data['skill_gaps'])}")


def next_step_data(item: NextStep) -> dict[str, Any]:
    moves = list(dict.fromkeys(f"{m.pathway_slug} ({m.transition.kind})" for m in item.moves))
    tier = None if item.related is None else item.related.tier
    why = "via " + ", ".join(moves) if moves else f"O*NET related ({tier})"
    return {
        "soc": item.soc, "title": item.title, "wage": step_wage_data(item.wage),
        "wage_gain": item.wage_gain, "why": why,
        "skill_gaps": [f"{gap.name} (level {gap.have_level:g} → {gap.need_level:g})"
                       for gap in item.skill_gaps],
    }  # fmt: skip


COMMANDS = (credentials, occupations)
