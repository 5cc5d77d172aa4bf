"""`pathways partnerships`: sector partnerships, their branding and logo, and loading a whole
workspace file. The commands for what a partnership owns are in partnership_details,
pathways and credentials; COMMANDS here registers them all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from pathways.cli import credentials, partnership_details, pathways
from pathways.cli.common import operator, transaction
from pathways.cli.output import echo_json, json_option, line
from pathways.cli.partnership_details import critical_data
from pathways.importers.workspace import CREDENTIALS_FILE, load_credentials, load_partnership
from pathways.models import Partnership, PartnershipMember
from pathways.services.partnerships import (
    create_partnership,
    delete_partnership,
    get_partnership,
    list_partnerships,
    set_logo,
    update_partnership,
)
from pathways.services.pathways import list_pathways, tag

FIELDS = ("description", "brand_name", "primary_color", "accent_color", "contact_line")
FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def editable_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--description, --brand-name, --primary-color, --accent-color, --contact-line."""
    for field in reversed(FIELDS):
        flag = "--" + field.replace("_", "-")
        command = click.option(flag, field, help="Empty to clear.")(command)
    return command


@click.group(help="Sector partnerships: members, branding, logo; `load` imports a whole file.")
def partnerships() -> None:
    pass


@partnerships.command("list", help="Every partnership: slug, name, sector, region.")
@click.option("--region", help="Only the partnerships of this region (slug).")
@json_option
@with_appcontext
def list_command(region: str | None, as_json: bool) -> None:
    with transaction() as session:
        rows = list_partnerships(session=session, region=region, per_page=10_000).items
        if as_json:
            echo_json([partnership_data(session, row, full=False) for row in rows])
            return
        for row in rows:
            line(row.slug, row.name, row.sector, row.region.slug)


@partnerships.command("show", help="One partnership: branding, members, critical occupations.")
@click.argument("slug")
@json_option
@with_appcontext
def show(slug: str, as_json: bool) -> None:
    with transaction() as session:
        data = partnership_data(session, get_partnership(session=session, slug=slug))
    if as_json:
        echo_json(data)
        return
    click.echo(f"{data['slug']}: {data['name']}")
    for key in ("sector", "region", *FIELDS, "logo"):
        if data[key] is not None:
            click.echo(f"  {key.replace('_', ' ')}: {data[key]}")
    for member in data["members"]:
        website = f" {member['website']}" if member["website"] else ""
        click.echo(f"  member: {member['name']} ({member['kind']}){website}")
    for row in data["critical_occupations"]:
        openings = row["annual_openings"]
        click.echo(f"  critical {row['priority']}: {row['soc']} {row['title']}"
                   + (f", {openings} openings a year" if openings is not None else ""))  # fmt: skip
    for row in data["pathways"]:
        click.echo(f"  pathway: {row['slug']} (v{row['number']} {row['status']}) "
                   f"{row['title']}")  # fmt: skip


@partnerships.command("create", help="A new partnership SLUG (admins).")
@click.argument("slug")
@click.option("--name", required=True)
@click.option("--sector", required=True)
@click.option("--region", required=True, help="The region's slug (see `regions`).")
@editable_options
@with_appcontext
def create(slug: str, name: str, sector: str, region: str, **fields: str | None) -> None:
    given: dict[str, Any] = {key: value for key, value in fields.items() if value is not None}
    with transaction() as session:
        row = create_partnership(session=session, actor=operator(), slug=slug, name=name,
                                 sector=sector, region=region, **given)  # fmt: skip
        click.echo(f"created partnership {row.slug}")


@partnerships.command("update", help="Change a partnership; only the options given change.")
@click.argument("slug")
@click.option("--name")
@click.option("--sector")
@click.option("--region", help="The region's slug.")
@editable_options
@with_appcontext
def update(slug: str, **fields: str | None) -> None:
    changes = {key: value for key, value in fields.items() if value is not None}
    if not changes:
        raise click.UsageError("give at least one option to change")
    with transaction() as session:
        before = get_partnership(session=session, slug=slug).version
        row = update_partnership(session=session, actor=operator(), slug=slug,
                                 expected_version=None, changes=changes)  # fmt: skip
        state = "updated" if row.version != before else "nothing to change in"
        click.echo(f"{state} partnership {row.slug}")


@partnerships.command("delete", help="Delete a partnership and all it owns: its pathways too.")
@click.argument("slug")
@click.confirmation_option(prompt="Delete the partnership, its pathways and its data?")
@with_appcontext
def delete(slug: str) -> None:
    with transaction() as session:
        delete_partnership(session=session, actor=operator(), slug=slug, expected_version=None)
        click.echo(f"deleted partnership {slug}")


@partnerships.command("logo", help="Set the logo (PNG, JPEG or SVG FILE), or --remove it.")
@click.argument("slug")
@click.argument("file", type=FILE, required=False)
@click.option("--remove", is_flag=True)
@with_appcontext
def logo(slug: str, file: Path | None, remove: bool) -> None:
    if (file is None) != remove:
        raise click.UsageError("give a FILE, or --remove (not both)")
    content = None if file is None else file.read_bytes()
    with transaction() as session:
        row = set_logo(session=session, actor=operator(), slug=slug, expected_version=None,
                       content=content)  # fmt: skip
        if content is None:
            click.echo(f"logo of {slug} removed")
        else:
            click.echo(f"logo of {slug} set ({row.logo_media_type}, {len(content)} bytes)")


@partnerships.command("load", help="Create or update the partnership described by a TOML file.")
@click.argument("file", type=FILE)
@click.option(
    "--credentials",
    type=FILE,
    help=f"Default: the {CREDENTIALS_FILE} beside FILE, or in the folder above.",
)
@with_appcontext
def load(file: Path, credentials: Path | None) -> None:
    if credentials is None:
        nearby = (file.parent / CREDENTIALS_FILE, file.parent.parent / CREDENTIALS_FILE)
        credentials = next((path for path in nearby if path.is_file()), None)
    with transaction() as session:
        keys = {}
        if credentials is not None:
            keys = load_credentials(session, credentials, actor=operator())
            click.echo(f"{len(keys)} credentials from {credentials.name}")
        slug = load_partnership(session, file, actor=operator(), credentials=keys)
        click.echo(f"loaded partnership {slug} from {file.name}")


def partnership_data(session: Session, row: Partnership, *, full: bool = True) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": row.slug, "name": row.name, "sector": row.sector, "region": row.region.slug,
    }  # fmt: skip
    if not full:
        return data
    logo = None if row.logo is None else f"{row.logo_media_type}, {len(row.logo)} bytes"
    shown = list_pathways(session=session, actor=operator(), partnership=row.slug)
    return {
        **data,
        **{key: getattr(row, key) for key in FIELDS},
        "logo": logo,
        "members": [member_data(member) for member in row.members],
        "critical_occupations": [critical_data(critical) for critical in row.critical_occupations],
        "pathways": [
            {
                "slug": p.slug,
                "title": p.title,
                "number": p.number,
                "status": p.status.value,
                "tag": tag(p),
            }
            for p in shown
        ],
    }


def member_data(member: PartnershipMember) -> dict[str, Any]:
    return {"name": member.name, "kind": member.kind.value, "website": member.website}


COMMANDS = (partnerships, *partnership_details.COMMANDS, *pathways.COMMANDS, *credentials.COMMANDS)
