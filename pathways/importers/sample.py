"""A small slice of the real catalog (a few occupations, all their rows) for fast tests."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from pathways.importers.files import csv_format, open_text
from pathways.importers.onet_source import FILES as ONET_FILES
from pathways.importers.onet_source import onet_files

if TYPE_CHECKING:
    from pathways.importers.catalog import CatalogFiles

Keep = Callable[[dict[str, str]], bool]


def slice_catalog(files: CatalogFiles, socs: frozenset[str], scratch: Path) -> CatalogFiles:
    """Copies of the catalog files holding only the rows about `socs`, in `scratch`."""
    onet_dir = scratch / "onet"
    onet_dir.mkdir()

    def keep_onet(row: dict[str, str]) -> bool:
        return "O*NET-SOC Code" not in row or row["O*NET-SOC Code"][:7] in socs

    for path, name in zip(onet_files(files.onet_dir), ONET_FILES.values(), strict=True):
        _slice(path, onet_dir / name, keep_onet, delimiter="\t")

    def keep_oews(row: dict[str, str]) -> bool:
        return "OCC_CODE" not in row or row["OCC_CODE"] in socs

    oews = []
    for path in files.oews:
        target = scratch / _plain_name(path)
        _slice(path, target, keep_oews)
        oews.append(target)
    crosswalk = scratch / _plain_name(files.crosswalk)
    _slice(files.crosswalk, crosswalk, lambda row: row["SOC2018Code"] in socs)
    projections = scratch / _plain_name(files.projections)
    code = "2024 National Employment Matrix code"
    _slice(
        files.projections,
        projections,
        lambda row: any(row.get(code, "")[:6] == soc[:6] for soc in socs),
    )
    return replace(
        files, onet_dir=onet_dir, oews=tuple(oews), crosswalk=crosswalk, projections=projections
    )


def _plain_name(path: Path) -> str:
    return path.name.removesuffix(".xz").removesuffix(".gz")


def _slice(source: Path, target: Path, keep: Keep, *, delimiter: str = ",") -> None:
    with open_text(source) as text, target.open("w", encoding="utf-8", newline="") as out:
        reader = csv.reader(text, **csv_format(delimiter))
        writer = csv.writer(out, lineterminator="\n", **csv_format(delimiter))
        header = next(reader)
        writer.writerow(header)
        for values in reader:
            if keep(dict(zip(header, values, strict=False))):
                writer.writerow(values)
