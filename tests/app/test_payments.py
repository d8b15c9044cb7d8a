"""Vouchers, payment orders, payments and returns through the ledger, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from commands.ledger import Ledger
from commands.messages.budget import CloseFiscalYear
from commands.messages.contracts import SignContract
from commands.messages.payments import (
    ApproveVoucher,
    DraftVoucher,
    IssuePaymentOrder,
    Pay,
    RejectVoucher,
    ReturnPayment,
)
from domain.budget_line import BudgetLine
from domain.contract import ContractMethod
from domain.errors import DomainError
from domain.obligation import Obligation
from domain.voucher import Voucher, VoucherStatus
from tests.app.books import Books


class Spending(Books):
    """Books with the steps of spending, one line each."""

    def voucher(self, obligation_id: UUID, amount: int, *, approve: bool = True, **fields: Any) -> UUID:
        fields.setdefault("description", "복지관 운영 물품 대금")
        voucher_id = self.run(DraftVoucher, obligation_id=obligation_id, amount=amount, **fields).aggregate_id
        if approve:
            self.run(ApproveVoucher, voucher_id=voucher_id, actor="director-lee")
        return voucher_id

    def order(self, voucher_id: UUID, amount: int) -> UUID:
        command_id = uuid.uuid4()
        self.run(IssuePaymentOrder, voucher_id=voucher_id, amount=amount, command_id=command_id)
        return Voucher.order_id_for(command_id)

    def pay(self, voucher_id: UUID, order_id: UUID, amount: int, withheld: int = 0) -> UUID:
        command_id = uuid.uuid4()
        self.run(
            Pay,
            voucher_id=voucher_id,
            order_id=order_id,
            amount=amount,
            withheld=withheld,
            command_id=command_id,
        )
        return Voucher.payment_id_for(command_id)

    def give_back(self, voucher_id: UUID, payment_id: UUID, amount: int) -> None:
        self.run(
            ReturnPayment, voucher_id=voucher_id, payment_id=payment_id, amount=amount, reason="과지급 반납"
        )

    def line_amounts(self, line_id: UUID) -> tuple[int, int, int]:
        """(paid, obligated, remaining) of a budget line."""
        line = self.get(line_id)
        assert isinstance(line, BudgetLine)
        return line.paid, line.obligated, line.remaining


def refused(books: Books, code: str, cls: type[Any], **fields: Any) -> DomainError:
    """Run a command that must be refused with ``code`` and record nothing."""
    before = books.log_size()
    with pytest.raises(DomainError) as info:
        books.run(cls, **fields)
    assert info.value.code == code, info.value
    assert books.log_size() == before
    return info.value


@pytest.fixture
def books(ledger: Ledger) -> Spending:
    books = Spending(ledger)
    books.ready()
    return books


def test_the_whole_path_from_appropriation_to_return(books: Spending, reopen: Callable[[], Ledger]) -> None:
    # given a line of 1 000 000 won, 600 000 allocated in Q1, and a vendor
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    vendor = books.vendor()
    assert books.line_amounts(line) == (0, 0, 1_000_000)
    # when 500 000 is obligated with the vendor
    obligation = books.obligate(line, 500_000, vendor_id=vendor)
    # then the line has 500 000 obligated
    assert books.line_amounts(line) == (0, 500_000, 500_000)

    # when a voucher of 300 000 is drafted
    voucher_id = books.voucher(obligation, 300_000, approve=False)
    # then the obligation has 300 000 vouchered; the line is unchanged
    ob = books.get(obligation)
    assert (ob.vouchered, ob.remaining, ob.returned) == (300_000, 200_000, 0)
    assert books.line_amounts(line) == (0, 500_000, 500_000)
    voucher = books.get(voucher_id)
    assert (voucher.status, voucher.line_id, voucher.payee_id) == (VoucherStatus.DRAFTED, line, vendor)

    # when it is approved and 200 000 of it ordered
    books.run(ApproveVoucher, voucher_id=voucher_id)
    order = books.order(voucher_id, 200_000)
    # then the voucher is approved with one order; the line is unchanged
    voucher = books.get(voucher_id)
    assert (voucher.status, voucher.ordered, voucher.unordered) == (VoucherStatus.APPROVED, 200_000, 100_000)
    assert books.line_amounts(line) == (0, 500_000, 500_000)

    # when 150 000 is paid on the order, 15 000 withheld, then the other 50 000
    first = books.pay(voucher_id, order, 150_000, withheld=15_000)
    # then the line has 150 000 paid
    assert books.line_amounts(line) == (150_000, 500_000, 500_000)
    books.pay(voucher_id, order, 50_000)
    assert books.line_amounts(line) == (200_000, 500_000, 500_000)

    # when the rest of the voucher is ordered and paid
    rest = books.order(voucher_id, 100_000)
    books.pay(voucher_id, rest, 100_000)
    # then the line has 300 000 paid
    assert books.line_amounts(line) == (300_000, 500_000, 500_000)

    # when 40 000 of the first payment is returned (반납)
    books.give_back(voucher_id, first, 40_000)
    # then the line's 지출액 falls by it and its 원인행위액 stays; the obligation counts it
    # returned and may voucher it again
    assert books.line_amounts(line) == (260_000, 500_000, 500_000)
    ob = books.get(obligation)
    assert (ob.vouchered, ob.returned, ob.remaining) == (300_000, 40_000, 240_000)
    voucher = books.get(voucher_id)
    assert (voucher.ordered, voucher.paid, voucher.returned) == (300_000, 300_000, 40_000)
    assert [p.withheld for p in voucher.payments] == [15_000, 0, 0]
    assert voucher.payment(first).unreturned == 110_000
    # and the store gives the same voucher back to a ledger that never saw it (a cold cache)
    assert vars(reopen().repository.get(voucher_id)) == vars(voucher)


def test_a_voucher_on_a_contract_draws_on_the_contract(books: Spending) -> None:
    # given an obligation of 500 000 and a contract of 400 000 against it
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    vendor = books.vendor()
    obligation = books.obligate(line, 500_000, vendor_id=vendor)
    contract = books.run(
        SignContract,
        obligation_id=obligation,
        vendor_id=vendor,
        amount=400_000,
        method=ContractMethod.OPEN,
        title="복지관 냉난방기 교체",
        department="복지정책과",
        starts=date(2026, 2, 1),
        ends=date(2026, 6, 30),
    ).aggregate_id
    # when a voucher of 300 000 is drafted on the contract
    voucher_id = books.voucher(obligation, 300_000, contract_id=contract)
    # then contract and obligation both carry it, and the contractor is the payee
    assert books.get(contract).vouchered == 300_000
    assert books.get(obligation).vouchered == 300_000
    assert books.get(voucher_id).payee_id == vendor
    # and a voucher over what the contract has left records nothing anywhere
    error = refused(
        books,
        "voucher-exceeds-obligation",
        DraftVoucher,
        obligation_id=obligation,
        contract_id=contract,
        amount=100_001,
        description="잔금",
    )
    assert error.numbers["available"] == 100_000
    assert books.get(obligation).vouchered == 300_000


def test_each_refusal_records_nothing(books: Spending) -> None:
    # given a voucher of 300 000 on an obligation of 500 000, approved, with an order of 200 000
    # and a payment of 150 000 on it
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    obligation = books.obligate(line, 500_000)
    voucher_id = books.voucher(obligation, 300_000)
    order = books.order(voucher_id, 200_000)
    payment = books.pay(voucher_id, order, 150_000)

    # then a voucher over what remains of the obligation is refused
    error = refused(
        books,
        "voucher-exceeds-obligation",
        DraftVoucher,
        obligation_id=obligation,
        amount=200_001,
        description="잔금",
    )
    assert (error.numbers["requested"], error.numbers["available"]) == (200_001, 200_000)
    # and an order over what remains of the voucher
    error = refused(books, "order-exceeds-voucher", IssuePaymentOrder, voucher_id=voucher_id, amount=100_001)
    assert (error.numbers["voucher_amount"], error.numbers["ordered"], error.numbers["available"]) == (
        300_000,
        200_000,
        100_000,
    )
    # and a payment over what remains of the order
    error = refused(books, "payment-exceeds-order", Pay, voucher_id=voucher_id, order_id=order, amount=50_001)
    assert (error.numbers["paid"], error.numbers["available"]) == (150_000, 50_000)
    # and withholding more than is paid
    refused(books, "invalid-amount", Pay, voucher_id=voucher_id, order_id=order, amount=10, withheld=11)
    # and a return over what was paid
    error = refused(
        books,
        "return-exceeds-payment",
        ReturnPayment,
        voucher_id=voucher_id,
        payment_id=payment,
        amount=150_001,
        reason="반납",
    )
    assert (error.numbers["paid"], error.numbers["returned"], error.numbers["available"]) == (
        150_000,
        0,
        150_000,
    )
    # and things the ledger does not have
    refused(books, "not-found", Pay, voucher_id=voucher_id, order_id=uuid.uuid4(), amount=1)
    refused(
        books,
        "not-found",
        ReturnPayment,
        voucher_id=voucher_id,
        payment_id=uuid.uuid4(),
        amount=1,
        reason="반납",
    )
    refused(books, "not-found", DraftVoucher, obligation_id=uuid.uuid4(), amount=1, description="대금")
    refused(books, "not-found", ApproveVoucher, voucher_id=uuid.uuid4())
    # and approving an approved voucher
    refused(books, "invalid-state", ApproveVoucher, voucher_id=voucher_id)
    # and the line still counts one payment
    assert books.line_amounts(line) == (150_000, 500_000, 500_000)


def test_a_rejected_voucher_gets_no_payment_order(books: Spending) -> None:
    # given a drafted voucher
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    voucher_id = books.voucher(books.obligate(line, 500_000), 300_000, approve=False)
    # when it is ordered before approval, it is refused
    refused(books, "invalid-state", IssuePaymentOrder, voucher_id=voucher_id, amount=100_000)
    # when the e-approval rejects it
    books.run(RejectVoucher, voucher_id=voucher_id, reason="증빙서류 미비")
    # then it is rejected, and is neither approved nor ordered
    assert books.get(voucher_id).status is VoucherStatus.REJECTED
    refused(books, "invalid-state", ApproveVoucher, voucher_id=voucher_id)
    refused(books, "invalid-state", IssuePaymentOrder, voucher_id=voucher_id, amount=100_000)


def test_a_rejected_voucher_gives_its_amount_back_to_obligation_and_contract(books: Spending) -> None:
    # given an obligation of 500 000, a contract of 500 000 and a voucher of 400 000 on it
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    vendor = books.vendor()
    obligation_id = books.obligate(line, 500_000, vendor_id=vendor)
    contract_id = books.run(
        SignContract,
        obligation_id=obligation_id,
        vendor_id=vendor,
        amount=500_000,
        method=ContractMethod.OPEN,
        title="복지관 보수",
        department="복지정책과",
        starts=date(2026, 2, 1),
        ends=date(2026, 6, 30),
    ).aggregate_id
    voucher_id = books.voucher(obligation_id, 400_000, approve=False, contract_id=contract_id)
    refused(
        books,
        "voucher-exceeds-obligation",
        DraftVoucher,
        obligation_id=obligation_id,
        contract_id=contract_id,
        amount=400_000,
        description="중복",
    )
    # when it is rejected
    books.run(RejectVoucher, voucher_id=voucher_id, reason="금액 오류")
    # then the obligation and the contract can be vouchered in full again
    assert books.get(obligation_id).vouchered == 0
    assert books.get(contract_id).vouchered == 0
    books.voucher(obligation_id, 500_000, contract_id=contract_id)
    assert books.get(obligation_id).remaining == 0


def test_a_stale_expected_version_is_a_conflict(books: Spending) -> None:
    # given an approved voucher (version 2)
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    voucher_id = books.voucher(books.obligate(line, 500_000), 300_000)
    # when an order names version 1
    before = books.log_size()
    with pytest.raises(DomainError) as info:
        books.run(IssuePaymentOrder, voucher_id=voucher_id, amount=100_000, expected_version=1)
    # then it conflicts and records nothing
    assert info.value.numbers == {"expected_version": 1, "actual_version": 2}
    assert books.log_size() == before
    # and naming version 2 is accepted
    result = books.run(IssuePaymentOrder, voucher_id=voucher_id, amount=100_000, expected_version=2)
    assert result.version == 3


def test_nothing_is_paid_returned_or_vouchered_on_a_closed_year(books: Spending) -> None:
    # given a payment of 150 000 on an order of 200 000, and an obligation with room left
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    obligation = books.obligate(line, 500_000)
    voucher_id = books.voucher(obligation, 300_000)
    order = books.order(voucher_id, 200_000)
    payment = books.pay(voucher_id, order, 150_000)
    # when the year is closed
    books.run(CloseFiscalYear, on=date(2026, 12, 31))
    # then payments, returns, orders and vouchers are refused, recording nothing
    day = date(2026, 12, 31)
    error = refused(books, "year-closed", Pay, voucher_id=voucher_id, order_id=order, amount=50_000, on=day)
    assert error.numbers["fiscal_year"] == 2026
    refused(
        books,
        "year-closed",
        ReturnPayment,
        voucher_id=voucher_id,
        payment_id=payment,
        amount=1,
        reason="반납",
        on=day,
    )
    refused(books, "year-closed", IssuePaymentOrder, voucher_id=voucher_id, amount=100_000, on=day)
    refused(
        books, "year-closed", DraftVoucher, obligation_id=obligation, amount=1, description="대금", on=day
    )
    # and the line keeps the one payment
    assert books.line_amounts(line)[0] == 150_000


def test_a_payment_retried_with_its_command_id_pays_once(books: Spending) -> None:
    # given an order of 200 000
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    voucher_id = books.voucher(books.obligate(line, 500_000), 300_000)
    order = books.order(voucher_id, 200_000)
    pay = books.command(Pay, voucher_id=voucher_id, order_id=order, amount=150_000)
    # when the same payment is sent twice
    first = books.ledger.handle(pay)
    size = books.log_size()
    again = books.ledger.handle(pay)
    # then the second answer is the first one, replayed, and nothing more is recorded
    assert not first.replayed
    assert again.replayed
    assert (again.aggregate_id, again.version, again.position) == (
        first.aggregate_id,
        first.version,
        first.position,
    )
    assert books.log_size() == size
    assert books.line_amounts(line)[0] == 150_000
    assert len(books.get(voucher_id).payments) == 1
    # and even once the order could not take it any more, the retry answers the same
    books.pay(voucher_id, order, 50_000)
    assert books.ledger.handle(pay).replayed


def test_a_return_saves_voucher_line_and_obligation_together(books: Spending) -> None:
    # given a payment of 150 000
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    obligation = books.obligate(line, 500_000)
    voucher_id = books.voucher(obligation, 300_000)
    payment = books.pay(voucher_id, books.order(voucher_id, 200_000), 150_000)
    versions = [books.get(a).version for a in (voucher_id, line, obligation)]
    # when 150 000 is returned in full
    books.give_back(voucher_id, payment, 150_000)
    # then each of the three has one more event, and the line has paid nothing, still obligated
    assert [books.get(a).version for a in (voucher_id, line, obligation)] == [v + 1 for v in versions]
    assert books.line_amounts(line) == (0, 500_000, 500_000)
    assert isinstance(books.get(obligation), Obligation)
    assert books.get(obligation).returned == 150_000
