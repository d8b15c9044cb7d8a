"""Use cases of manual journal entries (수기 분개)."""

from __future__ import annotations

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.journal import RecordJournalEntry
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.journal import ManualJournal
from domain.organisation import FiscalYear, require_year


class JournalUseCases(UseCases):
    def record_journal_entry(self, command: RecordJournalEntry) -> CommandResult:
        """Record one balanced entry. Whether a closed year accepts it depends on its kind (only
        closing entries pass), so the entry checks its fiscal year itself, not the pipeline."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            year = require_year(
                uow.find(FiscalYear, FiscalYear.id_for(ctx.org, ctx.fiscal_year)), ctx.org, ctx.fiscal_year
            )
            journal = ManualJournal.enter(
                ctx,
                year,
                command.kind,
                [(line.account, line.debit, line.credit) for line in command.lines],
                command.memo,
            )
            uow.add(journal)
            return journal

        return self._execute(command, use_case, requires_open_year=False)
