"""Budget lines (세출예산): every rule of domain.md §4 that lives on a line, tried and broken."""

from __future__ import annotations

from datetime import date

import pytest

from domain.budget_line import BudgetLine, CarryOverKind, TransferKind
from domain.errors import DomainError
from tests.unit.gwt import assert_nothing_recorded, ctx, given_line, new_id, refused

ELDERLY = "100-080-081-1001-2001-3001-201-01"
ELDERLY_TRAVEL = "100-080-081-1001-2001-3001-202-01"  # same detailed project, another item
LIBRARY = "100-060-061-1002-2002-3002-201-01"  # another project
RESERVE = "100-160-161-9001-9001-9001-701-01"  # 예비비


def balances(line: BudgetLine) -> tuple[int, int, int, int]:
    return line.current_budget, line.allocated_total, line.obligated, line.paid


# --- appropriation and amendments (본예산, 추경) -------------------------------------------------


def test_given_a_new_line_when_appropriated_then_current_budget_is_the_appropriation() -> None:
    # given / when
    line = given_line(budget=5_000_000)
    # then
    assert balances(line) == (5_000_000, 0, 0, 0)
    assert line.remaining == 5_000_000


def test_given_a_line_when_amended_up_and_down_then_current_budget_follows() -> None:
    line = given_line(budget=5_000_000)
    line.amend(ctx(), 2_000_000, "제1회 추경")
    line.amend(ctx(), -1_500_000, "제2회 추경")
    assert line.current_budget == 5_500_000
    assert [type(e).__name__ for e in line.pending_events] == ["Amended", "Amended"]


def test_given_allocated_budget_when_an_amendment_cuts_below_it_then_it_is_refused() -> None:
    # given 800 000 of 1 000 000 allocated
    line = given_line(budget=1_000_000, allocated={1: 800_000})
    # when the budget is cut by 300 000 (to 700 000)
    with refused(
        "below-committed", requested=300_000, current_budget=1_000_000, allocated=800_000, available=200_000
    ):
        line.amend(ctx(), -300_000, "감액 추경")
    # then
    assert_nothing_recorded(line)
    assert line.current_budget == 1_000_000


def test_a_zero_amendment_is_refused() -> None:
    line = given_line()
    with refused("invalid-amount"):
        line.amend(ctx(), 0, "없음")
    assert_nothing_recorded(line)


def test_an_appropriation_beyond_64_bit_total_is_refused() -> None:
    line = given_line(budget=2**62)
    with refused("amount-out-of-range"):
        line.appropriate(ctx(), 2**62)
    assert_nothing_recorded(line)


# --- allocation (배정, 당겨배정) -----------------------------------------------------------------


def test_given_a_budget_when_quarters_are_allocated_then_allocated_is_per_quarter() -> None:
    line = given_line(budget=1_000_000)
    line.allocate(ctx(), 1, 300_000)
    line.allocate(ctx(), 3, 200_000)
    assert line.allocated == (300_000, 0, 200_000, 0)
    assert line.allocated_total == 500_000


def test_given_most_of_the_budget_allocated_when_allocating_over_it_then_over_allocation() -> None:
    # given 900 000 of 1 000 000 allocated
    line = given_line(budget=1_000_000, allocated={1: 600_000, 2: 300_000})
    # when 100 001 more is allocated
    with refused(
        "over-allocation", requested=100_001, current_budget=1_000_000, allocated=900_000, available=100_000
    ):
        line.allocate(ctx(), 3, 100_001)
    # then
    assert_nothing_recorded(line)


@pytest.mark.parametrize("quarter", [0, 5, -1])
def test_quarters_are_one_to_four(quarter: int) -> None:
    line = given_line()
    with refused("invalid-input"):
        line.allocate(ctx(), quarter, 1_000)
    assert_nothing_recorded(line)


def test_given_a_q3_allocation_when_pulled_forward_to_q1_then_it_can_be_obligated_in_q1() -> None:
    # given nothing allocated in Q1, 500 000 in Q3
    line = given_line(budget=1_000_000, allocated={3: 500_000})
    with refused("insufficient-allocation", requested=100_000, allocated=0, available=0, quarter=1):
        line.obligate(ctx(date(2026, 2, 1)), new_id(), 100_000)
    # when 200 000 is pulled forward from Q3 to Q1
    line.pull_forward(ctx(), 3, 1, 200_000)
    # then
    assert line.allocated == (200_000, 0, 300_000, 0)
    line.obligate(ctx(date(2026, 2, 1)), new_id(), 200_000)
    assert line.obligated == 200_000


def test_pulling_forward_more_than_the_later_quarter_holds_is_refused() -> None:
    line = given_line(budget=1_000_000, allocated={3: 100_000})
    with refused("over-allocation", requested=100_001, allocated=100_000, quarter=3):
        line.pull_forward(ctx(), 3, 1, 100_001)
    assert_nothing_recorded(line)


def test_pulling_an_allocation_backwards_is_refused() -> None:
    line = given_line(budget=1_000_000, allocated={1: 100_000})
    with refused("invalid-input"):
        line.pull_forward(ctx(), 1, 3, 50_000)
    assert_nothing_recorded(line)


# --- obligation (지출원인행위) -------------------------------------------------------------------


def test_given_an_allocation_when_obligating_within_it_then_obligated_grows() -> None:
    line = given_line(budget=1_000_000, allocated={1: 600_000})
    line.obligate(ctx(date(2026, 3, 31)), new_id(), 600_000)
    assert line.obligated == 600_000
    assert line.remaining == 400_000


def test_given_an_allocation_when_obligating_beyond_it_then_insufficient_allocation() -> None:
    # given 600 000 allocated and 500 000 obligated
    line = given_line(budget=1_000_000, allocated={1: 600_000}, obligated=500_000)
    # when 100 001 more is obligated in Q1
    with refused(
        "insufficient-allocation",
        requested=100_001,
        allocated=600_000,
        obligated=500_000,
        available=100_000,
        quarter=1,
    ):
        line.obligate(ctx(date(2026, 3, 1)), new_id(), 100_001)
    # then
    assert_nothing_recorded(line)
    assert line.obligated == 500_000


def test_allocations_of_later_quarters_are_not_yet_available() -> None:
    line = given_line(budget=1_000_000, allocated={1: 100_000, 2: 400_000})
    with refused("insufficient-allocation", allocated=100_000, quarter=1):
        line.obligate(ctx(date(2026, 3, 31)), new_id(), 200_000)
    line.obligate(ctx(date(2026, 4, 1)), new_id(), 500_000)
    assert line.obligated == 500_000


def test_the_contingency_reserve_is_not_obligated_directly() -> None:
    reserve = given_line(budget=1_000_000, allocated={1: 1_000_000}, budget_code=RESERVE)
    with refused("invalid-state"):
        reserve.obligate(ctx(), new_id(), 1_000)
    assert_nothing_recorded(reserve)


def test_releasing_more_than_is_obligated_is_refused() -> None:
    line = given_line(budget=1_000_000, allocated={1: 600_000}, obligated=100_000)
    with refused("invalid-state", requested=100_001, obligated=100_000):
        line.release_obligation(ctx(), new_id(), 100_001)
    line.release_obligation(ctx(), new_id(), 100_000)
    assert line.obligated == 0


# --- transfers (전용/이용) and contingency (예비비) ----------------------------------------------


def test_given_two_items_of_one_project_when_diverted_then_both_lines_change() -> None:
    source = given_line(budget=1_000_000, budget_code=ELDERLY)
    target = given_line(budget=0, budget_code=ELDERLY_TRAVEL)
    source.transfer_to(ctx(), target, 300_000, TransferKind.DIVERSION, "여비 부족")
    assert (source.current_budget, target.current_budget) == (700_000, 300_000)
    out, into = source.pending_events[0], target.pending_events[0]
    assert (out.to_line_id, into.from_line_id) == (target.id, source.id)


def test_a_transfer_never_takes_a_line_below_what_is_allocated_or_obligated() -> None:
    # given 1 000 000 with 700 000 allocated and 650 000 obligated
    source = given_line(budget=1_000_000, allocated={1: 700_000}, obligated=650_000, budget_code=ELDERLY)
    target = given_line(budget=0, budget_code=LIBRARY)
    # when 300 001 is transferred away (leaving 699 999 < 700 000 allocated)
    with refused(
        "below-committed", requested=300_001, allocated=700_000, obligated=650_000, available=300_000
    ):
        source.transfer_to(ctx(), target, 300_001, TransferKind.APPROPRIATION_TRANSFER, "이용")
    # then neither line recorded anything
    assert_nothing_recorded(source, target)


def test_a_diversion_stays_inside_one_detailed_project() -> None:
    source = given_line(budget=1_000_000, budget_code=ELDERLY)
    target = given_line(budget=0, budget_code=LIBRARY)
    with refused("invalid-input"):
        source.transfer_to(ctx(), target, 1_000, TransferKind.DIVERSION, "전용")
    assert_nothing_recorded(source, target)


def test_an_appropriation_transfer_moves_between_projects_only() -> None:
    source = given_line(budget=1_000_000, budget_code=ELDERLY)
    target = given_line(budget=0, budget_code=ELDERLY_TRAVEL)
    with refused("invalid-input"):
        source.transfer_to(ctx(), target, 1_000, TransferKind.APPROPRIATION_TRANSFER, "이용")
    assert_nothing_recorded(source, target)


def test_a_transfer_between_organisations_is_refused() -> None:
    source = given_line(budget=1_000_000, budget_code=ELDERLY)
    target = given_line(budget=0, budget_code=LIBRARY, org="3030000")
    with refused("wrong-organisation"):
        source.transfer_to(ctx(), target, 1_000, TransferKind.APPROPRIATION_TRANSFER, "이용")
    assert_nothing_recorded(source, target)


def test_a_transfer_to_itself_is_refused() -> None:
    line = given_line(budget=1_000_000)
    with refused("invalid-input"):
        line.transfer_to(ctx(), line, 1_000, TransferKind.DIVERSION, "자기")
    assert_nothing_recorded(line)


def test_given_a_reserve_when_contingency_is_granted_then_it_moves_to_the_line() -> None:
    reserve = given_line(budget=10_000_000, budget_code=RESERVE)
    target = given_line(budget=1_000_000, budget_code=LIBRARY)
    reserve.grant_contingency(ctx(), target, 2_000_000, "재난 대응")
    assert reserve.current_budget == 8_000_000
    assert target.current_budget == 3_000_000
    assert target.contingency == 2_000_000


def test_contingency_comes_only_from_a_reserve_line_and_not_beyond_its_budget() -> None:
    ordinary = given_line(budget=10_000_000, budget_code=ELDERLY)
    reserve = given_line(budget=1_000_000, budget_code=RESERVE)
    target = given_line(budget=0, budget_code=LIBRARY)
    with refused("invalid-input"):
        ordinary.grant_contingency(ctx(), target, 1_000, "예비비 아님")
    with refused("below-committed", requested=1_000_001):
        reserve.grant_contingency(ctx(), target, 1_000_001, "초과")
    assert_nothing_recorded(ordinary, reserve, target)


# --- payments and returns on the line ------------------------------------------------------------


def test_payments_never_exceed_what_is_obligated() -> None:
    line = given_line(budget=1_000_000, allocated={1: 500_000}, obligated=300_000)
    line.record_payment(ctx(), new_id(), new_id(), 300_000)
    with refused("invalid-state", requested=1, paid=300_000, obligated=300_000):
        line.record_payment(ctx(), new_id(), new_id(), 1)


def test_a_return_lowers_what_is_paid_and_leaves_what_is_obligated() -> None:
    # given 300 000 obligated and paid
    line = given_line(budget=1_000_000, allocated={1: 500_000}, obligated=300_000, paid=300_000)
    # when 100 000 is returned (반납)
    line.record_return(ctx(), new_id(), new_id(), 100_000)
    # then 지출액 falls; 원인행위액 and 잔액 stay until the obligation is reduced (domain.md §4)
    assert (line.paid, line.obligated, line.remaining) == (200_000, 300_000, 700_000)
    # and the returned amount may be paid again under the obligation (a corrected payment)
    line.record_payment(ctx(), new_id(), new_id(), 100_000)
    assert (line.paid, line.obligated) == (300_000, 300_000)


def test_a_returned_amount_is_neither_unspent_nor_lapsed_twice() -> None:
    # given 300 000 obligated, paid, and 100 000 of it returned
    line = given_line(budget=1_000_000, allocated={1: 500_000}, obligated=300_000, paid=300_000)
    line.record_return(ctx(), new_id(), new_id(), 100_000)
    target = next_year_line(line)
    year_end = ctx(date(2026, 12, 31))
    # when more than the unobligated 700 000 is carried over explicitly: refused, the returned
    # amount is still obligated
    with refused("carry-over-exceeds-unspent", requested=700_001, unspent=700_000):
        line.carry_over(year_end, target, ctx(date(2027, 1, 1)), 700_001, CarryOverKind.EXPLICIT)
    # and at the close the lapse is the budget less what stayed paid
    assert line.close(year_end) == 800_000


def test_returning_more_than_was_paid_on_the_line_is_refused() -> None:
    line = given_line(budget=1_000_000, allocated={1: 500_000}, obligated=300_000, paid=100_000)
    with refused("invalid-state", requested=100_001, paid=100_000):
        line.record_return(ctx(), new_id(), new_id(), 100_001)
    assert_nothing_recorded(line)


# --- carry-over (이월) and year close (불용) ------------------------------------------------------


def next_year_line(line: BudgetLine) -> BudgetLine:
    return given_line(budget=0, year=line.fiscal_year + 1, budget_code=str(line.code))


def test_explicit_carry_over_takes_only_unspent_budget() -> None:
    # given 1 000 000 with 600 000 obligated
    line = given_line(budget=1_000_000, allocated={1: 600_000}, obligated=600_000)
    target = next_year_line(line)
    year_end = ctx(date(2026, 12, 31))
    # when 400 001 is carried over explicitly
    with refused("carry-over-exceeds-unspent", requested=400_001, unspent=400_000):
        line.carry_over(year_end, target, ctx(date(2027, 1, 1)), 400_001, CarryOverKind.EXPLICIT)
    assert_nothing_recorded(line, target)
    # when 400 000 is carried
    line.carry_over(year_end, target, ctx(date(2027, 1, 1)), 400_000, CarryOverKind.EXPLICIT)
    # then next year's line has it as carried in
    assert line.carried_over == 400_000
    assert target.current_budget == 400_000 and target.carried_in == 400_000
    assert line.unspent == 0


def test_accident_carry_over_takes_at_most_the_obligation_remainder() -> None:
    line = given_line(budget=1_000_000, allocated={1: 600_000}, obligated=600_000)
    target = next_year_line(line)
    obligation_id = new_id()
    with refused("carry-over-exceeds-unspent", requested=250_001, unspent=250_000):
        line.carry_over(
            ctx(date(2026, 12, 31)),
            target,
            ctx(date(2027, 1, 1)),
            250_001,
            CarryOverKind.ACCIDENT,
            obligation_id,
            obligation_remaining=250_000,
        )
    line.carry_over(
        ctx(date(2026, 12, 31)),
        target,
        ctx(date(2027, 1, 1)),
        250_000,
        CarryOverKind.ACCIDENT,
        obligation_id,
        obligation_remaining=250_000,
    )
    # the obligation arrives obligated (and so allocated) on next year's line
    assert (target.current_budget, target.allocated_total, target.obligated) == (250_000,) * 3
    assert target.accident_carried_in == 250_000


def test_carry_over_goes_to_the_same_code_of_the_next_year() -> None:
    line = given_line(budget=1_000_000)
    same_year = given_line(budget=0, budget_code=LIBRARY)
    other_code = given_line(budget=0, year=2027, budget_code=LIBRARY)
    for target in (same_year, other_code):
        with refused("wrong-organisation"):
            line.carry_over(
                ctx(date(2026, 12, 31)), target, ctx(date(2027, 1, 1)), 1_000, CarryOverKind.EXPLICIT
            )
    assert_nothing_recorded(line, same_year, other_code)


def test_given_a_year_end_when_closed_then_lapse_is_budget_minus_paid_minus_carried() -> None:
    # given 1 000 000, 700 000 obligated, 500 000 paid, 200 000 carried over
    line = given_line(budget=1_000_000, allocated={1: 700_000}, obligated=700_000, paid=500_000)
    line.carry_over(
        ctx(date(2026, 12, 31)), next_year_line(line), ctx(date(2027, 1, 1)), 200_000, CarryOverKind.EXPLICIT
    )
    # when the year closes
    lapse = line.close(ctx(date(2026, 12, 31)))
    # then 불용액 = 1 000 000 − 500 000 − 200 000
    assert lapse == line.lapsed == 300_000
    assert line.closed


def test_a_closed_line_refuses_everything_but_closing_entries() -> None:
    line = given_line(budget=1_000_000, allocated={1: 500_000}, obligated=100_000)
    line.close(ctx(date(2026, 12, 31)))
    line.collect_events()
    attempts = [
        lambda: line.allocate(ctx(), 2, 1_000),
        lambda: line.obligate(ctx(), new_id(), 1_000),
        lambda: line.amend(ctx(), 1_000, "추경"),
        lambda: line.record_payment(ctx(), new_id(), new_id(), 1_000),
        lambda: line.appropriate(ctx(), 1_000),
    ]
    for attempt in attempts:
        with refused("year-closed", fiscal_year=2026):
            attempt()
    assert_nothing_recorded(line)
    # a carry-over is a closing entry: accepted, and it reduces the lapse
    line.carry_over(
        ctx(date(2026, 12, 31)), next_year_line(line), ctx(date(2027, 1, 1)), 300_000, CarryOverKind.EXPLICIT
    )
    assert line.lapsed == 1_000_000 - 300_000


def test_a_line_closes_once() -> None:
    line = given_line()
    line.close(ctx(date(2026, 12, 31)))
    with refused("invalid-state"):
        line.close(ctx(date(2026, 12, 31)))


def test_a_command_of_another_organisation_or_year_is_refused_by_the_line() -> None:
    line = given_line(budget=1_000_000, allocated={1: 500_000})
    with refused("wrong-organisation", org="6110000", fiscal_year=2026):
        line.obligate(ctx(org="3030000"), new_id(), 1_000)
    with refused("wrong-organisation"):
        line.obligate(ctx(date(2027, 1, 5)), new_id(), 1_000)
    assert_nothing_recorded(line)


def test_a_line_replayed_from_its_events_equals_the_line_that_recorded_them() -> None:
    line = given_line(budget=1_000_000, allocated={1: 600_000}, obligated=0)
    opened = BudgetLine.open(ctx(date(2026, 1, 2)), line.code, "사업")
    opened.appropriate(ctx(), 1_000_000)
    opened.allocate(ctx(), 1, 600_000)
    opened.obligate(ctx(), new_id(), 250_000)
    events = opened.collect_events()
    replayed = None
    for event in events:
        replayed = event.mutate(replayed)
    assert replayed is not None
    assert balances(replayed) == balances(opened) == (1_000_000, 600_000, 250_000, 0)


def test_every_refusal_is_a_domain_error_with_a_code_and_a_title() -> None:
    line = given_line(budget=1_000)
    with pytest.raises(DomainError) as info:
        line.allocate(ctx(), 1, 2_000)
    assert info.value.code == "over-allocation"
    assert info.value.title
    assert "2000" in info.value.detail
