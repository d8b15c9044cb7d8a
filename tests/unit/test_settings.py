"""Settings choose the store: a SQLite file by default, PostgreSQL by URL, pool and schema from settings."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cleanledger.settings import Settings
from cleanledger.wiring import store_config
from commands.persistence import StoreConfig, environment


def test_the_default_is_a_sqlite_file_in_the_working_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLEANLEDGER_DATABASE_URL", raising=False)
    env = environment(store_config(Settings(_env_file=None)))
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"
    assert env["SQLITE_DBNAME"] == "cleanledger.db"


def test_a_postgresql_url_selects_postgres_with_its_pool_and_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", "postgresql://ledger:s%40cret@db.local:6543/finance")
    monkeypatch.setenv("CLEANLEDGER_POOL_SIZE", "12")
    monkeypatch.setenv("CLEANLEDGER_MAX_OVERFLOW", "3")
    monkeypatch.setenv("CLEANLEDGER_DB_SCHEMA", "ledger_2026")
    env = environment(store_config(Settings(_env_file=None)))
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
    assert (env["POSTGRES_HOST"], env["POSTGRES_PORT"], env["POSTGRES_DBNAME"]) == (
        "db.local",
        "6543",
        "finance",
    )
    assert (env["POSTGRES_USER"], env["POSTGRES_PASSWORD"]) == ("ledger", "s@cret")
    assert (env["POSTGRES_POOL_SIZE"], env["POSTGRES_MAX_OVERFLOW"]) == ("12", "3")
    assert env["POSTGRES_SCHEMA"] == "ledger_2026"


def test_a_schema_may_come_in_the_url() -> None:
    env = environment(StoreConfig("postgresql://postgres@127.0.0.1:5432/test?schema=cl"))
    assert env["POSTGRES_SCHEMA"] == "cl"
    assert env["POSTGRES_DBNAME"] == "test"


def test_an_unknown_database_scheme_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", "mysql://root@localhost/x")
    with pytest.raises(ValidationError, match="sqlite:/// or postgresql://"):
        Settings(_env_file=None)


def test_an_in_memory_sqlite_store_is_refused() -> None:
    with pytest.raises(ValueError, match="needs a file"):
        environment(StoreConfig("sqlite:///:memory:"))


def test_a_pool_of_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEANLEDGER_POOL_SIZE", "1")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)
