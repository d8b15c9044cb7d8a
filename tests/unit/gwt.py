"""Given/when/then helpers for pure domain tests: contexts, fresh aggregates, refusals.

# given a line with 600 000 won allocated in Q1 and 500 000 obligated
line = given_line(budget=1_000_000, allocated={1: 600_000}, obligated=500_000)
# when 200 000 more is obligated
with refused("insufficient-allocation", requested=200_000, available=100_000):
    line.obligate(ctx(), new_id(), 200_000)
# then nothing was recorded
assert_nothing_recorded(line)
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import BudgetCode
from domain.errors import DomainError

SEOUL = "6110000"
YEAR = 2026


def ctx(
    day: date | None = None, *, org: str = SEOUL, year: int | None = None, actor: str = "clerk-kim"
) -> Context:
    day = day or date(YEAR, 2, 1)
    return Context(org, year or day.year, day, actor, uuid.uuid4())


def new_id() -> UUID:
    return uuid.uuid4()


def code(text: str = "100-080-081-1001-2001-3001-201-01", year: int = YEAR) -> BudgetCode:
    return BudgetCode.parse(text, year)


def given_line(
    budget: int = 1_000_000,
    allocated: dict[int, int] | None = None,
    obligated: int = 0,
    paid: int = 0,
    budget_code: str | None = None,
    year: int = YEAR,
    org: str = SEOUL,
) -> BudgetLine:
    """A budget line as its events would leave it; no pending events."""
    setup = ctx(date(year, 1, 2), org=org)
    line = BudgetLine.open(
        setup, code(budget_code or "100-080-081-1001-2001-3001-201-01", year), "어르신 복지관 운영"
    )
    if budget:
        line.appropriate(setup, budget)
    for quarter, amount in (allocated or {}).items():
        line.allocate(setup, quarter, amount)
    if obligated:
        line.obligate(ctx(date(year, 12, 1), org=org), new_id(), obligated)
    if paid:
        line.record_payment(ctx(date(year, 12, 1), org=org), new_id(), new_id(), paid)
    line.collect_events()
    return line


@contextmanager
def refused(code: str, **numbers: Any) -> Iterator[pytest.ExceptionInfo[DomainError]]:
    """Expect a refusal with this machine code and (at least) these numbers."""
    with pytest.raises(DomainError) as info:
        yield info
    error = info.value
    assert error.code == code, f"refused with {error.code!r} ({error.detail}), expected {code!r}"
    for name, value in numbers.items():
        assert error.numbers.get(name) == value, (
            f"{name}: {error.numbers.get(name)!r} != {value!r} in {error.numbers}"
        )


def assert_nothing_recorded(*aggregates: LedgerAggregate) -> None:
    for aggregate in aggregates:
        assert aggregate.pending_events == [], f"{type(aggregate).__name__} recorded events"
