"""The read database: a SQLAlchemy engine on SQLite or PostgreSQL, with the read schema in its path.

On SQLite, transactions begin with ``BEGIN IMMEDIATE`` so that two writers never interleave (a
projection batch holds the write lock from reading its position to committing the new one), and
connections wait for the lock instead of failing. On PostgreSQL every connection's search path
starts with the read schema, so tables and views are addressed by their plain names.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.pool import NullPool


def read_engine(url: str, *, schema: str | None = None, pool_size: int = 5, writer: bool = False) -> Engine:
    """An engine for the read models at ``url`` (``sqlite:///FILE`` or ``postgresql://…``).

    ``writer`` engines (projection workers) take SQLite's write lock at the start of each
    transaction; readers use ordinary deferred transactions and never wait for a batch.
    """
    if url.startswith("sqlite"):
        # Readers keep their connections (opening the file and setting its pragmas cost more
        # than a page query); writers open one per batch, as a projection worker needs.
        pooling: dict[str, Any] = (
            {"poolclass": NullPool} if writer else {"pool_size": pool_size, "max_overflow": 10}
        )
        engine = create_engine(
            url,
            connect_args={"timeout": 60, "isolation_level": None, "check_same_thread": False},
            **pooling,
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

        return engine

    url = url.replace("postgresql://", "postgresql+psycopg://", 1).replace(
        "postgres://", "postgresql+psycopg://", 1
    )
    if writer:
        engine = create_engine(url.split("?", 1)[0], pool_size=pool_size, max_overflow=10, pool_pre_ping=True)
    else:
        # Readers run each statement in its own snapshot (READ COMMITTED, as a transaction would
        # give them) without BEGIN, the ROLLBACK on check-in or a ping: three round trips fewer
        # per request. A connection the server dropped fails one request; the pool then replaces
        # it, and recycles every connection hourly.
        engine = create_engine(
            url.split("?", 1)[0],
            pool_size=pool_size,
            max_overflow=10,
            isolation_level="AUTOCOMMIT",
            pool_recycle=3600,
            pool_reset_on_return=None,
        )
    if schema:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))

        @event.listens_for(engine, "connect")
        def _search_path(dbapi_connection: Any, _: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f'SET search_path TO "{schema}", public')
            if not dbapi_connection.autocommit:
                dbapi_connection.commit()

        engine.dispose()  # connections made before the listener lack the search path
    return engine


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
