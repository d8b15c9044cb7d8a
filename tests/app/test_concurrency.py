"""Business rules under concurrent commands, on both backends.

Twenty threads obligate against one budget line at once; the line's version check in the single
save makes each one either win on fresh state or retry, so the allocation is never exceeded, a
refusal leaves nothing behind, and every success is in the log exactly once.
"""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from commands.ledger import Ledger
from commands.messages.base import CommandResult
from commands.messages.budget import Allocate
from commands.messages.spending import Obligate
from domain.budget_line import BudgetLine
from domain.errors import DomainError
from domain.obligation import Obligation
from tests.app.books import Books

THREADS = 20


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def run_together(calls: list[Any]) -> list[CommandResult | DomainError]:
    barrier = threading.Barrier(len(calls))

    def call(fn: Any) -> CommandResult | DomainError:
        barrier.wait()
        try:
            result: CommandResult = fn()
        except DomainError as refusal:
            return refusal
        return result

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(call, calls))


def events_of(books: Books, cls: type) -> list[Any]:
    notifications = books.ledger.recorder.select_notifications(1, 1_000_000)
    topic = f"{cls.__module__}:{cls.__qualname__}"
    return [n for n in notifications if n.topic == topic]


def test_twenty_threads_never_obligate_beyond_the_allocation(books: Books) -> None:
    # given a line whose allocation covers 7 of 20 obligations of 130 000
    line_id = books.line(amount=5_000_000, allocate={1: 1_000_000})
    size = books.log_size()
    # when 20 threads obligate at once
    outcomes = run_together(
        [
            (lambda n=n: books.run(Obligate, line_id=line_id, amount=130_000, description=f"동시 {n}"))
            for n in range(THREADS)
        ]
    )
    # then 7 succeed, 13 are refused for the allocation, and the line says so
    successes = [o for o in outcomes if isinstance(o, CommandResult)]
    refusals = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(successes) == 7
    assert {r.code for r in refusals} == {"insufficient-allocation"}
    line = books.get(line_id)
    assert line.obligated == 7 * 130_000 <= line.allocated_total
    # every success is in the log exactly once; refusals wrote nothing
    created = Counter(n.originator_id for n in events_of(books, Obligation.Created))
    assert set(created) == {s.aggregate_id for s in successes}
    assert set(created.values()) == {1}
    obligated = events_of(books, BudgetLine.Obligated)
    assert len([n for n in obligated if n.originator_id == line_id]) == 7
    assert books.log_size() - size == 7 * 3  # line event, obligation, receipt per success
    positions = {s.position for s in successes}
    assert len(positions) == 7


def test_twenty_threads_retrying_one_command_id_obligate_once(books: Books) -> None:
    line_id = books.line(amount=5_000_000, allocate={1: 1_000_000})
    size = books.log_size()
    command = books.command(Obligate, line_id=line_id, amount=600_000, description="재시도")
    outcomes = run_together([lambda: books.ledger.handle(command) for _ in range(THREADS)])
    assert all(isinstance(o, CommandResult) for o in outcomes), outcomes
    assert len({(o.aggregate_id, o.version, o.position) for o in outcomes}) == 1  # type: ignore[union-attr]
    assert sum(not o.replayed for o in outcomes) <= 1  # type: ignore[union-attr]
    assert books.get(line_id).obligated == 600_000
    assert books.log_size() - size == 3
    assert len(events_of(books, Obligation.Created)) == 1


def test_concurrent_allocations_never_exceed_the_budget(books: Books) -> None:
    line_id = books.line(amount=1_000_000)
    outcomes = run_together(
        [
            (lambda q=q: books.run(Allocate, line_id=line_id, quarter=q % 4 + 1, amount=300_000))
            for q in range(THREADS)
        ]
    )
    successes = [o for o in outcomes if isinstance(o, CommandResult)]
    assert len(successes) == 3
    assert {o.code for o in outcomes if isinstance(o, DomainError)} == {"over-allocation"}
    assert books.get(line_id).allocated_total == 900_000
