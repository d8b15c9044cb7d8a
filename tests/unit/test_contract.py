"""Contracts (계약), on the domain alone: every rule, and every refusal with its code and numbers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import BudgetCode
from domain.contract import (
    Contract,
    ContractMethod,
    ContractStatus,
    Inspection,
    PrivateContractReason,
)
from domain.errors import DomainError
from domain.obligation import Obligation
from domain.vendor import Vendor, VendorKind

SEOUL = "6110000"
SEONGDONG = "3030000"
YEAR = 2026
CODE = "100-080-081-1001-2001-3001-201-01"


def ctx(on: date = date(YEAR, 3, 2), org: str = SEOUL, year: int = YEAR, actor: str = "clerk-kim") -> Context:
    return Context(org=org, fiscal_year=year, accounting_date=on, actor=actor, command_id=uuid.uuid4())


def settled(*aggregates: LedgerAggregate) -> None:
    """Forget what the given steps recorded, so the ``then`` sees only what ``when`` did."""
    for aggregate in aggregates:
        aggregate.collect_events()


def untouched(*aggregates: LedgerAggregate) -> bool:
    return all(not aggregate.pending_events for aggregate in aggregates)


def refused(error: pytest.ExceptionInfo[DomainError], code: str, **numbers: Any) -> None:
    assert error.value.code == code, repr(error.value)
    for name, value in numbers.items():
        assert error.value.numbers[name] == value, (name, error.value.numbers)


def vendor(number: str = "123-45-67890", name: str = "(주)한빛상사") -> Vendor:
    found = Vendor.register(
        ctx(on=date(YEAR, 1, 2)), VendorKind.BUSINESS, number, name, "서울특별시 성동구 왕십리로 1"
    )
    settled(found)
    return found


def obligation(
    amount: int = 1_000_000, org: str = SEOUL, year: int = YEAR, for_vendor: Vendor | None = None
) -> Obligation:
    setup = ctx(on=date(year, 1, 15), org=org, year=year)
    line = BudgetLine.open(setup, BudgetCode.parse(CODE, year), "어르신 복지관 운영")
    line.appropriate(setup, 10_000_000)
    line.allocate(setup, 1, 10_000_000)
    found = Obligation.create(setup, line, amount, "복지관 리모델링", vendor=for_vendor)
    settled(line, found)
    return found


def sign(
    ob: Obligation,
    supplier: Vendor,
    amount: int = 600_000,
    on: date = date(YEAR, 3, 2),
    **fields: Any,
) -> Contract:
    fields.setdefault("method", ContractMethod.OPEN)
    fields.setdefault("title", "복지관 리모델링 공사")
    fields.setdefault("department", "복지정책과")
    fields.setdefault("starts", date(YEAR, 3, 10))
    fields.setdefault("ends", date(YEAR, 6, 30))
    return Contract.sign(ctx(on=on), ob, supplier, amount, **fields)


@dataclass
class Signed:
    obligation: Obligation
    vendor: Vendor
    contract: Contract


def signed(amount: int = 600_000, obligation_amount: int = 1_000_000) -> Signed:
    ob, supplier = obligation(obligation_amount), vendor()
    contract = sign(ob, supplier, amount)
    settled(ob, contract)
    return Signed(ob, supplier, contract)


# --- signing (계약 체결) ---------------------------------------------------------------------


def test_given_an_obligation_and_an_eligible_vendor_when_signed_then_the_contract_holds_its_terms() -> None:
    # given
    ob, supplier = obligation(1_000_000), vendor()
    # when
    contract = sign(ob, supplier, 600_000, on=date(YEAR, 3, 2))
    # then
    [event] = contract.pending_events
    assert isinstance(event, Contract.Signed)
    assert contract.id == Contract.id_for(event.command_id)
    assert contract.obligation_id == ob.id
    assert contract.vendor_id == supplier.id
    assert contract.org == SEOUL
    assert contract.fiscal_year == YEAR
    assert contract.amount == contract.original_amount == 600_000
    assert contract.method is ContractMethod.OPEN
    assert contract.private_reason is None
    assert contract.private_reason_detail == ""
    assert contract.contract_date == date(YEAR, 3, 2)
    assert (contract.starts, contract.ends) == (date(YEAR, 3, 10), date(YEAR, 6, 30))
    assert contract.title == "복지관 리모델링 공사"
    assert contract.department == "복지정책과"
    assert contract.status is ContractStatus.ACTIVE
    assert contract.amendments == 0
    assert contract.inspections == ()
    assert contract.vouchered == 0
    assert contract.remaining == 600_000


def test_given_an_obligation_when_a_contract_is_signed_then_the_obligation_counts_it() -> None:
    # given
    ob, supplier = obligation(1_000_000), vendor()
    # when
    contract = sign(ob, supplier, 600_000)
    # then
    assert ob.contracted == 600_000
    [event] = ob.pending_events
    assert isinstance(event, Obligation.Contracted)
    assert (event.contract_id, event.change) == (contract.id, 600_000)


def test_every_event_of_a_contract_carries_the_command_context() -> None:
    # given
    ob, supplier = obligation(), vendor()
    command = ctx(on=date(YEAR, 4, 1), actor="contract-officer-lee")
    # when
    contract = Contract.sign(
        command,
        ob,
        supplier,
        500_000,
        ContractMethod.RESTRICTED,
        "복지관 리모델링 공사",
        "복지정책과",
        date(YEAR, 4, 1),
        date(YEAR, 5, 1),
    )
    # then
    [event] = contract.pending_events
    assert isinstance(event, Contract.Signed)
    assert (event.org, event.fiscal_year, event.accounting_date) == (SEOUL, YEAR, date(YEAR, 4, 1))
    assert (event.actor, event.command_id) == ("contract-officer-lee", command.command_id)


def test_given_a_private_contract_with_its_ground_when_signed_then_the_ground_is_kept() -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    contract = sign(
        ob,
        supplier,
        method=ContractMethod.PRIVATE,
        private_reason=PrivateContractReason.SMALL_AMOUNT,
        private_reason_detail="추정가격 2천만원 이하",
    )
    # then
    assert contract.method is ContractMethod.PRIVATE
    assert contract.private_reason is PrivateContractReason.SMALL_AMOUNT
    assert contract.private_reason_detail == "추정가격 2천만원 이하"


def test_given_a_private_contract_on_another_ground_with_its_detail_when_signed_then_accepted() -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    contract = sign(
        ob,
        supplier,
        method=ContractMethod.PRIVATE,
        private_reason=PrivateContractReason.OTHER,
        private_reason_detail="시행령 제25조 제1항 제8호",
    )
    # then
    assert contract.private_reason is PrivateContractReason.OTHER


def test_given_a_private_contract_without_a_ground_when_signed_then_reason_required() -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, method=ContractMethod.PRIVATE)
    # then
    refused(error, "reason-required", method="private")
    assert untouched(ob, supplier)
    assert ob.contracted == 0


def test_given_a_private_contract_on_another_ground_without_detail_when_signed_then_reason_required() -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(
            ob,
            supplier,
            method=ContractMethod.PRIVATE,
            private_reason=PrivateContractReason.OTHER,
            private_reason_detail="  ",
        )
    # then
    refused(error, "reason-required", method="private", private_reason="other")
    assert untouched(ob, supplier)


@pytest.mark.parametrize("method", [ContractMethod.OPEN, ContractMethod.RESTRICTED])
@pytest.mark.parametrize(
    ("reason", "detail"),
    [(PrivateContractReason.EMERGENCY, ""), (None, "긴급 복구"), (PrivateContractReason.SOLE_SOURCE, "특허")],
)
def test_given_a_competitive_contract_with_a_private_ground_when_signed_then_invalid_input(
    method: ContractMethod, reason: PrivateContractReason | None, detail: str
) -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, method=method, private_reason=reason, private_reason_detail=detail)
    # then
    refused(error, "invalid-input", method=method.value)
    assert untouched(ob, supplier)


def test_given_a_period_ending_before_it_starts_when_signed_then_invalid_input() -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, starts=date(YEAR, 6, 1), ends=date(YEAR, 5, 31))
    # then
    refused(error, "invalid-input", starts="2026-06-01", ends="2026-05-31")
    assert untouched(ob, supplier)


def test_given_a_one_day_period_when_signed_then_accepted() -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    contract = sign(ob, supplier, starts=date(YEAR, 6, 1), ends=date(YEAR, 6, 1))
    # then
    assert contract.starts == contract.ends == date(YEAR, 6, 1)


@pytest.mark.parametrize("field", ["title", "department"])
def test_given_a_blank_title_or_department_when_signed_then_invalid_input(field: str) -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    blank: dict[str, Any] = {field: "  "}
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, **blank)
    # then
    refused(error, "invalid-input")
    assert untouched(ob, supplier)


@pytest.mark.parametrize("amount", [0, -1, True, 1.5, "600000"])
def test_given_an_amount_that_is_not_positive_whole_won_when_signed_then_invalid_amount(amount: Any) -> None:
    # given
    ob, supplier = obligation(), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, amount)
    # then
    refused(error, "invalid-amount")
    assert untouched(ob, supplier)


def test_given_an_obligation_when_a_contract_exceeds_it_then_contract_exceeds_obligation() -> None:
    # given
    ob, supplier = obligation(1_000_000), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, 1_000_001)
    # then
    refused(
        error,
        "contract-exceeds-obligation",
        requested=1_000_001,
        obligation_amount=1_000_000,
        contracted=0,
        available=1_000_000,
    )
    assert untouched(ob, supplier)
    assert ob.contracted == 0


def test_given_an_obligation_when_a_contract_takes_all_of_it_then_accepted() -> None:
    # given
    ob, supplier = obligation(1_000_000), vendor()
    # when
    contract = sign(ob, supplier, 1_000_000)
    # then
    assert contract.amount == ob.contracted == ob.amount


def test_given_contracts_on_an_obligation_when_another_exceeds_what_is_left_then_refused() -> None:
    # given: 600,000 and 100,000 contracted of 1,000,000
    ob, supplier = obligation(1_000_000), vendor()
    sign(ob, supplier, 600_000)
    sign(ob, supplier, 100_000)
    settled(ob)
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, 300_001)
    # then
    refused(
        error,
        "contract-exceeds-obligation",
        requested=300_001,
        obligation_amount=1_000_000,
        contracted=700_000,
        available=300_000,
    )
    assert untouched(ob)
    assert ob.contracted == 700_000


def test_given_contracts_on_an_obligation_when_the_last_takes_exactly_the_rest_then_the_sum_equals_it() -> (
    None
):
    # given
    ob, supplier = obligation(1_000_000), vendor()
    first = sign(ob, supplier, 600_000)
    # when
    second = sign(ob, supplier, 400_000)
    # then
    assert first.amount + second.amount == ob.contracted == ob.amount
    assert first.id != second.id


def test_given_a_vendor_debarred_on_the_contract_date_when_signed_then_vendor_debarred() -> None:
    # given
    ob, supplier = obligation(), vendor()
    supplier.debar(ctx(on=date(YEAR, 2, 1)), "입찰 담합", date(YEAR, 3, 1), date(YEAR, 8, 31))
    settled(supplier)
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, on=date(YEAR, 3, 2))
    # then
    refused(
        error,
        "vendor-debarred",
        vendor="123-45-67890",
        starts="2026-03-01",
        ends="2026-08-31",
        ground="입찰 담합",
        date="2026-03-02",
    )
    assert untouched(ob, supplier)
    assert ob.contracted == 0


@pytest.mark.parametrize("on", [date(YEAR, 2, 28), date(YEAR, 9, 1)])
def test_given_a_debarment_when_signed_outside_its_period_then_accepted(on: date) -> None:
    # given
    ob, supplier = obligation(), vendor()
    supplier.debar(ctx(on=date(YEAR, 2, 1)), "입찰 담합", date(YEAR, 3, 1), date(YEAR, 8, 31))
    # when
    contract = sign(ob, supplier, on=on)
    # then
    assert contract.contract_date == on


def test_given_a_lifted_debarment_when_signed_after_the_lifting_then_accepted() -> None:
    # given
    ob, supplier = obligation(), vendor()
    debarment = supplier.debar(ctx(on=date(YEAR, 2, 1)), "입찰 담합", date(YEAR, 3, 1), date(YEAR, 8, 31))
    supplier.lift(ctx(on=date(YEAR, 4, 1)), debarment, "법원 집행정지 결정")
    # when
    contract = sign(ob, supplier, on=date(YEAR, 4, 1))
    # then
    assert contract.vendor_id == supplier.id


def test_given_a_cancelled_obligation_when_a_contract_is_signed_then_invalid_state() -> None:
    # given
    setup = ctx(on=date(YEAR, 1, 15))
    line = BudgetLine.open(setup, BudgetCode.parse(CODE, YEAR), "어르신 복지관 운영")
    line.appropriate(setup, 1_000_000)
    line.allocate(setup, 1, 1_000_000)
    ob = Obligation.create(setup, line, 500_000, "복지관 리모델링")
    ob.cancel(setup, line, "사업 취소")
    supplier = vendor()
    settled(line, ob)
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier, 100_000)
    # then
    refused(error, "invalid-state")
    assert untouched(ob, supplier)


@pytest.mark.parametrize(("org", "year"), [(SEONGDONG, YEAR), (SEOUL, YEAR - 1)])
def test_given_an_obligation_of_another_organisation_or_year_when_signed_then_wrong_organisation(
    org: str, year: int
) -> None:
    # given
    ob, supplier = obligation(org=org, year=year), vendor()
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, supplier)
    # then
    refused(error, "wrong-organisation", org=org, fiscal_year=year)
    assert untouched(ob, supplier)


def test_given_an_obligation_made_for_a_vendor_when_another_vendor_signs_then_invalid_input() -> None:
    # given
    named, other = vendor("123-45-67890", "(주)한빛상사"), vendor("222-33-44444", "(주)다른상사")
    ob = obligation(for_vendor=named)
    # when
    with pytest.raises(DomainError) as error:
        sign(ob, other)
    # then
    refused(error, "invalid-input", vendor="222-33-44444", obligation_vendor=str(named.id))
    assert untouched(ob, other)


def test_given_an_obligation_made_for_a_vendor_when_that_vendor_signs_then_accepted() -> None:
    # given
    named = vendor()
    ob = obligation(for_vendor=named)
    # when
    contract = sign(ob, named)
    # then
    assert contract.vendor_id == named.id == ob.vendor_id


# --- amendment (변경계약) --------------------------------------------------------------------


def test_given_a_contract_when_its_amount_is_increased_within_the_obligation_then_amended() -> None:
    # given
    given = signed(600_000, obligation_amount=1_000_000)
    # when
    given.contract.amend(ctx(on=date(YEAR, 5, 1)), given.obligation, "설계 변경", new_amount=900_000)
    # then
    assert given.contract.amount == 900_000
    assert given.contract.original_amount == 600_000
    assert given.contract.amendments == 1
    assert given.contract.ends == date(YEAR, 6, 30)
    assert given.obligation.contracted == 900_000
    [event] = given.contract.pending_events
    assert isinstance(event, Contract.Amended)
    assert (event.change, event.new_amount, event.reason) == (300_000, 900_000, "설계 변경")


def test_given_a_contract_when_its_amount_is_reduced_then_the_obligation_is_freed() -> None:
    # given
    given = signed(600_000)
    # when
    given.contract.amend(ctx(), given.obligation, "물량 감소", new_amount=450_000)
    # then
    assert given.contract.amount == 450_000
    assert given.obligation.contracted == 450_000
    [event] = given.obligation.pending_events
    assert isinstance(event, Obligation.Contracted)
    assert event.change == -150_000


def test_given_a_contract_when_only_its_period_is_extended_then_the_obligation_is_untouched() -> None:
    # given
    given = signed(600_000)
    # when
    given.contract.amend(ctx(), given.obligation, "공기 연장", new_ends=date(YEAR, 9, 30))
    # then
    assert given.contract.ends == date(YEAR, 9, 30)
    assert given.contract.amount == 600_000
    assert given.contract.amendments == 1
    assert untouched(given.obligation)


def test_given_amendments_when_counted_then_each_one_counts_for_disclosure() -> None:
    # given
    given = signed(600_000)
    # when
    given.contract.amend(ctx(), given.obligation, "설계 변경", new_amount=700_000)
    given.contract.amend(ctx(), given.obligation, "공기 연장", new_ends=date(YEAR, 7, 31))
    given.contract.amend(
        ctx(), given.obligation, "물량 및 공기 조정", new_amount=650_000, new_ends=date(YEAR, 8, 31)
    )
    # then
    assert given.contract.amendments == 3
    assert (given.contract.amount, given.contract.ends) == (650_000, date(YEAR, 8, 31))
    assert given.obligation.contracted == 650_000


def test_given_a_contract_when_amended_over_its_obligation_then_contract_exceeds_obligation() -> None:
    # given: another contract takes 300,000 of the 1,000,000 obligation
    given = signed(600_000, obligation_amount=1_000_000)
    sign(given.obligation, given.vendor, 300_000)
    settled(given.obligation)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "설계 변경", new_amount=700_001)
    # then
    refused(
        error,
        "contract-exceeds-obligation",
        requested=100_001,
        obligation_amount=1_000_000,
        contracted=900_000,
        available=100_000,
    )
    assert untouched(given.contract, given.obligation)
    assert given.contract.amount == 600_000
    assert given.contract.amendments == 0


def test_given_a_vouchered_contract_when_amended_below_the_vouchered_then_cancel_exceeds_remaining() -> None:
    # given
    given = signed(600_000)
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 400_000)
    settled(given.contract)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "물량 감소", new_amount=399_999)
    # then
    refused(error, "cancel-exceeds-remaining", requested=399_999, contract_amount=600_000, vouchered=400_000)
    assert untouched(given.contract, given.obligation)


def test_given_a_contract_when_amended_without_a_reason_then_reason_required() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, " ", new_amount=700_000)
    # then
    refused(error, "reason-required")
    assert untouched(given.contract, given.obligation)


@pytest.mark.parametrize(
    ("new_amount", "new_ends"),
    [(None, None), (600_000, None), (None, date(YEAR, 6, 30)), (600_000, date(YEAR, 6, 30))],
)
def test_given_a_contract_when_an_amendment_changes_nothing_then_invalid_input(
    new_amount: int | None, new_ends: date | None
) -> None:
    # given
    given = signed(600_000)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "변경 없음", new_amount=new_amount, new_ends=new_ends)
    # then
    refused(error, "invalid-input", amount=600_000, ends="2026-06-30")
    assert untouched(given.contract, given.obligation)


def test_given_a_contract_when_amended_to_end_before_it_starts_then_invalid_input() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "공기 단축", new_ends=date(YEAR, 3, 9))
    # then
    refused(error, "invalid-input", starts="2026-03-10", ends="2026-03-09")
    assert untouched(given.contract, given.obligation)


@pytest.mark.parametrize("new_amount", [0, -5, True])
def test_given_a_contract_when_amended_to_an_amount_that_is_not_positive_then_invalid_amount(
    new_amount: Any,
) -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "감액", new_amount=new_amount)
    # then
    refused(error, "invalid-amount")
    assert untouched(given.contract, given.obligation)


def test_given_a_terminated_contract_when_amended_then_invalid_state() -> None:
    # given
    given = signed()
    given.contract.terminate(ctx(), given.obligation, "업체 부도")
    settled(given.contract, given.obligation)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "설계 변경", new_amount=700_000)
    # then
    refused(error, "invalid-state", status="terminated")
    assert untouched(given.contract, given.obligation)


def test_given_a_completed_contract_when_amended_then_invalid_state() -> None:
    # given
    given = signed()
    given.contract.inspect(ctx(actor="inspector-park"), 600_000, True)
    given.contract.complete(ctx())
    settled(given.contract)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), given.obligation, "공기 연장", new_ends=date(YEAR, 12, 31))
    # then
    refused(error, "invalid-state", status="completed")
    assert untouched(given.contract, given.obligation)


def test_given_a_contract_when_amended_with_another_obligation_then_wrong_organisation() -> None:
    # given
    given = signed()
    other = obligation()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(), other, "설계 변경", new_amount=700_000)
    # then
    refused(error, "wrong-organisation")
    assert untouched(given.contract, given.obligation, other)


def test_given_a_contract_when_another_organisation_amends_it_then_wrong_organisation() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.amend(ctx(org=SEONGDONG), given.obligation, "설계 변경", new_amount=700_000)
    # then
    refused(error, "wrong-organisation", org=SEOUL)
    assert untouched(given.contract, given.obligation)


# --- inspection (검수) and completion (준공) --------------------------------------------------


def test_given_a_contract_when_inspected_then_the_inspector_is_the_actor_on_the_accounting_date() -> None:
    # given
    given = signed(600_000)
    # when
    given.contract.inspect(ctx(on=date(YEAR, 7, 1), actor="inspector-park"), 600_000, True, "이상 없음")
    # then
    assert given.contract.inspections == (
        Inspection(date(YEAR, 7, 1), "inspector-park", 600_000, True, "이상 없음"),
    )
    assert given.contract.status is ContractStatus.ACTIVE


def test_given_a_contract_when_inspected_for_more_than_its_amount_then_invalid_amount() -> None:
    # given
    given = signed(600_000)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.inspect(ctx(), 600_001, True)
    # then
    refused(error, "invalid-amount", requested=600_001, contract_amount=600_000)
    assert untouched(given.contract)
    assert given.contract.inspections == ()


def test_given_an_amended_contract_when_inspected_up_to_the_new_amount_then_accepted() -> None:
    # given
    given = signed(600_000)
    given.contract.amend(ctx(), given.obligation, "설계 변경", new_amount=800_000)
    # when
    given.contract.inspect(ctx(), 800_000, True)
    # then
    last = given.contract.last_inspection
    assert last is not None
    assert last.amount == 800_000


@pytest.mark.parametrize("inspected", [0, -1, True])
def test_given_a_contract_when_inspected_for_no_amount_then_invalid_amount(inspected: Any) -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.inspect(ctx(), inspected, True)
    # then
    refused(error, "invalid-amount")
    assert untouched(given.contract)


def test_given_a_contract_when_the_inspection_result_is_not_a_bool_then_invalid_input() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.inspect(ctx(), 100_000, "yes")  # type: ignore[arg-type]
    # then
    refused(error, "invalid-input")
    assert untouched(given.contract)


@pytest.mark.parametrize("close", ["terminate", "complete"])
def test_given_a_closed_contract_when_inspected_then_invalid_state(close: str) -> None:
    # given
    given = signed()
    if close == "terminate":
        given.contract.terminate(ctx(), given.obligation, "업체 부도")
    else:
        given.contract.inspect(ctx(), 600_000, True)
        given.contract.complete(ctx())
    settled(given.contract, given.obligation)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.inspect(ctx(), 100_000, True)
    # then
    refused(error, "invalid-state", status=f"{close}d")
    assert untouched(given.contract)


def test_given_a_passed_inspection_when_completed_then_the_contract_is_completed() -> None:
    # given
    given = signed()
    given.contract.inspect(ctx(on=date(YEAR, 6, 30)), 600_000, True)
    # when
    given.contract.complete(ctx(on=date(YEAR, 7, 2)))
    # then
    assert given.contract.status is ContractStatus.COMPLETED
    assert given.contract.closed_on == date(YEAR, 7, 2)
    assert given.contract.remaining == 600_000  # the final payment is vouchered after completion


def test_given_no_inspection_when_completed_then_invalid_state() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.complete(ctx())
    # then
    refused(error, "invalid-state", inspections=0)
    assert untouched(given.contract)
    assert given.contract.status is ContractStatus.ACTIVE


def test_given_a_failed_last_inspection_when_completed_then_invalid_state() -> None:
    # given: a passed partial inspection, then a failed one
    given = signed()
    given.contract.inspect(ctx(on=date(YEAR, 4, 1)), 300_000, True, "기성 검사")
    given.contract.inspect(ctx(on=date(YEAR, 6, 30)), 600_000, False, "하자 보수 필요")
    settled(given.contract)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.complete(ctx())
    # then
    refused(error, "invalid-state", inspections=2)
    assert untouched(given.contract)


def test_given_a_failed_then_a_passed_inspection_when_completed_then_completed() -> None:
    # given
    given = signed()
    given.contract.inspect(ctx(on=date(YEAR, 6, 30)), 600_000, False, "하자 보수 필요")
    given.contract.inspect(ctx(on=date(YEAR, 7, 10)), 600_000, True, "보수 완료")
    # when
    given.contract.complete(ctx(on=date(YEAR, 7, 10)))
    # then
    assert given.contract.status is ContractStatus.COMPLETED
    assert [i.passed for i in given.contract.inspections] == [False, True]


@pytest.mark.parametrize("close", ["terminate", "complete"])
def test_given_a_closed_contract_when_completed_then_invalid_state(close: str) -> None:
    # given
    given = signed()
    given.contract.inspect(ctx(), 600_000, True)
    if close == "terminate":
        given.contract.terminate(ctx(), given.obligation, "업체 부도")
    else:
        given.contract.complete(ctx())
    settled(given.contract, given.obligation)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.complete(ctx())
    # then
    refused(error, "invalid-state", status=f"{close}d")
    assert untouched(given.contract)


# --- termination (해지) -----------------------------------------------------------------------


def test_given_a_partly_vouchered_contract_when_terminated_then_the_rest_is_released() -> None:
    # given
    given = signed(600_000)
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 200_000)
    settled(given.contract)
    # when
    released = given.contract.terminate(ctx(on=date(YEAR, 5, 20)), given.obligation, "업체 부도")
    # then
    assert released == 400_000
    assert given.contract.status is ContractStatus.TERMINATED
    assert given.contract.released == 400_000
    assert given.contract.termination_reason == "업체 부도"
    assert given.contract.closed_on == date(YEAR, 5, 20)
    assert given.contract.remaining == 0
    assert given.obligation.contracted == 200_000
    [event] = given.obligation.pending_events
    assert isinstance(event, Obligation.Contracted)
    assert (event.contract_id, event.change) == (given.contract.id, -400_000)


def test_given_a_terminated_contract_when_another_is_signed_then_the_released_part_is_available() -> None:
    # given
    given = signed(1_000_000, obligation_amount=1_000_000)
    given.contract.terminate(ctx(), given.obligation, "업체 부도")
    # when
    other = sign(given.obligation, given.vendor, 1_000_000)
    # then
    assert other.amount == given.obligation.contracted == 1_000_000


def test_given_a_fully_vouchered_contract_when_terminated_then_nothing_is_released() -> None:
    # given
    given = signed(600_000)
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 600_000)
    settled(given.contract)
    # when
    released = given.contract.terminate(ctx(), given.obligation, "계약 목적 달성 불가")
    # then
    assert released == 0
    assert given.contract.status is ContractStatus.TERMINATED
    assert untouched(given.obligation)
    assert given.obligation.contracted == 600_000


def test_given_a_contract_when_terminated_without_a_reason_then_reason_required() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.terminate(ctx(), given.obligation, "")
    # then
    refused(error, "reason-required")
    assert untouched(given.contract, given.obligation)
    assert given.contract.status is ContractStatus.ACTIVE


@pytest.mark.parametrize("close", ["terminate", "complete"])
def test_given_a_closed_contract_when_terminated_then_invalid_state(close: str) -> None:
    # given
    given = signed()
    if close == "terminate":
        given.contract.terminate(ctx(), given.obligation, "업체 부도")
    else:
        given.contract.inspect(ctx(), 600_000, True)
        given.contract.complete(ctx())
    settled(given.contract, given.obligation)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.terminate(ctx(), given.obligation, "업체 부도")
    # then
    refused(error, "invalid-state", status=f"{close}d")
    assert untouched(given.contract, given.obligation)


def test_given_a_contract_when_terminated_with_another_obligation_then_wrong_organisation() -> None:
    # given
    given = signed()
    other = obligation()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.terminate(ctx(), other, "업체 부도")
    # then
    refused(error, "wrong-organisation")
    assert untouched(given.contract, given.obligation, other)


# --- vouchers drawing on the contract (invariant 3) ----------------------------------------


def test_given_a_contract_when_vouchers_draw_on_it_then_remaining_shrinks() -> None:
    # given
    given = signed(600_000)
    voucher_id = uuid.uuid4()
    # when
    given.contract.draw_voucher(ctx(), voucher_id, 250_000)
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 350_000)
    # then
    assert given.contract.vouchered == 600_000
    assert given.contract.remaining == 0
    first = given.contract.pending_events[0]
    assert isinstance(first, Contract.Vouchered)
    assert (first.voucher_id, first.amount) == (voucher_id, 250_000)


def test_given_a_contract_when_a_voucher_exceeds_what_remains_then_voucher_exceeds_obligation() -> None:
    # given
    given = signed(600_000)
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 300_000)
    settled(given.contract)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.draw_voucher(ctx(), uuid.uuid4(), 300_001)
    # then
    refused(
        error,
        "voucher-exceeds-obligation",
        requested=300_001,
        contract_amount=600_000,
        vouchered=300_000,
        available=300_000,
    )
    assert untouched(given.contract)
    assert given.contract.vouchered == 300_000


def test_given_a_completed_contract_when_the_final_voucher_draws_on_it_then_accepted() -> None:
    # given
    given = signed(600_000)
    given.contract.inspect(ctx(), 600_000, True)
    given.contract.complete(ctx())
    # when
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 600_000)
    # then
    assert given.contract.remaining == 0


def test_given_a_terminated_contract_when_a_voucher_draws_on_it_then_invalid_state() -> None:
    # given
    given = signed(600_000)
    given.contract.draw_voucher(ctx(), uuid.uuid4(), 100_000)
    given.contract.terminate(ctx(), given.obligation, "업체 부도")
    settled(given.contract, given.obligation)
    # when
    with pytest.raises(DomainError) as error:
        given.contract.draw_voucher(ctx(), uuid.uuid4(), 1)
    # then
    refused(error, "invalid-state", status="terminated")
    assert untouched(given.contract)


@pytest.mark.parametrize("amount", [0, -1, True])
def test_given_a_contract_when_a_voucher_is_not_positive_then_invalid_amount(amount: Any) -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.draw_voucher(ctx(), uuid.uuid4(), amount)
    # then
    refused(error, "invalid-amount")
    assert untouched(given.contract)


def test_given_a_contract_when_another_organisation_draws_a_voucher_then_wrong_organisation() -> None:
    # given
    given = signed()
    # when
    with pytest.raises(DomainError) as error:
        given.contract.draw_voucher(ctx(org=SEONGDONG), uuid.uuid4(), 100)
    # then
    refused(error, "wrong-organisation", org=SEOUL)
    assert untouched(given.contract)


def test_given_a_contract_of_last_year_when_a_voucher_draws_on_it_this_year_then_accepted() -> None:
    # given: a contract may run into the next fiscal year
    given = signed(600_000)
    # when
    given.contract.draw_voucher(ctx(on=date(YEAR + 1, 1, 20), year=YEAR + 1), uuid.uuid4(), 600_000)
    # then
    assert given.contract.remaining == 0


# --- replay ---------------------------------------------------------------------------------


def test_given_a_contract_history_when_replayed_then_the_state_is_the_same() -> None:
    # given
    ob, supplier = obligation(1_000_000), vendor()
    contract = sign(
        ob,
        supplier,
        600_000,
        method=ContractMethod.PRIVATE,
        private_reason=PrivateContractReason.EMERGENCY,
        private_reason_detail="수해 복구",
    )
    contract.amend(ctx(), ob, "설계 변경", new_amount=800_000, new_ends=date(YEAR, 8, 31))
    contract.draw_voucher(ctx(), uuid.uuid4(), 300_000)
    contract.inspect(ctx(actor="inspector-park"), 800_000, True, "준공 검사")
    contract.complete(ctx())
    events = contract.collect_events()
    # when
    replayed: Contract | None = None
    for event in events:
        replayed = event.mutate(replayed)
    # then
    assert replayed is not None
    assert replayed.__dict__ == contract.__dict__
