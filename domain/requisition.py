"""Requisitions (지출품의): a request to spend from a budget line, approved or rejected.

Approval comes from the groupware e-approval system (전자결재); an approved requisition may be
obligated, in one or more obligations, up to its amount.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.codes import ledger_id
from domain.errors import InvalidInput, InvalidState, WrongOrganisation
from domain.money import positive_won


class RequisitionStatus(StrEnum):
    DRAFTED = "drafted"
    APPROVED = "approved"
    REJECTED = "rejected"


class Requisition(LedgerAggregate):
    """지출품의서."""

    org: str
    fiscal_year: int
    line_id: UUID
    title: str
    amount: int
    status: RequisitionStatus
    obligated: int

    class Drafted(LedgerAggregate.Created):
        line_id: UUID
        title: str
        amount: int

        def apply(self, req: Requisition) -> None:
            req.org, req.fiscal_year, req.line_id = self.org, self.fiscal_year, self.line_id
            req.title, req.amount = self.title, self.amount
            req.status, req.obligated = RequisitionStatus.DRAFTED, 0

    class Approved(LedgerAggregate.Event):
        approver: str

        def apply(self, req: Requisition) -> None:
            req.status = RequisitionStatus.APPROVED

    class Rejected(LedgerAggregate.Event):
        reason: str

        def apply(self, req: Requisition) -> None:
            req.status = RequisitionStatus.REJECTED

    class Obligated(LedgerAggregate.Event):
        obligation_id: UUID
        amount: int

        def apply(self, req: Requisition) -> None:
            req.obligated += self.amount

    class ObligationReleased(LedgerAggregate.Event):
        obligation_id: UUID
        amount: int

        def apply(self, req: Requisition) -> None:
            req.obligated -= self.amount

    @staticmethod
    def id_for(command_id: UUID) -> UUID:
        return ledger_id("requisition", command_id)

    @classmethod
    def draft(cls, ctx: Context, line: BudgetLine, title: str, amount: int) -> Requisition:
        amount = positive_won(amount)
        if not title.strip():
            raise InvalidInput("a requisition needs a title")
        title = text.TITLE.check(title, "title")
        line._check_open_line(ctx)
        return cls.start(
            cls.Drafted, ctx, cls.id_for(ctx.command_id), line_id=line.id, title=title, amount=amount
        )

    def approve(self, ctx: Context) -> None:
        self._check_ledger(ctx)
        self._require(RequisitionStatus.DRAFTED, "approved")
        self.record(self.Approved, ctx, approver=ctx.actor)

    def reject(self, ctx: Context, reason: str) -> None:
        self._check_ledger(ctx)
        if not reason.strip():
            raise InvalidInput("a rejection gives its reason")
        reason = text.REASON.check(reason, "reason")
        self._require(RequisitionStatus.DRAFTED, "rejected")
        self.record(self.Rejected, ctx, reason=reason)

    @property
    def remaining(self) -> int:
        return self.amount - self.obligated

    def obligate(self, ctx: Context, obligation_id: UUID, amount: int) -> None:
        self._check_ledger(ctx)
        self._require(RequisitionStatus.APPROVED, "obligated")
        if amount > self.remaining:
            raise InvalidState(
                f"the requisition has {self.remaining} won left to obligate; {amount} won asked",
                requested=amount,
                requisition_amount=self.amount,
                obligated=self.obligated,
                available=self.remaining,
            )
        self.record(self.Obligated, ctx, obligation_id=obligation_id, amount=amount)

    def release(self, ctx: Context, obligation_id: UUID, amount: int) -> None:
        self.record(
            self.ObligationReleased, ctx, obligation_id=obligation_id, amount=min(amount, self.obligated)
        )

    def _require(self, status: RequisitionStatus, action: str) -> None:
        if self.status is not status:
            raise InvalidState(
                f"{text.a(self.status.value)} requisition cannot be {action}; it must be {status.value}",
                status=self.status.value,
            )

    def _check_ledger(self, ctx: Context) -> None:
        if (ctx.org, ctx.fiscal_year) != (self.org, self.fiscal_year):
            raise WrongOrganisation(
                f"requisition belongs to {self.org} {self.fiscal_year}",
                org=self.org,
                fiscal_year=self.fiscal_year,
            )
