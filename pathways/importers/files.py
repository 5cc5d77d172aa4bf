"""Streaming tabular files (CSV or tab-separated; plain, .gz or .xz) with errors that say
where: file, line and column."""

from __future__ import annotations

import csv
import gzip
import io
import lzma
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

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
def open_text(path: Path, progress: Progress | None = None) -> Iterator[IO[str]]:
    """Open a plain, gzip or xz file as UTF-8 text (a byte-order mark is dropped)."""
    with path.open("rb") as raw:
        counted = io.BufferedReader(_CountingReader(raw, progress), buffer_size=1 << 16)
        binary: io.BufferedIOBase
        if path.suffix == ".gz":
            binary = gzip.GzipFile(fileobj=counted)
        elif path.suffix == ".xz":
            binary = lzma.LZMAFile(counted)  # noqa: SIM115 - closed by the TextIOWrapper below
        else:
            binary = counted
        with io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as text:
            yield text


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
    quoting or bytes that are not UTF-8.
    """
    with open_text(path, progress) as text:
        reader = csv.reader(text, strict=True, **csv_format(delimiter))
        table = Table(path.name, ())
        try:
            header = tuple(name.strip() for name in next(reader))
        except StopIteration:
            raise table.error(1, None, "the file is empty") from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise table.error(1, None, f"unreadable header ({exc})") from None
        table = Table(path.name, header)
        missing = [column for column in required if column not in header]
        if missing:
            raise table.error(
                1, missing[0], f"missing column(s) {', '.join(missing)}; found {', '.join(header)}"
            )
        yield table, _rows(reader, table)


def csv_format(delimiter: str) -> dict[str, Any]:
    """Tab-separated files (O*NET) use no quoting at all; CSV files quote as needed."""
    if delimiter == "\t":
        return {"delimiter": delimiter, "quoting": csv.QUOTE_NONE, "quotechar": None}
    return {"delimiter": delimiter, "quoting": csv.QUOTE_MINIMAL}


def _rows(reader: Any, table: Table) -> Iterator[tuple[int, list[str]]]:
    width = len(table.header)
    line = 1
    try:
        for values in reader:
            line = reader.line_num
            if len(values) != width:
                if not values or values == [""]:
                    continue  # a blank line, as spreadsheet exports leave at the end
                raise table.error(line, None, f"expected {width} values, found {len(values)}")
            yield line, values
    except csv.Error as exc:
        raise table.error(reader.line_num, None, f"unreadable row ({exc})") from None
    except UnicodeDecodeError as exc:
        raise table.error(line + 1, None, f"not UTF-8 text ({exc.reason})") from None
