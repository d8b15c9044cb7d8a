"""A projection that meets an event it cannot apply stops there alone (issue 12, finding 1).

The engine keeps what that projection applied before the event, stops it just before the event,
records the fault, and carries on with the others; later batches skip it without a loop or a
word. An operator clears the fault once the cause is fixed, and the projection goes on from where
it stopped. A rebuild that meets it does not switch that projection over and still rebuilds the
others. Here the cause is an exception raised in a projection's ``apply``, on both backends.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import pytest
from sqlalchemy import BigInteger, Column, Engine, MetaData, String, Table, select
from sqlalchemy.exc import OperationalError

from commands.ledger import Ledger
from commands.messages.budget import Appropriate
from projections.base import Envelope, Projection, RowWriter
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from projections.rebuild import rebuild
from projections.registry import all_projections
from readmodels.erp import line_balances
from readmodels.state import faults, projection_state
from tests.app.books import Books

_APPROPRIATIONS = Table(
    "test_appropriations",
    MetaData(),
    Column("line_id", String(36), primary_key=True),
    Column("amount", BigInteger, nullable=False, server_default="0"),
)


class Fragile(Projection):
    """Sums appropriations per line, and cannot apply one of a poisoned amount (a bug)."""

    name = "test_fragile"
    tables = (_APPROPRIATIONS,)
    handles = frozenset({"BudgetLine.Appropriated"})
    poisoned: ClassVar[set[int]] = set()

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            if event.data["amount"] in self.poisoned:
                raise ValueError(f"cannot apply {event.data['amount']}")
            out.add(_APPROPRIATIONS, {"line_id": event.originator_id}, amount=event.data["amount"])


@pytest.fixture
def poisoned() -> Iterator[set[int]]:
    Fragile.poisoned = {13}
    yield Fragile.poisoned
    Fragile.poisoned = set()


def position_of(ledger: Ledger, aggregate_id: object, event: str) -> int:
    """Where the event ``event`` of aggregate ``aggregate_id`` stands in the log."""
    return next(
        n.id
        for n in ledger.recorder.select_notifications(1, 100_000)
        if str(n.originator_id) == str(aggregate_id) and n.topic.rpartition(":")[2] == event
    )


def group(ledger: Ledger, read_db: Engine, batch_size: int = 500) -> ProjectionEngine:
    return ProjectionEngine(ledger.recorder, read_db, [*all_projections(), Fragile()], batch_size=batch_size)


def state(read_db: Engine) -> dict[str, Any]:
    with read_db.connect() as conn:
        return {row.name: row for row in conn.execute(select(projection_state))}


def amounts(read_db: Engine) -> dict[str, int]:
    with read_db.connect() as conn:
        return {row.line_id: row.amount for row in conn.execute(select(_APPROPRIATIONS))}


def budgets(read_db: Engine) -> dict[str, int]:
    with read_db.connect() as conn:
        return {r.line_id: r.appropriated for r in conn.execute(select(line_balances))}


@pytest.mark.parametrize("batch_size", [500, 2])
def test_an_exception_in_apply_stops_that_projection_alone_at_its_event(
    ledger: Ledger, read_db: Engine, poisoned: set[int], caplog: pytest.LogCaptureFixture, batch_size: int
) -> None:
    books = Books(ledger).ready()
    before = [books.line(amount=1_000 + n) for n in range(3)]
    bad = books.run(Appropriate, budget_code=books.next_code(), title="독이 든 사업", amount=13)
    after = [books.line(amount=2_000 + n) for n in range(3)]
    at = position_of(ledger, bad.aggregate_id, "BudgetLine.Appropriated")
    engine = group(ledger, read_db, batch_size)

    with caplog.at_level(logging.ERROR, logger="projections.engine"):
        engine.catch_up()
        head = engine.head()
        # no loop: more batches find nothing to do, and say nothing more
        assert engine.run_batch() == 0
        assert engine.catch_up() == 0
    stops = [r for r in caplog.records if "cannot apply the event" in r.getMessage()]
    assert len(stops) == 1

    # the fault: exactly at the poisoned event, with what it was and why
    [fault] = engine.faults()
    assert (fault.name, fault.position, fault.event) == (
        "test_fragile",
        at,
        "BudgetLine.Appropriated",
    )
    assert fault.originator_id == str(bad.aggregate_id)
    assert fault.error == "builtins.ValueError"
    assert fault.message == "cannot apply 13"
    assert engine.faults(before=at - 1) == []
    assert engine.faults(before=head) == [fault]

    # that projection kept what came before and stands just before the event; the others are at the head
    rows = state(read_db)
    assert rows["test_fragile"].position == at - 1
    assert {
        name: rows[name].position for name in ("erp_balances", "disclosure", "general_ledger")
    } == dict.fromkeys(("erp_balances", "disclosure", "general_ledger"), head)
    assert amounts(read_db) == {str(line): 1_000 + n for n, line in enumerate(before)}
    assert budgets(read_db)[str(bad.aggregate_id)] == 13
    assert {str(line) for line in after} <= set(budgets(read_db))

    # more commands: the others follow them, the stopped one stays where it is
    later = books.line(amount=3_000)
    engine.catch_up()
    assert budgets(read_db)[str(later)] == 3_000
    assert state(read_db)["test_fragile"].position == at - 1
    assert engine.faults() == [fault]  # recorded once, not again

    # the cause is fixed and the fault cleared: it goes on from where it stopped
    poisoned.clear()
    assert engine.retry(["test_fragile"]) == ["test_fragile"]
    assert engine.retry(["test_fragile"]) == []
    engine.catch_up()
    assert engine.faults() == []
    assert state(read_db)["test_fragile"].position == engine.head()
    expected = {str(line): 1_000 + n for n, line in enumerate(before)}
    expected |= {str(bad.aggregate_id): 13, str(later): 3_000}
    expected |= {str(line): 2_000 + n for n, line in enumerate(after)}
    assert amounts(read_db) == expected


def test_a_rebuild_that_meets_the_fault_does_not_switch_that_projection_and_rebuilds_the_others(
    ledger: Ledger, read_db: Engine, poisoned: set[int]
) -> None:
    books = Books(ledger).ready()
    books.line(amount=1_000)
    engine = group(ledger, read_db)
    engine.catch_up()
    live = amounts(read_db)
    bad = books.line(amount=13)
    books.line(amount=2_000)

    results = {r.name: r for r in rebuild(engine, batch_size=2)}

    rebuilt = results["test_fragile"]
    assert rebuilt.fault is not None
    assert (rebuilt.previous_generation, rebuilt.generation) == (1, 1)
    assert rebuilt.fault.generation == 2 and rebuilt.fault.event == "BudgetLine.Appropriated"
    assert rebuilt.fault.originator_id == str(bad)
    rows = state(read_db)
    assert rows["test_fragile"].generation == 1  # not switched: readers keep the live tables
    for name in ("erp_balances", "disclosure", "general_ledger"):
        assert results[name].fault is None
        assert rows[name].generation == 2
        assert rows[name].position == engine.head()
    assert str(bad) in budgets(read_db)
    # the live projection meets the same event in its own time, and stops there too
    engine.catch_up()
    with read_db.connect() as conn:
        recorded = {(f.name, f.generation): f.position for f in faults(conn)}
    assert recorded == {
        ("test_fragile", 2): rebuilt.fault.position,
        ("test_fragile", 1): rebuilt.fault.position,
    }
    assert amounts(read_db) == live

    # fixed: a rebuild tries again, switches it over and clears both faults
    poisoned.clear()
    [again] = rebuild(engine, ["test_fragile"])
    assert again.fault is None and again.generation == 2
    with read_db.connect() as conn:
        assert faults(conn) == []
    assert sorted(amounts(read_db).values()) == [13, 1_000, 2_000]


def test_a_lost_connection_is_raised_for_a_retry_never_recorded(
    ledger: Ledger, read_db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    Books(ledger).ready().line(amount=1_000)
    engine = group(ledger, read_db)

    def lost(*_: object, **__: object) -> None:
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(BalancesProjection, "apply", lost)
    with pytest.raises(OperationalError):
        engine.run_batch()
    assert engine.faults() == []
    monkeypatch.undo()
    engine.catch_up()
    assert engine.position() == engine.head()
