"""Annual leave entitlement (연차유급휴가, 근로기준법 제60조): which rights arise, when, for how long.

A pure calculator over an effective-dated table, ``annual_leave_rules.csv`` beside this module: a
change of law is a new row, and each right is computed with the row in force on the day it arises.

Periods follow the Civil Act (민법 제157조 단서, 제160조), which the Labour Standards Act leaves periods
to: service starts at 0:00 on the hire date, so that day counts, and every period is counted from the
hire date itself (never chained from the previous period, so a hire on the 31st does not drift). A
period of *k* months ends on the day before the hire date's day-of-month *k* months later or, when
that month has no such day, on that month's last day (제160조 제3항). The month-add clamps to month
ends and the clamped day is then the period's *last* day: hired 2024-01-31, month 1 ends 2024-02-29
and month 2 runs 2024-03-01 to 2024-03-30; hired 2024-02-29, year 1 ends 2025-02-28 and year 4 ends
2028-02-28. :func:`month_of_service` and :func:`year_of_service` give these periods.

A right arises on the day after its period ends (대법원 2021. 10. 14. 선고 2021다227100; the
Ministry's interpretation since 2021-12-16), so only for someone still employed that day: ``until``
is the last day employed, and a worker leaving on the last day of the year does not get its days.

Days are always a :class:`~fractions.Fraction` of full-time days (``day_hours`` = 8 hours each):
whole for a full-time worker, pro rata for a part-timer (단시간 근로자, 시행령 별표 2), with the same
amount in hours alongside. A worker under ``min_weekly_hours`` a week gets none (제18조 제3항).

The table begins on 2018-05-29, and a right arising before its first row is refused rather than
computed by a rule it does not hold. Whoever needs the rights of someone hired long before passes
``since`` (the table's first day): the rights arising before it are left out, never looked up, so
the entitlement runs from the first right arising under the table, with its service year's full
count of days (a 2000 hire's right for service year 19 is 24 days). The rights left out had all
lapsed by 2019-05-28 (each lasts a year from arising); leave taken while they could still be used is
charged to the later rights alone, so a balance of those months can only come out smaller than the
old rules would have made it, never larger.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final, Literal, get_args

from domain.errors import InvalidInput

PACKAGE: Final = "domain.personnel"
RULES_FILE: Final = "annual_leave_rules.csv"
COLUMNS: Final = (
    "effective_from",
    "days_per_month",
    "first_year_max",
    "base_days",
    "attendance_threshold_percent",
    "extra_every_years",
    "max_days",
    "first_year_use",
    "full_time_weekly_hours",
    "day_hours",
    "min_weekly_hours",
    "source",
)
#: How long the first year's monthly days are usable: one year from each (before the 2020 amendment)
#: or until the first year of service ends (제60조 제7항 단서, from 2020-03-31).
FirstYearUse = Literal["one_year_from_arising", "until_first_year_ends"]

_ONE_DAY: Final = timedelta(days=1)
_MONTHS_IN_YEAR: Final = 12
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class MalformedLeaveRules(ValueError):
    """The rules table is not as the loader expects; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class LeaveRule:
    """One row of the table: the numbers of 제60조 in force from ``effective_from``."""

    effective_from: date
    days_per_month: int  # 제60조 제2항: the first year, and any year under the attendance threshold
    first_year_max: int
    base_days: int
    attendance_threshold_percent: int
    extra_every_years: int
    max_days: int
    first_year_use: FirstYearUse
    full_time_weekly_hours: int
    day_hours: int
    min_weekly_hours: int
    source: str

    def annual_days(self, year: int) -> int:
        """Days for completed service year ``year`` with enough attendance (제60조 제1항, 제4항)."""
        return min(self.base_days + (year - 1) // self.extra_every_years, self.max_days)


@dataclass(frozen=True, slots=True)
class LeaveRules:
    """The effective-dated table (연차 기준표), rows in ascending ``effective_from``."""

    rows: tuple[LeaveRule, ...]

    def __post_init__(self) -> None:
        if not self.rows:
            raise ValueError("the annual-leave rules need at least one row")
        starts = [row.effective_from for row in self.rows]
        if starts != sorted(set(starts)):
            raise ValueError("the annual-leave rules must be in strictly ascending effective_from")

    def in_force(self, on: date) -> LeaveRule:
        """The row in force on ``on``; a day before the first row has no rule here to apply."""
        for row in reversed(self.rows):
            if row.effective_from <= on:
                return row
        raise InvalidInput(
            f"no annual-leave rule is in force on {on}: the table starts on {self.rows[0].effective_from}",
            on=on.isoformat(),
        )


@dataclass(frozen=True, slots=True)
class LeaveGrant:
    """One right to paid leave that has arisen (연차 발생).

    ``days`` is a Fraction of full-time days, whole for a full-time worker; ``hours`` is the same
    amount in hours. ``use_until`` is the last day it can be used (inclusive). ``earned_for`` reads
    ``"month 3 of service (2025-03-01 to 2025-03-31)"`` or ``"service year 2 (…)"``.
    """

    arises_on: date
    days: Fraction
    use_until: date
    earned_for: str
    hours: Fraction

    def __post_init__(self) -> None:
        if self.days < 0 or self.use_until < self.arises_on:
            raise InvalidInput(
                f"a leave grant needs days >= 0 and use_until on or after arises_on: {self}",
                days=str(self.days),
            )


@dataclass(frozen=True, slots=True)
class ServiceYear:
    """Attendance (출근율) over one year of service, as the caller counted it.

    For year 1 only ``attendance_rate`` matters (the 15 days at the anniversary); the first year's
    monthly days come from ``missed_months``. For a later year under the threshold,
    ``full_attendance_months`` gives 1 day each instead of the annual days (제60조 제2항).
    """

    number: int
    attendance_rate: Fraction
    full_attendance_months: int

    def __post_init__(self) -> None:
        # A float rate would compare inexactly against the threshold: exact numbers only.
        rate_ok = isinstance(self.attendance_rate, Fraction | int) and not isinstance(
            self.attendance_rate, bool
        )
        if self.number < 1 or not rate_ok or not 0 <= self.attendance_rate <= 1:
            raise InvalidInput(
                f"a service year needs number >= 1 and an exact attendance rate in 0..1: {self}",
                number=self.number,
            )
        if not 0 <= self.full_attendance_months <= _MONTHS_IN_YEAR:
            raise InvalidInput(
                f"full_attendance_months must be 0..12, got {self.full_attendance_months}",
                full_attendance_months=self.full_attendance_months,
            )


_NO_SERVICE_YEARS: Final[Mapping[int, ServiceYear]] = MappingProxyType({})


# --- the table ------------------------------------------------------------------------------------


@cache
def load_rules() -> LeaveRules:
    """The table shipped as package data (``domain.personnel/annual_leave_rules.csv``)."""
    text = resources.files(PACKAGE).joinpath(RULES_FILE).read_text(encoding="utf-8")
    return parse_rules(text)


def parse_rules(text: str, *, name: str = RULES_FILE) -> LeaveRules:
    """Parse the table strictly: exact header, every field well formed, dates ascending."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = next(reader, None)
    if header != list(COLUMNS):
        raise MalformedLeaveRules(f"{name} line 1: the header must be {','.join(COLUMNS)}, got {header}")
    rows: list[LeaveRule] = []
    end = reader.line_num
    for record in reader:
        # A quoted field may span lines: name the line the record starts on.
        line, end = end + 1, reader.line_num
        try:
            rule = _rule(record)
        except ValueError as error:
            raise MalformedLeaveRules(f"{name} line {line}: {error}") from None
        if rows and rule.effective_from <= rows[-1].effective_from:
            raise MalformedLeaveRules(
                f"{name} line {line}: effective_from {rule.effective_from} is not after "
                f"the previous row's {rows[-1].effective_from}"
            )
        rows.append(rule)
    if not rows:
        raise MalformedLeaveRules(f"{name}: the table has no rows")
    return LeaveRules(tuple(rows))


def _rule(record: list[str]) -> LeaveRule:
    if len(record) != len(COLUMNS):
        raise ValueError(f"{len(record)} fields, expected {len(COLUMNS)}")
    field = dict(zip(COLUMNS, record, strict=True))
    first_year_use = field["first_year_use"]
    if first_year_use not in get_args(FirstYearUse):
        raise ValueError(f"first_year_use must be one of {get_args(FirstYearUse)}, got {first_year_use!r}")
    source = field["source"]
    if not source.strip() or source != source.strip():
        raise ValueError(f"source must name the law, without surrounding blanks, got {source!r}")
    rule = LeaveRule(
        effective_from=_date(field, "effective_from"),
        days_per_month=_count(field, "days_per_month", 1, 31),
        first_year_max=_count(field, "first_year_max", 1, 366),
        base_days=_count(field, "base_days", 1, 366),
        attendance_threshold_percent=_count(field, "attendance_threshold_percent", 1, 100),
        extra_every_years=_count(field, "extra_every_years", 1, 100),
        max_days=_count(field, "max_days", 1, 366),
        first_year_use=first_year_use,  # type: ignore[arg-type]  # checked against the Literal above
        full_time_weekly_hours=_count(field, "full_time_weekly_hours", 1, 168),
        day_hours=_count(field, "day_hours", 1, 24),
        min_weekly_hours=_count(field, "min_weekly_hours", 0, 168),
        source=source,
    )
    if rule.max_days < rule.base_days or rule.full_time_weekly_hours < rule.min_weekly_hours:
        raise ValueError("max_days must be >= base_days, full_time_weekly_hours >= min_weekly_hours")
    return rule


def _date(field: Mapping[str, str], column: str) -> date:
    text = field[column]
    try:
        # fromisoformat alone also takes 20180529 and week dates: one spelling only.
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"{column} must be a date YYYY-MM-DD, got {text!r}")


def _count(field: Mapping[str, str], column: str, low: int, high: int) -> int:
    text = field[column]
    # int() would take " 15", "+15" and "1_5": digits only.
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise ValueError(f"{column} must be a whole number {low}..{high}, got {text!r}")
    return int(text)


# --- periods of service ---------------------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's end (01-31 + 1 → 02-29)."""
    years, month0 = divmod(day.month - 1 + months, _MONTHS_IN_YEAR)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _period_end(start: date, months: int) -> date:
    """The last day of a period of ``months`` months that begins on ``start`` (민법 제160조)."""
    same_day = _add_months(start, months)
    # Clamped means that month has no such day: the period ends on its last day (제3항).
    return same_day - _ONE_DAY if same_day.day == start.day else same_day


def month_of_service(hired_on: date, k: int) -> tuple[date, date]:
    """First and last day of month ``k`` of service (1 = the month starting on the hire date)."""
    if k < 1:
        raise InvalidInput(f"months of service count from 1, got {k}", k=k)
    return _period_end(hired_on, k - 1) + _ONE_DAY, _period_end(hired_on, k)


def year_of_service(hired_on: date, n: int) -> tuple[date, date]:
    """First and last day of year ``n`` of service (1 = the year starting on the hire date)."""
    if n < 1:
        raise InvalidInput(f"years of service count from 1, got {n}", n=n)
    months = (n - 1) * _MONTHS_IN_YEAR
    return _period_end(hired_on, months) + _ONE_DAY, _period_end(hired_on, months + _MONTHS_IN_YEAR)


# --- the rights -----------------------------------------------------------------------------------


def grants(
    hired_on: date,
    until: date,
    service_years: Mapping[int, ServiceYear] = _NO_SERVICE_YEARS,
    *,
    weekly_hours: int = 40,
    missed_months: frozenset[date] = frozenset(),
    rules: LeaveRules | None = None,
    since: date | None = None,
) -> list[LeaveGrant]:
    """Every right that has arisen on or before ``until`` (the last day employed), oldest first.

    A year missing from ``service_years`` counts as full attendance. ``missed_months`` holds the
    first days (as :func:`month_of_service` gives them) of first-year months not fully attended.
    ``since``: rights arising before it are left out, and no rule is looked up for them.
    """
    if until < hired_on:
        raise InvalidInput(f"until {until} is before the hire date {hired_on}", until=until.isoformat())
    if isinstance(weekly_hours, bool) or not isinstance(weekly_hours, int) or weekly_hours < 1:
        raise InvalidInput(f"weekly_hours must be a whole number >= 1, got {weekly_hours!r}")
    for number, year in service_years.items():
        if number != year.number:
            raise InvalidInput(f"service_years[{number}] holds year {year.number}", number=number)
    table = rules or load_rules()
    missed = _missed_month_numbers(hired_on, missed_months)
    found = [
        grant
        for grant in (
            *_monthly(hired_on, until, missed, table, weekly_hours, since or hired_on),
            *_annual(hired_on, until, service_years, table, weekly_hours, since or hired_on),
        )
        if grant is not None
    ]
    return sorted(found, key=lambda grant: (grant.arises_on, grant.use_until))


def _missed_month_numbers(hired_on: date, missed_months: frozenset[date]) -> frozenset[int]:
    numbers = {month_of_service(hired_on, k)[0]: k for k in range(1, _MONTHS_IN_YEAR + 1)}
    unknown = sorted(day for day in missed_months if day not in numbers)
    if unknown:
        raise InvalidInput(
            f"{unknown[0]} is not the first day of a month of the first year of service "
            f"(hired {hired_on}; month_of_service gives them)",
            missed=unknown[0].isoformat(),
        )
    return frozenset(numbers[day] for day in missed_months)


def _monthly(
    hired_on: date,
    until: date,
    missed: frozenset[int],
    table: LeaveRules,
    weekly_hours: int,
    since: date,
) -> Iterator[LeaveGrant | None]:
    """The first year's day per fully attended month (제60조 제2항)."""
    first_year_end = year_of_service(hired_on, 1)[1]
    granted = 0
    # Month 12 ends the first year: by then the worker is no longer "under one year" (hence 11).
    for k in range(1, _MONTHS_IN_YEAR):
        start, end = month_of_service(hired_on, k)
        arises_on = end + _ONE_DAY
        if arises_on > until:
            return
        if arises_on < since:
            # Not counted toward first_year_max either: one day a month cannot pass 11 in 11 months.
            continue
        rule = table.in_force(arises_on)
        days = min(rule.days_per_month, rule.first_year_max - granted)
        if k in missed or days <= 0:
            continue
        granted += days
        until_first_year_ends = rule.first_year_use == "until_first_year_ends"
        use_until = first_year_end if until_first_year_ends else _period_end(arises_on, _MONTHS_IN_YEAR)
        label = f"month {k} of service ({start} to {end})"
        yield _grant(rule, arises_on, days, use_until, label, weekly_hours)


def _annual(
    hired_on: date,
    until: date,
    service_years: Mapping[int, ServiceYear],
    table: LeaveRules,
    weekly_hours: int,
    since: date,
) -> Iterator[LeaveGrant | None]:
    """The days for each completed year of service, arising on its anniversary (제60조 제1항, 제4항)."""
    n = 1
    while (arises_on := year_of_service(hired_on, n)[1] + _ONE_DAY) <= until:
        if arises_on < since:
            n += 1
            continue
        rule = table.in_force(arises_on)
        days = _annual_days(rule, n, service_years.get(n))
        if days:
            start, end = year_of_service(hired_on, n)
            use_until = _period_end(arises_on, _MONTHS_IN_YEAR)
            yield _grant(
                rule, arises_on, days, use_until, f"service year {n} ({start} to {end})", weekly_hours
            )
        n += 1


def _annual_days(rule: LeaveRule, n: int, year: ServiceYear | None) -> int:
    if year is None or year.attendance_rate * 100 >= rule.attendance_threshold_percent:
        return rule.annual_days(n)
    if n == 1:
        # A first year under the threshold already had its 제2항 days month by month.
        return 0
    return year.full_attendance_months * rule.days_per_month


def _grant(
    rule: LeaveRule, arises_on: date, days: int, use_until: date, earned_for: str, weekly_hours: int
) -> LeaveGrant | None:
    if weekly_hours < rule.min_weekly_hours:
        return None
    if weekly_hours > rule.full_time_weekly_hours:
        raise InvalidInput(
            f"weekly_hours {weekly_hours} is above the full-time {rule.full_time_weekly_hours}",
            weekly_hours=weekly_hours,
        )
    # 시행령 별표 2: full-time days × contractual hours / full-time hours, counted in hours.
    share = Fraction(days * weekly_hours, rule.full_time_weekly_hours)
    return LeaveGrant(arises_on, share, use_until, earned_for, share * rule.day_hours)


# --- use of the rights ----------------------------------------------------------------------------


def balance(grants: Sequence[LeaveGrant], taken: Sequence[tuple[date, Fraction]], on: date) -> Fraction:
    """Days usable on ``on`` (잔여 연차): unexpired grants minus leave taken up to ``on``, oldest first."""
    return sum((left for _, left in usable(grants, taken, on)), Fraction(0))


def usable(
    grants: Sequence[LeaveGrant], taken: Sequence[tuple[date, Fraction]], on: date
) -> list[tuple[LeaveGrant, Fraction]]:
    """Each grant usable on ``on`` (arisen, unexpired) with the days left of it, oldest first: what
    an employee sees as their leave and when each part of it lapses."""
    return [(grant, left) for grant, left in _remaining(grants, taken, on) if on <= grant.use_until]


def expired_unused(
    grants: Sequence[LeaveGrant], taken: Sequence[tuple[date, Fraction]], on: date
) -> list[tuple[LeaveGrant, Fraction]]:
    """Grants expired before ``on`` with days left unused: what payroll pays out (연차수당)."""
    return [(grant, left) for grant, left in _remaining(grants, taken, on) if grant.use_until < on and left]


def _remaining(
    grants: Sequence[LeaveGrant], taken: Sequence[tuple[date, Fraction]], on: date
) -> list[tuple[LeaveGrant, Fraction]]:
    """Each grant arisen by ``on`` with the days the leave taken up to ``on`` left of it (FIFO)."""
    ordered = sorted((g for g in grants if g.arises_on <= on), key=lambda g: (g.arises_on, g.use_until))
    left = [Fraction(grant.days) for grant in ordered]
    for day, days in sorted(taken):
        if days <= 0:
            raise InvalidInput(f"leave taken on {day} must be more than 0 days, got {days}", days=str(days))
        if day > on:
            continue
        wanted = Fraction(days)
        for i, grant in enumerate(ordered):
            if grant.arises_on <= day <= grant.use_until:
                used = min(left[i], wanted)
                left[i] -= used
                wanted -= used
        if wanted:
            raise InvalidInput(
                f"{days} days taken on {day}, but only {Fraction(days) - wanted} were usable that day",
                taken=str(days),
                usable=str(Fraction(days) - wanted),
            )
    return list(zip(ordered, left, strict=True))
