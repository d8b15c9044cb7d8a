"""Use cases of organisations, fiscal years and budget lines."""

from __future__ import annotations

from datetime import date

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.budget import (
    Allocate,
    AmendBudget,
    Appropriate,
    CarryOver,
    CloseFiscalYear,
    GrantContingency,
    OpenFiscalYear,
    PullAllocationForward,
    RecordPopulation,
    RegisterOrganisation,
    TransferBudget,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine, CarryOverKind
from domain.codes import BudgetCode
from domain.errors import InvalidInput, WrongOrganisation
from domain.obligation import Obligation
from domain.organisation import FiscalYear, Organisation, refuse_existing, require_year
from domain.revenue import RevenueLine


class BudgetUseCases(UseCases):
    def register_organisation(self, command: RegisterOrganisation) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            refuse_existing("organisation", uow.find(Organisation, Organisation.id_for(ctx.org)), ctx.org)
            organisation = Organisation.register(ctx, command.name, command.kind)
            uow.add(organisation)
            return organisation

        return self._execute(command, use_case, requires_open_year=False)

    def record_population(self, command: RecordPopulation) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            organisation = uow.target(Organisation, Organisation.id_for(ctx.org), "organisation")
            organisation.record_population(ctx, command.population, command.as_of, command.source)
            return organisation

        # A fact about the organisation, not an act of the budget's year: no open year needed.
        return self._execute(command, use_case, requires_open_year=False)

    def open_fiscal_year(self, command: OpenFiscalYear) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            fy_id = FiscalYear.id_for(ctx.org, ctx.fiscal_year)
            refuse_existing("fiscal year", uow.find(FiscalYear, fy_id), str(ctx.fiscal_year))
            organisation = uow.find(Organisation, Organisation.id_for(ctx.org))
            fiscal_year = FiscalYear.open(ctx, organisation)
            uow.add(fiscal_year)
            return fiscal_year

        return self._execute(command, use_case, requires_open_year=False)

    def close_fiscal_year(self, command: CloseFiscalYear) -> CommandResult:
        """Close every budget and revenue line of the year and the year itself, atomically."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            fy_id = FiscalYear.id_for(ctx.org, ctx.fiscal_year)
            fiscal_year = uow.target(FiscalYear, fy_id, "fiscal year")
            lapsed_total = 0
            for event in uow.history(fy_id):
                if isinstance(event, FiscalYear.BudgetLineAdded):
                    lapsed_total += uow.get(BudgetLine, event.line_id).close(ctx)
                elif isinstance(event, FiscalYear.RevenueLineAdded):
                    uow.get(RevenueLine, event.line_id).close(ctx)
            fiscal_year.close(ctx, lapsed_total)
            return fiscal_year

        return self._execute(command, use_case)

    def appropriate(self, command: Appropriate) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            code = BudgetCode.parse(command.budget_code, ctx.fiscal_year)
            line_id = BudgetLine.id_for(ctx.org, ctx.fiscal_year, code)
            refuse_existing("budget line", uow.find(BudgetLine, line_id), str(code))
            fiscal_year = uow.get(FiscalYear, FiscalYear.id_for(ctx.org, ctx.fiscal_year))
            line = BudgetLine.open(ctx, code, command.title)
            line.appropriate(ctx, command.amount)
            fiscal_year.add_budget_line(ctx, line.id)
            uow.add(line)
            return line

        return self._execute(command, use_case)

    def amend_budget(self, command: AmendBudget) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            line = uow.target(BudgetLine, command.line_id, "budget line")
            line.amend(ctx, command.change, command.reference)
            return line

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def transfer_budget(self, command: TransferBudget) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            source = uow.target(BudgetLine, command.from_line_id, "budget line")
            target = uow.get(BudgetLine, command.to_line_id, "budget line")
            source.transfer_to(ctx, target, command.amount, command.kind, command.reason)
            return source

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def grant_contingency(self, command: GrantContingency) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            reserve = uow.get(BudgetLine, command.reserve_line_id, "budget line")
            target = uow.target(BudgetLine, command.to_line_id, "budget line")
            reserve.grant_contingency(ctx, target, command.amount, command.reason)
            return target

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def allocate(self, command: Allocate) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            line = uow.target(BudgetLine, command.line_id, "budget line")
            line.allocate(ctx, command.quarter, command.amount)
            return line

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def pull_allocation_forward(self, command: PullAllocationForward) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            line = uow.target(BudgetLine, command.line_id, "budget line")
            line.pull_forward(ctx, command.from_quarter, command.to_quarter, command.amount)
            return line

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def carry_over(self, command: CarryOver) -> CommandResult:
        """이월: the source line of this year and the same code next year, in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            source = uow.target(BudgetLine, command.line_id, "budget line")
            if (source.org, source.fiscal_year) != (ctx.org, ctx.fiscal_year):
                raise WrongOrganisation("the line belongs to another organisation or year")
            next_year = ctx.fiscal_year + 1
            next_ctx = Context(ctx.org, next_year, date(next_year, 1, 1), ctx.actor, ctx.command_id)
            next_fy = require_year(
                uow.find(FiscalYear, FiscalYear.id_for(ctx.org, next_year)), ctx.org, next_year
            )
            next_fy.check_open()
            target = uow.find(BudgetLine, BudgetLine.id_for(ctx.org, next_year, source.code))
            if target is None:
                target = BudgetLine.open(next_ctx, source.code, source.title)
                next_fy.add_budget_line(next_ctx, target.id)
                uow.add(target)
            obligation = None
            if command.kind is CarryOverKind.ACCIDENT:
                if command.obligation_id is None:
                    raise InvalidInput("an accident carry-over (사고이월) names its obligation")
                obligation = uow.get(Obligation, command.obligation_id, "obligation")
                if obligation.org != ctx.org:
                    # Refused as another organisation's before anything is said of its state.
                    raise WrongOrganisation("the obligation belongs to another organisation")
                obligation.check_carriable()
                if obligation.line_id != source.id:
                    raise WrongOrganisation("the obligation does not draw on this line")
            source.carry_over(
                ctx,
                target,
                next_ctx,
                command.amount,
                command.kind,
                obligation_id=command.obligation_id,
                obligation_remaining=obligation.remaining if obligation else None,
            )
            if obligation is not None:
                obligation.carry_over(ctx, target, command.amount)
            return source

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)
