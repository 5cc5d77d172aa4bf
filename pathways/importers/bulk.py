"""Batched inserts inside the caller's transaction, at close to the driver's own speed.

On SQLite, SQLAlchemy's executemany builds a parameter dict per row, which costs as much as the
insert itself; there the INSERT is compiled once and plain tuples go straight to the driver,
after each column's bind processor (JSON, enums) where the column has one. On PostgreSQL,
SQLAlchemy's executemany already batches rows into multi-row INSERTs, and is used as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from pathways.db import Base

BATCH_SIZE = 5000


class _DriverInsert:
    """An INSERT compiled for a driver with positional parameters (sqlite3)."""

    def __init__(self, connection: Connection, model: type[Base], columns: Sequence[str]):
        dialect = connection.dialect
        statement = sa.insert(model).values({name: sa.bindparam(name) for name in columns})
        compiled = statement.compile(dialect=dialect)
        self.connection = connection
        self.sql = str(compiled)
        order = [columns.index(name) for name in compiled.positiontup or ()]
        self.order = None if order == list(range(len(columns))) else order
        table = sa.inspect(model).local_table
        # sqlite3 binds floats and booleans itself; only other conversions (JSON) are run.
        self.processors: list[tuple[int, Callable[[Any], Any]]] = [
            (index, processor)
            for index, name in enumerate(columns)
            if not isinstance(column_type := table.c[name].type, sa.Float | sa.Boolean)
            and (processor := column_type._cached_bind_processor(dialect)) is not None
        ]

    def execute(self, rows: list[Sequence[Any]]) -> None:
        if self.processors or self.order is not None:
            parameters = [self._prepare(row) for row in rows]
        else:
            parameters = [tuple(row) for row in rows]
        self.connection.exec_driver_sql(self.sql, parameters)

    def _prepare(self, row: Sequence[Any]) -> tuple[Any, ...]:
        processed = [(i, f) for i, f in self.processors if row[i] is not None]
        if not processed and self.order is None:
            return tuple(row)  # the usual case: nothing to convert (a wage without markers)
        values = list(row)
        for index, processor in processed:
            values[index] = processor(values[index])
        if self.order is not None:
            return tuple(values[i] for i in self.order)
        return tuple(values)


class BulkInserter:
    """Rows collected and inserted a batch at a time. `before_flush`, if given, sees each batch
    just before it is inserted (to clear the rows it replaces, say)."""

    def __init__(
        self,
        session: Session,
        model: type[Base],
        columns: Sequence[str],
        batch_size: int = BATCH_SIZE,
        before_flush: Callable[[list[Sequence[Any]]], None] | None = None,
    ) -> None:
        connection = session.connection()
        self._columns = tuple(columns)
        self._driver = (
            _DriverInsert(connection, model, self._columns)
            if connection.dialect.positional
            else None
        )
        self._connection = connection
        self._statement = sa.insert(model)
        self._batch: list[Sequence[Any]] = []
        self._batch_size = batch_size
        self._before_flush = before_flush
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
        if self._before_flush is not None:
            self._before_flush(self._batch)
        if self._driver is not None:
            self._driver.execute(self._batch)
        else:
            columns = self._columns
            self._connection.execute(
                self._statement, [dict(zip(columns, row, strict=True)) for row in self._batch]
            )
        self.written += len(self._batch)
        self._batch = []


def upsert(session: Session, model: type[Base], records: Sequence[dict[str, Any]]) -> int:
    """Insert the records whose primary key is new and update the others (by primary key),
    so rows other tables refer to keep their identity. Returns how many were written."""
    (key,) = sa.inspect(model).primary_key
    keys = [record[key.name] for record in records]
    existing = set(session.scalars(sa.select(key).where(key.in_(keys)))) if keys else set()
    new = [record for record in records if record[key.name] not in existing]
    old = [record for record in records if record[key.name] in existing]
    if new:
        session.execute(sa.insert(model), new)
    if old:
        session.execute(sa.update(model), old)
    return len(records)


def insert_rows(
    session: Session, model: type[Base], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    inserter = BulkInserter(session, model, columns)
    inserter.extend(rows)
    inserter.flush()
    return inserter.written
