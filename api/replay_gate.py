"""How many "known at" replays (시점 재현) a server process runs at once.

A report ``known_at`` a moment replays the log up to it into temporary tables: seconds of CPU and
a thread of the server's pool for a large log. Reports are public, so without a bound a handful of
anonymous requests could take every thread a worker has and stall its commands. A replay that
finds every slot taken is refused at once with 503 and ``Retry-After`` (the last replay's
duration, rounded up), rather than queued behind the others holding a thread.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from api.problems import ApiProblem


class ReplayGate:
    """At most ``slots`` replays at once in this process; the next is refused until one ends."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError(f"slots must be at least 1, not {slots}")
        self.slots = slots
        self._free = threading.BoundedSemaphore(slots)
        self._last_seconds = 1.0

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold a slot for one replay, or refuse with a 503 problem if none is free."""
        if not self._free.acquire(blocking=False):
            retry_after = max(1, math.ceil(self._last_seconds))
            raise ApiProblem(
                503,
                "known-at-busy",
                "Time travel is busy",
                f"This server is already replaying the log for {self.slots} report(s) as known at "
                f"a moment, the most it runs at once; try again in {retry_after} s.",
                headers={"Retry-After": str(retry_after)},
                numbers={"replays_at_once": self.slots, "retry_after_seconds": retry_after},
            )
        started = time.monotonic()
        try:
            yield
        finally:
            self._last_seconds = time.monotonic() - started
            self._free.release()
