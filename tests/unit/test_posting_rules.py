"""Posting rules (자동분개) and the chart of accounts: events, as projections see them, → journal entries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commands.codec import TypedOrjsonMapper
from domain.base import LedgerAggregate
from domain.budget_line import BudgetLine
from domain.journal import JournalEntry, JournalLine, ManualJournal
from domain.obligation import Obligation
from domain.payroll.run import PayrollRun
from domain.posting_rules import FACT_EVENTS, HANDLED_EVENTS, MemoryFacts, journal_entries, posts
from domain.reference.budget_catalogue import ITEM_CATALOGUES, REVENUE_CODES
from domain.reference.chart_of_accounts import (
    CHART,
    ITEM_ACCOUNT_MAPS,
    REVENUE_ACCOUNTS,
    SEVERANCE_PROVISION,
    AccountKind,
    RevenueAccounts,
    Side,
    account,
    item_account,
    item_account_map,
    revenue_accounts,
)
from domain.revenue import Assessment, PayerKind, RevenueLine
from domain.voucher import Voucher
from tests.unit.gwt import YEAR, code, ctx, refused

CASH, TAX_RECEIVABLE, NON_TAX_RECEIVABLE = "1110", "1130", "1140"
EQUIPMENT, CONSTRUCTION = "1350", "1370"
PAYABLE, WITHHOLDINGS, OVERPAYMENTS, BONDS = "2110", "2120", "2140", "2210"
LOCAL_TAX, NON_TAX, SHARED_TAX, SUBSIDIES = "4110", "4210", "4310", "4320"
PERSONNEL, ADMINISTRATIVE, PROGRAM, TRANSFERS = "5110", "5210", "5310", "5410"

VOUCHER, LINE, REVENUE_LINE = "v-1", "line-1", "revenue-line-1"
USAGE_FEES = "200-210-212-01"  # 세외수입/경상적세외수입/사용료수입
ACQUISITION_TAX = "100-110-111-01"  # 지방세수입/보통세/취득세
BORROWING = "500-510-511-01"  # 지방채/국내차입금


def given_facts(item: str = "201-01", amount: int = 300_000, revenue_code: str = USAGE_FEES) -> MemoryFacts:
    """A voucher ``VOUCHER`` of ``amount`` on a line ``LINE`` of ``item``; a revenue line
    ``REVENUE_LINE`` of ``revenue_code``."""
    facts = MemoryFacts()
    stat_item, stat = item.split("-")
    facts.learn("BudgetLine.Opened", LINE, {"code": {"item": stat_item, "stat": stat}})
    facts.learn("Voucher.Drafted", VOUCHER, {"line_id": LINE, "amount": amount})
    facts.learn("RevenueLine.Opened", REVENUE_LINE, {"code": revenue_code})
    return facts


def data(**fields: Any) -> dict[str, Any]:
    """An event's JSON: the context every event carries, and its own fields."""
    return {
        "org": "6110000",
        "fiscal_year": YEAR,
        "accounting_date": f"{YEAR}-03-02",
        "actor": "clerk-kim",
        "command_id": "3f2c8f4e-0d7b-4c1e-9a55-0b6f5f0e2a10",
        **fields,
    }


def lines(*entries: JournalEntry) -> list[tuple[str, int, int]]:
    return [(line.account, line.debit, line.credit) for entry in entries for line in entry.lines]


def balanced(entry: JournalEntry) -> bool:
    return sum(line.debit for line in entry.lines) == sum(line.credit for line in entry.lines)


# --- the chart of accounts ------------------------------------------------------------------------


def test_the_chart_has_every_kind_with_its_normal_side() -> None:
    # then every account sits in the class its code names, with the normal side of its kind
    classes = {
        "1": AccountKind.ASSET,
        "2": AccountKind.LIABILITY,
        "3": AccountKind.NET_ASSETS,
        "4": AccountKind.REVENUE,
        "5": AccountKind.EXPENSE,
    }
    debit_kinds = {AccountKind.ASSET, AccountKind.EXPENSE}
    contra = {"1395"}  # 감가상각누계액
    for number, found in CHART.items():
        assert found.code == number and len(number) == 4 and number.isdigit()
        assert found.kind is classes[number[0]]
        if number not in contra:
            expected = Side.DEBIT if found.kind in debit_kinds else Side.CREDIT
            assert found.normal_side is expected, number
        assert found.name_ko and found.name_en
    assert Counter(a.kind for a in CHART.values()).keys() == set(AccountKind)
    assert 35 <= len(CHART) <= 50


def test_accumulated_depreciation_is_a_contra_asset_with_a_credit_balance() -> None:
    found = account("1395")
    assert (found.name_ko, found.kind, found.normal_side) == (
        "감가상각누계액",
        AccountKind.ASSET,
        Side.CREDIT,
    )


def test_the_skeleton_of_domain_md_is_in_the_chart() -> None:
    names = {a.name_ko for a in CHART.values()}
    for name in (
        "현금및현금성자산",
        "미수세금",
        "미수세외수입금",
        "토지",
        "건물",
        "건설중인자산",
        "사회기반시설",
        "주민편의시설",
        "감가상각누계액",
        "미지급금",
        "예수금",
        "선수금",
        "과오납금",
        "지방채",
        "퇴직급여충당부채",
        "순자산",
        "이익잉여금",
        "지방세수익",
        "세외수익",
        "교부세수익",
        "보조금수익",
        "기타수익",
        "인건비",
        "관리운영비",
        "사업비",
        "이전비용",
        "감가상각비",
        "이자비용",
        "기타비용",
    ):
        assert name in names, name


def test_an_unknown_account_is_refused_by_name() -> None:
    with refused("unknown-code", account="9999"):
        account("9999")


# --- budget item → account -----------------------------------------------------------------------


def test_every_item_of_every_catalogue_has_an_account_or_is_never_posted() -> None:
    for start, catalogue in ITEM_CATALOGUES.items():
        mapped = item_account_map(start)
        assert set(mapped) == set(catalogue), start
        for item, mapped_to in mapped.items():
            assert mapped_to is None or mapped_to in CHART, item
    assert set(ITEM_ACCOUNT_MAPS) == set(ITEM_CATALOGUES)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("101-01", PERSONNEL),
        ("101-04", PERSONNEL),
        ("107-03", SEVERANCE_PROVISION),
        ("304-01", PERSONNEL),
        ("304-02", PERSONNEL),
        ("201-01", ADMINISTRATIVE),
        ("202-01", ADMINISTRATIVE),
        ("203-02", ADMINISTRATIVE),
        ("206-01", ADMINISTRATIVE),
        ("207-01", PROGRAM),
        ("207-02", PROGRAM),
        ("301-01", TRANSFERS),
        ("307-05", TRANSFERS),
        ("401-01", CONSTRUCTION),
        ("401-03", CONSTRUCTION),
        ("405-01", EQUIPMENT),
        ("405-02", EQUIPMENT),
        ("601-01", BONDS),
    ],
)
def test_a_budget_item_maps_to_its_account(item: str, expected: str) -> None:
    assert item_account(item, YEAR) == expected


def test_items_map_to_expenses_except_works_assets_repayment_and_severance() -> None:
    for item, mapped_to in item_account_map(YEAR).items():
        if mapped_to is None:
            continue
        kind = CHART[mapped_to].kind
        if item[:3] in ("401", "405"):
            assert kind is AccountKind.ASSET, item
        elif item[:3] == "601" or item == "107-03":  # 퇴직급여 draws on the provision
            assert kind is AccountKind.LIABILITY, item
        else:
            assert kind is AccountKind.EXPENSE, item


def test_an_item_not_in_the_map_is_refused_by_name() -> None:
    with refused("unknown-code", item="999-99", fiscal_year=YEAR):
        item_account("999-99", YEAR)
    # and there is no map before the first catalogue
    with refused("unknown-code", item="201-01", fiscal_year=2005):
        item_account("201-01", 2005)


def test_the_contingency_reserve_is_never_posted() -> None:
    with refused("not-postable", item="701-01", fiscal_year=YEAR):
        item_account("701-01", YEAR)


# --- revenue code → accounts ---------------------------------------------------------------------


def test_every_revenue_code_has_its_accounts() -> None:
    for revenue_code in REVENUE_CODES:
        accounts = revenue_accounts(revenue_code)
        assert accounts.credit in CHART
        assert accounts.receivable is None or CHART[accounts.receivable].kind is AccountKind.ASSET


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("100-110-111-02", RevenueAccounts(LOCAL_TAX, TAX_RECEIVABLE)),
        ("200-220-221-01", RevenueAccounts(NON_TAX, NON_TAX_RECEIVABLE)),
        ("300-310-311-01", RevenueAccounts(SHARED_TAX, NON_TAX_RECEIVABLE)),
        ("400-410-411-01", RevenueAccounts(SUBSIDIES, NON_TAX_RECEIVABLE)),
        (BORROWING, RevenueAccounts(BONDS, None)),
    ],
)
def test_a_revenue_chapter_maps_to_revenue_and_receivable(code: str, expected: RevenueAccounts) -> None:
    assert revenue_accounts(code) == expected


def test_borrowing_is_a_liability_not_revenue() -> None:
    assert CHART[REVENUE_ACCOUNTS["500"].credit].kind is AccountKind.LIABILITY


def test_an_unmapped_revenue_chapter_is_refused_by_name() -> None:
    with refused("unknown-code", revenue_code="900-910-911-01"):
        revenue_accounts("900-910-911-01")


# --- journal entries balance ----------------------------------------------------------------------


def test_an_unbalanced_entry_is_refused_with_its_totals() -> None:
    with refused("unbalanced-entry", debit_total=1_000, credit_total=900, difference=100):
        JournalEntry((JournalLine(CASH, debit=1_000), JournalLine(PAYABLE, credit=900)), "틀린 분개")


def test_an_entry_on_an_account_outside_the_chart_is_refused() -> None:
    with refused("unknown-code", account="9999", line=2):
        JournalEntry((JournalLine(CASH, debit=1_000), JournalLine("9999", credit=1_000)))


def test_a_line_is_a_debit_or_a_credit() -> None:
    with refused("invalid-amount", account=CASH, debit=5, credit=5):
        JournalLine(CASH, 5, 5)
    with refused("invalid-amount", account=CASH, debit=0, credit=0):
        JournalLine(CASH)
    with refused("invalid-amount", debit=-5):
        JournalLine(CASH, -5, 0)


# --- which events post ----------------------------------------------------------------------------


def _event_class(name: str) -> type[LedgerAggregate.Event]:
    aggregates = {
        cls.__name__: cls
        for cls in (Voucher, RevenueLine, BudgetLine, ManualJournal, Assessment, Obligation, PayrollRun)
    }
    aggregate, _, event = name.partition(".")
    found = getattr(aggregates[aggregate], event)
    assert issubclass(found, LedgerAggregate.Event)
    return found  # type: ignore[no-any-return]


def test_the_handled_and_fact_events_are_real_event_classes() -> None:
    for name in HANDLED_EVENTS | FACT_EVENTS:
        assert _event_class(name).__qualname__ == name
    assert {
        "Voucher.Approved",
        "Voucher.Paid",
        "Voucher.PaymentReturned",
        "RevenueLine.Assessed",
        "RevenueLine.AssessmentReduced",
        "RevenueLine.Collected",
        "RevenueLine.OverpaymentRefunded",
        "ManualJournal.Recorded",
        "PayrollRun.Posted",
        "PayrollRun.Remitted",
    } == HANDLED_EVENTS
    assert all(posts(name) for name in HANDLED_EVENTS)


@pytest.mark.parametrize(
    "name",
    [
        "Obligation.Created",  # an obligation is an encumbrance only
        "BudgetLine.Obligated",
        "Voucher.Drafted",
        "Voucher.Rejected",
        "Voucher.PaymentOrdered",
        "BudgetLine.Paid",  # the voucher's Paid posts the payment
        "BudgetLine.PaymentReturned",
        "Obligation.Returned",
        "RevenueLine.Billed",  # billing moves no account
        "Assessment.Created",  # the revenue line's events post
        "Assessment.Collected",
        "NoSuch.Event",
    ],
)
def test_other_events_post_nothing(name: str) -> None:
    assert not posts(name)
    assert journal_entries(name, VOUCHER, data(amount=1_000), given_facts()) == ()


# --- spending (지출) ------------------------------------------------------------------------------


def test_an_approved_voucher_for_an_expense_item_is_an_expense_and_a_payable() -> None:
    # given a voucher of 300 000 won on a line of 201-01 사무관리비
    facts = given_facts("201-01", 300_000)
    # when it is approved
    (entry,) = journal_entries("Voucher.Approved", VOUCHER, data(approver="director-lee"), facts)
    # then Dr 관리운영비 / Cr 미지급금
    assert lines(entry) == [(ADMINISTRATIVE, 300_000, 0), (PAYABLE, 0, 300_000)]
    assert "201-01" in entry.memo


@pytest.mark.parametrize(("item", "asset"), [("401-01", CONSTRUCTION), ("405-01", EQUIPMENT)])
def test_an_approved_voucher_for_an_asset_item_is_an_asset_and_a_payable(item: str, asset: str) -> None:
    facts = given_facts(item, 80_000_000)
    (entry,) = journal_entries("Voucher.Approved", VOUCHER, data(approver="director-lee"), facts)
    assert lines(entry) == [(asset, 80_000_000, 0), (PAYABLE, 0, 80_000_000)]


def test_an_approved_repayment_voucher_reduces_the_borrowing() -> None:
    facts = given_facts("601-01", 1_000_000_000)
    (entry,) = journal_entries("Voucher.Approved", VOUCHER, data(approver="director-lee"), facts)
    assert lines(entry) == [(BONDS, 1_000_000_000, 0), (PAYABLE, 0, 1_000_000_000)]


def test_a_voucher_on_the_contingency_reserve_is_refused_by_name() -> None:
    with refused("not-postable", item="701-01"):
        journal_entries("Voucher.Approved", VOUCHER, data(approver="director-lee"), given_facts("701-01"))


def test_a_voucher_whose_line_was_never_seen_is_refused() -> None:
    with refused("not-found", id="v-unknown"):
        journal_entries("Voucher.Approved", "v-unknown", data(approver="director-lee"), given_facts())


def test_a_payment_clears_the_payable_in_cash_and_withholdings() -> None:
    # when 150 000 won is paid, 15 000 of it withheld
    event = data(payment_id="p-1", order_id="o-1", amount=150_000, withheld=15_000)
    (entry,) = journal_entries("Voucher.Paid", VOUCHER, event, MemoryFacts())
    # then Dr 미지급금 150 000 / Cr cash 135 000 / Cr 예수금 15 000
    assert lines(entry) == [(PAYABLE, 150_000, 0), (CASH, 0, 135_000), (WITHHOLDINGS, 0, 15_000)]


def test_a_payment_without_withholding_has_no_withholding_line() -> None:
    event = data(payment_id="p-1", order_id="o-1", amount=150_000, withheld=0)
    (entry,) = journal_entries("Voucher.Paid", VOUCHER, event, MemoryFacts())
    assert lines(entry) == [(PAYABLE, 150_000, 0), (CASH, 0, 150_000)]


def test_a_payment_all_withheld_moves_no_cash() -> None:
    event = data(payment_id="p-1", order_id="o-1", amount=40_000, withheld=40_000)
    (entry,) = journal_entries("Voucher.Paid", VOUCHER, event, MemoryFacts())
    assert lines(entry) == [(PAYABLE, 40_000, 0), (WITHHOLDINGS, 0, 40_000)]


@pytest.mark.parametrize(("item", "expected"), [("207-02", PROGRAM), ("405-02", EQUIPMENT)])
def test_a_return_brings_cash_back_and_reverses_the_items_account(item: str, expected: str) -> None:
    facts = given_facts(item)
    event = data(payment_id="p-1", amount=50_000, reason="과지급 반납")
    (entry,) = journal_entries("Voucher.PaymentReturned", VOUCHER, event, facts)
    assert lines(entry) == [(CASH, 50_000, 0), (expected, 0, 50_000)]


# --- revenue (세입) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "receivable", "revenue"),
    [(ACQUISITION_TAX, TAX_RECEIVABLE, LOCAL_TAX), (USAGE_FEES, NON_TAX_RECEIVABLE, NON_TAX)],
)
def test_an_assessment_is_a_receivable_and_revenue(code: str, receivable: str, revenue: str) -> None:
    facts = given_facts(revenue_code=code)
    event = data(assessment_id="a-1", amount=1_000_000)
    (entry,) = journal_entries("RevenueLine.Assessed", REVENUE_LINE, event, facts)
    assert lines(entry) == [(receivable, 1_000_000, 0), (revenue, 0, 1_000_000)]


def test_a_reduction_reverses_the_assessment() -> None:
    event = data(assessment_id="a-1", amount=200_000)
    (entry,) = journal_entries("RevenueLine.AssessmentReduced", REVENUE_LINE, event, given_facts())
    assert lines(entry) == [(NON_TAX, 200_000, 0), (NON_TAX_RECEIVABLE, 0, 200_000)]


def test_a_collection_turns_the_receivable_into_cash() -> None:
    event = data(assessment_id="a-1", collected=700_000, overpaid=0)
    (entry,) = journal_entries("RevenueLine.Collected", REVENUE_LINE, event, given_facts())
    assert lines(entry) == [(CASH, 700_000, 0), (NON_TAX_RECEIVABLE, 0, 700_000)]


def test_an_overpayment_is_owed_back_not_revenue() -> None:
    # when 1 050 000 is received on 1 000 000 billed
    event = data(assessment_id="a-1", collected=1_000_000, overpaid=50_000)
    (entry,) = journal_entries("RevenueLine.Collected", REVENUE_LINE, event, given_facts())
    # then the 50 000 beyond the bill is a liability (과오납금)
    assert lines(entry) == [
        (CASH, 1_050_000, 0),
        (NON_TAX_RECEIVABLE, 0, 1_000_000),
        (OVERPAYMENTS, 0, 50_000),
    ]


def test_an_overpayment_alone_is_cash_and_overpayments() -> None:
    event = data(assessment_id="a-1", collected=0, overpaid=30_000)
    (entry,) = journal_entries("RevenueLine.Collected", REVENUE_LINE, event, given_facts())
    assert lines(entry) == [(CASH, 30_000, 0), (OVERPAYMENTS, 0, 30_000)]


def test_a_refund_pays_the_overpayment_back() -> None:
    event = data(assessment_id="a-1", amount=30_000)
    (entry,) = journal_entries("RevenueLine.OverpaymentRefunded", REVENUE_LINE, event, MemoryFacts())
    assert lines(entry) == [(OVERPAYMENTS, 30_000, 0), (CASH, 0, 30_000)]


def test_borrowing_posts_a_liability_when_the_cash_arrives() -> None:
    # given a revenue line of 지방채
    facts = given_facts(revenue_code=BORROWING)
    # when it is assessed, then nothing posts (no receivable: borrowing is not revenue)
    assessed = data(assessment_id="a-1", amount=5_000_000_000)
    assert journal_entries("RevenueLine.Assessed", REVENUE_LINE, assessed, facts) == ()
    assert journal_entries("RevenueLine.AssessmentReduced", REVENUE_LINE, assessed, facts) == ()
    # when it is collected, then Dr cash / Cr 지방채
    collected = data(assessment_id="a-1", collected=5_000_000_000, overpaid=0)
    (entry,) = journal_entries("RevenueLine.Collected", REVENUE_LINE, collected, facts)
    assert lines(entry) == [(CASH, 5_000_000_000, 0), (BONDS, 0, 5_000_000_000)]


def test_a_revenue_line_of_an_unmapped_chapter_is_refused_by_name() -> None:
    facts = given_facts(revenue_code="900-910-911-01")
    with refused("unknown-code", revenue_code="900-910-911-01"):
        journal_entries("RevenueLine.Assessed", REVENUE_LINE, data(assessment_id="a-1", amount=1), facts)


# --- manual entries -------------------------------------------------------------------------------


def test_a_manual_entry_posts_its_own_lines() -> None:
    event = data(
        kind="depreciation",
        memo="1분기 감가상각",
        lines=[
            {"account": "5510", "debit": 1_200_000, "credit": 0},
            {"account": "1395", "debit": 0, "credit": 1_200_000},
        ],
    )
    (entry,) = journal_entries("ManualJournal.Recorded", "j-1", event, MemoryFacts())
    assert lines(entry) == [("5510", 1_200_000, 0), ("1395", 0, 1_200_000)]
    assert entry.memo == "1분기 감가상각"


# --- every entry balances, and no line is negative (property) ---------------------------------------

won = st.integers(min_value=1, max_value=10**15)
items = st.sampled_from(sorted(item for item, code in item_account_map(YEAR).items() if code is not None))
revenue_codes = st.sampled_from(sorted(REVENUE_CODES))


def _check(entries: Iterable[JournalEntry], total: int) -> None:
    for entry in entries:
        assert balanced(entry)
        assert len(entry.lines) >= 2
        for line in entry.lines:
            assert line.debit >= 0 and line.credit >= 0 and (line.debit > 0) != (line.credit > 0)
            assert line.account in CHART
        assert entry.total == total


@given(item=items, amount=won, data_=st.data())
def test_spending_entries_balance(item: str, amount: int, data_: st.DataObject) -> None:
    withheld = data_.draw(st.integers(min_value=0, max_value=amount), label="withheld")
    returned = data_.draw(st.integers(min_value=1, max_value=amount), label="returned")
    facts = given_facts(item, amount)
    _check(journal_entries("Voucher.Approved", VOUCHER, data(approver="x"), facts), amount)
    paid = data(payment_id="p", order_id="o", amount=amount, withheld=withheld)
    _check(journal_entries("Voucher.Paid", VOUCHER, paid, facts), amount)
    back = data(payment_id="p", amount=returned, reason="반납", withheld=withheld * returned // amount)
    _check(journal_entries("Voucher.PaymentReturned", VOUCHER, back, facts), returned)


@given(code=revenue_codes, amount=won, collected=st.integers(0, 10**15), overpaid=st.integers(0, 10**15))
def test_revenue_entries_balance(code: str, amount: int, collected: int, overpaid: int) -> None:
    facts = given_facts(revenue_code=code)
    for name in ("RevenueLine.Assessed", "RevenueLine.AssessmentReduced", "RevenueLine.OverpaymentRefunded"):
        _check(journal_entries(name, REVENUE_LINE, data(assessment_id="a", amount=amount), facts), amount)
    if collected + overpaid:
        event = data(assessment_id="a", collected=collected, overpaid=overpaid)
        _check(journal_entries("RevenueLine.Collected", REVENUE_LINE, event, facts), collected + overpaid)


# --- real events, as the store keeps them ------------------------------------------------------------


def stored(aggregates: Iterable[LedgerAggregate]) -> list[tuple[str, str, dict[str, Any]]]:
    """The pending events of ``aggregates`` as projections read them: name, aggregate id, JSON."""
    mapper = TypedOrjsonMapper()
    events = sorted(
        (event for aggregate in aggregates for event in aggregate.collect_events()),
        key=lambda event: event.timestamp,
    )
    out = []
    for event in events:
        record = mapper.to_stored_event(event)
        out.append((record.topic.rpartition(":")[2], str(record.originator_id), orjson.loads(record.state)))
    return out


def post_all(events: Iterable[tuple[str, str, Mapping[str, Any]]]) -> dict[str, int]:
    """Post every event, in order; the balance of each account (debit − credit)."""
    facts = MemoryFacts()
    balances: Counter[str] = Counter()
    for name, source_id, event in events:
        facts.learn(name, source_id, event)
        for entry in journal_entries(name, source_id, event, facts):
            assert balanced(entry)
            for line in entry.lines:
                balances[line.account] += line.debit - line.credit
    return {code: balance for code, balance in balances.items() if balance}


def test_the_spending_lifecycle_from_real_events() -> None:
    # given a 201-01 line, an obligation of 500 000 on it and a voucher of 300 000
    setup = ctx(date(YEAR, 1, 2))
    line = BudgetLine.open(setup, code(), "어르신 복지관 운영")
    line.appropriate(setup, 1_000_000)
    line.allocate(setup, 1, 1_000_000)
    obligation = Obligation.create(ctx(), line, 500_000, "복지관 운영 물품 구매")
    voucher = Voucher.draft(ctx(), obligation, 300_000, "냉난방기 교체 대금")
    # when it is approved, ordered, paid (15 000 withheld) and 20 000 of it returned
    voucher.approve(ctx(actor="director-lee"))
    order_id = voucher.issue_order(ctx(), 300_000)
    payment_id = voucher.pay(ctx(), line, order_id, 150_000, withheld=15_000)
    voucher.return_payment(ctx(), line, obligation, payment_id, 20_000, "과지급")
    # then the return is gross: 20 000 of the 150 000 paid carry 20 000 × 15 000 ÷ 150 000 = 2 000
    # of the withholding, which never reached the payee: it gives back 18 000 and 예수금 drops by
    # 2 000. Expense 300 000 − 20 000, payable 300 000 − 150 000, cash −135 000 + 18 000,
    # withholdings 15 000 − 2 000.
    assert post_all(stored([line, obligation, voucher])) == {
        ADMINISTRATIVE: 280_000,
        PAYABLE: -150_000,
        CASH: -117_000,
        WITHHOLDINGS: -13_000,
    }


def test_returning_a_whole_payment_in_parts_gives_back_exactly_its_withholding() -> None:
    # given 100 000 paid with 3 333 withheld (an awkward share)
    setup = ctx(date(YEAR, 1, 2))
    line = BudgetLine.open(setup, code(), "어르신 복지관 운영")
    line.appropriate(setup, 1_000_000)
    line.allocate(setup, 1, 1_000_000)
    obligation = Obligation.create(ctx(), line, 100_000, "복지관 운영 물품 구매")
    voucher = Voucher.draft(ctx(), obligation, 100_000, "물품 대금")
    voucher.approve(ctx(actor="director-lee"))
    payment_id = voucher.pay(ctx(), line, voucher.issue_order(ctx(), 100_000), 100_000, withheld=3_333)
    # when it comes back in three parts: 10 000, 45 000 and 45 000
    for part in (10_000, 45_000, 45_000):
        voucher.return_payment(ctx(), line, obligation, payment_id, part, "계약 해제")
    events = stored([line, obligation, voucher])
    # then each part carries its share against the running total, rounded down: ⌊3 333 × 10 000
    # ÷ 100 000⌋ = 333, ⌊3 333 × 55 000 ÷ 100 000⌋ − 333 = 1 833 − 333 = 1 500, 3 333 − 1 833 =
    # 1 500: together exactly the 3 333 withheld, so 예수금 and cash are back where they were
    assert [e["withheld"] for name, _, e in events if name == "Voucher.PaymentReturned"] == [
        333,
        1_500,
        1_500,
    ]
    balances = post_all(events)
    assert WITHHOLDINGS not in balances and CASH not in balances
    assert ADMINISTRATIVE not in balances and PAYABLE not in balances


def test_the_revenue_lifecycle_from_real_events() -> None:
    # given a line of usage fees and an assessment of 1 000 000 reduced by 100 000
    setup = ctx(date(YEAR, 1, 2))
    line = RevenueLine.open(setup, USAGE_FEES, "공유재산 사용료", 5_000_000)
    assessment = Assessment.assess(
        ctx(), line, "(주)한빛상사", PayerKind.BUSINESS, 1_000_000, date(YEAR, 4, 30)
    )
    assessment.reduce(ctx(), line, 100_000, "면적 정정")
    # when 900 000 is billed, 950 000 received (50 000 overpaid) and 30 000 refunded
    assessment.bill(ctx(), line, 900_000)
    assessment.collect(ctx(), line, 950_000, allow_overpayment=True)
    assessment.refund_overpayment(ctx(), line, 30_000, "과오납 환급")
    # then revenue 900 000, all collected: cash 920 000, overpayments 20 000 still owed
    assert post_all(stored([line, assessment])) == {
        CASH: 920_000,
        NON_TAX: -900_000,
        OVERPAYMENTS: -20_000,
    }
