"""PostgreSQL event recorder that writes saves in one round trip, in log order, grouped.

eventsourcing's default PostgreSQL insert takes ``LOCK TABLE … IN EXCLUSIVE MODE`` so that the
order of notification ids equals commit order (a follower never skips an id that commits later),
but it spends several client round trips while holding that lock. Its optional database-function
path is one round trip, but leaves the lock out, and passes rows as composite values that the
client escapes one by one. This recorder calls its own function with the saves as one JSON
parameter (states in base64), and takes the lock inside it: one statement, its own transaction,
the lock held until commit.

Saves that arrive while the process is writing go out together in the next call (group commit,
``commands.group_commit``): the lock and the commit's flush are paid once per batch instead of
once per command, which is what bounded the command rate. Within a batch each save is checked
and written in order as if alone, and refused alone.

The function also checks each save's read set (``read_set``: the aggregates the command decided
on without changing them, with the versions it saw) under that lock: if one has a later event,
the save is refused as a version conflict is (eventsourcing's ``IntegrityError``), and the
command is tried again on fresh state. Without it a journal entry could be saved just after a
concurrent year close that its own check did not see.
"""

from __future__ import annotations

from base64 import b64encode
from collections.abc import Iterable, Sequence
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import (
    IntegrityError,
    InterfaceError,
    OperationalError,
    PersistenceError,
    StoredEvent,
)
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import retry
from psycopg.sql import SQL, Composable, Identifier

from commands.group_commit import GroupCommit


class LockedFunctionRecorder(PostgresApplicationRecorder):
    function_prefix = "cleanledger_append_"
    #: Saves written in one transaction at most: bounds how long one batch holds the table's
    #: lock (a save is two index probes and its inserts; 64 took 5.7 ms on an idle machine).
    max_batch = 64

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        # eventsourcing names the channel after the table alone, so every schema of a database
        # notified the same channel and woke every other schema's followers (an idle server woke
        # for each save of any ledger sharing its database). One channel per schema and table.
        self.channel_name = f"{datastore.schema}_{self.events_table_name}".replace(".", "_")[:63]
        name = f"{self.function_prefix}{self.events_table_name}"[:63]
        schema, table = Identifier(datastore.schema), Identifier(self.events_table_name)
        self._invoke_append = SQL("SELECT * FROM {schema}.{fn}(%s::json)").format(
            schema=schema, fn=Identifier(name)
        )
        # ``saves``: a JSON array of [events, read_set] pairs, each written or refused on its
        # own, in order, under one lock and one commit. A save is refused, with one row
        # (its index, NULL), when an aggregate of its read set has moved or one of its events'
        # versions is taken; the lock keeps both checks true until the commit.
        create_function = SQL(
            "CREATE OR REPLACE FUNCTION {schema}.{fn}(saves json) "
            "RETURNS TABLE (save_index integer, event_position bigint) "
            "LANGUAGE plpgsql AS $BODY$ "
            "DECLARE save json; i integer; "
            "BEGIN "
            "  SET LOCAL lock_timeout = '{lock_timeout}s'; "
            # Serialise writers so notification ids are committed in the order they are issued.
            "  LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE; "
            "  FOR save, i IN SELECT x.s, x.n - 1 "
            "    FROM json_array_elements(saves) WITH ORDINALITY AS x(s, n) ORDER BY x.n LOOP "
            # Each check probes the primary key once per element (LATERAL … LIMIT 1 keeps the
            # planner from a hash join over the whole table, its choice when the table has no
            # statistics yet).
            "    IF EXISTS (SELECT 1 FROM json_array_elements(save->1) AS r(g) "
            "        CROSS JOIN LATERAL (SELECT 1 FROM {schema}.{table} AS t "
            "          WHERE t.originator_id = (r.g->>0)::uuid "
            "          AND t.originator_version > (r.g->>1)::bigint LIMIT 1) AS moved) "
            "      OR EXISTS (SELECT 1 FROM json_array_elements(save->0) AS w(e) "
            "        CROSS JOIN LATERAL (SELECT 1 FROM {schema}.{table} AS t "
            "          WHERE t.originator_id = (w.e->>0)::uuid "
            "          AND t.originator_version = (w.e->>1)::bigint LIMIT 1) AS taken) THEN "
            "      save_index := i; event_position := NULL; RETURN NEXT; "
            "    ELSE "
            "      RETURN QUERY "
            "      INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
            "      SELECT (w.e->>0)::uuid, (w.e->>1)::bigint, w.e->>2, decode(w.e->>3, 'base64') "
            "      FROM json_array_elements(save->0) WITH ORDINALITY AS w(e, n) ORDER BY w.n "
            "      RETURNING i, notification_id; "
            "    END IF; "
            "  END LOOP; "
            "  NOTIFY {channel}; "
            "END; $BODY$"
        ).format(
            schema=schema,
            fn=Identifier(name),
            table=table,
            channel=Identifier(self.channel_name),
            lock_timeout=datastore.lock_timeout,
        )
        self.sql_create_statements[self.create_insert_function_statement_index] = create_function
        # Stores created before group commit have the one-save function; nothing calls it now.
        self.sql_create_statements.append(
            SQL("DROP FUNCTION IF EXISTS {schema}.{fn}(json, json)").format(
                schema=schema, fn=Identifier(f"cleanledger_insert_{self.events_table_name}"[:63])
            )
        )
        # psycopg turns a composed statement into bytes on every execute (quoting identifiers
        # through libpq), which cost more than the rest of a cached read; render each once.
        self._rendered: dict[object, str] = {}
        self._group_commit: GroupCommit[str, list[int]] = GroupCommit(
            self.write_saves, max_batch=self.max_batch
        )

    @property
    def queued_saves(self) -> int:
        """Saves of this process waiting for the write in progress to end."""
        return self._group_commit.queued

    def _render(self, key: object, statement: Composable) -> str:
        rendered = self._rendered.get(key)
        if rendered is None:
            with self.datastore.get_connection() as conn:
                rendered = self._rendered[key] = statement.as_string(conn)
        return rendered

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def select_events(
        self,
        originator_id: UUID | str,
        *,
        gt: int | None = None,
        lte: int | None = None,
        desc: bool = False,
        limit: int | None = None,
    ) -> Sequence[StoredEvent]:
        shape = (gt is not None, lte is not None, desc, limit is not None)
        statement = self._rendered.get(shape)
        if statement is None:
            composed: Composable = self.select_events_statement
            if gt is not None:
                composed += SQL(" AND originator_version > %s")
            if lte is not None:
                composed += SQL(" AND originator_version <= %s")
            composed += SQL(" ORDER BY originator_version") + SQL(" DESC" if desc else " ASC")
            if limit is not None:
                composed += SQL(" LIMIT %s")
            statement = self._render(shape, composed)
        params = [originator_id, *(p for p in (gt, lte, limit) if p is not None)]
        with self.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, params, prepare=True)
            return [
                StoredEvent(
                    originator_id=row["originator_id"],
                    originator_version=row["originator_version"],
                    topic=row["topic"],
                    state=bytes(row["state"]),
                )
                for row in cursor.fetchall()
            ]

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        if not stored_events:
            return []
        save = self.encode_save(stored_events, kwargs.get("read_set", ()))
        return self._group_commit.submit(save)

    @staticmethod
    def encode_save(stored_events: Sequence[StoredEvent], read_set: Iterable[tuple[UUID, int]] = ()) -> str:
        """One save as the function takes it: ``[events, read_set]`` in JSON, states in base64.

        One JSON text per save: psycopg adapts a text value in microseconds, where four arrays
        cost a third of a command's client time in type inspection.
        """
        return orjson.dumps(
            (
                [
                    (e.originator_id, e.originator_version, e.topic, b64encode(e.state).decode())
                    for e in stored_events
                ],
                [(str(i), v) for i, v in read_set],
            )
        ).decode()

    def write_saves(self, saves: Sequence[str]) -> list[list[int] | BaseException]:
        """Write ``saves`` (from :meth:`encode_save`) in one transaction, in order: for each,
        its notification ids ascending, or the exception that refuses it alone (an
        ``IntegrityError`` when a version it writes is taken or an aggregate it read moved)."""
        try:
            rows = self._call_append(saves)
        except PersistenceError:
            if len(saves) == 1:
                raise
            # Something the checks did not foresee failed the whole batch: write each save
            # alone, so the failure reaches only the command that caused it.
            return [self._write_alone(save) for save in saves]
        written: dict[int, list[int]] = {}
        refused: set[int] = set()
        for index, position in rows:
            if position is None:
                refused.add(index)
            else:
                written.setdefault(index, []).append(position)
        return [
            IntegrityError("a version this save writes is taken, or an aggregate it read has changed")
            if index in refused
            else sorted(written.get(index, ()))
            for index in range(len(saves))
        ]

    def _write_alone(self, save: str) -> list[int] | BaseException:
        try:
            return self.write_saves([save])[0]
        except PersistenceError as failure:
            return failure

    def _call_append(self, saves: Sequence[str]) -> list[tuple[int, int | None]]:
        statement = self._render("append", self._invoke_append)
        with self.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, ("[" + ",".join(saves) + "]",), prepare=True)
            return [(row["save_index"], row["event_position"]) for row in cursor.fetchall()]
