"""Why an OEWS cell holds no number, in each layout BLS publishes.

Both functions take the twelve wage cells (hourly and annual mean and percentiles, keyed by
domain.wages field names) and return a marker for each cell that is not a number.
"""

from __future__ import annotations

from pathways.domain.wages import ANNUAL_FIELDS, HOURLY_FIELDS, WageMarker

RELEASE_BLANKS = frozenset({"-", ""})
DOWNLOAD_BLANKS = frozenset({"*", "**", "-", ""})


def download_markers(
    cells: dict[str, str], *, annual_only: bool, hourly_only: bool
) -> dict[str, WageMarker]:
    """The BLS `*_dl` layout: `#` top-coded, `*` not available; ANNUAL=TRUE (HOURLY=TRUE) says
    only annual (hourly) wages are published for the occupation."""
    markers: dict[str, WageMarker] = {}
    for field, text in cells.items():
        if text == "#":
            markers[field] = WageMarker.TOP_CODED
        elif text in DOWNLOAD_BLANKS:
            if annual_only and field in HOURLY_FIELDS:
                markers[field] = WageMarker.ANNUAL_ONLY
            elif hourly_only and field in ANNUAL_FIELDS:
                markers[field] = WageMarker.HOURLY_ONLY
            else:
                markers[field] = WageMarker.NOT_RELEASED
    return markers


def release_markers(cells: dict[str, str], footnotes: str) -> dict[str, WageMarker]:
    """The national/state/metro layout: every gap is `-`, explained by the row's footnote codes
    (4: hourly-only or annual-only; 5: at or above the top code; 8: not released)."""
    codes = set(footnotes.replace(" ", "").split(";"))
    blank = {field for field, text in cells.items() if text in RELEASE_BLANKS}
    hourly_gone = blank.issuperset(HOURLY_FIELDS)
    annual_gone = blank.issuperset(ANNUAL_FIELDS)
    markers: dict[str, WageMarker] = {}
    for field in blank:
        if "4" in codes and field in HOURLY_FIELDS and hourly_gone and not annual_gone:
            markers[field] = WageMarker.ANNUAL_ONLY
        elif "4" in codes and field in ANNUAL_FIELDS and annual_gone and not hourly_gone:
            markers[field] = WageMarker.HOURLY_ONLY
        elif "5" in codes:
            markers[field] = WageMarker.TOP_CODED
        else:
            markers[field] = WageMarker.NOT_RELEASED
    return markers
