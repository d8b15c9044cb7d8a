"""Manual journal entries (수기 분개) through the ledger, on SQLite and PostgreSQL; and the stored log,
read as projections read it, posting balanced books by rule."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from commands.ledger import Ledger
from commands.messages.budget import CloseFiscalYear
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.messages.payments import ApproveVoucher, DraftVoucher, IssuePaymentOrder, Pay, ReturnPayment
from commands.messages.revenue import (
    AssessRevenue,
    BillRevenue,
    CollectRevenue,
    OpenRevenueLine,
    RefundOverpayment,
)
from domain.errors import DomainError, InvalidText
from domain.journal import JournalKind, JournalLine, ManualJournal
from domain.posting_rules import MemoryFacts, journal_entries
from domain.revenue import Assessment, PayerKind
from domain.voucher import Voucher
from tests.app.books import SEOUL, Books

CASH, BUILDINGS = "1110", "1320"
PAYABLE, WITHHOLDINGS, OVERPAYMENTS, NET_ASSETS = "2110", "2120", "2140", "3110"
NON_TAX, ADMINISTRATIVE, DEPRECIATION, ACCUMULATED = "4210", "5210", "5510", "1395"

OPENING = (
    JournalLineInput(account=CASH, debit=5_000_000),
    JournalLineInput(account=BUILDINGS, debit=20_000_000),
    JournalLineInput(account=PAYABLE, credit=3_000_000),
    JournalLineInput(account=NET_ASSETS, credit=22_000_000),
)


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def entry(
    books: Books, kind: JournalKind, *lines: JournalLineInput, memo: str = "분개", **fields: Any
) -> Any:
    return books.run(RecordJournalEntry, kind=kind, lines=lines, memo=memo, **fields)


def refused(
    books: Books, code: str, kind: JournalKind, *lines: JournalLineInput, **fields: Any
) -> DomainError:
    """Record an entry that must be refused with ``code``, and check the log did not grow."""
    before = books.log_size()
    with pytest.raises(DomainError) as info:
        entry(books, kind, *lines, **fields)
    assert info.value.code == code, info.value
    assert books.log_size() == before
    return info.value


def line(account: str, debit: int = 0, credit: int = 0) -> JournalLineInput:
    return JournalLineInput(account=account, debit=debit, credit=credit)


# --- recorded ------------------------------------------------------------------------------------


def test_an_opening_balance_entry_is_recorded(books: Books, reopen: Callable[[], Ledger]) -> None:
    # given an open year
    before = books.log_size()
    command_id = uuid.uuid4()
    # when its opening balances are entered
    result = entry(books, JournalKind.OPENING, *OPENING, memo="2026년 개시 잔액", command_id=command_id)
    # then the entry is recorded under an id of its command, with its receipt
    assert (result.aggregate_id, result.version) == (ManualJournal.id_for(command_id), 1)
    assert books.log_size() == before + 2
    journal = books.get(result.aggregate_id)
    assert isinstance(journal, ManualJournal)
    assert journal.kind is JournalKind.OPENING
    assert journal.lines == (
        JournalLine(CASH, 5_000_000, 0),
        JournalLine(BUILDINGS, 20_000_000, 0),
        JournalLine(PAYABLE, 0, 3_000_000),
        JournalLine(NET_ASSETS, 0, 22_000_000),
    )
    assert (journal.memo, journal.org, journal.fiscal_year) == ("2026년 개시 잔액", SEOUL, 2026)
    # and it reads back the same from the store (a cold cache decodes the stored event)
    stored: ManualJournal = reopen().repository.get(result.aggregate_id)
    assert (stored.kind, stored.lines, stored.memo) == (journal.kind, journal.lines, journal.memo)
    # and sending the same command again records nothing more
    again = entry(books, JournalKind.OPENING, *OPENING, memo="2026년 개시 잔액", command_id=command_id)
    assert again.replayed and again.aggregate_id == result.aggregate_id
    assert books.log_size() == before + 2


def test_a_refused_entry_records_nothing(books: Books) -> None:
    # an entry that does not balance, with both totals
    error = refused(
        books, "unbalanced-entry", JournalKind.OPENING, *OPENING[:3], line(NET_ASSETS, credit=21_000_000)
    )
    assert error.numbers == {"debit_total": 25_000_000, "credit_total": 24_000_000, "difference": 1_000_000}
    # an account outside the chart
    error = refused(
        books, "unknown-code", JournalKind.ADJUSTMENT, line(CASH, 1_000), line("1999", credit=1_000)
    )
    assert error.numbers == {"account": "1999", "line": 2}
    # a line both debit and credit, a line neither, a negative amount
    refused(
        books, "invalid-amount", JournalKind.ADJUSTMENT, line(CASH, 1_000, 1_000), line(NET_ASSETS, credit=1)
    )
    refused(books, "invalid-amount", JournalKind.ADJUSTMENT, line(CASH), line(NET_ASSETS, credit=1))
    refused(books, "invalid-amount", JournalKind.ADJUSTMENT, line(CASH, -1), line(NET_ASSETS, credit=-1))
    # fewer than two lines, no memo
    refused(books, "invalid-input", JournalKind.ADJUSTMENT, line(CASH, 1_000))
    refused(books, "invalid-input", JournalKind.ADJUSTMENT, *OPENING, memo="  ")


def test_an_entry_needs_its_year_opened(books: Books) -> None:
    error = refused(books, "year-not-open", JournalKind.OPENING, *OPENING, year=2027, on=date(2027, 1, 1))
    assert error.numbers == {"org": SEOUL, "fiscal_year": 2027}


def test_malformed_lines_are_refused_before_the_domain(books: Books) -> None:
    with pytest.raises(ValidationError):
        JournalLineInput(account=CASH, debit=1.5)
    with pytest.raises(ValidationError):
        JournalLineInput(account=CASH, debit="1000")
    with pytest.raises(ValidationError):
        books.command(RecordJournalEntry, kind="reversal", lines=OPENING, memo="분개")
    # a memo too long: refused as the message is made, with the domain's own refusal
    with pytest.raises(InvalidText) as too_long:
        books.command(RecordJournalEntry, kind=JournalKind.OPENING, lines=OPENING, memo="가" * 301)
    assert too_long.value.numbers == {"field": "memo", "length": 301, "maximum": 300}


def test_a_closed_year_accepts_closing_entries_only(books: Books) -> None:
    # given a closed year
    books.run(CloseFiscalYear, on=date(2026, 12, 31))
    day = date(2026, 12, 31)
    # when a closing entry is recorded, then it is accepted
    result = entry(books, JournalKind.CLOSING, line(NON_TAX, 1_000), line(NET_ASSETS, credit=1_000), on=day)
    assert books.get(result.aggregate_id).kind is JournalKind.CLOSING
    # when an adjustment (or any other kind) is recorded, then it is refused and nothing recorded
    for kind in (JournalKind.ADJUSTMENT, JournalKind.DEPRECIATION, JournalKind.ACCRUAL, JournalKind.OPENING):
        error = refused(
            books, "year-closed", kind, line(DEPRECIATION, 100), line(ACCUMULATED, credit=100), on=day
        )
        assert error.numbers == {"org": SEOUL, "fiscal_year": 2026}


# --- the stored log posts balanced books --------------------------------------------------------


def posted_balances(ledger: Ledger) -> dict[str, int]:
    """Every stored event, read as projections read it (name, aggregate id, JSON), through the
    posting rules; the balance of each account (debit − credit), every entry checked balanced."""
    facts = MemoryFacts()
    balances: Counter[str] = Counter()
    for notification in ledger.recorder.select_notifications(1, 1_000_000):
        name = notification.topic.rpartition(":")[2]
        source_id, data = str(notification.originator_id), orjson.loads(notification.state)
        facts.learn(name, source_id, data)
        for posted in journal_entries(name, source_id, data, facts):
            assert sum(x.debit for x in posted.lines) == sum(x.credit for x in posted.lines)
            for posting in posted.lines:
                balances[posting.account] += posting.debit - posting.credit
    return {account: balance for account, balance in balances.items() if balance}


def test_the_stored_log_posts_balanced_books(books: Books) -> None:
    # given opening balances
    entry(books, JournalKind.OPENING, line(CASH, 10_000_000), line(NET_ASSETS, credit=10_000_000))
    # and spending on a 201-01 line: a voucher of 300 000 approved, 150 000 of it paid (15 000
    # withheld), 20 000 of that returned
    line_id = books.line(amount=1_000_000, allocate={1: 1_000_000})
    obligation = books.obligate(line_id, 500_000)
    voucher = books.run(
        DraftVoucher, obligation_id=obligation, amount=300_000, description="대금"
    ).aggregate_id
    books.run(ApproveVoucher, voucher_id=voucher, actor="director-lee")
    order_command, pay_command = uuid.uuid4(), uuid.uuid4()
    books.run(IssuePaymentOrder, voucher_id=voucher, amount=300_000, command_id=order_command)
    order = Voucher.order_id_for(order_command)
    books.run(
        Pay, voucher_id=voucher, order_id=order, amount=150_000, withheld=15_000, command_id=pay_command
    )
    payment = Voucher.payment_id_for(pay_command)
    books.run(ReturnPayment, voucher_id=voucher, payment_id=payment, amount=20_000, reason="과지급")
    # and revenue: 1 000 000 of usage fees assessed and billed, 1 050 000 received, 30 000 refunded
    revenue_line = books.run(
        OpenRevenueLine, revenue_code="200-210-212-01", title="공유재산 사용료", estimate=5_000_000
    ).aggregate_id
    assessment_command = uuid.uuid4()
    books.run(
        AssessRevenue,
        line_id=revenue_line,
        payer="(주)한빛상사",
        payer_kind=PayerKind.BUSINESS,
        amount=1_000_000,
        due_date=date(2026, 4, 30),
        command_id=assessment_command,
    )
    assessment = Assessment.id_for(assessment_command)
    books.run(BillRevenue, assessment_id=assessment, amount=1_000_000)
    books.run(CollectRevenue, assessment_id=assessment, amount=1_050_000, allow_overpayment=True)
    books.run(RefundOverpayment, assessment_id=assessment, amount=30_000, reason="과오납 환급")
    # then the books balance, account by account
    balances = posted_balances(books.ledger)
    # (the 20 000 returned of the 150 000 paid carry 20 000 × 15 000 ÷ 150 000 = 2 000 of the
    # withholding, which the payee never received: it gives back 18 000 and 예수금 drops 2 000)
    assert balances == {
        CASH: 10_000_000 - 135_000 + 18_000 + 1_050_000 - 30_000,
        NET_ASSETS: -10_000_000,
        ADMINISTRATIVE: 300_000 - 20_000,
        PAYABLE: -300_000 + 150_000,
        WITHHOLDINGS: -15_000 + 2_000,
        NON_TAX: -1_000_000,
        OVERPAYMENTS: -50_000 + 30_000,
    }
    assert sum(balances.values()) == 0
