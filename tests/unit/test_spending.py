"""Requisitions (품의), obligations (지출원인행위), vendors and fiscal years: the rules, broken."""

from __future__ import annotations

from datetime import date

from domain import text
from domain.budget_line import CarryOverKind
from domain.obligation import Obligation
from domain.organisation import FiscalYear, Organisation, OrganisationKind
from domain.requisition import Requisition
from domain.vendor import Vendor, VendorKind
from tests.unit.gwt import assert_nothing_recorded, ctx, given_line, new_id, refused


def given_vendor(number: str = "123-45-67890") -> Vendor:
    vendor = Vendor.register(ctx(), VendorKind.BUSINESS, number, "(주)한빛건설", "서울 성동구")
    vendor.collect_events()
    return vendor


def given_obligation(amount: int = 400_000, budget: int = 1_000_000) -> tuple[Obligation, object]:
    line = given_line(budget=budget, allocated={1: budget})
    obligation = Obligation.create(ctx(), line, amount, "복지관 물품")
    line.collect_events()
    obligation.collect_events()
    return obligation, line


# --- requisitions -------------------------------------------------------------------------------


def test_given_a_drafted_requisition_when_approved_then_it_may_be_obligated() -> None:
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    requisition = Requisition.draft(ctx(), line, "복지관 냉난방기 교체", 300_000)
    requisition.approve(ctx(actor="approver-lee"))
    obligation = Obligation.create(ctx(), line, 300_000, "냉난방기", requisition=requisition)
    assert requisition.obligated == 300_000
    assert obligation.requisition_id == requisition.id


def test_an_unapproved_requisition_cannot_be_obligated() -> None:
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    requisition = Requisition.draft(ctx(), line, "냉난방기", 300_000)
    requisition.collect_events()
    with refused("invalid-state", status="drafted"):
        Obligation.create(ctx(), line, 100_000, "냉난방기", requisition=requisition)
    assert_nothing_recorded(line, requisition)


def test_obligations_from_a_requisition_stay_within_its_amount() -> None:
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    requisition = Requisition.draft(ctx(), line, "냉난방기", 300_000)
    requisition.approve(ctx())
    Obligation.create(ctx(), line, 200_000, "1차", requisition=requisition)
    line.collect_events()
    requisition.collect_events()
    with refused("invalid-state", requested=100_001, available=100_000):
        Obligation.create(ctx(), line, 100_001, "2차", requisition=requisition)
    assert_nothing_recorded(line, requisition)


def test_a_rejected_requisition_stays_rejected() -> None:
    line = given_line()
    requisition = Requisition.draft(ctx(), line, "행사", 100_000)
    requisition.reject(ctx(), "예산 부족")
    with refused("invalid-state", status="rejected"):
        requisition.approve(ctx())
    with refused("invalid-input"):
        Requisition.draft(ctx(), line, "행사", 100_000).reject(ctx(), " ")


def test_a_refusal_names_the_state_with_its_article() -> None:
    requisition = Requisition.draft(ctx(), given_line(), "행사", 100_000)
    requisition.approve(ctx())
    with refused("invalid-state", status="approved") as info:
        requisition.approve(ctx())
    assert info.value.detail.startswith("an approved requisition cannot be"), info.value.detail
    drafted = Requisition.draft(ctx(), given_line(), "행사", 100_000)
    drafted.reject(ctx(), "예산 부족")
    with refused("invalid-state") as info:
        drafted.reject(ctx(), "다시")
    assert info.value.detail.startswith("a rejected requisition cannot be"), info.value.detail
    assert [text.a(word) for word in ("active", "drafted", "person", "Approved")] == [
        "an active",
        "a drafted",
        "a person",
        "an Approved",
    ]


# --- obligations --------------------------------------------------------------------------------


def test_given_an_obligation_when_vouchered_beyond_it_then_refused_with_the_numbers() -> None:
    obligation, _ = given_obligation(amount=400_000)
    obligation.draw_voucher(ctx(), new_id(), 150_000)
    obligation.collect_events()
    with refused(
        "voucher-exceeds-obligation",
        requested=250_001,
        obligation_amount=400_000,
        vouchered=150_000,
        available=250_000,
    ):
        obligation.draw_voucher(ctx(), new_id(), 250_001)
    assert_nothing_recorded(obligation)


def test_amending_an_obligation_up_needs_allocation_and_down_frees_it() -> None:
    obligation, line = given_obligation(amount=400_000, budget=1_000_000)
    obligation.amend(ctx(), line, 900_000, "물량 증가")
    assert (obligation.amount, line.obligated) == (900_000, 900_000)
    line.collect_events()
    obligation.collect_events()
    with refused("insufficient-allocation", requested=100_001, available=100_000):
        obligation.amend(ctx(), line, 1_000_001, "초과")
    assert_nothing_recorded(obligation, line)
    obligation.amend(ctx(), line, 100_000, "감액")
    assert (obligation.amount, line.obligated, line.remaining) == (100_000, 100_000, 900_000)


def test_an_obligation_never_goes_below_what_is_vouchered() -> None:
    obligation, line = given_obligation(amount=400_000)
    obligation.draw_voucher(ctx(), new_id(), 300_000)
    obligation.collect_events()
    with refused("cancel-exceeds-remaining", requested=299_999, vouchered=300_000):
        obligation.amend(ctx(), line, 299_999, "감액")
    with refused("cancel-exceeds-remaining", vouchered=300_000):
        obligation.cancel(ctx(), line, "취소")
    assert_nothing_recorded(obligation, line)


def test_after_a_return_an_obligation_may_be_reduced_by_the_returned_amount_and_no_more() -> None:
    # given 400 000 obligated, 300 000 vouchered, paid, and 100 000 of it returned (반납)
    obligation, line = given_obligation(amount=400_000)
    voucher_id, payment_id = new_id(), new_id()
    obligation.draw_voucher(ctx(), voucher_id, 300_000)
    line.record_payment(ctx(), voucher_id, payment_id, 300_000)
    line.record_return(ctx(), voucher_id, payment_id, 100_000)
    obligation.record_return(ctx(), voucher_id, payment_id, 100_000)
    for aggregate in (obligation, line):
        aggregate.collect_events()
    assert (line.obligated, line.paid, obligation.drawn) == (400_000, 200_000, 200_000)
    # when it is reduced below what vouchers hold net of returns: refused
    with refused("cancel-exceeds-remaining", requested=199_999, vouchered=300_000, returned=100_000):
        obligation.amend(ctx(), line, 199_999, "감액")
    # and it cannot be cancelled while a voucher holds part of it
    with refused("cancel-exceeds-remaining", vouchered=300_000, returned=100_000):
        obligation.cancel(ctx(), line, "취소")
    assert_nothing_recorded(obligation, line)
    # when it is reduced to what the vouchers hold (원인행위 감액 of the returned and the unvouchered)
    obligation.amend(ctx(), line, 200_000, "반납액 감액")
    # then the line's 원인행위액 is its obligation's amount again, and its 잔액 grew
    assert (obligation.amount, obligation.remaining) == (200_000, 0)
    assert (line.obligated, line.paid, line.remaining) == (200_000, 200_000, 800_000)


def test_an_obligation_whose_every_payment_came_back_may_be_cancelled() -> None:
    # given 400 000 obligated, 300 000 vouchered, paid and all returned
    obligation, line = given_obligation(amount=400_000)
    voucher_id, payment_id = new_id(), new_id()
    obligation.draw_voucher(ctx(), voucher_id, 300_000)
    line.record_payment(ctx(), voucher_id, payment_id, 300_000)
    line.record_return(ctx(), voucher_id, payment_id, 300_000)
    obligation.record_return(ctx(), voucher_id, payment_id, 300_000)
    # when it is cancelled (원인행위 취소)
    obligation.cancel(ctx(), line, "사업 취소")
    # then the line holds nothing of it
    assert (line.obligated, line.paid, line.remaining) == (0, 0, 1_000_000)
    assert obligation.cancelled and obligation.amount == 0


def test_cancelling_an_obligation_frees_the_line_and_ends_it() -> None:
    obligation, line = given_obligation(amount=400_000)
    obligation.cancel(ctx(), line, "사업 취소")
    assert line.obligated == 0 and obligation.cancelled
    with refused("invalid-state"):
        obligation.draw_voucher(ctx(), new_id(), 1)


def test_contracts_never_exceed_their_obligation() -> None:
    obligation, _ = given_obligation(amount=400_000)
    obligation.contract(ctx(), new_id(), 300_000)
    obligation.collect_events()
    with refused(
        "contract-exceeds-obligation",
        requested=100_001,
        obligation_amount=400_000,
        contracted=300_000,
        available=100_000,
    ):
        obligation.contract(ctx(), new_id(), 100_001)
    assert_nothing_recorded(obligation)


def test_an_accident_carry_over_is_made_once() -> None:
    obligation, _ = given_obligation(amount=400_000)
    target = given_line(budget=0, year=2027)
    obligation.carry_over(ctx(date(2026, 12, 31)), target, 400_000)
    assert (obligation.line_id, obligation.fiscal_year) == (target.id, 2027)
    with refused("carry-over-not-allowed"):
        obligation.carry_over(ctx(date(2027, 12, 31)), target, 400_000)


def test_a_partial_accident_carry_over_leaves_the_rest_behind() -> None:
    obligation, _ = given_obligation(amount=400_000)
    obligation.draw_voucher(ctx(), new_id(), 100_000)
    obligation.carry_over(ctx(date(2026, 12, 31)), given_line(budget=0, year=2027), 200_000)
    assert (obligation.amount, obligation.remaining) == (300_000, 200_000)


def test_an_accident_carry_over_carries_the_returned_amount_with_the_unvouchered() -> None:
    # given 400 000 obligated, 300 000 vouchered and paid, 100 000 of it returned
    obligation, line = given_obligation(amount=400_000)
    voucher_id, payment_id = new_id(), new_id()
    obligation.draw_voucher(ctx(), voucher_id, 300_000)
    line.record_payment(ctx(), voucher_id, payment_id, 300_000)
    line.record_return(ctx(), voucher_id, payment_id, 100_000)
    obligation.record_return(ctx(), voucher_id, payment_id, 100_000)
    target = given_line(budget=0, year=2027)
    year_end = ctx(date(2026, 12, 31))
    # when more than the 200 000 left to voucher is carried into next year (사고이월): refused
    with refused("carry-over-exceeds-unspent", requested=200_001, unspent=200_000):
        line.carry_over(
            year_end,
            target,
            ctx(date(2027, 1, 1)),
            200_001,
            CarryOverKind.ACCIDENT,
            obligation.id,
            obligation.remaining,
        )
    # when the 200 000 is carried: the never vouchered 100 000 and the returned 100 000
    line.carry_over(
        year_end,
        target,
        ctx(date(2027, 1, 1)),
        200_000,
        CarryOverKind.ACCIDENT,
        obligation.id,
        obligation.remaining,
    )
    obligation.carry_over(year_end, target, 200_000)
    # then next year's line obligates it, and this year's lapse is what was neither paid nor carried
    assert (target.obligated, target.current_budget) == (200_000, 200_000)
    assert obligation.remaining == 200_000
    assert line.close(year_end) == 1_000_000 - 200_000 - 200_000


# --- vendors and debarment (invariant 7) ---------------------------------------------------------


def test_given_a_debarred_vendor_when_obligating_in_the_period_then_refused() -> None:
    vendor = given_vendor()
    vendor.debar(ctx(), "입찰 담합", date(2026, 3, 1), date(2026, 8, 31))
    vendor.collect_events()
    line = given_line(budget=1_000_000, allocated={1: 1_000_000})
    with refused(
        "vendor-debarred", vendor="123-45-67890", starts="2026-03-01", ends="2026-08-31", date="2026-03-15"
    ):
        Obligation.create(ctx(date(2026, 3, 15)), line, 100_000, "공사", vendor=vendor)
    assert_nothing_recorded(line, vendor)
    # before the period and after it the vendor may be engaged
    Obligation.create(ctx(date(2026, 2, 28)), line, 100_000, "공사", vendor=vendor)
    Obligation.create(ctx(date(2026, 9, 1)), line, 100_000, "공사", vendor=vendor)


def test_a_lifted_debarment_no_longer_covers_later_dates() -> None:
    vendor = given_vendor()
    debarment_id = vendor.debar(ctx(), "허위 서류", date(2026, 1, 1), date(2026, 12, 31))
    vendor.lift(ctx(date(2026, 5, 1)), debarment_id, "법원 집행정지")
    assert vendor.debarment_on(date(2026, 4, 30)) is not None
    assert vendor.debarment_on(date(2026, 5, 1)) is None
    with refused("invalid-state"):
        vendor.lift(ctx(), debarment_id, "다시")
    with refused("not-found"):
        vendor.lift(ctx(), new_id(), "없는 제재")


def test_debarment_needs_a_ground_and_a_forward_period() -> None:
    vendor = given_vendor()
    with refused("invalid-input"):
        vendor.debar(ctx(), " ", date(2026, 1, 1), date(2026, 2, 1))
    with refused("invalid-input"):
        vendor.debar(ctx(), "담합", date(2026, 2, 1), date(2026, 1, 1))
    assert_nothing_recorded(vendor)


def test_vendor_registration_numbers_are_checked() -> None:
    with refused("malformed-code"):
        Vendor.register(ctx(), VendorKind.BUSINESS, "1234567890", "(주)가나", "서울")
    with refused("malformed-code"):
        Vendor.register(ctx(), VendorKind.PERSON, "850101-1234567", "홍길동", "서울")
    person = Vendor.register(ctx(), VendorKind.PERSON, "P-000123", "홍길동", "서울")
    assert person.kind is VendorKind.PERSON


# --- organisations and fiscal years ------------------------------------------------------------


def test_a_fiscal_year_opens_for_a_registered_organisation_and_closes_once() -> None:
    with refused("invalid-input", org="6110000"):
        FiscalYear.open(ctx(), None)
    organisation = Organisation.register(ctx(), "서울특별시", OrganisationKind.CITY)
    fiscal_year = FiscalYear.open(ctx(), organisation)
    assert fiscal_year.is_open
    fiscal_year.close(ctx(date(2026, 12, 31)), lapsed_total=0)
    with refused("year-closed", fiscal_year=2026):
        fiscal_year.check_open()
    fiscal_year.check_open(closing_entry=True)  # closing entries pass
    with refused("invalid-state"):
        fiscal_year.close(ctx(date(2026, 12, 31)), lapsed_total=0)
    with refused("year-closed"):
        fiscal_year.add_budget_line(ctx(), new_id())


def test_an_obligation_gives_back_no_more_than_was_vouchered() -> None:
    obligation, _ = given_obligation(amount=400_000)
    voucher_id = new_id()
    obligation.draw_voucher(ctx(), voucher_id, 150_000)
    obligation.collect_events()
    with refused("invalid-state", requested=150_001, vouchered=150_000):
        obligation.release_voucher(ctx(), voucher_id, 150_001)
    assert_nothing_recorded(obligation)
    obligation.release_voucher(ctx(), voucher_id, 150_000)
    assert (obligation.vouchered, obligation.remaining) == (0, 400_000)
