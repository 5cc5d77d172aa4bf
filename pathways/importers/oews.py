"""BLS Occupational Employment and Wage Statistics (OEWS): areas and wage estimates.

Reads the three layouts BLS data comes in: the `*_dl` download layout (AREA 99 = U.S.; `*`,
`**` and `#` markers; ANNUAL/HOURLY flags), the national/state/metro layout (seven-digit areas;
`-` cells explained by FOOTNOTE_CODES 4, 5, 8), and the area list. Only cross-industry rows
for detailed occupations are wages; aggregates are counted as skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pathways.domain.codes import NATIONAL_AREA, parse_soc, state_area_code
from pathways.domain.errors import MalformedFile
from pathways.domain.imports import ImportSummary
from pathways.domain.search import search_text
from pathways.domain.vocabulary import AreaKind
from pathways.domain.wages import WageMarker
from pathways.importers.bulk import BulkInserter, upsert
from pathways.importers.cells import count, number, parse_cell
from pathways.importers.files import Progress, Table, read_table
from pathways.importers.oews_markers import download_markers, release_markers
from pathways.models import Area, Occupation, Wage

AREA_COLUMNS = ("AREA", "AREA_TYPE", "PRIM_STATE_FIPS", "AREA_TITLE")
# Where each stored figure comes from (field names as in domain.wages, hourly then annual).
SOURCE_COLUMNS = {
    "hourly_mean": "H_MEAN",
    "hourly_p10": "H_PCT10",
    "hourly_p25": "H_PCT25",
    "hourly_median": "H_MEDIAN",
    "hourly_p75": "H_PCT75",
    "hourly_p90": "H_PCT90",
    "annual_mean": "A_MEAN",
    "annual_p10": "A_PCT10",
    "annual_p25": "A_PCT25",
    "annual_median": "A_MEDIAN",
    "annual_p75": "A_PCT75",
    "annual_p90": "A_PCT90",
}
COMMON_COLUMNS = ("AREA", "AREA_TITLE", "AREA_TYPE", "OCC_CODE", "OCC_TITLE", "O_GROUP",
                  "TOT_EMP", "EMP_PRSE", *SOURCE_COLUMNS.values())  # fmt: skip
WAGE_FILE_COLUMNS = {"OCC_CODE", "TOT_EMP", "H_MEDIAN", "A_MEDIAN"}  # any one means wages
RELEASE_COLUMNS = (*COMMON_COLUMNS, "STATE_FIPS", "FOOTNOTE_CODES")  # national/state/metro
DOWNLOAD_COLUMNS = (*COMMON_COLUMNS, "PRIM_STATE", "NAICS", "ANNUAL", "HOURLY")  # BLS *_dl
AGGREGATE = "aggregate SOC groups (only detailed occupations have wages)"
INDUSTRY = "industry-specific rows (only cross-industry estimates are kept)"
NOT_PUBLISHED = frozenset({"-", "*", "**", ""})
T = TypeVar("T")
_VINTAGE_IN_NAME = re.compile(r"(?:^|[^a-z])(?:m|may)_?(\d{4})(?:[^0-9]|$)", re.IGNORECASE)


def vintage_from_name(path: Path) -> int | None:
    """The May reference year in a BLS file name: `national_M2024_dl.csv`, `oews_may2025_…`."""
    match = _VINTAGE_IN_NAME.search(path.name)
    return int(match.group(1)) if match else None


def import_oews(
    session: Session, path: Path, *, vintage: int | None = None, progress: Progress | None = None
) -> ImportSummary:
    """Load one OEWS file. Each row replaces the row of the same occupation, area and vintage
    from an earlier import; rows the file does not carry, and other vintages, stay."""
    with read_table(path, AREA_COLUMNS[:1], progress=progress) as (table, rows):
        vintage = vintage or vintage_from_name(path)
        if not WAGE_FILE_COLUMNS & set(table.header):  # the list of areas
            _require(table, AREA_COLUMNS)
            return _import_areas(session, table, rows, vintage)
        # BLS's *_dl files say which industry a row is for; the release layout does not.
        _require(table, DOWNLOAD_COLUMNS if "NAICS" in table.header else RELEASE_COLUMNS)
        if vintage is None:
            raise MalformedFile(
                path.name,
                "cannot tell the May reference year from the file name; give it with --vintage",
            )
        return _WageLoader(session, path, table, vintage).load(rows)


def _require(table: Table, columns: tuple[str, ...]) -> None:
    missing = [column for column in columns if column not in table.header]
    if missing:
        raise table.error(1, missing[0], f"missing column(s) {', '.join(missing)}")


def _area_kind(area_type: str, title: str) -> AreaKind:
    if area_type in ("N", "1"):
        return AreaKind.NATIONAL
    if area_type in ("S", "2", "3"):
        return AreaKind.STATE
    return AreaKind.NONMETRO if "nonmetropolitan" in title.lower() else AreaKind.METRO


def _import_areas(
    session: Session, table: Table, rows: Iterator[tuple[int, list[str]]], vintage: int | None
) -> ImportSummary:
    summary = ImportSummary("oews-areas", str(vintage or ""), [table.name])
    code_i, type_i, fips_i, title_i = (table.index(column) for column in AREA_COLUMNS)
    areas: dict[str, dict[str, Any]] = {}
    for line, values in rows:
        summary.read += 1
        code = values[code_i].strip()
        if not (len(code) == 7 and code.isdigit()):
            raise table.error(line, code_i, f"{code!r} is not an OEWS area code (seven digits)")
        if code in areas:
            raise table.error(line, code_i, f"duplicate area {code}")
        title = values[title_i].strip()
        areas[code] = {
            "code": code,
            "title": title,
            "kind": _area_kind(values[type_i].strip(), title),
            "state_fips": values[fips_i].strip().zfill(2),
        }
    summary.written = upsert(session, Area, list(areas.values()))
    return summary


WAGE_COLUMNS = (
    "soc_code",
    "area_code",
    "vintage",
    "employment",
    "employment_rse",
    *SOURCE_COLUMNS,
    "markers",
)


class _WageLoader:
    """One pass over a wage file: validate each row, add missing areas and occupations as they
    appear, and insert in batches, each replacing the earlier rows it carries anew."""

    def __init__(self, session: Session, path: Path, table: Table, vintage: int) -> None:
        self.session = session
        self.path = path
        self.table = table
        self.vintage = vintage
        self.summary = ImportSummary("oews", str(vintage), [table.name])
        self.known_areas = set(session.scalars(sa.select(Area.code)))
        self.known_occupations = set(session.scalars(sa.select(Occupation.soc_code)))
        self.area_codes: dict[tuple[str, str], str] = {}  # (AREA, AREA_TYPE) → area code
        self.soc_codes: dict[str, str] = {}  # OCC_CODE as written → SOC code
        # A file replaces exactly the rows it carries (occupation × area × vintage): those
        # written before this import began, so a row repeated within the file still meets
        # the unique index. Areas without rows of this vintage need no deleting at all.
        earlier = sa.select(Wage.area_code).where(Wage.vintage == vintage).distinct()
        self.areas_to_replace = set(session.scalars(earlier))
        self.replace_up_to = session.scalar(
            sa.select(sa.func.max(Wage.id)).where(Wage.vintage == vintage)
        )
        self.wages = BulkInserter(
            session,
            Wage,
            WAGE_COLUMNS,
            before_flush=self._clear_replaced if self.areas_to_replace else None,
        )
        index = table.index
        self.release_layout = "FOOTNOTE_CODES" in table.header
        self.i_area, self.i_area_title, self.i_area_type = (
            index("AREA"),
            index("AREA_TITLE"),
            index("AREA_TYPE"),
        )
        self.i_state = index("STATE_FIPS" if self.release_layout else "PRIM_STATE")
        self.i_occ, self.i_occ_title, self.i_group = (
            index("OCC_CODE"),
            index("OCC_TITLE"),
            index("O_GROUP"),
        )
        self.i_emp, self.i_prse = index("TOT_EMP"), index("EMP_PRSE")
        self.figure_indexes = [index(column) for column in SOURCE_COLUMNS.values()]
        self.i_naics = None if self.release_layout else index("NAICS")

    def load(self, rows: Iterator[tuple[int, list[str]]]) -> ImportSummary:
        try:
            read = self._load(rows)
        except IntegrityError:
            # The unique index keeps one row per occupation, area and vintage; only now do we
            # go back to the file to say where the second one is.
            duplicate = self._find_duplicate()
            if duplicate is None:
                raise
            raise duplicate from None
        self.summary.read = read
        self.summary.written = self.wages.written
        return self.summary

    def _load(self, rows: Iterator[tuple[int, list[str]]]) -> int:
        """Every row into the database; returns how many were read."""
        # The hot loop of the largest import (≈200,000 metro rows): locals instead of
        # attribute lookups, one dict lookup per code, and rare cases in methods of their own.
        i_naics, i_group, i_occ, i_area, i_type, i_emp, i_prse = (
            self.i_naics, self.i_group, self.i_occ, self.i_area, self.i_area_type,
            self.i_emp, self.i_prse,
        )  # fmt: skip
        soc_codes, area_codes, vintage = self.soc_codes, self.area_codes, self.vintage
        figures, add, skip = itemgetter(*self.figure_indexes), self.wages.add, self.summary.skip
        read = 0
        for line, values in rows:
            read += 1
            if i_naics is not None and values[i_naics].strip() != "000000":
                skip(INDUSTRY)
                continue
            if values[i_group] != "detailed" and values[i_group].strip() != "detailed":
                skip(AGGREGATE)
                continue
            soc = soc_codes.get(values[i_occ]) or self._first_of_occupation(line, values)
            area = area_codes.get((values[i_area], values[i_type])) or self._first_of_area(
                line, values
            )
            cells = figures(values)
            markers: dict[str, WageMarker] | None = None
            try:  # the common case: every figure published as a plain number
                amounts: list[float | None] = list(map(float, cells))
                if min(amounts) < 0:  # type: ignore[type-var, operator]  # no None on this path
                    self._negative(line, amounts)
            except (ValueError, OverflowError):
                amounts, markers = self._figures_with_markers(line, values, cells)
            try:
                employment: int | None = int(values[i_emp])
                rse: float | None = float(values[i_prse])
            except ValueError:
                employment, rse, markers = self._employment(line, values, markers)
            add((soc, area, vintage, employment, rse, *amounts, markers))
        self.wages.flush()
        return read

    def _first_of_occupation(self, line: int, values: list[str]) -> str:
        """Check a code the first time it appears; add occupations BLS publishes that the
        catalog lacks (it reports 31-1120 where O*NET has 31-1121 and 31-1122)."""
        soc = parse_cell(self.table, line, values, self.i_occ, parse_soc)
        if soc not in self.known_occupations:
            title = values[self.i_occ_title].strip()
            self.session.execute(
                sa.insert(Occupation),
                [{"soc_code": soc, "title": title, "search_text": search_text(title)}],
            )
            self.known_occupations.add(soc)
        self.soc_codes[values[self.i_occ]] = soc
        return soc

    def _clear_replaced(self, batch: list[Sequence[Any]]) -> None:
        replaced = self.areas_to_replace
        keys = {(row[0], row[1]) for row in batch if row[1] in replaced}  # (soc, area)
        if not keys:
            return
        self.session.execute(
            sa.delete(Wage).where(
                Wage.vintage == self.vintage,
                Wage.id <= self.replace_up_to,
                sa.tuple_(Wage.soc_code, Wage.area_code).in_(keys),
            )
        )

    def _find_duplicate(self) -> MalformedFile | None:
        """The first row of the file repeating an earlier row's occupation and area."""
        first_at: dict[tuple[str, str, str], int] = {}
        with read_table(self.path, ()) as (table, rows):
            for line, values in rows:
                if values[self.i_group].strip() != "detailed" or (
                    self.i_naics is not None and values[self.i_naics].strip() != "000000"
                ):
                    continue
                key = (values[self.i_occ], values[self.i_area], values[self.i_area_type])
                first = first_at.setdefault(key, line)
                if first != line:
                    soc = self.soc_codes.get(key[0], key[0])
                    area = self.area_codes.get(key[1:], key[1])
                    message = f"duplicate row for {soc} in area {area} (first at line {first})"
                    return table.error(line, self.i_occ, message)
        return None

    def _negative(self, line: int, amounts: Sequence[float | None]) -> None:
        for amount, i in zip(amounts, self.figure_indexes, strict=True):
            if amount is not None and amount < 0:
                raise self.table.error(line, i, "a wage cannot be negative")

    def _figures_with_markers(
        self, line: int, values: list[str], cells: tuple[str, ...]
    ) -> tuple[list[float | None], dict[str, WageMarker] | None]:
        """Amounts where published, and the BLS marker for every figure that is not."""
        markers = self._markers(values, dict(zip(SOURCE_COLUMNS, cells, strict=True)))
        try:
            amounts: list[float | None] = [
                None if field in markers else float(text)
                for field, text in zip(SOURCE_COLUMNS, cells, strict=True)
            ]
        except (ValueError, OverflowError):  # a cell neither a number nor a marker: say which
            amounts = [
                None if field in markers else parse_cell(self.table, line, values, i, number)
                for field, i in zip(SOURCE_COLUMNS, self.figure_indexes, strict=True)
            ]
        self._negative(line, amounts)
        return amounts, markers or None

    def _employment(
        self, line: int, values: list[str], markers: dict[str, WageMarker] | None
    ) -> tuple[int | None, float | None, dict[str, WageMarker] | None]:
        employment = self._optional(line, values, self.i_emp, count)
        rse = self._optional(line, values, self.i_prse, number)
        if employment is None:
            markers = {**(markers or {}), "employment": WageMarker.NOT_RELEASED}
        return employment, rse, markers

    def _optional(
        self, line: int, values: list[str], i: int, parse: Callable[[str], T]
    ) -> T | None:
        if values[i].strip() in NOT_PUBLISHED:
            return None
        return parse_cell(self.table, line, values, i, parse)

    def _markers(self, values: list[str], cells: dict[str, str]) -> dict[str, WageMarker]:
        if self.release_layout:
            return release_markers(cells, values[self.table.index("FOOTNOTE_CODES")])
        return download_markers(
            cells,
            annual_only=values[self.table.index("ANNUAL")].strip().upper() == "TRUE",
            hourly_only=values[self.table.index("HOURLY")].strip().upper() == "TRUE",
        )

    def _first_of_area(self, line: int, values: list[str]) -> str:
        """Check an area the first time it appears, and add it if it is new."""
        raw = values[self.i_area].strip()
        area_type = values[self.i_area_type].strip()
        if not raw.isdigit():
            raise self.table.error(line, self.i_area, f"{raw!r} is not an area code")
        if self.release_layout:
            code = raw
        elif area_type == "1":
            code = NATIONAL_AREA
        elif area_type in ("2", "3"):
            code = state_area_code(raw.zfill(2))
        else:
            code = raw.zfill(7)
        if len(code) != 7:
            raise self.table.error(line, self.i_area, f"{raw!r} is not an OEWS area code")
        if code not in self.known_areas:
            self._add_area(code, area_type, values)
        self.area_codes[(values[self.i_area], values[self.i_area_type])] = code
        return code

    def _add_area(self, code: str, area_type: str, values: list[str]) -> None:
        title = values[self.i_area_title].strip()
        state = values[self.i_state].strip()
        fips = "00" if code == NATIONAL_AREA else (state if state.isdigit() else code[:2])
        kind = _area_kind(area_type, title)
        upsert(
            self.session,
            Area,
            [{"code": code, "title": title, "kind": kind, "state_fips": fips.zfill(2)}],
        )
        self.known_areas.add(code)
