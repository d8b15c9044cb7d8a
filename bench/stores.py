"""Throw-away event stores for benchmarks: a fresh schema or file per run, removed after."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import Engine

from commands.persistence import StoreConfig
from readmodels.database import read_engine


@contextlib.contextmanager
def scratch_store(
    database_url: str, label: str, *, pool_size: int = 5, cache_size: int = 10_000
) -> Iterator[StoreConfig]:
    """A fresh store on the server or file ``database_url`` names, dropped afterwards."""
    if database_url.startswith(("postgresql://", "postgres://")):
        schema = f"bench_{label}_{uuid.uuid4().hex[:8]}"
        base_url = database_url.split("?", 1)[0]
        with psycopg.connect(base_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        try:
            yield StoreConfig(
                base_url, pool_size=pool_size, max_overflow=10, schema=schema, cache_size=cache_size
            )
        finally:
            with psycopg.connect(base_url, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
        return
    path = Path(database_url.removeprefix("sqlite:///"))
    scratch = path.with_name(f"{path.stem}.bench-{label}-{uuid.uuid4().hex[:8]}{path.suffix or '.db'}")
    try:
        yield StoreConfig(f"sqlite:///{scratch}", cache_size=cache_size)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)


@contextlib.contextmanager
def scratch_reads(config: StoreConfig) -> Iterator[Engine]:
    """A writer engine for read models beside the scratch store ``config``: the same SQLite file,
    or a schema of their own on PostgreSQL (``<schema>_read``), dropped afterwards."""
    schema = f"{config.schema}_read" if config.is_postgres else None
    engine = read_engine(config.database_url, schema=schema, writer=True)
    try:
        yield engine
    finally:
        if schema is not None:
            with engine.begin() as conn:
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        engine.dispose()
