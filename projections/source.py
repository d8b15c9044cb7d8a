"""Reading the event log for projections: many rows per query, straight into envelopes.

eventsourcing's ``select_notifications`` builds a dict per row and a ``Notification`` per event;
at the rates a rebuild needs that is half the time of a batch. Here one query returns plain
tuples and each becomes an :class:`Envelope` directly. The store commits positions in order
(see commands.pg_recorder), so reading "after N" never passes over a later commit.

:meth:`EventSource.window` reads a range of positions and returns only the events a group of
projections handles: the general ledger handles about a third of the log, and decoding the
rest only to drop it was a third of its lane's time. The range ends at the head as read just
before, so everything up to its end is committed (positions commit in order) and a window with
no handled event still moves the group's position.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple

import orjson
import psycopg
from eventsourcing.persistence import ApplicationRecorder
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.rows import tuple_row
from psycopg.sql import SQL, Identifier

from projections.base import Envelope
from projections.collector import collection_paused


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


class Window(NamedTuple):
    """The handled events of the positions (after, upto] of the log."""

    events: list[Envelope]
    #: The last position the window covers, handled or not (the read's start when nothing is new).
    upto: int


class EventSource:
    """The events after a position, from a PostgreSQL or SQLite event store."""

    def __init__(self, recorder: ApplicationRecorder) -> None:
        self.recorder = recorder
        self._names: dict[str, str] = {}
        # A forked copy reads through a connection of its own, never the recorder's pool.
        self._own: psycopg.Connection[tuple[object, ...]] | None = None
        self._own_params: dict[str, object] | None = None
        if isinstance(recorder, PostgresApplicationRecorder):
            self._postgres = recorder
            self._query = SQL(
                "SELECT notification_id, originator_id::text, originator_version, topic, state "
                "FROM {}.{} WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
            ).format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
            self._rendered: str | None = None
            # positions (after, upto], only the named events (the topic's part after its colon)
            self._range_query = SQL(
                "SELECT notification_id, originator_id::text, originator_version, topic, state "
                "FROM {}.{} WHERE notification_id > %s AND notification_id <= %s "
                "AND substr(topic, strpos(topic, ':') + 1) = ANY(%s) ORDER BY notification_id"
            ).format(Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name))
            self._range_rendered: str | None = None
            self._head_query = SQL("SELECT max(notification_id) FROM {}.{}").format(
                Identifier(recorder.datastore.schema), Identifier(recorder.events_table_name)
            )
        elif isinstance(recorder, SQLiteApplicationRecorder):
            self._sqlite = recorder
            self._sqlite_query = (
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {recorder.events_table_name} WHERE rowid > ? ORDER BY rowid LIMIT ?"
            )
            self._sqlite_range = (
                "SELECT rowid, originator_id, originator_version, topic, state "
                f"FROM {recorder.events_table_name} WHERE rowid > ? AND rowid <= ? "
                "AND substr(topic, instr(topic, ':') + 1) IN (SELECT value FROM json_each(?)) "
                "ORDER BY rowid"
            )
        else:
            msg = f"no event source for {type(recorder).__name__}"
            raise TypeError(msg)

    @property
    def forkable(self) -> bool:
        """Whether :meth:`forked` can make a copy for a forked process (PostgreSQL)."""
        return isinstance(self.recorder, PostgresApplicationRecorder)

    def forked(self) -> EventSource:
        """A copy for a forked process: it connects anew with the recorder's parameters, and
        never touches the connections of the recorder's pool, which the parent owns."""
        copy = EventSource(self.recorder)
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

    def read(self, after: int, limit: int) -> list[Envelope]:
        """The next ``limit`` events after position ``after``."""
        # Decoding a batch makes as many objects as folding it (see projections.collector).
        with collection_paused():
            return self._read(after, limit)

    def _read(self, after: int, limit: int) -> list[Envelope]:
        if self._own_params is not None:
            return self._read_postgres(self._own_connection(), after, limit)
        if isinstance(self.recorder, PostgresApplicationRecorder):
            with self._postgres.datastore.get_connection() as conn:
                return self._read_postgres(conn, after, limit)
        with self._sqlite.datastore.transaction(commit=False) as cursor:
            cursor.execute(self._sqlite_query, (after, limit))
            rows = cursor.fetchall()
        return self._sqlite_envelopes(rows)

    def window(
        self, after: int, limit: int, names: Collection[str] | None = None, until: int | None = None
    ) -> Window:
        """The events named ``names`` (all if None) among the next ``limit`` positions after
        ``after``, stopping at the head of the log and at ``until`` (if given)."""
        with collection_paused():
            return self._window(after, limit, names, until)

    def _window(self, after: int, limit: int, names: Collection[str] | None, until: int | None) -> Window:
        if names is None:
            events = self._read(after, limit if until is None else min(limit, until - after))
            if until is not None and events and events[-1].position > until:  # gaps in positions
                events = [event for event in events if event.position <= until]
            return Window(events, events[-1].position if events else after)
        # The head first: every position up to it is committed, so the range read sees them all.
        upto = min(after + limit, self.head())
        if until is not None:
            upto = min(upto, until)
        if upto <= after:
            return Window([], after)
        wanted = sorted(names)
        if self._own_params is not None:
            events = self._range_postgres(self._own_connection(), after, upto, wanted)
        elif isinstance(self.recorder, PostgresApplicationRecorder):
            with self._postgres.datastore.get_connection() as conn:
                events = self._range_postgres(conn, after, upto, wanted)
        else:
            with self._sqlite.datastore.transaction(commit=False) as cursor:
                cursor.execute(self._sqlite_range, (after, upto, orjson.dumps(wanted).decode()))
                events = self._sqlite_envelopes(cursor.fetchall())
        return Window(events, upto)

    def _range_postgres(
        self, conn: psycopg.Connection[Any], after: int, upto: int, names: list[str]
    ) -> list[Envelope]:
        if self._range_rendered is None:
            self._range_rendered = self._range_query.as_string(conn)
        with conn.cursor(row_factory=tuple_row, binary=True) as cursor:
            cursor.execute(self._range_rendered, (after, upto, names), prepare=True)
            return self._envelopes(cursor.fetchall())

    def _sqlite_envelopes(self, rows: list[Any]) -> list[Envelope]:
        # SQLite keeps ids as 32 hex digits; write them the way UUIDs appear everywhere else.
        return self._envelopes(
            [(p, f"{i[:8]}-{i[8:12]}-{i[12:16]}-{i[16:20]}-{i[20:]}", v, t, s) for p, i, v, t, s in rows]
        )

    def _read_postgres(self, conn: psycopg.Connection[Any], after: int, limit: int) -> list[Envelope]:
        if self._rendered is None:
            self._rendered = self._query.as_string(conn)
        # Binary results: integers and bytes come without parsing text.
        with conn.cursor(row_factory=tuple_row, binary=True) as cursor:
            cursor.execute(self._rendered, (after, limit), prepare=True)
            rows = cursor.fetchall()
        return self._envelopes(rows)

    def head(self) -> int:
        if self._own_params is not None:
            row = self._own_connection().execute(self._head_query).fetchone()
            return int(row[0] or 0) if row is not None else 0  # type: ignore[call-overload]
        return self.recorder.max_notification_id() or 0

    def _envelopes(self, rows: list[tuple[int, str, int, str, bytes]]) -> list[Envelope]:
        # On the path of every event: local names, and the tuple made without Envelope's __new__.
        names, loads, new = self._names, orjson.loads, tuple.__new__
        envelopes: list[Envelope] = []
        append = envelopes.append
        for position, originator_id, version, topic, state in rows:
            name = names.get(topic)
            if name is None:
                name = names[topic] = topic.rpartition(":")[2]
            append(new(Envelope, (position, originator_id, version, name, loads(state))))
        return envelopes
