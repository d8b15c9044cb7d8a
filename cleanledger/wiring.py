"""Build the application from settings."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import AbstractContextManager, asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg
from fastapi import FastAPI
from psycopg import sql
from sqlalchemy import Engine

from api.accounts import AccountStore
from api.app import create_app
from api.services import ApiServices, Limits, PositionWaiter, ProjectionFaulted, Replayer, ReplaySession
from cleanledger.keys import signer_from
from cleanledger.settings import Settings
from cleanledger.witness import trusted_witnesses
from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig, schema_creation_lock, sqlite_path
from commands.personal_data.key_store import DataKeyStore
from commands.personal_data.keyring import MasterKeyring, load_keyring
from commands.personal_data.vault import PersonalDataVault
from projections.background import BackgroundProjector
from projections.engine import DEFAULT_BATCH, IN_PROCESS_BATCH, ProjectionEngine
from projections.hash_chain import CanonicalLog
from projections.merkle_tree import HeadTicker, TreeHeadPublisher
from projections.registry import all_projections, code_versions, integrity_projections
from projections.replay import replay
from projections.worker import Listener
from readmodels.database import read_engine
from readmodels.state import live_faults

#: While a read waits for a position, how often it looks whether a fault stopped a projection
#: before it (then it answers at once instead of waiting out its timeout).
FAULT_CHECK_SECONDS = 0.1

log = logging.getLogger(__name__)


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
    settings = settings or Settings()
    config = store_config(settings)
    ensure_schema(config)
    ledger = open_ledger(config)
    ledger.personal_data = personal_data_vault(settings, config)
    return ledger


def personal_data_vault(settings: Settings, config: StoreConfig) -> PersonalDataVault | None:
    """The vault that seals employees' personal data (개인정보), or None without a master key.

    The embedded default (a SQLite file and no ``CLEANLEDGER_MASTER_KEY``) keeps its master key in
    a file beside the database, made on first use, so a new user records personnel with nothing
    to set up; a server on PostgreSQL must be given its key (a file kept apart from the database,
    or a KMS hook), and refuses personal data until it is."""
    setting = settings.master_key
    if setting is None:
        if config.is_postgres:
            return None
        path = Path(sqlite_path(config) + ".master-key")
        if not path.exists():
            with contextlib.suppress(FileExistsError):  # another process made it first
                MasterKeyring.generate().save(path, overwrite=False)
        setting = str(path)
    return PersonalDataVault(load_keyring(setting), DataKeyStore(config))


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
    settings: Settings,
    ledger: Ledger,
    *,
    batch_size: int = DEFAULT_BATCH,
    batch_lock: threading.RLock | None = None,
) -> ProjectionEngine:
    """Every projection, reading ``ledger``'s event log and writing the read-model database.

    Creating the engine creates missing tables and views; workers starting at the same moment
    take turns (the advisory lock the event store's start-up takes), so they never race on DDL.
    """
    engine = build_read_engine(settings, writer=True)
    with schema_creation_lock(store_config(settings)):
        return ProjectionEngine(
            ledger.recorder, engine, all_projections(), batch_size=batch_size, batch_lock=batch_lock
        )


def build_chain_engine(
    settings: Settings,
    ledger: Ledger,
    *,
    batch_size: int = DEFAULT_BATCH,
    batch_lock: threading.RLock | None = None,
) -> ProjectionEngine:
    """The hash chain (tamper evidence) in a projection group (an engine) of its own."""
    engine = build_read_engine(settings, writer=True)
    projections = integrity_projections(
        CanonicalLog(ledger.recorder),
        signer_from(settings.signing_key),
        settings.checkpoint_every,
        settings.log_origin,
    )
    with schema_creation_lock(store_config(settings)):
        return ProjectionEngine(
            ledger.recorder, engine, projections, batch_size=batch_size, batch_lock=batch_lock
        )


def build_head_publisher(
    settings: Settings, engine: Engine, *, lock: threading.RLock | None = None
) -> TreeHeadPublisher:
    """Signs tree heads at the tree's current size (interval and on demand), writing ``engine``."""
    return TreeHeadPublisher(engine, signer_from(settings.signing_key), origin=settings.log_origin, lock=lock)


def listen_conninfo(settings: Settings) -> str | None:
    """The event store's PostgreSQL connection string for a LISTEN connection (None on SQLite)."""
    config = store_config(settings)
    return config.database_url.split("?", 1)[0] if config.is_postgres else None


def event_channel(ledger: Ledger) -> str:
    """The channel the event store's inserts NOTIFY: its schema and events table's names
    (``<schema>_ledger_events``, see commands.pg_recorder)."""
    return str(getattr(ledger.recorder, "channel_name", "ledger_events"))


def listener(settings: Settings, ledger: Ledger) -> Listener | None:
    """A LISTEN connection (not yet open) to the event store's channel; None on SQLite."""
    conninfo = listen_conninfo(settings)
    return None if conninfo is None else Listener(conninfo, event_channel(ledger))


# --- the HTTP service ---------------------------------------------------------------------------


class Service:
    """The API with what it runs on: the ledger, the read models, in-process projections.

    Projections run in-process (a background thread) on the embedded SQLite default, or when
    ``run_projections`` says so; otherwise a separate ``cleanledger project --follow`` worker runs
    them and reads with ``min_position`` watch its position.

    Idle, the in-process projectors sleep until a command of this process pokes them
    (``after_command``), a save of any process notifies them (PostgreSQL LISTEN, one connection
    each), or their backed-off interval ends (:mod:`projections.wakeup`). Another periodic task of
    the server (a tree-head publisher, say) sleeps on a wakeup of its own the same way and is
    poked from :meth:`_poke` with them.
    """

    def __init__(
        self, settings: Settings, *, run_projections: bool | None = None, ledger: Ledger | None = None
    ) -> None:
        self.settings = settings
        self.ledger = ledger or build_ledger(settings)
        # On SQLite, saves and projection batches in this process take one lock in turn (see
        # LedgerCore.write_lock): both write the one file.
        shared_lock = None if store_config(settings).is_postgres else threading.RLock()
        if shared_lock is not None:
            self.ledger.write_lock = shared_lock
        # On SQLite a command waits for a batch in progress: batches stay short there.
        batch = DEFAULT_BATCH if shared_lock is None else IN_PROCESS_BATCH
        projection_engine = build_projection_engine(
            settings, self.ledger, batch_size=batch, batch_lock=shared_lock
        )
        in_process = not store_config(settings).is_postgres if run_projections is None else run_projections
        self.projector = (
            BackgroundProjector(projection_engine, listener=listener(settings, self.ledger))
            if in_process
            else None
        )
        # The hash chain keeps up in the same way, as its own group: tamper evidence needs no
        # separate worker on the embedded default.
        self.chain_projector = (
            BackgroundProjector(
                build_chain_engine(settings, self.ledger, batch_size=batch, batch_lock=shared_lock),
                listener=listener(settings, self.ledger),
            )
            if in_process
            else None
        )
        # Tree heads every few seconds while the log grows (the chain's group signs them at its
        # checkpoints), and on demand; cosignatures from the witnesses the settings trust.
        self.head_publisher = build_head_publisher(settings, projection_engine.engine, lock=shared_lock)
        self.head_ticker = (
            HeadTicker(
                self.head_publisher,
                settings.tree_head_seconds,
                log_head=lambda: self.ledger.recorder.max_notification_id() or 0,
            )
            if in_process
            else None
        )
        read = build_read_engine(settings)
        waiter = fault_aware(
            self.projector.wait_for if self.projector else _polling_waiter(projection_engine),
            read,
            [p.name for p in projection_engine.projections],
        )
        with schema_creation_lock(store_config(settings)):  # workers starting at once: one adds tables
            accounts = AccountStore(read, writer=projection_engine.engine)
        self.services = ApiServices(
            ledger=self.ledger,
            read_engine=read,
            accounts=accounts,
            wait_for_position=waiter,
            limits=Limits(
                max_body_bytes=settings.max_body_bytes,
                min_position_timeout=settings.min_position_timeout,
                public_requests_per_minute=settings.public_requests_per_minute,
                public_cache_seconds=settings.public_cache_seconds,
                public_cache_entries=settings.public_cache_entries,
                known_at_replays=settings.known_at_replays,
                failed_auth_limit=settings.failed_auth_limit,
                failed_auth_window=settings.failed_auth_window_seconds,
            ),
            after_command=self._poke,
            replay=replayer(self.ledger, read),
            projection_versions=code_versions(),
            publish_head=self.head_publisher.publish,
            witnesses=trusted_witnesses(settings.witness_keys),
            record_cosignature=self.head_publisher.add_cosignature,
        )
        self.app = create_app(self.services, lifespan=self._lifespan)

    def _poke(self) -> None:
        for projector in (self.projector, self.chain_projector):
            if projector is not None:
                projector.poke()
        if self.head_ticker is not None:
            self.head_ticker.mark()

    @asynccontextmanager
    async def _lifespan(self, _: FastAPI) -> AsyncIterator[None]:
        running = [p for p in (self.projector, self.chain_projector) if p is not None]
        for projector in running:
            projector.start()
        if self.head_ticker is not None:
            self.head_ticker.start()
        # On PostgreSQL the key cache is used only while this process watches the accounts version.
        if not self.services.accounts.start_watching():
            log.warning("accounts watch not in force yet: every key is looked up until it is")
        try:
            yield
        finally:
            self.services.accounts.stop_watching()
            if self.head_ticker is not None:
                self.head_ticker.stop()
            for projector in running:
                projector.stop()
            self.ledger.close()


def replayer(ledger: Ledger, read: Engine) -> Replayer:
    """Replays for reports "as known at" a position: temporary read models beside ``read``."""

    def open_replay(kind: str) -> AbstractContextManager[ReplaySession]:
        return replay(ledger.recorder, read, kind)

    return open_replay


def fault_aware(wait: PositionWaiter, read: Engine, names: list[str]) -> PositionWaiter:
    """``wait``, in slices of :data:`FAULT_CHECK_SECONDS`, raising :class:`ProjectionFaulted` as soon
    as one of the projections ``names`` is found stopped by a fault before the position: it will
    not get there until an operator clears the fault. A read already there costs no look."""

    def waiter(position: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if wait(position, min(FAULT_CHECK_SECONDS, max(0.0, deadline - time.monotonic()))):
                return True
            with read.connect() as conn:
                stopped = [f for f in live_faults(conn, names) if f.position <= position]
            if stopped:
                raise ProjectionFaulted(stopped[0].name, stopped[0].position)
            if time.monotonic() >= deadline:
                return False

    return waiter


def _polling_waiter(engine: ProjectionEngine) -> PositionWaiter:
    """For projections run by a separate worker: look at their position every few milliseconds."""

    def wait(position: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        pause = 0.002
        while engine.position() < position:
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        return True

    return wait
