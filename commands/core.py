"""The command pipeline shared by every use case: context, idempotency, retries, one save.

A use case is a function of a :class:`UnitOfWork` and a :class:`Context` that loads aggregates,
lets the domain validate and record events, and returns the aggregate the command is about. The
pipeline around it:

1. answers a command id seen before from its receipt (same command: first result; different
   command: refused), so retries, also concurrent ones, record nothing new. The receipt is read
   only when the attempt is refused or its save collides, so a first attempt pays nothing;
2. refuses ordinary commands on a fiscal year that is not open;
3. saves every changed aggregate and the receipt in one transaction; a concurrent change to any
   of them (optimistic versions) retries the whole use case on fresh state, unless the command
   named the version it expected, which then is a conflict.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, ClassVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.persistence import IntegrityError, Recording

from commands.errors import CommandIdReused, TooMuchContention
from commands.messages.base import Command, CommandResult
from commands.persistence import position_of
from commands.receipts import CommandReceipt
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.errors import DomainError
from domain.organisation import FiscalYear, require_year

UseCase = Callable[[UnitOfWork, Context], LedgerAggregate]


class UseCases:
    """Base of the use-case mixins; :class:`LedgerCore` supplies the pipeline."""

    def _execute(
        self, command: Command, use_case: UseCase, *, requires_open_year: bool = True
    ) -> CommandResult:
        raise NotImplementedError


class LedgerCore(UseCases, Application[UUID]):
    """The eventsourcing application behind every command of the ledger."""

    name = "Ledger"
    #: No snapshots: a snapshot is a stored state no chained event vouches for, so a forged row
    #: would let a command break an invariant unseen; checking one costs the replay it saves
    #: (docs/tamper-evidence.md, "Snapshots"). Aggregates are folded from their events, and the
    #: repository's cache keeps warm loads free.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {}
    max_attempts = 60
    #: Held around each save. On SQLite the process's in-process projections share it, so the
    #: file's writers take turns here rather than each waiting on the database lock while
    #: holding one of the store's pool connections (which deadlocks until a timeout).
    write_lock: AbstractContextManager[Any] = nullcontext()

    def _execute(
        self, command: Command, use_case: UseCase, *, requires_open_year: bool = True
    ) -> CommandResult:
        ctx = command.context()
        receipt_id = CommandReceipt.id_for(command.command_id)
        fingerprint = command.fingerprint()
        expected_version: int | None = getattr(command, "expected_version", None)
        for attempt in range(self.max_attempts):
            uow = UnitOfWork(self.repository, expected_version, ctx.org)
            try:
                if requires_open_year:
                    fiscal_year = uow.find(FiscalYear, FiscalYear.id_for(ctx.org, ctx.fiscal_year))
                    require_year(fiscal_year, ctx.org, ctx.fiscal_year).check_open(
                        closing_entry=command.closing_entry
                    )
                subject = use_case(uow, ctx)
            except DomainError:
                # A retry of a command that succeeded may now be refused (its budget is taken,
                # its aggregate exists): answer it from its receipt. Looking only here keeps the
                # first attempt free of the extra read.
                earlier = self._earlier_result(receipt_id, fingerprint)
                if earlier is not None:
                    return self._with_parent(earlier, uow, command)
                raise
            receipt = CommandReceipt.accept(
                ctx, type(command).__name__, fingerprint, subject.id, subject.version
            )
            try:
                recordings = self.save(*uow.changed(), receipt, read_set=uow.read_set())
            except IntegrityError:
                # Someone saved one of our aggregates first, or moved one we decided on (a year
                # closed, a vendor debarred), or this very command did: try again on fresh state.
                earlier = self._earlier_result(receipt_id, fingerprint)
                if earlier is not None:
                    return self._with_parent(earlier, uow, command)
                self._back_off(attempt)
                continue
            parent = uow.targeted if uow.targeted is not None and uow.targeted.id != subject.id else None
            return CommandResult(
                aggregate_id=subject.id,
                version=subject.version,
                position=recordings[-1].notification.id,
                parent_id=parent.id if parent is not None else None,
                parent_version=parent.version if parent is not None else None,
            )
        raise TooMuchContention(
            f"gave up after {self.max_attempts} attempts on concurrent changes",
            attempts=self.max_attempts,
        )

    def save(self, *objs: Any, **kwargs: Any) -> list[Recording[UUID]]:
        """Save aggregates' pending events in one transaction.

        The same steps as ``Application.save``, without its per-object checks against runtime
        Protocols, which cost more than the rest of the call on Python 3.11; every object saved
        here is a ledger aggregate.
        """
        processing_event: ProcessingEvent[UUID] = ProcessingEvent()
        for aggregate in objs:
            processing_event.events.extend(aggregate.collect_events())
            processing_event.aggregates[aggregate.id] = aggregate
        processing_event.saved_kwargs.update(kwargs)
        with self.write_lock:
            recordings = self._record(processing_event)
        self._notify(recordings)
        return recordings

    def _with_parent(self, earlier: CommandResult, uow: UnitOfWork, command: Command) -> CommandResult:
        """A stored result, with the version its command left the parent at (the receipt keeps
        the created aggregate's only): the parent's last event the command recorded."""
        parent = uow.targeted
        if parent is None or parent.id == earlier.aggregate_id:
            return earlier
        versions = [
            event.originator_version
            for event in self.repository.event_store.get(parent.id)
            if getattr(event, "command_id", None) == command.command_id
        ]
        if not versions:
            return earlier
        return earlier.model_copy(update={"parent_id": parent.id, "parent_version": max(versions)})

    def _earlier_result(self, receipt_id: UUID, fingerprint: str) -> CommandResult | None:
        try:
            receipt: CommandReceipt = self.repository.get(receipt_id)
        except AggregateNotFoundError:
            return None
        assert isinstance(receipt, CommandReceipt)
        if receipt.fingerprint != fingerprint:
            raise CommandIdReused(
                f"command id was used before for a different {receipt.command_type} command",
                command_type=receipt.command_type,
            )
        position = position_of(self.recorder, receipt_id, receipt.version)
        assert position is not None
        return CommandResult(
            aggregate_id=receipt.aggregate_id,
            version=receipt.aggregate_version,
            position=position,
            replayed=True,
        )

    @staticmethod
    def _back_off(attempt: int) -> None:
        # Jittered, growing pauses let one contender win instead of all retrying in lock-step.
        time.sleep(random.uniform(0, 0.002 * min(attempt + 1, 10)))
