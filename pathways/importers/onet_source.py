"""The files of one O*NET release (text edition), read one at a time with shared progress."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from pathways.domain.imports import ImportSummary
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

    def __post_init__(self) -> None:
        self.paths = {key: find_file(self.directory, name) for key, name in FILES.items()}
        self.summary.files = [path.name for path in self.paths.values()]

    def table(
        self, key: str, required: tuple[str, ...]
    ) -> AbstractContextManager[tuple[Table, Iterator[tuple[int, list[str]]]]]:
        return read_table(self.paths[key], required, delimiter="\t", progress=self.progress)

    def rows(self, key: str, required: tuple[str, ...]) -> Iterator[tuple[Table, int, list[str]]]:
        """Every data row of one file, counted as read."""
        with self.table(key, required) as (table, rows):
            for line, values in rows:
                self.summary.read += 1
                yield table, line, values


def onet_files(directory: Path) -> list[Path]:
    return [find_file(directory, name) for name in FILES.values()]
