"""Batched inserts inside the caller's transaction, at close to the driver's own speed.

SQLAlchemy's executemany builds a parameter dict per row, which costs as much as SQLite's insert
itself. Here the INSERT is compiled once for the session's dialect, rows are plain tuples, and
each column's bind processor (JSON, enums) runs only where the column has one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.db import Base

BATCH_SIZE = 5000


class BulkInserter:
    def __init__(
        self,
        session: Session,
        model: type[Base],
        columns: Sequence[str],
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self._connection = session.connection()
        dialect = self._connection.dialect
        table = sa.inspect(model).local_table
        statement = sa.insert(model).values({name: sa.bindparam(name) for name in columns})
        compiled = statement.compile(dialect=dialect)
        self._sql = str(compiled)
        self._columns = tuple(columns)
        order = compiled.positiontup if dialect.positional else None
        positions = [self._columns.index(name) for name in order] if order else None
        # Reorder rows only for a driver that wants positions in some other order.
        self._positional = order is not None
        self._order = None if positions == list(range(len(columns))) else positions
        processors: list[tuple[int, Callable[[Any], Any]]] = []
        for index, name in enumerate(self._columns):
            processor = table.c[name].type._cached_bind_processor(dialect)
            if processor is not None:
                processors.append((index, processor))
        self._processors = processors
        self._batch: list[Sequence[Any]] = []
        self._batch_size = batch_size
        self.written = 0

    def add(self, row: Sequence[Any]) -> None:
        """One row, its values in the order of `columns`."""
        self._batch.append(row)
        if len(self._batch) >= self._batch_size:
            self.flush()

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.add(row)

    def flush(self) -> None:
        if not self._batch:
            return
        rows = (
            [self._prepare(row) for row in self._batch]
            if self._processors
            else [tuple(row) for row in self._batch]
        )
        if self._positional:
            order = self._order
            parameters: list[Any] = (
                rows if order is None else [tuple(row[i] for i in order) for row in rows]
            )
        else:
            parameters = [dict(zip(self._columns, row, strict=True)) for row in rows]
        self._connection.exec_driver_sql(self._sql, parameters)
        self.written += len(self._batch)
        self._batch = []

    def _prepare(self, row: Sequence[Any]) -> tuple[Any, ...]:
        values = list(row)
        for index, processor in self._processors:
            if values[index] is not None:
                values[index] = processor(values[index])
        return tuple(values)


def insert_rows(
    session: Session, model: type[Base], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    inserter = BulkInserter(session, model, columns)
    inserter.extend(rows)
    inserter.flush()
    return inserter.written
