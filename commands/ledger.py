"""The ledger application (원장): one method per use case, over one event store.

Build it with :func:`commands.ledger.open_ledger` (or through ``cleanledger.wiring`` from
settings); call a use-case method with its command message, or :meth:`Ledger.handle` with any.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from commands.core import LedgerCore
from commands.messages.base import Command, CommandResult
from commands.persistence import StoreConfig, environment, schema_creation_lock
from commands.registry import HANDLERS
from commands.use_cases.attendance import AttendanceUseCases
from commands.use_cases.budget import BudgetUseCases
from commands.use_cases.contracts import ContractUseCases
from commands.use_cases.journal import JournalUseCases
from commands.use_cases.payments import PaymentUseCases
from commands.use_cases.payroll import PayrollUseCases
from commands.use_cases.personnel import PersonnelUseCases
from commands.use_cases.revenue import RevenueUseCases
from commands.use_cases.spending import SpendingUseCases
from commands.use_cases.vendors import VendorUseCases


class Ledger(
    BudgetUseCases,
    SpendingUseCases,
    VendorUseCases,
    ContractUseCases,
    PaymentUseCases,
    RevenueUseCases,
    JournalUseCases,
    PersonnelUseCases,
    AttendanceUseCases,
    PayrollUseCases,
    LedgerCore,
):
    """Every command of the write side."""

    def close(self) -> None:
        """Close the event store and the personal-data vault's key store with it."""
        try:
            super().close()
        finally:
            vault = self.personal_data
            close = getattr(vault, "close", None)
            if close is not None:
                close()

    def handle(self, command: Command) -> CommandResult:
        """Dispatch any command message to its use case (the registry lists them all)."""
        try:
            method_name = HANDLERS[type(command)]
        except KeyError:
            msg = f"no use case handles {type(command).__name__}"
            raise TypeError(msg) from None
        method: Callable[[Any], CommandResult] = getattr(self, method_name)
        return method(command)


def open_ledger(config: StoreConfig) -> Ledger:
    """A ledger on the store ``config`` names (tables are created if missing)."""
    with schema_creation_lock(config):
        return Ledger(env=environment(config))
