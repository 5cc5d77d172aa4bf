"""BLS markers stay markers: the pure rules for both layouts, and what the importer stores."""

import pytest
import sqlalchemy as sa

from pathways.domain.wages import ANNUAL_FIELDS, HOURLY_FIELDS, WAGE_FIELDS, WageMarker
from pathways.importers.oews import import_oews
from pathways.importers.oews_markers import download_markers, release_markers
from pathways.models import Wage
from tests.importers.slices import (
    EXAMPLES,
    FIELD_COLUMNS,
    OEWS_M2024,
    OEWS_STATE,
    dollars,
    first_rows,
    whole,
)

ANNUAL_ONLY, HOURLY_ONLY = WageMarker.ANNUAL_ONLY, WageMarker.HOURLY_ONLY
TOP_CODED, NOT_RELEASED = WageMarker.TOP_CODED, WageMarker.NOT_RELEASED


def each(fields, marker):
    return dict.fromkeys(fields, marker)


# May 2025 layout: each kind of row in EXAMPLES, and the markers its `-` cells must get.
RELEASE = {
    "published": {},
    "annual only (4)": each(HOURLY_FIELDS, ANNUAL_ONLY),
    "hourly only (4)": each(ANNUAL_FIELDS, HOURLY_ONLY),
    "annual only, top-coded 90th (4;5)": {
        **each(HOURLY_FIELDS, ANNUAL_ONLY),
        "annual_p90": TOP_CODED,
    },
    "top-coded (5)": each(WAGE_FIELDS, TOP_CODED),
    "top-coded 90th only (5)": each(("hourly_p90", "annual_p90"), TOP_CODED),
    "not released (8)": each(WAGE_FIELDS, NOT_RELEASED),
    "employment not released (8)": {},
    "annual only, employment not released (4;8)": each(HOURLY_FIELDS, ANNUAL_ONLY),
}
EMPLOYMENT_NOT_RELEASED = (
    "employment not released (8)",
    "annual only, employment not released (4;8)",
)
DOWNLOAD = ("dl published", "dl top-coded (#)", "dl annual only", "dl hourly only")


def release_examples():
    return first_rows(OEWS_STATE, tuple(RELEASE))


def download_examples():
    return first_rows(OEWS_M2024, DOWNLOAD)


def cells(record):
    return {field: record[column] for field, column in FIELD_COLUMNS.items()}


def marked(record, text, marker):
    """Every wage field whose cell holds `text`, with `marker`."""
    return {field: marker for field, cell in cells(record).items() if cell == text}


def download_expected(kind, record):
    expected = marked(record, "#", TOP_CODED)
    if kind == "dl annual only":
        expected |= marked(record, "*", ANNUAL_ONLY)
    if kind == "dl hourly only":
        expected |= marked(record, "*", HOURLY_ONLY)
    return expected


def test_examples_are_real_rows_of_the_kinds_named():
    state = dict(zip(RELEASE, release_examples().records(), strict=True))
    mixed = state["annual only, top-coded 90th (4;5)"]
    assert (mixed["OCC_TITLE"], mixed["AREA_TITLE"]) == (
        "Athletes and Sports Competitors",
        "California",
    )
    assert state["top-coded 90th only (5)"]["OCC_CODE"] == "29-1249"
    for kind, record in state.items():
        assert EXAMPLES[kind](record)


# The pure rules.


@pytest.mark.parametrize("kind", RELEASE)
def test_release_markers_follow_the_footnote_codes(kind):
    record = release_examples().records()[list(RELEASE).index(kind)]
    assert release_markers(cells(record), record["FOOTNOTE_CODES"]) == RELEASE[kind]


def test_release_markers_read_footnote_codes_with_spaces():
    record = release_examples().records()[list(RELEASE).index("annual only, top-coded 90th (4;5)")]
    assert release_markers(cells(record), "4; 5") == RELEASE["annual only, top-coded 90th (4;5)"]


def test_release_blank_without_a_footnote_is_not_released():
    record = release_examples().records()[list(RELEASE).index("not released (8)")]
    assert release_markers(cells(record), "") == each(WAGE_FIELDS, NOT_RELEASED)


@pytest.mark.parametrize("kind", DOWNLOAD)
def test_download_markers_follow_the_marks_and_flags(kind):
    record = download_examples().records()[DOWNLOAD.index(kind)]
    markers = download_markers(
        cells(record),
        annual_only=record["ANNUAL"] == "TRUE",
        hourly_only=record["HOURLY"] == "TRUE",
    )
    assert markers == download_expected(kind, record)
    assert (kind == "dl published") == (markers == {})


def test_download_hash_is_top_coded():
    record = download_examples().records()[DOWNLOAD.index("dl top-coded (#)")]
    markers = download_markers(cells(record), annual_only=False, hourly_only=False)
    assert markers
    assert set(markers.values()) == {TOP_CODED}


@pytest.mark.parametrize("mark", ["*", "**"])
def test_download_star_without_a_flag_is_not_released(mark):
    record = download_examples().records()[DOWNLOAD.index("dl hourly only")]
    starred = {field: mark if text == "*" else text for field, text in cells(record).items()}
    markers = download_markers(starred, annual_only=False, hourly_only=False)
    assert markers == each(ANNUAL_FIELDS, NOT_RELEASED) | marked(record, "#", TOP_CODED)


def test_download_annual_flag_marks_only_the_hourly_fields():
    record = download_examples().records()[DOWNLOAD.index("dl annual only")]
    markers = download_markers(cells(record), annual_only=True, hourly_only=False)
    assert {field for field, marker in markers.items() if marker == ANNUAL_ONLY} == set(
        HOURLY_FIELDS
    )


# What the importer stores.


def stored(session, vintage):
    query = sa.select(Wage.__table__).where(Wage.vintage == vintage)
    return {(row.soc_code, row.area_code): row for row in session.execute(query)}


def assert_kept(wage, record, expected):
    """Markers exactly as expected; a number for every other figure, none invented."""
    assert (wage.markers or {}) == expected
    for field, column in FIELD_COLUMNS.items():
        assert getattr(wage, field) == (None if field in expected else dollars(record[column]))


def test_may2025_markers_are_stored_and_no_number_invented(session, tmp_path):
    piece = release_examples()
    import_oews(session, piece.write(tmp_path / "oews_may2025_state.csv"))
    wages = stored(session, 2025)
    for kind, record in zip(RELEASE, piece.records(), strict=True):
        wage = wages[(record["OCC_CODE"], record["AREA"])]
        expected = dict(RELEASE[kind])
        if kind in EMPLOYMENT_NOT_RELEASED:
            expected["employment"] = NOT_RELEASED
        assert_kept(wage, record, expected)
        assert wage.employment == whole(record["TOT_EMP"])


def test_download_markers_are_stored_and_no_number_invented(session, tmp_path):
    piece = download_examples()
    import_oews(session, piece.write(tmp_path / "national_M2024_dl.csv.xz"))
    wages = stored(session, 2024)
    for kind, record in zip(DOWNLOAD, piece.records(), strict=True):
        assert_kept(wages[(record["OCC_CODE"], "0000000")], record, download_expected(kind, record))


def test_download_star_without_a_flag_is_stored_as_not_released(session, tmp_path):
    piece = download_examples().where(lambda record: record["HOURLY"] == "TRUE")
    unflagged = piece.with_cell(0, "HOURLY", "")
    import_oews(session, unflagged.write(tmp_path / "national_M2024_dl.csv"))
    record = piece.records()[0]
    wage = stored(session, 2024)[(record["OCC_CODE"], "0000000")]
    assert_kept(wage, record, each(ANNUAL_FIELDS, NOT_RELEASED) | marked(record, "#", TOP_CODED))
