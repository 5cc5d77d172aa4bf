"""BLS employment projections from a slice of the real table 1.2: period, figures, broad groups."""

import re
from decimal import Decimal

import pytest
import sqlalchemy as sa

from pathways.importers.projections import import_projections
from pathways.models import Occupation, Outlook
from tests.importers.slices import (
    PROJECTIONS,
    assert_names_place,
    fails_cleanly,
    real_slice,
    row_counts,
)

CODE = "2024 National Employment Matrix code"
NAME = "bls_ep_2024_34_table_1_2_occupational_projections.csv"
# Summary rows (all occupations, healthcare practitioners, surgeons); line items in the catalog
# (RNs, orthopedic surgeons, nursing assistants, legislators); "Surgeons, all other" (not in
# it); and the broad groups BLS projects in place of detailed occupations (29-2010, 31-1120).
CODES = (
    "00-0000",
    "29-0000",
    "29-1240",
    "29-1141",
    "29-1242",
    "29-1249",
    "31-1131",
    "11-1031",
    "29-2010",
    "31-1120",
)
NOT_AVAILABLE = "—"


def projections_slice():
    return real_slice(PROJECTIONS, CODE, CODES)


def column(piece, phrase):
    (name,) = [name for name in piece.header if phrase in name]
    return name


def period(piece):
    matches = (re.match(r"Employment, (\d{4})$", name) for name in piece.header)
    years = sorted(int(m.group(1)) for m in matches if m)
    assert len(years) == 2
    return years[0], years[1]


def figure(text, scale=1):
    return None if text == NOT_AVAILABLE else Decimal(text) * scale


def expected_outlook(piece, record):
    """The stored fields, parsed here from the row with Decimal (thousands → people)."""
    base, target = period(piece)
    median = record[column(piece, "Median annual wage")]
    return {
        "reported_soc": record[CODE],
        "reported_title": record[column(piece, "Employment Matrix title")],
        "employment_base": figure(record[f"Employment, {base}"], 1000),
        "employment_target": figure(record[f"Employment, {target}"], 1000),
        "change_percent": figure(record[column(piece, "Employment change, percent")]),
        "annual_openings": figure(record[column(piece, "Occupational openings")], 1000),
        "self_employed_percent": figure(record[column(piece, "Percent self employed")]),
        "median_annual_wage": figure(median.removeprefix(">=$").replace(",", "")),
        "median_wage_top_coded": median.startswith(">="),
        "typical_education": record["Typical education needed for entry"],
        "work_experience": record["Work experience in a related occupation"],
        "on_the_job_training": record[column(piece, "Typical on-the-job training")],
    }


def stored(session, soc):
    query = sa.select(Outlook.__table__).where(Outlook.soc_code == soc)
    return dict(session.execute(query).mappings().one())


def records():
    return projections_slice().records()


def record_for(soc):
    return next(r for r in records() if r[CODE] == soc)


def catalog(session):
    return set(session.scalars(sa.select(Occupation.soc_code)))


def load(session, tmp_path, piece=None, name=NAME):
    return import_projections(session, (piece or projections_slice()).write(tmp_path / name))


def assert_describes(session, soc, record):
    expected = expected_outlook(projections_slice(), record)
    got = stored(session, soc)
    for key, value in expected.items():
        if isinstance(value, Decimal):
            assert got[key] == pytest.approx(float(value)), key
        else:  # text BLS leaves as "—" is stored as no value
            assert got[key] == (None if value == NOT_AVAILABLE else value), key


def test_period_comes_from_the_header(session, tmp_path):
    base, target = period(projections_slice())
    summary = load(session, tmp_path, name=f"{NAME}.xz")
    assert summary.vintage == f"{base}-{target}"
    years = session.execute(sa.select(Outlook.base_year, Outlook.target_year).distinct()).all()
    assert years == [(base, target)]


def test_line_items_in_the_catalog_are_stored_as_published(session, tmp_path):
    load(session, tmp_path)
    socs = catalog(session)
    line_items = [r for r in records() if r["Occupation type"] == "Line item" and r[CODE] in socs]
    assert len(line_items) >= 5
    for record in line_items:
        assert_describes(session, record[CODE], record)


def test_broad_group_describes_detailed_occupations_without_their_own_row(session, tmp_path):
    load(session, tmp_path)
    socs = catalog(session)
    for broad in ("29-2010", "31-1120"):
        detailed = sorted(soc for soc in socs if soc[:6] == broad[:6] and soc != broad)
        assert detailed, broad
        for soc in detailed:
            assert soc not in CODES
            assert_describes(session, soc, record_for(broad))
            assert stored(session, soc)["reported_soc"] == broad


def test_median_at_or_above_the_top_code_is_flagged(session, tmp_path):
    load(session, tmp_path)
    socs = catalog(session)
    top_coded = [
        r
        for r in records()
        if r[CODE] in socs and r[column(projections_slice(), "Median annual wage")].startswith(">=")
    ]
    assert top_coded
    for record in top_coded:
        outlook = stored(session, record[CODE])
        assert outlook["median_wage_top_coded"] is True
        assert_describes(session, record[CODE], record)
    assert stored(session, "29-1141")["median_wage_top_coded"] is False


def test_reimporting_the_period_replaces_its_rows(session, tmp_path):
    first = load(session, tmp_path)
    count = row_counts(session, Outlook)
    assert count == {"outlooks": first.written}
    second = load(session, tmp_path)
    assert second.written == first.written
    assert row_counts(session, Outlook) == count


def test_summary_counts_rows_read_written_and_summaries_skipped(session, tmp_path):
    piece = projections_slice()
    socs = catalog(session)
    summary = load(session, tmp_path)
    summaries = sum(r["Occupation type"] == "Summary" for r in piece.records())
    assert summaries == 3
    assert summary.read == len(piece.rows)
    assert summary.skipped["summary rows for occupation groups"] == summaries
    described = {r[CODE] for r in piece.records() if r["Occupation type"] == "Line item"}
    expected = sum(
        soc in described or (soc[:6] + "0" in described and soc[:6] + "0" != soc) for soc in socs
    )
    assert summary.written == expected


def test_every_line_item_is_written_or_skipped(session, tmp_path):
    piece = projections_slice()
    socs = catalog(session)
    assert "29-1249" not in socs
    summary = load(session, tmp_path)
    unused = [
        r
        for r in piece.records()
        if r["Occupation type"] == "Line item"
        and r[CODE] not in socs
        and not any(soc[:6] == r[CODE][:6] and r[CODE].endswith("0") for soc in socs)
    ]
    reason = "occupations not in the catalog (import O*NET or OEWS first)"
    assert summary.skipped[reason] == len(unused)


# Malformed files: the place is named and nothing is written.


def fails(session, tmp_path, bad):
    return fails_cleanly(session, lambda: load(session, tmp_path, bad), Outlook, Occupation)


def last_line_item():
    return max(i for i, r in enumerate(records()) if r["Occupation type"] == "Line item")


@pytest.mark.parametrize("missing", ["Occupation type", "Typical education needed for entry"])
def test_missing_column(session, tmp_path, missing):
    error = fails(session, tmp_path, projections_slice().without_column(missing))
    assert_names_place(error, NAME, 1, missing)


@pytest.mark.parametrize(
    "phrase", ["Employment, 2034", "Occupational openings", "Median annual wage"]
)
def test_non_numeric_value(session, tmp_path, phrase):
    piece = projections_slice()
    name = column(piece, phrase)
    row = last_line_item()
    error = fails(session, tmp_path, piece.with_cell(row, name, "unknown"))
    assert_names_place(error, NAME, piece.line(row), name)


def test_duplicate_occupation(session, tmp_path):
    piece = projections_slice()
    bad = piece.plus(piece.rows[last_line_item()])
    error = fails(session, tmp_path, bad)
    assert_names_place(error, NAME, bad.line(-1), CODE)


def test_row_with_wrong_column_count(session, tmp_path):
    piece = projections_slice()
    row = last_line_item()
    error = fails(session, tmp_path, piece.with_short_row(row))
    assert (error.file, error.line) == (NAME, piece.line(row))
