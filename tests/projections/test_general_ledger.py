"""The general ledger on both backends: postings equal the rules applied to the log, and the
statements balance (trial balance debits = credits; assets = liabilities + net assets)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from commands.ledger import Ledger
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.messages.payments import ApproveVoucher, DraftVoucher, IssuePaymentOrder, Pay, ReturnPayment
from commands.messages.revenue import AssessRevenue, BillRevenue, CollectRevenue, OpenRevenueLine
from domain.journal import JournalKind
from domain.posting_rules import MemoryFacts, journal_entries, posts
from domain.voucher import Voucher
from projections.engine import ProjectionEngine
from readmodels.ledger import postings
from readmodels.statements import balance_sheet, budget_vs_actual, income_statement, trial_balance
from tests.app.books import Books

CASH, PAYABLE, WITHHOLDINGS, ADMINISTRATIVE = "1110", "2110", "2120", "5210"


def naive_postings(ledger: Ledger) -> list[tuple[Any, ...]]:
    """The postings a plain replay of the whole log gives, written without the projection."""
    facts, rows = MemoryFacts(), []
    for notification in ledger.recorder.select_notifications(1, 10_000_000):
        name = notification.topic.rpartition(":")[2]
        event = ledger.mapper.to_domain_event(notification)
        data = orjson.loads(notification.state)
        facts.learn(name, str(event.originator_id), data)
        if not posts(name):
            continue
        line_no = 0
        for entry in journal_entries(name, str(event.originator_id), data, facts):
            for line in entry.lines:
                line_no += 1
                rows.append(
                    (
                        notification.id,
                        line_no,
                        event.org,
                        event.accounting_date,
                        line.account,
                        line.debit,
                        line.credit,
                        name,
                    )
                )
    return rows


def projected_postings(read_db: Engine) -> list[tuple[Any, ...]]:
    p = postings
    with read_db.connect() as conn:
        rows = conn.execute(
            select(
                p.c.position,
                p.c.line_no,
                p.c.org,
                p.c.accounting_date,
                p.c.account,
                p.c.debit,
                p.c.credit,
                p.c.source,
            ).order_by(p.c.position, p.c.line_no)
        )
        return [tuple(row) for row in rows]


def spend(books: Books, line_id: object, amount: int, withheld: int = 0, give_back: int = 0) -> None:
    obligation = books.obligate(line_id, amount)
    voucher = books.run(
        DraftVoucher, obligation_id=obligation, amount=amount, description="대금"
    ).aggregate_id
    books.run(ApproveVoucher, voucher_id=voucher)
    order_command = uuid.uuid4()
    books.run(IssuePaymentOrder, voucher_id=voucher, amount=amount, command_id=order_command)
    pay_command = uuid.uuid4()
    books.run(
        Pay,
        voucher_id=voucher,
        order_id=Voucher.order_id_for(order_command),
        amount=amount,
        withheld=withheld,
        command_id=pay_command,
    )
    if give_back:
        books.run(
            ReturnPayment,
            voucher_id=voucher,
            payment_id=Voucher.payment_id_for(pay_command),
            amount=give_back,
            reason="반납",
        )


def collect_tax(books: Books, amount: int) -> None:
    line = books.run(
        OpenRevenueLine, revenue_code="100-110-111-01", title="취득세", estimate=10**9
    ).aggregate_id
    assessment = books.run(
        AssessRevenue,
        line_id=line,
        payer="(주)한빛",
        payer_kind="business",
        amount=amount,
        due_date=date(2026, 3, 31),
    ).aggregate_id
    books.run(BillRevenue, assessment_id=assessment, amount=amount)
    books.run(CollectRevenue, assessment_id=assessment, amount=amount)


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def test_the_spending_and_revenue_cycle_posts_balanced_entries(
    books: Books, projector: ProjectionEngine, read_db: Engine
) -> None:
    books.run(
        RecordJournalEntry,
        kind=JournalKind.OPENING,
        memo="개시 잔액",
        lines=(
            JournalLineInput(account=CASH, debit=50_000_000),
            JournalLineInput(account="3110", credit=50_000_000),
        ),
    )
    line_id = books.line(amount=10_000_000, allocate={1: 10_000_000})
    spend(books, line_id, 3_000_000, withheld=90_000, give_back=500_000)
    collect_tax(books, 2_000_000)
    projector.catch_up()

    assert projected_postings(read_db) == naive_postings(books.ledger)
    with read_db.connect() as conn:
        tb = trial_balance(conn, books.org, date(2026, 12, 31))
        by_account = {line.account: line for line in tb.lines}
        bs = balance_sheet(conn, books.org, date(2026, 12, 31))
        income = income_statement(conn, books.org, date(2026, 1, 1), date(2026, 12, 31))
        plan = budget_vs_actual(conn, books.org, 2026)
    assert tb.total_debit == tb.total_credit
    assert tb.closing_debit_balances == tb.closing_credit_balances
    # expense: 3 000 000 vouchered, 500 000 returned
    assert by_account[ADMINISTRATIVE].closing == 2_500_000
    # the return is gross: 500 000 of the 3 000 000 paid carry 500 000 × 90 000 ÷ 3 000 000 =
    # 15 000 of the withholding, never paid out: the payee gives back 485 000, 예수금 drops 15 000
    # cash: 50 000 000 opening − 2 910 000 paid + 485 000 returned + 2 000 000 collected
    assert by_account[CASH].closing == 50_000_000 - 2_910_000 + 485_000 + 2_000_000
    assert by_account[WITHHOLDINGS].closing == 90_000 - 15_000
    assert by_account[PAYABLE].closing == 0
    assert bs.total_assets == bs.total_liabilities + bs.total_net_assets
    assert income.surplus == 2_000_000 - 2_500_000
    assert [(p.current_budget, p.paid) for p in plan] == [(10_000_000, 2_500_000)]


def test_as_of_an_accounting_date_only_earlier_postings_count(
    books: Books, projector: ProjectionEngine, read_db: Engine
) -> None:
    line_id = books.line(amount=10_000_000, allocate={1: 10_000_000})
    spend(books, line_id, 1_000_000)
    books.on = date(2026, 3, 10)
    spend(books, line_id, 400_000)
    projector.catch_up()
    with read_db.connect() as conn:
        early = {
            line.account: line.closing for line in trial_balance(conn, books.org, date(2026, 2, 28)).lines
        }
        late = {
            line.account: line.closing for line in trial_balance(conn, books.org, date(2026, 3, 31)).lines
        }
        march = trial_balance(conn, books.org, date(2026, 3, 31), period_start=date(2026, 3, 1))
    assert early[ADMINISTRATIVE] == 1_000_000 and late[ADMINISTRATIVE] == 1_400_000
    march_admin = next(line for line in march.lines if line.account == ADMINISTRATIVE)
    assert (march_admin.opening, march_admin.debit, march_admin.closing) == (1_000_000, 400_000, 1_400_000)


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    payments=st.lists(
        st.tuples(st.integers(1, 2_000_000), st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=5
    ),
    collected=st.integers(1, 5_000_000),
)
def test_random_histories_keep_the_books_balanced(
    ledger: Ledger,
    projector: ProjectionEngine,
    read_db: Engine,
    payments: list[tuple[int, int, int]],
    collected: int,
) -> None:
    books = Books(ledger, org=f"{uuid.uuid4().int % 9_000_000 + 1_000_000}")
    books.ready()
    line_id = books.line(amount=10**10, allocate={1: 10**10})
    for amount, withheld_pct, returned_pct in payments:
        spend(
            books,
            line_id,
            amount,
            withheld=amount * withheld_pct // 100,
            give_back=amount * returned_pct // 100,
        )
    collect_tax(books, collected)
    projector.catch_up()
    assert projected_postings(read_db) == naive_postings(ledger)
    with read_db.connect() as conn:
        tb = trial_balance(conn, books.org, date(2026, 12, 31))
        bs = balance_sheet(conn, books.org, date(2026, 12, 31))
    assert tb.total_debit == tb.total_credit
    assert bs.total_assets == bs.total_liabilities + bs.total_net_assets
