"""The event log (이벤트 로그) as stored: every query of the events table, once per backend.

The write side (positions of saved events, an aggregate's version at a position, the audit
replay, the timeline of recorded moments) and the read side (the projections' windows, the hash
chain's canonical bytes) both read the log that eventsourcing's recorders write. The recorders
answer only by originator or by notification; the rest is SQL over the events table, which names
its position ``notification_id`` on PostgreSQL and ``rowid`` on SQLite, and keeps originator ids
as ``uuid`` on one and 32 hex digits on the other. That SQL lives here, one class per backend
behind :class:`EventLog`, so a change to the table is made in one place.

A leaf package: it imports the standard library, eventsourcing and psycopg, and no layer of the
project (import-linter), so both ``commands`` and ``projections`` may use it.
"""

from eventlog.queries import (
    CANONICAL_HEAD,
    CANONICAL_LENGTH,
    CanonicalRow,
    EventLog,
    EventRow,
    PostgresEventLog,
    Row,
    SQLiteEventLog,
    canonical,
    connection_params,
)

__all__ = [
    "CANONICAL_HEAD",
    "CANONICAL_LENGTH",
    "CanonicalRow",
    "EventLog",
    "EventRow",
    "PostgresEventLog",
    "Row",
    "SQLiteEventLog",
    "canonical",
    "connection_params",
]
