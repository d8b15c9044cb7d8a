"""Lanes: the projections of a group applied side by side, each by a process of its own.

A batch of every projection is Python's work (folding events into rows) and the database's
(writing them), one after the other in one process. On PostgreSQL each projection can go its own
way: forked processes read the log (only the events their projection handles) and apply it in
transactions of their own, each locking only its own row of ``projection_state``, while this
process applies the first projection. Each projection's rows and position still move together in
one transaction, so exactly-once holds per projection just as it does for a whole group, and a
worker that later runs the whole group applies to each projection only the events past its own
position. One lane per projection keeps both cores busy until the end: with two lanes (the general
ledger apart from the rest) one lane finished about a second before the other
(docs/benchmarks.md, issue 3).

Only catch-up (:meth:`ProjectionEngine.catch_up` with ``parallel=True``) and rebuilds use lanes.
SQLite has one writer at a time, so there every projection stays in one lane.

The child is forked: it inherits the engine, its projections and their table definitions, and
takes nothing over that talks to a server. It reads the read database through a pool of its own
(SQLAlchemy's ``dispose(close=False)``) and the event store through a connection of its own; the
parent's connections it leaves untouched, also when it exits (``os._exit``: no finaliser runs).

Lanes know the engine only as :class:`LaneEngine`, the few things they use of it, so that the
engine can import this module without this module importing the engine (no import circle;
import-linter's "no import circles" contract keeps it so).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection as Pipe
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Engine

from projections.source import EventSource


class LaneEngine(Protocol):
    """What lanes use of a projection engine (:class:`projections.engine.ProjectionEngine`):
    its read database and event source, which a forked child replaces with its own, and the
    two pieces of its state a child must not share with the parent: the lock its batches take
    and where it last committed each projection."""

    @property
    def engine(self) -> Engine: ...

    source: EventSource
    _batch_lock: threading.RLock

    @property
    def _committed(self) -> dict[str, int]: ...


E = TypeVar("E", bound=LaneEngine)
T = TypeVar("T")
R = TypeVar("R")

# What a forked child inherited and must keep alive but never use (see _in_child).
_inherited: list[Any] = []


class LaneError(RuntimeError):
    """The forked lane failed; the message carries its traceback."""


def can_fork(engine: LaneEngine) -> bool:
    """Whether ``engine`` can run lanes: PostgreSQL on both sides, and an OS that forks."""
    return (
        hasattr(os, "fork")
        and engine.engine.dialect.name == "postgresql"
        and engine.source.forkable
        and "fork" in multiprocessing.get_all_start_methods()
    )


def split(items: Sequence[T]) -> list[list[T]]:
    """The lanes of a group's projections (or of what stands for them): one each. The first is
    this process's; each other is a forked one."""
    return [[item] for item in items]


def side_by_side(engine: E, works: Sequence[Callable[[E], T]], here: Callable[[], R]) -> tuple[R, list[T]]:
    """``here()`` in this process while each of ``works`` runs in a forked lane; what they
    returned. If anything fails, the lanes still running are stopped (their open transactions
    roll back) and the error is raised."""
    forked: list[Lane[E, T]] = []
    try:
        with engine._batch_lock:  # no batch of another thread is under way while children fork
            for work in works:
                forked.append(Lane(engine, work))
        mine = here()
        return mine, [lane.result() for lane in forked]
    except BaseException:
        for lane in forked:
            lane.stop()
        raise


class Lane(Generic[E, T]):
    """``work(engine)`` running in a forked process; :meth:`result` waits for what it returned."""

    def __init__(self, engine: E, work: Callable[[E], T]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_in_child, args=(engine, work, send), name="projection-lane", daemon=True
        )
        self._process.start()
        send.close()

    def result(self) -> T:
        try:
            status, value = self._receive.recv()
        except EOFError:
            self._process.join()
            msg = f"the projection lane ended without an answer (exit code {self._process.exitcode})"
            raise LaneError(msg) from None
        finally:
            self._receive.close()
        self._process.join()
        if status != "ok":
            raise LaneError(f"the projection lane failed:\n{value}")
        return value  # type: ignore[no-any-return]

    def stop(self) -> None:
        """End the lane now (the caller failed): its open transaction is rolled back."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        with contextlib.suppress(OSError):
            self._receive.close()


def _in_child(engine: E, work: Callable[[E], Any], send: Pipe) -> None:
    try:
        # The parent's pooled connections stay referenced, so that no finaliser closes them
        # (closing one from here would end the parent's session on the server).
        _inherited.append(engine.engine.pool)
        engine.engine.dispose(close=False)
        _inherited.append(engine.source)
        engine.source = engine.source.forked()
        engine._committed.clear()
        engine._batch_lock = threading.RLock()  # the parent's may have been held as it forked
        try:
            result = work(engine)
        finally:
            engine.source.close()
            engine.engine.dispose()  # the child's own pool
        send.send(("ok", result))
    except BaseException:
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()
        os._exit(0)
