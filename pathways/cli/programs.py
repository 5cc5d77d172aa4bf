"""`pathways providers` and `pathways programs`: the program registry from the command line,
through the same services as the API; `programs suggest CIP` shows what a CIP code's
crosswalked occupations ask a program to teach."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from functools import reduce
from typing import Any

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from pathways.cli.common import operator, transaction
from pathways.cli.output import choice, echo_json, json_option, line, money
from pathways.domain.vocabulary import (
    AwardLevel,
    EarnWhileYouLearn,
    Modality,
    ProgramStatus,
    ProviderKind,
)
from pathways.models import Program, Provider
from pathways.services import programs as program_service
from pathways.services import providers as provider_service
from pathways.services.program_suggestions import skills_taught, suggestions

ADDRESS = ("street", "city", "state", "postal_code", "region", "website", "contact_name",
           "contact_email", "contact_phone")  # fmt: skip
Command = Callable[..., Any]


def options(*decorators: Callable[[Command], Command]) -> Callable[[Command], Command]:
    """One decorator for several options, listed in --help in the order given."""
    return lambda command: reduce(lambda done, option: option(done), reversed(decorators), command)


def given(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def show(title: str, data: dict[str, Any], skip: tuple[str, ...] = ()) -> None:
    click.echo(title)
    for key, value in data.items():
        if key not in ("id", *skip) and value not in (None, []):
            click.echo(f"  {key.replace('_', ' ')}: {money(value) if key == 'cost' else value}")


def updated(what: str, before: int, after: int) -> None:
    click.echo(f"{'updated' if after != before else 'nothing to change in'} {what}")


# --- pathways providers --------------------------------------------------------------------


@click.group(help="Schools, colleges, workforce boards, employers, apprenticeship sponsors.")
def providers() -> None:
    pass


address_options = options(*(
    click.option("--" + field.replace("_", "-"), field,
                 help="A region slug; empty to clear." if field == "region" else "Empty to clear.")
    for field in ADDRESS
))  # fmt: skip


@providers.command("list", help="Providers A–Z: id, name, kind, city, state, region.")
@click.option("--region", help="Only the providers of this region (slug).")
@click.option("--q", help="Words of the name or city.")
@json_option
@with_appcontext
def list_providers(region: str | None, q: str | None, as_json: bool) -> None:
    with transaction() as session:
        found = provider_service.list_providers(session=session, region=region, q=q,
                                                per_page=10_000).items  # fmt: skip
        rows = [provider_data(session, provider) for provider in found]
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        line(row["id"], row["name"], row["kind"], row["city"], row["state"], row["region"])


@providers.command("show", help="One provider, with its programs.")
@click.argument("provider_id", type=int)
@json_option
@with_appcontext
def show_provider(provider_id: int, as_json: bool) -> None:
    with transaction() as session:
        data = provider_data(session, provider_service.get_provider(
            session=session, provider_id=provider_id))  # fmt: skip
        found = program_service.list_programs(session=session, provider=provider_id,
                                              per_page=10_000).items  # fmt: skip
        data["programs"] = [f"{p.id} {p.cip_code} {p.title}" for p in found]
    if as_json:
        echo_json(data)
    else:
        show(f"{data['id']}: {data['name']}", data, skip=("name",))


@providers.command("create", help="Add a provider.")
@click.option("--name", required=True)
@click.option("--kind", required=True, type=choice(ProviderKind))
@address_options
@with_appcontext
def create_provider(**values: Any) -> None:
    with transaction() as session:
        provider = provider_service.create_provider(
            session=session, actor=operator(), values=given(values)
        )
        click.echo(f"created provider {provider.id} {provider.name}")


@providers.command("update", help="Change a provider; only the options given change.")
@click.argument("provider_id", type=int)
@click.option("--name")
@click.option("--kind", type=choice(ProviderKind))
@address_options
@with_appcontext
def update_provider(provider_id: int, **values: Any) -> None:
    if not given(values):
        raise click.UsageError("give at least one option to change")
    with transaction() as session:
        before = provider_service.get_provider(session=session, provider_id=provider_id).version
        provider = provider_service.update_provider(session=session, actor=operator(),
            provider_id=provider_id, expected_version=None, changes=given(values))  # fmt: skip
        updated(f"provider {provider_id}", before, provider.version)


@providers.command("delete", help="Delete a provider and its programs.")
@click.argument("provider_id", type=int)
@click.confirmation_option(prompt="Delete the provider and all its programs?")
@with_appcontext
def delete_provider(provider_id: int) -> None:
    with transaction() as session:
        provider_service.delete_provider(session=session, actor=operator(),
            provider_id=provider_id, expected_version=None)  # fmt: skip
        click.echo(f"deleted provider {provider_id}")


def provider_data(session: Session, provider: Provider) -> dict[str, Any]:
    snapshot = provider_service.snapshot(session, provider)
    return {"id": provider.id, **snapshot, "version": provider.version}


# --- pathways programs ---------------------------------------------------------------------


@click.group(help="Programs: what providers teach, the credentials and skills they lead to.")
def programs() -> None:
    pass


def dollars(_context: click.Context, _option: click.Parameter, value: int | None) -> int | None:
    return None if value is None else value * 100  # the services count cents


program_options = options(
    click.option("--title"),
    click.option("--cip", help="Its CIP 2020 program code, NN.NNNN."),
    click.option("--award", "award_level", type=choice(AwardLevel)),
    click.option("--modality", type=choice(Modality)),
    click.option("--weeks", "length_weeks", type=int, help="Length in weeks."),
    click.option("--credit-hours", type=float),
    click.option("--cost", type=int, callback=dollars, help="Tuition and fees, whole dollars."),
    click.option("--schedule", help="Empty to clear."),
    click.option("--seats", "seats_per_year", type=int, help="Seats a year."),
    click.option("--prerequisites", help="Empty to clear."),
    click.option("--earn", "earn_while_you_learn", type=choice(EarnWhileYouLearn)),
    click.option("--status", type=choice(ProgramStatus)),
    click.option("--next-start", type=click.DateTime(["%Y-%m-%d"])),
    click.option("--credential", "credentials", type=int, multiple=True,
                 help="Id of a credential it leads to; repeat for more."),
    click.option("--skill", "skills", multiple=True, metavar="ELEMENT=LEVEL",
                 help="An O*NET element taught at a level 0–7, e.g. 2.A.1.a=4; repeat."),
)  # fmt: skip


@programs.command("list", help="Programs by title: id, CIP, title, provider, award, weeks, cost.")
@click.option("--provider", type=int, help="A provider's id.")
@click.option("--cip", help="A program code, or a family or series.")
@click.option("--region", help="The providers' region (slug).")
@click.option("--q", help="Words of the title or the provider's name.")
@json_option
@with_appcontext
def list_programs(as_json: bool, **filters: Any) -> None:
    with transaction() as session:
        found = program_service.list_programs(session=session, per_page=10_000, **filters).items
        rows = [program_data(session, program) for program in found]
        names = {program.id: program.provider.name for program in found}
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        line(row["id"], row["cip"], row["title"], names[row["id"]], row["award_level"],
             row["length_weeks"], money(row["cost"]))  # fmt: skip


@programs.command("show", help="One program: its facts, credentials and skills taught.")
@click.argument("program_id", type=int)
@json_option
@with_appcontext
def show_program(program_id: int, as_json: bool) -> None:
    with transaction() as session:
        data = program_data(session, program_service.get_program(
            session=session, program_id=program_id))  # fmt: skip
        taught = skills_taught(session=session, program_id=program_id)
    if as_json:
        echo_json(data)
        return
    show(f"{data['id']}: {data['title']}", data, skip=("title", "skills"))
    for skill in taught:
        click.echo(f"  skill: {skill.element_id} {skill.name} ({skill.kind}) at {skill.level:g}")


@programs.command("create", help="Add a program; --title, --cip, --award, --modality needed.")
@click.option("--provider", type=int, required=True, help="The provider's id.")
@program_options
@click.option("--suggested-skills", is_flag=True, help="Teach what `suggest CIP` proposes.")
@with_appcontext
def create_program(suggested_skills: bool, **values: Any) -> None:
    credentials, skills = values.pop("credentials"), skill_levels(values.pop("skills"))
    with transaction() as session:
        if suggested_skills and not skills:
            proposed = suggestions(session=session, cip=values["cip"] or "").skills
            skills = [{"skill": skill.element_id, "level": skill.level} for skill in proposed]
        program = program_service.create_program(session=session, actor=operator(),
            values=given(values), credentials=credentials, skills=skills)  # fmt: skip
        click.echo(f"created program {program.id} {program.title}")


@programs.command("update", help="Change a program; only the options given change.")
@click.argument("program_id", type=int)
@click.option("--provider", type=int, help="Move it to this provider.")
@program_options
@click.option("--no-credentials", is_flag=True, help="It leads to no credential.")
@click.option("--no-skills", is_flag=True, help="Clear the skills it teaches.")
@with_appcontext
def update_program(program_id: int, no_credentials: bool, no_skills: bool, **values: Any) -> None:
    listed, taught = list(values.pop("credentials")), skill_levels(values.pop("skills"))
    credentials = [] if no_credentials else listed or None  # None: leave the list as it is
    skills = [] if no_skills else taught or None
    if not given(values) and credentials is None and skills is None:
        raise click.UsageError("give at least one option to change")
    with transaction() as session:
        before = program_service.get_program(session=session, program_id=program_id).version
        program = program_service.update_program(session=session, actor=operator(),
            program_id=program_id, expected_version=None, changes=given(values),
            credentials=credentials, skills=skills)  # fmt: skip
        updated(f"program {program_id}", before, program.version)


@programs.command("delete", help="Remove a program.")
@click.argument("program_id", type=int)
@click.confirmation_option(prompt="Remove the program?")
@with_appcontext
def delete_program(program_id: int) -> None:
    with transaction() as session:
        program_service.delete_program(session=session, actor=operator(),
            program_id=program_id, expected_version=None)  # fmt: skip
        click.echo(f"deleted program {program_id}")


@programs.command("suggest", help="The occupations CIP leads to, and the skills they need.")
@click.argument("cip")
@json_option
@with_appcontext
def suggest(cip: str, as_json: bool) -> None:
    with transaction() as session:
        found = suggestions(session=session, cip=cip)
    if as_json:
        echo_json(asdict(found) | {"occupations": [dict(zip(("soc", "title"), o, strict=True))
                                                   for o in found.occupations]})  # fmt: skip
        return
    click.echo(f"{found.cip} {found.title}")
    for soc, title in found.occupations:
        click.echo(f"  leads to {soc} {title}")
    for s in found.skills:
        line(s.element_id, s.name, s.kind, f"level {s.level:g}", f"importance {s.importance:g}",
             ", ".join(s.occupations))  # fmt: skip


def skill_levels(given: tuple[str, ...]) -> list[dict[str, Any]]:
    """`2.A.1.a=4.5` → {"skill": "2.A.1.a", "level": 4.5}; a level that is no number is
    passed on as written, for the service to refuse naming the field."""
    parsed = []
    for text in given:
        element, _, level = text.partition("=")
        try:
            parsed.append({"skill": element, "level": float(level)})
        except ValueError:
            parsed.append({"skill": element, "level": level})
    return parsed


def program_data(session: Session, program: Program) -> dict[str, Any]:
    snapshot = program_service.snapshot(session, program)
    return {"id": program.id, **snapshot, "version": program.version}


COMMANDS = (providers, programs)
