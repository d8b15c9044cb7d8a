"""Build the application from settings."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import psycopg
from psycopg import sql

from cleanledger.settings import Settings
from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig


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
