"""PostgreSQL event recorder that writes a command's events in one round trip, in log order.

eventsourcing's default PostgreSQL insert takes ``LOCK TABLE … IN EXCLUSIVE MODE`` so that the
order of notification ids equals commit order (a follower never skips an id that commits later),
but it spends several client round trips while holding that lock. Its optional database-function
path is one round trip, but leaves the lock out, and passes rows as composite values that the
client escapes one by one. This recorder calls its own function with four plain arrays, and takes
the lock inside it: one statement, its own transaction, the lock held until commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eventsourcing.persistence import InterfaceError, OperationalError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresDatastore
from eventsourcing.utils import retry
from psycopg.sql import SQL, Identifier


class LockedFunctionRecorder(PostgresApplicationRecorder):
    function_prefix = "cleanledger_insert_"

    def __init__(self, datastore: PostgresDatastore, *, events_table_name: str = "stored_events"):
        super().__init__(datastore, events_table_name=events_table_name)
        name = f"{self.function_prefix}{self.events_table_name}"[:63]
        schema, table = Identifier(datastore.schema), Identifier(self.events_table_name)
        self._invoke_insert = SQL(
            "SELECT * FROM {schema}.{fn}(%s::uuid[], %s::bigint[], %s::text[], %s::bytea[])"
        ).format(schema=schema, fn=Identifier(name))
        create_function = SQL(
            "CREATE OR REPLACE FUNCTION {schema}.{fn}("
            "ids uuid[], versions bigint[], topics text[], states bytea[]) "
            "RETURNS SETOF bigint LANGUAGE plpgsql AS $BODY$ "
            "BEGIN "
            "  SET LOCAL lock_timeout = '{lock_timeout}s'; "
            # Serialise writers so notification ids are committed in the order they are issued.
            "  LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE; "
            "  NOTIFY {channel}; "
            "  RETURN QUERY "
            "  INSERT INTO {schema}.{table} (originator_id, originator_version, topic, state) "
            "  SELECT * FROM unnest(ids, versions, topics, states) "
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

    @retry((InterfaceError, OperationalError), max_attempts=10, wait=0.2)
    def insert_events(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        if not stored_events:
            return []
        params = (
            [e.originator_id for e in stored_events],
            [e.originator_version for e in stored_events],
            [e.topic for e in stored_events],
            [e.state for e in stored_events],
        )
        with self.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(self._invoke_insert, params, prepare=True)
            return [next(iter(row.values())) for row in cursor.fetchall()]  # dict rows
