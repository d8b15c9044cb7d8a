"""The accounts version (계정 변경 번호): how every process learns at once that a key or user changed.

Every change that can alter what a cached key may do (a key revoked or its expiry changed, a user
disabled, a grant given or taken) adds one to the counter row of ``api_accounts_version`` in the
same transaction. A process trusts its cache of verified keys only for the version it last saw
(api.accounts.AccountStore), so the guarantee is: once the call that made the change returns, no
request that starts afterwards is answered from a cache that predates it, in any process.

How a process sees the version:

* **SQLite** (one file on one machine, shared by the server and the CLI): every authentication
  reads the counter, a local read of a few microseconds on a connection kept for it
  (:class:`LocalVersion`). A commit that returned is seen by the next read (WAL).
* **PostgreSQL** (several server processes, perhaps on several machines): a query per request
  would cost a round trip on the event loop. Instead each server process keeps a LISTEN
  connection (:class:`VersionWatch`) and the change notifies the channel in its transaction. A
  notification alone is asynchronous: the change's caller could return before a worker has read
  it. So the watch also holds a shared advisory lock named for the version it trusts, and the
  changing call, after its commit, takes each older version's lock exclusively
  (:meth:`PostgresVersions.confirm`), which it gets only when every process that trusted that
  version has dropped its cache and let go. A process whose LISTEN connection is down trusts
  nothing (every key is looked up) until it is back and has read the version afresh.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import BigInteger, Column, Connection, Engine, Integer, MetaData, Table, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError

log = logging.getLogger(__name__)

versions_metadata = MetaData()

accounts_version = Table(
    "api_accounts_version",
    versions_metadata,
    Column("id", Integer, primary_key=True),
    Column("version", BigInteger, nullable=False),
)

#: How long a change waits for every server process to confirm it dropped its cache.
CONFIRM_SECONDS = 10.0
#: A watch reads the version at least this often even without a notification (a lost
#: notification then costs this long, never a wrong answer: the changing call waits meanwhile).
RECHECK_SECONDS = 2.0
#: The longest a watch waits on its connection before looking whether it should stop.
WAIT_SECONDS = 0.5

#: ``on_epoch(version)``: the cache may be trusted for ``version``; ``None``: trust nothing.
EpochListener = Callable[[int | None], None]


class ChangeNotConfirmed(Exception):
    """The change is committed, but some server process did not confirm it dropped its cache."""


def create_version_table(engine: Engine) -> None:
    """The counter table with its one row (idempotent; concurrent creators are tolerated)."""
    versions_metadata.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        if conn.execute(select(accounts_version.c.id)).first() is not None:
            return
    # Another process may insert it meanwhile: its row is as good.
    with contextlib.suppress(IntegrityError), engine.begin() as conn:
        conn.execute(accounts_version.insert().values(id=1, version=1))


def bump(conn: Connection, channel: str | None) -> int:
    """Add one to the version in ``conn``'s transaction (and notify ``channel``); the new version."""
    conn.execute(
        update(accounts_version)
        .where(accounts_version.c.id == 1)
        .values(version=accounts_version.c.version + 1)
    )
    version = int(
        conn.execute(select(accounts_version.c.version).where(accounts_version.c.id == 1)).scalar_one()
    )
    if channel is not None:
        # Delivered at commit, and only if it commits.
        conn.execute(
            text("SELECT pg_notify(:channel, :version)"), {"channel": channel, "version": str(version)}
        )
    return version


class LocalVersion:
    """SQLite: the counter read on a connection of its own, without a transaction around it."""

    _QUERY = "SELECT version FROM api_accounts_version WHERE id = 1"

    def __init__(self, engine: Engine) -> None:
        raw = engine.raw_connection()
        self._conn: Any = raw.driver_connection
        raw.detach()  # kept for the store's life, outside the pool
        self._lock = threading.Lock()

    def read(self) -> int:
        with self._lock:
            # fetchall, not fetchone: the statement must run to its end, or the read transaction
            # (and its snapshot) stays open and later reads would not see new commits.
            rows = self._conn.execute(self._QUERY).fetchall()
        return int(rows[0][0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class PostgresVersions:
    """PostgreSQL: the channel a change notifies and the advisory locks that confirm it.

    Both are named for the read schema, so two ledgers in one database do not disturb each
    other. Locks use the two-key form: (namespace, version).
    """

    def __init__(self, engine: Engine) -> None:
        with engine.connect() as conn:
            self.schema = str(conn.execute(text("SELECT current_schema()")).scalar_one())
        tag = zlib.crc32(f"cleanledger accounts {self.schema}".encode())
        self.namespace = tag & 0x7FFFFFFF
        self.channel = f"cleanledger_accounts_{tag:08x}"
        self.conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    def confirm(self, conn: Connection, version: int, timeout: float = CONFIRM_SECONDS) -> None:
        """Return once no process trusts a version older than ``version`` (committed already).

        A process that trusts version v holds the shared lock (namespace, v) from before it read
        v until it has dropped its cache; taking that lock exclusively therefore waits for
        exactly those processes. One that takes its lock after this looks at ``pg_locks`` reads
        the version afterwards, sees ``version`` or later and does not trust v. Raises
        :class:`ChangeNotConfirmed` naming the processes that did not let go in ``timeout``.
        """
        deadline = time.monotonic() + timeout
        held = (
            conn.execute(
                text(
                    "SELECT DISTINCT objid::bigint FROM pg_locks WHERE locktype = 'advisory' "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    "AND classid = CAST(:namespace AS bigint)::oid AND objsubid = 2 AND granted "
                    "AND objid::bigint < :version"
                ),
                {"namespace": self.namespace, "version": version},
            )
            .scalars()
            .all()
        )
        conn.commit()
        for old in sorted(held):
            remaining = max(deadline - time.monotonic(), 0.001)
            try:
                with conn.begin():
                    conn.execute(text(f"SET LOCAL lock_timeout = '{int(remaining * 1000)}ms'"))
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:namespace, :old)"),
                        {"namespace": self.namespace, "old": int(old)},
                    )
            except OperationalError as error:
                if getattr(error.orig, "sqlstate", None) != "55P03":  # lock_not_available
                    raise
                raise ChangeNotConfirmed(self._holders(conn, int(old), timeout)) from None

    def _holders(self, conn: Connection, old: int, timeout: float) -> str:
        rows = conn.execute(
            text(
                "SELECT l.pid, a.application_name, a.client_addr FROM pg_locks l "
                "LEFT JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                "AND l.classid = CAST(:namespace AS bigint)::oid AND l.objsubid = 2 "
                "AND l.objid::bigint = :old AND l.granted"
            ),
            {"namespace": self.namespace, "old": old},
        ).all()
        conn.rollback()
        who = ", ".join(
            f"pid {r.pid} ({r.application_name or '?'} at {r.client_addr or 'local'})" for r in rows
        )
        return (
            f"the change is recorded, but server processes did not confirm within {timeout:g} s that "
            f"they dropped their key caches: {who or 'none left by now'}"
        )


class VersionWatch:
    """A server process's LISTEN connection: tells ``on_epoch`` which version its cache may trust.

    Runs in a daemon thread. ``on_epoch(None)`` comes first on every notification and whenever
    the connection is lost, before the shared lock of the old version is let go.
    """

    def __init__(self, versions: PostgresVersions, on_epoch: EpochListener) -> None:
        self.versions = versions
        self.on_epoch = on_epoch
        self.epoch: int | None = None
        self._stop = threading.Event()
        self._trusted = threading.Event()
        self._thread = threading.Thread(target=self._run, name="accounts-version-watch", daemon=True)
        #: Times the connection was found lost (for logs and tests).
        self.losses = 0
        #: The server process of the current connection (None while there is none).
        self.backend_pid: int | None = None

    def start(self, wait: float = 5.0) -> bool:
        """Start watching; True once the cache is trusted (within ``wait`` seconds)."""
        self._thread.start()
        return self._trusted.wait(wait)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        conn = psycopg.connect(
            self.versions.conninfo,
            autocommit=True,
            connect_timeout=5,
            application_name="cleanledger accounts watch",
            # A peer that vanished without closing (a dead machine, a cut network) is noticed
            # by both ends within about 20 s: the server then lets go of this process's lock.
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=5,
            keepalives_count=2,
        )
        conn.execute("SET lock_timeout = '5s'")
        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.versions.channel)))
        self.backend_pid = conn.info.backend_pid
        return conn

    def _read(self, conn: psycopg.Connection[tuple[Any, ...]]) -> int:
        query = sql.SQL("SELECT version FROM {}.api_accounts_version WHERE id = 1").format(
            sql.Identifier(self.versions.schema)
        )
        row = conn.execute(query).fetchone()
        assert row is not None  # created with the store
        return int(row[0])

    def _trust(self, conn: psycopg.Connection[tuple[Any, ...]]) -> None:
        """Drop the cache, let go of the old version's lock, then lock and trust the current one."""
        self._set(None)
        conn.execute("SELECT pg_advisory_unlock_all()")
        while True:
            seen = self._read(conn)
            conn.execute("SELECT pg_advisory_lock_shared(%s, %s)", (self.versions.namespace, seen))
            if self._read(conn) == seen:  # no change committed between the read and the lock
                self._set(seen)
                self._trusted.set()
                return
            conn.execute("SELECT pg_advisory_unlock_shared(%s, %s)", (self.versions.namespace, seen))

    def _set(self, epoch: int | None) -> None:
        self.epoch = epoch
        self.on_epoch(epoch)

    def _run(self) -> None:
        pause = 0.1
        try:
            while not self._stop.is_set():
                conn = None
                try:
                    conn = self._connect()
                    self._trust(conn)
                    pause = 0.1
                    self._follow(conn)
                except Exception as error:  # a lost connection above all; never a trusted cache
                    self._set(None)
                    self.losses += 1
                    log.warning("accounts watch: %s; every key is looked up until it is back", error)
                    self._stop.wait(pause)
                    pause = min(pause * 2, 5.0)
                finally:
                    self.backend_pid = None
                    if conn is not None:
                        with contextlib.suppress(psycopg.Error):
                            conn.close()
        finally:
            self._set(None)  # a watch that ends, however, leaves nothing trusted

    def _follow(self, conn: psycopg.Connection[tuple[Any, ...]]) -> None:
        checked = time.monotonic()
        while not self._stop.is_set():
            newer = False
            for notice in conn.notifies(timeout=WAIT_SECONDS, stop_after=1):
                newer = _newer(notice.payload, self.epoch)
            if newer:
                for _ in conn.notifies(timeout=0):  # one re-read answers all queued so far
                    pass
                self._trust(conn)
                checked = time.monotonic()
            elif time.monotonic() - checked >= RECHECK_SECONDS:
                if self._read(conn) != self.epoch:
                    self._trust(conn)
                checked = time.monotonic()


def _newer(payload: str, epoch: int | None) -> bool:
    try:
        return epoch is None or int(payload) > epoch
    except ValueError:
        return True
