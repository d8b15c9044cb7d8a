"""The log as a follower sees it: positions only ever appear in order, so nothing is skipped.

A projection reads "everything after position N". If a transaction could commit position 10
after another had committed 11, a follower that already read 11 would never see 10. The event
store takes a table lock inside each insert so positions are committed in the order issued.
"""

from __future__ import annotations

import threading
import time

import pytest

from commands.ledger import Ledger
from commands.messages.spending import Obligate
from tests.app.books import Books

WRITERS = 6
SECONDS = 2.0


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def test_a_follower_reading_while_writers_commit_misses_no_event(books: Books) -> None:
    lines = [books.line(amount=10**12, allocate={1: 10**12}) for _ in range(WRITERS)]
    recorder = books.ledger.recorder
    start = recorder.max_notification_id() or 0
    stop = time.monotonic() + SECONDS
    seen: list[int] = []

    def write(line_id: object) -> None:
        while time.monotonic() < stop:
            books.run(Obligate, line_id=line_id, amount=1, description="순서")

    def follow() -> None:
        last = start
        while time.monotonic() < stop + 0.5:
            batch = recorder.select_notifications(last + 1, 500)
            if batch:
                seen.extend(n.id for n in batch)
                last = batch[-1].id

    threads = [threading.Thread(target=write, args=(line,)) for line in lines]
    follower = threading.Thread(target=follow)
    for thread in [*threads, follower]:
        thread.start()
    for thread in [*threads, follower]:
        thread.join()

    everything = [n.id for n in recorder.select_notifications(start + 1, 10_000_000)]
    assert len(everything) > 100, "the writers should have written a good many events"
    assert seen == sorted(seen)
    assert seen == everything, f"the follower missed {sorted(set(everything) - set(seen))[:10]}"
