"""Use cases of revenue (세입)."""

from __future__ import annotations

from commands.core import UseCases


class RevenueUseCases(UseCases):
    pass
