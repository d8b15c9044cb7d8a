"""Fixtures of the HTTP tests: the whole service on each backend, and keys for users with roles.

``client`` is a TestClient of the app built exactly as ``cleanledger serve`` builds it, over the
test's event store; projections run in-process on both backends so ``min_position`` reads work
without a separate worker.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from psycopg import sql

from api.accounts import parse_grant
from cleanledger.settings import Settings
from cleanledger.wiring import Service
from commands.persistence import StoreConfig
from commands.personal_data.keyring import MasterKeyring
from tests.conftest import POSTGRES_URL, PostgresSchema

SEOUL = "6110000"
YEAR = 2026

#: The master key that seals personal data in these tests (the embedded default would make one
#: beside the SQLite file; PostgreSQL needs one named).
MASTER_KEY_FILE = Path(tempfile.mkdtemp(prefix="cleanledger-keys-")) / "master.key"
if not MASTER_KEY_FILE.exists():
    MasterKeyring.generate().save(MASTER_KEY_FILE)


def settings_for(store_config: StoreConfig) -> Settings:
    if store_config.is_postgres:
        return Settings(
            _env_file=None,  # type: ignore[call-arg]
            database_url=store_config.database_url,
            db_schema=store_config.schema,
            read_schema=f"{store_config.schema}_read",
            public_requests_per_minute=0,
            public_cache_seconds=0,  # tests read right after the views move: always look
            master_key=str(MASTER_KEY_FILE),
        )
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=store_config.database_url,
        public_requests_per_minute=0,
        public_cache_seconds=0,
        master_key=str(MASTER_KEY_FILE),
    )


@contextlib.contextmanager
def serving(
    store_config: StoreConfig, *, run_projections: bool = True, **changes: Any
) -> Iterator[tuple[Service, TestClient]]:
    """The service with ``changes`` to the tests' settings, and a client of it; removed after."""
    settings = settings_for(store_config).model_copy(update=changes)
    service = Service(settings, run_projections=run_projections)
    try:
        with TestClient(service.app) as client:
            yield service, client
    finally:
        service.services.read_engine.dispose()
        if store_config.is_postgres:
            PostgresSchema.drop_named(settings.read_schema)


@pytest.fixture
def service(store_config: StoreConfig) -> Iterator[Service]:
    built = Service(settings_for(store_config), run_projections=True)
    try:
        yield built
    finally:
        built.services.read_engine.dispose()
        if store_config.is_postgres:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(
                        sql.Identifier(f"{store_config.schema}_read")
                    )
                )


@pytest.fixture
def client(service: Service) -> Iterator[TestClient]:
    with TestClient(service.app) as test_client:
        yield test_client


KeyMaker = Callable[..., dict[str, str]]


@pytest.fixture
def key_for(service: Service) -> KeyMaker:
    """``key_for("kim", "clerk@6110000", …)``: a new user with those grants; its auth headers."""

    def make(username: str, *grants: str) -> dict[str, str]:
        service.services.accounts.create_user(username, username, [parse_grant(g) for g in grants])
        secret = service.services.accounts.issue_key(username).secret
        return {"Authorization": f"Bearer {secret}"}

    return make
