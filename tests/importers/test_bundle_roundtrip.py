"""A partnership bundle round-trips exactly: export the sample partnership (with archived,
published and draft versions), import it into a fresh installation that has only the catalog,
export it there — the same bytes. Importing it again changes nothing; a changed bundle
replaces the partnership only when asked to."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from pathways.db import make_engine
from pathways.domain.access import Actor
from pathways.domain.bundle import dumps
from pathways.domain.errors import Conflict
from pathways.domain.vocabulary import PathwayStatus
from pathways.importers import catalog
from pathways.importers.bundle import import_bundle
from pathways.importers.bundle_export import export_bundle
from pathways.importers.bundle_schema import SCHEMA
from pathways.migrations import upgrade
from pathways.models import AuditEvent, Partnership, Pathway
from pathways.services.pathways import publish_pathway, update_pathway
from pathways.services.regions import delete_region

SEED_DIR = Path(__file__).resolve().parents[2] / "seed_data"
ACTOR = Actor.operator("bundle-tests")
SLUG = "ne-louisiana-healthcare"


@pytest.fixture
def catalog_only(empty_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """Another installation: migrated, with the sample catalog and regions, but none of the
    sample partnerships, credentials or programs."""
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    monkeypatch.setattr(catalog, "load_workspaces", lambda *args, **kwargs: [])
    with Session(engine) as session:
        catalog.seed_catalog(session, SEED_DIR, actor=ACTOR, sample=True)
        session.commit()
    yield engine
    engine.dispose()


def with_every_status(session: Session) -> None:
    """cna-to-rn as version 1 archived, 2 published, 3 a draft."""
    update_pathway(
        session=session,
        actor=ACTOR,
        slug="cna-to-rn",
        expected_tag=None,
        changes={"summary": "Version 2 of the sample pathway."},
    )
    publish_pathway(session=session, actor=ACTOR, slug="cna-to-rn", expected_tag=None)
    update_pathway(
        session=session,
        actor=ACTOR,
        slug="cna-to-rn",
        expected_tag=None,
        changes={"title": "CNA to RN (draft 3)"},
    )


def keys(value: object) -> Iterator[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from keys(item)


def audit_count(session: Session) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) or 0


def test_export_import_export_gives_the_same_bytes(session, catalog_only):
    with_every_status(session)
    exported = export_bundle(session=session, actor=ACTOR, slug=SLUG)
    assert export_bundle(session=session, actor=ACTOR, slug=SLUG) == exported
    document = json.loads(exported)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    statuses = [(p["slug"], p["number"], p["status"]) for p in document["pathways"]]
    assert statuses[:3] == [
        ("cna-to-rn", 1, "archived"),
        ("cna-to-rn", 2, "published"),
        ("cna-to-rn", 3, "draft"),
    ]
    assert document["partnership"]["logo"]["media_type"] == "image/svg+xml"
    assert document["providers"]
    assert document["credentials"]
    assert not [key for key in keys(document) if key == "id" or key.endswith("_id")]

    with Session(catalog_only) as other:
        # The region is made from the bundle too, when the installation lacks it.
        delete_region(
            session=other, actor=ACTOR, slug=document["region"]["slug"], expected_version=None
        )
        result = import_bundle(other, exported, file="nela.json", actor=ACTOR)
        other.commit()
        assert result.outcome == "created"
        assert result.counts["pathway versions"] == len(document["pathways"])
        again = export_bundle(session=other, actor=ACTOR, slug=SLUG)
        archived = other.scalar(
            sa.select(Pathway).where(Pathway.slug == "cna-to-rn", Pathway.number == 1)
        )
        assert archived is not None
        assert archived.status is PathwayStatus.ARCHIVED
        events = other.scalars(sa.select(AuditEvent.actor).distinct()).all()
        assert set(events) == {"cli:bundle-tests"}
    assert again == exported


def test_importing_the_same_bundle_again_changes_nothing(session, catalog_only):
    exported = export_bundle(session=session, actor=ACTOR, slug=SLUG)
    with Session(catalog_only) as other:
        import_bundle(other, exported, file="nela.json", actor=ACTOR)
        other.commit()
        before = audit_count(other)
        for replace in (False, True):
            result = import_bundle(other, exported, file="nela.json", actor=ACTOR, replace=replace)
            assert result.outcome == "unchanged"
            assert result.lines() == [
                f"partnership {SLUG} is already as the bundle says: nothing to change"
            ]
        assert audit_count(other) == before
        assert export_bundle(session=other, actor=ACTOR, slug=SLUG) == exported


def test_a_changed_bundle_replaces_the_partnership_only_with_replace(session):
    document = json.loads(export_bundle(session=session, actor=ACTOR, slug=SLUG))
    document["critical_occupations"][0]["notes"] = "Changed in the bundle."
    document["pathways"] = [p for p in document["pathways"] if p["slug"] != "cna-to-rn"]
    document["partnership"]["logo"] = None
    document["partnership"]["members"].reverse()
    before = session.scalar(sa.select(Partnership.id).where(Partnership.slug == SLUG))
    changed = dumps(document)
    with pytest.raises(Conflict, match="differs from the bundle; import with --replace"):
        import_bundle(session, changed, file="nela.json", actor=ACTOR)

    result = import_bundle(session, changed, file="nela.json", actor=ACTOR, replace=True)
    assert result.outcome == "replaced"
    assert export_bundle(session=session, actor=ACTOR, slug=SLUG) == changed
    # The same partnership, emptied and filled: its editors keep their access.
    assert session.scalar(sa.select(Partnership.id).where(Partnership.slug == SLUG)) == before
    assert session.scalar(sa.select(Pathway).where(Pathway.slug == "cna-to-rn")) is None
    again = import_bundle(session, changed, file="nela.json", actor=ACTOR, replace=True)
    assert again.outcome == "unchanged"


def test_every_sample_partnership_round_trips_in_place(session):
    """Replacing a partnership with its own bundle, changed back, gives the same bytes."""
    for slug in session.scalars(sa.select(Partnership.slug).order_by(Partnership.slug)).all():
        exported = export_bundle(session=session, actor=ACTOR, slug=slug)
        document = json.loads(exported)
        document["partnership"]["description"] = "Changed."
        import_bundle(session, dumps(document), file="x.json", actor=ACTOR, replace=True)
        document["partnership"]["description"] = json.loads(exported)["partnership"]["description"]
        import_bundle(session, dumps(document), file="x.json", actor=ACTOR, replace=True)
        assert export_bundle(session=session, actor=ACTOR, slug=slug) == exported, slug
