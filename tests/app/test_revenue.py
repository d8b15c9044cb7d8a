"""Revenue (세입) through the ledger, on SQLite and PostgreSQL: lines, assessments, their lifecycle."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from pydantic import ValidationError

from commands.errors import VersionConflict
from commands.ledger import Ledger
from commands.messages.budget import CloseFiscalYear
from commands.messages.revenue import (
    AssessRevenue,
    BillRevenue,
    CollectRevenue,
    OpenRevenueLine,
    ReduceAssessment,
    RefundOverpayment,
)
from domain.errors import DomainError
from domain.organisation import FiscalYear
from domain.revenue import Assessment, PayerKind, RevenueLine
from tests.app.books import SEOUL, Books

USAGE_FEES = "200-210-212-01"  # 세외수입/경상적세외수입/사용료수입
ACQUISITION_TAX = "100-110-111-01"  # 지방세수입/보통세/취득세
ON = date(2026, 3, 2)
DUE = date(2026, 4, 30)


def open_line(books: Books, code: str = USAGE_FEES, estimate: int = 5_000_000) -> UUID:
    return books.run(
        OpenRevenueLine, revenue_code=code, title="공유재산 사용료", estimate=estimate
    ).aggregate_id


def assess(books: Books, line_id: UUID, amount: int = 1_000_000, **fields: Any) -> UUID:
    fields.setdefault("payer", "(주)한빛상사")
    fields.setdefault("payer_kind", PayerKind.BUSINESS)
    fields.setdefault("due_date", DUE)
    return books.run(AssessRevenue, line_id=line_id, amount=amount, on=ON, **fields).aggregate_id


def totals(thing: RevenueLine | Assessment) -> tuple[int, int, int, int, int]:
    """(assessed, billed, collected, overpaid, refunded)."""
    return thing.assessed, thing.billed, thing.collected, thing.overpaid, thing.refunded


def refused(books: Books, cls: type[Any], **fields: Any) -> DomainError:
    """Run a command that must be refused, and check it recorded nothing."""
    before = books.log_size()
    with pytest.raises(DomainError) as error:
        books.run(cls, **fields)
    assert books.log_size() == before
    return error.value


# --- revenue lines ------------------------------------------------------------------------------


def test_a_revenue_line_opens_in_its_fiscal_year(ledger: Ledger) -> None:
    # given
    books = Books(ledger).ready()
    before = books.log_size()

    # when
    line_id = open_line(books, estimate=5_000_000)

    # then
    assert line_id == RevenueLine.id_for(SEOUL, 2026, USAGE_FEES)
    line = books.get(line_id)
    assert (line.code, line.title, line.estimate) == (USAGE_FEES, "공유재산 사용료", 5_000_000)
    assert totals(line) == (0, 0, 0, 0, 0)
    fiscal_year = books.get(FiscalYear.id_for(SEOUL, 2026))
    assert fiscal_year.revenue_line_count == 1
    assert books.log_size() == before + 3  # line opened, line added to the year, receipt


def test_a_revenue_line_opens_once(ledger: Ledger) -> None:
    # given
    books = Books(ledger).ready()
    open_line(books)

    # when
    error = refused(books, OpenRevenueLine, revenue_code=USAGE_FEES, title="사용료", estimate=1)

    # then
    assert error.code == "already-exists"
    assert error.numbers == {"key": USAGE_FEES}
    assert books.get(FiscalYear.id_for(SEOUL, 2026)).revenue_line_count == 1


@pytest.mark.parametrize(
    ("code", "estimate", "expected"),
    [
        ("200-210-212", 1_000, "malformed-code"),
        ("200-210-219-01", 1_000, "unknown-code"),
        (USAGE_FEES, 0, "invalid-amount"),
        (USAGE_FEES, -1, "invalid-amount"),
    ],
)
def test_a_revenue_line_refuses_a_bad_code_or_estimate(
    ledger: Ledger, code: str, estimate: int, expected: str
) -> None:
    # given
    books = Books(ledger).ready()

    # when
    error = refused(books, OpenRevenueLine, revenue_code=code, title="세입", estimate=estimate)

    # then
    assert error.code == expected


def test_a_revenue_line_needs_an_open_year(ledger: Ledger) -> None:
    # given
    books = Books(ledger).ready()

    # when
    error = refused(
        books,
        OpenRevenueLine,
        revenue_code=USAGE_FEES,
        title="사용료",
        estimate=1_000,
        year=2027,
        on=date(2027, 1, 2),
    )

    # then
    assert error.code == "year-not-open"


# --- the lifecycle ------------------------------------------------------------------------------


def test_the_lifecycle_of_an_assessment_keeps_its_line_totals(ledger: Ledger) -> None:
    # given
    books = Books(ledger).ready()
    line_id = open_line(books)
    open_line(books, ACQUISITION_TAX)

    # when: 부과
    before = books.log_size()
    assessment_id = assess(books, line_id, 1_000_000, payer="홍길동", payer_kind=PayerKind.PERSON)

    # then: one save wrote the assessment, its line and the receipt
    assert books.log_size() == before + 3
    assessment = books.get(assessment_id)
    assert (assessment.line_id, assessment.revenue_code, assessment.due_date) == (line_id, USAGE_FEES, DUE)
    assert assessment.disclosed_payer is None
    assert totals(books.get(line_id)) == (1_000_000, 0, 0, 0, 0)

    # when: a second assessment on the same line
    second_id = assess(books, line_id, 200_000)

    # then
    assert totals(books.get(line_id)) == (1_200_000, 0, 0, 0, 0)

    # when: 징수결정/납입고지
    books.run(BillRevenue, assessment_id=assessment_id, amount=600_000)

    # then
    assert totals(books.get(assessment_id)) == (1_000_000, 600_000, 0, 0, 0)
    assert totals(books.get(line_id)) == (1_200_000, 600_000, 0, 0, 0)

    # when: 감액 of the unbilled part
    books.run(ReduceAssessment, assessment_id=assessment_id, amount=300_000, reason="이의신청 인용")

    # then
    assert totals(books.get(assessment_id)) == (700_000, 600_000, 0, 0, 0)
    assert totals(books.get(line_id)) == (900_000, 600_000, 0, 0, 0)

    # when: 수납 of part of the bill
    books.run(CollectRevenue, assessment_id=assessment_id, amount=450_000)

    # then
    assert totals(books.get(assessment_id)) == (700_000, 600_000, 450_000, 0, 0)
    assert totals(books.get(line_id)) == (900_000, 600_000, 450_000, 0, 0)
    assert books.get(line_id).receivable == 150_000

    # when: 수납 beyond the bill, recorded as 과오납
    books.run(CollectRevenue, assessment_id=assessment_id, amount=200_000, allow_overpayment=True)

    # then
    assert totals(books.get(assessment_id)) == (700_000, 600_000, 600_000, 50_000, 0)
    assert totals(books.get(line_id)) == (900_000, 600_000, 600_000, 50_000, 0)

    # when: 과오납 환급
    books.run(RefundOverpayment, assessment_id=assessment_id, amount=50_000, reason="이중납부 환급")

    # then
    assert totals(books.get(assessment_id)) == (700_000, 600_000, 600_000, 50_000, 50_000)
    assert totals(books.get(line_id)) == (900_000, 600_000, 600_000, 50_000, 50_000)
    assert books.get(line_id).received == 600_000

    # when: 부과취소 of the second assessment
    books.run(ReduceAssessment, assessment_id=second_id, amount=200_000, reason="부과취소: 착오 부과")

    # then
    assert books.get(second_id).cancelled is True
    assert totals(books.get(line_id)) == (700_000, 600_000, 600_000, 50_000, 50_000)
    other_line = books.get(RevenueLine.id_for(SEOUL, 2026, ACQUISITION_TAX))
    assert totals(other_line) == (0, 0, 0, 0, 0)


def test_a_cold_ledger_replays_the_same_totals(ledger: Ledger, reopen: Callable[[], Ledger]) -> None:
    # given
    books = Books(ledger).ready()
    line_id = open_line(books)
    assessment_id = assess(books, line_id, 1_000_000)
    books.run(BillRevenue, assessment_id=assessment_id, amount=1_000_000)
    books.run(CollectRevenue, assessment_id=assessment_id, amount=1_100_000, allow_overpayment=True)
    books.run(RefundOverpayment, assessment_id=assessment_id, amount=40_000, reason="환급")

    # when
    cold = reopen()

    # then
    line: object = cold.repository.get(line_id)
    assessment: object = cold.repository.get(assessment_id)
    assert isinstance(line, RevenueLine)
    assert isinstance(assessment, Assessment)
    assert totals(line) == totals(assessment) == (1_000_000, 1_000_000, 1_000_000, 100_000, 40_000)
    assert (assessment.payer_kind, assessment.due_date) == (PayerKind.BUSINESS, DUE)


# --- refusals record nothing --------------------------------------------------------------------


@pytest.fixture
def billed(ledger: Ledger) -> tuple[Books, UUID, UUID]:
    """A line with one assessment of 1,000,000 won, 600,000 billed, 100,000 collected."""
    books = Books(ledger).ready()
    line_id = open_line(books)
    assessment_id = assess(books, line_id, 1_000_000)
    books.run(BillRevenue, assessment_id=assessment_id, amount=600_000)
    books.run(CollectRevenue, assessment_id=assessment_id, amount=100_000)
    return books, line_id, assessment_id


def test_a_bill_beyond_the_assessment_is_refused(billed: tuple[Books, UUID, UUID]) -> None:
    # given
    books, line_id, assessment_id = billed

    # when
    error = refused(books, BillRevenue, assessment_id=assessment_id, amount=400_001)

    # then
    assert error.code == "billing-exceeds-assessed"
    assert error.numbers == {
        "requested": 400_001,
        "assessed": 1_000_000,
        "billed": 600_000,
        "available": 400_000,
    }
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 100_000, 0, 0)


def test_a_collection_beyond_the_bill_is_refused_without_the_flag(billed: tuple[Books, UUID, UUID]) -> None:
    # given
    books, line_id, assessment_id = billed

    # when
    error = refused(books, CollectRevenue, assessment_id=assessment_id, amount=500_001)

    # then
    assert error.code == "collection-exceeds-billed"
    assert error.numbers == {
        "requested": 500_001,
        "billed": 600_000,
        "collected": 100_000,
        "available": 500_000,
    }
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 100_000, 0, 0)


def test_a_refund_beyond_the_overpayment_is_refused(billed: tuple[Books, UUID, UUID]) -> None:
    # given
    books, line_id, assessment_id = billed
    books.run(CollectRevenue, assessment_id=assessment_id, amount=510_000, allow_overpayment=True)

    # when
    error = refused(books, RefundOverpayment, assessment_id=assessment_id, amount=10_001, reason="환급")

    # then
    assert error.code == "refund-exceeds-overpayment"
    assert error.numbers == {"requested": 10_001, "overpaid": 10_000, "refunded": 0, "available": 10_000}
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 600_000, 10_000, 0)


def test_a_reduction_below_the_bill_is_refused(billed: tuple[Books, UUID, UUID]) -> None:
    # given
    books, line_id, assessment_id = billed

    # when
    error = refused(books, ReduceAssessment, assessment_id=assessment_id, amount=400_001, reason="감액")

    # then
    assert error.code == "reduction-exceeds-unbilled"
    assert error.numbers == {
        "requested": 400_001,
        "assessed": 1_000_000,
        "billed": 600_000,
        "available": 400_000,
    }
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 100_000, 0, 0)


@pytest.mark.parametrize(
    ("cls", "fields", "expected"),
    [
        (BillRevenue, {"amount": 0}, "invalid-amount"),
        (CollectRevenue, {"amount": -1}, "invalid-amount"),
        (ReduceAssessment, {"amount": 1, "reason": " "}, "reason-required"),
        (RefundOverpayment, {"amount": 1, "reason": ""}, "reason-required"),
        (BillRevenue, {"amount": 1, "expected_version": 1}, "version-conflict"),
    ],
    ids=["zero bill", "negative collection", "reduction without reason", "refund without reason", "stale"],
)
def test_malformed_assessment_commands_are_refused(
    billed: tuple[Books, UUID, UUID], cls: type[Any], fields: dict[str, Any], expected: str
) -> None:
    # given
    books, line_id, assessment_id = billed

    # when
    error = refused(books, cls, assessment_id=assessment_id, **fields)

    # then
    assert error.code == expected
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 100_000, 0, 0)


def test_a_command_naming_the_current_version_is_accepted(billed: tuple[Books, UUID, UUID]) -> None:
    # given
    books, _, assessment_id = billed
    version = books.get(assessment_id).version

    # when
    result = books.run(BillRevenue, assessment_id=assessment_id, amount=1, expected_version=version)

    # then
    assert result.version == version + 1
    with pytest.raises(VersionConflict):
        books.run(BillRevenue, assessment_id=assessment_id, amount=1, expected_version=version)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"amount": 0}, "invalid-amount"),
        ({"payer": "  "}, "invalid-input"),
        ({"due_date": date(2026, 3, 1)}, "invalid-input"),
        ({"line_id": uuid.uuid4()}, "not-found"),
    ],
    ids=["zero amount", "no payer", "due before the assessment", "no such line"],
)
def test_a_bad_assessment_is_refused(ledger: Ledger, fields: dict[str, Any], expected: str) -> None:
    # given
    books = Books(ledger).ready()
    line_id = open_line(books)
    command: dict[str, Any] = {
        "line_id": line_id,
        "payer": "(주)한빛상사",
        "payer_kind": PayerKind.BUSINESS,
        "amount": 1_000,
        "due_date": DUE,
        "on": ON,
    }

    # when
    error = refused(books, AssessRevenue, **(command | fields))

    # then
    assert error.code == expected
    assert totals(books.get(line_id)) == (0, 0, 0, 0, 0)


def test_an_assessment_of_another_years_line_is_refused(ledger: Ledger) -> None:
    # given
    books = Books(ledger).ready()
    books.open_year(2027)
    line_id = open_line(books)

    # when
    error = refused(
        books,
        AssessRevenue,
        line_id=line_id,
        payer="(주)한빛상사",
        payer_kind=PayerKind.BUSINESS,
        amount=1_000,
        due_date=date(2027, 4, 30),
        year=2027,
        on=date(2027, 3, 2),
    )

    # then
    assert error.code == "wrong-organisation"


@pytest.mark.parametrize(
    "fields",
    [{"amount": 1.5}, {"amount": "1000"}, {"amount": True}, {"allow_overpayment": "yes"}],
    ids=["float", "string", "bool", "flag as text"],
)
def test_a_collection_message_takes_whole_won_and_a_real_flag(fields: dict[str, Any]) -> None:
    # given
    message: dict[str, Any] = {
        "command_id": uuid.uuid4(),
        "org": SEOUL,
        "fiscal_year": 2026,
        "accounting_date": ON,
        "actor": "clerk-kim",
        "assessment_id": uuid.uuid4(),
        "amount": 1_000,
    }

    # when / then
    with pytest.raises(ValidationError):
        CollectRevenue(**(message | fields))


# --- a closed year ------------------------------------------------------------------------------


def test_a_closed_year_refuses_every_revenue_command(ledger: Ledger) -> None:
    # given: an assessment with something left to bill, collect and refund, then the year closed
    books = Books(ledger).ready()
    line_id = open_line(books)
    assessment_id = assess(books, line_id, 1_000_000)
    books.run(BillRevenue, assessment_id=assessment_id, amount=500_000)
    books.run(CollectRevenue, assessment_id=assessment_id, amount=505_000, allow_overpayment=True)
    books.run(BillRevenue, assessment_id=assessment_id, amount=100_000)
    before = totals(books.get(line_id))
    books.run(CloseFiscalYear, on=date(2026, 12, 31))
    assert books.get(line_id).closed is True

    commands: list[tuple[type[Any], dict[str, Any]]] = [
        (OpenRevenueLine, {"revenue_code": ACQUISITION_TAX, "title": "취득세", "estimate": 1_000}),
        (
            AssessRevenue,
            {
                "line_id": line_id,
                "payer": "(주)한빛상사",
                "payer_kind": "business",
                "amount": 1_000,
                "due_date": DUE,
            },
        ),
        (ReduceAssessment, {"assessment_id": assessment_id, "amount": 1_000, "reason": "감액"}),
        (BillRevenue, {"assessment_id": assessment_id, "amount": 1_000}),
        (CollectRevenue, {"assessment_id": assessment_id, "amount": 1_000}),
        (CollectRevenue, {"assessment_id": assessment_id, "amount": 1_000, "allow_overpayment": True}),
        (RefundOverpayment, {"assessment_id": assessment_id, "amount": 1_000, "reason": "환급"}),
    ]
    for cls, fields in commands:
        # when
        error = refused(books, cls, on=date(2026, 12, 31), **fields)

        # then
        assert error.code == "year-closed", cls.__name__
    assert totals(books.get(line_id)) == before


# --- idempotency --------------------------------------------------------------------------------


def test_a_retried_collection_returns_the_first_result_and_collects_once(
    billed: tuple[Books, UUID, UUID],
) -> None:
    # given
    books, line_id, assessment_id = billed
    command = books.command(CollectRevenue, assessment_id=assessment_id, amount=200_000)
    first = books.ledger.handle(command)
    size = books.log_size()

    # when
    again = books.ledger.handle(command)

    # then
    assert again.replayed is True
    assert first.replayed is False
    assert (again.aggregate_id, again.version, again.position) == (
        first.aggregate_id,
        first.version,
        first.position,
    )
    assert books.log_size() == size
    assert totals(books.get(assessment_id)) == (1_000_000, 600_000, 300_000, 0, 0)
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 300_000, 0, 0)


def test_a_retried_collection_that_would_now_be_refused_returns_the_first_result(
    billed: tuple[Books, UUID, UUID],
) -> None:
    # given: the first attempt collected all that was receivable
    books, line_id, assessment_id = billed
    command = books.command(CollectRevenue, assessment_id=assessment_id, amount=500_000)
    first = books.ledger.handle(command)
    size = books.log_size()

    # when
    again = books.ledger.handle(command)

    # then
    assert again.replayed is True
    assert again.position == first.position
    assert books.log_size() == size
    assert totals(books.get(line_id)) == (1_000_000, 600_000, 600_000, 0, 0)


def test_a_retried_assessment_creates_one_assessment(ledger: Ledger) -> None:
    # given
    books = Books(ledger).ready()
    line_id = open_line(books)
    command = books.command(
        AssessRevenue,
        line_id=line_id,
        payer="(주)한빛상사",
        payer_kind=PayerKind.BUSINESS,
        amount=1_000,
        due_date=DUE,
        on=ON,
    )
    first = books.ledger.handle(command)

    # when
    again = books.ledger.handle(command)

    # then
    assert again.replayed is True
    assert again.aggregate_id == first.aggregate_id == Assessment.id_for(command.command_id)
    assert totals(books.get(line_id)) == (1_000, 0, 0, 0, 0)
