"""Revenue (세입) in the domain alone: revenue lines and the lifecycle of an assessment."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from domain.base import Context
from domain.codes import ledger_id
from domain.errors import (
    BillingExceedsAssessed,
    CollectionExceedsBilled,
    DomainError,
    InvalidAmount,
    InvalidInput,
    InvalidState,
    MalformedCode,
    ReasonRequired,
    ReductionExceedsUnbilled,
    RefundExceedsOverpayment,
    UnknownCode,
    WrongOrganisation,
    YearClosed,
)
from domain.revenue import Assessment, PayerKind, RevenueLine

SEOUL = "6110000"
SEONGDONG = "3030000"
USAGE_FEES = "200-210-212-01"  # 세외수입/경상적세외수입/사용료수입
ACQUISITION_TAX = "100-110-111-01"  # 지방세수입/보통세/취득세


def ctx(on: date = date(2026, 3, 2), org: str = SEOUL, year: int | None = None) -> Context:
    return Context(
        org=org,
        fiscal_year=year or on.year,
        accounting_date=on,
        actor="clerk-lee",
        command_id=uuid.uuid4(),
    )


def opened_line(code: str = USAGE_FEES, estimate: int = 5_000_000, **ctx_args: Any) -> RevenueLine:
    line = RevenueLine.open(ctx(date(2026, 1, 2), **ctx_args), code, "공유재산 사용료", estimate)
    line.collect_events()
    return line


def assessed(
    line: RevenueLine,
    amount: int = 1_000_000,
    billed: int = 0,
    collected: int = 0,
    overpaid: int = 0,
    kind: PayerKind = PayerKind.BUSINESS,
) -> Assessment:
    """An assessment on ``line``, billed, collected and overpaid as asked; no pending events."""
    assessment = Assessment.assess(ctx(), line, "(주)한빛상사", kind, amount, date(2026, 4, 30))
    if billed:
        assessment.bill(ctx(), line, billed)
    if collected or overpaid:
        assessment.collect(ctx(), line, collected + overpaid, allow_overpayment=bool(overpaid))
    line.collect_events()
    assessment.collect_events()
    return assessment


def totals(thing: RevenueLine | Assessment) -> dict[str, int]:
    return {
        "assessed": thing.assessed,
        "billed": thing.billed,
        "collected": thing.collected,
        "overpaid": thing.overpaid,
        "refunded": thing.refunded,
    }


def nothing_pending(*aggregates: RevenueLine | Assessment) -> bool:
    return all(not aggregate.pending_events for aggregate in aggregates)


# --- revenue lines ------------------------------------------------------------------------------


def test_a_revenue_line_opens_with_its_estimate_and_no_revenue_yet() -> None:
    # given
    command = ctx(date(2026, 1, 2))

    # when
    line = RevenueLine.open(command, USAGE_FEES, "공유재산 사용료", 5_000_000)

    # then
    assert line.id == RevenueLine.id_for(SEOUL, 2026, USAGE_FEES)
    assert (line.org, line.fiscal_year, line.code, line.title) == (SEOUL, 2026, USAGE_FEES, "공유재산 사용료")
    assert line.estimate == 5_000_000
    assert totals(line) == dict.fromkeys(("assessed", "billed", "collected", "overpaid", "refunded"), 0)
    assert line.closed is False
    (opened,) = line.pending_events
    assert isinstance(opened, RevenueLine.Opened)
    assert (opened.org, opened.fiscal_year, opened.actor, opened.command_id) == (
        SEOUL,
        2026,
        "clerk-lee",
        command.command_id,
    )
    assert opened.accounting_date == date(2026, 1, 2)


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("200-210-212", MalformedCode),
        ("200-210-212-1", MalformedCode),
        ("100-080-081-1001-2001-3001-201-01", MalformedCode),
        ("200-210-219-01", UnknownCode),
    ],
)
def test_a_revenue_line_refuses_a_malformed_or_unknown_code(code: str, error: type[DomainError]) -> None:
    # given
    command = ctx(date(2026, 1, 2))

    # when
    with pytest.raises(error) as refused:
        RevenueLine.open(command, code, "세입", 1_000)

    # then
    assert refused.value.code == error.code


@pytest.mark.parametrize("estimate", [0, -1, True, 1.5])
def test_a_revenue_line_refuses_an_estimate_that_is_not_positive_whole_won(estimate: Any) -> None:
    # given
    command = ctx(date(2026, 1, 2))

    # when
    with pytest.raises(InvalidAmount) as refused:
        RevenueLine.open(command, USAGE_FEES, "공유재산 사용료", estimate)

    # then
    assert refused.value.code == "invalid-amount"


def test_a_revenue_line_refuses_a_zero_estimate_naming_it() -> None:
    # given
    command = ctx(date(2026, 1, 2))

    # when
    with pytest.raises(InvalidAmount) as refused:
        RevenueLine.open(command, USAGE_FEES, "공유재산 사용료", 0)

    # then
    assert refused.value.numbers == {"estimate": 0}


def test_a_revenue_line_needs_a_title() -> None:
    # given
    command = ctx(date(2026, 1, 2))

    # when
    with pytest.raises(InvalidInput) as refused:
        RevenueLine.open(command, USAGE_FEES, "  ", 1_000)

    # then
    assert refused.value.code == "invalid-input"


def test_a_revenue_line_closes_once() -> None:
    # given
    line = opened_line()

    # when
    line.close(ctx(date(2026, 12, 31)))

    # then
    assert line.closed is True
    with pytest.raises(InvalidState) as refused:
        line.close(ctx(date(2026, 12, 31)))
    assert refused.value.code == "invalid-state"
    assert len(line.pending_events) == 1


# --- assessment (조정/부과) -----------------------------------------------------------------------


def test_an_assessment_records_itself_and_the_line_total_together() -> None:
    # given
    line = opened_line()
    command = ctx()

    # when
    assessment = Assessment.assess(
        command, line, " (주)한빛상사 ", PayerKind.BUSINESS, 1_000_000, date(2026, 4, 30)
    )

    # then
    assert assessment.id == ledger_id("revenue-assessment", command.command_id)
    assert assessment.line_id == line.id
    assert assessment.revenue_code == USAGE_FEES
    assert (assessment.payer, assessment.payer_kind, assessment.due_date) == (
        "(주)한빛상사",
        PayerKind.BUSINESS,
        date(2026, 4, 30),
    )
    assert totals(assessment) == {
        "assessed": 1_000_000,
        "billed": 0,
        "collected": 0,
        "overpaid": 0,
        "refunded": 0,
    }
    assert line.assessed == 1_000_000
    (line_event,) = line.pending_events
    assert isinstance(line_event, RevenueLine.Assessed)
    assert (line_event.assessment_id, line_event.amount) == (assessment.id, 1_000_000)
    assert line_event.command_id == command.command_id
    (created,) = assessment.pending_events
    assert isinstance(created, Assessment.Created)
    assert created.command_id == command.command_id


def test_assessments_add_up_on_their_line() -> None:
    # given
    line = opened_line()
    assessed(line, 1_000_000)

    # when
    assessed(line, 250_000)

    # then
    assert line.assessed == 1_250_000


def test_a_business_payer_may_be_disclosed_a_person_never() -> None:
    # given
    line = opened_line()

    # when
    business = assessed(line, kind=PayerKind.BUSINESS)
    person = assessed(line, kind=PayerKind.PERSON)

    # then
    assert business.disclosed_payer == "(주)한빛상사"
    assert person.payer_kind is PayerKind.PERSON
    assert person.disclosed_payer is None


def test_an_assessment_accepts_the_payer_kind_as_text() -> None:
    # given
    line = opened_line()

    # when
    assessment = Assessment.assess(ctx(), line, "홍길동", "person", 30_000, date(2026, 4, 30))

    # then
    assert assessment.payer_kind is PayerKind.PERSON


@pytest.mark.parametrize("amount", [0, -5, True])
def test_an_assessment_refuses_an_amount_that_is_not_positive(amount: Any) -> None:
    # given
    line = opened_line()

    # when
    with pytest.raises(InvalidAmount) as refused:
        Assessment.assess(ctx(), line, "(주)한빛상사", PayerKind.BUSINESS, amount, date(2026, 4, 30))

    # then
    assert refused.value.code == "invalid-amount"
    assert nothing_pending(line)


def test_an_assessment_names_its_payer() -> None:
    # given
    line = opened_line()

    # when
    with pytest.raises(InvalidInput) as refused:
        Assessment.assess(ctx(), line, " ", PayerKind.BUSINESS, 1_000, date(2026, 4, 30))

    # then
    assert refused.value.code == "invalid-input"
    assert nothing_pending(line)


def test_an_assessment_refuses_an_unknown_payer_kind() -> None:
    # given
    line = opened_line()

    # when
    with pytest.raises(InvalidInput) as refused:
        Assessment.assess(ctx(), line, "(주)한빛상사", "government", 1_000, date(2026, 4, 30))

    # then
    assert refused.value.code == "invalid-input"
    assert nothing_pending(line)


def test_an_assessment_refuses_a_due_date_before_its_accounting_date() -> None:
    # given
    line = opened_line()

    # when
    with pytest.raises(InvalidInput) as refused:
        Assessment.assess(
            ctx(date(2026, 3, 2)), line, "(주)한빛상사", PayerKind.BUSINESS, 1_000, date(2026, 3, 1)
        )

    # then
    assert refused.value.code == "invalid-input"
    assert refused.value.numbers == {"due_date": "2026-03-01", "accounting_date": "2026-03-02"}
    assert nothing_pending(line)


def test_an_assessment_may_fall_due_on_its_own_date_or_in_the_next_year() -> None:
    # given
    line = opened_line()

    # when
    same_day = Assessment.assess(
        ctx(date(2026, 3, 2)), line, "가", PayerKind.BUSINESS, 1_000, date(2026, 3, 2)
    )
    next_year = Assessment.assess(
        ctx(date(2026, 12, 20)), line, "나", PayerKind.BUSINESS, 1_000, date(2027, 1, 10)
    )

    # then
    assert (same_day.due_date, next_year.due_date) == (date(2026, 3, 2), date(2027, 1, 10))
    assert line.assessed == 2_000


def test_an_assessment_refuses_a_closed_line() -> None:
    # given
    line = opened_line()
    line.close(ctx(date(2026, 12, 31)))
    line.collect_events()

    # when
    with pytest.raises(YearClosed) as refused:
        Assessment.assess(ctx(), line, "(주)한빛상사", PayerKind.BUSINESS, 1_000, date(2026, 4, 30))

    # then
    assert refused.value.code == "year-closed"
    assert refused.value.numbers == {"org": SEOUL, "fiscal_year": 2026}
    assert nothing_pending(line)
    assert line.assessed == 0


@pytest.mark.parametrize(
    "command",
    [ctx(org=SEONGDONG), ctx(date(2027, 3, 2))],
    ids=["another organisation", "another year"],
)
def test_an_assessment_refuses_a_line_of_another_organisation_or_year(command: Context) -> None:
    # given
    line = opened_line()

    # when
    with pytest.raises(WrongOrganisation) as refused:
        Assessment.assess(command, line, "(주)한빛상사", PayerKind.BUSINESS, 1_000, date(2027, 4, 30))

    # then
    assert refused.value.code == "wrong-organisation"
    assert refused.value.numbers == {"org": SEOUL, "fiscal_year": 2026}
    assert nothing_pending(line)


# --- reduction and cancellation (감액/부과취소) ---------------------------------------------------


def test_a_reduction_takes_the_unbilled_part_off_the_assessment_and_its_line() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000)

    # when
    assessment.reduce(ctx(), line, 400_000, "이의신청 인용")

    # then
    assert (assessment.assessed, assessment.reduced, assessment.billed) == (600_000, 400_000, 600_000)
    assert assessment.unbilled == 0
    assert assessment.cancelled is False
    assert (line.assessed, line.billed) == (600_000, 600_000)
    (reduced,) = assessment.pending_events
    assert isinstance(reduced, Assessment.Reduced)
    assert reduced.reason == "이의신청 인용"
    (line_event,) = line.pending_events
    assert isinstance(line_event, RevenueLine.AssessmentReduced)
    assert (line_event.assessment_id, line_event.amount) == (assessment.id, 400_000)


def test_reducing_all_of_an_unbilled_assessment_cancels_it() -> None:
    # given
    line = opened_line()
    other = assessed(line, 300_000)
    assessment = assessed(line, 1_000_000)

    # when
    assessment.reduce(ctx(), line, 1_000_000, "부과취소: 착오 부과")

    # then
    assert assessment.cancelled is True
    assert assessment.assessed == 0
    assert line.assessed == other.assessed == 300_000


def test_a_reduction_refuses_to_go_below_what_is_billed() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000)

    # when
    with pytest.raises(ReductionExceedsUnbilled) as refused:
        assessment.reduce(ctx(), line, 400_001, "이의신청 인용")

    # then
    assert refused.value.code == "reduction-exceeds-unbilled"
    assert refused.value.numbers == {
        "requested": 400_001,
        "assessed": 1_000_000,
        "billed": 600_000,
        "available": 400_000,
    }
    assert nothing_pending(line, assessment)
    assert (assessment.assessed, line.assessed) == (1_000_000, 1_000_000)


def test_a_cancelled_assessment_cannot_be_reduced_again() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000)
    assessment.reduce(ctx(), line, 1_000, "부과취소")
    line.collect_events()
    assessment.collect_events()

    # when
    with pytest.raises(ReductionExceedsUnbilled) as refused:
        assessment.reduce(ctx(), line, 1, "부과취소")

    # then
    assert refused.value.numbers["available"] == 0
    assert nothing_pending(line, assessment)


def test_a_reduction_states_its_reason() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000)

    # when
    with pytest.raises(ReasonRequired) as refused:
        assessment.reduce(ctx(), line, 1_000, "  ")

    # then
    assert refused.value.code == "reason-required"
    assert nothing_pending(line, assessment)


@pytest.mark.parametrize("amount", [0, -1])
def test_a_reduction_refuses_an_amount_that_is_not_positive(amount: int) -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000)

    # when
    with pytest.raises(InvalidAmount) as refused:
        assessment.reduce(ctx(), line, amount, "감액")

    # then
    assert refused.value.code == "invalid-amount"
    assert nothing_pending(line, assessment)


# --- billing (징수결정/납입고지) ------------------------------------------------------------------


def test_bills_draw_on_the_assessment_up_to_all_of_it() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000)

    # when
    assessment.bill(ctx(), line, 600_000)
    assessment.bill(ctx(), line, 400_000)

    # then
    assert (assessment.billed, assessment.unbilled, assessment.receivable) == (1_000_000, 0, 1_000_000)
    assert (line.billed, line.receivable) == (1_000_000, 1_000_000)
    assert [type(event) for event in line.pending_events] == [RevenueLine.Billed, RevenueLine.Billed]
    assert [type(event) for event in assessment.pending_events] == [Assessment.Billed, Assessment.Billed]


def test_a_bill_refuses_more_than_is_assessed_and_not_billed() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000)

    # when
    with pytest.raises(BillingExceedsAssessed) as refused:
        assessment.bill(ctx(), line, 400_001)

    # then
    assert refused.value.code == "billing-exceeds-assessed"
    assert refused.value.numbers == {
        "requested": 400_001,
        "assessed": 1_000_000,
        "billed": 600_000,
        "available": 400_000,
    }
    assert nothing_pending(line, assessment)
    assert (assessment.billed, line.billed) == (600_000, 600_000)


def test_a_bill_counts_only_what_is_left_after_a_reduction() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000)
    assessment.reduce(ctx(), line, 300_000, "감액")
    line.collect_events()
    assessment.collect_events()

    # when
    with pytest.raises(BillingExceedsAssessed) as refused:
        assessment.bill(ctx(), line, 700_001)

    # then
    assert refused.value.numbers == {
        "requested": 700_001,
        "assessed": 700_000,
        "billed": 0,
        "available": 700_000,
    }
    assert nothing_pending(line, assessment)


def test_a_cancelled_assessment_cannot_be_billed() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000)
    assessment.reduce(ctx(), line, 1_000, "부과취소")
    line.collect_events()
    assessment.collect_events()

    # when
    with pytest.raises(BillingExceedsAssessed) as refused:
        assessment.bill(ctx(), line, 1)

    # then
    assert refused.value.numbers["available"] == 0
    assert nothing_pending(line, assessment)


@pytest.mark.parametrize("amount", [0, -1, True])
def test_a_bill_refuses_an_amount_that_is_not_positive(amount: Any) -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000)

    # when
    with pytest.raises(InvalidAmount) as refused:
        assessment.bill(ctx(), line, amount)

    # then
    assert refused.value.code == "invalid-amount"
    assert nothing_pending(line, assessment)


# --- collection (수납) and overpayment (과오납) -----------------------------------------------------


def test_a_collection_up_to_the_bill_is_collected() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000)

    # when
    assessment.collect(ctx(), line, 600_000)

    # then
    assert (assessment.collected, assessment.overpaid, assessment.receivable) == (600_000, 0, 0)
    assert (line.collected, line.overpaid, line.receivable, line.received) == (600_000, 0, 0, 600_000)
    (collected,) = assessment.pending_events
    assert isinstance(collected, Assessment.Collected)
    assert (collected.amount, collected.collected, collected.overpaid) == (600_000, 600_000, 0)
    (line_event,) = line.pending_events
    assert isinstance(line_event, RevenueLine.Collected)
    assert (line_event.assessment_id, line_event.collected, line_event.overpaid) == (
        assessment.id,
        600_000,
        0,
    )


def test_a_collection_beyond_the_bill_is_refused_without_the_overpayment_flag() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000, collected=100_000)

    # when
    with pytest.raises(CollectionExceedsBilled) as refused:
        assessment.collect(ctx(), line, 500_001)

    # then
    assert refused.value.code == "collection-exceeds-billed"
    assert refused.value.numbers == {
        "requested": 500_001,
        "billed": 600_000,
        "collected": 100_000,
        "available": 500_000,
    }
    assert nothing_pending(line, assessment)
    assert (assessment.collected, line.collected) == (100_000, 100_000)


def test_assessed_but_unbilled_money_cannot_be_collected() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000)

    # when
    with pytest.raises(CollectionExceedsBilled) as refused:
        assessment.collect(ctx(), line, 1)

    # then
    assert refused.value.numbers == {"requested": 1, "billed": 0, "collected": 0, "available": 0}
    assert nothing_pending(line, assessment)


def test_with_the_overpayment_flag_the_excess_is_recorded_as_overpaid() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000, collected=100_000)

    # when
    assessment.collect(ctx(), line, 530_000, allow_overpayment=True)

    # then
    assert (assessment.collected, assessment.overpaid, assessment.refundable) == (600_000, 30_000, 30_000)
    assert (line.collected, line.overpaid, line.refundable, line.received) == (
        600_000,
        30_000,
        30_000,
        630_000,
    )
    (collected,) = assessment.pending_events
    assert isinstance(collected, Assessment.Collected)
    assert (collected.amount, collected.collected, collected.overpaid) == (530_000, 500_000, 30_000)


def test_the_overpayment_flag_changes_nothing_within_the_bill() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000)

    # when
    assessment.collect(ctx(), line, 200_000, allow_overpayment=True)

    # then
    assert (assessment.collected, assessment.overpaid) == (200_000, 0)
    assert (line.collected, line.overpaid) == (200_000, 0)


def test_a_second_payment_of_a_paid_bill_is_all_overpaid() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 600_000, billed=600_000, collected=600_000)

    # when
    assessment.collect(ctx(), line, 600_000, allow_overpayment=True)

    # then
    assert (assessment.collected, assessment.overpaid) == (600_000, 600_000)
    assert (line.collected, line.overpaid) == (600_000, 600_000)


@pytest.mark.parametrize("amount", [0, -1, True])
def test_a_collection_refuses_an_amount_that_is_not_positive(amount: Any) -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 1_000_000, billed=600_000)

    # when
    with pytest.raises(InvalidAmount) as refused:
        assessment.collect(ctx(), line, amount, allow_overpayment=True)

    # then
    assert refused.value.code == "invalid-amount"
    assert nothing_pending(line, assessment)


# --- refund of an overpayment (과오납 환급) --------------------------------------------------------


def test_an_overpayment_is_refunded_up_to_all_of_it() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 600_000, billed=600_000, collected=600_000, overpaid=50_000)

    # when
    assessment.refund_overpayment(ctx(), line, 20_000, "이중납부 환급")
    assessment.refund_overpayment(ctx(), line, 30_000, "이중납부 환급")

    # then
    assert (assessment.overpaid, assessment.refunded, assessment.refundable) == (50_000, 50_000, 0)
    assert (line.overpaid, line.refunded, line.refundable, line.received) == (50_000, 50_000, 0, 600_000)
    assert [type(event) for event in line.pending_events] == [RevenueLine.OverpaymentRefunded] * 2
    refund = assessment.pending_events[0]
    assert isinstance(refund, Assessment.OverpaymentRefunded)
    assert (refund.amount, refund.reason) == (20_000, "이중납부 환급")


def test_a_refund_refuses_more_than_is_overpaid_and_not_refunded() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 600_000, billed=600_000, collected=600_000, overpaid=50_000)
    assessment.refund_overpayment(ctx(), line, 20_000, "이중납부 환급")
    line.collect_events()
    assessment.collect_events()

    # when
    with pytest.raises(RefundExceedsOverpayment) as refused:
        assessment.refund_overpayment(ctx(), line, 30_001, "이중납부 환급")

    # then
    assert refused.value.code == "refund-exceeds-overpayment"
    assert refused.value.numbers == {
        "requested": 30_001,
        "overpaid": 50_000,
        "refunded": 20_000,
        "available": 30_000,
    }
    assert nothing_pending(line, assessment)
    assert (assessment.refunded, line.refunded) == (20_000, 20_000)


def test_nothing_is_refunded_without_an_overpayment() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 600_000, billed=600_000, collected=600_000)

    # when
    with pytest.raises(RefundExceedsOverpayment) as refused:
        assessment.refund_overpayment(ctx(), line, 1, "환급")

    # then
    assert refused.value.numbers == {"requested": 1, "overpaid": 0, "refunded": 0, "available": 0}
    assert nothing_pending(line, assessment)


def test_a_refund_states_its_reason() -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 600_000, billed=600_000, collected=600_000, overpaid=50_000)

    # when
    with pytest.raises(ReasonRequired) as refused:
        assessment.refund_overpayment(ctx(), line, 1_000, "")

    # then
    assert refused.value.code == "reason-required"
    assert nothing_pending(line, assessment)


@pytest.mark.parametrize("amount", [0, -1])
def test_a_refund_refuses_an_amount_that_is_not_positive(amount: int) -> None:
    # given
    line = opened_line()
    assessment = assessed(line, 600_000, billed=600_000, collected=600_000, overpaid=50_000)

    # when
    with pytest.raises(InvalidAmount) as refused:
        assessment.refund_overpayment(ctx(), line, amount, "환급")

    # then
    assert refused.value.code == "invalid-amount"
    assert nothing_pending(line, assessment)


# --- every assessment command: its own line, its own year, an open year -------------------------


def _reduce(assessment: Assessment, command: Context, line: RevenueLine) -> None:
    assessment.reduce(command, line, 1_000, "감액")


def _bill(assessment: Assessment, command: Context, line: RevenueLine) -> None:
    assessment.bill(command, line, 1_000)


def _collect(assessment: Assessment, command: Context, line: RevenueLine) -> None:
    assessment.collect(command, line, 1_000)


def _refund(assessment: Assessment, command: Context, line: RevenueLine) -> None:
    assessment.refund_overpayment(command, line, 1_000, "환급")


COMMANDS = [_reduce, _bill, _collect, _refund]
COMMAND_IDS = ["reduce", "bill", "collect", "refund"]


def _ready(line: RevenueLine) -> Assessment:
    """An assessment every command above accepts: something unbilled, receivable and refundable."""
    assessment = assessed(line, 1_000_000, billed=500_000, collected=500_000, overpaid=5_000)
    assessment.bill(ctx(), line, 100_000)
    line.collect_events()
    assessment.collect_events()
    return assessment


@pytest.mark.parametrize("act", COMMANDS, ids=COMMAND_IDS)
def test_every_assessment_command_is_accepted_on_an_open_year(act: Any) -> None:
    # given
    line = opened_line()
    assessment = _ready(line)

    # when
    act(assessment, ctx(), line)

    # then
    assert len(line.pending_events) == len(assessment.pending_events) == 1


@pytest.mark.parametrize("act", COMMANDS, ids=COMMAND_IDS)
def test_every_assessment_command_is_refused_once_the_year_is_closed(act: Any) -> None:
    # given
    line = opened_line()
    assessment = _ready(line)
    before = totals(line), totals(assessment)
    line.close(ctx(date(2026, 12, 31)))
    line.collect_events()

    # when
    with pytest.raises(YearClosed) as refused:
        act(assessment, ctx(), line)

    # then
    assert refused.value.code == "year-closed"
    assert refused.value.numbers == {"org": SEOUL, "fiscal_year": 2026}
    assert nothing_pending(line, assessment)
    assert (totals(line), totals(assessment)) == before


@pytest.mark.parametrize("act", COMMANDS, ids=COMMAND_IDS)
def test_every_assessment_command_is_refused_in_another_year(act: Any) -> None:
    # given
    line = opened_line()
    assessment = _ready(line)

    # when
    with pytest.raises(WrongOrganisation) as refused:
        act(assessment, ctx(date(2027, 3, 2)), line)

    # then
    assert refused.value.code == "wrong-organisation"
    assert refused.value.numbers == {"org": SEOUL, "fiscal_year": 2026}
    assert nothing_pending(line, assessment)


@pytest.mark.parametrize("act", COMMANDS, ids=COMMAND_IDS)
def test_every_assessment_command_is_refused_with_another_line(act: Any) -> None:
    # given
    line = opened_line()
    other_line = opened_line(ACQUISITION_TAX)
    assessment = _ready(line)

    # when
    with pytest.raises(WrongOrganisation) as refused:
        act(assessment, ctx(), other_line)

    # then
    assert refused.value.code == "wrong-organisation"
    assert nothing_pending(line, other_line, assessment)


def test_the_events_alone_rebuild_the_line_and_the_assessment() -> None:
    # given
    command = ctx(date(2026, 1, 2))
    line = RevenueLine.open(command, USAGE_FEES, "공유재산 사용료", 5_000_000)
    assessment = Assessment.assess(ctx(), line, "홍길동", PayerKind.PERSON, 1_000_000, date(2026, 4, 30))
    assessment.reduce(ctx(), line, 100_000, "감액")
    assessment.bill(ctx(), line, 900_000)
    assessment.collect(ctx(), line, 950_000, allow_overpayment=True)
    assessment.refund_overpayment(ctx(), line, 20_000, "환급")

    # when
    line_events, assessment_events = line.collect_events(), assessment.collect_events()
    rebuilt_line = replay(line_events)
    rebuilt_assessment = replay(assessment_events)

    # then
    assert isinstance(rebuilt_line, RevenueLine)
    assert isinstance(rebuilt_assessment, Assessment)
    expected = {
        "assessed": 900_000,
        "billed": 900_000,
        "collected": 900_000,
        "overpaid": 50_000,
        "refunded": 20_000,
    }
    assert totals(rebuilt_line) == totals(line) == expected
    assert totals(rebuilt_assessment) == totals(assessment) == expected
    assert (rebuilt_line.estimate, rebuilt_line.title, rebuilt_line.closed) == (
        5_000_000,
        "공유재산 사용료",
        False,
    )
    assert (rebuilt_assessment.payer_kind, rebuilt_assessment.reduced) == (PayerKind.PERSON, 100_000)
    assert rebuilt_assessment.due_date == date(2026, 4, 30)


def replay(events: Any) -> Any:
    aggregate = None
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate
