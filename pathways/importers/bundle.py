"""Importing a partnership bundle (`pathways import bundle FILE`): read, check everything
(format and version, the schema, every catalog code and reference), then write through the
same services the API uses, as the given actor, so every write is checked and audited.
All or nothing: a problem anywhere writes nothing.

When the partnership is already here: a bundle that says exactly what is here changes nothing
("unchanged"); one that differs is refused unless `replace`, which empties the partnership of
everything it owns (critical occupations, wages, overrides, pathways) and fills it from the
bundle, details, members and logo included; the partnership keeps its id, and so its editors.

Shared records the bundle names — its region, its credentials (by name and issuer), its
providers (by name) and their programs (by title and CIP code) — are created when missing and
otherwise brought up to the bundle's values; those it does not name are left alone."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.bundle import InvalidBundle, check_format, loads, parse_day
from pathways.domain.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from pathways.importers.bundle_checks import reference_problems
from pathways.importers.bundle_export import BRANDING, bundle_document
from pathways.importers.bundle_records import save_credentials, save_providers, version_record
from pathways.importers.bundle_schema import bundle_problems
from pathways.models import Partnership
from pathways.services import critical_occupations, employer_wages, requirement_overrides
from pathways.services.bundle_replace import clear_partnership
from pathways.services.bundle_versions import restore_version
from pathways.services.partnerships import create_partnership, set_logo, update_partnership
from pathways.services.regions import save_region

# Where a service's field is called otherwise in the bundle.
RENAMES = {
    **{key: f"branding.{key}" for key in BRANDING},
    "typical_cost": "typical_cost_cents",
    "cost": "cost_cents",
}


@dataclass(frozen=True)
class BundleImport:
    slug: str
    outcome: str  # "created", "replaced" or "unchanged"
    counts: Mapping[str, int]

    def lines(self) -> list[str]:
        if self.outcome == "unchanged":
            return [f"partnership {self.slug} is already as the bundle says: nothing to change"]
        listed = ", ".join(f"{count} {what}" for what, count in self.counts.items())
        return [f"{self.outcome} partnership {self.slug}: {listed}"]


def import_bundle(
    session: Session, content: bytes, *, file: str, actor: Actor, replace: bool = False
) -> BundleImport:
    """Check the bundle in `content` (named `file` in messages) and write it; InvalidBundle
    lists every problem, Conflict says the partnership is here and differs."""
    document = read_bundle(session, content, file)
    slug = document["partnership"]["slug"]
    found = sa.select(Partnership.id).where(Partnership.slug == slug)
    existing = session.scalar(found) is not None
    if existing:
        if bundle_document(session=session, actor=actor, slug=slug) == document:
            return BundleImport(slug, "unchanged", {})
        if not replace:
            raise Conflict(
                f"{file}: partnership {slug!r} is already here and differs from the bundle; "
                "import with --replace to replace it (and everything it owns) with the bundle's"
            )
    with session.begin_nested():  # nothing stays written unless everything is
        counts = Writer(session, actor, file).write(document, existing=existing)
    return BundleImport(slug, "replaced" if existing else "created", counts)


def read_bundle(session: Session, content: bytes, file: str) -> dict[str, Any]:
    """The bundle in `content`, checked against the format, the schema and this
    installation's catalog; InvalidBundle with every problem."""
    document = loads(content, file)
    check_format(document, file)
    problems = bundle_problems(document)
    if not problems:
        problems = reference_problems(session, document)
    if problems:
        raise InvalidBundle(file, problems)
    result: dict[str, Any] = document
    return result


class Writer:
    """Writes a checked bundle through the services, reporting a service's refusal at the
    bundle's path for the value it refused."""

    def __init__(self, session: Session, actor: Actor, file: str) -> None:
        self.session, self.actor, self.file = session, actor, file

    @contextmanager
    def at(self, path: str) -> Iterator[None]:
        try:
            yield
        except InvalidInput as error:
            fields = error.errors or {"": [error.message]}
            raise InvalidBundle(
                self.file,
                [
                    f"{_join(path, _renamed(field))}: {message}"
                    for field, messages in fields.items()
                    for message in messages
                ],
            ) from None
        except (NotFound, Conflict, PreconditionFailed) as error:
            raise InvalidBundle(self.file, [f"{path}: {error.message}"]) from None

    def write(self, document: dict[str, Any], *, existing: bool) -> dict[str, int]:
        session, actor = self.session, self.actor
        region, part = document["region"], document["partnership"]
        slug = part["slug"]
        with self.at("region"):
            save_region(
                session=session,
                actor=actor,
                slug=region["slug"],
                name=region["name"],
                area_codes=region["areas"],
                description=region["description"],
            )
        credentials = save_credentials(self, document["credentials"])
        details = {key: part[key] for key in ("name", "sector", "members", "description")}
        details.update(region=region["slug"], **part["branding"])
        with self.at("partnership"):
            if existing:
                clear_partnership(session=session, actor=actor, slug=slug)
                update_partnership(
                    session=session, actor=actor, slug=slug, expected_version=None, changes=details
                )
            else:
                create_partnership(session=session, actor=actor, slug=slug, **details)
            self.save_logo(slug, part["logo"])
        for i, row in enumerate(document["critical_occupations"]):
            with self.at(f"critical_occupations[{i}]"):
                critical_occupations.add_critical(
                    session=session,
                    actor=actor,
                    slug=slug,
                    soc=row["soc"],
                    priority=row["priority"],
                    annual_openings=row["annual_openings"],
                    notes=row["notes"],
                )
        for i, row in enumerate(document["employer_wages"]):
            with self.at(f"employer_wages[{i}]"):
                values = {**row, "reported_on": parse_day(row["reported_on"])}
                employer_wages.add_employer_wage(
                    session=session, actor=actor, slug=slug, values=values
                )
        for i, row in enumerate(document["requirement_overrides"]):
            with self.at(f"requirement_overrides[{i}]"):
                credential = row["credential"]
                requirement_overrides.add_override(
                    session=session,
                    actor=actor,
                    slug=slug,
                    soc=row["soc"],
                    skill=row["skill"],
                    credential=None
                    if credential is None
                    else credentials[(credential["name"], credential["issuer"])],
                    values={key: row[key] for key in requirement_overrides.EDITABLE},
                )
        for i, entry in enumerate(document["pathways"]):
            with self.at(f"pathways[{i}]"):
                restore_version(
                    session=session,
                    actor=actor,
                    partnership=slug,
                    slug=entry["slug"],
                    record=version_record(entry, credentials),
                )
        programs = save_providers(self, document["providers"], region["slug"], credentials)
        return {
            "members": len(part["members"]),
            "critical occupations": len(document["critical_occupations"]),
            "employer wage reports": len(document["employer_wages"]),
            "requirement overrides": len(document["requirement_overrides"]),
            "pathway versions": len(document["pathways"]),
            "credentials": len(credentials),
            "providers": len(document["providers"]),
            "programs": programs,
        }

    def save_logo(self, slug: str, logo: dict[str, str] | None) -> None:
        if logo is None:
            set_logo(
                session=self.session,
                actor=self.actor,
                slug=slug,
                expected_version=None,
                content=None,
            )
            return
        try:
            content = base64.b64decode(logo["base64"], validate=True)
        except binascii.Error as error:
            raise InvalidInput.for_field("logo.base64", f"not valid base64 ({error})") from None
        partnership = set_logo(
            session=self.session,
            actor=self.actor,
            slug=slug,
            expected_version=None,
            content=content,
        )
        if partnership.logo_media_type != logo["media_type"]:
            raise InvalidInput.for_field(
                "logo.media_type",
                f"the file is {partnership.logo_media_type}, not {logo['media_type']}",
            )


def _renamed(field: str) -> str:
    head, dot, last = field.rpartition(".")
    if field in RENAMES:
        return RENAMES[field]
    return f"{head}{dot}{RENAMES[last]}" if last in RENAMES else field


def _join(path: str, field: str) -> str:
    if not field:
        return path
    return f"{path}{field}" if field.startswith("[") else f"{path}.{field}"
