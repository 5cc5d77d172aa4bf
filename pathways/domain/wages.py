"""Wages as BLS publishes them, and the three levels Pathways shows people.

Figures are US dollars as BLS publishes them (two decimals for hourly, whole dollars for
annual wages); a double holds such a figure exactly as written. A missing figure always carries
the BLS marker that explains it; Pathways never invents a number for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WageMarker(StrEnum):
    NOT_RELEASED = "not_released"  # BLS: estimate not released (`*`, `**`, footnote 8)
    TOP_CODED = "top_coded"  # BLS: at or above $115.00/hour or $239,200/year (`#`, footnote 5)
    ANNUAL_ONLY = "annual_only"  # hourly not published: the occupation is paid by the year
    HOURLY_ONLY = "hourly_only"  # annual not published: the occupation is paid by the hour


PERCENTILES = ("p10", "p25", "median", "p75", "p90")
HOURLY_FIELDS = ("hourly_mean", *(f"hourly_{p}" for p in PERCENTILES))
ANNUAL_FIELDS = ("annual_mean", *(f"annual_{p}" for p in PERCENTILES))
WAGE_FIELDS = HOURLY_FIELDS + ANNUAL_FIELDS

# Wage levels shown to people (SPEC §2): entry = 25th percentile, experienced = 75th.
LEVEL_PERCENTILES = {"entry": "p25", "median": "median", "experienced": "p75"}

MARKER_TEXT = {
    WageMarker.NOT_RELEASED: "not released by BLS",
    WageMarker.TOP_CODED: "at or above $115.00/hour or $239,200/year",
    WageMarker.ANNUAL_ONLY: "BLS publishes only an annual wage for this occupation",
    WageMarker.HOURLY_ONLY: "BLS publishes only an hourly wage for this occupation",
}


# The top codes themselves: BLS publishes no amount at or above them.
TOP_CODES = {"hourly": 115.00, "annual": 239_200.0}


@dataclass(frozen=True, slots=True)
class WageFigure:
    """One published figure: an amount in US dollars, or the marker saying why there is none."""

    dollars: float | None
    marker: WageMarker | None = None

    @property
    def is_known(self) -> bool:
        """A figure a person can act on: an amount, or the fact that it is above the top code."""
        return self.dollars is not None or self.marker is WageMarker.TOP_CODED


@dataclass(frozen=True, slots=True)
class WageLevels:
    entry: WageFigure
    median: WageFigure
    experienced: WageFigure


@dataclass(frozen=True, slots=True)
class AreaRef:
    code: str
    title: str
    kind: str


@dataclass(frozen=True, slots=True)
class WageEstimate:
    """One OEWS row: an occupation's wages in one area for one vintage (May of `vintage`)."""

    soc: str
    area: AreaRef
    vintage: int
    employment: int | None
    figures: dict[str, WageFigure]

    def figure(self, field: str) -> WageFigure:
        return self.figures.get(field, WageFigure(None, WageMarker.NOT_RELEASED))

    def levels(self, basis: str) -> WageLevels:
        """Entry, median and experienced wages, `basis` being "hourly" or "annual"."""
        return WageLevels(
            **{
                level: self.figure(f"{basis}_{percentile}")
                for level, percentile in LEVEL_PERCENTILES.items()
            }
        )

    @property
    def has_median(self) -> bool:
        return self.figure("hourly_median").is_known or self.figure("annual_median").is_known

    @property
    def source_label(self) -> str:
        return f"BLS OEWS May {self.vintage}"


def first_with_median(candidates: list[WageEstimate]) -> WageEstimate | None:
    """The first estimate, in the caller's order of preference, that publishes a median.

    Regions resolve metro → state → nation: a metro row whose median BLS did not release is
    passed over for the state's, rather than showing a blank.
    """
    return next((estimate for estimate in candidates if estimate.has_median), None)
