"""Streaming tabular files (CSV or tab-separated; plain, .gz or .xz) with errors that say
where: file, line and column."""

from __future__ import annotations

import csv
import gzip
import io
import lzma
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from pathways.domain.errors import MalformedFile

Progress = Callable[[int], None]  # called with the number of (compressed) bytes just read

COMPRESSED_SUFFIXES = (".xz", ".gz")


def find_file(directory: Path, name: str) -> Path:
    """`name` in `directory`, plain or compressed (`Skills.txt`, `Skills.txt.xz`, ...)."""
    for suffix in ("", *COMPRESSED_SUFFIXES):
        candidate = directory / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    raise MalformedFile(str(directory), f"{name} is missing")


def data_size(path: Path) -> int:
    """Bytes on disk, the unit progress is reported in."""
    return path.stat().st_size


class _CountingReader(io.RawIOBase):
    def __init__(self, raw: IO[bytes], progress: Progress | None) -> None:
        self._raw = raw
        self._progress = progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        if self._progress is not None and n:
            self._progress(n)
        return int(n or 0)


@contextmanager
def open_binary(path: Path, progress: Progress | None = None) -> Iterator[io.BufferedIOBase]:
    """Open a plain, gzip or xz file, decompressed, counting raw bytes for `progress`."""
    with path.open("rb") as raw:
        counted = io.BufferedReader(_CountingReader(raw, progress), buffer_size=1 << 16)
        if path.suffix == ".gz":
            with gzip.GzipFile(fileobj=counted) as unzipped:
                yield unzipped
        elif path.suffix == ".xz":
            with lzma.LZMAFile(counted) as unpacked:
                yield unpacked
        else:
            yield counted


@contextmanager
def open_text(path: Path, progress: Progress | None = None) -> Iterator[IO[str]]:
    """Open a plain, gzip or xz file as UTF-8 text (a byte-order mark is dropped)."""
    with open_binary(path, progress) as binary:
        # typeshed gives GzipFile and LZMAFile no type TextIOWrapper accepts; they are streams.
        text = io.TextIOWrapper(cast("IO[bytes]", binary), encoding="utf-8-sig", newline="")
        try:
            yield text
        finally:
            text.detach()  # the binary stream is closed by open_binary


@dataclass(frozen=True)
class Table:
    """The header of a file being read, and how to name its places in errors."""

    name: str
    header: tuple[str, ...]

    def index(self, column: str) -> int:
        return self.header.index(column)

    def error(self, line: int, column: str | int | None, message: str) -> MalformedFile:
        if isinstance(column, int):
            column = self.header[column] if column < len(self.header) else str(column + 1)
        return MalformedFile(self.name, message, line=line, column=column)


@contextmanager
def read_table(
    path: Path,
    required: Sequence[str],
    *,
    delimiter: str = ",",
    progress: Progress | None = None,
) -> Iterator[tuple[Table, Iterator[tuple[int, list[str]]]]]:
    """Yield the table and an iterator of (line number, values) for each data row.

    Stops with MalformedFile for a missing column, a row with the wrong number of values, bad
    quoting, bytes that are not UTF-8, or a damaged compressed file.
    """
    with open_text(path, progress) as text:
        reader = csv.reader(text, strict=True, **csv_format(delimiter))
        table = Table(path.name, ())
        with _reading(path, table, reader):
            first = next(reader, None)
        if first is None:
            raise table.error(1, None, "the file is empty")
        table = Table(path.name, tuple(name.strip() for name in first))
        missing = [column for column in required if column not in table.header]
        if missing:
            raise table.error(
                1,
                missing[0],
                f"missing column(s) {', '.join(missing)}; found {', '.join(table.header)}",
            )
        yield table, _rows(path, reader, table)


def csv_format(delimiter: str) -> dict[str, Any]:
    """Tab-separated files (O*NET) use no quoting at all; CSV files quote as needed."""
    if delimiter == "\t":
        return {"delimiter": delimiter, "quoting": csv.QUOTE_NONE, "quotechar": None}
    return {"delimiter": delimiter, "quoting": csv.QUOTE_MINIMAL}


def _rows(path: Path, reader: Any, table: Table) -> Iterator[tuple[int, list[str]]]:
    width = len(table.header)
    with _reading(path, table, reader):
        for values in reader:
            if len(values) != width:
                if values in ([], [""]):
                    continue  # a blank line, as spreadsheet exports leave at the end
                # Name the first missing column, or the position of the first extra value.
                column = min(len(values), width)
                message = f"expected {width} values, found {len(values)}"
                raise table.error(reader.line_num, column, message)
            yield reader.line_num, values


# What reading a truncated, damaged or mislabelled compressed file raises.
DAMAGED = (EOFError, OSError, lzma.LZMAError, zlib.error)


@contextmanager
def _reading(path: Path, table: Table, reader: Any) -> Iterator[None]:
    """Turn what can go wrong while reading into MalformedFile, naming the place."""
    try:
        yield
    except csv.Error as exc:
        raise table.error(max(reader.line_num, 1), None, f"unreadable row ({exc})") from None
    except UnicodeDecodeError as exc:
        line = _undecodable_line(path)
        raise table.error(line, None, f"not UTF-8 text ({exc.reason})") from None
    except DAMAGED as exc:
        raise MalformedFile(path.name, f"damaged, or not a {path.suffix} file ({exc})") from None


def _undecodable_line(path: Path) -> int:
    """The first line holding bytes that are not UTF-8. Text is decoded ahead of the csv
    reader in large chunks, so the decoder's own position says little; we look again."""
    with open_binary(path) as binary:
        for number, line in enumerate(binary, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1
