"""What an import did, in numbers a person can check against the file."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportSummary:
    source: str  # "onet", "oews", "cip", "crosswalk", "projections"
    vintage: str  # "29.3", "2025" (May 2025 OEWS), "2020", "2024-2034"
    files: list[str] = field(default_factory=list)
    read: int = 0
    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] += count

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def lines(self) -> list[str]:
        head = (
            f"{self.source} {self.vintage}: {self.read} rows read, {self.written} written, "
            f"{self.skipped_total} skipped"
        )
        return [head, *(f"  skipped {n}: {reason}" for reason, n in self.skipped.most_common())]
