"""Use cases of revenue (세입): revenue lines and the lifecycle of an assessment.

Every assessment command saves the assessment and its revenue line together, so the line's
totals never drift from its assessments; the line refuses a closed year itself (and conflicts
with a close saved at the same moment), so those commands skip the pipeline's year check.
"""

from __future__ import annotations

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.revenue import (
    AssessRevenue,
    BillRevenue,
    CollectRevenue,
    OpenRevenueLine,
    ReduceAssessment,
    RefundOverpayment,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.codes import revenue_code
from domain.organisation import FiscalYear, refuse_existing
from domain.revenue import Assessment, RevenueLine


class RevenueUseCases(UseCases):
    def open_revenue_line(self, command: OpenRevenueLine) -> CommandResult:
        """Open a revenue line and add it to its fiscal year, in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            code = revenue_code(command.revenue_code)
            line_id = RevenueLine.id_for(ctx.org, ctx.fiscal_year, code)
            refuse_existing("revenue line", uow.find(RevenueLine, line_id), code)
            fiscal_year = uow.get(FiscalYear, FiscalYear.id_for(ctx.org, ctx.fiscal_year))
            line = RevenueLine.open(ctx, code, command.title, command.estimate)
            fiscal_year.add_revenue_line(ctx, line.id)
            uow.add(line)
            return line

        return self._execute(command, use_case)

    def assess_revenue(self, command: AssessRevenue) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            line = uow.target(RevenueLine, command.line_id, "revenue line")
            assessment = Assessment.assess(
                ctx, line, command.payer, command.payer_kind, command.amount, command.due_date
            )
            uow.add(assessment)
            return assessment

        return self._execute(command, use_case, requires_open_year=False)

    def reduce_assessment(self, command: ReduceAssessment) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            assessment = uow.target(Assessment, command.assessment_id, "assessment")
            line = uow.get(RevenueLine, assessment.line_id, "revenue line")
            assessment.reduce(ctx, line, command.amount, command.reason)
            return assessment

        return self._execute(command, use_case, requires_open_year=False)

    def bill_revenue(self, command: BillRevenue) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            assessment = uow.target(Assessment, command.assessment_id, "assessment")
            line = uow.get(RevenueLine, assessment.line_id, "revenue line")
            assessment.bill(ctx, line, command.amount)
            return assessment

        return self._execute(command, use_case, requires_open_year=False)

    def collect_revenue(self, command: CollectRevenue) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            assessment = uow.target(Assessment, command.assessment_id, "assessment")
            line = uow.get(RevenueLine, assessment.line_id, "revenue line")
            assessment.collect(ctx, line, command.amount, command.allow_overpayment)
            return assessment

        return self._execute(command, use_case, requires_open_year=False)

    def refund_overpayment(self, command: RefundOverpayment) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            assessment = uow.target(Assessment, command.assessment_id, "assessment")
            line = uow.get(RevenueLine, assessment.line_id, "revenue line")
            assessment.refund_overpayment(ctx, line, command.amount, command.reason)
            return assessment

        return self._execute(command, use_case, requires_open_year=False)
