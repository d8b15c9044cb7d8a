"""What a projection is, what it receives, and how it writes rows.

A projection turns a batch of events into row changes. It never writes SQL itself: it tells a
:class:`RowWriter` what to add, set or insert, keyed by the table's primary key. The writer folds a
whole batch in memory (a thousand obligations on one line become one update) and the engine writes
the result and the new log position in one transaction.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any, ClassVar, NamedTuple

import orjson
from sqlalchemy import Connection, Table
from sqlalchemy.dialects import sqlite


class Envelope(NamedTuple):
    """One stored event as projections see it: its position and its JSON, undecoded.

    ``name`` is the event class's qualified name (``"BudgetLine.Obligated"``); ``data`` is the stored
    JSON (amounts ``int``; dates, datetimes and UUIDs as ISO strings; enums as their values; tuples as
    lists). Skipping the typed decode is what lets a rebuild read tens of thousands of events a second.
    A named tuple, not a frozen dataclass: a rebuild makes one per event, and a tuple is made
    several times faster (see docs/benchmarks.md).
    """

    position: int
    originator_id: str  # the aggregate's UUID as text, as UUIDs appear in ``data``
    originator_version: int
    name: str
    data: dict[str, Any]


class EveryEvent(frozenset[str]):
    """``handles`` of a projection that needs every event, whatever its name (the hash chain)."""

    def __contains__(self, item: object) -> bool:
        return True


class Projection(ABC):
    """Turns events into rows of its own tables, and nothing else."""

    #: Tracking name; also the name ``cleanledger rebuild NAME`` takes.
    name: ClassVar[str]
    #: The logical tables it owns (readers query views of these names).
    tables: ClassVar[tuple[Table, ...]]
    #: Event names (``Class.Event``) it needs; the engine hands it only these (and reads only these
    #: from the log); ``EveryEvent()`` for all.
    handles: ClassVar[frozenset[str]]
    #: Bump when the tables or the meaning of rows change: the projection is then rebuilt.
    version: ClassVar[int] = 1

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:  # noqa: B027
        """Called before each batch, inside its transaction. ``continuing`` is false when the rows
        may have moved since this process last wrote them (first batch, a rolled-back batch,
        another worker's batch): in-memory lookups must then be dropped and read again.
        ``tables`` maps logical names to this generation's physical tables."""

    @abstractmethod
    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        """Turn ``events`` (in log order) into row changes on ``out``."""


class RowWriter:
    """Row changes of one batch, folded in memory, written by :meth:`flush`.

    - ``add``: additive columns (amounts); rows are created with zero defaults.
    - ``put``: descriptive columns, last value wins; never the columns ``add`` sums.
    - ``insert``: append-only rows (e.g. allocations); ``insert_rows``: many of them at once, as
      tuples in the order of the columns named (e.g. postings: no dictionary per row).

    A row touched by several ``put`` and ``add`` calls in a batch is written once: one upsert that
    sets the put columns and adds the summed ones. Rows of a table are written in as few
    statements as their sets of put columns allow (usually one or two).
    """

    def __init__(self, tables: Mapping[str, Table]) -> None:
        self._tables = tables
        self._inserts: dict[str, list[dict[str, Any]]] = {}
        self._tuples: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}
        # table -> key values -> (key columns, put values, added values)
        self._rows: dict[str, dict[Any, tuple[dict[str, Any], dict[str, Any], dict[str, int]]]] = {}
        self._key_names: dict[str, tuple[str, ...]] = {}
        # table -> (its key columns, its rows, the key's values of a row): one lookup per call on
        # the path of every event
        self._by_table: dict[str, tuple[tuple[str, ...], dict[Any, Any], Callable[[Any], Any]]] = {}
        self._statements: list[Callable[[Connection, Mapping[str, Table]], None]] = []

    def physical(self, table: Table) -> Table:
        return self._tables[table.name]

    def insert(self, table: Table, row: dict[str, Any]) -> None:
        self._inserts.setdefault(table.name, []).append(row)

    def insert_rows(self, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        """Append ``rows``, each a tuple of the values of ``columns`` in that order."""
        if not rows:
            return
        known = self._tuples.get(table.name)
        if known is None:
            self._tuples[table.name] = (columns, list(rows))
        elif known[0] == columns:
            known[1].extend(rows)
        else:
            for row in rows:
                self.insert(table, dict(zip(columns, row, strict=True)))

    def put(self, table: Table, key: Mapping[str, Any], **values: Any) -> None:
        self._row(table, key)[1].update(values)

    def add(self, table: Table, key: Mapping[str, Any], **deltas: int) -> None:
        added = self._row(table, key)[2]
        for column, delta in deltas.items():
            added[column] = added.get(column, 0) + delta

    def _row(
        self, table: Table, key: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, int]]:
        # On the path of every event: kept to a few dictionary operations.
        known = self._by_table.get(table.name)
        if known is None:
            known = self._table(table)
        names, by_key, key_of = known
        values = key_of(key)
        row = by_key.get(values)
        if row is None:
            row = by_key[values] = (
                dict(key) if len(key) == len(names) else {n: key[n] for n in names},
                {},
                {},
            )
        return row

    def _table(self, table: Table) -> tuple[tuple[str, ...], dict[Any, Any], Callable[[Any], Any]]:
        name = table.name
        names = self._key_names.get(name)
        if names is None:
            names = self._key_names[name] = tuple(str(c.name) for c in table.primary_key.columns)
        by_key = self._rows.setdefault(name, {})
        # one column: its value; several: the tuple of their values (itemgetter makes either)
        known = self._by_table[name] = (names, by_key, itemgetter(*names))
        return known

    @property
    def empty(self) -> bool:
        return not (self._inserts or self._tuples or self._rows or self._statements)

    def flush(self, conn: Connection) -> int:
        """Write everything: inserts, then upserts. Returns the rows written."""
        written = 0
        postgres = conn.dialect.name == "postgresql"
        for name, rows in self._inserts.items():
            if postgres:
                _copy_rows(conn, self._tables[name], rows)
            else:
                conn.execute(self._tables[name].insert(), rows)
            written += len(rows)
        for name, (columns, tuples) in self._tuples.items():
            if postgres:
                _copy_tuples(conn, self._tables[name], columns, tuples)
            else:
                conn.execute(
                    self._tables[name].insert(), [dict(zip(columns, row, strict=True)) for row in tuples]
                )
            written += len(tuples)
        for name, by_key in self._rows.items():
            if by_key:
                written += self._upsert(conn, name, list(by_key.values()))
        for statement in self._statements:
            statement(conn, self._tables)
        self._inserts.clear()
        self._tuples.clear()
        self._rows.clear()
        self._by_table.clear()
        self._statements.clear()
        return written

    def then(self, statement: Callable[[Connection, Mapping[str, Table]], None]) -> None:
        """Run ``statement(conn, physical tables)`` after the rows are written, in the same
        transaction: for totals the database can sum from rows just inserted."""
        self._statements.append(statement)

    def _upsert(
        self, conn: Connection, name: str, rows: list[tuple[dict[str, Any], dict[str, Any], dict[str, int]]]
    ) -> int:
        table = self._tables[name]
        keys = self._key_names[name]
        # A statement names the summed columns of the whole batch; a row that adds nothing to one
        # leaves it out and the statement reads it as 0. Put columns are set only by the rows that
        # put them, so rows go in one statement per set of put columns (usually one or two).
        summed = tuple(sorted({column for _, _, added in rows for column in added}))
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for key, puts, added in rows:
            groups.setdefault(tuple(puts), []).append({**key, **puts, **added})
        for put, group in groups.items():
            if conn.dialect.name == "postgresql":
                _json_upsert(conn, table, group, keys=keys, puts=put, summed=summed)
            else:
                _sqlite_upsert(conn, table, group, keys=keys, puts=put, summed=summed)
        return len(rows)


def _copy_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL: append-only rows go in with COPY, the fastest way in (no per-row statement)."""
    columns = tuple(rows[0])
    # itemgetter of one column gives the value, not a 1-tuple
    values = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
    _copy_tuples(conn, table, columns, [values(row) for row in rows])


def _copy_tuples(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        write = copy.write_row
        for row in rows:
            write(row)


def _sqlite_upsert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    keys: tuple[str, ...],
    puts: tuple[str, ...],
    summed: tuple[str, ...],
) -> None:
    statement = sqlite.insert(table)
    changed = [*puts, *summed]
    if not changed:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    else:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={
                c: (table.c[c] + statement.excluded[c]) if c in summed else statement.excluded[c]
                for c in changed
            },
        )
    columns = (*keys, *changed)
    conn.execute(statement, [{c: row.get(c, 0) for c in columns} for row in rows])


def _json_upsert(
    conn: Connection,
    table: Table,
    rows: list[dict[str, Any]],
    *,
    keys: tuple[str, ...],
    puts: tuple[str, ...],
    summed: tuple[str, ...],
) -> None:
    """PostgreSQL: write ``rows`` in one statement whose one parameter is a JSON array.

    psycopg adapts each value of an executemany in Python; a JSON document is one string, and the
    server unpacks it with ``json_populate_recordset`` in C. Several times faster for a batch.
    """
    statement = _json_upsert_sql(table.name, keys, puts, summed)
    conn.exec_driver_sql(statement, (orjson.dumps(rows).decode(),))


@functools.cache
def _json_upsert_sql(
    table: str, keys: tuple[str, ...], puts: tuple[str, ...], summed: tuple[str, ...]
) -> str:
    columns = (*keys, *puts, *summed)
    names = ", ".join(f'"{c}"' for c in columns)
    # a summed column a row leaves out adds 0 (and a new row starts at 0, not NULL)
    values = ", ".join(f'COALESCE("{c}", 0)' if c in summed else f'"{c}"' for c in columns)
    sql = (
        f'INSERT INTO "{table}" AS t ({names}) SELECT {values} '
        f'FROM json_populate_recordset(NULL::"{table}", %s)'
    )
    if not keys:
        return sql
    conflict = ", ".join(f'"{k}"' for k in keys)
    if not (puts or summed):
        return f"{sql} ON CONFLICT ({conflict}) DO NOTHING"
    assignments = ", ".join(
        [f'"{c}" = excluded."{c}"' for c in puts] + [f'"{c}" = t."{c}" + excluded."{c}"' for c in summed]
    )
    return f"{sql} ON CONFLICT ({conflict}) DO UPDATE SET {assignments}"
