"""Throw-away event stores for benchmarks: a fresh schema or file per run, removed after."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
from psycopg import sql

from commands.persistence import StoreConfig


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
