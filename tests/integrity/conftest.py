"""Fixtures of the tamper-evidence tests: a signing key, the hash-chain group, raw SQL on the log."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from psycopg import sql
from sqlalchemy import Engine

from cleanledger.keys import Ed25519Signer
from cleanledger.verify import VerifyReport, verify_chain
from commands.ledger import Ledger
from commands.persistence import StoreConfig, sqlite_path
from projections.engine import ProjectionEngine
from projections.hash_chain import CanonicalLog
from projections.registry import integrity_projections
from tests.app.books import Books
from tests.conftest import POSTGRES_URL

Row = tuple[Any, ...]


class RawLog:
    """The event store's table, edited behind the application's back (as an intruder would)."""

    def __init__(self, config: StoreConfig, table: str) -> None:
        self.postgres = config.is_postgres
        self.name = table
        if self.postgres:
            self.table = sql.SQL("{}.{}").format(
                sql.Identifier(config.schema or "public"), sql.Identifier(table)
            )
            self.position = "notification_id"
            self.schema = config.schema or "public"
        else:
            self.path = sqlite_path(config)
            self.position = "rowid"

    def _run(self, statement: str, params: tuple[Any, ...] = ()) -> list[Row]:
        if self.postgres:
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                query = sql.SQL(statement.replace("$T", "{}")).format(self.table)
                cursor = conn.execute(query, params)
                return cursor.fetchall() if cursor.description else []
        conn = sqlite3.connect(self.path)
        try:
            cursor = conn.execute(statement.replace("$T", self.name).replace("%s", "?"), params)
            rows = cursor.fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()

    def positions(self) -> list[int]:
        return [r[0] for r in self._run(f"SELECT {self.position} FROM $T ORDER BY {self.position}")]

    def row(self, position: int) -> Row:
        rows = self._run(
            f"SELECT originator_id, originator_version, topic, state FROM $T WHERE {self.position} = %s",
            (position,),
        )
        return rows[0]

    def set_state(self, position: int, state: bytes) -> None:
        self._run(f"UPDATE $T SET state = %s WHERE {self.position} = %s", (state, position))

    def delete(self, position: int) -> None:
        self._run(f"DELETE FROM $T WHERE {self.position} = %s", (position,))

    def insert(self, position: int, row: Row) -> None:
        self._run(
            f"INSERT INTO $T ({self.position}, originator_id, originator_version, topic, state) "
            "VALUES (%s, %s, %s, %s, %s)",
            (position, *row),
        )

    def set_row(self, position: int, row: Row) -> None:
        self._run(
            "UPDATE $T SET originator_id = %s, originator_version = %s, topic = %s, state = %s "
            f"WHERE {self.position} = %s",
            (*row, position),
        )

    def swap(self, first: int, second: int) -> None:
        """Swap the contents of two rows (their positions stay): the two events change places."""
        a, b = self.row(first), self.row(second)
        self._run(f"UPDATE $T SET originator_version = -1 WHERE {self.position} = %s", (first,))
        self.set_row(second, a)
        self.set_row(first, b)

    def burn_position(self) -> None:
        """Leave a gap in the positions, as a rolled-back insert does on PostgreSQL."""
        if self.postgres:
            self._run(
                "SELECT nextval(pg_get_serial_sequence(%s, 'notification_id'))",
                (f'"{self.schema}"."{self.name}"',),
            )
            return
        # SQLite numbers rows max + 1: a filler row two places on leaves a gap before it.
        last = self.positions()[-1]
        _originator, version, topic, state = self.row(last)
        filler = "f" * 32
        self.insert(last + 2, (filler, version, topic, state))


@pytest.fixture
def signer() -> Ed25519Signer:
    return Ed25519Signer(Ed25519PrivateKey.generate())


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


@pytest.fixture
def canonical_log(ledger: Ledger) -> CanonicalLog:
    return CanonicalLog(ledger.recorder)


@pytest.fixture
def chain(
    ledger: Ledger, read_db: Engine, canonical_log: CanonicalLog, signer: Ed25519Signer
) -> ProjectionEngine:
    """The hash chain in its own group, a checkpoint every 5 events, signed."""
    return ProjectionEngine(
        ledger.recorder, read_db, integrity_projections(canonical_log, signer, 5), batch_size=7
    )


@pytest.fixture
def raw(store_config: StoreConfig, ledger: Ledger) -> Iterator[RawLog]:
    yield RawLog(store_config, ledger.recorder.events_table_name)


@pytest.fixture
def verify(canonical_log: CanonicalLog, read_db: Engine, signer: Ed25519Signer) -> Any:
    def run(**kwargs: Any) -> VerifyReport:
        kwargs.setdefault("trusted_keys", [signer.public_key])
        kwargs.setdefault("chunk", 6)
        return verify_chain(canonical_log, read_db, **kwargs)

    return run
