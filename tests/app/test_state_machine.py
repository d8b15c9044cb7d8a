"""Random command sequences on both backends: no invariant ever breaks.

A hypothesis state machine issues budget, obligation, voucher, payment and return commands in
any order with any amounts. Refusals are expected; what must hold after every step is:

- a refused command recorded nothing;
- every invariant of domain.md §4 on every line, obligation and voucher, and its identities: a
  line's obligated total is the sum of its obligations' amounts, its paid total the sum of its
  payments net of returns (반납);
- every line's balances equal a plain fold of its stored events, written here independently.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from commands.ledger import Ledger, open_ledger
from commands.messages.base import Command
from commands.messages.budget import (
    Allocate,
    AmendBudget,
    GrantContingency,
    PullAllocationForward,
    TransferBudget,
)
from commands.messages.payments import (
    ApproveVoucher,
    DraftVoucher,
    IssuePaymentOrder,
    Pay,
    RejectVoucher,
    ReturnPayment,
)
from commands.messages.spending import AmendObligation, CancelObligation, Obligate
from commands.persistence import StoreConfig
from domain.budget_line import BudgetLine, TransferKind
from domain.errors import DomainError
from domain.obligation import Obligation
from domain.voucher import Voucher
from tests.app.books import Books
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

CODES = [
    "100-080-081-1001-2001-3001-201-01",
    "100-080-081-1001-2001-3001-202-01",
    "100-060-061-1002-2002-3002-401-01",
]
RESERVE = "100-160-161-9001-9001-9001-701-01"
amounts = st.integers(min_value=-1_000, max_value=3_000_000)
positive = st.integers(min_value=1, max_value=3_000_000)
days = st.dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31))


def fold_line(events: list[Any]) -> dict[str, Any]:
    """The balances of a budget line, summed from its events without the aggregate's code."""
    totals = {"current_budget": 0, "allocated": [0, 0, 0, 0], "obligated": 0, "paid": 0}
    for event in events:
        name = type(event).__name__
        if name in ("Appropriated", "TransferredIn", "ContingencyGranted", "CarriedIn"):
            totals["current_budget"] += event.amount
        elif name in ("TransferredOut", "ContingencyReleased"):
            totals["current_budget"] -= event.amount
        elif name == "Amended":
            totals["current_budget"] += event.change
        elif name == "Allocated":
            totals["allocated"][event.quarter - 1] += event.amount
        elif name == "AllocationPulledForward":
            totals["allocated"][event.from_quarter - 1] -= event.amount
            totals["allocated"][event.to_quarter - 1] += event.amount
        elif name == "Obligated":
            totals["obligated"] += event.amount
        elif name == "ObligationReleased":
            totals["obligated"] -= event.amount
        elif name == "Paid":
            totals["paid"] += event.amount
        elif name == "PaymentReturned":  # 지출액 only: the amount stays obligated (domain.md §4)
            totals["paid"] -= event.amount
    totals["allocated"] = tuple(totals["allocated"])
    return totals


class LedgerMachine(RuleBasedStateMachine):
    config: StoreConfig

    def __init__(self) -> None:
        super().__init__()
        self.ledger: Ledger = open_ledger(self.config)
        self.books = Books(self.ledger, on=date(2026, 1, 2))
        self.lines: list[UUID] = []
        self.reserve: UUID | None = None
        self.obligations: list[UUID] = []
        self.vouchers: list[UUID] = []
        self.orders: list[tuple[UUID, UUID]] = []
        self.payments: list[tuple[UUID, UUID]] = []

    def teardown(self) -> None:
        self.ledger.close()

    # --- issuing commands -------------------------------------------------------------------

    def issue(self, cls: type[Command], on: date | None = None, **fields: Any) -> UUID | None:
        command_id = uuid.uuid4()
        before = self.books.log_size()
        try:
            return self.books.run(cls, on=on, command_id=command_id, **fields).aggregate_id
        except DomainError:
            assert self.books.log_size() == before, f"refused {cls.__name__} recorded events"
            return None
        finally:
            self.last_command_id = command_id

    @initialize()
    def open_books(self) -> None:
        self.books.ready()
        for code in CODES:
            self.lines.append(self.books.line(amount=5_000_000, code=code))
        self.reserve = self.books.line(amount=2_000_000, code=RESERVE)

    @rule(data=st.data(), change=amounts)
    def amend(self, data: st.DataObject, change: int) -> None:
        self.issue(
            AmendBudget, line_id=data.draw(st.sampled_from(self.lines)), change=change, reference="추경"
        )

    @rule(data=st.data(), quarter=st.integers(1, 4), amount=amounts)
    def allocate(self, data: st.DataObject, quarter: int, amount: int) -> None:
        self.issue(Allocate, line_id=data.draw(st.sampled_from(self.lines)), quarter=quarter, amount=amount)

    @rule(data=st.data(), later=st.integers(2, 4), amount=positive)
    def pull_forward(self, data: st.DataObject, later: int, amount: int) -> None:
        self.issue(
            PullAllocationForward,
            line_id=data.draw(st.sampled_from(self.lines)),
            from_quarter=later,
            to_quarter=later - 1,
            amount=amount,
        )

    @rule(data=st.data(), amount=positive)
    def transfer(self, data: st.DataObject, amount: int) -> None:
        source, target = data.draw(st.permutations(self.lines))[:2]
        kind = data.draw(st.sampled_from(list(TransferKind)))
        self.issue(
            TransferBudget, from_line_id=source, to_line_id=target, amount=amount, kind=kind, reason="전용"
        )

    @rule(data=st.data(), amount=positive)
    def grant_contingency(self, data: st.DataObject, amount: int) -> None:
        self.issue(
            GrantContingency,
            reserve_line_id=self.reserve,
            to_line_id=data.draw(st.sampled_from(self.lines)),
            amount=amount,
            reason="재난",
        )

    @rule(data=st.data(), amount=amounts, on=days)
    def obligate(self, data: st.DataObject, amount: int, on: date) -> None:
        made = self.issue(
            Obligate, on=on, line_id=data.draw(st.sampled_from(self.lines)), amount=amount, description="집행"
        )
        if made:
            self.obligations.append(made)

    @rule(data=st.data(), amount=positive)
    def amend_obligation(self, data: st.DataObject, amount: int) -> None:
        if self.obligations:
            self.issue(
                AmendObligation,
                on=date(2026, 12, 1),
                obligation_id=data.draw(st.sampled_from(self.obligations)),
                new_amount=amount,
                reason="변경",
            )

    @rule(data=st.data())
    def cancel_obligation(self, data: st.DataObject) -> None:
        if self.obligations:
            self.issue(
                CancelObligation, obligation_id=data.draw(st.sampled_from(self.obligations)), reason="취소"
            )

    @rule(data=st.data(), amount=amounts, approve=st.booleans())
    def voucher(self, data: st.DataObject, amount: int, approve: bool) -> None:
        if not self.obligations:
            return
        made = self.issue(
            DraftVoucher,
            obligation_id=data.draw(st.sampled_from(self.obligations)),
            amount=amount,
            description="지출결의",
        )
        if made:
            self.vouchers.append(made)
            if approve:
                self.issue(ApproveVoucher, voucher_id=made)
            else:
                self.issue(RejectVoucher, voucher_id=made, reason="반려")

    @rule(data=st.data(), amount=amounts)
    def order(self, data: st.DataObject, amount: int) -> None:
        if self.vouchers:
            voucher_id = data.draw(st.sampled_from(self.vouchers))
            if self.issue(IssuePaymentOrder, voucher_id=voucher_id, amount=amount):
                self.orders.append((voucher_id, Voucher.order_id_for(self.last_command_id)))

    @rule(data=st.data(), amount=amounts, withheld=st.integers(0, 10_000))
    def pay(self, data: st.DataObject, amount: int, withheld: int) -> None:
        if self.orders:
            voucher_id, order_id = data.draw(st.sampled_from(self.orders))
            if self.issue(
                Pay,
                voucher_id=voucher_id,
                order_id=order_id,
                amount=amount,
                withheld=min(withheld, max(amount, 0)),
            ):
                self.payments.append((voucher_id, Voucher.payment_id_for(self.last_command_id)))

    @rule(data=st.data(), amount=amounts)
    def give_back(self, data: st.DataObject, amount: int) -> None:
        if self.payments:
            voucher_id, payment_id = data.draw(st.sampled_from(self.payments))
            self.issue(
                ReturnPayment, voucher_id=voucher_id, payment_id=payment_id, amount=amount, reason="반납"
            )

    # --- what must always hold --------------------------------------------------------------

    @invariant()
    def lines_hold_their_invariants_and_equal_their_events(self) -> None:
        for line_id in [*self.lines, self.reserve]:
            if line_id is None:
                continue
            line: BudgetLine = self.ledger.repository.get(line_id)
            assert 0 <= line.paid <= line.obligated, line
            assert line.obligated <= line.allocated_total <= line.current_budget, line
            assert all(quarter >= 0 for quarter in line.allocated), line
            folded = fold_line(list(self.ledger.events.get(line_id)))
            assert folded == {
                "current_budget": line.current_budget,
                "allocated": line.allocated,
                "obligated": line.obligated,
                "paid": line.paid,
            }

    @invariant()
    def obligations_and_vouchers_hold(self) -> None:
        obligated: dict[UUID, int] = dict.fromkeys(self.lines, 0)
        paid: dict[UUID, int] = dict.fromkeys(self.lines, 0)
        for obligation_id in self.obligations:
            obligation: Obligation = self.ledger.repository.get(obligation_id)
            assert 0 <= obligation.drawn <= obligation.amount, obligation
            obligated[obligation.line_id] += obligation.amount
        for voucher_id in self.vouchers:
            voucher: Voucher = self.ledger.repository.get(voucher_id)
            paid[voucher.line_id] += voucher.paid - voucher.returned
            ordered = sum(order.amount for order in voucher.orders)
            assert ordered <= voucher.amount
            for order in voucher.orders:
                assert 0 <= order.paid <= order.amount
            for payment in voucher.payments:
                assert 0 <= payment.returned <= payment.amount
        for line_id in self.lines:
            line: BudgetLine = self.ledger.repository.get(line_id)
            assert (line.obligated, line.paid) == (obligated[line_id], paid[line_id]), line


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_random_command_sequences_never_break_an_invariant(backend: str, tmp_path: Path) -> None:
    schemas: list[PostgresSchema] = []
    if backend == "postgres":
        require_postgres()

    class Machine(LedgerMachine):
        def __init__(self) -> None:
            if backend == "sqlite":
                type(self).config = StoreConfig(f"sqlite:///{tmp_path / uuid.uuid4().hex}.db", cache_size=100)
            else:
                schemas.append(PostgresSchema())
                type(self).config = StoreConfig(POSTGRES_URL, schema=schemas[-1].name, cache_size=100)
            super().__init__()

    try:
        run_state_machine_as_test(
            Machine,
            settings=settings(
                max_examples=25 if backend == "sqlite" else 12,
                stateful_step_count=30,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
    finally:
        for schema in schemas:
            schema.drop()
