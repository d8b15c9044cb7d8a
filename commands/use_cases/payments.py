"""Use cases of vouchers (지출결의), payment orders (지급명령), payments (지급) and returns (반납)."""

from __future__ import annotations

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.payments import (
    ApproveVoucher,
    DraftVoucher,
    IssuePaymentOrder,
    Pay,
    RejectVoucher,
    ReturnPayment,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.contract import Contract
from domain.obligation import Obligation
from domain.vendor import Vendor
from domain.voucher import Voucher


class PaymentUseCases(UseCases):
    def draft_voucher(self, command: DraftVoucher) -> CommandResult:
        """Draft against an obligation (and contract): voucher, obligation, contract in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            obligation = uow.get(Obligation, command.obligation_id, "obligation")
            contract = uow.get(Contract, command.contract_id, "contract") if command.contract_id else None
            payee = uow.get(Vendor, command.payee_id, "vendor") if command.payee_id else None
            voucher = Voucher.draft(ctx, obligation, command.amount, command.description, contract, payee)
            uow.add(voucher)
            return voucher

        return self._execute(command, use_case)

    def approve_voucher(self, command: ApproveVoucher) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            voucher = uow.target(Voucher, command.voucher_id, "voucher")
            voucher.approve(ctx)
            return voucher

        return self._execute(command, use_case)

    def reject_voucher(self, command: RejectVoucher) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            voucher = uow.target(Voucher, command.voucher_id, "voucher")
            obligation = uow.get(Obligation, voucher.obligation_id, "obligation")
            contract = uow.get(Contract, voucher.contract_id, "contract") if voucher.contract_id else None
            voucher.reject(ctx, command.reason, obligation, contract)
            return voucher

        return self._execute(command, use_case)

    def issue_payment_order(self, command: IssuePaymentOrder) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            voucher = uow.target(Voucher, command.voucher_id, "voucher")
            voucher.issue_order(ctx, command.amount)
            return voucher

        return self._execute(command, use_case)

    def pay(self, command: Pay) -> CommandResult:
        """Pay against an order: voucher and budget line in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            voucher = uow.target(Voucher, command.voucher_id, "voucher")
            line = uow.get(BudgetLine, voucher.line_id, "budget line")
            voucher.pay(ctx, line, command.order_id, command.amount, command.withheld)
            return voucher

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def return_payment(self, command: ReturnPayment) -> CommandResult:
        """Return (part of) a payment: voucher, budget line and obligation in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            voucher = uow.target(Voucher, command.voucher_id, "voucher")
            line = uow.get(BudgetLine, voucher.line_id, "budget line")
            obligation = uow.get(Obligation, voucher.obligation_id, "obligation")
            voucher.return_payment(ctx, line, obligation, command.payment_id, command.amount, command.reason)
            return voucher

        # The budget line it saves refuses a closed year itself (and conflicts with a close).
        return self._execute(command, use_case, requires_open_year=False)
