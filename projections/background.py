"""Projections in the process that handles commands: the embedded (SQLite) way to run them.

A :class:`BackgroundProjector` follows the log in a daemon thread: it applies batches until it is
caught up, then sleeps on a :class:`~projections.wakeup.Wakeup` until :meth:`~BackgroundProjector.poke`
wakes it, which a caller does after a command, or (on PostgreSQL, given a ``listener``) a save by
any process notifies it, or its interval ends; the interval backs off while nothing comes (SQLite:
50 ms doubling to 2 s; PostgreSQL: 1 s doubling to 30 s). A read that must see a command's effects calls
:meth:`~BackgroundProjector.wait_for` with the command's position: if the thread is behind (asleep,
busy, or not started), the caller applies batches itself. That is safe: batches lock the group's
rows (SQLite's write lock, ``FOR UPDATE`` on PostgreSQL) and the engine's own lock in the process,
so whichever thread gets there first applies the next batch and the other finds it done.

    projector = BackgroundProjector(engine).start()
    result = ledger.handle(command)
    projector.poke()
    projector.wait_for(result.position)   # the read models now include the command
    projector.stop()
"""

from __future__ import annotations

import logging
import threading
import time

from projections.engine import ProjectionEngine
from projections.wakeup import Wakeup
from projections.worker import Listener, follow

log = logging.getLogger(__name__)


class BackgroundProjector:
    """Runs ``engine.follow`` in a daemon thread, woken early by :meth:`poke` (and by the
    ``listener``'s notifications, if given)."""

    def __init__(
        self,
        engine: ProjectionEngine,
        *,
        listener: Listener | None = None,
        interval: float | None = None,
        longest: float | None = None,
    ) -> None:
        """``interval``: the shortest idle sleep, ``longest`` the longest it backs off to
        (defaults: :mod:`projections.wakeup`)."""
        self.engine = engine
        self.listener = listener
        self.interval = interval
        self.longest = longest
        self._stop = threading.Event()
        self._wakeup: Wakeup | None = None
        self._thread: threading.Thread | None = None
        #: The exception that ended the thread, if one did (a bug in a projection, not a lost
        #: connection: the engine retries those).
        self.error: BaseException | None = None

    # --- life cycle ---------------------------------------------------------------------------

    def start(self) -> BackgroundProjector:
        if self._thread is not None and self._thread.is_alive():
            return self
        self._stop.clear()
        self.error = None
        self._wakeup = Wakeup(self.listener, shortest=self.interval, longest=self.longest)
        self._thread = threading.Thread(target=self._run, args=(self._wakeup,), name="projector", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the batch under way (if any) and wait for the thread to end."""
        self._stop.set()
        self.poke()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("projector thread did not stop within %.1f s", timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> BackgroundProjector:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _run(self, wakeup: Wakeup) -> None:
        try:
            follow(self.engine, self._stop, wakeup=wakeup, linger_seconds=0.0)
        except BaseException as error:
            self.error = error
            log.exception("projector thread stopped")
        finally:
            wakeup.close()

    # --- for callers ----------------------------------------------------------------------------

    def poke(self) -> None:
        """New events are in the log (or the thread should stop): end its sleep and look."""
        wakeup = self._wakeup
        if wakeup is not None:
            wakeup.poke()

    def wait_for(self, position: int, timeout: float = 5.0) -> bool:
        """Return once the projections have applied the log up to ``position`` (True), or False
        after ``timeout`` seconds.

        The background thread is woken; while the projections are behind, this thread applies
        batches too, so a read never waits for the thread's next turn.
        """
        if self.engine.position() >= position:
            return True
        self.poke()
        deadline = time.monotonic() + timeout
        while True:
            applied = self.engine.run_batch()
            if self.engine.position() >= position:
                return True
            if time.monotonic() >= deadline:
                return False
            if applied == 0:  # caught up with a log that does not reach ``position`` yet
                time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
