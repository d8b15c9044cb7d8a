"""Attendance (근태, domain.personnel.attendance): the shape of a day, who may have one, the weekly
overtime limit, leave against its balance, and the attendance rate behind the next year's days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from domain.personnel.actions import ServiceState, Status, WorkingPattern
from domain.personnel.annual_leave import grants, load_rules
from domain.personnel.attendance import (
    AttendanceDay,
    AttendanceKind,
    AttendanceRecord,
    attendance_day,
    leave_since,
    leave_status,
    service_years,
    working_days,
)
from domain.personnel.org_chart import LeaveKind
from readmodels import attendance as read
from tests.unit.gwt import assert_nothing_recorded, ctx, new_id, refused

A, HALF, ABSENT, SICK, OFFICIAL, OVER = (
    AttendanceKind.ANNUAL_LEAVE,
    AttendanceKind.HALF_DAY_LEAVE,
    AttendanceKind.ABSENCE,
    AttendanceKind.SICK_LEAVE,
    AttendanceKind.OFFICIAL_LEAVE,
    AttendanceKind.OVERTIME,
)


def employed(hired_on: date, weekly_hours: int = 40) -> ServiceState:
    part_time = weekly_hours != 40
    return ServiceState(
        status=Status.EMPLOYED,
        hired_on=hired_on,
        department="FIN",
        grade="G9",
        step=1,
        position=None,
        pattern=WorkingPattern.PART_TIME if part_time else WorkingPattern.FULL_TIME,
        weekly_hours=weekly_hours,
        on_probation=False,
        probation_until=None,
        since=hired_on,
    )


def record_of(state: ServiceState, *entries: AttendanceDay) -> AttendanceRecord:
    record = AttendanceRecord.open(ctx(state.hired_on), new_id())
    for entry in entries:
        record.record_day(ctx(entry.day), entry, state)
    record.collect_events()
    return record


def weekdays(first: date, count: int) -> list[date]:
    found, day = [], first
    while len(found) < count:
        if day.weekday() < 5:
            found.append(day)
        day += timedelta(days=1)
    return found


# --- the shape of a day -----------------------------------------------------------------------------

MONDAY = date(2026, 3, 9)


def test_each_kind_takes_its_days_by_default() -> None:
    assert attendance_day(MONDAY, A).leave_days == 1
    assert attendance_day(MONDAY, HALF).leave_days == Fraction(1, 2)
    assert attendance_day(MONDAY, ABSENT).half_days == 2
    assert attendance_day(MONDAY, SICK, leave_days=Decimal("0.5")).half_days == 1
    overtime = attendance_day(MONDAY, OVER, overtime_minutes=90, night_minutes=30)
    assert (overtime.half_days, overtime.overtime_hours, overtime.night_hours) == (
        0,
        Fraction(3, 2),
        Fraction(1, 2),
    )


@pytest.mark.parametrize(
    ("kind", "leave_days", "says"),
    [
        (A, Decimal("0.5"), "annual_leave takes 1 days, not 0.5"),
        (HALF, 1, "half_day_leave takes 0.5 days, not 1"),
        (ABSENT, Decimal("0.25"), "absence takes 0.5 or 1 days, not 0.25"),
        (OFFICIAL, 2, "official_leave takes 0.5 or 1 days, not 2"),
    ],
)
def test_a_kind_refuses_other_days(kind: AttendanceKind, leave_days: Decimal | int, says: str) -> None:
    with refused("invalid-input", kind=kind.value) as info:
        attendance_day(MONDAY, kind, leave_days=leave_days)
    assert says in info.value.detail


def test_hours_belong_to_an_overtime_day_and_fit_in_it() -> None:
    with refused("invalid-input", kind="annual_leave"):
        attendance_day(MONDAY, A, overtime_minutes=60)
    with refused("invalid-input"):
        attendance_day(MONDAY, OVER)
    with refused("invalid-input", minutes=1_500):
        attendance_day(MONDAY, OVER, overtime_minutes=900, holiday_minutes=600)
    with refused("invalid-input", minutes=481):
        attendance_day(MONDAY, OVER, overtime_minutes=600, night_minutes=481)
    with refused("invalid-input"):
        attendance_day(MONDAY, OVER, overtime_minutes=1_441)
    assert attendance_day(MONDAY, OVER, overtime_minutes=960, night_minutes=480).overtime_hours == 16


def test_leave_falls_on_a_working_day_and_holiday_work_on_any() -> None:
    sunday = date(2026, 3, 15)
    with refused("invalid-input", day="2026-03-15"):
        attendance_day(sunday, A)
    assert attendance_day(sunday, OVER, holiday_minutes=480).holiday_hours == 8


# --- in service -------------------------------------------------------------------------------------

HIRED = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("state", "kind", "status"),
    [
        (None, ABSENT, "not-hired"),
        (replace(employed(HIRED), status=Status.RETIRED, retired_on=date(2026, 3, 1)), OVER, "retired"),
        (replace(employed(HIRED), status=Status.ON_LEAVE, leave_kind=LeaveKind.UNPAID), ABSENT, "on_leave"),
        (replace(employed(HIRED), status=Status.SUSPENDED), A, "suspended"),
        (replace(employed(HIRED), status=Status.SUSPENDED), OVER, "suspended"),
    ],
)
def test_attendance_needs_the_employee_in_service(
    state: ServiceState | None, kind: AttendanceKind, status: str
) -> None:
    record = record_of(employed(HIRED))
    entry = attendance_day(MONDAY, kind, overtime_minutes=60 if kind is OVER else 0)
    with refused("not-in-service", day="2026-03-09", kind=kind.value, status=status):
        record.record_day(ctx(MONDAY), entry, state)
    assert_nothing_recorded(record)


def test_a_suspended_employee_can_still_be_absent_or_on_sick_leave() -> None:
    suspended = replace(employed(HIRED), status=Status.SUSPENDED)
    record = record_of(employed(HIRED))
    record.record_day(ctx(MONDAY), attendance_day(MONDAY, ABSENT), suspended)
    record.record_day(ctx(MONDAY), attendance_day(MONDAY + timedelta(1), SICK), suspended)
    assert [e.kind for e in record.days.values()] == [ABSENT, SICK]


# --- overtime: 12 hours a week ---------------------------------------------------------------------


def test_twelve_hours_a_week_pass_and_the_thirteenth_is_refused() -> None:
    state = employed(date(2025, 1, 6))
    record = record_of(
        state, *(attendance_day(MONDAY + timedelta(i), OVER, overtime_minutes=240) for i in range(3))
    )
    thursday = attendance_day(MONDAY + timedelta(3), OVER, overtime_minutes=60)
    with refused(
        "overtime-over-limit",
        week_starts="2026-03-09",
        week_minutes=780,
        recorded_minutes=720,
        limit_minutes=720,
    ):
        record.record_day(ctx(MONDAY), thursday, state)
    # holiday work counts too; the next week starts again from nothing
    with refused("overtime-over-limit", week_minutes=840):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 15), OVER, holiday_minutes=120), state)
    record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 16), OVER, overtime_minutes=720), state)
    assert sum(e.week_overtime_minutes for e in record.days.values()) == 720 + 720


def test_a_correction_counts_the_day_once() -> None:
    state = employed(date(2025, 1, 6))
    record = record_of(
        state, *(attendance_day(MONDAY + timedelta(i), OVER, overtime_minutes=240) for i in range(3))
    )
    record.correct_day(ctx(MONDAY), attendance_day(MONDAY, OVER, overtime_minutes=180), "오기 정정", state)
    record.record_day(ctx(MONDAY), attendance_day(MONDAY + timedelta(3), OVER, overtime_minutes=60), state)
    assert sum(e.overtime_minutes for e in record.days.values()) == 180 + 240 + 240 + 60


def test_a_day_is_recorded_once_then_corrected_or_withdrawn() -> None:
    state = employed(date(2025, 1, 6))
    record = record_of(state, attendance_day(MONDAY, ABSENT))
    with refused("already-exists", day="2026-03-09"):
        record.record_day(ctx(MONDAY), attendance_day(MONDAY, SICK), state)
    with refused("invalid-input", day="2026-03-09"):
        record.correct_day(ctx(MONDAY), attendance_day(MONDAY, ABSENT), "같은 내용", state)
    with refused("not-found", day="2026-03-10"):
        record.withdraw_day(ctx(MONDAY), MONDAY + timedelta(1), "없는 날")
    record.correct_day(ctx(MONDAY), attendance_day(MONDAY, SICK), "진단서 제출", state)
    assert record.days[MONDAY].kind is SICK
    record.withdraw_day(ctx(MONDAY), MONDAY, "출근 확인")
    assert record.days == {}
    assert [type(e).__name__ for e in record.collect_events()] == ["DayCorrected", "DayWithdrawn"]


# --- leave against the balance --------------------------------------------------------------------


def test_leave_beyond_the_balance_is_refused_with_the_numbers() -> None:
    state = employed(HIRED)  # month 1 ends 2026-02-04: its day arises on 02-05
    record = record_of(state, attendance_day(date(2026, 2, 5), A))
    with refused("leave-exceeds-balance", balance="0", requested="0.5", day="2026-02-06"):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 2, 6), HALF), state)
    with refused("leave-exceeds-balance", balance="0", requested="1", day="2026-02-04"):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 2, 4), A), state)
    record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 5), HALF), state)
    record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 6), HALF), state)
    with refused("leave-exceeds-balance", balance="0", requested="0.5", day="2026-03-09"):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 9), HALF), state)


def test_a_backdated_leave_or_absence_may_not_uncover_a_later_leave() -> None:
    state = employed(HIRED)
    record = record_of(state, attendance_day(date(2026, 3, 5), A), attendance_day(date(2026, 3, 6), A))
    # 02-05 would take the day 03-06 needs (2 days have arisen by then)
    with refused("leave-exceeds-balance", balance="0", requested="1", day="2026-03-06"):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 2, 5), A), state)
    # an absence in month 1 (01-05 to 02-04) loses the day arising on 02-05
    with refused("leave-exceeds-balance", balance="0", requested="1", day="2026-03-06"):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 1, 20), ABSENT), state)
    assert_nothing_recorded(record)
    record.withdraw_day(ctx(MONDAY), date(2026, 3, 6), "취소")
    record.record_day(ctx(MONDAY), attendance_day(date(2026, 1, 20), ABSENT), state)
    assert leave_status(record, state, date(2026, 3, 31)).balance == 0


def test_a_correction_into_leave_is_checked_as_leave_is() -> None:
    state = employed(HIRED)
    record = record_of(state, attendance_day(date(2026, 2, 5), A), attendance_day(date(2026, 2, 6), ABSENT))
    with refused("leave-exceeds-balance", balance="0", requested="0.5", day="2026-02-06"):
        record.correct_day(ctx(MONDAY), attendance_day(date(2026, 2, 6), HALF), "연차로 정정", state)
    assert_nothing_recorded(record)
    assert record.days[date(2026, 2, 6)].kind is ABSENT


def test_a_part_timers_day_off_counts_their_share_of_a_full_time_day() -> None:
    state = employed(HIRED, weekly_hours=20)  # 4 hours a day: half a full-time day each
    record = record_of(state, attendance_day(date(2026, 3, 5), A))
    status = leave_status(record, state, date(2026, 3, 5))
    assert (status.entitled, status.taken, status.balance) == (1, Fraction(1, 2), Fraction(1, 2))
    record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 6), A), state)
    with refused("leave-exceeds-balance", balance="0", requested="0.5", day="2026-03-09"):
        record.record_day(ctx(MONDAY), attendance_day(date(2026, 3, 9), A), state)


def test_leave_status_shows_what_is_left_and_when_it_lapses() -> None:
    state = employed(date(2025, 1, 6))
    record = record_of(
        state,
        attendance_day(date(2025, 6, 2), A),
        attendance_day(date(2026, 1, 5), A),  # the last day of the first year's monthly days
        attendance_day(date(2026, 3, 10), HALF),
    )
    # on 2026-03-10: the 15 days arose on 2026-01-06 (until 2027-01-05); the 11 monthly days
    # lapsed on 2026-01-05, so only 2 of them were ever used
    status = leave_status(record, state, date(2026, 3, 10))
    assert (status.entitled, status.taken, status.balance) == (15, Fraction(1, 2), Fraction(29, 2))
    assert status.expiring == ((date(2027, 1, 5), Fraction(29, 2)),)
    before = leave_status(record, state, date(2025, 12, 31))
    assert (before.entitled, before.taken, before.balance) == (11, 1, 10)
    assert before.expiring == ((date(2026, 1, 5), Fraction(10)),)
    assert leave_status(None, None, date(2026, 3, 10)).balance == 0


def test_a_retired_employees_status_is_as_on_their_last_day() -> None:
    state = replace(employed(date(2025, 1, 6)), status=Status.RETIRED, retired_on=date(2026, 1, 6))
    status = leave_status(record_of(employed(date(2025, 1, 6))), state, date(2026, 6, 1))
    # the last day employed is 2026-01-05: the 15 days arising on 01-06 never arose
    assert (status.entitled, status.balance) == (11, 11)


# --- attendance (출근율) and the next year's days -------------------------------------------------

HIRED_2023 = date(2023, 3, 6)  # service year 2: 2024-03-06 to 2025-03-05, 261 weekdays


def absences(count: int) -> list[AttendanceDay]:
    """``count`` weekdays absent from 2024-04-08: months of service 14, 15 and 16 for 53 of them."""
    return [attendance_day(day, ABSENT) for day in weekdays(date(2024, 4, 8), count)]


def test_the_rate_is_absences_over_the_weekdays_of_the_service_year() -> None:
    assert working_days(date(2024, 3, 6), date(2025, 3, 5)) == 261
    assert working_days(date(2026, 3, 9), date(2026, 3, 15)) == 5
    assert working_days(date(2026, 3, 14), date(2026, 3, 14)) == 0
    years = service_years(HIRED_2023, absences(53))
    assert list(years) == [2]
    assert years[2].attendance_rate == Fraction(208, 261)
    assert years[2].full_attendance_months == 9
    half = service_years(HIRED_2023, [attendance_day(date(2024, 4, 8), ABSENT, leave_days=Decimal("0.5"))])
    assert half[2].attendance_rate == 1 - Fraction(1, 2) / 261


@pytest.mark.parametrize(("absent", "days"), [(0, 15), (52, 15), (53, 9)])
def test_absences_under_80_percent_lower_the_next_years_days(absent: int, days: int) -> None:
    state = employed(HIRED_2023)
    record = record_of(state, *absences(absent))
    # 52 of 261 is 80.08 % attended; 53 is 79.69 %: a day for each of the 9 months without one
    assert leave_status(record, state, date(2025, 3, 6)).entitled == days


def test_a_first_year_month_with_an_absence_gives_no_monthly_day() -> None:
    state = employed(HIRED)
    record = record_of(state, attendance_day(date(2026, 2, 10), ABSENT, leave_days=Decimal("0.5")))
    # month 2 (02-05 to 03-04) had the absence: months 1 and 3 give their days, month 2 not
    assert leave_status(record, state, date(2026, 4, 5)).entitled == 2
    assert leave_status(record_of(state), state, date(2026, 4, 5)).entitled == 3


# --- hired before the table of rights ---------------------------------------------------------------


def test_a_2000_hire_counts_rights_from_the_first_arising_under_the_table() -> None:
    assert leave_since() == load_rules().rows[0].effective_from == date(2018, 5, 29)
    hired = date(2000, 3, 2)
    found = grants(hired, date(2019, 3, 2), since=leave_since())
    # service year 18's right arose 2018-03-02, before the table: left out, not refused
    assert [(g.arises_on, g.days, g.earned_for[:15]) for g in found] == [
        (date(2019, 3, 2), 24, "service year 19")
    ]
    state = employed(hired)
    record = record_of(state)
    now = leave_status(record, state, date(2026, 4, 1))
    assert (now.entitled, now.expiring) == (25, ((date(2027, 3, 1), Fraction(25)),))
    assert leave_status(record, state, date(2018, 6, 1)).entitled == 0
    with refused("leave-exceeds-balance", balance="0", requested="1", day="2018-06-01"):
        record.record_day(ctx(date(2018, 6, 1)), attendance_day(date(2018, 6, 1), A), state)
    record.record_day(ctx(date(2019, 3, 4)), attendance_day(date(2019, 3, 4), A), state)
    assert leave_status(record, state, date(2019, 3, 4)).balance == 23


def test_without_since_the_table_still_refuses_an_old_right() -> None:
    with refused("invalid-input", on="2000-04-02"):
        grants(date(2000, 3, 2), date(2019, 3, 2))


# --- the read side's copy of the kinds ---------------------------------------------------------------


def test_the_read_model_names_the_domains_kinds() -> None:
    assert set(read.ANNUAL_LEAVE_KINDS) == {A.value, HALF.value}
    assert {read.ABSENCE, read.SICK_LEAVE, read.OFFICIAL_LEAVE} == {ABSENT.value, SICK.value, OFFICIAL.value}
