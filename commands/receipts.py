"""Command receipts: the idempotency record of every accepted command.

A receipt is an aggregate whose id derives from the command id, saved in the same transaction as
the command's events. A second attempt with the same command id (a retry, also a concurrent one)
collides on the receipt's id, writes nothing, and is answered from the first receipt. The receipt
keeps a fingerprint of the command, so reusing an id for a different command is refused.
"""

from __future__ import annotations

from uuid import UUID

from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id


class CommandReceipt(LedgerAggregate):
    command_type: str
    fingerprint: str
    aggregate_id: UUID
    aggregate_version: int

    class Accepted(LedgerAggregate.Created):
        command_type: str
        fingerprint: str
        aggregate_id: UUID
        aggregate_version: int

        def apply(self, receipt: CommandReceipt) -> None:
            receipt.command_type, receipt.fingerprint = self.command_type, self.fingerprint
            receipt.aggregate_id = self.aggregate_id
            receipt.aggregate_version = self.aggregate_version

    @staticmethod
    def id_for(command_id: UUID) -> UUID:
        return ledger_id("command", command_id)

    @classmethod
    def accept(
        cls, ctx: Context, command_type: str, fingerprint: str, aggregate_id: UUID, aggregate_version: int
    ) -> CommandReceipt:
        return cls.start(
            cls.Accepted,
            ctx,
            cls.id_for(ctx.command_id),
            command_type=command_type,
            fingerprint=fingerprint,
            aggregate_id=aggregate_id,
            aggregate_version=aggregate_version,
        )
