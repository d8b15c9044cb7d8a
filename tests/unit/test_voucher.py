"""Vouchers (지출결의), payment orders (지급명령), payments (지급) and returns (반납): the domain alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.contract import Contract, ContractMethod
from domain.obligation import Obligation
from domain.vendor import Vendor, VendorKind
from domain.voucher import Payment, PaymentOrder, Voucher, VoucherStatus
from tests.unit.gwt import YEAR, assert_nothing_recorded, ctx, given_line, new_id, refused

# --- given ---------------------------------------------------------------------------------------


def given_vendor(number: str = "123-45-67890", name: str = "(주)한빛상사") -> Vendor:
    vendor = Vendor.register(ctx(), VendorKind.BUSINESS, number, name, "서울특별시 성동구 왕십리로 1")
    vendor.collect_events()
    return vendor


def given_obligation(
    line: BudgetLine | None = None, amount: int = 500_000, vendor: Vendor | None = None
) -> Obligation:
    """An obligation of ``amount`` on a line with 1 000 000 won allocated in Q1."""
    line = line or given_line(budget=1_000_000, allocated={1: 1_000_000})
    obligation = Obligation.create(ctx(), line, amount, "복지관 운영 물품 구매", vendor=vendor)
    line.collect_events()
    obligation.collect_events()
    return obligation


def given_contract(obligation: Obligation, vendor: Vendor, amount: int) -> Contract:
    contract = Contract.sign(
        ctx(),
        obligation,
        vendor,
        amount,
        ContractMethod.OPEN,
        "복지관 냉난방기 교체",
        "복지정책과",
        date(YEAR, 2, 1),
        date(YEAR, 6, 30),
    )
    obligation.collect_events()
    contract.collect_events()
    return contract


def given_voucher(
    obligation: Obligation,
    amount: int = 300_000,
    *,
    approved: bool = True,
    contract: Contract | None = None,
) -> Voucher:
    voucher = Voucher.draft(ctx(), obligation, amount, "냉난방기 교체 대금", contract)
    if approved:
        voucher.approve(ctx(actor="director-lee"))
    obligation.collect_events()
    if contract is not None:
        contract.collect_events()
    voucher.collect_events()
    return voucher


@dataclass
class Paid:
    """A line, an obligation of 500 000 on it, an approved voucher of 300 000, an order of 200 000
    and a payment of 150 000 on that order (15 000 withheld)."""

    line: BudgetLine
    obligation: Obligation
    voucher: Voucher
    order_id: UUID
    payment_id: UUID


def given_paid() -> Paid:
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    obligation = given_obligation(line)
    voucher = given_voucher(obligation)
    order_id = voucher.issue_order(ctx(), 200_000)
    payment_id = voucher.pay(ctx(), line, order_id, 150_000, withheld=15_000)
    line.collect_events()
    voucher.collect_events()
    return Paid(line, obligation, voucher, order_id, payment_id)


def replayed(events: Sequence[Any]) -> Voucher:
    rebuilt = None
    for event in events:
        rebuilt = event.mutate(rebuilt)
    assert isinstance(rebuilt, Voucher)
    return rebuilt


# --- drafting (invariant 3: a voucher ≤ what remains of its obligation) --------------------------


def test_a_voucher_draws_on_its_obligation_and_records_the_line_and_the_payee() -> None:
    # given an obligation of 500 000 won with a vendor
    vendor = given_vendor()
    obligation = given_obligation(amount=500_000, vendor=vendor)
    draft = ctx()
    # when a voucher of 300 000 is drafted
    voucher = Voucher.draft(draft, obligation, 300_000, "냉난방기 교체 대금")
    # then the voucher is drafted, on the obligation's line, paying its vendor
    assert voucher.id == Voucher.id_for(draft.command_id) == ledger_id("voucher", draft.command_id)
    assert voucher.status is VoucherStatus.DRAFTED
    assert (voucher.amount, voucher.line_id, voucher.payee_id) == (300_000, obligation.line_id, vendor.id)
    assert (voucher.obligation_id, voucher.contract_id) == (obligation.id, None)
    assert (voucher.ordered, voucher.paid, voucher.returned) == (0, 0, 0)
    # and the obligation has 200 000 left to voucher
    assert (obligation.vouchered, obligation.remaining) == (300_000, 200_000)
    assert [type(e) for e in obligation.pending_events] == [Obligation.Vouchered]
    drafted = voucher.pending_events[0]
    assert isinstance(drafted, Voucher.Drafted)
    assert (drafted.command_id, drafted.actor) == (draft.command_id, draft.actor)


def test_a_voucher_may_take_all_that_remains_of_its_obligation() -> None:
    # given an obligation of 500 000 won, 300 000 of it vouchered
    obligation = given_obligation(amount=500_000)
    given_voucher(obligation, 300_000)
    # when a voucher of exactly the 200 000 left is drafted
    Voucher.draft(ctx(), obligation, 200_000, "잔금")
    # then nothing remains
    assert obligation.remaining == 0


def test_a_voucher_over_what_remains_of_its_obligation_is_refused() -> None:
    # given an obligation of 500 000 won, 300 000 of it vouchered
    obligation = given_obligation(amount=500_000)
    given_voucher(obligation, 300_000)
    # when a voucher of 200 001 is drafted
    with refused(
        "voucher-exceeds-obligation",
        requested=200_001,
        obligation_amount=500_000,
        vouchered=300_000,
        available=200_000,
    ):
        Voucher.draft(ctx(), obligation, 200_001, "잔금")
    # then the obligation recorded nothing
    assert_nothing_recorded(obligation)


def test_a_voucher_on_a_cancelled_obligation_is_refused() -> None:
    # given a cancelled obligation
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    obligation = given_obligation(line)
    obligation.cancel(ctx(), line, "사업 취소")
    obligation.collect_events()
    # when a voucher is drafted on it
    with refused("invalid-state"):
        Voucher.draft(ctx(), obligation, 100_000, "대금")
    # then nothing was recorded
    assert_nothing_recorded(obligation)


def test_a_voucher_needs_a_positive_whole_amount_and_a_description() -> None:
    # given an obligation
    obligation = given_obligation()
    # when vouchers of no amount, a negative amount, a float, or without description are drafted
    for amount in (0, -1):
        with refused("invalid-amount", amount=amount):
            Voucher.draft(ctx(), obligation, amount, "대금")
    with refused("invalid-amount"):
        Voucher.draft(ctx(), obligation, 1.5, "대금")  # type: ignore[arg-type]
    with refused("invalid-input"):
        Voucher.draft(ctx(), obligation, 100_000, "  ")
    # then nothing was recorded
    assert_nothing_recorded(obligation)


def test_a_voucher_of_another_organisation_or_year_is_refused() -> None:
    # given an obligation of Seoul's 2026
    obligation = given_obligation()
    # when another organisation, or another year, drafts a voucher on it
    with refused("wrong-organisation", org="6110000", fiscal_year=YEAR):
        Voucher.draft(ctx(org="3030000"), obligation, 100_000, "대금")
    with refused("wrong-organisation", org="6110000", fiscal_year=YEAR):
        Voucher.draft(ctx(date(YEAR + 1, 2, 1)), obligation, 100_000, "대금")
    # then nothing was recorded
    assert_nothing_recorded(obligation)


def test_a_voucher_pays_a_vendor_given_when_the_obligation_has_none() -> None:
    # given an obligation without a vendor, and a registered vendor
    obligation = given_obligation(vendor=None)
    vendor = given_vendor()
    # when a voucher is drafted naming that vendor
    voucher = Voucher.draft(ctx(), obligation, 100_000, "대금", payee=vendor)
    # then the vendor is the payee
    assert voucher.payee_id == vendor.id


def test_a_voucher_without_any_vendor_has_no_payee_yet() -> None:
    # given an obligation without a vendor
    obligation = given_obligation(vendor=None)
    # when a voucher is drafted without a vendor
    voucher = Voucher.draft(ctx(), obligation, 100_000, "대금")
    # then it names no payee
    assert voucher.payee_id is None


def test_a_voucher_naming_another_payee_than_the_obligations_vendor_is_refused() -> None:
    # given an obligation with one vendor, and another vendor
    obligation = given_obligation(vendor=given_vendor())
    other = given_vendor("222-33-44444", "(주)다른상사")
    # when a voucher names the other vendor as payee
    with refused("invalid-input"):
        Voucher.draft(ctx(), obligation, 100_000, "대금", payee=other)
    # then nothing was recorded
    assert_nothing_recorded(obligation)


# --- drafting against a contract (invariant 3: ≤ what remains of the contract too) ---------------


def test_a_voucher_on_a_contract_draws_on_both_and_pays_the_contractor() -> None:
    # given an obligation of 500 000 and a contract of 400 000 against it
    vendor = given_vendor()
    obligation = given_obligation(amount=500_000, vendor=vendor)
    contract = given_contract(obligation, vendor, 400_000)
    # when a voucher of 250 000 is drafted on the contract
    voucher = Voucher.draft(ctx(), obligation, 250_000, "기성금", contract)
    # then both carry it, and the contractor is the payee
    assert (voucher.contract_id, voucher.payee_id) == (contract.id, vendor.id)
    assert (obligation.vouchered, contract.vouchered, contract.remaining) == (250_000, 250_000, 150_000)


def test_a_voucher_over_what_remains_of_its_contract_is_refused_and_the_obligation_untouched() -> None:
    # given an obligation of 500 000 and a contract of 400 000, 300 000 of it vouchered
    vendor = given_vendor()
    obligation = given_obligation(amount=500_000, vendor=vendor)
    contract = given_contract(obligation, vendor, 400_000)
    given_voucher(obligation, 300_000, contract=contract)
    # when a voucher of 150 000 is drafted on the contract (the obligation has 200 000 left)
    with refused(
        "voucher-exceeds-obligation",
        requested=150_000,
        contract_amount=400_000,
        vouchered=300_000,
        available=100_000,
    ):
        Voucher.draft(ctx(), obligation, 150_000, "기성금", contract)
    # then neither the contract nor the obligation recorded anything
    assert_nothing_recorded(obligation, contract)


def test_a_contract_voucher_over_what_remains_of_the_obligation_is_refused_and_the_contract_untouched() -> (
    None
):
    # given an obligation of 500 000 with a contract of 400 000, and 300 000 vouchered off-contract
    vendor = given_vendor()
    obligation = given_obligation(amount=500_000, vendor=vendor)
    contract = given_contract(obligation, vendor, 400_000)
    given_voucher(obligation, 300_000)
    # when a voucher of 300 000 is drafted on the contract (which has 400 000 left)
    with refused(
        "voucher-exceeds-obligation", requested=300_000, obligation_amount=500_000, available=200_000
    ):
        Voucher.draft(ctx(), obligation, 300_000, "기성금", contract)
    # then neither recorded anything
    assert_nothing_recorded(obligation, contract)


def test_a_voucher_on_a_terminated_contract_is_refused() -> None:
    # given a terminated contract against an obligation with room left
    vendor = given_vendor()
    obligation = given_obligation(amount=500_000, vendor=vendor)
    contract = given_contract(obligation, vendor, 400_000)
    contract.terminate(ctx(), obligation, "계약상대자 부도")
    obligation.collect_events()
    contract.collect_events()
    # when a voucher is drafted on it
    with refused("invalid-state", status="terminated"):
        Voucher.draft(ctx(), obligation, 100_000, "기성금", contract)
    # then neither recorded anything
    assert_nothing_recorded(obligation, contract)


def test_a_voucher_on_a_contract_of_another_obligation_is_refused() -> None:
    # given two obligations and a contract against the first
    vendor = given_vendor()
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    first = given_obligation(line, 400_000, vendor)
    second = given_obligation(line, 400_000, vendor)
    contract = given_contract(first, vendor, 300_000)
    # when a voucher on the second obligation names the first's contract
    with refused("wrong-organisation"):
        Voucher.draft(ctx(), second, 100_000, "기성금", contract)
    # then nothing was recorded
    assert_nothing_recorded(first, second, contract)


# --- approval (전자결재) -------------------------------------------------------------------------


def test_an_approved_voucher_names_its_approver() -> None:
    # given a drafted voucher
    voucher = given_voucher(given_obligation(), approved=False)
    # when the e-approval callback approves it
    voucher.approve(ctx(actor="director-lee"))
    # then it is approved by that actor
    assert voucher.status is VoucherStatus.APPROVED
    event = voucher.pending_events[-1]
    assert isinstance(event, Voucher.Approved)
    assert event.approver == "director-lee"


def test_a_rejected_voucher_keeps_its_reason() -> None:
    # given a drafted voucher of 100 000 on a 400 000 obligation
    obligation = given_obligation()
    voucher = given_voucher(obligation, 100_000, approved=False)
    vouchered = obligation.vouchered
    # when the e-approval callback rejects it
    voucher.reject(ctx(), "증빙서류 미비", obligation)
    # then it is rejected, with the reason, and the obligation has the amount back
    assert voucher.status is VoucherStatus.REJECTED
    assert obligation.vouchered == vouchered - 100_000
    event = voucher.pending_events[-1]
    assert isinstance(event, Voucher.Rejected)
    assert event.reason == "증빙서류 미비"


def test_a_rejection_without_reason_is_refused() -> None:
    # given a drafted voucher
    obligation = given_obligation()
    voucher = given_voucher(obligation, approved=False)
    obligation.collect_events()
    # when it is rejected without a reason
    with refused("reason-required"):
        voucher.reject(ctx(), " ", obligation)
    # then nothing was recorded
    assert_nothing_recorded(voucher, obligation)
    assert voucher.status is VoucherStatus.DRAFTED


def test_only_a_drafted_voucher_is_approved_or_rejected() -> None:
    # given an approved and a rejected voucher
    obligation = given_obligation()
    approved = given_voucher(obligation, 100_000)
    rejected = given_voucher(obligation, 100_000, approved=False)
    rejected.reject(ctx(), "중복 결의", obligation)
    rejected.collect_events()
    # when either is approved or rejected again
    with refused("invalid-state", status="approved"):
        approved.approve(ctx())
    with refused("invalid-state", status="approved"):
        approved.reject(ctx(), "재검토", obligation)
    with refused("invalid-state", status="rejected"):
        rejected.approve(ctx())
    # then nothing was recorded
    assert_nothing_recorded(approved, rejected)


def test_a_voucher_is_approved_only_by_its_own_organisation_and_year() -> None:
    # given a drafted voucher of Seoul's 2026
    voucher = given_voucher(given_obligation(), approved=False)
    # when another organisation approves it
    with refused("wrong-organisation", org="6110000", fiscal_year=YEAR):
        voucher.approve(ctx(org="3030000"))
    # then nothing was recorded
    assert_nothing_recorded(voucher)


# --- payment orders (invariant 3: orders ≤ the voucher) ------------------------------------------


def test_payment_orders_take_the_voucher_in_parts() -> None:
    # given an approved voucher of 300 000
    voucher = given_voucher(given_obligation(), 300_000)
    first, second = ctx(), ctx()
    # when orders of 200 000 and 100 000 are issued
    first_id = voucher.issue_order(first, 200_000)
    second_id = voucher.issue_order(second, 100_000)
    # then the voucher is fully ordered, each order unpaid, named by its command
    assert first_id == ledger_id("payment-order", first.command_id)
    assert second_id == Voucher.order_id_for(second.command_id)
    assert voucher.orders == (PaymentOrder(first_id, 200_000), PaymentOrder(second_id, 100_000))
    assert (voucher.ordered, voucher.unordered) == (300_000, 0)


def test_a_payment_order_over_what_remains_of_the_voucher_is_refused() -> None:
    # given an approved voucher of 300 000, 200 000 of it ordered
    voucher = given_voucher(given_obligation(), 300_000)
    voucher.issue_order(ctx(), 200_000)
    voucher.collect_events()
    # when an order of 100 001 is issued
    with refused(
        "order-exceeds-voucher", requested=100_001, voucher_amount=300_000, ordered=200_000, available=100_000
    ):
        voucher.issue_order(ctx(), 100_001)
    # then nothing was recorded
    assert_nothing_recorded(voucher)


def test_only_an_approved_voucher_gets_payment_orders() -> None:
    # given a drafted and a rejected voucher
    obligation = given_obligation()
    drafted = given_voucher(obligation, 100_000, approved=False)
    rejected = given_voucher(obligation, 100_000, approved=False)
    rejected.reject(ctx(), "예산과목 오류", obligation)
    rejected.collect_events()
    # when payment orders are issued on them
    with refused("invalid-state", status="drafted"):
        drafted.issue_order(ctx(), 100_000)
    with refused("invalid-state", status="rejected"):
        rejected.issue_order(ctx(), 100_000)
    # then nothing was recorded
    assert_nothing_recorded(drafted, rejected)


def test_a_payment_order_needs_a_positive_amount() -> None:
    # given an approved voucher
    voucher = given_voucher(given_obligation())
    # when an order of nothing is issued
    with refused("invalid-amount", amount=0):
        voucher.issue_order(ctx(), 0)
    # then nothing was recorded
    assert_nothing_recorded(voucher)


# --- payments (invariant 3: payments ≤ the order) ------------------------------------------------


def test_a_payment_counts_on_its_order_and_on_the_line() -> None:
    # given an approved voucher of 300 000 with an order of 200 000, on a line with 500 000 obligated
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    voucher = given_voucher(given_obligation(line, 500_000), 300_000)
    order_id = voucher.issue_order(ctx(), 200_000)
    voucher.collect_events()
    paying = ctx()
    # when 150 000 is paid on the order, 15 000 of it withheld (예수금)
    payment_id = voucher.pay(paying, line, order_id, 150_000, withheld=15_000)
    # then the order has 50 000 left to pay, and the line counts 150 000 paid
    assert payment_id == ledger_id("payment", paying.command_id) == Voucher.payment_id_for(paying.command_id)
    assert voucher.order(order_id) == PaymentOrder(order_id, 200_000, paid=150_000)
    assert voucher.order(order_id).unpaid == 50_000
    assert voucher.payments == (Payment(payment_id, order_id, 150_000, withheld=15_000),)
    assert voucher.paid == 150_000
    assert (line.paid, line.obligated, line.remaining) == (150_000, 500_000, 500_000)
    paid_event = voucher.pending_events[-1]
    assert isinstance(paid_event, Voucher.Paid)
    assert (paid_event.amount, paid_event.withheld, paid_event.order_id) == (150_000, 15_000, order_id)
    line_event = line.pending_events[-1]
    assert isinstance(line_event, BudgetLine.Paid)
    assert (line_event.voucher_id, line_event.payment_id) == (voucher.id, payment_id)


def test_a_payment_may_withhold_nothing_or_all_of_it() -> None:
    # given an approved voucher with an order of 200 000
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    voucher = given_voucher(given_obligation(line))
    order_id = voucher.issue_order(ctx(), 200_000)
    # when one payment withholds nothing and another withholds all it pays
    voucher.pay(ctx(), line, order_id, 100_000)
    voucher.pay(ctx(), line, order_id, 100_000, withheld=100_000)
    # then both are paid
    assert [p.withheld for p in voucher.payments] == [0, 100_000]
    assert voucher.order(order_id).unpaid == 0


def test_a_payment_over_what_remains_of_its_order_is_refused() -> None:
    # given an order of 200 000 with 150 000 paid on it
    paid = given_paid()
    # when 50 001 more is paid on it
    with refused(
        "payment-exceeds-order", requested=50_001, order_amount=200_000, paid=150_000, available=50_000
    ):
        paid.voucher.pay(ctx(), paid.line, paid.order_id, 50_001)
    # then neither the voucher nor the line recorded anything
    assert_nothing_recorded(paid.voucher, paid.line)
    assert paid.line.paid == 150_000


def test_a_payment_on_an_unknown_order_is_refused() -> None:
    # given a voucher with payments
    paid = given_paid()
    # when a payment names an order the voucher does not have
    with refused("not-found"):
        paid.voucher.pay(ctx(), paid.line, new_id(), 1_000)
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line)


def test_withholding_is_between_nothing_and_the_payment() -> None:
    # given an order with 50 000 left to pay
    paid = given_paid()
    # when a payment withholds more than it pays, or a negative amount
    with refused("invalid-amount", withheld=30_001, amount=30_000):
        paid.voucher.pay(ctx(), paid.line, paid.order_id, 30_000, withheld=30_001)
    with refused("invalid-amount", withheld=-1):
        paid.voucher.pay(ctx(), paid.line, paid.order_id, 30_000, withheld=-1)
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line)


def test_a_payment_on_a_closed_year_is_refused() -> None:
    # given an order with 50 000 left to pay, on a line whose year is closed
    paid = given_paid()
    paid.line.close(ctx(date(YEAR, 12, 31)))
    paid.line.collect_events()
    # when 50 000 is paid
    with refused("year-closed", org="6110000", fiscal_year=YEAR):
        paid.voucher.pay(ctx(date(YEAR, 12, 31)), paid.line, paid.order_id, 50_000)
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line)


def test_a_payment_against_another_line_or_organisation_is_refused() -> None:
    # given an order with 50 000 left to pay, and another budget line
    paid = given_paid()
    other = given_line(budget_code="100-080-081-1001-2001-3002-201-01", allocated={1: 1_000_000})
    # when it is paid against the other line, or by another organisation
    with refused("wrong-organisation"):
        paid.voucher.pay(ctx(), other, paid.order_id, 10_000)
    with refused("wrong-organisation", org="6110000"):
        paid.voucher.pay(ctx(org="3030000"), paid.line, paid.order_id, 10_000)
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line, other)


# --- returns (invariant 4: a return ≤ what was paid on that payment) -----------------------------


def test_a_return_lowers_paid_and_gives_the_obligation_the_amount_to_voucher_again() -> None:
    # given a payment of 150 000 on a line with 500 000 obligated, 300 000 of it vouchered
    paid = given_paid()
    assert paid.obligation.remaining == 200_000
    # when 40 000 of it is returned (반납)
    paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 40_000, "과지급 반납")
    # then the payment has 110 000 not returned
    payment = paid.voucher.payment(paid.payment_id)
    assert (payment.amount, payment.returned, payment.unreturned) == (150_000, 40_000, 110_000)
    assert paid.voucher.returned == 40_000
    # and the line's 지출액 falls while its 원인행위액 and 잔액 stay (domain.md §4)
    assert (paid.line.paid, paid.line.obligated, paid.line.remaining) == (110_000, 500_000, 500_000)
    # and the obligation keeps its amount and may voucher the 40 000 again
    ob = paid.obligation
    assert (ob.amount, ob.vouchered, ob.returned, ob.drawn, ob.remaining) == (
        500_000,
        300_000,
        40_000,
        260_000,
        240_000,
    )
    for aggregate in (paid.voucher, paid.line, paid.obligation):
        assert len(aggregate.pending_events) == 1


def test_a_returned_payment_is_paid_again_on_a_new_voucher_not_on_its_own() -> None:
    # given an order of 200 000 paid in full, and 50 000 of that payment returned
    paid = given_paid()
    paid.voucher.pay(ctx(), paid.line, paid.order_id, 50_000)
    paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 50_000, "착오 지급")
    for aggregate in (paid.voucher, paid.line, paid.obligation):
        aggregate.collect_events()
    # when the returned 50 000 is paid again on the same order, or ordered again on the voucher
    # beyond its amount: refused, the order and the voucher count what they paid before returns
    with refused("payment-exceeds-order", requested=50_000, order_amount=200_000, paid=200_000):
        paid.voucher.pay(ctx(), paid.line, paid.order_id, 50_000)
    with refused("order-exceeds-voucher", requested=100_001, available=100_000):
        paid.voucher.issue_order(ctx(), 100_001)
    assert_nothing_recorded(paid.voucher, paid.line, paid.obligation)
    # when a new voucher of 250 000 draws on the obligation (the 200 000 never vouchered and the
    # 50 000 returned) and pays another payee
    payee = given_vendor("220-81-12345", "(주)정당채주")
    corrected = Voucher.draft(ctx(), paid.obligation, 250_000, "정당 채주 재지급", payee=payee)
    corrected.approve(ctx())
    corrected.pay(ctx(), paid.line, corrected.issue_order(ctx(), 250_000), 250_000)
    # then the obligation is fully drawn, and the line has paid the obligation's amount net
    assert (paid.obligation.drawn, paid.obligation.remaining) == (500_000, 0)
    assert (paid.line.paid, paid.line.obligated) == (400_000, 500_000)
    assert corrected.payee_id == payee.id
    # and not a won more may be vouchered
    with refused("voucher-exceeds-obligation", requested=1, available=0, returned=50_000):
        Voucher.draft(ctx(), paid.obligation, 1, "초과")


def test_a_payment_may_be_returned_in_full_in_parts() -> None:
    # given a payment of 150 000 with 100 000 of it returned
    paid = given_paid()
    paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 100_000, "반납")
    # when the other 50 000 is returned
    paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 50_000, "잔액 반납")
    # then all of it is returned
    assert paid.voucher.payment(paid.payment_id).unreturned == 0
    assert paid.line.paid == 0


def test_a_return_over_what_is_left_of_the_payment_is_refused() -> None:
    # given a payment of 150 000 with 100 000 of it returned
    paid = given_paid()
    paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 100_000, "반납")
    for aggregate in (paid.voucher, paid.line, paid.obligation):
        aggregate.collect_events()
    # when 50 001 more is returned
    with refused(
        "return-exceeds-payment", requested=50_001, paid=150_000, returned=100_000, available=50_000
    ):
        paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 50_001, "반납")
    # then nothing was recorded anywhere
    assert_nothing_recorded(paid.voucher, paid.line, paid.obligation)


def test_a_return_of_an_unknown_payment_or_without_reason_is_refused() -> None:
    # given a payment
    paid = given_paid()
    # when a return names a payment the voucher does not have, or gives no reason, or no amount
    with refused("not-found"):
        paid.voucher.return_payment(ctx(), paid.line, paid.obligation, new_id(), 1_000, "반납")
    with refused("reason-required"):
        paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 1_000, "")
    with refused("invalid-amount", amount=0):
        paid.voucher.return_payment(ctx(), paid.line, paid.obligation, paid.payment_id, 0, "반납")
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line, paid.obligation)


def test_a_return_against_another_obligation_is_refused() -> None:
    # given a payment, and another obligation on the same line
    paid = given_paid()
    other = given_obligation(paid.line, 100_000)
    # when the return names the other obligation
    with refused("wrong-organisation"):
        paid.voucher.return_payment(ctx(), paid.line, other, paid.payment_id, 1_000, "반납")
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line, paid.obligation, other)


def test_a_return_on_a_closed_year_is_refused() -> None:
    # given a payment on a line whose year is closed
    paid = given_paid()
    paid.line.close(ctx(date(YEAR, 12, 31)))
    paid.line.collect_events()
    # when part of it is returned
    with refused("year-closed"):
        paid.voucher.return_payment(
            ctx(date(YEAR, 12, 31)), paid.line, paid.obligation, paid.payment_id, 1_000, "반납"
        )
    # then nothing was recorded
    assert_nothing_recorded(paid.voucher, paid.line, paid.obligation)


# --- replay ----------------------------------------------------------------------------------------


def test_a_voucher_rebuilt_from_its_events_has_the_same_state() -> None:
    # given a voucher drafted, approved, ordered twice, paid twice and partly returned
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    obligation = given_obligation(line)
    voucher = Voucher.draft(ctx(), obligation, 300_000, "대금")
    voucher.approve(ctx())
    first = voucher.issue_order(ctx(), 200_000)
    second = voucher.issue_order(ctx(), 100_000)
    payment = voucher.pay(ctx(), line, first, 200_000, withheld=20_000)
    voucher.pay(ctx(), line, second, 60_000)
    voucher.return_payment(ctx(), line, obligation, payment, 5_000, "반납")
    # when it is rebuilt from the events it recorded
    rebuilt = replayed(voucher.collect_events())
    # then the state is the same
    assert vars(rebuilt) == vars(voucher)
    assert rebuilt.orders == (PaymentOrder(first, 200_000, 200_000), PaymentOrder(second, 100_000, 60_000))
    assert (rebuilt.ordered, rebuilt.paid, rebuilt.returned) == (300_000, 260_000, 5_000)
