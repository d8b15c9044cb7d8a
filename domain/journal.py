"""Journal entries (분개): the value every posting is, and manual entries (수기 분개) as an aggregate.

A :class:`JournalEntry` is two or more :class:`JournalLine` s on accounts of the chart
(``domain.reference.chart_of_accounts``), each line either a debit or a credit, and it balances:
Σ debit = Σ credit, in whole won. Budget events post entries by rule (``domain.posting_rules``);
the entries no event implies are recorded by hand as a :class:`ManualJournal`: opening balances
(개시), depreciation (감가상각), accruals (발생주의 조정), other adjustments (수정분개) and year-end
closing (결산 마감분개). Only closing entries are accepted once the fiscal year is closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import InvalidAmount, InvalidInput, UnbalancedEntry, UnknownCode, WrongOrganisation
from domain.money import MAX_WON, checked_sum, non_negative_won
from domain.organisation import FiscalYear
from domain.reference.chart_of_accounts import CHART

#: A memo (적요) fits the general ledger's posting row (domain.text.MEMO).
MEMO_MAX_LENGTH = text.MEMO.max_length


@dataclass(frozen=True, slots=True)
class JournalLine:
    """One line of a journal entry: ``debit`` or ``credit`` won on ``account`` (the other is 0).

    The amounts are checked here; the account against the chart where an entry is made (an
    account retired from the chart later must not stop old events from being read back).
    """

    account: str
    debit: int = 0
    credit: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.account, str) or not self.account:
            raise InvalidInput(f"a journal line names its account, got {self.account!r}")
        debit, credit = self.debit, self.credit
        # Every posting of every event passes here: check the common case directly, and let
        # money's checks name the refusal otherwise.
        if not (
            type(debit) is int and type(credit) is int and 0 <= debit <= MAX_WON and 0 <= credit <= MAX_WON
        ):
            debit = non_negative_won(debit, field="debit")
            credit = non_negative_won(credit, field="credit")
        if (debit > 0) == (credit > 0):
            raise InvalidAmount(
                f"a journal line on account {self.account} is either a debit or a credit, "
                f"greater than zero; got debit {debit} and credit {credit}",
                account=self.account,
                debit=debit,
                credit=credit,
            )


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """A balanced journal entry (Σ debit = Σ credit) of at least two lines on known accounts."""

    lines: tuple[JournalLine, ...]
    memo: str = ""

    def __post_init__(self) -> None:
        if len(self.lines) < 2:
            raise InvalidInput(
                f"a journal entry has at least two lines, got {len(self.lines)}", lines=len(self.lines)
            )
        for number, line in enumerate(self.lines, start=1):
            if line.account not in CHART:
                raise UnknownCode(
                    f"line {number}: account {line.account!r} is not in the chart of accounts",
                    account=line.account,
                    line=number,
                )
        debit_total = checked_sum(*(line.debit for line in self.lines), field="debit_total")
        credit_total = checked_sum(*(line.credit for line in self.lines), field="credit_total")
        if debit_total != credit_total:
            raise UnbalancedEntry(
                f"the entry does not balance: {debit_total} won debited, {credit_total} won credited",
                debit_total=debit_total,
                credit_total=credit_total,
                difference=debit_total - credit_total,
            )

    @property
    def total(self) -> int:
        """Σ debit (= Σ credit)."""
        return sum(line.debit for line in self.lines)


class JournalKind(StrEnum):
    """개시 opening balances, 감가상각 depreciation, 발생 accrual, 수정 adjustment, 마감 closing."""

    OPENING = "opening"
    DEPRECIATION = "depreciation"
    ACCRUAL = "accrual"
    ADJUSTMENT = "adjustment"
    CLOSING = "closing"


def to_journal_kind(value: str) -> JournalKind:
    try:
        return JournalKind(value)
    except ValueError:
        kinds = ", ".join(kind.value for kind in JournalKind)
        raise InvalidInput(f"journal kind must be one of {kinds}, got {value!r}") from None


class ManualJournal(LedgerAggregate):
    """수기 분개: one journal entry recorded by hand, of an organisation's fiscal year."""

    org: str
    fiscal_year: int
    kind: JournalKind
    lines: tuple[JournalLine, ...]
    memo: str

    class Recorded(LedgerAggregate.Created):
        kind: JournalKind
        lines: tuple[JournalLine, ...]
        memo: str

        def apply(self, journal: ManualJournal) -> None:
            journal.org, journal.fiscal_year = self.org, self.fiscal_year
            journal.kind, journal.lines, journal.memo = self.kind, self.lines, self.memo

    @staticmethod
    def id_for(command_id: UUID) -> UUID:
        return ledger_id("journal", command_id)

    @property
    def entry(self) -> JournalEntry:
        return JournalEntry(self.lines, self.memo)

    @classmethod
    def enter(
        cls,
        ctx: Context,
        year: FiscalYear,
        kind: JournalKind | str,
        lines: Iterable[tuple[str, int, int]],
        memo: str,
    ) -> ManualJournal:
        """Record the entry ``lines`` (account, debit, credit) of ``kind`` in ``year``.

        A closed year accepts only a closing entry (invariant 9); the entry must balance and name
        accounts of the chart, each line a debit or a credit.
        """
        if (year.org, year.year) != (ctx.org, ctx.fiscal_year):
            raise WrongOrganisation(
                f"fiscal year {year.year} of {year.org} is not the command's {ctx.fiscal_year} of {ctx.org}",
                org=year.org,
                fiscal_year=year.year,
            )
        kind = to_journal_kind(kind)
        year.check_open(closing_entry=kind is JournalKind.CLOSING)
        if not isinstance(memo, str) or not memo.strip():
            raise InvalidInput("a journal entry says what it records (적요)")
        memo = text.MEMO.check(memo, "memo")
        entry = JournalEntry(
            tuple(JournalLine(account, debit, credit) for account, debit, credit in lines), memo
        )
        return cls.start(
            cls.Recorded, ctx, cls.id_for(ctx.command_id), kind=kind, lines=entry.lines, memo=entry.memo
        )
