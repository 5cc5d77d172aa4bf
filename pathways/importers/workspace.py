"""Partnership workspaces from TOML files: the shared credentials (`credentials.toml`) and one
partnership per file (`partnerships/*.toml`). Everything goes through the services, so a file
is checked exactly as API input is; a bad value is a MalformedFile naming the file and the key
path. Loading brings the database up to date with the file, and loading the same file again
changes nothing: no new pathway versions, no duplicate rows.

What a partnership file lists — members, critical occupations, employer wages, overrides — is
the whole list: rows it no longer lists are removed. Pathways it does not list, and a logo
when it names none, are left alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import NotFound
from pathways.importers.programs import load_programs
from pathways.importers.toml_tables import Table, read_toml
from pathways.importers.workspace_details import (
    save_critical,
    save_employer_wages,
    save_overrides,
)
from pathways.importers.workspace_pathways import save_pathway
from pathways.models import Credential
from pathways.services.credentials import create_credential, occupation_links, update_credential
from pathways.services.partnerships import (
    create_partnership,
    get_partnership,
    set_logo,
    update_partnership,
)
from pathways.services.regions import get_region

CREDENTIALS_FILE = "credentials.toml"
PARTNERSHIPS_DIR = "partnerships"
CREDENTIAL_KEYS = ("key", "name", "type", "issuer", "description", "exam", "renewal",
                   "typical_cost_usd", "source", "occupations")  # fmt: skip
PARTNERSHIP_KEYS = ("sample", "slug", "name", "sector", "region", "description", "logo",
                    "branding", "members", "critical_occupations", "employer_wages",
                    "overrides", "pathways")  # fmt: skip
BRANDING_KEYS = ("brand_name", "primary_color", "accent_color", "contact_line")


def load_workspaces(session: Session, seed_dir: Path, *, actor: Actor) -> list[str]:
    """`credentials.toml` (when there is one), then every `partnerships/*.toml` by name, then
    the providers and programs of their regions (`programs/*.toml`)."""
    path = seed_dir / CREDENTIALS_FILE
    credentials = load_credentials(session, path, actor=actor) if path.exists() else {}
    loaded = [
        load_partnership(session, file, actor=actor, credentials=credentials)
        for file in sorted((seed_dir / PARTNERSHIPS_DIR).glob("*.toml"))
    ]
    load_programs(session, seed_dir, actor=actor, credentials=credentials)
    return loaded


# --- credentials ---------------------------------------------------------------------------


def load_credentials(session: Session, path: Path, *, actor: Actor) -> dict[str, int]:
    """Credential key → id. A credential is known by its name and issuer: created when new,
    else changed to match the file."""
    document = read_toml(path)
    document.only("credentials")
    ids: dict[str, int] = {}
    keys: dict[tuple[str, str], str] = {}
    for entry in document.tables("credentials"):
        key, values, links = credential_values(entry)
        if key in ids:
            raise entry.error("key", f"{key!r} is used twice")
        identity = (values["name"], values["issuer"])
        if identity in keys:
            raise entry.error("name", f"the same name and issuer as credential {keys[identity]!r}")
        keys[identity] = key
        with entry.checked(renames={"typical_cost": "typical_cost_usd"}):
            ids[key] = save_credential(session, actor, values, links)
    return ids


def credential_values(entry: Table) -> tuple[str, dict[str, Any], list[dict[str, str]]]:
    """The key, the service's values and the occupation links of one `[[credentials]]`."""
    entry.only(*CREDENTIAL_KEYS)
    values = {
        "name": entry.text("name").strip(),
        "type": entry.text("type"),
        "issuer": (entry.optional_text("issuer") or "").strip(),
        **{key: entry.optional_text(key) for key in ("description", "exam", "renewal", "source")},
        "typical_cost": entry.optional_cents("typical_cost_usd"),
    }
    links = []
    for link in entry.tables("occupations"):
        link.only("soc", "relation")
        links.append({"soc": link.text("soc"), "relation": link.text("relation")})
    return entry.text("key"), values, links


def save_credential(
    session: Session, actor: Actor, values: Mapping[str, Any], links: Sequence[Mapping[str, str]]
) -> int:
    query = sa.select(Credential).where(
        Credential.name == values["name"], Credential.issuer == values["issuer"]
    )
    found = session.scalar(query)
    if found is None:
        return create_credential(session=session, actor=actor, values=values, occupations=links).id
    current = [
        {"soc": link.soc_code, "relation": link.relation.value}
        for link in occupation_links(session=session, credential_id=found.id)
    ]
    same_links = current == sorted(links, key=lambda link: link["soc"])
    update_credential(
        session=session, actor=actor, credential_id=found.id, expected_version=None,
        changes=values, occupations=None if same_links else links,
    )  # fmt: skip
    return found.id


# --- partnerships --------------------------------------------------------------------------


def load_partnership(
    session: Session, path: Path, *, actor: Actor, credentials: Mapping[str, int]
) -> str:
    """Create the partnership of `path`, or bring it up to date; its slug."""
    document = read_toml(path)
    document.only(*PARTNERSHIP_KEYS)
    document.flag("sample")  # marks the sample partnerships' files; nothing to store
    slug = save_partnership(session, actor, document)
    save_logo(session, actor, slug, document, path.parent)
    save_critical(session, actor, slug, document.tables("critical_occupations"))
    save_employer_wages(session, actor, slug, document.tables("employer_wages"))
    save_overrides(session, actor, slug, document.tables("overrides"), credentials)
    seen: set[str] = set()
    for entry in document.tables("pathways"):
        if entry.text("slug") in seen:
            raise entry.error("slug", f"{entry.text('slug')!r} is used twice")
        seen.add(save_pathway(session, actor, slug, entry, credentials).slug)
    return slug


def partnership_values(document: Table) -> dict[str, Any]:
    branding = document.table("branding")
    branding.only(*BRANDING_KEYS)
    members = []
    for member in document.tables("members"):
        member.only("name", "kind", "website")
        members.append({
            "name": member.text("name"), "kind": member.text("kind"),
            "website": member.optional_text("website"),
        })  # fmt: skip
    return {
        "name": document.text("name"),
        "sector": document.text("sector"),
        "region": document.text("region"),
        "description": document.optional_text("description"),
        **{key: branding.optional_text(key) for key in BRANDING_KEYS},
        "members": members,
    }


def save_partnership(session: Session, actor: Actor, document: Table) -> str:
    slug = document.text("slug")
    values = partnership_values(document)
    with document.checked("region"):
        get_region(session=session, slug=values["region"])
    with document.checked("slug", renames={key: f"branding.{key}" for key in BRANDING_KEYS}):
        try:
            get_partnership(session=session, slug=slug)
        except NotFound:
            return create_partnership(session=session, actor=actor, slug=slug, **values).slug
        update_partnership(
            session=session, actor=actor, slug=slug, expected_version=None, changes=values
        )
    return slug


def save_logo(session: Session, actor: Actor, slug: str, document: Table, folder: Path) -> None:
    """The logo file the document names, from its own folder (and from nowhere else)."""
    name = document.optional_text("logo")
    if name is None:
        return
    if Path(name).name != name:
        raise document.error("logo", f"the name of a file beside {document.file}, not a path")
    path = folder / name
    if not path.is_file():
        raise document.error("logo", f"no file {name!r} beside {document.file}")
    content = path.read_bytes()
    if get_partnership(session=session, slug=slug).logo != content:
        with document.checked():
            set_logo(session=session, actor=actor, slug=slug, expected_version=None,
                     content=content)  # fmt: skip
