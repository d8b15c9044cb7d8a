"""The cyclic garbage collector is paused while a batch folds, and resumed after, also when
batches of several threads overlap (see projections.collector)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence

import pytest
from sqlalchemy import Engine

from commands.ledger import Ledger
from projections.base import Envelope, RowWriter
from projections.collector import collection_paused
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from tests.app.books import Books


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failure_inside_still_resumes_the_collector() -> None:
    with pytest.raises(ZeroDivisionError), collection_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_of_two_threads_resume_only_when_the_last_ends() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with collection_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collection_paused():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"after the first ended": False}
    assert gc.isenabled()


class Watching(BalancesProjection):
    """ERP balances that note whether the collector ran while they folded."""

    def __init__(self) -> None:
        super().__init__()
        self.collector_on_while_folding: list[bool] = []

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        self.collector_on_while_folding.append(gc.isenabled())
        super().apply(events, out)


def test_a_batch_folds_with_the_collector_paused(ledger: Ledger, read_db: Engine) -> None:
    books = Books(ledger).ready()
    books.obligate(books.line(amount=1_000_000, allocate={1: 1_000_000}), 5_000)
    watching = Watching()
    engine = ProjectionEngine(ledger.recorder, read_db, [watching], batch_size=2)
    engine.catch_up()
    assert watching.collector_on_while_folding and not any(watching.collector_on_while_folding)
    assert gc.isenabled()
