"""Build the application from settings."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import psycopg
from psycopg import sql
from sqlalchemy import Engine

from cleanledger.settings import Settings
from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig, schema_creation_lock
from projections.engine import DEFAULT_BATCH, ProjectionEngine
from projections.registry import all_projections
from readmodels.database import read_engine


def store_config(settings: Settings) -> StoreConfig:
    return StoreConfig(
        database_url=settings.database_url,
        pool_size=settings.pool_size,
        max_overflow=settings.max_overflow,
        schema=settings.db_schema,
        cache_size=settings.aggregate_cache_size,
    )


def ensure_schema(config: StoreConfig) -> None:
    """eventsourcing expects the schema to exist; create it on first use."""
    schema = config.schema or (parse_qs(urlsplit(config.database_url).query).get("schema") or [""])[0]
    if not config.is_postgres or not schema:
        return
    conninfo = config.database_url.split("?", 1)[0]
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))


def build_ledger(settings: Settings | None = None) -> Ledger:
    config = store_config(settings or Settings())
    ensure_schema(config)
    return open_ledger(config)


# --- the read side ------------------------------------------------------------------------------


def build_read_engine(settings: Settings, *, writer: bool = False) -> Engine:
    """The read-model database: the settings' ``read_database_url`` or the event store's database.

    On PostgreSQL, connections address ``read_schema`` (created if missing) by plain names.
    Readers (``writer=False``) never take SQLite's write lock; projection workers do.
    """
    url = settings.read_url
    postgres = url.startswith(("postgresql://", "postgres://"))
    return read_engine(
        url,
        schema=settings.read_schema if postgres else None,
        pool_size=settings.pool_size,
        writer=writer,
    )


def build_projection_engine(
    settings: Settings, ledger: Ledger, *, batch_size: int = DEFAULT_BATCH
) -> ProjectionEngine:
    """Every projection, reading ``ledger``'s event log and writing the read-model database.

    Creating the engine creates missing tables and views; workers starting at the same moment
    take turns (the advisory lock the event store's start-up takes), so they never race on DDL.
    """
    engine = build_read_engine(settings, writer=True)
    with schema_creation_lock(store_config(settings)):
        return ProjectionEngine(ledger.recorder, engine, all_projections(), batch_size=batch_size)


def listen_conninfo(settings: Settings) -> str | None:
    """The event store's PostgreSQL connection string for a LISTEN connection (None on SQLite)."""
    config = store_config(settings)
    return config.database_url.split("?", 1)[0] if config.is_postgres else None
