"""Manual journal entries (수기 분개) in the domain alone: what is recorded, and every refusal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from domain.base import Context
from domain.codes import ledger_id
from domain.journal import JournalEntry, JournalKind, JournalLine, ManualJournal
from domain.money import MAX_WON
from domain.organisation import FiscalYear, Organisation, OrganisationKind
from tests.unit.gwt import SEOUL, YEAR, assert_nothing_recorded, ctx, refused

CASH, BUILDINGS, PAYABLE, NET_ASSETS = "1110", "1320", "2110", "3110"
DEPRECIATION, ACCUMULATED = "5510", "1395"

OPENING = [
    (CASH, 5_000_000, 0),
    (BUILDINGS, 20_000_000, 0),
    (PAYABLE, 0, 3_000_000),
    (NET_ASSETS, 0, 22_000_000),
]


def given_year(*, closed: bool = False, org: str = SEOUL, year: int = YEAR) -> FiscalYear:
    """An organisation's fiscal year, open or closed; no pending events."""
    setup = ctx(date(year, 1, 1), org=org)
    fiscal_year = FiscalYear.open(setup, Organisation.register(setup, "서울특별시", OrganisationKind.CITY))
    if closed:
        fiscal_year.close(ctx(date(year, 12, 31), org=org), 0)
    fiscal_year.collect_events()
    return fiscal_year


def enter(
    year: FiscalYear | None = None,
    kind: JournalKind | str = JournalKind.OPENING,
    lines: Any = None,
    memo: str = "2026년 개시 잔액",
    context: Context | None = None,
) -> ManualJournal:
    return ManualJournal.enter(
        context or ctx(), year or given_year(), kind, OPENING if lines is None else lines, memo
    )


# --- recorded ------------------------------------------------------------------------------------


def test_an_opening_balance_entry_is_recorded() -> None:
    # given an open fiscal year
    year = given_year()
    command = ctx(date(YEAR, 1, 1))
    # when the opening balances are entered
    journal = ManualJournal.enter(command, year, JournalKind.OPENING, OPENING, "  2026년 개시 잔액 ")
    # then one entry is recorded, with its lines, kind and memo, under an id of the command
    assert journal.id == ManualJournal.id_for(command.command_id) == ledger_id("journal", command.command_id)
    (recorded,) = journal.pending_events
    assert isinstance(recorded, ManualJournal.Recorded)
    assert recorded.kind is JournalKind.OPENING
    assert recorded.lines == tuple(JournalLine(*line) for line in OPENING)
    assert (recorded.memo, recorded.org, recorded.fiscal_year) == ("2026년 개시 잔액", SEOUL, YEAR)
    assert (journal.kind, journal.lines, journal.memo) == (recorded.kind, recorded.lines, recorded.memo)
    assert journal.entry.total == 25_000_000
    # and the fiscal year is not changed
    assert_nothing_recorded(year)


def test_the_kind_may_be_given_by_its_value() -> None:
    journal = enter(kind="depreciation", lines=[(DEPRECIATION, 100, 0), (ACCUMULATED, 0, 100)])
    assert journal.kind is JournalKind.DEPRECIATION


def test_a_recorded_entry_replays_to_the_same_state() -> None:
    journal = enter()
    rebuilt = None
    for event in journal.collect_events():
        rebuilt = event.mutate(rebuilt)
    assert isinstance(rebuilt, ManualJournal)
    assert (rebuilt.kind, rebuilt.lines, rebuilt.memo) == (journal.kind, journal.lines, journal.memo)


@pytest.mark.parametrize("kind", list(JournalKind))
def test_every_kind_is_accepted_on_an_open_year(kind: JournalKind) -> None:
    assert enter(kind=kind).kind is kind


def test_a_closing_entry_is_accepted_on_a_closed_year() -> None:
    year = given_year(closed=True)
    journal = enter(year, JournalKind.CLOSING, [(NET_ASSETS, 1_000, 0), (CASH, 0, 1_000)], "결산 마감")
    assert journal.kind is JournalKind.CLOSING


# --- refused -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", [JournalKind.OPENING, JournalKind.DEPRECIATION, JournalKind.ACCRUAL, JournalKind.ADJUSTMENT]
)
def test_only_closing_entries_are_accepted_on_a_closed_year(kind: JournalKind) -> None:
    year = given_year(closed=True)
    with refused("year-closed", org=SEOUL, fiscal_year=YEAR):
        enter(year, kind)
    assert_nothing_recorded(year)


def test_an_unbalanced_entry_is_refused_with_both_totals() -> None:
    year = given_year()
    with refused("unbalanced-entry", debit_total=25_000_000, credit_total=24_000_000, difference=1_000_000):
        enter(year, lines=[*OPENING[:3], (NET_ASSETS, 0, 21_000_000)])
    assert_nothing_recorded(year)


def test_an_account_outside_the_chart_is_refused() -> None:
    with refused("unknown-code", account="1999", line=2):
        enter(lines=[(CASH, 1_000, 0), ("1999", 0, 1_000)])


@pytest.mark.parametrize(
    ("line", "numbers"),
    [
        ((CASH, 1_000, 1_000), {"account": CASH, "debit": 1_000, "credit": 1_000}),  # both sides
        ((CASH, 0, 0), {"account": CASH, "debit": 0, "credit": 0}),  # neither
        ((CASH, -1_000, 0), {"debit": -1_000}),  # negative
        ((CASH, 0, -1_000), {"credit": -1_000}),
    ],
)
def test_each_line_is_one_positive_debit_or_credit(
    line: tuple[str, int, int], numbers: dict[str, int]
) -> None:
    with refused("invalid-amount", **numbers):
        enter(lines=[line, (NET_ASSETS, 0, 1_000)])


@pytest.mark.parametrize("amount", [1.5, "1000", True])
def test_amounts_are_whole_won(amount: object) -> None:
    with refused("invalid-amount"):
        enter(lines=[(CASH, amount, 0), (NET_ASSETS, 0, 1_000)])


def test_an_amount_beyond_what_the_ledger_holds_is_refused() -> None:
    with refused("amount-out-of-range"):
        enter(lines=[(CASH, MAX_WON + 1, 0), (NET_ASSETS, 0, 1)])
    # and so is a total beyond it
    with refused("amount-out-of-range", maximum=MAX_WON):
        enter(lines=[(CASH, MAX_WON, 0), (BUILDINGS, 1, 0), (NET_ASSETS, 0, MAX_WON), (PAYABLE, 0, 1)])


@pytest.mark.parametrize("lines", [[], [(CASH, 1_000, 0)]])
def test_an_entry_has_at_least_two_lines(lines: list[tuple[str, int, int]]) -> None:
    with refused("invalid-input", lines=len(lines)):
        enter(lines=lines)


def test_an_entry_says_what_it_records() -> None:
    with refused("invalid-input"):
        enter(memo="   ")
    with refused("invalid-text", field="memo", length=301, maximum=300):
        enter(memo="가" * 301)


def test_an_unknown_kind_is_refused() -> None:
    with refused("invalid-input"):
        enter(kind="reversal")


def test_the_year_must_be_the_commands() -> None:
    with refused("wrong-organisation", org="3030000", fiscal_year=YEAR):
        enter(given_year(org="3030000"))
    with refused("wrong-organisation", org=SEOUL, fiscal_year=YEAR - 1):
        enter(given_year(year=YEAR - 1))


def test_an_entry_value_is_checked_as_it_is_made() -> None:
    with refused("unbalanced-entry", debit_total=1, credit_total=2):
        JournalEntry((JournalLine(CASH, 1, 0), JournalLine(NET_ASSETS, 0, 2)))
