"""Reports as known at a log position: the log prefix replayed into temporary read models.

A report "as known at position P" must count exactly the events recorded up to P, so a
backdated correction recorded later does not change it. The live read models hold everything up
to their position; here the projections a report needs (statements: the general ledger; budget
tables: the ERP balances) are run afresh over positions 1..P into temporary tables, with the
batched engine (:meth:`ProjectionEngine.catch_up` with ``until=P``, reading the next batch while it
applies one), and the report is computed by the very query functions the live report uses
(:mod:`readmodels.statements`), on those tables. Run on the same events by the same code, the answer
is the one the live report gave when its views stood at P.

Where the tables live:

- PostgreSQL: a schema of its own in the read database, ``cleanledger_replay_<random>``, whose
  tables are ``UNLOGGED`` (no write-ahead log: nobody needs them after a crash) and whose
  transactions commit without waiting for the disk; dropped when the replay ends, also on error.
  (A process killed outright leaves the schema behind; :func:`drop_leftovers` removes such.)
- SQLite: a temporary file beside nothing, deleted when the replay ends.

Nothing is cached between replays: each one reads the log as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from eventsourcing.persistence import ApplicationRecorder
from sqlalchemy import Connection, Engine, Table, event, text

from projections.base import Projection
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from projections.general_ledger import GeneralLedgerProjection
from readmodels.database import read_engine

log = logging.getLogger(__name__)

#: Events per batch: nobody reads the temporary tables while they fill, so batches are as large as
#: a rebuild's (fewer statements, more row changes folded per statement).
REPLAY_BATCH = 20_000
SCHEMA_PREFIX = "cleanledger_replay_"

#: What each kind of report needs: "ledger" (the statements), "budget" (the budget tables).
KINDS: dict[str, tuple[type[Projection], ...]] = {
    "ledger": (GeneralLedgerProjection,),
    "budget": (BalancesProjection,),
}

Progress = Callable[[int, int], None]


class _ReplayEngine(ProjectionEngine):
    """The batched engine over temporary tables: on PostgreSQL they are created UNLOGGED, and
    without secondary indexes (the reports of a replay read ``account_daily`` and
    ``line_balances`` by their keys, and the postings by position; every index costs each
    posting's insert). A report must not be answered from a replay that skipped an event, so
    an event it cannot apply fails the replay instead of stopping one projection."""

    isolate_faults = False

    def tables_of(self, projection: Projection, generation: int) -> dict[str, Table]:
        tables = super().tables_of(projection, generation)
        for table in tables.values():
            for index in [i for i in table.indexes if not i.unique]:
                table.indexes.discard(index)
            if self.engine.dialect.name == "postgresql":
                table._prefixes = ["UNLOGGED"]  # SQLAlchemy's CREATE prefixes
        return tables


class Replay:
    """Temporary read models filled with the log up to a position; :meth:`advance` moves it on."""

    def __init__(
        self,
        recorder: ApplicationRecorder,
        engine: Engine,
        projections: Sequence[Projection],
        *,
        batch_size: int = REPLAY_BATCH,
    ) -> None:
        self.engine = engine
        self.projection_engine = _ReplayEngine(recorder, engine, projections, batch_size=batch_size)
        self.position = 0
        #: Events applied so far.
        self.events = 0

    def advance(self, until: int, progress: Progress | None = None) -> int:
        """Apply the events after the current position up to ``until``; returns how many."""
        if until <= self.position:
            return 0
        applied = self.projection_engine.catch_up(until=until, progress=progress)
        self.position = until
        self.events += applied
        return applied

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection that reads the temporary tables by their logical names."""
        with self.engine.connect() as conn:
            yield conn


@contextlib.contextmanager
def replay(
    recorder: ApplicationRecorder,
    read: Engine,
    kind: str,
    *,
    until: int | None = None,
    progress: Progress | None = None,
    batch_size: int = REPLAY_BATCH,
) -> Iterator[Replay]:
    """Temporary read models of ``kind`` ("ledger" or "budget") beside the read database ``read``,
    filled up to ``until`` (if given); dropped on leaving, however the block ends."""
    if kind not in KINDS:
        msg = f"unknown kind of report {kind!r} (known: {', '.join(KINDS)})"
        raise ValueError(msg)
    with _temporary_engine(read) as engine:
        session = Replay(recorder, engine, [cls() for cls in KINDS[kind]], batch_size=batch_size)
        if until is not None:
            session.advance(until, progress)
        yield session


@contextlib.contextmanager
def _temporary_engine(read: Engine) -> Iterator[Engine]:
    if read.dialect.name == "postgresql":
        schema = f"{SCHEMA_PREFIX}{uuid.uuid4().hex[:16]}"
        url = read.url.render_as_string(hide_password=False)
        try:
            engine = read_engine(url, schema=schema, pool_size=2, writer=True)
            event.listen(engine, "connect", _fast_commits)
            engine.dispose()
            try:
                yield engine
            finally:
                engine.dispose()
        finally:
            _drop_schema(read, schema)
        return
    handle, path = tempfile.mkstemp(prefix="cleanledger-replay-", suffix=".db")
    os.close(handle)
    try:
        engine = read_engine(f"sqlite:///{path}", writer=True)
        event.listen(engine, "connect", _sqlite_no_sync)
        try:
            yield engine
        finally:
            engine.dispose()
    finally:
        for suffix in ("", "-wal", "-shm", ".rebuild-lock"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{path}{suffix}")


def _fast_commits(dbapi_connection: Any, _: Any) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    dbapi_connection.commit()


def _sqlite_no_sync(dbapi_connection: Any, _: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


def _drop_schema(read: Engine, schema: str) -> None:
    try:
        with read.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    except Exception:
        log.exception("could not drop the replay schema %s; drop_leftovers() removes it", schema)


def drop_leftovers(read: Engine) -> list[str]:
    """Drop replay schemas left by killed processes (PostgreSQL); returns their names. Only for
    when no replay is running: a running one would lose its tables."""
    if read.dialect.name != "postgresql":
        return []
    with read.connect() as conn:
        names = [
            row[0]
            for row in conn.execute(
                text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"), {"p": f"{SCHEMA_PREFIX}%"}
            )
        ]
    for name in names:
        _drop_schema(read, name)
    return names


__all__ = ["KINDS", "REPLAY_BATCH", "Replay", "drop_leftovers", "replay"]
