"""Commands of manual journal entries (수기 분개): opening balances, depreciation, accruals, closing."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from commands.messages.base import Command, Memo, Won
from domain.journal import JournalKind


class JournalLineInput(BaseModel):
    """One line: ``debit`` or ``credit`` won on ``account`` (a code of the chart, e.g. 1110)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    account: Annotated[str, Field(max_length=10)]
    debit: Won = 0
    credit: Won = 0


class RecordJournalEntry(Command):
    """분개 by hand. A closing entry (``kind`` closing) is accepted on a closed year; others are not.

    The entry must balance (Σ debit = Σ credit) and name accounts of the chart; the domain judges
    both, and the number of lines, so its refusals carry their codes.
    """

    kind: JournalKind
    lines: Annotated[tuple[JournalLineInput, ...], Field(max_length=1000)]
    memo: Memo
