"""Use cases of vouchers (지출결의), payment orders (지급명령), payments (지급) and returns (반납)."""

from __future__ import annotations

from commands.core import UseCases


class PaymentUseCases(UseCases):
    pass
