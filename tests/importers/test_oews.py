"""OEWS wages and areas from slices of the real BLS files: values, summaries, bad files, re-runs."""

import pytest
import sqlalchemy as sa

from pathways.domain.vocabulary import AreaKind
from pathways.importers.files import data_size
from pathways.importers.oews import AGGREGATE, import_oews
from pathways.models import Area, Occupation, Wage
from tests.importers.slices import (
    FIELD_COLUMNS,
    NO_NUMBER,
    OEWS_AREAS,
    OEWS_M2023,
    OEWS_M2024,
    OEWS_NATIONAL,
    OEWS_STATE,
    assert_names_place,
    dollars,
    fails_cleanly,
    real_slice,
    row_counts,
    whole,
)

NATION = "0000000"
# Registered nurses, LPNs and nursing assistants (in the sample catalog), "Surgeons, All Other"
# (not in it: BLS adds it), and the aggregate rows above them.
SOCS = ("29-1141", "29-2061", "31-1131", "29-1249", "29-0000", "00-0000")
STATES = ("0600000", "1900000", "2200000")  # California, Iowa, Louisiana
TABLES = (Wage, Area, Occupation)


def state_slice():
    return real_slice(OEWS_STATE, "OCC_CODE", SOCS).where(lambda row: row["AREA"] in STATES)


def download_slice(source=OEWS_M2024):
    return real_slice(source, "OCC_CODE", SOCS)


# layout → (slice, the file name it is written under, the vintage that name gives)
LAYOUTS = {
    "may2025": (state_slice, "oews_may2025_state.csv", 2025),
    "dl": (download_slice, "national_M2024_dl.csv", 2024),
}


def area_of(record):
    if "FOOTNOTE_CODES" in record:
        return record["AREA"]
    assert record["AREA_TYPE"] == "1"  # the `_dl` files here are national: AREA 99 is the U.S.
    return NATION


def detailed(piece):
    return [record for record in piece.records() if record["O_GROUP"] == "detailed"]


def stored_wages(session, vintage, areas=None):
    """Plain rows (not ORM objects, which a re-import would leave stale), by (SOC, area)."""
    query = sa.select(Wage.__table__).where(Wage.vintage == vintage)
    if areas is not None:
        query = query.where(Wage.area_code.in_(areas))
    return {(row.soc_code, row.area_code): row for row in session.execute(query)}


def assert_stored_as_published(session, piece, vintage):
    wages = stored_wages(session, vintage, {area_of(record) for record in piece.records()})
    expected = detailed(piece)
    assert {(record["OCC_CODE"], area_of(record)) for record in expected} <= wages.keys()
    for record in expected:
        wage = wages[(record["OCC_CODE"], area_of(record))]
        assert wage.employment == whole(record["TOT_EMP"])
        rse = record["EMP_PRSE"]
        assert wage.employment_rse == (None if rse in NO_NUMBER else float(rse))
        markers = wage.markers or {}
        for field, column in FIELD_COLUMNS.items():
            assert getattr(wage, field) == dollars(record[column]), (field, record)
            assert (field in markers) == (getattr(wage, field) is None), (field, record)


@pytest.mark.parametrize("suffix", ["", ".gz", ".xz"])
def test_may2025_slice_is_stored_as_published(session, tmp_path, suffix):
    piece = state_slice()
    path = piece.write(tmp_path / f"oews_may2025_state.csv{suffix}")
    summary = import_oews(session, path)
    assert summary.vintage == "2025"
    assert_stored_as_published(session, piece, 2025)


@pytest.mark.parametrize("suffix", ["", ".xz"])
def test_download_layout_slice_is_stored_as_published(session, tmp_path, suffix):
    piece = download_slice()
    summary = import_oews(session, piece.write(tmp_path / f"national_M2024_dl.csv{suffix}"))
    assert summary.vintage == "2024"
    assert_stored_as_published(session, piece, 2024)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_summary_adds_up_with_aggregates_skipped(session, tmp_path, layout):
    make, name, vintage = LAYOUTS[layout]
    piece = make()
    summary = import_oews(session, piece.write(tmp_path / name))
    assert (summary.source, summary.vintage) == ("oews", str(vintage))
    aggregates = len(piece.rows) - len(detailed(piece))
    assert aggregates > 0
    assert summary.read == len(piece.rows)
    assert summary.written == len(detailed(piece))
    assert summary.skipped == {AGGREGATE: aggregates}
    assert summary.read == summary.written + summary.skipped_total
    assert summary.files == [name]


def test_occupation_missing_from_the_catalog_is_added_with_its_bls_title(session, tmp_path):
    record = next(r for r in state_slice().records() if r["OCC_CODE"] == "29-1249")
    assert session.get(Occupation, "29-1249") is None
    import_oews(session, state_slice().write(tmp_path / "oews_may2025_state.csv"))
    assert session.get(Occupation, "29-1249").title == record["OCC_TITLE"]


def test_area_missing_from_the_list_is_added_from_the_wage_file(session, tmp_path):
    record = next(r for r in state_slice().records() if r["AREA"] == "1900000")
    session.execute(sa.delete(Wage).where(Wage.area_code == "1900000"))
    session.execute(sa.delete(Area).where(Area.code == "1900000"))
    import_oews(session, state_slice().write(tmp_path / "oews_may2025_state.csv"))
    area = session.get(Area, "1900000")
    assert (area.title, area.kind, area.state_fips) == (
        record["AREA_TITLE"],
        AreaKind.STATE,
        record["STATE_FIPS"],
    )


def test_progress_reports_the_compressed_bytes(session, tmp_path):
    path = state_slice().write(tmp_path / "oews_may2025_state.csv.xz")
    reported = []
    import_oews(session, path, progress=reported.append)
    assert sum(reported) == data_size(path)


def test_file_name_without_a_year_needs_the_vintage_given(session, tmp_path):
    path = state_slice().write(tmp_path / "state.csv")
    error = fails_cleanly(session, lambda: import_oews(session, path), *TABLES)
    assert error.file == "state.csv"
    assert "--vintage" in str(error)
    assert import_oews(session, path, vintage=2025).written == len(detailed(state_slice()))


# Re-imports.


def other_rows(session, vintage, piece):
    """Every stored wage the slice does not carry, as plain tuples."""
    carried = {(record["OCC_CODE"], area_of(record)) for record in detailed(piece)}
    rows = session.execute(sa.select(Wage.__table__).order_by(Wage.id))
    return [row for row in rows if (row.soc_code, row.area_code) not in carried
            or row.vintage != vintage]  # fmt: skip


def test_reimporting_a_vintage_replaces_its_rows_and_nothing_else(session, tmp_path):
    piece = state_slice()
    path = piece.write(tmp_path / "oews_may2025_state.csv")
    untouched = other_rows(session, 2025, piece)
    assert {row.vintage for row in untouched} == {2023, 2024, 2025}
    import_oews(session, path)
    first = stored_wages(session, 2025, STATES)
    import_oews(session, path)
    assert stored_wages(session, 2025, STATES).keys() == first.keys()
    assert_stored_as_published(session, piece, 2025)
    assert other_rows(session, 2025, piece) == untouched


def test_reimport_of_a_corrected_file_updates_the_values(session, tmp_path):
    original, corrected = download_slice(OEWS_M2024), download_slice(OEWS_M2023)
    assert original.rows != corrected.rows
    path = tmp_path / "national_M2024_dl.csv"
    import_oews(session, original.write(path))
    untouched = other_rows(session, 2024, corrected)
    count = len(stored_wages(session, 2024))
    import_oews(session, corrected.write(path))  # May 2023's figures, as if BLS re-issued 2024
    assert len(stored_wages(session, 2024)) == count
    assert_stored_as_published(session, corrected, 2024)
    assert other_rows(session, 2024, corrected) == untouched


def test_a_file_with_fewer_occupations_leaves_the_others_in_its_areas(session, tmp_path):
    # BLS's "target occupations" cut of the metro file, say: it replaces only what it carries.
    nurses = real_slice(OEWS_STATE, "OCC_CODE", ("29-1141",))
    nurses = nurses.where(lambda row: row["AREA"] in STATES)
    before = stored_wages(session, 2025, STATES)
    assert {soc for soc, _ in before} > {"29-1141"}
    import_oews(session, nurses.write(tmp_path / "oews_may2025_state.csv"))
    after = stored_wages(session, 2025, STATES)
    assert after.keys() == before.keys()
    others = [key for key in before if key[0] != "29-1141"]
    assert all(after[key].hourly_median == before[key].hourly_median for key in others)
    assert_stored_as_published(session, nurses, 2025)


def test_another_vintage_is_added_beside_the_old(session, tmp_path):
    national = real_slice(OEWS_NATIONAL, "OCC_CODE", SOCS)
    import_oews(session, national.write(tmp_path / "oews_may2025_national.csv"))
    before_2025 = stored_wages(session, 2025, [NATION])
    session.execute(sa.delete(Wage).where(Wage.vintage == 2024))  # so the import visibly adds
    summary = import_oews(session, download_slice().write(tmp_path / "national_M2024_dl.csv"))
    assert summary.vintage == "2024"
    assert len(stored_wages(session, 2024)) == summary.written == len(detailed(download_slice()))
    assert stored_wages(session, 2025, [NATION]) == before_2025
    assert_stored_as_published(session, national, 2025)
    assert_stored_as_published(session, download_slice(), 2024)


# Malformed files: a clear error naming file, line and column, and nothing written.


@pytest.fixture(params=LAYOUTS)
def layout(request):
    """(the real slice, a function writing a variant of it and returning the import)"""
    make, name, _ = LAYOUTS[request.param]

    def importer(session, tmp_path, piece):
        path = piece.write(tmp_path / name)
        return lambda: import_oews(session, path)

    return make(), name, importer


def last_detailed(piece):
    return max(i for i, record in enumerate(piece.records()) if record["O_GROUP"] == "detailed")


def test_clean_slice_would_change_the_tables(session, tmp_path, layout):
    """So that 'unchanged' in the tests below means the failed import was undone."""
    piece, _, importer = layout
    before = row_counts(session, *TABLES)
    importer(session, tmp_path, piece)()
    assert row_counts(session, *TABLES) != before


@pytest.mark.parametrize("column", ["H_MEDIAN", "A_PCT90", "OCC_CODE"])
def test_renamed_header_column(session, tmp_path, layout, column):
    piece, name, importer = layout
    bad = piece.with_header(column, column.replace("_", " "))
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert_names_place(error, name, 1, column)


def test_missing_column(session, tmp_path, layout):
    piece, name, importer = layout
    bad = piece.without_column("A_MEDIAN")
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert_names_place(error, name, 1, "A_MEDIAN")


def test_may2025_file_without_footnote_codes_names_that_column(session, tmp_path):
    path = state_slice().without_column("FOOTNOTE_CODES").write(tmp_path / LAYOUTS["may2025"][1])
    error = fails_cleanly(session, lambda: import_oews(session, path), *TABLES)
    assert_names_place(error, path.name, 1, "FOOTNOTE_CODES")


def test_row_with_wrong_column_count(session, tmp_path, layout):
    piece, name, importer = layout
    row = last_detailed(piece)
    error = fails_cleanly(session, importer(session, tmp_path, piece.with_short_row(row)), *TABLES)
    assert (error.file, error.line) == (name, piece.line(row))
    assert str(error).startswith(f"{name}, line {piece.line(row)}")


def test_row_with_wrong_column_count_names_the_column(session, tmp_path, layout):
    piece, name, importer = layout
    row = last_detailed(piece)
    error = fails_cleanly(session, importer(session, tmp_path, piece.with_short_row(row)), *TABLES)
    assert_names_place(error, name, piece.line(row), piece.header[-1])


@pytest.mark.parametrize("column", ["H_MEDIAN", "A_PCT25", "TOT_EMP", "EMP_PRSE"])
def test_non_numeric_figure(session, tmp_path, layout, column):
    piece, name, importer = layout
    row = last_detailed(piece)
    bad = piece.with_cell(row, column, "n/a")
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert_names_place(error, name, piece.line(row), column)
    assert "'n/a' is not a number" in str(error)


@pytest.mark.parametrize("column", ["H_MEAN", "A_MEDIAN"])
def test_negative_wage_is_rejected(session, tmp_path, layout, column):
    piece, name, importer = layout
    row = last_detailed(piece)
    bad = piece.with_cell(row, column, "-" + piece.records()[row][column])
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert (error.file, error.line) == (name, piece.line(row))
    assert "negative" in str(error)


def test_negative_wage_names_its_own_column(session, tmp_path, layout):
    piece, name, importer = layout
    row = last_detailed(piece)
    bad = piece.with_cell(row, "A_MEDIAN", "-" + piece.records()[row]["A_MEDIAN"])
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert_names_place(error, name, piece.line(row), "A_MEDIAN")


def test_bad_occupation_code(session, tmp_path, layout):
    piece, name, importer = layout
    row = last_detailed(piece)
    bad = piece.with_cell(row, "OCC_CODE", piece.records()[row]["OCC_CODE"].replace("-", ""))
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert_names_place(error, name, piece.line(row), "OCC_CODE")


def test_duplicate_occupation_and_area(session, tmp_path, layout):
    piece, name, importer = layout
    first = next(i for i, r in enumerate(piece.records()) if r["O_GROUP"] == "detailed")
    bad = piece.plus(piece.rows[first])
    error = fails_cleanly(session, importer(session, tmp_path, bad), *TABLES)
    assert_names_place(error, name, bad.line(-1), "OCC_CODE")
    assert f"first at line {piece.line(first)}" in str(error)


# The area list.

AREAS_NAME = "oews_may2025_areas.csv"
AREA_CODES = (NATION, "0600000", "2200000", "0033740", "0040140", "0100001")


def area_slice():
    return real_slice(OEWS_AREAS, "AREA", AREA_CODES)


def expected_kind(record):
    if record["AREA_TYPE"] == "N":
        return AreaKind.NATIONAL
    if record["AREA_TYPE"] == "S":
        return AreaKind.STATE
    nonmetro = "nonmetropolitan" in record["AREA_TITLE"].lower()
    return AreaKind.NONMETRO if nonmetro else AreaKind.METRO


def test_area_list_is_upserted(session, tmp_path):
    piece = area_slice()
    before = session.scalar(sa.select(sa.func.count()).select_from(Area))
    summary = import_oews(session, piece.write(tmp_path / "oews_may2025_areas.csv.xz"))
    assert (summary.source, summary.read, summary.written) == ("oews-areas", 6, 6)
    assert session.scalar(sa.select(sa.func.count()).select_from(Area)) == before
    session.expire_all()
    kinds = set()
    for record in piece.records():
        area = session.get(Area, record["AREA"])
        assert (area.title, area.state_fips) == (record["AREA_TITLE"], record["PRIM_STATE_FIPS"])
        assert area.kind == expected_kind(record)
        kinds.add(area.kind)
    assert kinds == set(AreaKind)


def test_area_list_reimport_updates_titles(session, tmp_path):
    piece = area_slice()
    retitled = piece
    for i, record in enumerate(piece.records()):
        retitled = retitled.with_cell(i, "AREA_TITLE", record["AREA_TITLE"].upper())
    import_oews(session, retitled.write(tmp_path / AREAS_NAME))
    titles = dict(session.execute(sa.select(Area.code, Area.title)).all())
    for record in piece.records():
        assert titles[record["AREA"]] == record["AREA_TITLE"].upper()


def test_area_list_with_a_renamed_title_column(session, tmp_path):
    path = area_slice().with_header("AREA_TITLE", "TITLE").write(tmp_path / AREAS_NAME)
    error = fails_cleanly(session, lambda: import_oews(session, path), Area)
    assert_names_place(error, AREAS_NAME, 1, "AREA_TITLE")


def test_area_list_with_a_code_that_lost_its_leading_zeros(session, tmp_path):
    piece = area_slice()
    bad = piece.with_cell(2, "AREA", piece.records()[2]["AREA"].lstrip("0"))
    path = bad.write(tmp_path / "areas.csv")
    error = fails_cleanly(session, lambda: import_oews(session, path), Area)
    assert_names_place(error, "areas.csv", bad.line(2), "AREA")


def test_area_list_with_a_duplicate_area(session, tmp_path):
    piece = area_slice()
    path = piece.plus(piece.rows[1]).write(tmp_path / "areas.csv")
    error = fails_cleanly(session, lambda: import_oews(session, path), Area)
    assert_names_place(error, "areas.csv", len(piece.rows) + 2, "AREA")
