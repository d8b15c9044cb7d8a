"""Annual leave entitlement (연차유급휴가, domain.personnel.annual_leave): when each right arises, how
many days and hours, how long it lasts, what is left, and the table it reads."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.personnel.annual_leave import (
    COLUMNS,
    LeaveGrant,
    MalformedLeaveRules,
    ServiceYear,
    balance,
    expired_unused,
    grants,
    load_rules,
    month_of_service,
    parse_rules,
    year_of_service,
)
from tests.unit.gwt import refused

HIRED = date(2025, 1, 1)


def total(found: list[LeaveGrant]) -> Fraction:
    return sum((grant.days for grant in found), Fraction(0))


def whole(days: Fraction) -> int:
    """Days a full-time worker has: whole, or the test fails."""
    assert days.denominator == 1, days
    return days.numerator


def monthly(found: list[LeaveGrant]) -> list[LeaveGrant]:
    return [grant for grant in found if grant.earned_for.startswith("month ")]


def annual(found: list[LeaveGrant]) -> list[LeaveGrant]:
    return [grant for grant in found if grant.earned_for.startswith("service year ")]


# --- the first year, month by month ---------------------------------------------------------------


def test_the_first_years_days_arise_on_the_first_of_each_following_month() -> None:
    found = grants(HIRED, date(2025, 12, 1))

    assert [grant.arises_on for grant in found] == [date(2025, m, 1) for m in range(2, 13)]
    assert [grant.days for grant in found] == [1] * 11
    assert [grant.hours for grant in found] == [8] * 11
    assert total(found) == 11
    assert found[0].earned_for == "month 1 of service (2025-01-01 to 2025-01-31)"


def test_a_months_day_arises_only_the_day_after_the_month_ends() -> None:
    assert total(grants(HIRED, date(2025, 1, 31))) == 0
    assert total(grants(HIRED, date(2025, 2, 1))) == 1
    assert total(grants(HIRED, date(2025, 2, 28))) == 1
    assert total(grants(HIRED, date(2025, 3, 1))) == 2


def test_the_first_years_days_are_usable_until_the_first_year_ends() -> None:
    found = grants(HIRED, date(2025, 12, 31))

    assert total(found) == 11
    assert {grant.use_until for grant in found} == {date(2025, 12, 31)}


def test_a_missed_month_gives_no_day() -> None:
    found = grants(HIRED, date(2026, 1, 1), missed_months=frozenset({date(2025, 3, 1), date(2025, 7, 1)}))

    assert total(monthly(found)) == 9
    assert date(2025, 4, 1) not in {grant.arises_on for grant in found}
    assert date(2025, 8, 1) not in {grant.arises_on for grant in found}
    # Missing two months still leaves the year above 80 %: the 15 days arise as usual.
    assert [grant.days for grant in annual(found)] == [15]


def test_a_missed_month_must_be_named_by_its_first_day() -> None:
    with refused("invalid-input", missed="2025-03-02"):
        grants(HIRED, date(2026, 1, 1), missed_months=frozenset({date(2025, 3, 2)}))
    with refused("invalid-input", missed="2026-01-01"):
        grants(HIRED, date(2026, 1, 1), missed_months=frozenset({date(2026, 1, 1)}))


# --- the anniversary: 대법원 2021다227100 ------------------------------------------------------------


def test_leaving_on_the_last_day_of_the_first_year_gives_only_the_11_monthly_days() -> None:
    found = grants(HIRED, date(2025, 12, 31))

    assert total(found) == 11
    assert annual(found) == []


def test_still_employed_on_the_anniversary_gives_the_15_days_as_well() -> None:
    found = grants(HIRED, date(2026, 1, 1))

    assert total(found) == 26
    [year_one] = annual(found)
    assert year_one.arises_on == date(2026, 1, 1)
    assert year_one.days == 15
    assert year_one.hours == 120
    assert year_one.use_until == date(2026, 12, 31)
    assert year_one.earned_for == "service year 1 (2025-01-01 to 2025-12-31)"


def test_16_days_arise_after_3_years_for_the_fourth_year() -> None:
    found = annual(grants(HIRED, date(2028, 1, 1)))

    assert [(grant.arises_on, whole(grant.days)) for grant in found] == [
        (date(2026, 1, 1), 15),
        (date(2027, 1, 1), 15),
        (date(2028, 1, 1), 16),
    ]
    assert found[-1].use_until == date(2028, 12, 31)


@pytest.mark.parametrize(
    ("years", "days"),
    [(1, 15), (2, 15), (3, 16), (4, 16), (5, 17), (19, 24), (20, 24), (21, 25), (22, 25), (30, 25)],
)
def test_one_more_day_every_two_years_up_to_25(years: int, days: int) -> None:
    anniversary = year_of_service(HIRED, years)[1] + timedelta(days=1)

    last = annual(grants(HIRED, anniversary))[-1]

    assert last.arises_on == anniversary
    assert last.earned_for.startswith(f"service year {years} ")
    assert last.days == days


def test_the_25_day_cap_is_reached_after_21_years() -> None:
    found = annual(grants(HIRED, date(2056, 1, 1)))

    assert len(found) == 31
    assert [grant.days for grant in found[:21]][-3:] == [24, 24, 25]
    assert max(grant.days for grant in found) == 25
    assert found.index(next(g for g in found if g.days == 25)) + 1 == 21


# --- attendance under 80 % ------------------------------------------------------------------------


def test_a_year_under_80_percent_gives_a_day_per_fully_attended_month_instead() -> None:
    years = {2: ServiceYear(2, Fraction(3, 4), full_attendance_months=7)}

    found = annual(grants(HIRED, date(2028, 1, 1), years))

    assert [(grant.arises_on, whole(grant.days)) for grant in found] == [
        (date(2026, 1, 1), 15),
        (date(2027, 1, 1), 7),
        # Service still counts toward the extra days: year 3 has its 16.
        (date(2028, 1, 1), 16),
    ]
    assert found[1].use_until == date(2027, 12, 31)


def test_exactly_80_percent_is_enough_and_just_under_is_not() -> None:
    at = annual(grants(HIRED, date(2027, 1, 1), {2: ServiceYear(2, Fraction(4, 5), 3)}))
    under = annual(grants(HIRED, date(2027, 1, 1), {2: ServiceYear(2, Fraction(799, 1000), 3)}))

    assert [grant.days for grant in at] == [15, 15]
    assert [grant.days for grant in under] == [15, 3]


def test_a_first_year_under_80_percent_keeps_its_monthly_days_and_gets_no_15() -> None:
    found = grants(
        HIRED,
        date(2026, 1, 1),
        {1: ServiceYear(1, Fraction(7, 10), 9)},
        missed_months=frozenset({date(2025, 5, 1)}),
    )

    assert total(monthly(found)) == 10
    assert annual(found) == []


def test_a_year_under_80_percent_with_no_full_month_gives_nothing() -> None:
    found = annual(grants(HIRED, date(2027, 1, 1), {2: ServiceYear(2, Fraction(0), 0)}))

    assert [grant.days for grant in found] == [15]


# --- part-time workers (단시간 근로자) --------------------------------------------------------------


def test_20_hours_a_week_gives_half_the_hours() -> None:
    full = grants(HIRED, date(2027, 1, 1))
    part = grants(HIRED, date(2027, 1, 1), weekly_hours=20)

    assert [grant.hours for grant in part] == [grant.hours / 2 for grant in full]
    assert [grant.hours for grant in annual(part)] == [60, 60]
    assert [grant.days for grant in annual(part)] == [Fraction(15, 2), Fraction(15, 2)]
    assert monthly(part)[0].hours == 4
    assert total(part) == Fraction(11 + 15 + 15, 2)


def test_30_hours_a_week_gives_three_quarters() -> None:
    [year_one] = annual(grants(HIRED, date(2026, 1, 1), weekly_hours=30))

    assert year_one.days == Fraction(45, 4)
    assert year_one.hours == 90


def test_under_15_hours_a_week_gives_no_annual_leave() -> None:
    assert grants(HIRED, date(2027, 1, 1), weekly_hours=14) == []
    assert total(grants(HIRED, date(2027, 1, 1), weekly_hours=15)) == Fraction(41 * 15, 40)


def test_more_hours_than_full_time_are_refused() -> None:
    with refused("invalid-input", weekly_hours=41):
        grants(HIRED, date(2027, 1, 1), weekly_hours=41)


# --- month ends and leap days (민법 제160조) ----------------------------------------------------------


def test_a_hire_on_the_31st_ends_its_months_on_the_month_end_without_drifting() -> None:
    hired = date(2024, 1, 31)

    assert [month_of_service(hired, k) for k in (1, 2, 3, 4)] == [
        (date(2024, 1, 31), date(2024, 2, 29)),
        (date(2024, 3, 1), date(2024, 3, 30)),
        (date(2024, 3, 31), date(2024, 4, 30)),
        (date(2024, 5, 1), date(2024, 5, 30)),
    ]
    found = grants(hired, date(2024, 5, 31))
    assert [grant.arises_on for grant in found] == [
        date(2024, 3, 1),
        date(2024, 3, 31),
        date(2024, 5, 1),
        date(2024, 5, 31),
    ]
    assert total(found) == 4


def test_a_hire_on_the_31st_in_a_common_year_ends_month_1_on_28_february() -> None:
    assert month_of_service(date(2023, 1, 31), 1) == (date(2023, 1, 31), date(2023, 2, 28))
    assert month_of_service(date(2023, 1, 28), 1) == (date(2023, 1, 28), date(2023, 2, 27))


def test_a_leap_day_hire_completes_its_first_year_on_28_february() -> None:
    hired = date(2024, 2, 29)

    assert year_of_service(hired, 1) == (date(2024, 2, 29), date(2025, 2, 28))
    assert year_of_service(hired, 4) == (date(2027, 3, 1), date(2028, 2, 28))
    assert annual(grants(hired, date(2025, 2, 28))) == []
    [year_one] = annual(grants(hired, date(2025, 3, 1)))
    assert (year_one.arises_on, whole(year_one.days), year_one.use_until) == (
        date(2025, 3, 1),
        15,
        date(2026, 2, 28),
    )
    assert monthly(grants(hired, date(2024, 3, 29)))[0].arises_on == date(2024, 3, 29)


def test_a_leap_day_hires_fourth_anniversary_falls_on_29_february() -> None:
    found = annual(grants(date(2024, 2, 29), date(2028, 2, 29)))

    assert [(grant.arises_on, whole(grant.days)) for grant in found] == [
        (date(2025, 3, 1), 15),
        (date(2026, 3, 1), 15),
        (date(2027, 3, 1), 16),
        (date(2028, 2, 29), 16),
    ]
    assert found[2].use_until == date(2028, 2, 29)


# --- the effective-dated table --------------------------------------------------------------------


def test_the_table_is_package_data_with_the_2018_and_2020_rows() -> None:
    rules = load_rules()

    assert [row.effective_from for row in rules.rows] == [date(2018, 5, 29), date(2020, 3, 31)]
    first = rules.rows[0]
    assert (first.days_per_month, first.first_year_max, first.base_days, first.max_days) == (1, 11, 15, 25)
    assert (first.attendance_threshold_percent, first.extra_every_years) == (80, 2)
    assert "제60조" in first.source
    assert "2021다227100" in first.source
    assert rules.in_force(date(2020, 3, 30)) is first
    assert rules.in_force(date(2020, 3, 31)) is rules.rows[1]
    pyproject = tomllib.loads(Path(__file__).parents[2].joinpath("pyproject.toml").read_text())
    assert pyproject["tool"]["setuptools"]["package-data"]["domain.personnel"] == ["*.csv"]


def test_first_year_days_arising_before_the_2020_amendment_last_a_year_from_arising() -> None:
    found = monthly(grants(date(2019, 6, 1), date(2020, 5, 31)))

    assert len(found) == 11
    # Month 9 ends 2020-02-29: its day arises under the 2018 row and lasts a year.
    assert (found[8].arises_on, found[8].use_until) == (date(2020, 3, 1), date(2021, 2, 28))
    # Month 10's day arises under the 2020 row: usable until the first year ends.
    assert (found[9].arises_on, found[9].use_until) == (date(2020, 4, 1), date(2020, 5, 31))


def test_each_right_takes_the_row_in_force_on_the_day_it_arises() -> None:
    text = load_rules_text() + "2027-01-01,1,11,20,80,2,25,until_first_year_ends,40,8,15,a later law\n"

    found = annual(grants(HIRED, date(2028, 1, 1), rules=parse_rules(text)))

    assert [grant.days for grant in found] == [15, 20, 21]


def test_a_right_arising_before_the_table_is_refused() -> None:
    with refused("invalid-input", on="2017-02-01"):
        grants(date(2017, 1, 1), date(2026, 1, 1))


def load_rules_text() -> str:
    path = Path(__file__).parents[2] / "domain" / "personnel" / "annual_leave_rules.csv"
    return path.read_text(encoding="utf-8")


HEADER = ",".join(COLUMNS)
GOOD = "2018-05-29,1,11,15,80,2,25,until_first_year_ends,40,8,15,근로기준법 제60조"


@pytest.mark.parametrize(
    ("bad_row", "says"),
    [
        ("2018-05-30,1,11,x5,80,2,25,until_first_year_ends,40,8,15,law", "base_days"),
        ("2018-05-30,1,11,-15,80,2,25,until_first_year_ends,40,8,15,law", "base_days"),
        ("2018-05-30,1,11, 15,80,2,25,until_first_year_ends,40,8,15,law", "base_days"),
        ("2018-05-30,1,11,15,101,2,25,until_first_year_ends,40,8,15,law", "attendance_threshold_percent"),
        ("2018-5-30,1,11,15,80,2,25,until_first_year_ends,40,8,15,law", "effective_from"),
        ("20180530,1,11,15,80,2,25,until_first_year_ends,40,8,15,law", "effective_from"),
        ("2018-02-30,1,11,15,80,2,25,until_first_year_ends,40,8,15,law", "effective_from"),
        ("2018-05-30,1,11,15,80,2,25,forever,40,8,15,law", "first_year_use"),
        ("2018-05-30,1,11,15,80,2,25,until_first_year_ends,40,8,15,", "source"),
        ("2018-05-30,1,11,15,80,2,25,until_first_year_ends,40,8,law", "11 fields, expected 12"),
        ("2018-05-30,1,11,15,80,2,10,until_first_year_ends,40,8,15,law", "max_days"),
        ("2018-05-29,1,11,15,80,2,25,until_first_year_ends,40,8,15,law", "not after"),
        ("", "0 fields"),
    ],
)
def test_the_loader_refuses_a_malformed_row_naming_its_line(bad_row: str, says: str) -> None:
    with pytest.raises(MalformedLeaveRules) as info:
        parse_rules(f"{HEADER}\n{GOOD}\n{bad_row}\n", name="rules.csv")

    assert str(info.value).startswith("rules.csv line 3: ")
    assert says in str(info.value)
    assert len(parse_rules(f"{HEADER}\n{GOOD}\n").rows) == 1


def test_the_loader_refuses_a_wrong_header_or_an_empty_table() -> None:
    with pytest.raises(MalformedLeaveRules, match=r"^annual_leave_rules\.csv line 1: the header"):
        parse_rules(HEADER.replace("max_days", "cap") + "\n" + GOOD + "\n")
    with pytest.raises(MalformedLeaveRules, match="no rows"):
        parse_rules(HEADER + "\n")


def test_the_loader_names_the_line_a_record_starts_on_after_a_multiline_source() -> None:
    spanning = GOOD.removesuffix("근로기준법 제60조") + '"line one\nline two"'
    text = f"{HEADER}\n{spanning}\n2019-01-01,1,11,15,80,2,25,x,40,8,15,law\n"

    with pytest.raises(MalformedLeaveRules, match=r"line 4: first_year_use"):
        parse_rules(text)


# --- balance: FIFO use and expiry -----------------------------------------------------------------

TAKEN = [(date(2025, 6, 15), Fraction(3)), (date(2025, 12, 20), Fraction(2)), (date(2026, 2, 2), Fraction(5))]


def test_balance_uses_the_oldest_days_first_and_loses_the_expired_ones() -> None:
    found = grants(HIRED, date(2026, 6, 30))

    assert balance(found, TAKEN, date(2025, 6, 14)) == 5
    assert balance(found, TAKEN, date(2025, 6, 15)) == 2
    assert balance(found, TAKEN, date(2025, 12, 31)) == 6
    # The first year's 6 unused days expire; the 15 arise.
    assert balance(found, TAKEN, date(2026, 1, 1)) == 15
    assert balance(found, TAKEN, date(2026, 2, 2)) == 10
    assert balance(found, TAKEN, date(2027, 1, 1)) == 0


def test_the_expired_unused_days_are_the_youngest_monthly_ones() -> None:
    found = grants(HIRED, date(2026, 6, 30))

    expired = expired_unused(found, TAKEN, date(2026, 1, 1))

    # FIFO spent months 1–5 on the 5 days taken in 2025: months 6–11 expire unused.
    assert [(grant.arises_on, whole(left)) for grant, left in expired] == [
        (date(2025, m, 1), 1) for m in range(7, 13)
    ]
    assert expired_unused(found, TAKEN, date(2025, 12, 31)) == []
    assert sum(left for _, left in expired_unused(found, TAKEN, date(2027, 1, 1))) == 6 + 10


def test_half_days_are_taken_from_one_grant_then_the_next() -> None:
    found = grants(HIRED, date(2025, 3, 1))
    taken = [(date(2025, 3, 3), Fraction(1, 2)), (date(2025, 3, 4), Fraction(1))]

    assert balance(found, taken, date(2025, 3, 4)) == Fraction(1, 2)
    assert expired_unused(found, taken, date(2026, 1, 1)) == [(found[1], Fraction(1, 2))]


def test_taking_more_than_is_usable_is_refused() -> None:
    found = grants(HIRED, date(2026, 6, 30))

    with refused("invalid-input", taken="2", usable="1"):
        balance(found, [(date(2025, 2, 15), Fraction(2))], date(2025, 3, 1))
    # Expired days cannot be taken: on 2026-01-05 only the 15 are usable.
    with refused("invalid-input", taken="16", usable="15"):
        balance(found, [(date(2026, 1, 5), Fraction(16))], date(2026, 2, 1))
    with refused("invalid-input", days="0"):
        balance(found, [(date(2025, 3, 1), Fraction(0))], date(2025, 3, 1))


def test_part_time_balance_counts_in_full_time_days() -> None:
    found = grants(HIRED, date(2026, 1, 1), weekly_hours=20)

    assert balance(found, [(date(2026, 1, 2), Fraction(3, 2))], date(2026, 1, 2)) == 6


# --- refused input --------------------------------------------------------------------------------


def test_inputs_that_make_no_sense_are_refused() -> None:
    with refused("invalid-input", until="2024-12-31"):
        grants(HIRED, date(2024, 12, 31))
    with refused("invalid-input", number=2):
        grants(HIRED, date(2027, 1, 1), {2: ServiceYear(3, Fraction(1), 12)})
    with refused("invalid-input", number=2):
        ServiceYear(2, 0.9, 12)  # type: ignore[arg-type]
    with refused("invalid-input", number=2):
        ServiceYear(2, Fraction(11, 10), 12)
    with refused("invalid-input", full_attendance_months=13):
        ServiceYear(2, Fraction(1, 2), 13)
    assert grants(HIRED, HIRED) == []


# --- properties -----------------------------------------------------------------------------------

hires = st.dates(min_value=date(2018, 5, 29), max_value=date(2040, 12, 31))


@st.composite
def careers(draw: st.DrawFn) -> tuple[date, date, dict[int, ServiceYear], frozenset[date], int]:
    hired = draw(hires)
    until = hired + timedelta(days=draw(st.integers(0, 32 * 366)))
    numbers = draw(st.sets(st.integers(1, 32), max_size=8))
    years = {
        n: ServiceYear(n, Fraction(draw(st.integers(0, 100)), 100), draw(st.integers(0, 12))) for n in numbers
    }
    starts = [month_of_service(hired, k)[0] for k in range(1, 13)]
    missed = frozenset(draw(st.sets(st.sampled_from(starts))))
    return hired, until, years, missed, draw(st.integers(1, 40))


@settings(max_examples=300, deadline=None)
@given(career=careers())
def test_total_days_never_exceed_11_plus_the_annual_days_and_no_year_exceeds_25(
    career: tuple[date, date, dict[int, ServiceYear], frozenset[date], int],
) -> None:
    hired, until, years, missed, weekly_hours = career

    found = grants(hired, until, years, weekly_hours=weekly_hours, missed_months=missed)

    first_anniversary = year_of_service(hired, 1)[1] + timedelta(days=1)
    assert total(found) <= 11 + total(annual(found))
    assert total(monthly(found)) <= 11
    assert all(grant.days <= 25 for grant in annual(found))
    assert all(grant.arises_on <= until for grant in found)
    assert all(grant.arises_on < first_anniversary for grant in monthly(found))
    assert all(grant.hours == grant.days * 8 for grant in found)
    assert len(annual(found)) <= (until - hired).days // 365
    if weekly_hours == 40:
        assert all(grant.days.denominator == 1 for grant in found)
    if weekly_hours < 15:
        assert found == []
