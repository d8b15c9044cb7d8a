"""The batched projection engine: exactly once, in log order, many events per transaction.

One :class:`ProjectionEngine` serves a group of projections. A batch is one read-database
transaction that

1. locks the group's rows in ``projection_state`` (``SELECT … FOR UPDATE`` on PostgreSQL; the
   SQLite writer lock) so that two workers never both apply a batch;
2. reads the next events after the lowest position of the group from the event store, many at a
   time (the store commits positions in order, so "after N" never skips a late commit);
3. lets each projection turn the events past its own position into row changes, folded in memory;
4. writes the rows and the new positions, and commits.

A crash anywhere before the commit leaves rows and positions as they were, so nothing is lost or
applied twice; the next batch starts again from the committed position.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from eventsourcing.persistence import ApplicationRecorder
from sqlalchemy import Connection, Engine, MetaData, Table, select, text, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.sql.elements import quoted_name

from projections import lanes
from projections.base import Envelope, Projection, RowWriter
from projections.source import EventSource
from readmodels.state import physical_name, projection_state, state_metadata

log = logging.getLogger(__name__)

DEFAULT_BATCH = 5_000


@dataclass(frozen=True)
class Standing:
    """Where one projection stands."""

    name: str
    position: int
    generation: int


def generation_tables(tables: Iterable[Table], generation: int) -> dict[str, Table]:
    """Physical copies of logical ``tables`` for ``generation``, with their own index names."""
    metadata = MetaData()
    physical: dict[str, Table] = {}
    for table in tables:
        copy = table.to_metadata(metadata, name=physical_name(table.name, generation))
        for index in copy.indexes:
            if index.name:
                index.name = quoted_name(f"{index.name}__g{generation}", quote=None)
        physical[table.name] = copy
    return physical


class ProjectionEngine:
    """Applies events to a group of projections; safe to run in several processes at once."""

    def __init__(
        self,
        recorder: ApplicationRecorder,
        engine: Engine,
        projections: Sequence[Projection],
        *,
        batch_size: int = DEFAULT_BATCH,
        batch_lock: threading.RLock | None = None,
    ) -> None:
        self.recorder = recorder
        self.source = EventSource(recorder)
        self.engine = engine
        self.projections = list(projections)
        self.batch_size = batch_size
        self._names = [p.name for p in self.projections]
        self._handled = frozenset().union(*(p.handles for p in self.projections))
        self._tables: dict[tuple[str, int], dict[str, Table]] = {}
        # Where this process left each projection: if the committed position is elsewhere
        # (another worker moved it, or our batch rolled back), in-memory lookups are stale.
        self._committed: dict[str, int] = {}
        # Threads of one process that share this engine (a background follower and a reader
        # catching up) take turns: the database lock already serialises their batches, and this
        # keeps the projections' in-memory lookups and ``_committed`` in step with it. On SQLite
        # the process's command saves share it (``batch_lock``), so the file's writers take turns
        # in the process instead of waiting on the database lock while holding a pool connection.
        self._batch_lock = batch_lock or threading.RLock()
        self.setup()

    # --- schema -----------------------------------------------------------------------------

    def setup(self) -> None:
        """Create the state table, and generation 1 with its views for new projections."""
        with self.engine.begin() as conn:
            state_metadata.create_all(conn)
            known = self.standings(conn, lock=False)
            for projection in self.projections:
                if projection.name not in known:
                    self._create_generation(conn, projection, 1)
                    self._point_views(conn, projection, 1)
                    conn.execute(
                        projection_state.insert().values(
                            name=projection.name, position=0, generation=1, version=projection.version
                        )
                    )
                else:
                    self._create_missing(conn, projection, known[projection.name].generation)

    def _create_missing(self, conn: Connection, projection: Projection, generation: int) -> None:
        """Tables a newer version of ``projection`` added (and their views), empty, so that a worker
        can apply batches; they fill from the start of the log only by a rebuild, which the
        changed ``version`` calls for (``cleanledger status`` shows it)."""
        postgres = conn.dialect.name == "postgresql"
        for logical, table in self.tables_of(projection, generation).items():
            if conn.dialect.has_table(conn, table.name):
                continue
            table.create(conn)
            verb = "CREATE OR REPLACE VIEW" if postgres else "CREATE VIEW IF NOT EXISTS"
            conn.execute(text(f'{verb} "{logical}" AS SELECT * FROM "{table.name}"'))

    def tables_of(self, projection: Projection, generation: int) -> dict[str, Table]:
        key = (projection.name, generation)
        if key not in self._tables:
            self._tables[key] = generation_tables(projection.tables, generation)
        return self._tables[key]

    def _create_generation(self, conn: Connection, projection: Projection, generation: int) -> None:
        tables = self.tables_of(projection, generation)
        for table in tables.values():
            table.drop(conn, checkfirst=True)
            table.create(conn)

    def _point_views(self, conn: Connection, projection: Projection, generation: int) -> None:
        postgres = conn.dialect.name == "postgresql"
        for logical, table in self.tables_of(projection, generation).items():
            if not postgres:
                conn.execute(text(f'DROP VIEW IF EXISTS "{logical}"'))
            verb = "CREATE OR REPLACE VIEW" if postgres else "CREATE VIEW"
            conn.execute(text(f'{verb} "{logical}" AS SELECT * FROM "{table.name}"'))

    # --- applying batches -------------------------------------------------------------------

    def standings(
        self, conn: Connection, *, lock: bool, names: Sequence[str] | None = None
    ) -> dict[str, Standing]:
        query = select(projection_state).where(projection_state.c.name.in_(names or self._names))
        if lock and conn.dialect.name == "postgresql":
            query = query.with_for_update()
        return {row.name: Standing(row.name, row.position, row.generation) for row in conn.execute(query)}

    def run_batch(
        self,
        prefetched: tuple[int, list[Envelope]] | None = None,
        *,
        names: Sequence[str] | None = None,
        until: int | None = None,
    ) -> int:
        """Apply the next batch; returns how many events it read (0: caught up).

        ``prefetched`` is (start, events after start) read ahead of time; it is used only if
        the group still stands at ``start`` once its rows are locked. ``names``: only these
        projections of the group (a lane, see :mod:`projections.lanes`), locking only their rows.
        ``until``: apply no event past this position.
        """
        names = list(names or self._names)
        with self._batch_lock:
            try:
                with self.engine.begin() as conn:
                    count, last = self._apply_next(conn, prefetched, names, until)
            except BaseException:
                self._committed.clear()
                raise
            if count:
                self._committed.update(dict.fromkeys(names, last))
            return count

    def _read(self, after: int, until: int | None) -> list[Envelope]:
        """The next batch after ``after``, with no event past ``until`` (if given)."""
        if until is None:
            return self.source.read(after, self.batch_size)
        if after >= until:
            return []
        # Positions only grow, so at most ``until - after`` events lie in (after, until].
        batch = self.source.read(after, min(self.batch_size, until - after))
        if batch and batch[-1].position > until:  # gaps in the positions
            batch = [event for event in batch if event.position <= until]
        return batch

    def _apply_next(
        self,
        conn: Connection,
        prefetched: tuple[int, list[Envelope]] | None,
        names: Sequence[str],
        until: int | None = None,
    ) -> tuple[int, int]:
        standing = self.standings(conn, lock=True, names=names)
        start = min(row.position for row in standing.values())
        if prefetched is not None and prefetched[0] == start:
            batch = prefetched[1]
        else:
            batch = self._read(start, until)
        if not batch:
            return 0, start
        last = batch[-1].position
        for projection in self.projections:
            row = standing.get(projection.name)
            if row is None:  # not of this lane
                continue
            continuing = self._committed.get(projection.name) == row.position
            self.apply_to(conn, projection, row.generation, batch, row.position, continuing=continuing)
        conn.execute(update(projection_state).where(projection_state.c.name.in_(names)).values(position=last))
        return len(batch), last

    def apply_to(
        self,
        conn: Connection,
        projection: Projection,
        generation: int,
        batch: Sequence[Envelope],
        after: int,
        *,
        continuing: bool,
    ) -> None:
        """Apply the events of ``batch`` past ``after`` to ``projection``'s tables of ``generation``.

        Writes rows only: no position is read or recorded, that is the caller's business (a batch
        records it in ``projection_state``; a rebuild tracks it in memory until it switches over).
        """
        tables = self.tables_of(projection, generation)
        projection.start(conn, tables, continuing=continuing)
        mine = [e for e in batch if e.position > after and e.name in projection.handles]
        if mine:
            writer = RowWriter(tables)
            projection.apply(mine, writer)
            writer.flush(conn)

    def catch_up(
        self,
        until: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        parallel: bool = False,
    ) -> int:
        """Apply batches until the group is at ``until`` (default: the head of the log).

        The next batch's events are read in a second thread while this one is applied, so the
        database's work on the read overlaps Python's work on the rows. ``parallel``: on
        PostgreSQL, the general ledger is applied by a forked process meanwhile, in transactions
        of its own (:mod:`projections.lanes`); ``progress`` then follows this process's lane.
        Returns how many events were applied (the larger count of the two lanes).
        """
        if parallel and lanes.can_fork(self):
            here, there = lanes.split(self.projections)
            if here and there:
                return self._catch_up_in_lanes(
                    [p.name for p in here], [p.name for p in there], until, progress
                )
        return self._catch_up(self._names, until, progress)

    def _catch_up_in_lanes(
        self,
        here: list[str],
        there: list[str],
        until: int | None,
        progress: Callable[[int, int], None] | None,
    ) -> int:
        with self._batch_lock:  # no batch of another thread is under way while the child forks
            lane = lanes.Lane(self, lambda engine: engine._catch_up(there, until, None))
        try:
            done = self._catch_up(here, until, progress)
            other = lane.result()
        except BaseException:
            lane.stop()
            raise
        finally:
            with self._batch_lock:  # the child moved these: this process's lookups are stale
                for name in there:
                    self._committed.pop(name, None)
        return max(done, other)

    def _catch_up(
        self, names: list[str], until: int | None, progress: Callable[[int, int], None] | None
    ) -> int:
        done = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch") as pool:
            start = self._position(names)
            ahead = pool.submit(self._read, start, until)
            while True:
                if until is not None and start >= until:
                    return done
                batch = ahead.result()
                if batch:
                    ahead = pool.submit(self._read, batch[-1].position, until)
                count = self.run_batch((start, batch) if batch else None, names=names, until=until)
                done += count
                if progress is not None:
                    head = self.head()
                    progress(self._position(names), head if until is None else min(head, until))
                if count == 0:
                    return done
                start = self._position(names)
                if not batch or start != batch[-1].position:  # someone else moved: read afresh
                    ahead = pool.submit(self._read, start, until)

    def position(self) -> int:
        """The lowest position of the group: every projection has applied everything up to it."""
        return self._position(self._names)

    def _position(self, names: Sequence[str]) -> int:
        with self.engine.connect() as conn:
            positions = [s.position for s in self.standings(conn, lock=False, names=names).values()]
        return min(positions) if positions else 0

    def head(self) -> int:
        return self.source.head()

    # --- following ------------------------------------------------------------------------------

    def follow(
        self, stop: threading.Event, wait: Callable[[float], None] | None = None, idle_seconds: float = 0.2
    ) -> None:
        """Apply batches until ``stop`` is set; when caught up, ``wait`` (LISTEN, or sleep)."""
        pause = wait or stop.wait
        failures = 0
        while not stop.is_set():
            try:
                if self.run_batch() == 0:
                    pause(idle_seconds)
                failures = 0
            except (OperationalError, InterfaceError, OSError) as error:  # lost connection: back off
                failures += 1
                log.warning("projection batch failed (%s); retrying", error)
                stop.wait(min(0.1 * 2**failures, 5.0))
                self.engine.dispose()
            except Exception as error:
                # A lost event-store connection surfaces as eventsourcing's own errors.
                if type(error).__module__.startswith(("eventsourcing", "psycopg")):
                    failures += 1
                    log.warning("projection batch failed (%s); retrying", error)
                    stop.wait(min(0.1 * 2**failures, 5.0))
                    self._check_source_pool()
                    continue
                raise

    def _check_source_pool(self) -> None:
        """After a lost event-store connection, test the store's idle pooled connections and replace
        the dead ones at once: when the server went away they all died, and meeting them one
        failed batch (and one longer back-off) at a time takes seconds."""
        check = getattr(getattr(getattr(self.recorder, "datastore", None), "pool", None), "check", None)
        if callable(check):
            try:
                check()
            except Exception as error:  # the server is still away: the next batch fails and waits
                log.debug("event-store pool check failed: %s", error)
