"""The files of one O*NET release (text edition), read one at a time with shared progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pathways.domain.codes import parse_onet_soc
from pathways.domain.imports import ImportSummary
from pathways.importers.cells import parse_cell
from pathways.importers.files import Progress, Table, find_file, read_table

FILES = {
    "occupations": "Occupation Data.txt",
    "zone_reference": "Job Zone Reference.txt",
    "zones": "Job Zones.txt",
    "titles": "Alternate Titles.txt",
    "related": "Related Occupations.txt",
    "skills": "Skills.txt",
    "knowledge": "Knowledge.txt",
    "elements": "Content Model Reference.txt",
    "education": "Education, Training, and Experience.txt",
    "education_categories": "Education, Training, and Experience Categories.txt",
}
CODE = "O*NET-SOC Code"
SPECIALTY = "ratings and relations of O*NET specialty codes (the SOC-level .00 record is used)"


@dataclass
class OnetSource:
    """The O*NET files of one release, each found plain or compressed."""

    directory: Path
    summary: ImportSummary
    progress: Progress | None = None
    paths: dict[str, Path] = field(default_factory=dict)
    _codes: dict[str, str] = field(default_factory=dict)  # as written → checked

    def __post_init__(self) -> None:
        self.paths = {key: find_file(self.directory, name) for key, name in FILES.items()}
        self.summary.files = [path.name for path in self.paths.values()]

    @contextmanager
    def read(
        self, key: str, required: tuple[str, ...]
    ) -> Iterator[tuple[Table, Iterator[tuple[int, list[str]]]]]:
        """One file's table and its (line, values) rows, each counted as read."""
        path = self.paths[key]
        with read_table(path, required, delimiter="\t", progress=self.progress) as (table, rows):
            yield table, self._counted(rows)

    def code(self, table: Table, line: int, values: list[str], index: int) -> str:
        """The O*NET-SOC code in a cell, checked once per distinct code (they repeat a lot)."""
        text = values[index]
        code = self._codes.get(text)
        if code is None:
            code = self._codes[text] = parse_cell(table, line, values, index, parse_onet_soc)
        return code

    def _counted(self, rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
        for row in rows:
            self.summary.read += 1
            yield row


def onet_files(directory: Path) -> list[Path]:
    return [find_file(directory, name) for name in FILES.values()]
