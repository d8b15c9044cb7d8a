"""PostgreSQL event recorder that writes a command's events in one round trip, in log order.

eventsourcing's default PostgreSQL insert takes ``LOCK TABLE … IN EXCLUSIVE MODE`` so that the
order of notification ids equals commit order (a follower never skips an id that commits later),
but it spends several client round trips while holding that lock. Its optional database-function
path is one round trip, but leaves the lock out, and passes rows as composite values that the
client escapes one by one. This recorder calls its own function with the events as one JSON
parameter (states in base64), and takes the lock inside it: one statement, its own transaction,
the lock held until commit.

The function also checks the command's read set (``read_set``: the aggregates it decided on
without changing them, with the versions it saw) under that lock: if one has a later event, the
insert fails as a version conflict does (unique_violation, eventsourcing's ``IntegrityError``),
and the command is tried again on fresh state. Without it a journal entry could be saved just
after a concurrent year close that its own check did not see.
"""

from __future__ import annotations

from base64 import b64encode
from collections.abc import Sequence
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import retry
from psycopg.sql import SQL, Composable, Identifier


class LockedFunctionRecorder(PostgresApplicationRecorder):
    function_prefix = "cleanledger_insert_"

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        name = f"{self.function_prefix}{self.events_table_name}"[:63]
        schema, table = Identifier(datastore.schema), Identifier(self.events_table_name)
        self._invoke_insert = SQL("SELECT * FROM {schema}.{fn}(%s::json, %s::json)").format(
            schema=schema, fn=Identifier(name)
        )
        create_function = SQL(
            "CREATE OR REPLACE FUNCTION {schema}.{fn}(events json, read_set json) "
            "RETURNS SETOF bigint LANGUAGE plpgsql AS $BODY$ "
            "BEGIN "
            "  SET LOCAL lock_timeout = '{lock_timeout}s'; "
            # Serialise writers so notification ids are committed in the order they are issued.
            "  LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE; "
            # Under the lock no writer can move an aggregate between this check and the commit.
            "  IF EXISTS (SELECT 1 FROM json_array_elements(read_set) AS r(g) "
            "    JOIN {schema}.{table} AS s ON s.originator_id = (r.g->>0)::uuid "
            "    AND s.originator_version > (r.g->>1)::bigint) THEN "
            "    RAISE EXCEPTION 'an aggregate the command read has changed' "
            "      USING ERRCODE = 'unique_violation'; "
            "  END IF; "
            "  NOTIFY {channel}; "
            "  RETURN QUERY "
            "  INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
            "  SELECT (e->>0)::uuid, (e->>1)::bigint, e->>2, decode(e->>3, 'base64') "
            "  FROM json_array_elements(events) WITH ORDINALITY AS x(e, n) ORDER BY n "
            "  RETURNING notification_id; "
            "END; $BODY$"
        ).format(
            schema=schema,
            fn=Identifier(name),
            table=table,
            channel=Identifier(self.channel_name),
            lock_timeout=datastore.lock_timeout,
        )
        self.sql_create_statements[self.create_insert_function_statement_index] = create_function
        # psycopg turns a composed statement into bytes on every execute (quoting identifiers
        # through libpq), which cost more than the rest of a cached read; render each once.
        self._rendered: dict[object, str] = {}

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
        # One JSON parameter: psycopg adapts a text value in microseconds, where four arrays
        # cost a third of a command's client time in type inspection.
        params = (
            orjson.dumps(
                [
                    (e.originator_id, e.originator_version, e.topic, b64encode(e.state).decode())
                    for e in stored_events
                ]
            ).decode(),
        )
        read_set = orjson.dumps([(str(i), v) for i, v in kwargs.get("read_set", ())]).decode()
        statement = self._render("insert", self._invoke_insert)
        with self.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, (*params, read_set), prepare=True)
            # Ids are issued in the order of the array, so ascending ids match the events.
            return sorted(next(iter(row.values())) for row in cursor.fetchall())  # dict rows
