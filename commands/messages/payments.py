"""Commands of vouchers (지출결의), payment orders (지급명령), payments (지급) and returns (반납)."""

from __future__ import annotations

from uuid import UUID

from commands.messages.base import Command, Description, Reason, Versioned, Won


class DraftVoucher(Command):
    """지출결의 against an obligation (and its contract); the payee is their vendor, or ``payee_id``."""

    obligation_id: UUID
    contract_id: UUID | None = None
    amount: Won
    description: Description
    payee_id: UUID | None = None


class ApproveVoucher(Command, Versioned):
    voucher_id: UUID


class RejectVoucher(Command, Versioned):
    voucher_id: UUID
    reason: Reason


class IssuePaymentOrder(Command, Versioned):
    """지급명령 of (part of) an approved voucher."""

    voucher_id: UUID
    amount: Won


class Pay(Command, Versioned):
    """지급 against one payment order; ``withheld`` (예수금) is part of ``amount``."""

    voucher_id: UUID
    order_id: UUID
    amount: Won
    withheld: Won = 0


class ReturnPayment(Command, Versioned):
    """반납 of (part of) one payment."""

    voucher_id: UUID
    payment_id: UUID
    amount: Won
    reason: Reason
