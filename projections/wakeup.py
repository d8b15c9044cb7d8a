"""How a follower of the log sleeps when it has nothing to do, and what wakes it.

A caught-up follower (the in-process projectors of ``cleanledger serve``, the ``cleanledger
project --follow`` and ``chain --follow`` workers) sleeps on a :class:`Wakeup` until the first of

- a **poke**: this process saved events (after a command, ``ApiServices.after_command`` pokes
  the server's projectors) or wants the follower to stop;
- a **notification**: some process saved events. On PostgreSQL every save notifies the events
  table's channel (``commands.pg_recorder``), which a :class:`~projections.worker.Listener`
  hears on a LISTEN connection of its own;
- the end of its **interval**: it looks at the log anyway. Without notifications (SQLite, whose
  file the command line may write from another process) that is how others' writes are found;
  with them it is a safety net only.

The interval backs off: it starts at ``shortest``, doubles after each sleep that nothing cut
short, up to ``longest``, and starts again at ``shortest`` after a poke or a notification, or when
the follower reports work found (:meth:`Wakeup.found`). An idle server so looks at the log every
few seconds (SQLite) or half a minute (PostgreSQL), instead of twenty times a second, while a
poke or a notification still wakes it at once. A read with ``min_position`` never waits for any
of this: it applies the batches it needs itself (:meth:`BackgroundProjector.wait_for
<projections.background.BackgroundProjector.wait_for>`).

**Hook for other periodic work** in a server process, such as publishing a signed tree head when
the log moved: give the task a :class:`Wakeup` of its own (with the same listener class, or none
and a poke from whatever learns of new events) and loop

.. code-block:: python

    wakeup = Wakeup(listener, shortest=1.0, longest=30.0)
    while not stop.is_set():
        if publish_if_the_log_moved():
            wakeup.found()  # busy: look again soon
        wakeup.sleep(stop)  # idle: the interval grows
    wakeup.close()

and poke it where the server pokes its projectors (``cleanledger.wiring.Service``); ``stop()``
of its owner sets ``stop`` and then pokes, so the sleep ends at once.
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Protocol


class Listener(Protocol):
    """What a follower needs of a notification listener (:class:`projections.worker.Listener`):
    declared here, so that this module imports no other of the layer (no import circle)."""

    channel: str

    def connect(self) -> bool: ...

    def wait(
        self, timeout: float, stop: threading.Event | None = None, *, interrupt: int | None = None
    ) -> bool: ...

    def close(self) -> None: ...


#: Without notifications: look again after 50 ms, doubling while nothing comes, up to 2 s (a
#: write by another process to the SQLite file shows on the portal within that).
POLL_SHORTEST = 0.05
POLL_LONGEST = 2.0
#: With LISTEN the look is a safety net only (a lost notification would need a lost connection,
#: which ends the wait at once): from 1 s, doubling up to 30 s.
LISTEN_SHORTEST = 1.0
LISTEN_LONGEST = 30.0


class Wakeup:
    """A follower's idle sleep: cut short by a poke or a notification, backing off otherwise."""

    def __init__(
        self,
        listener: Listener | None = None,
        *,
        shortest: float | None = None,
        longest: float | None = None,
    ) -> None:
        self.listener = listener
        self.shortest = shortest if shortest is not None else LISTEN_SHORTEST if listener else POLL_SHORTEST
        self.longest = max(
            self.shortest, longest if longest is not None else LISTEN_LONGEST if listener else POLL_LONGEST
        )
        #: How long the next sleep lasts if nothing cuts it short.
        self.interval = self.shortest
        self._poked = threading.Event()
        # With a listener the sleep is a select() on its connection; a poke writes a byte to this
        # pipe, which the select watches too. Without one, the event alone does.
        self._lock = threading.RLock()  # a signal handler may poke while this thread closes
        self._pipe: tuple[int, int] | None = None
        if listener is not None:
            read, write = os.pipe()
            os.set_blocking(read, False)
            os.set_blocking(write, False)
            self._pipe = (read, write)

    def poke(self) -> None:
        """Something may be new (or the owner stops): end the current sleep, if any, at once.

        Safe from any thread and from a signal handler."""
        self._poked.set()
        with self._lock:
            if self._pipe is not None:
                with contextlib.suppress(BlockingIOError):  # a byte is waiting already
                    os.write(self._pipe[1], b"\0")

    def found(self) -> None:
        """The follower found work: the next idle sleep is the shortest again."""
        self.interval = self.shortest

    def sleep(self, stop: threading.Event | None = None) -> bool:
        """Sleep for :attr:`interval`, or less if poked or notified (True); the interval then
        starts again at its shortest, and otherwise doubles, up to its longest."""
        if stop is not None and stop.is_set():
            return True
        if self.listener is None or self._pipe is None:
            woken = self._poked.wait(self.interval)
        else:
            woken = self._poked.is_set() or self.listener.wait(self.interval, stop, interrupt=self._pipe[0])
            with contextlib.suppress(BlockingIOError, OSError):
                while os.read(self._pipe[0], 64):  # the pokes answered by this wake
                    pass
        self._poked.clear()
        self.interval = self.shortest if woken else min(self.interval * 2, self.longest)
        return woken

    def close(self) -> None:
        """Close the pipe (the listener is its owner's to close); a later poke does nothing."""
        with self._lock:
            pipe, self._pipe = self._pipe, None
        if pipe is not None:
            for fd in pipe:
                os.close(fd)
