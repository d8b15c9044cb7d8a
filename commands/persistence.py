"""Where events are stored: the eventsourcing environment for SQLite or PostgreSQL.

The embedded default is a SQLite file; a ``postgresql://`` URL selects eventsourcing's PostgreSQL
module. This module turns a database URL into eventsourcing's environment variables, and answers
the one question the library's recorders do not: at which log position an event was stored
(the query is :mod:`eventlog`'s).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from uuid import UUID

import psycopg
from eventsourcing.persistence import ApplicationRecorder

from eventlog import EventLog

_SCHEMA_LOCK_KEY = 0x636C65616E  # "clean": one advisory-lock key for start-up DDL


@dataclass(frozen=True)
class StoreConfig:
    """How to reach the event store, as read from settings."""

    database_url: str
    pool_size: int = 5
    max_overflow: int = 10
    schema: str | None = None
    cache_size: int = 10_000

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith(("postgresql://", "postgres://"))


def environment(config: StoreConfig) -> dict[str, str]:
    """eventsourcing environment for ``config`` (persistence module, pool, cache, codec)."""
    env = {
        "MAPPER_TOPIC": "commands.codec:TypedOrjsonMapper",
        "AGGREGATE_CACHE_MAXSIZE": str(config.cache_size),
        "AGGREGATE_CACHE_FASTFORWARD": "y",
    }
    if config.is_postgres:
        url = urlsplit(config.database_url)
        query = parse_qs(url.query)
        schema = config.schema or (query.get("schema") or [""])[0]
        env.update(
            PERSISTENCE_MODULE="eventsourcing.postgres",
            POSTGRES_DBNAME=unquote(url.path.lstrip("/")) or "postgres",
            POSTGRES_HOST=url.hostname or "127.0.0.1",
            POSTGRES_PORT=str(url.port or 5432),
            POSTGRES_USER=unquote(url.username or "postgres"),
            POSTGRES_PASSWORD=unquote(url.password or ""),
            # A pool of one starves a subscription that holds a LISTEN connection.
            POSTGRES_POOL_SIZE=str(max(config.pool_size, 2)),
            POSTGRES_MAX_OVERFLOW=str(config.max_overflow),
            POSTGRES_CONNECT_TIMEOUT="10",
            POSTGRES_LOCK_TIMEOUT="10",
            # One round trip per save, with the table lock inside (see commands.pg_recorder).
            APPLICATION_RECORDER_TOPIC="commands.pg_recorder:LockedFunctionRecorder",
        )
        if schema:
            env["POSTGRES_SCHEMA"] = schema
    else:
        env.update(
            PERSISTENCE_MODULE="eventsourcing.sqlite",
            SQLITE_DBNAME=sqlite_path(config),
            # Checks the command's read set before commit (see commands.sqlite_recorder).
            APPLICATION_RECORDER_TOPIC="commands.sqlite_recorder:ReadSetCheckingRecorder",
        )
    return env


@contextlib.contextmanager
def schema_creation_lock(config: StoreConfig) -> Iterator[None]:
    """Serialise table creation across processes starting at once.

    eventsourcing creates its tables, types and functions on start-up; two PostgreSQL sessions
    doing that at the same moment fail with "tuple concurrently updated". A session-level
    advisory lock around start-up makes the second wait for the first.
    """
    if not config.is_postgres:
        yield
        return
    with psycopg.connect(config.database_url.split("?", 1)[0], autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_SCHEMA_LOCK_KEY,))
        try:
            yield
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SCHEMA_LOCK_KEY,))


def sqlite_path(config: StoreConfig) -> str:
    """The file of a ``sqlite:///path`` URL (``sqlite:///:memory:`` is refused: it is not shared)."""
    url = config.database_url
    if not url.startswith("sqlite:///"):
        msg = f"database URL must be sqlite:///FILE or postgresql://…, got {url!r}"
        raise ValueError(msg)
    path = url.removeprefix("sqlite:///")
    if not path or path == ":memory:":
        msg = "the embedded store needs a file: sqlite:///cleanledger.db"
        raise ValueError(msg)
    parent = Path(path).expanduser().resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    return str(Path(path).expanduser())


def position_of(recorder: ApplicationRecorder, originator_id: UUID, version: int) -> int | None:
    """The log position (notification id) of one stored event, or ``None`` if absent."""
    return EventLog.for_recorder(recorder).position_of(originator_id, version)
