"""The projection worker: follow the log for as long as the process runs.

    cleanledger project --follow

applies batches until the read models are caught up, then waits for the event store's
``NOTIFY`` (every save notifies the channel of its events table, see commands.pg_recorder) on a
LISTEN connection of its own, or for at most a second, and starts again. On SQLite there is no
notification and it simply polls.

Faults are the engine's to survive: a batch that fails on a lost connection is rolled back and
retried after a back-off (:meth:`ProjectionEngine.follow`); a lost LISTEN connection is opened
again on the next wait, which meanwhile falls back to polling. A worker killed outright (kill -9)
leaves its last batch uncommitted, and the next one resumes from the committed position.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time

import psycopg
from psycopg import sql

from projections.engine import ProjectionEngine

log = logging.getLogger(__name__)

#: The longest a caught-up worker waits before looking at the log again, notified or not.
POLL_SECONDS = 1.0
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

    def wait(self, timeout: float, stop: threading.Event | None = None) -> bool:
        """Wait until a notification arrives (True) or ``timeout`` passes (False).

        Never raises for a lost connection: the wait then ends at once (events may have been
        committed while nobody listened, so the caller should look), and the connection is
        opened again on the next call; if that fails, the call sleeps out ``timeout``.
        """
        sleep = stop.wait if stop is not None else time.sleep
        if self._conn is None or self._conn.closed:
            if self.connect():
                return True
            sleep(timeout)
            return False
        try:
            received = any(True for _ in self._conn.notifies(timeout=timeout, stop_after=1))
            if received:  # one batch answers every notification queued so far
                for _ in self._conn.notifies(timeout=0):
                    pass
        except psycopg.Error as error:
            log.warning("LISTEN connection lost (%s); opening it again", error)
            self.close()
            self.losses += 1
            return True
        return received

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
    poll_seconds: float = POLL_SECONDS,
    linger_seconds: float = LINGER_SECONDS,
) -> None:
    """Apply batches until ``stop`` is set, waiting on ``listener`` (or polling) when caught up."""
    if listener is None:
        engine.follow(stop, idle_seconds=poll_seconds, linger_seconds=linger_seconds)
        return
    listener.connect()  # before the first batch: a commit after it is then heard

    def wait(seconds: float) -> None:
        if not stop.is_set():
            listener.wait(seconds, stop)

    try:
        engine.follow(stop, wait=wait, idle_seconds=poll_seconds, linger_seconds=linger_seconds)
    finally:
        listener.close()
