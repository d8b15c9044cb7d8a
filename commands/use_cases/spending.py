"""Use cases of requisitions (품의) and obligations (지출원인행위)."""

from __future__ import annotations

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.spending import (
    AmendObligation,
    ApproveRequisition,
    CancelObligation,
    DraftRequisition,
    Obligate,
    RejectRequisition,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.obligation import Obligation
from domain.requisition import Requisition
from domain.vendor import Vendor


class SpendingUseCases(UseCases):
    def draft_requisition(self, command: DraftRequisition) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            line = uow.get(BudgetLine, command.line_id, "budget line")
            requisition = Requisition.draft(ctx, line, command.title, command.amount)
            uow.add(requisition)
            return requisition

        return self._execute(command, use_case)

    def approve_requisition(self, command: ApproveRequisition) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            requisition = uow.target(Requisition, command.requisition_id, "requisition")
            requisition.approve(ctx)
            return requisition

        return self._execute(command, use_case)

    def reject_requisition(self, command: RejectRequisition) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            requisition = uow.target(Requisition, command.requisition_id, "requisition")
            requisition.reject(ctx, command.reason)
            return requisition

        return self._execute(command, use_case)

    def obligate(self, command: Obligate) -> CommandResult:
        """Obligate against a line: line and new obligation (and requisition) in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            line = uow.target(BudgetLine, command.line_id, "budget line")
            requisition = (
                uow.get(Requisition, command.requisition_id, "requisition")
                if command.requisition_id
                else None
            )
            vendor = uow.get(Vendor, command.vendor_id, "vendor") if command.vendor_id else None
            obligation = Obligation.create(
                ctx, line, command.amount, command.description, requisition, vendor
            )
            uow.add(obligation)
            return obligation

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def amend_obligation(self, command: AmendObligation) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            obligation = uow.target(Obligation, command.obligation_id, "obligation")
            line = uow.get(BudgetLine, obligation.line_id, "budget line")
            requisition = (
                uow.get(Requisition, obligation.requisition_id) if obligation.requisition_id else None
            )
            obligation.amend(ctx, line, command.new_amount, command.reason, requisition)
            return obligation

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def cancel_obligation(self, command: CancelObligation) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            obligation = uow.target(Obligation, command.obligation_id, "obligation")
            line = uow.get(BudgetLine, obligation.line_id, "budget line")
            requisition = (
                uow.get(Requisition, obligation.requisition_id) if obligation.requisition_id else None
            )
            obligation.cancel(ctx, line, command.reason, requisition)
            return obligation

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)
