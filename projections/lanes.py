"""Lanes: part of a projection group applied by a forked process, beside the rest.

A batch of every projection is Python's work (folding events into rows) and the database's
(writing them), one after the other in one process. On PostgreSQL the general ledger can go its
own way: a forked process reads the log and applies it to the general ledger in transactions of
its own, locking only its own rows of ``projection_state``, while this process applies the other
projections. Each projection's rows and position still move together in one transaction, so
exactly-once holds per projection just as it does for a whole group, and a worker that later
runs the whole group applies to each projection only the events past its own position.

Only catch-up (:meth:`ProjectionEngine.catch_up` with ``parallel=True``) and rebuilds use lanes.
SQLite has one writer at a time, so there every projection stays in one lane.

The child is forked: it inherits the engine, its projections and their table definitions, and
takes nothing over that talks to a server. It reads the read database through a pool of its own
(SQLAlchemy's ``dispose(close=False)``) and the event store through a connection of its own; the
parent's connections it leaves untouched, also when it exits (``os._exit``: no finaliser runs).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection as Pipe
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from projections.base import Projection

if TYPE_CHECKING:
    from projections.engine import ProjectionEngine

T = TypeVar("T")

#: Projections applied in a lane of their own, away from the rest (the heaviest to apply).
OWN_LANE = frozenset({"general_ledger"})

# What a forked child inherited and must keep alive but never use (see _in_child).
_inherited: list[Any] = []


class LaneError(RuntimeError):
    """The forked lane failed; the message carries its traceback."""


def can_fork(engine: ProjectionEngine) -> bool:
    """Whether ``engine`` can run lanes: PostgreSQL on both sides, and an OS that forks."""
    return (
        hasattr(os, "fork")
        and engine.engine.dialect.name == "postgresql"
        and engine.source.forkable
        and "fork" in multiprocessing.get_all_start_methods()
    )


def split(projections: Sequence[Projection]) -> tuple[list[Projection], list[Projection]]:
    """(this process's projections, the forked lane's): the lane gets those of :data:`OWN_LANE`."""
    here = [p for p in projections if p.name not in OWN_LANE]
    there = [p for p in projections if p.name in OWN_LANE]
    return here, there


class Lane(Generic[T]):
    """``work(engine)`` running in a forked process; :meth:`result` waits for what it returned."""

    def __init__(self, engine: ProjectionEngine, work: Callable[[ProjectionEngine], T]) -> None:
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


def _in_child(engine: ProjectionEngine, work: Callable[[ProjectionEngine], Any], send: Pipe) -> None:
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
