"""The command pipeline on both backends: idempotency, versions, refusals that record nothing."""

from __future__ import annotations

import uuid
from datetime import date

import pydantic
import pytest

from commands.ledger import Ledger
from commands.messages.budget import (
    Allocate,
    AmendBudget,
    Appropriate,
    CarryOver,
    CloseFiscalYear,
    OpenFiscalYear,
    TransferBudget,
)
from commands.messages.spending import Obligate
from domain.budget_line import BudgetLine, CarryOverKind, TransferKind
from domain.errors import DomainError
from domain.organisation import FiscalYear
from tests.app.books import Books, snapshot_store


def refused(code: str) -> pytest.RaisesExc[DomainError]:
    return pytest.raises(DomainError, check=lambda e: e.code == code)


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def test_a_line_is_appropriated_allocated_and_obligated_with_positions(books: Books) -> None:
    appropriated = books.run(
        Appropriate, budget_code=books.next_code(), title="공공도서관 확충", amount=5_000_000
    )
    allocated = books.run(Allocate, line_id=appropriated.aggregate_id, quarter=1, amount=2_000_000)
    obligated = books.run(
        Obligate, line_id=appropriated.aggregate_id, amount=1_500_000, description="도서 구입"
    )
    assert appropriated.position < allocated.position < obligated.position
    assert allocated.version == appropriated.version + 1
    line = books.get(appropriated.aggregate_id)
    assert (line.current_budget, line.allocated_total, line.obligated) == (5_000_000, 2_000_000, 1_500_000)
    assert line.remaining == 3_500_000
    obligation = books.get(obligated.aggregate_id)
    assert (obligation.amount, obligation.line_id) == (1_500_000, line.id)


def test_a_retried_command_returns_the_first_result_and_records_nothing(books: Books) -> None:
    line_id = books.line(amount=1_000_000, allocate={1: 1_000_000})
    command = books.command(Obligate, line_id=line_id, amount=600_000, description="물품")
    first = books.ledger.handle(command)
    size = books.log_size()
    again = books.ledger.handle(command)
    assert (again.aggregate_id, again.version, again.position) == (
        first.aggregate_id,
        first.version,
        first.position,
    )
    assert again.replayed and not first.replayed
    assert books.log_size() == size
    assert books.get(line_id).obligated == 600_000


def test_a_command_id_reused_for_another_command_is_refused(books: Books) -> None:
    line_id = books.line(amount=1_000_000, allocate={1: 1_000_000})
    command_id = uuid.uuid4()
    books.run(Obligate, command_id=command_id, line_id=line_id, amount=100, description="a")
    size = books.log_size()
    with refused("command-id-reused"):
        books.run(Obligate, command_id=command_id, line_id=line_id, amount=200, description="a")
    assert books.log_size() == size


def test_a_stale_expected_version_is_a_conflict_and_writes_nothing(books: Books) -> None:
    line_id = books.line(amount=1_000_000)
    version = books.get(line_id).version
    books.run(Allocate, line_id=line_id, quarter=1, amount=100_000, expected_version=version)
    size = books.log_size()
    with refused("version-conflict") as info:
        books.run(Allocate, line_id=line_id, quarter=1, amount=100_000, expected_version=version)
    assert info.value.numbers == {"expected_version": version, "actual_version": version + 1}
    assert books.log_size() == size
    assert books.get(line_id).allocated_total == 100_000


def test_a_transfer_changes_both_lines_in_one_save(books: Books) -> None:
    source = books.line(amount=1_000_000, code="100-080-081-1001-2001-3001-201-01")
    target = books.line(amount=1, code="100-080-081-1001-2001-3001-202-01")
    result = books.run(
        TransferBudget,
        from_line_id=source,
        to_line_id=target,
        amount=400_000,
        kind=TransferKind.DIVERSION,
        reason="여비 부족",
    )
    assert books.get(source).current_budget == 600_000
    assert books.get(target).current_budget == 400_001
    stored = books.ledger.recorder.select_notifications(result.position - 2, 3)
    assert {n.originator_id for n in stored[:2]} == {source, target}


# --- bad input: refused with a clear error, nothing recorded ------------------------------------


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"amount": 0}, "invalid-amount"),
        ({"amount": -5_000}, "invalid-amount"),
        ({"amount": 2**63}, "amount-out-of-range"),
        ({"budget_code": "100-080-081-1001-2001-3001-201"}, "malformed-code"),
        ({"budget_code": "100-080-081-1001-2001-3001-999-01"}, "unknown-code"),
        ({"on": date(2025, 12, 31)}, "date-outside-fiscal-year"),
        ({"org": "61100"}, "malformed-code"),
        ({"year": 2031, "on": date(2031, 1, 5)}, "year-not-open"),
    ],
)
def test_bad_input_is_refused_and_records_nothing(books: Books, fields: dict[str, object], code: str) -> None:
    size = books.log_size()
    command = {"budget_code": books.next_code(), "title": "사업", "amount": 1_000, **fields}
    with refused(code):
        books.run(Appropriate, **command)
    assert books.log_size() == size


@pytest.mark.parametrize("amount", [1.5, "1000", True, None])
def test_amounts_that_are_not_integers_are_malformed_messages(books: Books, amount: object) -> None:
    with pytest.raises(pydantic.ValidationError):
        books.command(Appropriate, budget_code=books.next_code(), title="사업", amount=amount)


def test_an_obligation_over_the_allocation_is_refused_with_its_numbers(books: Books) -> None:
    line_id = books.line(amount=1_000_000, allocate={1: 300_000})
    books.obligate(line_id, 250_000)
    size = books.log_size()
    with refused("insufficient-allocation") as info:
        books.obligate(line_id, 50_001)
    assert info.value.numbers["available"] == 50_000
    assert info.value.numbers["allocated"] == 300_000
    assert books.log_size() == size


# --- year close --------------------------------------------------------------------------------


def test_closing_a_year_lapses_every_line_and_refuses_all_but_closing_entries(books: Books) -> None:
    spent = books.line(amount=1_000_000, allocate={1: 1_000_000})
    idle = books.line(amount=300_000)
    books.obligate(spent, 400_000)
    books.open_year(2027)
    closed = books.run(CloseFiscalYear, on=date(2026, 12, 31))
    assert books.get(FiscalYear.id_for(books.org, 2026)).status == "closed"
    assert closed.aggregate_id == FiscalYear.id_for(books.org, 2026)
    assert (books.get(spent).lapsed, books.get(idle).lapsed) == (1_000_000, 300_000)
    size = books.log_size()
    for attempt in (
        lambda: books.obligate(spent, 1_000),
        lambda: books.run(Allocate, line_id=idle, quarter=4, amount=1_000),
        lambda: books.run(AmendBudget, line_id=idle, change=5_000, reference="추경"),
        lambda: books.run(Appropriate, budget_code=books.next_code(), title="신규", amount=1),
        lambda: books.run(CloseFiscalYear, on=date(2026, 12, 31)),
    ):
        with refused("year-closed"):
            attempt()
    assert books.log_size() == size
    # carry-over is a closing entry: accepted on the closed year
    books.run(CarryOver, line_id=idle, amount=100_000, kind=CarryOverKind.EXPLICIT, on=date(2026, 12, 31))
    assert books.get(idle).lapsed == 200_000
    next_line = books.get(BudgetLine.id_for(books.org, 2027, books.get(idle).code))
    assert next_line.current_budget == 100_000


def test_a_carry_over_needs_the_next_year_open(books: Books) -> None:
    line_id = books.line(amount=1_000_000)
    with refused("year-not-open"):
        books.run(
            CarryOver, line_id=line_id, amount=1_000, kind=CarryOverKind.EXPLICIT, on=date(2026, 12, 31)
        )


def test_an_accident_carry_over_moves_the_obligation_to_next_year(books: Books) -> None:
    line_id = books.line(amount=1_000_000, allocate={1: 1_000_000})
    obligation_id = books.obligate(line_id, 700_000)
    books.run(OpenFiscalYear, year=2027, on=date(2027, 1, 1))
    books.run(
        CarryOver,
        line_id=line_id,
        amount=700_000,
        kind=CarryOverKind.ACCIDENT,
        obligation_id=obligation_id,
        on=date(2026, 12, 31),
    )
    obligation = books.get(obligation_id)
    assert obligation.fiscal_year == 2027
    next_line = books.get(obligation.line_id)
    assert (next_line.fiscal_year, next_line.obligated, next_line.current_budget) == (2027, 700_000, 700_000)
    with refused("carry-over-not-allowed"):
        books.run(
            CarryOver,
            line_id=line_id,
            amount=1,
            kind=CarryOverKind.ACCIDENT,
            obligation_id=obligation_id,
            on=date(2026, 12, 31),
        )


# --- storage ----------------------------------------------------------------------------------


def test_events_round_trip_through_the_store_exactly(books: Books) -> None:
    line_id = books.line(amount=1_000_000, allocate={2: 500_000})
    books.obligate(line_id, 100_000, on=date(2026, 4, 2))
    stored = list(books.ledger.events.get(line_id))
    assert [type(e).__name__ for e in stored] == ["Opened", "Appropriated", "Allocated", "Obligated"]
    opened = stored[0]
    assert opened.accounting_date == date(2026, 1, 15) and type(opened.accounting_date) is date
    assert isinstance(opened.command_id, uuid.UUID)
    assert str(opened.code) == books.get(line_id).code.__str__()
    assert books.get(line_id).allocated == (0, 500_000, 0, 0)  # a tuple, not a list


def test_a_cold_application_sees_what_a_warm_one_saved(books: Books, reopen: object) -> None:
    line_id = books.line(amount=9_000_000, allocate={1: 9_000_000})
    for _ in range(230):
        books.obligate(line_id, 1_000)
    warm = books.get(line_id)
    cold = reopen().repository.get(line_id)  # type: ignore[operator]
    assert cold.version == warm.version == 3 + 230
    assert cold.obligated == warm.obligated == 230_000
    assert books.ledger.snapshots is None  # folded from its events: no snapshot is taken or read


def test_a_forged_snapshot_row_cannot_let_an_over_obligation_through(books: Books, reopen: object) -> None:
    """Finding 2: a forged row in ``ledger_snapshots`` (obligated 197 000 on a line whose events
    obligate 1 000 000) let a cold ledger obligate past the allocation. No snapshot is read now."""
    line_id = books.line(amount=1_000_000, allocate={1: 1_000_000})
    books.obligate(line_id, 1_000_000)
    forged = BudgetLine.Snapshot.take(books.get(line_id))
    forged.state["obligated"] = 0
    snapshot_store(books.ledger).put([forged])
    cold = reopen()  # type: ignore[operator]
    assert cold.repository.get(line_id).obligated == 1_000_000
    with refused("insufficient-allocation"):
        cold.handle(books.command(Obligate, line_id=line_id, amount=197_000, description="초과"))
    assert cold.repository.get(line_id).obligated == 1_000_000
