"""Attendance (근태): the days of an employee that are not an ordinary working day.

One :class:`AttendanceRecord` per employee holds an entry for each such day: annual leave taken
(연차, 반차), an unexcused absence (결근), sick or official leave (병가, 공가), or a working day with
overtime, night or holiday hours (연장·야간·휴일근로). Every other day is an ordinary working day.
Payroll reads the days and hours; the annual-leave balance reads the leave taken and the absences.

A correction replaces a day's entry and a withdrawal removes it; both are events, so the record as
known at an earlier moment still reads as it was then.

Units are whole numbers, so sums are exact: leave in half days (반차 = 1) and hours in minutes (the
Ministry forbids rounding overtime down, and a third of an hour has no finite decimal). The
properties ``leave_days`` and ``*_hours`` give them as fractions.

The rules, checked on the command:

- The employee is in service on the day (hired and approved, not retired). On leave (휴직) nothing
  is recorded, since the day is no working day; suspended (직위해제), no annual leave and no
  overtime. Leave and absences fall on Monday to Friday.
- Annual leave may not exceed the balance on its day, nor leave a later day's leave uncovered
  (a backdated leave or absence is checked against every leave after it). The balance is
  :mod:`domain.personnel.annual_leave`'s, from the hire date and the weekly hours on the day, with
  the attendance of each service year counted from the recorded absences: the rate is one less
  the absent days over the working days of that year, **Monday to Friday, public holidays not
  left out** (a simplification: a few days more in the denominator lift the rate by under one
  point). A first-year month with an absence gives no monthly day. Only ``absence`` lowers
  attendance; sick and official leave, and days on leave (휴직), count as attended.
- Days are full-time days as the calculator counts them: a part-timer's day off counts
  weekly hours ÷ 40 of one, as if the hours were spread over five days. Grants and leave are
  scaled alike, so a change of hours never uncovers leave taken before it.
- Rights arising before the annual-leave table begins (2018-05-29) are left out (``since``): an
  employee hired before has their entitlement from the first right arising under it, and leave
  before that day finds no balance.
- Overtime and holiday hours together at most 12 in a Monday–Sunday week (근로기준법 제53조;
  the week holds its holidays since 2018, 제2조 제1항 제7호), at most 24 in a day, and night hours
  (22:00–06:00) at most 8.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import AlreadyExists, InvalidInput, NotFound
from domain.personnel.actions import ServiceState, Status
from domain.personnel.annual_leave import (
    LeaveGrant,
    ServiceYear,
    balance,
    grants,
    load_rules,
    month_of_service,
    usable,
    year_of_service,
)
from domain.personnel.errors import LeaveExceedsBalance, NotInService, OvertimeOverLimit


class AttendanceKind(StrEnum):
    ANNUAL_LEAVE = "annual_leave"  # 연차: a day of annual leave
    HALF_DAY_LEAVE = "half_day_leave"  # 반차: half a day of annual leave
    ABSENCE = "absence"  # 결근: unexcused; lowers attendance (출근율)
    SICK_LEAVE = "sick_leave"  # 병가
    OFFICIAL_LEAVE = "official_leave"  # 공가
    OVERTIME = "overtime"  # 연장근로: a working day with hours beyond the ordinary ones


#: Kinds taken from the annual-leave balance.
ANNUAL_KINDS = frozenset({AttendanceKind.ANNUAL_LEAVE, AttendanceKind.HALF_DAY_LEAVE})
#: Kinds a suspended employee (직위해제) may still have: they are still to report for work.
_WHILE_SUSPENDED = frozenset(
    {AttendanceKind.ABSENCE, AttendanceKind.SICK_LEAVE, AttendanceKind.OFFICIAL_LEAVE}
)
_IN_SERVICE = frozenset({Status.EMPLOYED, Status.SECONDED})
#: Half days each kind may take: annual leave is a whole day, 반차 half of one.
_HALF_DAYS: dict[AttendanceKind, frozenset[int]] = {
    AttendanceKind.ANNUAL_LEAVE: frozenset({2}),
    AttendanceKind.HALF_DAY_LEAVE: frozenset({1}),
    AttendanceKind.ABSENCE: frozenset({1, 2}),
    AttendanceKind.SICK_LEAVE: frozenset({1, 2}),
    AttendanceKind.OFFICIAL_LEAVE: frozenset({1, 2}),
    AttendanceKind.OVERTIME: frozenset({0}),
}
DAY_MINUTES = 24 * 60
NIGHT_MINUTES = 8 * 60  # 22:00–06:00
WEEK_OVERTIME_MINUTES = 12 * 60  # 근로기준법 제53조 제1항
_SATURDAY = 5
_WEEK = 7


@dataclass(frozen=True, slots=True)
class AttendanceDay:
    """One day's entry. ``half_days``: leave in half days (0 for overtime); hours in minutes."""

    day: date
    kind: AttendanceKind
    half_days: int
    overtime_minutes: int = 0
    night_minutes: int = 0
    holiday_minutes: int = 0
    note: str = ""

    @property
    def leave_days(self) -> Fraction:
        return Fraction(self.half_days, 2)

    @property
    def overtime_hours(self) -> Fraction:
        return Fraction(self.overtime_minutes, 60)

    @property
    def night_hours(self) -> Fraction:
        return Fraction(self.night_minutes, 60)

    @property
    def holiday_hours(self) -> Fraction:
        return Fraction(self.holiday_minutes, 60)

    @property
    def week_overtime_minutes(self) -> int:
        """What counts toward the 12 hours of the week: overtime and holiday work alike."""
        return self.overtime_minutes + self.holiday_minutes


def attendance_day(
    day: date,
    kind: AttendanceKind,
    *,
    leave_days: Fraction | Decimal | int | None = None,
    overtime_minutes: int = 0,
    night_minutes: int = 0,
    holiday_minutes: int = 0,
    note: str = "",
) -> AttendanceDay:
    """An entry, checked for its shape: what the kind takes, hours that fit in a day. Leave days
    default to the kind's (1; 반차 ½; overtime 0)."""
    kind = AttendanceKind(kind)
    allowed = _HALF_DAYS[kind]
    if leave_days is None:
        half_days = max(allowed)
    else:
        if isinstance(leave_days, bool) or not isinstance(leave_days, Fraction | Decimal | int):
            raise InvalidInput(f"leave days are an exact number, got {leave_days!r}")
        doubled = Fraction(leave_days) * 2
        if doubled.denominator != 1 or int(doubled) not in allowed:
            raise InvalidInput(
                f"{kind.value} takes {' or '.join(_days(Fraction(h, 2)) for h in sorted(allowed))} "
                f"days, not {_days(Fraction(leave_days))}",
                kind=kind.value,
                leave_days=_days(Fraction(leave_days)),
            )
        half_days = int(doubled)
    minutes = {"overtime": overtime_minutes, "night": night_minutes, "holiday": holiday_minutes}
    for name, value in minutes.items():
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= DAY_MINUTES:
            raise InvalidInput(f"{name} minutes must be a whole number 0–{DAY_MINUTES}, got {value!r}")
    if kind is AttendanceKind.OVERTIME:
        if not any(minutes.values()):
            raise InvalidInput("an overtime day records some overtime, night or holiday minutes")
        if overtime_minutes + holiday_minutes > DAY_MINUTES:
            raise InvalidInput(
                f"overtime and holiday minutes of one day add up to at most {DAY_MINUTES}",
                minutes=overtime_minutes + holiday_minutes,
            )
        if night_minutes > NIGHT_MINUTES:
            raise InvalidInput(
                f"night work (22:00–06:00) is at most {NIGHT_MINUTES} minutes a day", minutes=night_minutes
            )
    elif any(minutes.values()):
        raise InvalidInput(f"hours are recorded on an overtime day, not on {kind.value}", kind=kind.value)
    elif day.weekday() >= _SATURDAY:
        raise InvalidInput(
            f"{day} is a {day.strftime('%A')}: leave and absences fall on working days (Monday–Friday)",
            day=day.isoformat(),
        )
    return AttendanceDay(
        day=day,
        kind=kind,
        half_days=half_days,
        overtime_minutes=overtime_minutes,
        night_minutes=night_minutes,
        holiday_minutes=holiday_minutes,
        note=text.NOTE.check(note, "note"),
    )


class AttendanceRecord(LedgerAggregate):
    """The attendance (근태) of one employee: the entry of each day that is not ordinary."""

    org: str
    employee_id: UUID
    days: dict[date, AttendanceDay]

    @staticmethod
    def id_for(org: str, employee_id: UUID) -> UUID:
        return ledger_id("attendance", org, employee_id)

    # Every ``apply`` replaces the dict rather than changing it: the repository's cached copies
    # share it (domain.base.LedgerAggregate.__deepcopy__).

    class Opened(LedgerAggregate.Created):
        employee_id: UUID

        def apply(self, record: AttendanceRecord) -> None:
            record.org = self.org
            record.employee_id = self.employee_id
            record.days = {}

    class DayRecorded(LedgerAggregate.Event):
        entry: AttendanceDay

        def apply(self, record: AttendanceRecord) -> None:
            record.days = {**record.days, self.entry.day: self.entry}

    class DayCorrected(LedgerAggregate.Event):
        """The day's entry replaced (정정); the one it replaces stays in the history."""

        entry: AttendanceDay
        reason: str

        def apply(self, record: AttendanceRecord) -> None:
            record.days = {**record.days, self.entry.day: self.entry}

    class DayWithdrawn(LedgerAggregate.Event):
        """The day is an ordinary working day after all (취소)."""

        day: date
        reason: str

        def apply(self, record: AttendanceRecord) -> None:
            record.days = {day: entry for day, entry in record.days.items() if day != self.day}

    # --- commands -----------------------------------------------------------------------------

    @classmethod
    def open(cls, ctx: Context, employee_id: UUID) -> AttendanceRecord:
        return cls.start(cls.Opened, ctx, cls.id_for(ctx.org, employee_id), employee_id=employee_id)

    def record_day(self, ctx: Context, entry: AttendanceDay, state: ServiceState | None) -> None:
        """Record a day; ``state`` is the employee's record on that day."""
        if entry.day in self.days:
            raise AlreadyExists(
                f"{entry.day} is recorded already ({self.days[entry.day].kind.value}): correct it instead",
                day=entry.day.isoformat(),
            )
        self._check(entry, state, None)
        self.record(self.DayRecorded, ctx, entry=entry)

    def correct_day(
        self, ctx: Context, entry: AttendanceDay, reason: str, state: ServiceState | None
    ) -> None:
        """정정: ``entry`` replaces the day's entry."""
        before = self.entry(entry.day)
        if entry == before:
            raise InvalidInput(f"the correction of {entry.day} changes nothing", day=entry.day.isoformat())
        reason = text.REASON.check(reason, "reason")
        self._check(entry, state, before)
        self.record(self.DayCorrected, ctx, entry=entry, reason=reason)

    def withdraw_day(self, ctx: Context, day: date, reason: str) -> None:
        """The day becomes an ordinary working day. Nothing to check: fewer absences and less leave
        only ever leave more of the balance."""
        self.entry(day)
        self.record(self.DayWithdrawn, ctx, day=day, reason=text.REASON.check(reason, "reason"))

    # --- queries --------------------------------------------------------------------------------

    def entry(self, day: date) -> AttendanceDay:
        found = self.days.get(day)
        if found is None:
            raise NotFound(f"no attendance is recorded on {day}", day=day.isoformat())
        return found

    def _check(self, entry: AttendanceDay, state: ServiceState | None, before: AttendanceDay | None) -> None:
        state = check_in_service(entry, state)
        check_week(self.days.values(), entry)
        touched = {entry.kind} | ({before.kind} if before is not None else set())
        if touched & (ANNUAL_KINDS | {AttendanceKind.ABSENCE}):
            check_leave_covered({**self.days, entry.day: entry}, state, entry.day)


# --- the rules ------------------------------------------------------------------------------------


def check_in_service(entry: AttendanceDay, state: ServiceState | None) -> ServiceState:
    """``state`` (the employee's record on the entry's day) if it allows the entry."""
    status = "not-hired" if state is None else state.status.value
    if state is not None and (
        state.status in _IN_SERVICE or (state.status is Status.SUSPENDED and entry.kind in _WHILE_SUSPENDED)
    ):
        return state
    why = {
        "not-hired": "is not hired (or the hire is not approved) by then",
        Status.RETIRED.value: "retired" + (f" on {state.retired_on}" if state and state.retired_on else ""),
        Status.ON_LEAVE.value: "is on leave (휴직): the day is no working day",
        Status.SUSPENDED.value: "is suspended (직위해제): no annual leave and no overtime",
    }[status]
    raise NotInService(
        f"{entry.kind.value} on {entry.day}: the employee {why}",
        day=entry.day.isoformat(),
        kind=entry.kind.value,
        status=status,
    )


def check_week(days: Iterable[AttendanceDay], entry: AttendanceDay) -> None:
    """At most 12 hours of overtime and holiday work in the Monday–Sunday week of ``entry``
    (``days``: the entries recorded; the day's own is replaced by ``entry``)."""
    if not entry.week_overtime_minutes:
        return
    monday = entry.day - timedelta(days=entry.day.weekday())
    sunday = monday + timedelta(days=_WEEK - 1)
    others = sum(e.week_overtime_minutes for e in days if monday <= e.day <= sunday and e.day != entry.day)
    total = others + entry.week_overtime_minutes
    if total > WEEK_OVERTIME_MINUTES:
        raise OvertimeOverLimit(
            f"the week of {monday} would hold {_hours(total)} hours of overtime and holiday work, "
            f"over the {WEEK_OVERTIME_MINUTES // 60} hours of 근로기준법 제53조 "
            f"({_hours(others)} recorded on its other days)",
            day=entry.day.isoformat(),
            week_starts=monday.isoformat(),
            week_minutes=total,
            recorded_minutes=others,
            limit_minutes=WEEK_OVERTIME_MINUTES,
        )


def check_leave_covered(days: Mapping[date, AttendanceDay], state: ServiceState, changed: date) -> None:
    """Every annual leave on or after ``changed`` fits the balance of its day, counting the leave
    before it: a change on ``changed`` moves no right arising before it, so earlier days stand."""
    leave = sorted((e for e in days.values() if e.kind in ANNUAL_KINDS and e.day >= changed), key=_day)
    if not leave:
        return
    since = leave_since()
    found = entitlement(days, state, leave[-1].day)
    taken = taken_leave(days.values(), state.weekly_hours)
    for entry in leave:
        requested = _full_time_days(entry, state.weekly_hours)
        left = balance(found, [(day, amount) for day, amount in taken if day < entry.day], entry.day)
        if requested > left:
            before = f" (the table of rights begins on {since})" if entry.day < since else ""
            raise LeaveExceedsBalance(
                f"{_days(requested)} days of annual leave on {entry.day}, but {_days(left)} are left "
                f"that day{before}",
                balance=_days(left),
                requested=_days(requested),
                day=entry.day.isoformat(),
            )


# --- the balance --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LeaveStatus:
    """An employee's annual leave on one day, in full-time days: the rights usable that day
    (``entitled``), what was taken of them, what is left, and when each part lapses."""

    entitled: Fraction
    taken: Fraction
    balance: Fraction
    #: (last day usable, days left), soonest first; only parts with days left.
    expiring: tuple[tuple[date, Fraction], ...]


def leave_status(record: AttendanceRecord | None, state: ServiceState | None, on: date) -> LeaveStatus:
    """The leave of the employee whose record (None: nothing recorded yet) and service record on
    ``on`` these are; after retirement, as it stood on the last day employed."""
    nothing = LeaveStatus(Fraction(0), Fraction(0), Fraction(0), ())
    if state is None:
        return nothing
    if state.status is Status.RETIRED and state.retired_on is not None:
        on = min(on, state.retired_on - timedelta(days=1))
    if on < state.hired_on:
        return nothing
    days = record.days if record is not None else {}
    parts = usable(entitlement(days, state, on), taken_leave(days.values(), state.weekly_hours), on)
    entitled = sum((grant.days for grant, _ in parts), Fraction(0))
    left = sum((days_left for _, days_left in parts), Fraction(0))
    expiring: dict[date, Fraction] = {}
    for grant, days_left in parts:
        if days_left:
            expiring[grant.use_until] = expiring.get(grant.use_until, Fraction(0)) + days_left
    return LeaveStatus(entitled, entitled - left, left, tuple(sorted(expiring.items())))


def leave_since() -> date:
    """The first day the annual-leave table has a rule for: rights before it are left out."""
    return load_rules().rows[0].effective_from


def entitlement(days: Mapping[date, AttendanceDay], state: ServiceState, until: date) -> list[LeaveGrant]:
    """The rights arisen by ``until``, with each service year's attendance from the absences."""
    hired = state.hired_on
    absences = [e for e in days.values() if e.kind is AttendanceKind.ABSENCE and hired <= e.day <= until]
    return grants(
        hired,
        until,
        service_years(hired, absences),
        weekly_hours=state.weekly_hours,
        missed_months=frozenset(
            month_of_service(hired, month)[0]
            for month in {_month_of_service(hired, e.day) for e in absences}
            if month <= 12
        ),
        since=leave_since(),
    )


def service_years(hired_on: date, absences: Iterable[AttendanceDay]) -> dict[int, ServiceYear]:
    """The attendance of each service year with an absence (출근율): one less the absent days over
    its working days (Monday–Friday), and the months of it without one. A year absent from the
    answer was fully attended."""
    absent: dict[int, Fraction] = {}
    missed: dict[int, set[int]] = {}
    for entry in absences:
        month = _month_of_service(hired_on, entry.day)
        year = (month - 1) // 12 + 1
        absent[year] = absent.get(year, Fraction(0)) + entry.leave_days
        missed.setdefault(year, set()).add(month)
    found = {}
    for year, days in absent.items():
        start, end = year_of_service(hired_on, year)
        rate = max(Fraction(0), 1 - days / working_days(start, end))
        found[year] = ServiceYear(year, rate, 12 - len(missed[year]))
    return found


def working_days(start: date, end: date) -> int:
    """Monday to Friday from ``start`` to ``end``, both counted (public holidays not left out)."""
    weeks, rest = divmod((end - start).days + 1, _WEEK)
    return weeks * 5 + sum(1 for i in range(rest) if (start.weekday() + i) % _WEEK < _SATURDAY)


def taken_leave(entries: Iterable[AttendanceDay], weekly_hours: int) -> list[tuple[date, Fraction]]:
    """Annual leave taken, in full-time days, from the day the table of rights begins."""
    since = leave_since()
    return sorted(
        (e.day, _full_time_days(e, weekly_hours))
        for e in entries
        if e.kind in ANNUAL_KINDS and e.day >= since
    )


# --- helpers ------------------------------------------------------------------------------------


def _full_time_days(entry: AttendanceDay, weekly_hours: int) -> Fraction:
    """A day off in full-time days (8 hours each): the employee's day is weekly hours ÷ 5 long."""
    rules = load_rules()
    full_time = rules.in_force(max(entry.day, rules.rows[0].effective_from)).full_time_weekly_hours
    return entry.leave_days * weekly_hours / full_time


def _month_of_service(hired_on: date, day: date) -> int:
    """The number of the month of service ``day`` falls in (1 = the month of the hire date)."""
    month = max(1, (day.year - hired_on.year) * 12 + day.month - hired_on.month)
    while month > 1 and month_of_service(hired_on, month)[0] > day:
        month -= 1
    while month_of_service(hired_on, month)[1] < day:
        month += 1
    return month


def _day(entry: AttendanceDay) -> date:
    return entry.day


def _days(value: Fraction) -> str:
    """A number of days as a decimal: halves and ÷40 shares always end (e.g. 7.5, 0.4375)."""
    return str(Decimal(value.numerator) / Decimal(value.denominator))


def _hours(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"
