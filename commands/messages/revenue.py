"""Commands of revenue (세입): revenue lines, assessments, bills, collections and refunds."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import StrictBool

from commands.messages.base import CodeText, Command, LineTitle, Payer, Reason, Versioned, Won
from domain.revenue import PayerKind


class OpenRevenueLine(Command):
    """세입예산 편성: open a revenue line (장-관-항-목) with its budgeted estimate (세입예산액)."""

    revenue_code: CodeText
    title: LineTitle
    estimate: Won


class AssessRevenue(Command, Versioned):
    """조정/부과 on a revenue line; ``expected_version`` is the line's."""

    line_id: UUID
    payer: Payer
    payer_kind: PayerKind
    amount: Won
    due_date: date


class ReduceAssessment(Command, Versioned):
    """감액 of what is not yet billed; reducing all of it is a cancellation (부과취소)."""

    assessment_id: UUID
    amount: Won
    reason: Reason


class BillRevenue(Command, Versioned):
    """징수결정 and 납입고지 of (part of) an assessment."""

    assessment_id: UUID
    amount: Won


class CollectRevenue(Command, Versioned):
    """수납. Money beyond what is billed is refused unless ``allow_overpayment`` records it as
    과오납, to be refunded."""

    assessment_id: UUID
    amount: Won
    allow_overpayment: StrictBool = False


class RefundOverpayment(Command, Versioned):
    """과오납 환급."""

    assessment_id: UUID
    amount: Won
    reason: Reason
