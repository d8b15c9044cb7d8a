"""Commands of requisitions (품의) and obligations (지출원인행위)."""

from __future__ import annotations

from uuid import UUID

from commands.messages.base import Command, Description, Reason, Title, Versioned, Won


class DraftRequisition(Command):
    line_id: UUID
    title: Title
    amount: Won


class ApproveRequisition(Command, Versioned):
    requisition_id: UUID


class RejectRequisition(Command, Versioned):
    requisition_id: UUID
    reason: Reason


class Obligate(Command, Versioned):
    """지출원인행위 on a budget line; ``expected_version`` is the line's."""

    line_id: UUID
    amount: Won
    description: Description
    requisition_id: UUID | None = None
    vendor_id: UUID | None = None


class AmendObligation(Command, Versioned):
    obligation_id: UUID
    new_amount: Won
    reason: Reason


class CancelObligation(Command, Versioned):
    obligation_id: UUID
    reason: Reason
