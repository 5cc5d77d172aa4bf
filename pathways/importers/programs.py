"""The sample providers and programs of `seed_data/programs/*.toml`, loaded through the same
services as API input. A provider is known by its name, a program by its provider and title:
created when new, else brought up to date, so loading again changes nothing."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.importers.toml_tables import Table, read_toml
from pathways.models import Program, Provider
from pathways.services.programs import create_program, update_program
from pathways.services.providers import create_provider, update_provider

PROGRAMS_DIR = "programs"
PROVIDER_KEYS = ("key", "name", "kind", "street", "city", "state", "postal_code", "website",
                 "contact_name", "contact_email", "contact_phone", "programs")  # fmt: skip
PROGRAM_TEXT = ("title", "cip", "award_level", "modality", "schedule", "prerequisites",
                "earn_while_you_learn", "status")  # fmt: skip
PROGRAM_KEYS = (*PROGRAM_TEXT, "credentials", "length_weeks", "credit_hours", "cost_usd",
                "seats_per_year", "next_start", "skills")  # fmt: skip


def load_programs(
    session: Session, seed_dir: Path, *, actor: Actor, credentials: Mapping[str, int]
) -> int:
    """Every `programs/*.toml` by name; the number of programs in them."""
    count = 0
    for path in sorted((seed_dir / PROGRAMS_DIR).glob("*.toml")):
        document = read_toml(path)
        document.only("sample", "region", "providers")
        region = document.text("region")
        for entry in document.tables("providers"):
            entry.only(*PROVIDER_KEYS)
            with entry.checked():
                provider = _save_provider(session, actor, entry, region)
            for program in entry.tables("programs"):
                _save_program(session, actor, program, provider.id, credentials)
                count += 1
    return count


def _save_provider(session: Session, actor: Actor, entry: Table, region: str) -> Provider:
    values: dict[str, Any] = {
        key: entry.optional_text(key) for key in PROVIDER_KEYS if key not in ("key", "programs")
    }
    values["region"] = region
    found = session.scalar(sa.select(Provider).where(Provider.name == values["name"]))
    if found is None:
        return create_provider(session=session, actor=actor, values=values)
    return update_provider(
        session=session, actor=actor, provider_id=found.id, expected_version=None, changes=values
    )


def _save_program(
    session: Session, actor: Actor, entry: Table, provider_id: int, ids: Mapping[str, int]
) -> None:
    entry.only(*PROGRAM_KEYS)
    values: dict[str, Any] = {key: entry.optional_text(key) for key in PROGRAM_TEXT}
    values.update(
        provider=provider_id, length_weeks=entry.optional_whole("length_weeks"),
        credit_hours=entry.number("credit_hours"), cost=entry.optional_cents("cost_usd"),
        seats_per_year=entry.optional_whole("seats_per_year"),
        next_start=entry.day("next_start") if "next_start" in entry.values else None,
    )  # fmt: skip
    keys = entry.texts("credentials")
    unknown = [key for key in keys if key not in ids]
    if unknown:
        raise entry.error("credentials", f"no credential {unknown[0]!r}")
    credentials = [ids[key] for key in keys]
    skills = []
    for taught in entry.tables("skills"):
        taught.only("skill", "level")
        skills.append({"skill": taught.text("skill"), "level": taught.number("level")})
    found = session.scalar(
        sa.select(Program).where(
            Program.provider_id == provider_id, Program.title == values["title"]
        )
    )
    with entry.checked(renames={"cost": "cost_usd"}):
        if found is None:
            create_program(
                session=session, actor=actor, values=values, credentials=credentials,
                skills=skills,
            )  # fmt: skip
        else:
            update_program(
                session=session, actor=actor, program_id=found.id, expected_version=None,
                changes=values, credentials=credentials, skills=skills,
            )  # fmt: skip
