"""Data keys (데이터 키), one per employee, kept wrapped in ``personnel_data_keys``.

Each employee (the subject) has one random 256-bit data key that seals their personal data. The
key is stored only wrapped under a master key (:mod:`commands.personal_data.keyring`), in the same
database as the event store, in the table

    personnel_data_keys(subject_id, wrapped_key, key_id, created_at, shredded_at, shred_reason)

**Crypto-shredding.** The events keep the sealed personal data for ever (the log is append-only);
erasing an employee's data means destroying their data key: :meth:`DataKeyStore.shred` sets the
wrapped key to NULL and records when and why, and the row stays as evidence. A shredded subject
never gets a new key, so nothing more can be sealed for them either.

A copy of the wrapped key can outlive the UPDATE: in a PostgreSQL dead tuple until VACUUM, in a
SQLite free page or WAL frame (this store turns ``secure_delete`` on and truncates the WAL after a
shred, which covers the live file), and in every backup. Those copies are still wrapped under the
master key, so the shredding is complete once that master key is retired:
``cleanledger keys rotate-master`` rewraps the live keys under a new master key and keeps only
that one.

SQLite is reached with :mod:`sqlite3`, a connection per call (cheap for a file) with a busy
timeout and ``BEGIN IMMEDIATE`` for writes, so it waits its turn behind the event store's writers
instead of failing; PostgreSQL through a small :mod:`psycopg_pool` pool, the table in the
configured schema if there is one.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, Self
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import psycopg
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from psycopg import sql
from psycopg_pool import ConnectionPool

from commands.persistence import StoreConfig, schema_creation_lock, sqlite_path
from commands.personal_data.keyring import MasterKeyring

TABLE = "personnel_data_keys"
_REWRAP_BATCH = 500


class DataKeyShredded(LookupError):
    """The subject's data key was shredded: their personal data is erased for good."""


class _Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class _Connection(Protocol):
    def execute(self, query: str, params: Sequence[Any] = ..., /) -> _Cursor: ...


class _Backend(Protocol):
    table: str  # the quoted, schema-qualified table name
    mark: str  # the parameter placeholder
    lock_rows: str  # what makes a SELECT lock the rows it reads until the transaction ends

    def transaction(self, *, write: bool) -> contextlib.AbstractContextManager[_Connection]: ...

    def subject(self, subject: UUID) -> object: ...

    def timestamp(self, moment: datetime) -> object: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class _Row:
    wrapped_key: str | None
    shredded: bool


class DataKeyStore:
    """The wrapped data keys of every subject, in the event store's database."""

    def __init__(self, config: StoreConfig, *, busy_timeout: float = 10.0) -> None:
        self._db: _Backend = _Postgres(config) if config.is_postgres else _SQLite(config, busy_timeout)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # --- reading ------------------------------------------------------------------------------

    def data_key(self, subject: UUID, keyring: MasterKeyring) -> bytes | None:
        """The subject's data key, or None: shredded, or never made."""
        row = self._row(subject)
        if row is None or row.wrapped_key is None:
            return None
        return keyring.unwrap(row.wrapped_key, subject)

    def is_shredded(self, subject: UUID) -> bool:
        row = self._row(subject)
        return row is not None and row.shredded

    def _row(self, subject: UUID) -> _Row | None:
        db = self._db
        with db.transaction(write=False) as conn:
            found = conn.execute(
                f"SELECT wrapped_key, shredded_at FROM {db.table} WHERE subject_id = {db.mark}",
                (db.subject(subject),),
            ).fetchone()
        return None if found is None else _Row(found[0], found[1] is not None)

    # --- writing ------------------------------------------------------------------------------

    def get_or_create(self, subject: UUID, keyring: MasterKeyring) -> bytes:
        """The subject's data key, made now if they have none; :class:`DataKeyShredded` if shredded.

        Two processes that race here both insert-if-absent and then read back the row: the one
        key that was stored wins, and both return it.
        """
        row = self._row(subject)
        if row is None:
            self._insert(subject, keyring.wrap(AESGCM.generate_key(bit_length=256), subject), keyring)
            row = self._row(subject)
        if row is None or row.wrapped_key is None:
            raise DataKeyShredded(f"the data key of {subject} was shredded; nothing more can be sealed")
        return keyring.unwrap(row.wrapped_key, subject)

    def _insert(self, subject: UUID, wrapped: str, keyring: MasterKeyring) -> None:
        db, m = self._db, self._db.mark
        with db.transaction(write=True) as conn:
            conn.execute(
                f"INSERT INTO {db.table} (subject_id, wrapped_key, key_id, created_at) "
                f"VALUES ({m}, {m}, {m}, {m}) ON CONFLICT (subject_id) DO NOTHING",
                (db.subject(subject), wrapped, keyring.active_key_id, db.timestamp(_now())),
            )

    def shred(self, subject: UUID, reason: str) -> bool:
        """Destroy the subject's data key (crypto-shredding); False if it was shredded already.

        A subject that never had a key gets a shredded row, so none is ever made for them. The
        ``reason`` is kept for ever as evidence: name the ground (a request, a retention limit),
        not personal data.
        """
        if not reason.strip():
            raise ValueError("a shred needs a reason")
        db, m = self._db, self._db.mark
        now, key = db.timestamp(_now()), db.subject(subject)
        with db.transaction(write=True) as conn:
            destroyed = conn.execute(
                f"UPDATE {db.table} SET wrapped_key = NULL, key_id = NULL, shredded_at = {m}, "
                f"shred_reason = {m} WHERE subject_id = {m} AND shredded_at IS NULL",
                (now, reason, key),
            ).rowcount
            if destroyed == 0:
                destroyed = conn.execute(
                    f"INSERT INTO {db.table} (subject_id, created_at, shredded_at, shred_reason) "
                    f"VALUES ({m}, {m}, {m}, {m}) ON CONFLICT (subject_id) DO NOTHING",
                    (key, now, now, reason),
                ).rowcount
        if destroyed and isinstance(db, _SQLite):
            db.truncate_wal()
        return destroyed > 0

    def rewrap_all(self, old: MasterKeyring, new: MasterKeyring, *, batch_size: int = _REWRAP_BATCH) -> int:
        """Rewrap every live data key not yet under ``new``'s active key; the number rewrapped.

        Each key is unwrapped with ``old`` and wrapped with ``new``'s active key, one transaction
        per batch, the batch's rows locked while it runs (a shred waits for it). The events are
        never touched: the data keys stay the same, only their wrapping changes. Save ``new``
        where the keys are kept BEFORE calling this: from the first batch on, rows need it.
        A row whose master key ``old`` does not hold stops the rotation with
        :class:`~commands.personal_data.keyring.KeyUnavailable` (the batches before it stay done).
        """
        db, m = self._db, self._db.mark
        target = new.active_key_id
        total = 0
        while True:
            with db.transaction(write=True) as conn:
                # Rewrapped rows leave the filter, so each batch reads the next ones from the top.
                rows = conn.execute(
                    f"SELECT subject_id, wrapped_key FROM {db.table} WHERE wrapped_key IS NOT NULL "
                    f"AND key_id <> {m} ORDER BY subject_id LIMIT {m}{db.lock_rows}",
                    (target, batch_size),
                ).fetchall()
                for stored_id, wrapped in rows:
                    subject = stored_id if isinstance(stored_id, UUID) else UUID(hex=stored_id)
                    conn.execute(
                        f"UPDATE {db.table} SET wrapped_key = {m}, key_id = {m} WHERE subject_id = {m}",
                        (new.wrap(old.unwrap(wrapped, subject), subject), target, stored_id),
                    )
            total += len(rows)
            if len(rows) < batch_size:
                return total


def _now() -> datetime:
    return datetime.now(UTC)


_COLUMNS = """
    subject_id   {subject_type} PRIMARY KEY,
    wrapped_key  TEXT,
    key_id       TEXT,
    created_at   {time_type} NOT NULL,
    shredded_at  {time_type},
    shred_reason TEXT,
    -- A row holds a wrapped key (and its master key's id) or is shredded, never both or neither.
    CHECK ((wrapped_key IS NULL) = (key_id IS NULL)),
    CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL))
"""


class _SQLite:
    """The embedded store's file: a short-lived connection per call."""

    mark = "?"
    lock_rows = ""  # BEGIN IMMEDIATE already holds the file's write lock

    def __init__(self, config: StoreConfig, busy_timeout: float) -> None:
        self._path = sqlite_path(config)
        self._timeout = busy_timeout
        self.table = f'"{TABLE}"'
        with self._connect() as conn:
            # WAL lets readers go on while a writer writes; the event store asks for it too.
            conn.execute("PRAGMA journal_mode = WAL")
            columns = _COLUMNS.format(subject_type="TEXT", time_type="TEXT")
            conn.execute(f"CREATE TABLE IF NOT EXISTS {self.table} ({columns})")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self._path, timeout=self._timeout, isolation_level=None)
        try:
            # Freed space is zeroed, so a shredded key's bytes do not linger in a free page.
            conn.execute("PRAGMA secure_delete = ON")
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def transaction(self, *, write: bool) -> Iterator[_Connection]:
        with self._connect() as conn:
            # IMMEDIATE takes the write lock up front: a deferred transaction that later writes
            # can fail with SQLITE_BUSY at once under WAL, where the busy timeout does not help.
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def truncate_wal(self) -> None:
        """Copy the WAL into the file and empty it, so the old wrapped key is gone from the WAL.

        Best effort: a reader holding an old snapshot makes it give up after a second; the copy
        left is still wrapped under the master key (see the module's note).
        """
        with self._connect() as conn:
            conn.execute("PRAGMA busy_timeout = 1000")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @staticmethod
    def subject(subject: UUID) -> object:
        return subject.hex  # as the SQLite event store writes ids: 32 hex digits

    @staticmethod
    def timestamp(moment: datetime) -> object:
        return moment.isoformat()

    def close(self) -> None:
        pass


class _Postgres:
    """The PostgreSQL database of the event store, through a small pool."""

    mark = "%s"
    lock_rows = " FOR UPDATE"

    def __init__(self, config: StoreConfig) -> None:
        url = config.database_url
        schema = config.schema or (parse_qs(urlsplit(url).query).get("schema") or [""])[0]
        conninfo = url.split("?", 1)[0]
        with schema_creation_lock(config), psycopg.connect(conninfo, autocommit=True) as conn:
            name = sql.Identifier(schema, TABLE) if schema else sql.Identifier(TABLE)
            self.table = name.as_string(conn)
            if schema:
                conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(schema)))
            columns = _COLUMNS.format(subject_type="uuid", time_type="timestamptz")
            conn.execute(f"CREATE TABLE IF NOT EXISTS {self.table} ({columns})")
        self._pool = ConnectionPool(
            conninfo, min_size=1, max_size=max(2, config.pool_size), open=True, name="personnel-data-keys"
        )

    @contextlib.contextmanager
    def transaction(self, *, write: bool) -> Iterator[_Connection]:
        # The pool commits when the block ends and rolls back when it raises.
        with self._pool.connection() as conn:
            yield conn

    @staticmethod
    def subject(subject: UUID) -> object:
        return subject

    @staticmethod
    def timestamp(moment: datetime) -> object:
        return moment

    def close(self) -> None:
        self._pool.close()
