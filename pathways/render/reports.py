"""Alignment reports as CSV and PDF (SPEC §3.8): a partnership's matrix of critical occupations
× regional programs, and a provider's programs against its region's critical occupations.
Built from plain values; every user string is escaped (HTML) or defused (CSV formulas)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from pathways.domain.alignment import Alignment, Flag, MatrixRow
from pathways.domain.pathways import SkillGap
from pathways.render.pdf import html_to_pdf

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
FLAG_TEXT = {
    Flag.NO_REGIONAL_PROGRAM: "No regional program",
    Flag.SEATS_BELOW_HALF_OF_OPENINGS: "Seats below half of openings",
    Flag.BEST_COVERAGE_BELOW_60: "Best coverage below 60 %",
}
GAPS_SHOWN = 5


@dataclass(frozen=True, slots=True)
class ProgramLine:
    id: int
    title: str
    provider: str
    cip: str
    seats_per_year: int | None


@dataclass(frozen=True, slots=True)
class ReportHeader:
    title: str  # "Northeast Louisiana Healthcare Partnership"
    region: str
    generated_on: date
    sources: tuple[str, ...]  # data sources with vintages, and the O*NET attribution


@dataclass(frozen=True, slots=True)
class MatrixReport:
    header: ReportHeader
    programs: tuple[ProgramLine, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class ProviderSection:
    partnership: str
    titles: dict[str, str]  # SOC → occupation title
    alignments: tuple[Alignment, ...]


@dataclass(frozen=True, slots=True)
class ProviderReport:
    header: ReportHeader
    programs: tuple[ProgramLine, ...]
    sections: tuple[ProviderSection, ...]


MATRIX_COLUMNS = (
    "soc", "occupation", "annual_openings", "seats_per_year", "seats_unreported",
    "best_coverage_percent", "best_program", "programs_leading_there", "flags",
)  # fmt: skip
PROVIDER_COLUMNS = (
    "partnership", "soc", "occupation", "program", "coverage_percent", "credential_aligned",
    "crosswalk_aligned", "largest_gaps",
)  # fmt: skip


def matrix_csv(report: MatrixReport) -> str:
    programs = {program.id: program for program in report.programs}
    return _csv(MATRIX_COLUMNS, (_matrix_line(row, programs) for row in report.rows))


def provider_csv(report: ProviderReport) -> str:
    programs = {program.id: program for program in report.programs}
    lines = (
        _provider_line(section, found, programs)
        for section in report.sections
        for found in section.alignments
    )
    return _csv(PROVIDER_COLUMNS, lines)


def _matrix_line(row: MatrixRow, programs: dict[int, ProgramLine]) -> list[object]:
    leading = "; ".join(_program(programs, i) for i in row.leading_program_ids)
    flags = "; ".join(FLAG_TEXT[flag] for flag in row.flags)
    best = _program(programs, row.best_program_id)
    return [row.soc, row.title, row.annual_openings, row.seats_per_year, row.seats_unreported,
            row.best_percent, best, leading, flags]  # fmt: skip


def _provider_line(
    section: ProviderSection, found: Alignment, programs: dict[int, ProgramLine]
) -> list[object]:
    gaps = "; ".join(gap_text(gap) for gap in found.gaps[:GAPS_SHOWN])
    return [section.partnership, found.soc, section.titles.get(found.soc, ""),
            _program(programs, found.program_id), found.percent, found.credential_aligned,
            found.crosswalk_aligned, gaps]  # fmt: skip


def matrix_pdf(report: MatrixReport) -> bytes:
    programs = {program.id: program for program in report.programs}
    return html_to_pdf(_template("partnership_alignment.html").render(
        report=report, programs=programs, flag_text=FLAG_TEXT,
    ))  # fmt: skip


def provider_pdf(report: ProviderReport) -> bytes:
    programs = {program.id: program for program in report.programs}
    return html_to_pdf(_template("provider_alignment.html").render(
        report=report, programs=programs, gap_text=gap_text, gaps_shown=GAPS_SHOWN,
    ))  # fmt: skip


def gap_text(gap: SkillGap) -> str:
    return f"{gap.name} ({gap.have_level:g} → {gap.need_level:g})"


def _program(programs: dict[int, ProgramLine], program_id: int | None) -> str:
    program = programs.get(program_id) if program_id is not None else None
    return "" if program is None else f"{program.title} ({program.provider})"


def _csv(header: Sequence[str], lines: Iterable[Sequence[object]]) -> str:
    """RFC 4180 CSV (CRLF), UTF-8 text; None is an empty cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for line in lines:
        writer.writerow(["" if cell is None else _defused(cell) for cell in line])
    return out.getvalue()


def _defused(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def _template(name: str) -> Template:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES / "reports"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return environment.get_template(name)
