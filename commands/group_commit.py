"""Group commit (묶음 기록): concurrent saves of one process written in one transaction.

Every save on PostgreSQL takes the events table's lock and holds it until its commit is on disk
(log order must equal commit order, see ``commands.pg_recorder``), so saves are serial and the
commit's WAL flush sits inside the serial part: under load most writers wait on the lock, and
the ledger's command rate is about one over (insert + flush). A save that arrives while another
thread of the process is writing waits for that write to end and then goes out together with
every other save that arrived meanwhile: one lock, one flush for the lot. Alone, a save is
written at once, with no added wait.

There is no writer thread: the first thread to find no write in progress writes the batch
(its own save and any queued) and hands over to a waiting thread when done. Each save gets its
own outcome: a result, or the exception for it alone (a conflict refuses one command, not its
batch); an exception from the batch as a whole (a lost connection) goes to every save in it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class _Slot(Generic[Item, Result]):
    __slots__ = ("done", "item", "outcome")

    def __init__(self, item: Item) -> None:
        self.item = item
        self.outcome: Result | BaseException | None = None
        self.done = False


class GroupCommit(Generic[Item, Result]):
    """Runs ``write_batch`` on the items submitted concurrently, at most ``max_batch`` at a time.

    ``write_batch(items)`` returns one outcome per item, in order; if it raises, every item of
    that batch gets the exception.
    """

    def __init__(
        self,
        write_batch: Callable[[Sequence[Item]], Sequence[Result | BaseException]],
        *,
        max_batch: int = 64,
    ) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be at least 1, not {max_batch}")
        self._write_batch = write_batch
        self._max_batch = max_batch
        self._changed = threading.Condition(threading.Lock())
        self._queue: list[_Slot[Item, Result]] = []
        self._writing = False

    def submit(self, item: Item) -> Result:
        """Write ``item`` (with whatever else is queued) and return its result, or raise."""
        slot: _Slot[Item, Result] = _Slot(item)
        with self._changed:
            self._queue.append(slot)
            batch = self._next_batch(slot)
        while batch is not None:
            try:
                self._write(batch)
            finally:
                with self._changed:
                    self._writing = False
                    self._changed.notify_all()
                    batch = self._next_batch(slot)
        return self._outcome(slot)

    def _next_batch(self, slot: _Slot[Item, Result]) -> list[_Slot[Item, Result]] | None:
        """Called holding the lock: wait while another thread writes; then ``None`` if ``slot``
        was written, else the next batch, which this thread is to write (the oldest saves
        first: ours may be left for the next batch when more than ``max_batch`` wait)."""
        while self._writing and not slot.done:
            self._changed.wait()
        if slot.done:
            return None
        self._writing = True
        batch = self._queue[: self._max_batch]
        del self._queue[: self._max_batch]
        return batch

    @property
    def queued(self) -> int:
        """Saves waiting for the next batch (not those being written)."""
        with self._changed:
            return len(self._queue)

    def _write(self, batch: list[_Slot[Item, Result]]) -> None:
        try:
            outcomes: Sequence[Result | BaseException] = self._write_batch([slot.item for slot in batch])
            if len(outcomes) != len(batch):
                raise RuntimeError(f"batch writer returned {len(outcomes)} outcomes for {len(batch)} items")
        except BaseException as failure:
            # The batch as a whole failed (a lost connection, a timeout): every save in it
            # failed the same way, and each caller decides whether to try again.
            outcomes = [failure] * len(batch)
        for slot, outcome in zip(batch, outcomes, strict=True):
            slot.outcome = outcome
            slot.done = True

    @staticmethod
    def _outcome(slot: _Slot[Item, Result]) -> Result:
        outcome = slot.outcome
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome  # type: ignore[return-value]
