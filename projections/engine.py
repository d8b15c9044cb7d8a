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

A batch that fails for a reason of its own (not a lost connection: :mod:`projections.faults`) is
applied again with each projection in a savepoint of its own: a projection that cannot apply an
event keeps what comes before it, stops just before it, and its fault is recorded in
``projection_faults``; the others move on. Later batches skip a faulted projection until an
operator clears its fault (``cleanledger retry NAME``).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from eventsourcing.persistence import ApplicationRecorder
from sqlalchemy import Connection, Engine, MetaData, Table, and_, inspect, select, text, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.sql.elements import quoted_name

from projections import lanes
from projections.base import Envelope, EveryEvent, Projection, RowWriter
from projections.collector import collection_paused
from projections.faults import fault_of, first_failure, is_transient
from projections.source import EventSource, Window
from readmodels.state import (
    Fault,
    clear_faults,
    live_faults,
    physical_name,
    projection_faults,
    projection_state,
    record_fault,
    state_metadata,
)

log = logging.getLogger(__name__)

#: Events (log positions) per batch of a worker. A live worker's batches hold only what is new;
#: a worker behind the head gains from large ones: rows touched again and again (a line's
#: balances) are written once per batch, and a lane that handles a third of the log still gets
#: thousands of events per transaction (5 000 made 28 500 events/s, 20 000 made 43 700–53 700 in
#: ``bench.projections``; docs/benchmarks.md, issue 3).
DEFAULT_BATCH = 20_000
#: Batches of projections run in-process beside commands on SQLite, which wait for them (one
#: writer at a time): smaller, so that a command waits for a shorter batch.
IN_PROCESS_BATCH = 5_000


@dataclass(frozen=True)
class Standing:
    """Where one projection stands."""

    name: str
    position: int
    generation: int
    #: The position of the event a fault stopped it before (None: it runs).
    fault: int | None = None


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

    #: Whether a projection that cannot apply an event is stopped (and its fault recorded) while
    #: the others go on; without, the batch's error is raised (a replay for a report wants that).
    isolate_faults = True

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
        self._handled = self.handled_by(self._names)
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
        """Tables and columns a newer version of ``projection`` added (and their views), empty, so
        that a worker can apply batches; they fill from the start of the log only by a rebuild,
        which the changed ``version`` calls for (``cleanledger status`` shows it)."""
        postgres = conn.dialect.name == "postgresql"
        for logical, table in self.tables_of(projection, generation).items():
            if conn.dialect.has_table(conn, table.name):
                present = {column["name"] for column in inspect(conn).get_columns(table.name)}
                added = [column for column in table.columns if column.name not in present]
                if not added:
                    continue
                for column in added:  # nullable: the rows written before have none
                    kind = column.type.compile(dialect=conn.dialect)
                    conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))
                # A PostgreSQL view keeps the columns ``*`` meant when it was made: make it again.
                conn.execute(text(f'DROP VIEW IF EXISTS "{logical}"'))
            else:
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
        # Drop and create rather than PostgreSQL's CREATE OR REPLACE VIEW, which refuses a new
        # generation that drops, renames or reorders columns. Both happen in the switch-over's
        # transaction, so a reader sees the old view or the new one, never none.
        for logical, table in self.tables_of(projection, generation).items():
            conn.execute(text(f'DROP VIEW IF EXISTS "{logical}"'))
            conn.execute(text(f'CREATE VIEW "{logical}" AS SELECT * FROM "{table.name}"'))

    # --- applying batches -------------------------------------------------------------------

    def standings(
        self, conn: Connection, *, lock: bool, names: Sequence[str] | None = None
    ) -> dict[str, Standing]:
        """Where the projections ``names`` stand, each with the fault of its current generation."""
        state, faulted = projection_state, projection_faults
        query = (
            select(state.c.name, state.c.position, state.c.generation, faulted.c.position.label("fault"))
            .outerjoin(
                faulted, and_(faulted.c.name == state.c.name, faulted.c.generation == state.c.generation)
            )
            .where(state.c.name.in_(names or self._names))
        )
        if lock and conn.dialect.name == "postgresql":
            query = query.with_for_update(of=state)
        return {
            row.name: Standing(row.name, row.position, row.generation, row.fault)
            for row in conn.execute(query)
        }

    def run_batch(
        self,
        prefetched: tuple[int, Window] | None = None,
        *,
        names: Sequence[str] | None = None,
        until: int | None = None,
    ) -> int:
        """Apply the next batch; returns how many log positions it moved past (0: caught up).

        ``prefetched`` is (start, the window after start) read ahead of time; it is used only if
        the group still stands at ``start`` once its rows are locked. ``names``: only these
        projections of the group (a lane, see :mod:`projections.lanes`), locking only their rows.
        ``until``: apply no event past this position.
        """
        names = list(names or self._names)
        with self._batch_lock:
            try:
                with collection_paused(), self.engine.begin() as conn:
                    count, reached = self._apply_next(conn, prefetched, names, until)
            except Exception as error:
                self._committed.clear()
                if not self.isolate_faults or is_transient(error):
                    raise
                # An event some projection cannot apply: the same batch, each projection alone.
                log.debug("projection batch failed (%r); applying each projection alone", error)
                with collection_paused(), self.engine.begin() as conn:
                    count, reached = self._apply_isolated(conn, names, until)
            except BaseException:
                self._committed.clear()
                raise
            self._committed.update(reached)
            return count

    def handled_by(self, names: Sequence[str]) -> frozenset[str] | None:
        """The events the projections ``names`` of the group handle (None: every event)."""
        chosen = [p.handles for p in self.projections if p.name in names]
        if any(isinstance(handles, EveryEvent) for handles in chosen):
            return None
        return frozenset().union(*chosen)

    def _read(self, after: int, until: int | None, names: Sequence[str] | None = None) -> Window:
        """The next window after ``after``: only the events the projections ``names`` (default:
        the group) handle, at most ``batch_size`` positions, none past ``until`` (if given)."""
        handled = self._handled if names is None else self.handled_by(names)
        return self.source.window(after, self.batch_size, handled, until)

    def _running(self, conn: Connection, names: Sequence[str]) -> dict[str, Standing]:
        """The projections ``names`` that no fault stopped, their rows locked."""
        return {
            n: row for n, row in self.standings(conn, lock=True, names=names).items() if row.fault is None
        }

    def _apply_next(
        self,
        conn: Connection,
        prefetched: tuple[int, Window] | None,
        names: Sequence[str],
        until: int | None = None,
    ) -> tuple[int, dict[str, int]]:
        """One batch of the projections ``names`` that run; how many positions it moved past,
        and the position each projection reached."""
        standing = self._running(conn, names)
        if not standing:
            return 0, {}
        start = min(row.position for row in standing.values())
        if prefetched is not None and prefetched[0] == start:
            window = prefetched[1]
        else:
            window = self._read(start, until, list(standing))
        if window.upto <= start:
            return 0, {}
        last = window.upto
        for projection in self.projections:
            row = standing.get(projection.name)
            if row is None:  # not of this lane, or stopped by a fault
                continue
            continuing = self._committed.get(projection.name) == row.position
            self.apply_to(
                conn, projection, row.generation, window.events, row.position, continuing=continuing
            )
        # A projection already past the window (one added to a running group starts at 0; a
        # rebuilt one is switched over at the head; one whose fault was cleared restarts behind
        # the others) stays where it is: moved back, it would apply its events again.
        behind = [name for name, row in standing.items() if row.position < last]
        if behind:
            conn.execute(
                update(projection_state).where(projection_state.c.name.in_(behind)).values(position=last)
            )
        return last - start, {name: max(row.position, last) for name, row in standing.items()}

    def _apply_isolated(
        self, conn: Connection, names: Sequence[str], until: int | None
    ) -> tuple[int, dict[str, int]]:
        """The batch again, each projection in a savepoint of its own: one that fails is bisected
        to the first event it cannot apply (:func:`apply_isolated`), stops just before it and has
        its fault recorded; the others move on as ever. All in this one transaction."""
        standing = self._running(conn, names)
        if not standing:
            return 0, {}
        start = min(row.position for row in standing.values())
        window = self._read(start, until, list(standing))
        if window.upto <= start:
            return 0, {}
        reached: dict[str, int] = {}
        clean: set[str] = set()
        for projection in self.projections:
            row = standing.get(projection.name)
            if row is None:
                continue
            fault = self.apply_isolated(
                conn, projection, row.generation, window.events, row.position, continuing=False
            )
            if fault is None:
                reached[projection.name] = max(row.position, window.upto)
                clean.add(projection.name)
            else:
                reached[projection.name] = fault.position - 1
                record_fault(conn, fault)
                log.error(
                    "projection %s is stopped before position %d; the others carry on. Fix the "
                    "cause, then: cleanledger retry %s",
                    fault.name,
                    fault.position,
                    fault.name,
                )
            conn.execute(
                update(projection_state)
                .where(projection_state.c.name == projection.name)
                .values(position=reached[projection.name])
            )
        # Only the projections that met no fault continue in memory: a failed savepoint may have
        # left the other's lookups ahead of its rows.
        return window.upto - start, {n: p for n, p in reached.items() if n in clean}

    def apply_isolated(
        self,
        conn: Connection,
        projection: Projection,
        generation: int,
        batch: Sequence[Envelope],
        after: int,
        *,
        continuing: bool,
    ) -> Fault | None:
        """Apply the events of ``batch`` past ``after`` to ``projection`` in savepoints; if one
        cannot be applied, keep those before it and return the fault (None: all applied).

        ``continuing`` is for the first attempt (all of it), as in :meth:`apply_to`. A lost
        connection is raised, never recorded: the batch is then retried."""
        mine = [e for e in batch if e.position > after and e.name in projection.handles]
        first = [continuing]

        def attempt(events: Sequence[Envelope]) -> Exception | None:
            # After a failed attempt, never continuing: it may have left lookups in memory that
            # its rolled-back rows do not have; they are read again from this transaction.
            again, first[0] = first[0], False
            try:
                with conn.begin_nested():
                    self.apply_to(conn, projection, generation, events, after, continuing=again)
            except Exception as error:
                if is_transient(error):
                    raise
                return error
            return None

        found = first_failure(mine, attempt)
        if found is None:
            return None
        index, error = found
        if mine:
            fault = fault_of(projection.name, generation, mine[index].position, mine[index], error)
        else:  # it fails before any event (in its start): stop it at the next position
            fault = fault_of(projection.name, generation, after + 1, None, error)
        # Once, when it is met: later batches skip the projection without a word.
        log.error(
            "projection %s (generation %d) cannot apply the event at position %d (%s): %s: %s",
            fault.name,
            fault.generation,
            fault.position,
            fault.event,
            fault.error,
            fault.message,
        )
        return fault

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
        PostgreSQL, each projection but the first is applied by a forked process meanwhile, in
        transactions of its own (:mod:`projections.lanes`); ``progress`` then follows this
        process's lane.
        Returns how many log positions were applied (the largest count of the lanes).
        """
        if parallel and lanes.can_fork(self):
            groups = lanes.split(self._names)
            if len(groups) > 1:
                return self._catch_up_in_lanes(groups, until, progress)
        return self._catch_up(self._names, until, progress)

    def _catch_up_in_lanes(
        self, groups: list[list[str]], until: int | None, progress: Callable[[int, int], None] | None
    ) -> int:
        here, others = groups[0], groups[1:]
        works = [
            functools.partial(ProjectionEngine._catch_up, names=names, until=until, progress=None)
            for names in others
        ]
        try:
            done, counts = lanes.side_by_side(self, works, lambda: self._catch_up(here, until, progress))
        finally:
            with self._batch_lock:  # the children moved these: this process's lookups are stale
                for names in others:
                    for name in names:
                        self._committed.pop(name, None)
        return max([done, *counts])

    def _catch_up(
        self, names: list[str], until: int | None, progress: Callable[[int, int], None] | None
    ) -> int:
        done = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch") as pool:
            start = self._position(names, running=True)
            ahead = pool.submit(self._read, start, until, names)
            while True:
                if until is not None and start >= until:
                    return done
                window = ahead.result()
                moved = window.upto > start
                if moved:
                    ahead = pool.submit(self._read, window.upto, until, names)
                count = self.run_batch((start, window) if moved else None, names=names, until=until)
                done += count
                if progress is not None:
                    head = self.head()
                    progress(self._position(names, running=True), head if until is None else min(head, until))
                if count == 0:
                    return done
                start = self._position(names, running=True)
                if not moved or start != window.upto:  # someone else moved: read afresh
                    ahead = pool.submit(self._read, start, until, names)

    def position(self) -> int:
        """The lowest position of the group: every projection has applied everything up to it."""
        return self._position(self._names)

    def _position(self, names: Sequence[str], *, running: bool = False) -> int:
        """The lowest position of ``names`` (``running``: of those no fault stopped, if any)."""
        with self.engine.connect() as conn:
            standing = list(self.standings(conn, lock=False, names=names).values())
        if running and any(s.fault is None for s in standing):
            standing = [s for s in standing if s.fault is None]
        return min((s.position for s in standing), default=0)

    def retry(self, names: Sequence[str] | None = None) -> list[str]:
        """Clear the faults of ``names`` (default: the group's), so their next batch tries the
        event that stopped them again; the names that had one."""
        cleared = []
        with self._batch_lock, self.engine.begin() as conn:
            for name in names or self._names:
                if clear_faults(conn, name):
                    cleared.append(name)
                self._committed.pop(name, None)
        return cleared

    def faults(self, *, before: int | None = None) -> list[Fault]:
        """The faults that stop projections of this group (only those stopped before position
        ``before``, which they will never reach until the fault is cleared)."""
        with self.engine.connect() as conn:
            found = live_faults(conn, self._names)
        return [f for f in found if before is None or f.position <= before]

    def head(self) -> int:
        return self.source.head()

    # --- following ------------------------------------------------------------------------------

    def follow(
        self,
        stop: threading.Event,
        wait: Callable[[float], None] | None = None,
        idle_seconds: float = 0.2,
        linger_seconds: float = 0.0,
        found: Callable[[], None] | None = None,
    ) -> None:
        """Apply batches until ``stop`` is set; when caught up, ``wait`` (LISTEN, or sleep).

        ``linger_seconds``: after a batch short of ``batch_size``, wait that long before the next,
        so that under a steady stream of commands a batch gathers many events instead of the two
        or three of one command (each batch costs a dozen statements whatever its size).
        ``found``: called after each batch that applied events (a :class:`~projections.wakeup.Wakeup`
        then shortens its next idle sleep again).
        """
        pause = wait or stop.wait
        failures = 0
        while not stop.is_set():
            try:
                moved = self.run_batch()
                if moved and found is not None:
                    found()
                if moved == 0:
                    pause(idle_seconds)
                elif moved < self.batch_size and linger_seconds > 0:
                    stop.wait(linger_seconds)
                failures = 0
            except (OperationalError, InterfaceError, OSError) as error:  # lost connection: back off
                failures += 1
                log.warning("projection batch failed (%s); retrying", error)
                stop.wait(min(0.1 * 2**failures, 5.0))
                self.engine.dispose()
            except Exception as error:
                # A lost event-store connection surfaces as eventsourcing's or psycopg's own
                # errors. Any other error is not the batch's (a projection's fault is recorded
                # by run_batch and never reaches here): let it end the follower.
                if is_transient(error):
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
