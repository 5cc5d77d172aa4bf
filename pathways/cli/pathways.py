"""`pathways pathways`: list and show versions, publish, delete, and price routes."""

from __future__ import annotations

from typing import Any

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from pathways import printing
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
from pathways.domain.pathways import RouteSort
from pathways.models import Pathway
from pathways.services.partnerships import get_partnership_by_id
from pathways.services.pathways import (
    delete_pathway,
    get_pathway,
    list_pathways,
    publish_pathway,
    snapshot,
    tag,
)
from pathways.services.routes import pathway_routes

# --- pathways pathways ---------------------------------------------------------------------


@click.group("pathways", help="Career pathways: versions, publishing, routes.")
def pathways_group() -> None:
    pass


@pathways_group.command("list", help="The newest version of each pathway, drafts included.")
@click.option("--partnership", help="Only this partnership's (slug).")
@json_option
@with_appcontext
def list_pathways_command(partnership: str | None, as_json: bool) -> None:
    with transaction() as session:
        rows = list_pathways(session=session, actor=operator(), partnership=partnership)
        owners = {
            key: get_partnership_by_id(session=session, partnership_id=key).slug
            for key in {row.partnership_id for row in rows}
        }
        data = [
            {"slug": row.slug, "title": row.title, "number": row.number, "tag": tag(row),
             "status": row.status.value, "partnership": owners[row.partnership_id]}
            for row in rows
        ]  # fmt: skip
    if as_json:
        echo_json(data)
        return
    for item in data:
        line(item["slug"], f"v{item['number']} {item['status']}", item["title"],
             item["partnership"])  # fmt: skip


@pathways_group.command("show", help="A pathway's steps and transitions.")
@click.argument("slug")
@click.option("--version", help="A version number, draft or published (default: the newest).")
@json_option
@with_appcontext
def show_pathway(slug: str, version: str | None, as_json: bool) -> None:
    with transaction() as session:
        row = get_pathway(session=session, actor=operator(), slug=slug, version=version)
        data = pathway_data(session, row)
    if as_json:
        echo_json(data)
        return
    click.echo(f"{data['slug']}: {data['title']}")
    click.echo(f"  version {data['number']} ({data['status']}), partnership {data['partnership']}")
    if data["summary"]:
        click.echo(f"  {data['summary']}")
    for step in data["steps"]:
        label = f" [{step['label']}]" if step["label"] else ""
        click.echo(f"  stage {step['stage']}  {step['key']}  {step['soc']} {step['title']}{label}")
    for move in data["transitions"]:
        credential_names = ", ".join(move["credentials"]) or "no credential"
        ewyl = ", earn while you learn" if move["earn_while_you_learn"] else ""
        click.echo(f"  {move['from']} → {move['to']} ({move['kind']}): {credential_names}; "
                   f"{move['months_training']} months training, {move['months_experience']} "
                   f"months experience, {money(move['cost_cents'])}{ewyl}")  # fmt: skip


@pathways_group.command("publish", help="Publish the draft of pathway SLUG.")
@click.argument("slug")
@with_appcontext
def publish(slug: str) -> None:
    with transaction() as session:
        row = publish_pathway(session=session, actor=operator(), slug=slug, expected_tag=None)
        click.echo(f"published {row.slug} version {row.number}")
    printing.published(slug, short_lived=True)


@pathways_group.command("delete", help="Delete pathway SLUG, every version of it.")
@click.argument("slug")
@click.confirmation_option(prompt="Delete the pathway and all its versions?")
@with_appcontext
def delete(slug: str) -> None:
    with transaction() as session:
        delete_pathway(session=session, actor=operator(), slug=slug, expected_tag=None)
        click.echo(f"deleted pathway {slug}")


@pathways_group.command("routes", help="Every route through a pathway, with time, cost and gain.")
@click.argument("slug")
@click.option("--from", "origin", metavar="KEY", help="Start at this step (default: entries).")
@click.option("--to", "destination", metavar="KEY", help="End at this step.")
@click.option("--sort", type=choice(RouteSort), default="months", show_default=True)
@click.option("--version", help="A version number, draft or published.")
@json_option
@with_appcontext
def routes(slug: str, origin: str | None, destination: str | None, sort: str,
           version: str | None, as_json: bool) -> None:  # fmt: skip
    with transaction() as session:
        found = pathway_routes(
            session=session, actor=operator(), slug=slug, version=version, origin=origin,
            destination=destination, sort=RouteSort(sort),
        )  # fmt: skip
    wages = {key: step_wage_data(value) for key, value in found.wages.items()}
    data = [
        {"steps": list(route.steps), "months_training": route.months_training,
         "months_experience": route.months_experience, "cost_cents": route.cost_cents,
         "wage_gain": route.wage_gain, "gain_per_training_month": route.gain_per_training_month}
        for route in found.search.routes
    ]  # fmt: skip
    if as_json:
        echo_json({"region": found.region.slug, "wages": wages, "routes": data,
                   "truncated": found.search.truncated})  # fmt: skip
        return
    click.echo(f"wages in {found.region.name}:")
    for key, value in found.wages.items():
        click.echo(f"  {key}: {step_wage_text(value)}")
    click.echo(f"routes, by {sort}:")
    for route in found.search.routes:
        click.echo(f"  {' → '.join(route.steps)}  {route.months_training} months training  "
                   f"{money(route.cost_cents)}  {gain(route.wage_gain)}  "
                   f"{gain(route.gain_per_training_month, 'training month')}")  # fmt: skip
    if found.search.truncated:
        click.echo("  … more routes than shown")


def pathway_data(session: Session, row: Pathway) -> dict[str, Any]:
    names = {c.id: c.name for move in row.transitions for c in move.credentials}
    titles = {step.key: step.occupation.title for step in row.steps}
    data = snapshot(row)
    for step in data["steps"]:
        step["title"] = titles[step["key"]]
    for move in data["transitions"]:
        move["from"], move["to"] = move.pop("source"), move.pop("target")
        move["kind"] = str(move["kind"])
        move["credentials"] = [names[i] for i in move.pop("credential_ids")]
    owner = get_partnership_by_id(session=session, partnership_id=row.partnership_id)
    return {**data, "slug": row.slug, "tag": tag(row), "partnership": owner.slug}


COMMANDS = (pathways_group,)
