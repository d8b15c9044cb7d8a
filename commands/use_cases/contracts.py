"""Use cases of contracts (계약)."""

from __future__ import annotations

from commands.core import UseCases


class ContractUseCases(UseCases):
    pass
