"""The projection worker: follow the log for as long as the process runs.

    cleanledger project --follow

applies batches until the read models are caught up, then waits for the event store's
``NOTIFY`` (every save notifies the channel of its events table, see commands.pg_recorder) on a
LISTEN connection of its own, and starts again. On SQLite there is no notification and it polls.
Either way it sleeps on a :class:`~projections.wakeup.Wakeup`: when nothing comes, the look it
takes anyway backs off (PostgreSQL: 1 s doubling to 30 s; SQLite: 50 ms doubling to 2 s), so an
idle worker costs next to nothing.

Faults are the engine's to survive: a batch that fails on a lost connection is rolled back and
retried after a back-off (:meth:`ProjectionEngine.follow`); a lost LISTEN connection is opened
again on the next wait, which meanwhile falls back to polling. A worker killed outright (kill -9)
leaves its last batch uncommitted, and the next one resumes from the committed position.
"""

from __future__ import annotations

import contextlib
import logging
import select
import threading
import time
from collections.abc import Callable

import psycopg
from psycopg import sql

from projections.engine import ProjectionEngine
from projections.wakeup import Wakeup

log = logging.getLogger(__name__)

#: After a batch short of a full one, wait this long before the next (ProjectionEngine.follow): a
#: read with ``min_position`` waits up to this much longer, and under a stream of commands the
#: worker applies batches of tens of events instead of one command's few.
LINGER_SECONDS = 0.01


class Listener:
    """A LISTEN connection to the event store that opens itself again after it is lost."""

    def __init__(self, conninfo: str, channel: str, *, connect_timeout: int = 5) -> None:
        self.conninfo = conninfo
        self.channel = channel
        self.connect_timeout = connect_timeout
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None
        #: How many times the connection was found lost (for logs and tests).
        self.losses = 0

    def connect(self) -> bool:
        """Open the connection and LISTEN; False (and logged) if the server cannot be reached."""
        self.close()
        try:
            conn = psycopg.connect(self.conninfo, autocommit=True, connect_timeout=self.connect_timeout)
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
        except psycopg.Error as error:
            log.warning("cannot LISTEN on %s (%s); polling meanwhile", self.channel, error)
            return False
        self._conn = conn
        return True

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed

    def wait(
        self, timeout: float, stop: threading.Event | None = None, *, interrupt: int | None = None
    ) -> bool:
        """Wait until a notification arrives (True) or ``timeout`` passes (False).

        ``interrupt``: a file descriptor (a pipe's reading end) whose becoming readable also ends
        the wait (True); the caller empties it. Never raises for a lost connection: the wait then
        ends at once (events may have been committed while nobody listened, so the caller should
        look), and the connection is opened again on the next call; if that fails, the call
        sleeps out ``timeout``.
        """
        sleep = stop.wait if stop is not None else time.sleep
        if self._conn is None or self._conn.closed:
            if self.connect():
                return True
            sleep(timeout)
            return False
        try:
            # Notifications psycopg has read already wait in its queue, not on the socket.
            received = self._drain()
            if received:
                return True
            if interrupt is None:
                received = any(True for _ in self._conn.notifies(timeout=timeout, stop_after=1))
            else:
                ready, _, _ = select.select([self._conn.fileno(), interrupt], [], [], timeout)
                received = interrupt in ready
            # one batch answers every notification queued so far
            received = self._drain() or received
        except psycopg.Error as error:
            log.warning("LISTEN connection lost (%s); opening it again", error)
            self.close()
            self.losses += 1
            return True
        return received

    def _drain(self) -> bool:
        """Take every notification already arrived, without waiting; whether there was one."""
        assert self._conn is not None
        return sum(1 for _ in self._conn.notifies(timeout=0)) > 0

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):  # already broken
                self._conn.close()
            self._conn = None


def follow(
    engine: ProjectionEngine,
    stop: threading.Event,
    *,
    listener: Listener | None = None,
    wakeup: Wakeup | None = None,
    linger_seconds: float = LINGER_SECONDS,
) -> None:
    """Apply batches until ``stop`` is set; when caught up, sleep on ``wakeup`` (default: one
    on ``listener``, or polling without one). Whoever sets ``stop`` should poke the wakeup, so
    that the sleep under way ends at once."""
    own = wakeup is None
    if wakeup is None:
        wakeup = Wakeup(listener)
    if wakeup.listener is not None:
        wakeup.listener.connect()  # before the first batch: a commit after it is then heard
    try:
        engine.follow(
            stop,
            wait=sleeper(wakeup, stop, engine.head),
            idle_seconds=wakeup.shortest,
            linger_seconds=linger_seconds,
            found=wakeup.found,
        )
    finally:
        if wakeup.listener is not None:
            wakeup.listener.close()
        if own:
            wakeup.close()


def sleeper(wakeup: Wakeup, stop: threading.Event, head: Callable[[], int]) -> Callable[[float], None]:
    """The ``wait`` of :meth:`ProjectionEngine.follow` (called after a batch found nothing): sleep
    on ``wakeup``, for its own interval, not the engine's, until the log has moved.

    Whatever ends a sleep (a poke, a notification, the interval), the log's ``head`` (one cheap
    query) says whether to run a batch: an empty batch costs some fifty times more (a write
    transaction on SQLite), and a wake is not proof of new events (a poke after a command another
    thread's batch applied already). The head is read before each batch, not after, so an event
    committed while a batch ran moves it and is not slept over.
    """
    before_batch: int | None = None

    def wait(_: float) -> None:
        nonlocal before_batch
        if before_batch is None:  # the first empty batch: the head was not read before it
            before_batch = head()  # read it now, and look once more
            return
        now = head()
        while now == before_batch and not stop.is_set():  # that batch saw the whole log
            wakeup.sleep(stop)
            now = head()
        before_batch = now

    return wait
