"""Rebuild projections from the start of the log while readers and workers carry on.

For the named projections (default: all of the engine's), :func:`rebuild`

1. creates the next generation of their physical tables (``<table>__g<N+1>``), beside the
   current ones that readers query through the views and that workers keep applying to;
2. applies every event from position 0 into the new tables with fresh projection instances,
   in batches of their own transactions, tracking its position in memory (nothing in
   ``projection_state`` moves, so a crash leaves only unused tables, dropped by the next try);
3. once within one batch of the head, in ONE transaction: locks the projections' state rows
   (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write lock, taken by the writer engine's
   ``BEGIN IMMEDIATE``), so that no worker applies a batch meanwhile; applies the last events
   up to the head; points the views at the new generation; records position and generation;
   commits;
4. drops the old generation's tables.

Readers always read the views, so they see the old complete tables or the new complete ones.
(A PostgreSQL transaction that reads the views both before and after the switch, in
``REPEATABLE READ``, could see new tables its snapshot holds only in part; readers run each query
in its own ``READ COMMITTED`` transaction.) Workers read the generation from the state row at the
start of every batch, so after the switch they apply to the new tables from the new position.

A projection that meets an event it cannot apply (:mod:`projections.faults`) is not switched
over: its fault is recorded for the new generation (``cleanledger status`` shows it), its new
tables are dropped and its live tables stay as they were; the others are rebuilt and switched as
ever. A later rebuild of it tries again. A rebuild that switches a projection over clears the
fault of its old generation: the new code went past that event.

Several projections are rebuilt in one pass over the log. Two rebuilds of one projection at once
are refused (a PostgreSQL advisory lock per projection; on SQLite, one rebuild at a time, by a lock
on the file ``<database>.rebuild-lock`` beside the database).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
import os
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select, text, update

from projections import lanes
from projections.base import Projection
from projections.collector import collection_paused
from projections.engine import ProjectionEngine
from projections.faults import is_transient
from projections.source import Window
from readmodels.state import Fault, clear_faults, projection_state, record_fault

log = logging.getLogger(__name__)


class RebuildError(RuntimeError):
    """The rebuild could not start or could not switch over (nothing visible changed)."""


@dataclass(frozen=True)
class RebuildProgress:
    """How far a rebuild is: events applied, the estimated total, and the time it took so far."""

    done: int
    total: int
    position: int
    head: int
    seconds: float
    #: True on the last report, once the new generation is in place.
    finished: bool = False

    @property
    def rate(self) -> float:
        """Events per second."""
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate (None before there is a rate)."""
        rate = self.rate
        return max(0, self.total - self.done) / rate if rate > 0 else None


@dataclass(frozen=True)
class Rebuilt:
    name: str
    previous_generation: int
    generation: int
    position: int
    events: int
    seconds: float
    #: The fault that stopped this projection's rebuild: it was not switched over, and
    #: ``generation`` is still the previous one.
    fault: Fault | None = None


@dataclass
class _Target:
    projection: Projection  # a fresh instance: its in-memory lookups start empty
    previous: int
    generation: int
    #: Where its new tables stand; and whether this process's instance has folded them (False
    #: after a forked lane filled them: its lookups are then read back from the tables).
    position: int = 0
    continuing: bool = True
    #: The event it could not apply (it is then left out of the rest of the rebuild).
    fault: Fault | None = None

    def stop(self, fault: Fault) -> None:
        self.fault, self.position, self.continuing = fault, fault.position - 1, False


REBUILD_BATCH = 20_000


def rebuild(
    engine: ProjectionEngine,
    names: Sequence[str] | None = None,
    progress: Callable[[RebuildProgress], None] | None = None,
    *,
    batch_size: int | None = None,
    parallel: bool | None = None,
) -> list[Rebuilt]:
    """Rebuild the projections ``names`` (all of ``engine``'s if none) in new table generations.

    ``parallel`` (default: wherever it can, i.e. on PostgreSQL): the general ledger's new tables
    are filled by a forked process while this one fills the others' (:mod:`projections.lanes`);
    the switch-over stays one transaction, in this process. ``progress`` follows this process.
    """
    chosen = _choose(engine, names)
    # Nobody reads the new generation while it fills, so its batches can be larger than a live
    # worker's: fewer statements, more row changes folded per statement (see docs/benchmarks.md).
    size = batch_size or max(engine.batch_size, REBUILD_BATCH)
    started = time.monotonic()
    with _exclusive(engine, [p.name for p in chosen]):
        with engine.engine.connect() as conn:
            standing = engine.standings(conn, lock=False)
        targets = [
            _Target(type(p)(), standing[p.name].generation, standing[p.name].generation + 1) for p in chosen
        ]
        with engine.engine.begin() as conn:
            for target in targets:
                # what stopped an earlier rebuild to this generation: this one tries again
                clear_faults(conn, target.projection.name, at=target.generation)
                engine._create_generation(conn, target.projection, target.generation)
        try:
            use_lanes = lanes.can_fork(engine) if parallel is None else parallel and lanes.can_fork(engine)
            done, counted = _fill_in_lanes(engine, targets, size, started, progress, use_lanes)
            position, done = _switch(engine, targets, size, done, counted)
        except BaseException:
            _discard(engine, targets)
            raise
        switched = [t for t in targets if t.fault is None]
        _discard(engine, [t for t in targets if t.fault is not None])
        if progress is not None:
            progress(RebuildProgress(done, done, position, position, time.monotonic() - started, True))
        with engine._batch_lock:  # this process's workers re-read their lookups from the new tables
            for target in switched:
                engine._committed.pop(target.projection.name, None)
        _drop_old(engine, switched)
    seconds = time.monotonic() - started
    return [
        Rebuilt(t.projection.name, t.previous, t.generation, position, done, seconds)
        if t.fault is None
        else Rebuilt(t.projection.name, t.previous, t.previous, t.position, done, seconds, t.fault)
        for t in targets
    ]


def _choose(engine: ProjectionEngine, names: Sequence[str] | None) -> list[Projection]:
    known = {p.name: p for p in engine.projections}
    if not names:
        return list(engine.projections)
    unknown = [n for n in names if n not in known]
    if unknown:
        msg = f"unknown projection {', '.join(unknown)} (known: {', '.join(known)})"
        raise RebuildError(msg)
    return [known[n] for n in dict.fromkeys(names)]


def _fill_in_lanes(
    engine: ProjectionEngine,
    targets: Sequence[_Target],
    size: int,
    started: float,
    progress: Callable[[RebuildProgress], None] | None,
    use_lanes: bool,
) -> tuple[int, int]:
    """Fill the new tables (:func:`_fill`), each projection's but the first in a forked lane
    if ``use_lanes``; sets each target's position. Returns how many log positions this process
    applied, and the position they reach."""
    groups = lanes.split(targets) if use_lanes else [list(targets)]
    here, others = groups[0], groups[1:]
    works = [functools.partial(_fill_lane, targets=group, size=size, started=started) for group in others]
    (position, done), reached = lanes.side_by_side(
        engine, works, lambda: _fill(engine, here, size, started, progress)
    )
    for target in here:
        if target.fault is None:
            target.position = position
    for group, (at, faults) in zip(others, reached, strict=True):
        for target in group:  # filled by a child: this process's instance has folded nothing
            fault = faults.get(target.projection.name)
            if fault is not None:
                target.stop(fault)
            else:
                target.position, target.continuing = at, False
    return done, position


def _fill_lane(
    child: ProjectionEngine, *, targets: list[_Target], size: int, started: float
) -> tuple[int, dict[str, Fault]]:
    """A forked lane's part of :func:`_fill_in_lanes`: the position its targets reach, and the
    faults that stopped any of them."""
    position = _fill(child, targets, size, started, None)[0]
    return position, {t.projection.name: t.fault for t in targets if t.fault is not None}


def _fill(
    engine: ProjectionEngine,
    targets: Sequence[_Target],
    size: int,
    started: float,
    progress: Callable[[RebuildProgress], None] | None,
) -> tuple[int, int]:
    """Apply the log into the new tables until within one batch of the head (workers carry on).
    A target that meets an event it cannot apply is stopped there and left out of the rest."""
    position = done = 0
    handled = engine.handled_by([t.projection.name for t in targets])
    targets = list(targets)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="rebuild-read") as pool:
        ahead: Future[Window] = pool.submit(engine.source.window, position, size, handled)
        while True:
            head = engine.head()
            if head - position <= size:
                ahead.cancel()
                return position, done
            window = ahead.result()
            if window.upto <= position:
                return position, done
            ahead = pool.submit(engine.source.window, window.upto, size, handled)
            _fill_window(engine, targets, window, position)
            targets = [t for t in targets if t.fault is None]
            if not targets:
                ahead.cancel()
                return position, done
            position, done = window.upto, done + window.upto - position
            if progress is not None:
                progress(
                    RebuildProgress(
                        done, done + max(0, head - position), position, head, time.monotonic() - started
                    )
                )


def _fill_window(engine: ProjectionEngine, targets: Sequence[_Target], window: Window, position: int) -> None:
    """One window of :func:`_fill`, in one transaction; if it fails for a reason of its own, again
    with each target in savepoints, stopping the one that cannot apply an event there."""
    try:
        with collection_paused(), engine.engine.begin() as conn:
            for target in targets:
                # ``continuing``: between this rebuild's batches nobody else writes the tables.
                engine.apply_to(
                    conn,
                    target.projection,
                    target.generation,
                    window.events,
                    position,
                    continuing=position > 0,
                )
    except Exception as error:
        if not engine.isolate_faults or is_transient(error):
            raise
        with collection_paused(), engine.engine.begin() as conn:
            for target in targets:
                fault = engine.apply_isolated(
                    conn, target.projection, target.generation, window.events, position, continuing=False
                )
                if fault is not None:
                    record_fault(conn, fault)
                    target.stop(fault)


def _switch(
    engine: ProjectionEngine, targets: Sequence[_Target], size: int, done: int, counted: int
) -> tuple[int, int]:
    """The last events, the views and the state rows, in one transaction under the rows' lock.

    Each target gets the events past its own position (after lanes, they may differ); ``done``
    positions up to ``counted`` were applied before, and the positions after it are added.
    A target that meets an event it cannot apply is stopped there and not switched over."""
    targets = [t for t in targets if t.fault is None]
    if not targets:
        return counted, done
    names = [t.projection.name for t in targets]
    with engine._batch_lock, collection_paused(), engine.engine.begin() as conn:
        query = select(projection_state).where(projection_state.c.name.in_(names))
        if conn.dialect.name == "postgresql":
            query = query.with_for_update()
        rows = {row.name: row for row in conn.execute(query)}
        for target in targets:
            if rows[target.projection.name].generation != target.previous:
                msg = (
                    f"{target.projection.name} moved to generation "
                    f"{rows[target.projection.name].generation} during the rebuild"
                )
                raise RebuildError(msg)
        head = engine.head()  # read under the lock: every batch a worker committed is below it
        position = min(t.position for t in targets)
        handled = engine.handled_by(names)
        while position < head:
            window = engine.source.window(position, size, handled, head)
            if window.upto <= position:
                break
            for target in targets:
                if target.fault is None and window.upto > target.position:
                    # In savepoints: one that cannot apply an event must not undo the others.
                    fault = engine.apply_isolated(
                        conn,
                        target.projection,
                        target.generation,
                        window.events,
                        target.position,
                        continuing=target.continuing and target.position > 0,
                    )
                    if fault is not None:
                        record_fault(conn, fault)
                        target.stop(fault)
                    else:
                        target.position, target.continuing = window.upto, True
            position = window.upto
            done += max(0, position - counted)
            counted = max(counted, position)
        for target in targets:
            if target.fault is not None:
                continue
            engine._point_views(conn, target.projection, target.generation)
            conn.execute(
                update(projection_state)
                .where(projection_state.c.name == target.projection.name)
                .values(position=position, generation=target.generation, version=target.projection.version)
            )
            # the live fault of the old generation is past: the new tables hold that event
            clear_faults(conn, target.projection.name, below=target.generation)
    return position, done


def _drop_old(engine: ProjectionEngine, targets: Sequence[_Target]) -> None:
    with engine.engine.begin() as conn:
        for target in targets:
            for table in engine.tables_of(target.projection, target.previous).values():
                table.drop(conn, checkfirst=True)


def _discard(engine: ProjectionEngine, targets: Sequence[_Target]) -> None:
    """After a failure: drop the new tables, unless the switch did commit (a commit whose answer
    was lost with the connection)."""
    try:
        with engine.engine.begin() as conn:
            standing = engine.standings(conn, lock=True)
            for target in targets:
                if standing[target.projection.name].generation == target.generation:
                    continue
                for table in engine.tables_of(target.projection, target.generation).values():
                    table.drop(conn, checkfirst=True)
    except Exception:
        log.exception("could not drop the unfinished generation; the next rebuild replaces it")


@contextlib.contextmanager
def _exclusive(engine: ProjectionEngine, names: Sequence[str]) -> Iterator[None]:
    """One rebuild of a projection at a time, released when the process ends however it ends."""
    if engine.engine.dialect.name == "postgresql":
        with engine.engine.connect() as conn:
            schema = conn.execute(text("SELECT current_schema()")).scalar_one()
            keys = [zlib.crc32(f"cleanledger rebuild {schema}.{n}".encode()) for n in names]
            taken: list[int] = []
            try:
                for key, name in zip(keys, names, strict=True):
                    if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar_one():
                        msg = f"a rebuild of {name} is already running"
                        raise RebuildError(msg)
                    taken.append(key)
                conn.commit()
                yield
            finally:
                for key in taken:
                    with contextlib.suppress(Exception):
                        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
        return
    database = engine.engine.url.database
    if not database:
        yield
        return
    fd = os.open(f"{database}.rebuild-lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            msg = f"a rebuild is already running on {database}"
            raise RebuildError(msg) from None
        yield
    finally:
        os.close(fd)
