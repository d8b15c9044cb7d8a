"""Use cases of contracts (계약)."""

from __future__ import annotations

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.contracts import (
    AmendContract,
    CompleteContract,
    InspectContract,
    SignContract,
    TerminateContract,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.contract import Contract
from domain.obligation import Obligation
from domain.vendor import Vendor


class ContractUseCases(UseCases):
    def sign_contract(self, command: SignContract) -> CommandResult:
        """Sign against an obligation: obligation and new contract in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            obligation = uow.target(Obligation, command.obligation_id, "obligation")
            vendor = uow.get(Vendor, command.vendor_id, "vendor")
            contract = Contract.sign(
                ctx,
                obligation,
                vendor,
                command.amount,
                command.method,
                command.title,
                command.department,
                command.starts,
                command.ends,
                command.private_reason,
                command.private_reason_detail,
            )
            uow.add(contract)
            return contract

        return self._execute(command, use_case)

    def amend_contract(self, command: AmendContract) -> CommandResult:
        """변경계약: contract (and obligation, when the amount changes) in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            contract = uow.target(Contract, command.contract_id, "contract")
            obligation = uow.get(Obligation, contract.obligation_id, "obligation")
            contract.amend(ctx, obligation, command.reason, command.new_amount, command.new_ends)
            return contract

        return self._execute(command, use_case)

    def inspect_contract(self, command: InspectContract) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            contract = uow.target(Contract, command.contract_id, "contract")
            contract.inspect(ctx, command.inspected_amount, command.passed, command.note)
            return contract

        return self._execute(command, use_case)

    def complete_contract(self, command: CompleteContract) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            contract = uow.target(Contract, command.contract_id, "contract")
            contract.complete(ctx)
            return contract

        return self._execute(command, use_case)

    def terminate_contract(self, command: TerminateContract) -> CommandResult:
        """해지: contract and obligation (its released part) in one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            contract = uow.target(Contract, command.contract_id, "contract")
            obligation = uow.get(Obligation, contract.obligation_id, "obligation")
            contract.terminate(ctx, obligation, command.reason)
            return contract

        return self._execute(command, use_case)
