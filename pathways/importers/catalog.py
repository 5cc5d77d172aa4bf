"""The national catalog from `seed_data/`: every importer in dependency order, as described by
`seed_data/catalog.toml`, plus the sample partnerships' regions and workspaces."""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.imports import ImportSummary
from pathways.importers.cip import import_cip_codes, import_crosswalk
from pathways.importers.files import Progress, data_size
from pathways.importers.oews import import_oews
from pathways.importers.onet import import_onet
from pathways.importers.onet_source import onet_files
from pathways.importers.projections import import_projections
from pathways.importers.sample import slice_catalog
from pathways.importers.workspace import load_workspaces
from pathways.services.imports import record_import
from pathways.services.regions import save_region

MANIFEST = "catalog.toml"


@dataclass(frozen=True)
class RegionSeed:
    slug: str
    name: str
    areas: tuple[str, ...]
    description: str | None = None


@dataclass(frozen=True)
class CatalogFiles:
    """Where each source's files are, relative to one directory."""

    onet_release: str
    onet_dir: Path
    oews: tuple[Path, ...]
    cip_codes: Path
    crosswalk: Path
    projections: Path

    def all_files(self) -> list[Path]:
        return [
            *onet_files(self.onet_dir),
            *self.oews,
            self.cip_codes,
            self.crosswalk,
            self.projections,
        ]


@dataclass(frozen=True)
class Manifest:
    files: CatalogFiles
    sample_occupations: frozenset[str]
    regions: tuple[RegionSeed, ...]


def read_manifest(seed_dir: Path) -> Manifest:
    with (seed_dir / MANIFEST).open("rb") as handle:
        data = tomllib.load(handle)
    files = CatalogFiles(
        onet_release=data["onet"]["release"],
        onet_dir=seed_dir / data["onet"]["directory"],
        oews=tuple(seed_dir / name for name in data["oews"]["files"]),
        cip_codes=seed_dir / data["cip"]["codes"],
        crosswalk=seed_dir / data["cip"]["crosswalk"],
        projections=seed_dir / data["projections"]["file"],
    )
    regions = tuple(
        RegionSeed(r["slug"], r["name"], tuple(r["areas"]), r.get("description"))
        for r in data["regions"]
    )
    return Manifest(files, frozenset(data["sample"]["occupations"]), regions)


def catalog_size(seed_dir: Path) -> int:
    """Bytes the full catalog load reads, for a progress bar."""
    return sum(data_size(path) for path in read_manifest(seed_dir).files.all_files())


def seed_catalog(
    session: Session,
    seed_dir: Path,
    *,
    actor: Actor,
    sample: bool = False,
    progress: Progress | None = None,
    report: Callable[[ImportSummary], None] | None = None,
) -> list[ImportSummary]:
    """Load the catalog (or, with `sample`, the slice of it for the sample occupations) and the
    sample regions (as `actor`, in the audit log), recording each import. Everything happens
    in the caller's transaction."""
    manifest = read_manifest(seed_dir)
    summaries: list[ImportSummary] = []
    with _files(manifest, sample) as files:
        steps: list[Callable[[], ImportSummary]] = [
            lambda: import_onet(
                session, files.onet_dir, release=files.onet_release, progress=progress
            ),
            *(
                (lambda path=path: import_oews(session, path, progress=progress))
                for path in files.oews
            ),
            lambda: import_cip_codes(session, files.cip_codes, progress=progress),
            lambda: import_crosswalk(session, files.crosswalk, progress=progress),
            lambda: import_projections(session, files.projections, progress=progress),
        ]
        for step in steps:
            summary = step()
            record_import(session=session, summary=summary)
            summaries.append(summary)
            if report is not None:
                report(summary)
    for region in manifest.regions:
        save_region(
            session=session,
            actor=actor,
            slug=region.slug,
            name=region.name,
            area_codes=region.areas,
            description=region.description,
        )
    load_workspaces(session, seed_dir, actor=actor)  # credentials.toml, partnerships/*.toml
    return summaries


@contextmanager
def _files(manifest: Manifest, sample: bool) -> Iterator[CatalogFiles]:
    if not sample:
        yield manifest.files
        return
    with tempfile.TemporaryDirectory(prefix="pathways-sample-") as scratch:
        yield slice_catalog(manifest.files, manifest.sample_occupations, Path(scratch))
