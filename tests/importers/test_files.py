"""Reading tabular files: plain, .gz and .xz alike, with errors that name file, line and column."""

import csv
import re

import pytest

from pathways.domain.errors import MalformedFile
from pathways.importers.files import data_size, find_file, read_table
from tests.importers.slices import OEWS_STATE, ONET_DIR, Slice, assert_names_place, real_slice

SUFFIXES = ["", ".gz", ".xz"]


def state_slice() -> Slice:
    return real_slice(OEWS_STATE, "OCC_CODE", ("29-1141", "29-2061", "31-1131", "29-0000"))


def skills_slice() -> Slice:
    return real_slice(
        f"{ONET_DIR}/Skills.txt.xz", "O*NET-SOC Code", ("29-2061",), prefix=7, delimiter="\t"
    )


def read_all(path, required=(), **options):
    with read_table(path, required, **options) as (table, rows):
        return table.header, list(rows)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_plain_gzip_and_xz_give_the_same_rows(tmp_path, suffix):
    piece = state_slice()
    header, rows = read_all(piece.write(tmp_path / f"state.csv{suffix}"), ["AREA", "OCC_CODE"])
    assert header == piece.header
    assert [tuple(values) for _, values in rows] == list(piece.rows)
    assert [line for line, _ in rows] == [piece.line(i) for i in range(len(piece.rows))]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_tab_separated_values_are_read_unquoted(tmp_path, suffix):
    piece = skills_slice()
    path = piece.write(tmp_path / f"Skills.txt{suffix}")
    header, rows = read_all(path, ["O*NET-SOC Code", "Data Value"], delimiter="\t")
    assert header == piece.header
    assert [tuple(values) for _, values in rows] == list(piece.rows)


def test_byte_order_mark_is_dropped(tmp_path):
    piece = state_slice()
    header, rows = read_all(piece.write(tmp_path / "state.csv", bom=True), ["AREA"])
    assert header[0] == "AREA"
    assert [tuple(values) for _, values in rows] == list(piece.rows)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_progress_reports_bytes_adding_up_to_the_file_size(tmp_path, suffix):
    path = state_slice().write(tmp_path / f"state.csv{suffix}")
    reported: list[int] = []
    read_all(path, progress=reported.append)
    assert reported
    assert all(n > 0 for n in reported)
    assert sum(reported) == data_size(path) == path.stat().st_size


def test_blank_trailing_line_is_tolerated(tmp_path):
    piece = state_slice()
    path = tmp_path / "state.csv"
    path.write_text(piece.text() + "\n", encoding="utf-8")
    _, rows = read_all(path)
    assert len(rows) == len(piece.rows)


def test_find_file_takes_a_plain_or_compressed_copy(tmp_path):
    skills_slice().write(tmp_path / "Skills.txt.xz")
    assert find_file(tmp_path, "Skills.txt") == tmp_path / "Skills.txt.xz"
    with pytest.raises(MalformedFile, match=re.escape("Knowledge.txt is missing")):
        find_file(tmp_path, "Knowledge.txt")


def test_missing_required_column_names_it(tmp_path):
    path = state_slice().without_column("OCC_CODE").write(tmp_path / "state.csv")
    with pytest.raises(MalformedFile) as caught:
        read_all(path, ["AREA", "OCC_CODE"])
    assert_names_place(caught.value, "state.csv", 1, "OCC_CODE")


def test_empty_file_is_malformed(tmp_path):
    path = tmp_path / "state.csv"
    path.write_bytes(b"")
    with pytest.raises(MalformedFile) as caught:
        read_all(path)
    assert (caught.value.file, caught.value.line) == ("state.csv", 1)


def test_row_with_too_few_values_names_file_and_line(tmp_path):
    piece = state_slice().with_short_row(3)
    with pytest.raises(MalformedFile) as caught:
        read_all(piece.write(tmp_path / "state.csv"))
    error = caught.value
    assert (error.file, error.line) == ("state.csv", piece.line(3))
    assert str(error).startswith(f"state.csv, line {piece.line(3)}, column ")
    assert f"expected {len(piece.header)} values, found {len(piece.header) - 1}" in str(error)


def test_row_with_too_few_values_names_the_first_missing_column(tmp_path):
    piece = state_slice().with_short_row(3)
    with pytest.raises(MalformedFile) as caught:
        read_all(piece.write(tmp_path / "state.csv"))
    assert_names_place(caught.value, "state.csv", piece.line(3), piece.header[-1])


def test_bad_quoting_names_file_and_line(tmp_path):
    piece = state_slice()
    path = tmp_path / "state.csv"
    lines = piece.text().splitlines(keepends=True)
    lines[2] = '"' + lines[2].replace(",", '"x,', 1)  # "0100000"x: text after a closing quote
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(MalformedFile) as caught:
        read_all(path)
    assert (caught.value.file, caught.value.line) == ("state.csv", 3)


def non_utf8_copy(piece: Slice, row: int) -> bytes:
    """The slice with one Latin-1 byte in the title of `rows[row]`."""
    lines = piece.text().encode().split(b"\n")
    line = piece.line(row) - 1
    title = piece.records()[row]["OCC_TITLE"].encode()
    assert title in lines[line]
    lines[line] = lines[line].replace(title, title + "\xe9".encode("latin-1"), 1)
    return b"\n".join(lines)


def test_non_utf8_byte_is_malformed(tmp_path):
    piece = state_slice()
    path = tmp_path / "state.csv"
    path.write_bytes(non_utf8_copy(piece, 5))
    with pytest.raises(MalformedFile) as caught:
        read_all(path)
    assert caught.value.file == "state.csv"
    assert "decode" in str(caught.value) or "UTF-8" in str(caught.value)


def test_non_utf8_byte_names_its_line(tmp_path):
    piece = state_slice()
    path = tmp_path / "state.csv"
    path.write_bytes(non_utf8_copy(piece, 5))
    with pytest.raises(MalformedFile) as caught:
        read_all(path)
    assert (caught.value.file, caught.value.line) == ("state.csv", piece.line(5))


def test_slices_are_real_rows(tmp_path):
    """The helper copies rows unchanged: the csv module reads back the seed file's own rows."""
    piece = state_slice()
    path = piece.write(tmp_path / "state.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        assert [tuple(row) for row in csv.reader(handle)] == [piece.header, *piece.rows]
    assert {record["O_GROUP"] for record in piece.records()} >= {"detailed", "major"}


@pytest.mark.parametrize("suffix", [".gz", ".xz"])
@pytest.mark.parametrize("damage", ["truncated", "not compressed"])
def test_damaged_compressed_file_is_malformed(tmp_path, suffix, damage):
    piece = state_slice()
    path = piece.write(tmp_path / f"state.csv{suffix}")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncated" else piece.text().encode())
    with pytest.raises(MalformedFile) as caught:
        read_all(path)
    assert caught.value.file == path.name
