"""Every query of the events table: :class:`EventLog`, and one class per backend.

``EventLog.for_recorder(recorder)`` gives the log of an eventsourcing recorder:
:class:`PostgresEventLog` (positions are ``notification_id``, originator ids ``uuid``) or
:class:`SQLiteEventLog` (positions are the ``rowid``, originator ids 32 hex digits). Both answer
with the same rows, positions in log order:

- the projections' reads (:meth:`EventLog.read`, :meth:`EventLog.read_named`) as plain tuples
  with the originator id in its usual text form; on PostgreSQL prepared, with binary results, the
  rendered statement kept; on SQLite the topic filter is ``json_each`` over the wanted names;
- the hash chain's canonical bytes of each event (:meth:`EventLog.canonical_range`,
  :meth:`EventLog.canonical_stream`; the layout is :func:`canonical`);
- the write side's look-ups: an event's position, an aggregate's version at a position, one
  aggregate's events with their positions (streamed), and events by position or by aggregate
  with their originator ids as UUIDs.

The store commits positions in log order (see ``commands.pg_recorder``), so "after N" never
passes over a position that commits later; positions may have gaps (a rolled-back insert on
PostgreSQL takes a number of its sequence).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import struct
import weakref
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar
from uuid import UUID

import psycopg
from eventsourcing.persistence import ApplicationRecorder, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Composed, Identifier

#: An event for the projections: position, originator id (UUID text), version, topic, state.
Row = tuple[int, str, int, str, bytes]
#: An event for the write side: position, originator id, version, topic, state.
EventRow = tuple[int, UUID, int, str, bytes]
#: An event as the hash chain reads it: position and canonical bytes (:func:`canonical`).
CanonicalRow = tuple[int, bytes]

#: position, originator id, originator version, topic length (docs/tamper-evidence.md)
CANONICAL_HEAD = struct.Struct(">Q16sQI")
CANONICAL_LENGTH = struct.Struct(">I")
_INVALID_ID = b"\xff" * 16  # an originator id that is no UUID (only a tampered row has one)


def canonical(position: int, originator_id: bytes, version: int, topic: bytes, state: bytes) -> bytes:
    """The bytes of one stored event that its link hashes (docs/tamper-evidence.md)::

    position (8, big-endian) ‖ originator id (16, the UUID's bytes) ‖ version (8, big-endian)
    ‖ len(topic) (4) ‖ topic (UTF-8) ‖ len(state) (4) ‖ state (the stored bytes)
    """
    return (
        CANONICAL_HEAD.pack(position, originator_id, version, len(topic))
        + topic
        + CANONICAL_LENGTH.pack(len(state))
        + state
    )


def connection_params(recorder: PostgresApplicationRecorder) -> dict[str, Any]:
    """The recorder's connection parameters, for a connection of one's own (not the pool's)."""
    pool = recorder.datastore.pool
    kwargs = pool.kwargs() if callable(pool.kwargs) else pool.kwargs
    wanted = {"dbname", "host", "port", "user", "password"}
    params = {k: v for k, v in dict(kwargs or {}).items() if k in wanted}
    get_password = getattr(pool, "get_password_func", None)
    if callable(get_password):
        params["password"] = get_password()
    return params


_logs: weakref.WeakKeyDictionary[ApplicationRecorder, EventLog] = weakref.WeakKeyDictionary()


class EventLog(ABC):
    """The events table of one recorder (see the module's docstring)."""

    recorder: ApplicationRecorder
    #: Whether the store is PostgreSQL (a server to connect to) rather than a SQLite file.
    is_postgres: ClassVar[bool]
    #: Whether :meth:`forked` can make a copy for a forked process.
    forkable: ClassVar[bool]

    @staticmethod
    def for_recorder(recorder: ApplicationRecorder) -> EventLog:
        """The log of ``recorder``; one per recorder, which keeps the composed statements."""
        log = _logs.get(recorder)
        if log is None:
            if isinstance(recorder, PostgresApplicationRecorder):
                log = PostgresEventLog(recorder)
            elif isinstance(recorder, SQLiteApplicationRecorder):
                log = SQLiteEventLog(recorder)
            else:
                msg = f"no event log for {type(recorder).__name__}"
                raise TypeError(msg)
            _logs[recorder] = log
        return log

    # --- the head and single look-ups ---------------------------------------------------------

    @abstractmethod
    def head(self) -> int:
        """The position of the last recorded event (0: the log is empty)."""

    @abstractmethod
    def position_of(self, originator_id: UUID, version: int) -> int | None:
        """The position of one stored event, or ``None`` if absent."""

    @abstractmethod
    def last_version_at(self, originator_id: UUID, position: int) -> int:
        """The aggregate's version after the events recorded up to ``position`` (0: none yet)."""

    # --- events with UUIDs, for the write side ------------------------------------------------

    @abstractmethod
    def first_from(self, position: int) -> EventRow | None:
        """The first event at or after ``position``."""

    @abstractmethod
    def next_after(self, position: int, limit: int) -> list[EventRow]:
        """The next ``limit`` events after ``position``."""

    @abstractmethod
    def at_positions(self, positions: Sequence[int]) -> list[EventRow]:
        """The events at ``positions`` (those that exist)."""

    @abstractmethod
    def of_aggregates(self, originator_ids: Sequence[UUID], after: int, upto: int) -> list[EventRow]:
        """These aggregates' events with positions in (after, upto]."""

    @abstractmethod
    def aggregate_events(
        self, originator_id: UUID, *, gt: int, lte: int | None, chunk: int
    ) -> Iterator[tuple[StoredEvent, int]]:
        """One aggregate's stored events with versions in (gt, lte] (no upper bound if None) and
        their positions, in version order: one query, read ``chunk`` rows at a time as the
        caller consumes them."""

    # --- the projections' reads ---------------------------------------------------------------

    @abstractmethod
    def read(self, after: int, limit: int) -> list[Row]:
        """The next ``limit`` events after ``after``."""

    @abstractmethod
    def read_named(self, after: int, upto: int, names: list[str]) -> list[Row]:
        """The events with positions in (after, upto] whose topic's name (the part after its
        colon, ``BudgetLine.Obligated``) is one of ``names``."""

    @abstractmethod
    def forked(self) -> EventLog:
        """A copy for a forked process: it connects anew with the recorder's parameters, and
        never touches the connections of the recorder's pool, which the parent owns."""

    @abstractmethod
    def close(self) -> None:
        """Close a forked copy's own connection (a log of the recorder's pool has none)."""

    # --- the hash chain's reads ---------------------------------------------------------------

    @abstractmethod
    def canonical_range(self, after: int, upto: int) -> list[CanonicalRow]:
        """Every stored event with ``after < position <= upto`` as canonical bytes, in log order."""

    @abstractmethod
    def canonical_stream(self, after: int, chunk: int) -> Iterator[list[CanonicalRow]]:
        """The whole log after ``after`` as canonical bytes in chunks, from one snapshot."""


class PostgresEventLog(EventLog):
    """The events table of eventsourcing's PostgreSQL recorder: ``notification_id``, ``uuid`` ids."""

    is_postgres = True
    forkable = True

    def __init__(self, recorder: PostgresApplicationRecorder) -> None:
        self.recorder = recorder
        self._postgres = recorder
        # A forked copy reads through a connection of its own, never the recorder's pool.
        self._own: psycopg.Connection[tuple[object, ...]] | None = None
        self._own_params: dict[str, object] | None = None
        table = SQL("{}.{}").format(
            Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name)
        )
        self._query = SQL(
            "SELECT notification_id, originator_id::text, originator_version, topic, state "
            "FROM {} WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
        ).format(table)
        self._rendered: str | None = None
        # positions (after, upto], only the named events (the topic's part after its colon)
        self._range_query = SQL(
            "SELECT notification_id, originator_id::text, originator_version, topic, state "
            "FROM {} WHERE notification_id > %s AND notification_id <= %s "
            "AND substr(topic, strpos(topic, ':') + 1) = ANY(%s) ORDER BY notification_id"
        ).format(table)
        self._range_rendered: str | None = None
        self._head_query = SQL("SELECT max(notification_id) FROM {}").format(table)
        # The server concatenates the canonical bytes (``int8send``, ``uuid_send``…), so a row
        # arrives as one integer and one ``bytea``; the hashing stays on the client.
        columns = SQL(
            "SELECT notification_id, int8send(notification_id) || uuid_send(originator_id) "
            "|| int8send(originator_version) || int4send(octet_length(convert_to(topic, 'UTF8'))) "
            "|| convert_to(topic, 'UTF8') || int4send(octet_length(state)) || state FROM {} "
        ).format(table)
        self._canonical: dict[str, Composed] = {
            "range": columns
            + SQL("WHERE notification_id > %s AND notification_id <= %s ORDER BY notification_id"),
            "all": columns + SQL("WHERE notification_id > %s ORDER BY notification_id"),
        }
        self._canonical_rendered: dict[str, str] = {}
        self._position_of = SQL(
            "SELECT notification_id FROM {} WHERE originator_id = %s AND originator_version = %s"
        ).format(table)
        self._last_version_at = SQL(
            "SELECT max(originator_version) FROM {} WHERE originator_id = %s AND notification_id <= %s"
        ).format(table)
        events = "SELECT notification_id, originator_id, originator_version, topic, state FROM {} WHERE "
        self._events = {
            kind: SQL(events + where).format(table)
            for kind, where in {
                "from": "notification_id >= %s ORDER BY notification_id LIMIT 1",
                "after": "notification_id > %s ORDER BY notification_id LIMIT %s",
                "positions": "notification_id = ANY(%s) ORDER BY notification_id",
                "originators": "originator_id = ANY(%s) AND notification_id > %s AND notification_id <= %s "
                "ORDER BY notification_id",
            }.items()
        }
        versions = (
            "SELECT originator_version, topic, state, notification_id FROM {} "
            "WHERE originator_id = %s AND originator_version > %s "
        )
        self._versions = {
            False: SQL(versions + "ORDER BY originator_version").format(table),
            True: SQL(versions + "AND originator_version <= %s ORDER BY originator_version").format(table),
        }

    # --- connections ----------------------------------------------------------------------------

    def forked(self) -> PostgresEventLog:
        copy = PostgresEventLog(self._postgres)
        copy._own_params = connection_params(self._postgres)
        return copy

    def close(self) -> None:
        if self._own is not None:
            self._own.close()
            self._own = None

    def _own_connection(self) -> psycopg.Connection[tuple[object, ...]]:
        if self._own is None or self._own.closed:
            self._own = psycopg.connect(autocommit=True, **self._own_params)  # type: ignore[arg-type]
        return self._own

    @contextlib.contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A forked copy's own connection, or one of the recorder's pool."""
        if self._own_params is not None:
            yield self._own_connection()
            return
        with self._postgres.datastore.get_connection() as conn:
            yield conn

    # --- the head and single look-ups ---------------------------------------------------------

    def head(self) -> int:
        if self._own_params is not None:
            row = self._own_connection().execute(self._head_query).fetchone()
            return int(row[0] or 0) if row is not None else 0  # type: ignore[call-overload]
        return self.recorder.max_notification_id() or 0

    def position_of(self, originator_id: UUID, version: int) -> int | None:
        with self._connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
            cursor.execute(self._position_of, (originator_id, version), prepare=True)
            row = cursor.fetchone()
            return None if row is None else int(row[0])

    def last_version_at(self, originator_id: UUID, position: int) -> int:
        with self._connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
            cursor.execute(self._last_version_at, (originator_id, position))
            row = cursor.fetchone()
            return int(row[0] or 0) if row is not None else 0

    # --- events with UUIDs, for the write side ------------------------------------------------

    def first_from(self, position: int) -> EventRow | None:
        rows = self._event_rows("from", (position,))
        return rows[0] if rows else None

    def next_after(self, position: int, limit: int) -> list[EventRow]:
        return self._event_rows("after", (position, limit))

    def at_positions(self, positions: Sequence[int]) -> list[EventRow]:
        return self._event_rows("positions", (list(positions),))

    def of_aggregates(self, originator_ids: Sequence[UUID], after: int, upto: int) -> list[EventRow]:
        return self._event_rows("originators", (list(originator_ids), after, upto))

    def _event_rows(self, kind: str, params: tuple[Any, ...]) -> list[EventRow]:
        with self._connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
            cursor.execute(self._events[kind], params)
            rows = cursor.fetchall()
        return [(int(p), i, int(v), t, bytes(s)) for p, i, v, t, s in rows]

    def aggregate_events(
        self, originator_id: UUID, *, gt: int, lte: int | None, chunk: int
    ) -> Iterator[tuple[StoredEvent, int]]:
        statement = self._versions[lte is not None]
        params: tuple[Any, ...] = (originator_id, gt) if lte is None else (originator_id, gt, lte)
        with self._connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
            # ``stream`` fetches in chunks as the caller consumes, so memory stays flat.
            for version, topic, state, position in cursor.stream(statement, params, size=chunk):
                yield StoredEvent(originator_id, version, topic, bytes(state)), int(position)

    # --- the projections' reads ---------------------------------------------------------------

    def read(self, after: int, limit: int) -> list[Row]:
        if self._own_params is not None:
            return self._read_on(self._own_connection(), after, limit)
        with self._postgres.datastore.get_connection() as conn:
            return self._read_on(conn, after, limit)

    def _read_on(self, conn: psycopg.Connection[Any], after: int, limit: int) -> list[Row]:
        if self._rendered is None:
            self._rendered = self._query.as_string(conn)
        # Binary results: integers and bytes come without parsing text.
        with conn.cursor(row_factory=tuple_row, binary=True) as cursor:
            cursor.execute(self._rendered, (after, limit), prepare=True)
            return cursor.fetchall()

    def read_named(self, after: int, upto: int, names: list[str]) -> list[Row]:
        if self._own_params is not None:
            return self._read_named_on(self._own_connection(), after, upto, names)
        with self._postgres.datastore.get_connection() as conn:
            return self._read_named_on(conn, after, upto, names)

    def _read_named_on(
        self, conn: psycopg.Connection[Any], after: int, upto: int, names: list[str]
    ) -> list[Row]:
        if self._range_rendered is None:
            self._range_rendered = self._range_query.as_string(conn)
        with conn.cursor(row_factory=tuple_row, binary=True) as cursor:
            cursor.execute(self._range_rendered, (after, upto, names), prepare=True)
            return cursor.fetchall()

    # --- the hash chain's reads ---------------------------------------------------------------

    def canonical_range(self, after: int, upto: int) -> list[CanonicalRow]:
        with self._postgres.datastore.get_connection() as conn:
            statement = self._render(conn, "range")
            with conn.cursor(row_factory=tuple_row, binary=True) as cursor:
                cursor.execute(statement, (after, upto), prepare=True)
                return cursor.fetchall()

    def canonical_stream(self, after: int, chunk: int) -> Iterator[list[CanonicalRow]]:
        """From a server-side cursor in a REPEATABLE READ transaction of a connection of its own."""
        with psycopg.connect(**connection_params(self._postgres)) as conn:
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            statement = self._render(conn, "all")
            with conn.cursor(name="cleanledger_verify", row_factory=tuple_row, binary=True) as cursor:
                cursor.itersize = chunk
                cursor.execute(statement, (after,))
                while rows := cursor.fetchmany(chunk):
                    yield rows

    def _render(self, conn: psycopg.Connection[Any], key: str) -> str:
        rendered = self._canonical_rendered.get(key)
        if rendered is None:
            rendered = self._canonical_rendered[key] = self._canonical[key].as_string(conn)
        return rendered


class SQLiteEventLog(EventLog):
    """The events table of eventsourcing's SQLite recorder: the ``rowid``, ids as 32 hex digits."""

    is_postgres = False
    forkable = False

    def __init__(self, recorder: SQLiteApplicationRecorder) -> None:
        self.recorder = recorder
        self._sqlite = recorder
        self._table = name = recorder.events_table_name
        self._sqlite_query = (
            "SELECT rowid, originator_id, originator_version, topic, state "
            f"FROM {name} WHERE rowid > ? ORDER BY rowid LIMIT ?"
        )
        self._sqlite_range = (
            "SELECT rowid, originator_id, originator_version, topic, state "
            f"FROM {name} WHERE rowid > ? AND rowid <= ? "
            "AND substr(topic, instr(topic, ':') + 1) IN (SELECT value FROM json_each(?)) "
            "ORDER BY rowid"
        )
        select_ = f"SELECT rowid, originator_id, originator_version, topic, state FROM {name} "
        self._canonical_range = select_ + "WHERE rowid > ? AND rowid <= ? ORDER BY rowid"
        self._canonical_all = select_ + "WHERE rowid > ? ORDER BY rowid"
        self._position_of = f"SELECT rowid FROM {name} WHERE originator_id = ? AND originator_version = ?"
        self._last_version_at = (
            f"SELECT max(originator_version) FROM {name} WHERE originator_id = ? AND rowid <= ?"
        )
        versions = (
            f"SELECT originator_version, topic, state, rowid FROM {name} "
            "WHERE originator_id = ? AND originator_version > ? "
        )
        self._versions = {
            False: versions + "ORDER BY originator_version",
            True: versions + "AND originator_version <= ? ORDER BY originator_version",
        }

    def forked(self) -> SQLiteEventLog:
        msg = "a SQLite event log is not read from forked processes (one writer at a time)"
        raise TypeError(msg)

    def close(self) -> None:
        return  # reads go through the recorder's connections, which the recorder closes

    def _fetch(self, statement: str, params: Sequence[Any]) -> list[Any]:
        with self._sqlite.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, params)
            rows: list[Any] = cursor.fetchall()
        return rows

    # --- the head and single look-ups ---------------------------------------------------------

    def head(self) -> int:
        return self.recorder.max_notification_id() or 0

    def position_of(self, originator_id: UUID, version: int) -> int | None:
        rows = self._fetch(self._position_of, (originator_id.hex, version))
        return int(rows[0][0]) if rows else None

    def last_version_at(self, originator_id: UUID, position: int) -> int:
        rows = self._fetch(self._last_version_at, (originator_id.hex, position))
        return int(rows[0][0] or 0) if rows else 0

    # --- events with UUIDs, for the write side ------------------------------------------------

    def first_from(self, position: int) -> EventRow | None:
        rows = self._event_rows("rowid >= ? ORDER BY rowid LIMIT 1", (position,))
        return rows[0] if rows else None

    def next_after(self, position: int, limit: int) -> list[EventRow]:
        return self._event_rows("rowid > ? ORDER BY rowid LIMIT ?", (position, limit))

    def at_positions(self, positions: Sequence[int]) -> list[EventRow]:
        marks = ", ".join("?" * len(positions))
        return self._event_rows(f"rowid IN ({marks}) ORDER BY rowid", tuple(positions))

    def of_aggregates(self, originator_ids: Sequence[UUID], after: int, upto: int) -> list[EventRow]:
        marks = ", ".join("?" * len(originator_ids))
        return self._event_rows(
            f"originator_id IN ({marks}) AND rowid > ? AND rowid <= ? ORDER BY rowid",
            (*(value.hex for value in originator_ids), after, upto),
        )

    def _event_rows(self, where: str, params: tuple[Any, ...]) -> list[EventRow]:
        rows = self._fetch(
            f"SELECT rowid, originator_id, originator_version, topic, state FROM {self._table} WHERE {where}",
            params,
        )
        return [
            (int(position), UUID(str(originator_id)), int(version), topic, bytes(state))
            for position, originator_id, version, topic, state in rows
        ]

    def aggregate_events(
        self, originator_id: UUID, *, gt: int, lte: int | None, chunk: int
    ) -> Iterator[tuple[StoredEvent, int]]:
        statement = self._versions[lte is not None]
        params: tuple[Any, ...] = (originator_id.hex, gt) if lte is None else (originator_id.hex, gt, lte)
        # One read transaction for the whole scan: a consistent view even while commands write.
        with self._sqlite.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, params)
            # The library's cursor wrapper has no ``fetchmany``; the sqlite3 cursor under it has.
            while rows := cursor.sqlite_cursor.fetchmany(chunk):
                for version, topic, state, rowid in rows:
                    yield StoredEvent(originator_id, version, topic, bytes(state)), int(rowid)

    # --- the projections' reads ---------------------------------------------------------------

    def read(self, after: int, limit: int) -> list[Row]:
        with self._sqlite.datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sqlite_query, (after, limit))
            rows = cursor.fetchall()
        return _uuid_text(rows)

    def read_named(self, after: int, upto: int, names: list[str]) -> list[Row]:
        with self._sqlite.datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sqlite_range, (after, upto, json.dumps(names)))
            return _uuid_text(cursor.fetchall())

    # --- the hash chain's reads ---------------------------------------------------------------

    def canonical_range(self, after: int, upto: int) -> list[CanonicalRow]:
        with self._sqlite.datastore.transaction(commit=False) as cursor:
            cursor.execute(self._canonical_range, (after, upto))
            rows = cursor.fetchall()
        return _canonical_rows(rows)

    def canonical_stream(self, after: int, chunk: int) -> Iterator[list[CanonicalRow]]:
        """From one read transaction of a read-only connection of its own."""
        path = self._sqlite.datastore.pool.db_name
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            cursor = conn.execute(self._canonical_all, (after,))
            while rows := cursor.fetchmany(chunk):
                yield _canonical_rows(rows)
        finally:
            conn.close()


def _uuid_text(rows: list[Any]) -> list[Row]:
    # SQLite keeps ids as 32 hex digits; write them the way UUIDs appear everywhere else.
    return [(p, f"{i[:8]}-{i[8:12]}-{i[12:16]}-{i[16:20]}-{i[20:]}", v, t, s) for p, i, v, t, s in rows]


def _id_bytes(originator_id: str) -> bytes:
    try:
        return bytes.fromhex(originator_id) if len(originator_id) == 32 else UUID(originator_id).bytes
    except (ValueError, TypeError, AttributeError):
        return _INVALID_ID


def _canonical_rows(rows: Sequence[tuple[int, str, int, str, bytes]]) -> list[CanonicalRow]:
    pack_head, pack_length = CANONICAL_HEAD.pack, CANONICAL_LENGTH.pack
    out: list[CanonicalRow] = []
    append = out.append
    for position, originator_id, version, topic, state in rows:
        data = bytes(state)
        encoded = topic.encode()
        append(
            (
                position,
                pack_head(position, _id_bytes(originator_id), version, len(encoded))
                + encoded
                + pack_length(len(data))
                + data,
            )
        )
    return out
