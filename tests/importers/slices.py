"""Slices of the real seed files (header plus chosen rows) for tests, and failed-import checks."""

from __future__ import annotations

import csv
import functools
import gzip
import io
import lzma
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.db import Base
from pathways.domain.errors import MalformedFile
from pathways.importers.files import csv_format, open_text
from tests.conftest import SEED_DIR

Row = tuple[str, ...]
Record = dict[str, str]

OEWS_STATE = "oews/oews_may2025_state.csv.xz"
OEWS_NATIONAL = "oews/oews_may2025_national.csv.xz"
OEWS_AREAS = "oews/oews_may2025_areas.csv.xz"
OEWS_M2023 = "oews/bls_oews_national_M2023_dl.csv.xz"
OEWS_M2024 = "oews/bls_oews_national_M2024_dl.csv.xz"
CIP_CODES = "cip/nces_cip2020_codes.csv.xz"
CROSSWALK = "cip/nces_cip2020_to_soc2018_crosswalk.csv.xz"
PROJECTIONS = "bls_ep/bls_ep_2024_34_table_1_2_occupational_projections.csv.xz"
ONET_DIR = "onet"
ONET_CODE = "O*NET-SOC Code"

# Each stored wage field and the OEWS column it comes from, spelled out here rather than
# borrowed from the importer, so the tests read the files on their own.
FIELD_COLUMNS = {
    f"{basis}_{field}": f"{prefix}_{column}"
    for basis, prefix in (("hourly", "H"), ("annual", "A"))
    for field, column in (
        ("mean", "MEAN"),
        ("p10", "PCT10"),
        ("p25", "PCT25"),
        ("median", "MEDIAN"),
        ("p75", "PCT75"),
        ("p90", "PCT90"),
    )
}
HOURLY_COLUMNS = tuple(column for column in FIELD_COLUMNS.values() if column.startswith("H_"))
ANNUAL_COLUMNS = tuple(column for column in FIELD_COLUMNS.values() if column.startswith("A_"))
NO_NUMBER = frozenset({"", "-", "*", "**", "#"})  # how BLS writes a figure it does not publish


@dataclass(frozen=True)
class Slice:
    """A header and some rows of one real file, in file order."""

    header: Row
    rows: tuple[Row, ...]
    delimiter: str = ","

    def records(self) -> list[Record]:
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]

    def where(self, keep: Callable[[Record], bool]) -> Slice:
        kept = tuple(
            row for row, record in zip(self.rows, self.records(), strict=True) if keep(record)
        )
        return replace(self, rows=kept)

    def plus(self, *rows: Row) -> Slice:
        return replace(self, rows=(*self.rows, *rows))

    def line(self, row: int) -> int:
        """The line of `rows[row]` in the written file (the header is line 1)."""
        return (row % len(self.rows)) + 2

    def with_cell(self, row: int, column: str, value: str) -> Slice:
        i = self.header.index(column)
        changed = list(self.rows)
        changed[row] = (*changed[row][:i], value, *changed[row][i + 1 :])
        return replace(self, rows=tuple(changed))

    def with_short_row(self, row: int) -> Slice:
        """`rows[row]` missing its last value."""
        changed = list(self.rows)
        changed[row] = changed[row][:-1]
        return replace(self, rows=tuple(changed))

    def with_header(self, old: str, new: str) -> Slice:
        return replace(self, header=tuple(new if name == old else name for name in self.header))

    def without_column(self, column: str) -> Slice:
        i = self.header.index(column)
        return Slice(
            tuple(name for j, name in enumerate(self.header) if j != i),
            tuple(tuple(value for j, value in enumerate(row) if j != i) for row in self.rows),
            self.delimiter,
        )

    def text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n", **csv_format(self.delimiter))
        writer.writerow(self.header)
        writer.writerows(self.rows)
        return out.getvalue()

    def write(self, path: Path, *, bom: bool = False) -> Path:
        """Write plain, gzip or xz as the name says (`….csv`, `….csv.gz`, `….csv.xz`)."""
        data = (("\ufeff" if bom else "") + self.text()).encode()
        if path.suffix == ".gz":
            data = gzip.compress(data)
        elif path.suffix == ".xz":
            data = lzma.compress(data)
        path.write_bytes(data)
        return path


@functools.cache
def real_slice(
    relative: str, column: str, values: tuple[str, ...], *, prefix: int = 0, delimiter: str = ","
) -> Slice:
    """Rows of `seed_data/<relative>` whose `column` is one of `values` (compared on the first
    `prefix` characters, when given). A file without that column is kept whole."""
    wanted = frozenset(value[:prefix] if prefix else value for value in values)
    with open_text(SEED_DIR / relative) as text:
        reader = csv.reader(text, **csv_format(delimiter))
        header = tuple(next(reader))
        if column not in header:
            return Slice(header, tuple(tuple(row) for row in reader), delimiter)
        i = header.index(column)
        rows = tuple(
            tuple(row) for row in reader if (row[i][:prefix] if prefix else row[i]) in wanted
        )
    return Slice(header, rows, delimiter)


@functools.cache
def first_rows(relative: str, kinds: tuple[str, ...]) -> Slice:
    """One real row of each kind in EXAMPLES (found by scanning the file), in that order."""
    found: dict[str, Row] = {}
    with open_text(SEED_DIR / relative) as text:
        reader = csv.reader(text)
        header = tuple(next(reader))
        for row in reader:
            record = dict(zip(header, row, strict=True))
            for kind in kinds:
                if kind not in found and EXAMPLES[kind](record):
                    found[kind] = tuple(row)
            if len(found) == len(kinds):
                break
    missing = [kind for kind in kinds if kind not in found]
    assert not missing, f"{relative} has no row of kind {missing}"
    return Slice(header, tuple(found[kind] for kind in kinds))


def _blank(record: Record, columns: tuple[str, ...]) -> bool:
    return all(record[column] == "-" for column in columns)


def _numbers(record: Record, columns: tuple[str, ...]) -> bool:
    return all(record[column] not in NO_NUMBER for column in columns)


def _release(
    footnotes: str, blank: tuple[str, ...], emp_blank: bool = False
) -> Callable[[Record], bool]:
    """A detailed row of the May 2025 layout with these footnotes and exactly these `-` cells."""
    published = tuple(column for column in FIELD_COLUMNS.values() if column not in blank)

    def matches(record: Record) -> bool:
        return (
            record["O_GROUP"] == "detailed"
            and record["FOOTNOTE_CODES"] == footnotes
            and _blank(record, blank)
            and _numbers(record, published)
            and (record["TOT_EMP"] == "-") == emp_blank
        )

    return matches


def _download(record: Record, *, annual: str = "", hourly: str = "", mark: str = "") -> bool:
    return (
        record["O_GROUP"] == "detailed"
        and record["ANNUAL"] == annual
        and record["HOURLY"] == hourly
        and (not mark or mark in (record[column] for column in FIELD_COLUMNS.values()))
    )


ALL_WAGES = tuple(FIELD_COLUMNS.values())
P90 = ("H_PCT90", "A_PCT90")
EXAMPLES: dict[str, Callable[[Record], bool]] = {
    # May 2025 layout: `-` cells explained by FOOTNOTE_CODES.
    "published": _release("", ()),
    "annual only (4)": _release("4", HOURLY_COLUMNS),
    "hourly only (4)": _release("4", ANNUAL_COLUMNS),
    "annual only, top-coded 90th (4;5)": _release("4;5", (*HOURLY_COLUMNS, "A_PCT90")),
    "top-coded (5)": _release("5", ALL_WAGES),
    "top-coded 90th only (5)": _release("5", P90),
    "not released (8)": _release("8", ALL_WAGES),
    "employment not released (8)": _release("8", (), emp_blank=True),
    "annual only, employment not released (4;8)": _release("4;8", HOURLY_COLUMNS, True),
    # BLS `*_dl` layout: `#`, `*` and the ANNUAL/HOURLY flags.
    "dl published": lambda record: _download(record) and _numbers(record, ALL_WAGES),
    "dl top-coded (#)": lambda record: _download(record, mark="#"),
    "dl annual only": lambda record: _download(record, annual="TRUE", mark="*"),
    "dl hourly only": lambda record: _download(record, hourly="TRUE", mark="*"),
}


def onet_slices(socs: tuple[str, ...]) -> dict[str, Slice]:
    """Every O*NET file of the release, cut to the rows about `socs` (reference files whole)."""
    names = sorted(path.name.removesuffix(".xz") for path in (SEED_DIR / ONET_DIR).glob("*.txt.xz"))
    return {
        name: real_slice(f"{ONET_DIR}/{name}.xz", ONET_CODE, socs, prefix=7, delimiter="\t")
        for name in names
    }


def write_onet(slices: dict[str, Slice], directory: Path, suffix: str = "") -> Path:
    directory.mkdir(exist_ok=True)
    for name, piece in slices.items():
        piece.write(directory / f"{name}{suffix}")
    return directory


def dollars(text: str) -> float | None:
    """A BLS dollar figure as written, or None where BLS publishes no number."""
    return None if text in NO_NUMBER else float(text)


def whole(text: str) -> int | None:
    return None if text in NO_NUMBER else int(text.replace(",", ""))


def row_counts(session: Session, *models: type[Base]) -> dict[str, int]:
    return {
        model.__tablename__: session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in models
    }


def fails_cleanly(
    session: Session, run: Callable[[], object], *models: type[Base]
) -> MalformedFile:
    """Run an import that must fail: MalformedFile, and the tables as they were before."""
    before = row_counts(session, *models)
    with pytest.raises(MalformedFile) as caught, session.begin_nested():
        run()
    after = row_counts(session, *models)
    assert after == before, f"{caught.value} — yet rows changed: {before} → {after}"
    return caught.value


def assert_names_place(error: MalformedFile, file: str, line: int, column: str | None) -> None:
    """The error says which file, line and column, as attributes and in its message."""
    assert (error.file, error.line, error.column) == (file, line, column), str(error)
    assert str(error).startswith(f"{file}, line {line}"), str(error)
    if column is not None:
        assert f"column {column}" in str(error), str(error)
