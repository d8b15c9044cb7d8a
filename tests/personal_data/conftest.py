"""Fixtures of the personal-data tests: a data-key store on each backend, a ring, a vault."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from psycopg import sql

from commands.persistence import StoreConfig, sqlite_path
from commands.personal_data import DataKeyStore, MasterKeyring, PersonalDataVault
from commands.personal_data.key_store import TABLE


@pytest.fixture
def key_store(store_config: StoreConfig) -> Iterator[DataKeyStore]:
    with DataKeyStore(store_config) as store:
        yield store


@pytest.fixture
def keyring() -> MasterKeyring:
    return MasterKeyring.generate()


@pytest.fixture
def vault(keyring: MasterKeyring, key_store: DataKeyStore) -> PersonalDataVault:
    return PersonalDataVault(keyring, key_store)


def key_rows(config: StoreConfig) -> list[tuple[Any, ...]]:
    """Every row of the data-key table, read straight from the database (not through the store)."""
    query = "SELECT subject_id, wrapped_key, key_id, shredded_at, shred_reason FROM {} ORDER BY 1"
    if not config.is_postgres:
        with sqlite3.connect(sqlite_path(config)) as conn:
            return list(conn.execute(query.format(TABLE)))
    with psycopg.connect(config.database_url) as conn:
        table = sql.Identifier(config.schema or "public", TABLE)
        return list(conn.execute(sql.SQL(query).format(table)).fetchall())
