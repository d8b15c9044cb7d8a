"""Returns (반납) through the ledger and the read models, on SQLite and PostgreSQL (finding 9).

A return lowers 지출액 (paid) on the payment, its obligation and its line, and gives the obligation
the amount back to voucher again; 원인행위액 (obligated) changes only when the obligation is reduced
or cancelled (domain.md §4). So a line's obligated total is always the sum of its obligations'
amounts, and its paid total the sum of its payments net of returns.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Engine, select

from commands import audit
from commands.ledger import Ledger
from commands.messages.base import CommandResult
from commands.messages.payments import DraftVoucher, IssuePaymentOrder, Pay, ReturnPayment
from commands.messages.spending import AmendObligation, CancelObligation, Obligate
from domain.budget_line import BudgetLine
from domain.errors import DomainError
from domain.obligation import Obligation
from projections.engine import ProjectionEngine
from readmodels.disclosure import expenditures
from readmodels.erp import line_balances, obligation_balances
from tests.app import identities
from tests.app.books import snapshot_store
from tests.app.test_payments import Spending, refused


@pytest.fixture
def books(ledger: Ledger) -> Spending:
    books = Spending(ledger)
    books.ready()
    return books


def paid_in_full(books: Spending, obligation: UUID, amount: int, **fields: Any) -> tuple[UUID, UUID, UUID]:
    """A voucher of ``amount`` on the obligation, approved, ordered and paid in one payment:
    (voucher, order, payment)."""
    voucher = books.voucher(obligation, amount, **fields)
    order = books.order(voucher, amount)
    return voucher, order, books.pay(voucher, order, amount)


def check_identities(books: Spending, projector: ProjectionEngine, read_db: Engine) -> identities.Identities:
    """The identities on the aggregates and on the read models, and both give the same lines."""
    projector.catch_up()
    from_aggregates = identities.from_aggregates(books.ledger)
    with read_db.connect() as conn:
        from_reads = identities.from_read_models(conn)
    assert from_reads == from_aggregates
    return from_aggregates


def test_after_a_return_the_line_still_obligates_the_sum_of_its_obligations(
    books: Spending, projector: ProjectionEngine, read_db: Engine
) -> None:
    # given a line with 500 000 allocated, obligated in full, and 300 000 of it paid
    line = books.line(amount=1_000_000, allocate={1: 500_000})
    obligation = books.obligate(line, 500_000)
    voucher, _, payment = paid_in_full(books, obligation, 300_000)
    # when 100 000 of the payment is returned (반납)
    books.give_back(voucher, payment, 100_000)
    # then the line's 원인행위액 is still its obligation's amount, and its 지출액 fell
    assert books.get(obligation).amount == 500_000
    assert books.line_amounts(line) == (200_000, 500_000, 500_000)
    # and so say the read models: line, obligation and disclosed payment
    projector.catch_up()
    with read_db.connect() as conn:
        row = conn.execute(select(line_balances).where(line_balances.c.line_id == str(line))).one()
        ob = conn.execute(
            select(obligation_balances).where(obligation_balances.c.obligation_id == str(obligation))
        ).one()
        spent = conn.execute(select(expenditures).where(expenditures.c.payment_id == str(payment))).one()
    assert (row.obligated, row.vouchered, row.paid) == (500_000, 300_000, 200_000)
    assert (ob.amount, ob.vouchered, ob.returned) == (500_000, 300_000, 100_000)
    assert (spent.amount, spent.returned) == (300_000, 100_000)
    figures = check_identities(books, projector, read_db)
    assert figures.lines[str(line)] == identities.LineFigures(obligated=500_000, paid=200_000)
    assert figures.returned == 100_000


def test_a_returned_amount_is_not_free_for_another_obligation(books: Spending) -> None:
    # given a line whose 500 000 allocated is obligated in full, paid, and 100 000 returned
    line = books.line(amount=1_000_000, allocate={1: 500_000})
    obligation = books.obligate(line, 500_000)
    voucher, _, payment = paid_in_full(books, obligation, 500_000)
    books.give_back(voucher, payment, 100_000)
    # when another obligation asks for the returned 100 000: refused, it is still obligated
    error = refused(
        books, "insufficient-allocation", Obligate, line_id=line, amount=100_000, description="다른 사업"
    )
    assert (error.numbers["allocated"], error.numbers["obligated"]) == (500_000, 500_000)
    # when the obligation is reduced by it (원인행위 감액), the line's 잔액 grows and it may be
    books.run(AmendObligation, obligation_id=obligation, new_amount=400_000, reason="반납액 감액")
    assert books.line_amounts(line) == (400_000, 400_000, 600_000)
    books.obligate(line, 100_000, description="다른 사업")
    assert books.line_amounts(line)[1] == 500_000


def test_a_returned_payment_is_paid_again_to_another_payee_on_a_new_voucher(
    books: Spending, projector: ProjectionEngine, read_db: Engine
) -> None:
    # given an obligation of 500 000 naming no vendor, and 300 000 paid to the wrong business
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    wrong = books.vendor("123-45-67890", "(주)한빛상사")
    right = books.vendor("220-81-62517", "(주)정당상사")
    obligation = books.obligate(line, 500_000)
    voucher, order, payment = paid_in_full(books, obligation, 300_000, payee_id=wrong)
    # when all of it comes back (착오 지급 반납)
    books.give_back(voucher, payment, 300_000)
    assert books.line_amounts(line) == (0, 500_000, 500_000)
    ob = books.get(obligation)
    assert (ob.vouchered, ob.returned, ob.drawn, ob.remaining) == (300_000, 300_000, 0, 500_000)
    # then it is not paid again on its own voucher: the order and the voucher are spent
    refused(books, "payment-exceeds-order", Pay, voucher_id=voucher, order_id=order, amount=300_000)
    refused(books, "order-exceeds-voucher", IssuePaymentOrder, voucher_id=voucher, amount=1)
    # when a new voucher pays the right business
    corrected, _, again = paid_in_full(books, obligation, 300_000, payee_id=right)
    # then the line has paid 300 000 once, still 500 000 obligated; 200 000 is left to voucher
    assert books.get(corrected).payee_id == right
    assert books.line_amounts(line) == (300_000, 500_000, 500_000)
    ob = books.get(obligation)
    assert (ob.amount, ob.vouchered, ob.returned, ob.remaining) == (500_000, 600_000, 300_000, 200_000)
    # and no more than that may be vouchered
    error = refused(
        books,
        "voucher-exceeds-obligation",
        DraftVoucher,
        obligation_id=obligation,
        amount=200_001,
        description="초과",
        payee_id=right,
    )
    assert (error.numbers["available"], error.numbers["returned"]) == (200_000, 300_000)
    # and the read models show both payments, the first returned
    figures = check_identities(books, projector, read_db)
    assert figures.lines[str(line)] == identities.LineFigures(obligated=500_000, paid=300_000)
    with read_db.connect() as conn:
        rows = {
            row.payment_id: (row.payee_id, row.amount, row.returned)
            for row in conn.execute(select(expenditures).where(expenditures.c.line_id == str(line)))
        }
    assert rows == {str(payment): (str(wrong), 300_000, 300_000), str(again): (str(right), 300_000, 0)}


def test_an_obligation_whose_payments_all_came_back_may_be_cancelled(
    books: Spending, projector: ProjectionEngine, read_db: Engine
) -> None:
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    obligation = books.obligate(line, 500_000)
    voucher, _, payment = paid_in_full(books, obligation, 500_000)
    refused(books, "cancel-exceeds-remaining", CancelObligation, obligation_id=obligation, reason="취소")
    books.give_back(voucher, payment, 500_000)
    books.run(CancelObligation, obligation_id=obligation, reason="사업 취소")
    assert books.line_amounts(line) == (0, 0, 1_000_000)
    check_identities(books, projector, read_db)


# --- concurrently -------------------------------------------------------------------------------

THREADS = 10


def test_returns_racing_new_vouchers_never_let_vouchers_exceed_the_obligation(books: Spending) -> None:
    # given an obligation of 1 000 000 vouchered in full and paid in ten payments of 100 000
    line = books.line(amount=2_000_000, allocate={1: 2_000_000})
    obligation = books.obligate(line, 1_000_000)
    voucher = books.voucher(obligation, 1_000_000)
    order = books.order(voucher, 1_000_000)
    payments = [books.pay(voucher, order, 100_000) for _ in range(THREADS)]

    def give_back_then_voucher_again(payment: UUID) -> list[CommandResult | DomainError]:
        """One payment returned, then two vouchers of 150 000 asked for at once after it."""
        books.run(ReturnPayment, voucher_id=voucher, payment_id=payment, amount=100_000, reason="반납")
        outcomes: list[CommandResult | DomainError] = []
        for n in range(2):
            try:
                outcomes.append(
                    books.run(
                        DraftVoucher, obligation_id=obligation, amount=150_000, description=f"재지급 {n}"
                    )
                )
            except DomainError as refusal:
                outcomes.append(refusal)
        return outcomes

    # when ten threads at once each return a payment and then voucher 150 000 twice
    barrier = threading.Barrier(THREADS)

    def thread(payment: UUID) -> list[CommandResult | DomainError]:
        barrier.wait()
        return give_back_then_voucher_again(payment)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        outcomes = [outcome for each in pool.map(thread, payments) for outcome in each]
    # then a voucher was accepted only while what had come back covered it: at most six of 150 000
    # in the 1 000 000 returned, and at least one (the last return left room for it)
    accepted = [o for o in outcomes if isinstance(o, CommandResult)]
    assert {o.code for o in outcomes if isinstance(o, DomainError)} <= {"voucher-exceeds-obligation"}
    assert 1 <= len(accepted) <= 1_000_000 // 150_000
    ob: Obligation = books.get(obligation)
    assert (ob.returned, ob.vouchered) == (1_000_000, 1_000_000 + 150_000 * len(accepted))
    assert ob.drawn <= ob.amount == 1_000_000
    # and at no moment of the obligation's history did its vouchers hold more than its amount
    held = 0
    for event in books.ledger.events.get(obligation):
        if isinstance(event, Obligation.Vouchered):
            held += event.amount
        elif isinstance(event, Obligation.Returned):
            held -= event.amount
        assert 0 <= held <= 1_000_000, event
    line_now: BudgetLine = books.get(line)
    assert (line_now.obligated, line_now.paid) == (1_000_000, 0)


# --- a store with returns folded by the old rule ---------------------------------------------------


def test_a_line_snapshot_taken_under_the_old_rule_is_not_used(
    books: Spending, reopen: Callable[[], Ledger]
) -> None:
    # given a line with 500 000 obligated, 300 000 paid and 100 000 returned
    line = books.line(amount=1_000_000, allocate={1: 500_000})
    obligation = books.obligate(line, 500_000)
    voucher, _, payment = paid_in_full(books, obligation, 300_000)
    books.give_back(voucher, payment, 100_000)
    # and a snapshot row of it as version 1 of the line folded it: obligated lowered by the return
    old = BudgetLine.Snapshot.take(books.get(line))
    old.state.pop("class_version")
    old.state["obligated"] -= 100_000
    snapshot_store(books.ledger).put([old])
    # when a ledger that never saw the line loads it, and the audit trail shows its state
    cold = reopen()
    loaded: BudgetLine = cold.repository.get(line)
    state = audit.line_state(cold, line)
    # then both come from its events, not from the snapshot
    assert (loaded.obligated, loaded.paid) == (500_000, 200_000)
    assert (state.balances.obligated, state.balances.paid) == (500_000, 200_000)
    # and commands decide on the true figures: the allocation is obligated in full
    with pytest.raises(DomainError) as refusal:
        cold.handle(
            books.command(Obligate, line_id=line, amount=1, description="초과", command_id=uuid.uuid4())
        )
    assert refusal.value.code == "insufficient-allocation"
