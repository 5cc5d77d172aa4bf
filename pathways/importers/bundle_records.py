"""The shared records a bundle names, made this installation's: credentials matched by name
and issuer, providers by name, programs by title and CIP code within their provider — each
created when missing, else brought up to the bundle's values (the services write nothing,
and audit nothing, when a record already matches). Also a bundle's pathway version as the
service that restores versions takes it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from pathways.domain.bundle import PROVIDER_TEXT, parse_day, parse_timestamp
from pathways.domain.errors import InvalidInput
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import PathwayStatus, TransitionKind
from pathways.importers.bundle_checks import CredentialKey, credential_key
from pathways.models import Credential, Program, Provider
from pathways.services.bundle_versions import VersionRecord
from pathways.services.credentials import create_credential, occupation_links, update_credential
from pathways.services.programs import create_program, update_program
from pathways.services.providers import create_provider, update_provider

if TYPE_CHECKING:
    from pathways.importers.bundle import Writer

CREDENTIAL_TEXT = ("name", "issuer", "type", "description", "exam", "renewal", "source")
PROGRAM_VALUES = (
    "title",
    "cip",
    "award_level",
    "length_weeks",
    "credit_hours",
    "modality",
    "schedule",
    "seats_per_year",
    "prerequisites",
    "earn_while_you_learn",
    "status",
)


def save_credentials(writer: Writer, entries: list[dict[str, Any]]) -> dict[CredentialKey, int]:
    """(name, issuer) → id of each of the bundle's credentials here."""
    session, actor = writer.session, writer.actor
    ids: dict[CredentialKey, int] = {}
    for i, entry in enumerate(entries):
        values = {key: entry[key] for key in CREDENTIAL_TEXT}
        values["typical_cost"] = entry["typical_cost_cents"]
        links = entry["occupations"]
        query = sa.select(Credential).where(
            Credential.name == entry["name"], Credential.issuer == entry["issuer"]
        )
        found = session.scalar(query)
        with writer.at(f"credentials[{i}]"):
            if found is None:
                found = create_credential(
                    session=session, actor=actor, values=values, occupations=links
                )
            else:
                current = [
                    {"soc": link.soc_code, "relation": link.relation.value}
                    for link in occupation_links(session=session, credential_id=found.id)
                ]
                update_credential(
                    session=session,
                    actor=actor,
                    credential_id=found.id,
                    expected_version=None,
                    changes=values,
                    occupations=None if current == links else links,
                )
        ids[credential_key(entry)] = found.id
    return ids


def save_providers(
    writer: Writer,
    entries: list[dict[str, Any]],
    region: str,
    credentials: Mapping[CredentialKey, int],
) -> int:
    """The bundle's providers, in the partnership's region, and their programs; how many
    programs."""
    session, actor = writer.session, writer.actor
    count = 0
    for i, entry in enumerate(entries):
        values = {key: entry[key] for key in ("name", "kind", *PROVIDER_TEXT)}
        values["region"] = region
        with writer.at(f"providers[{i}]"):
            named = list(session.scalars(sa.select(Provider).where(Provider.name == entry["name"])))
            if len(named) > 1:
                raise InvalidInput.for_field(
                    "name",
                    f"{len(named)} providers here are called {entry['name']!r}; "
                    "rename all but one first",
                )
            if named:
                provider = update_provider(
                    session=session,
                    actor=actor,
                    provider_id=named[0].id,
                    expected_version=None,
                    changes=values,
                )
            else:
                provider = create_provider(session=session, actor=actor, values=values)
        for j, program in enumerate(entry["programs"]):
            with writer.at(f"providers[{i}].programs[{j}]"):
                save_program(writer, provider.id, program, credentials)
            count += 1
    return count


def save_program(
    writer: Writer,
    provider_id: int,
    entry: dict[str, Any],
    credentials: Mapping[CredentialKey, int],
) -> None:
    session, actor = writer.session, writer.actor
    values = {key: entry[key] for key in PROGRAM_VALUES}
    next_start = entry["next_start"]
    values.update(
        provider=provider_id,
        cost=entry["cost_cents"],
        next_start=None if next_start is None else parse_day(next_start),
    )
    awarded = [credentials[credential_key(ref)] for ref in entry["credentials"]]
    skills = entry["skills"]
    found = session.scalar(
        sa.select(Program.id).where(
            Program.provider_id == provider_id,
            Program.title == entry["title"],
            Program.cip_code == entry["cip"],
        )
    )
    if found is None:
        create_program(
            session=session, actor=actor, values=values, credentials=awarded, skills=skills
        )
    else:
        update_program(
            session=session,
            actor=actor,
            program_id=found,
            expected_version=None,
            changes=values,
            credentials=awarded,
            skills=skills,
        )


def version_record(
    entry: dict[str, Any], credentials: Mapping[CredentialKey, int]
) -> VersionRecord:
    """One of the bundle's `pathways` entries, its credentials by their ids here."""
    steps = tuple(
        StepSpec(key=s["key"], soc=s["soc"], stage=s["stage"], label=s["label"])
        for s in entry["steps"]
    )
    moves = tuple(
        TransitionSpec(
            source=move["from"],
            target=move["to"],
            kind=TransitionKind(move["kind"]),
            credential_ids=tuple(credentials[credential_key(ref)] for ref in move["credentials"]),
            months_experience=move["months_experience"],
            months_training=move["months_training"],
            cost_cents=move["cost_cents"],
            earn_while_you_learn=move["earn_while_you_learn"],
            notes=move["notes"],
        )
        for move in entry["transitions"]
    )
    published = entry["published_at"]
    return VersionRecord(
        number=entry["number"],
        status=PathwayStatus(entry["status"]),
        published_at=None if published is None else parse_timestamp(published),
        title=entry["title"],
        summary=entry["summary"],
        graph=PathwayGraph(steps, moves),
    )
