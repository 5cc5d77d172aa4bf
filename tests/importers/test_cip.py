"""CIP 2020 codes and the CIP ↔ SOC crosswalk from slices of the real NCES files."""

import pytest
import sqlalchemy as sa

from pathways.importers.cip import import_cip_codes, import_crosswalk
from pathways.models import CipCode, CipSocLink, Occupation
from tests.importers.slices import (
    CIP_CODES,
    CROSSWALK,
    assert_names_place,
    fails_cleanly,
    real_slice,
    row_counts,
)

# Series chosen for what they hold: nursing (51.38, 51.39), a deleted series and its moved
# codes (51.19), a reserved number (51.08), and a NO MATCH crosswalk row (01.05).
SERIES = ("51.08", "51.19", "51.38", "51.39", "01.05")
RETIRED = ("Deleted", "Moved from")
CODES_NAME = "nces_cip2020_codes.csv"
CROSSWALK_NAME = "nces_cip2020_to_soc2018_crosswalk.csv"


def codes_slice():
    return real_slice(CIP_CODES, "CIPCode", SERIES, prefix=5)


def crosswalk_slice():
    return real_slice(CROSSWALK, "CIP2020Code", SERIES, prefix=5)


def clean_title(record):
    return record["CIPTitle"].strip().removesuffix(".")


def kept(records):
    return [r for r in records if r["Action"] not in RETIRED and clean_title(r) != "Reserved"]


def renamed(piece):
    """The slice with every kept code's title upper-cased: what a re-issued file might say."""
    for i, record in enumerate(piece.records()):
        if kept([record]):
            piece = piece.with_cell(i, "CIPTitle", record["CIPTitle"].upper())
    return piece


def stored_titles(session):
    return dict(session.execute(sa.select(CipCode.code, CipCode.title)).all())


@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_codes_are_stored_with_level_title_and_definition(session, tmp_path, suffix):
    piece = codes_slice()
    import_cip_codes(session, piece.write(tmp_path / f"{CODES_NAME}{suffix}"))
    session.expire_all()
    for record in kept(piece.records()):
        code = session.get(CipCode, record["CIPCode"])
        assert code.title == clean_title(record)
        assert code.level == len(record["CIPCode"].replace(".", ""))
        assert code.definition == (record["CIPDefinition"].strip() or None)


def test_codes_summary_counts_retired_and_reserved_codes_as_skipped(session, tmp_path):
    piece = codes_slice()
    summary = import_cip_codes(session, piece.write(tmp_path / CODES_NAME))
    records = piece.records()
    retired = sum(r["Action"] in RETIRED for r in records)
    reserved = sum(r["Action"] not in RETIRED and clean_title(r) == "Reserved" for r in records)
    assert retired > 0
    assert reserved > 0
    assert (summary.read, summary.written) == (len(records), len(kept(records)))
    assert sorted(summary.skipped.values()) == sorted([retired, reserved])
    assert summary.read == summary.written + summary.skipped_total


def test_reimported_codes_are_updated_and_none_deleted(session, tmp_path):
    piece = codes_slice()
    before = row_counts(session, CipCode)
    import_cip_codes(session, renamed(piece).write(tmp_path / CODES_NAME))
    assert row_counts(session, CipCode) == before
    titles = stored_titles(session)
    for record in kept(piece.records()):
        assert titles[record["CIPCode"]] == clean_title(record).upper()


# Codes: malformed files fail with the place named, and nothing is written.


def fails_leaving_titles(session, tmp_path, bad):
    """Import `bad`, made from `renamed(codes_slice())` so that any write would show."""
    path = bad.write(tmp_path / CODES_NAME)
    titles = stored_titles(session)
    error = fails_cleanly(session, lambda: import_cip_codes(session, path), CipCode)
    assert stored_titles(session) == titles
    return error


def last_kept(piece):
    return max(i for i, r in enumerate(piece.records()) if kept([r]))


def test_codes_missing_column(session, tmp_path):
    bad = renamed(codes_slice()).without_column("CIPTitle")
    error = fails_leaving_titles(session, tmp_path, bad)
    assert_names_place(error, CODES_NAME, 1, "CIPTitle")


def test_codes_malformed_code(session, tmp_path):
    piece = renamed(codes_slice())
    row = last_kept(piece)
    bad = piece.with_cell(row, "CIPCode", piece.records()[row]["CIPCode"][:-1])
    error = fails_leaving_titles(session, tmp_path, bad)
    assert_names_place(error, CODES_NAME, piece.line(row), "CIPCode")


def test_codes_duplicate_code(session, tmp_path):
    piece = renamed(codes_slice())
    bad = piece.plus(piece.rows[last_kept(piece)])
    error = fails_leaving_titles(session, tmp_path, bad)
    assert_names_place(error, CODES_NAME, bad.line(-1), "CIPCode")


def test_codes_row_with_wrong_column_count(session, tmp_path):
    piece = renamed(codes_slice())
    row = last_kept(piece)
    error = fails_leaving_titles(session, tmp_path, piece.with_short_row(row))
    assert (error.file, error.line) == (CODES_NAME, piece.line(row))


# The crosswalk.


def catalog_socs(session):
    return set(session.scalars(sa.select(Occupation.soc_code)))


def expected_links(session, piece):
    socs = catalog_socs(session)
    return {
        (r["CIP2020Code"], r["SOC2018Code"])
        for r in piece.records()
        if r["SOC2018Code"] in socs and r["CIP2020Code"] != "99.9999"
    }


def test_crosswalk_replaces_the_links_with_those_of_the_file(session, tmp_path):
    piece = crosswalk_slice()
    expected = expected_links(session, piece)
    assert expected
    import_crosswalk(session, piece.write(tmp_path / f"{CROSSWALK_NAME}.xz"))
    stored = set(session.execute(sa.select(CipSocLink.cip_code, CipSocLink.soc_code)).all())
    assert stored == expected


def test_crosswalk_summary_counts_no_match_and_unknown_occupations(session, tmp_path):
    piece = crosswalk_slice()
    records = piece.records()
    socs = catalog_socs(session)
    no_match = sum(r["SOC2018Code"] == "99-9999" for r in records)
    unknown = sum(r["SOC2018Code"] not in socs | {"99-9999"} for r in records)
    assert no_match > 0
    assert unknown > 0
    summary = import_crosswalk(session, piece.write(tmp_path / CROSSWALK_NAME))
    assert summary.read == len(records)
    assert summary.written == len(expected_links(session, piece))
    assert sorted(summary.skipped.values()) == sorted([no_match, unknown])
    assert summary.read == summary.written + summary.skipped_total


def crosswalk_fails(session, tmp_path, bad):
    path = bad.write(tmp_path / CROSSWALK_NAME)
    links = set(session.execute(sa.select(CipSocLink.cip_code, CipSocLink.soc_code)).all())
    assert len(links) != len(expected_links(session, crosswalk_slice()))
    error = fails_cleanly(session, lambda: import_crosswalk(session, path), CipSocLink)
    assert set(session.execute(sa.select(CipSocLink.cip_code, CipSocLink.soc_code)).all()) == links
    return error


def last_linked(session, piece):
    socs = catalog_socs(session)
    return max(i for i, r in enumerate(piece.records()) if r["SOC2018Code"] in socs)


def test_crosswalk_missing_column(session, tmp_path):
    bad = crosswalk_slice().with_header("SOC2018Code", "SOC2018 Code")
    error = crosswalk_fails(session, tmp_path, bad)
    assert_names_place(error, CROSSWALK_NAME, 1, "SOC2018Code")


def test_crosswalk_malformed_soc_code(session, tmp_path):
    piece = crosswalk_slice()
    row = last_linked(session, piece)
    bad = piece.with_cell(row, "SOC2018Code", piece.records()[row]["SOC2018Code"].replace("-", ""))
    error = crosswalk_fails(session, tmp_path, bad)
    assert_names_place(error, CROSSWALK_NAME, piece.line(row), "SOC2018Code")


def test_crosswalk_duplicate_pair(session, tmp_path):
    piece = crosswalk_slice()
    row = last_linked(session, piece)
    bad = piece.plus(piece.rows[row])
    error = crosswalk_fails(session, tmp_path, bad)
    assert_names_place(error, CROSSWALK_NAME, bad.line(-1), "SOC2018Code")
    assert f"first at line {piece.line(row)}" in str(error)


def test_crosswalk_row_with_wrong_column_count(session, tmp_path):
    piece = crosswalk_slice()
    row = last_linked(session, piece)
    error = crosswalk_fails(session, tmp_path, piece.with_short_row(row))
    assert (error.file, error.line) == (CROSSWALK_NAME, piece.line(row))
