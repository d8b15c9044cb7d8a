"""The month's pay (급여 계산), for every employee of an organisation in one batch.

:func:`calculate` takes each employee's approved personnel history, their payroll profile and the
month's attendance, and the organisation's tables (:class:`~domain.payroll.table_set.TableSet`);
it returns one :class:`~domain.payroll.payslip.Payslip` per employee with any pay or deduction.
Nothing here reads a clock or a store: the same inputs give the same payslips, which is what a
recalculation (소급) relies on. The rules, in the order they apply (docs/payroll.md has them with
the law behind each):

1. **Days (일할계산).** The month is cut wherever the record changes (an action takes effect, a
   discipline's period starts or ends, a table row takes effect). Each piece pays the monthly
   amounts in force on its first day × its days ÷ the month's calendar days, × the pay rule of its
   status (휴직, 직위해제, 정직, 감봉: ``pay_rules``), × weekly hours ÷ 40 for part-time work. Days
   after retirement (the retirement's effective date is the first day out) pay nothing.
2. **Earnings (지급).** Base pay from the pay scale by grade and step; each allowance whose
   ``applies_to`` matches (everyone, a position, a grade, per dependant, per child); each earning
   summed exactly and truncated to the won once.
3. **Premiums (시간외수당).** The hourly ordinary wage (통상시급) is the month-end record's base
   pay and ordinary allowances ÷ the table's monthly hours (209); overtime, night and holiday
   hours are paid at their table percentages of it. An unexcused absence (결근) deducts a day's
   pay (the monthly pay ÷ the month's days) per day.
4. **Taxable pay.** Gross less each allowance's non-taxable part (e.g. 식대 up to 200 000 won).
5. **Contributions.** The monthly base (보수월액) is the full month's taxable fixed pay on the
   first day of service in the month. National pension and health insurance are due from the
   month of acquisition if it began on the 1st (else from the next month) until the month before
   the loss (the day after the last day of service), and not for a month spent wholly on unpaid
   leave (납부예외); long-term care is a percentage of the health premium; employment insurance is
   due on the month's actual taxable pay. Employee and employer shares are each truncated to the
   table's unit.
6. **Tax.** Income tax from the simplified withholding table (간이세액표) on the month's taxable pay
   and the family counted, less the children's deduction, × the employee's choice of 80, 100 or
   120 %, truncated to 10 won; local income tax a percentage of it, truncated to 10 won.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

from domain.errors import InvalidInput
from domain.payroll.payslip import Deduction, Payslip, PayslipKind
from domain.payroll.rounding import percent, scaled, truncate
from domain.payroll.table_set import PaidAllowance, TableSet
from domain.personnel.actions import (
    FULL_TIME_HOURS,
    Action,
    ActionKind,
    DisciplineKind,
    ServiceState,
    Status,
    WorkingPattern,
    apply,
    ordered,
)

#: The employee's choice of withholding (소득세법 시행령 제194조 제1항: 80 %, 100 % or 120 %).
WITHHOLDING_CHOICES = frozenset({80, 100, 120})
MAX_FAMILY = 30
MAX_CHILDREN = 20
#: Minutes in a month one person could work; more is input no clock can hold.
MAX_MONTH_MINUTES = 31 * 24 * 60


@dataclass(frozen=True, slots=True)
class PayProfile:
    """What payroll needs to know of the family (급여 기본정보), not the family itself.

    ``family`` counts the employee and the dependants deducted (공제대상가족, 1 at least);
    ``children`` the children among them (가족수당); ``children_8_to_20`` those of 8 to 20 (the
    withholding table's 자녀 공제); ``withholding_percent`` the employee's choice."""

    family: int = 1
    children: int = 0
    children_8_to_20: int = 0
    withholding_percent: int = 100

    def __post_init__(self) -> None:
        if not 1 <= self.family <= MAX_FAMILY:
            raise InvalidInput(f"the family counted is 1 to {MAX_FAMILY} people, the employee included")
        if not 0 <= self.children_8_to_20 <= self.children <= min(MAX_CHILDREN, self.family - 1):
            raise InvalidInput(
                "children are dependants counted in the family, and those of 8 to 20 are among them"
            )
        if self.withholding_percent not in WITHHOLDING_CHOICES:
            raise InvalidInput("withholding is 80, 100 or 120 percent of the table")


@dataclass(frozen=True, slots=True)
class WorkedTime:
    """The month's attendance summary (근태 월 집계) that pay reads, in minutes and half days."""

    overtime_minutes: int = 0
    night_minutes: int = 0
    holiday_minutes: int = 0  # holiday work up to 8 hours a day
    holiday_over_8h_minutes: int = 0
    absence_half_days: int = 0

    def __post_init__(self) -> None:
        for name in ("overtime_minutes", "night_minutes", "holiday_minutes", "holiday_over_8h_minutes"):
            value = getattr(self, name)
            if not 0 <= value <= MAX_MONTH_MINUTES:
                raise InvalidInput(f"{name} must be 0 to {MAX_MONTH_MINUTES}")
        if not 0 <= self.absence_half_days <= 62:
            raise InvalidInput("absence is 0 to 62 half days")


@dataclass(frozen=True, slots=True)
class EmployeeMonth:
    """One employee's inputs for the month."""

    employee_id: UUID
    employee_number: str
    #: The approved history (Employee.effective()).
    actions: tuple[Action, ...]
    profile: PayProfile = PayProfile()
    worked: WorkedTime = WorkedTime()


def month_bounds(month: str) -> tuple[date, date]:
    """The first and last day of ``YYYY-MM``."""
    try:
        year, number = (int(part) for part in month.split("-"))
        if len(month) != 7 or not 2000 <= year <= 2999:
            raise ValueError
        first = date(year, number, 1)
    except ValueError:
        raise InvalidInput(f"a pay month is written YYYY-MM, got {month!r}", month=month) from None
    return first, first.replace(day=calendar.monthrange(year, number)[1])


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def previous_month(month: str) -> str:
    first, _ = month_bounds(month)
    return month_of(first - timedelta(days=1))


def calculate(month: str, people: Iterable[EmployeeMonth], tables: TableSet) -> list[Payslip]:
    """Every payslip of the month with something on it, in the order of ``people``."""
    first, last = month_bounds(month)
    table_days = tables.change_days(first, last)
    slips = []
    for person in people:
        slip = payslip(month, person, tables, first, last, table_days)
        if slip is not None:
            slips.append(slip)
    return slips


@dataclass(slots=True)
class _Piece:
    start: date
    days: int
    state: ServiceState
    share: Fraction  # of the month's pay: days ÷ month days × pay rule × hours


def payslip(
    month: str,
    person: EmployeeMonth,
    tables: TableSet,
    first: date | None = None,
    last: date | None = None,
    table_days: set[date] | None = None,
) -> Payslip | None:
    """One employee's payslip for ``month`` (None: not in service in it, or nothing on it)."""
    if first is None or last is None:
        first, last = month_bounds(month)
    if table_days is None:
        table_days = tables.change_days(first, last)
    pieces = _pieces(person.actions, first, last, tables, table_days)
    if not pieces:
        return None
    profile, worked = person.profile, person.worked
    end_state, end_day = pieces[-1].state, pieces[-1].start
    earnings = _earnings(pieces, tables, profile)
    earnings |= _premiums(end_state, end_day, worked, tables, profile, (last - first).days + 1)
    earnings = {code: amount for code, amount in earnings.items() if amount}

    # 4. taxable pay
    limits = {row["code"]: row["non_taxable_limit"] for row in tables.allowances(end_day)}
    non_taxable = sum(min(max(earnings.get(code, 0), 0), limit) for code, limit in limits.items() if limit)
    gross = sum(earnings.values())
    taxable = max(gross - non_taxable, 0)

    standard = _standard_monthly_pay(pieces[0].state, pieces[0].start, tables, profile)
    deductions, employer = _contributions(person, pieces, standard, taxable, tables, first, last)
    deductions |= _tax(taxable, profile, tables, first)
    slip = Payslip(
        employee_id=person.employee_id,
        employee_number=person.employee_number,
        month=month,
        kind=PayslipKind.REGULAR,
        days=sum(p.days for p in pieces),
        earnings=earnings,
        deductions={str(k): v for k, v in deductions.items() if v},
        employer={str(k): v for k, v in employer.items() if v},
        taxable=taxable,
        non_taxable=gross - taxable,
        facts={
            "grade": end_state.grade,
            "step": str(end_state.step),
            "department": end_state.department,
            "position": end_state.position or "",
            "family": str(profile.family),
            "standard_monthly_pay": str(standard),
            "overtime_minutes": str(worked.overtime_minutes),
            "night_minutes": str(worked.night_minutes),
            "holiday_minutes": str(worked.holiday_minutes + worked.holiday_over_8h_minutes),
        },
    )
    return None if slip.is_empty() else slip


def _earnings(pieces: Sequence[_Piece], tables: TableSet, profile: PayProfile) -> dict[str, int]:
    """2. Base pay and allowances of each piece, summed exactly and truncated once per item."""
    exact: dict[str, Fraction] = {"BASE": Fraction(0)}
    for piece in pieces:
        if not piece.share:
            continue
        state, on = piece.state, piece.start
        exact["BASE"] += tables.base_pay(state.grade, state.step, on) * piece.share
        for paid in _allowances(tables, on, state, profile):
            exact[paid.code] = exact.get(paid.code, Fraction(0)) + paid.amount * piece.share
    return {code: truncate(amount) for code, amount in exact.items()}


def _allowances(
    tables: TableSet, on: date, state: ServiceState, profile: PayProfile
) -> tuple[PaidAllowance, ...]:
    return tables.paid_allowances(on, state.position, state.grade, profile.family - 1, profile.children)


def _premiums(
    state: ServiceState, on: date, worked: WorkedTime, tables: TableSet, profile: PayProfile, month_days: int
) -> dict[str, int]:
    """3. Overtime, night and holiday pay on the hourly ordinary wage; absence deducted."""
    hours_share = _hours_share(state)
    base = tables.base_pay(state.grade, state.step, on)
    paid = _allowances(tables, on, state, profile)
    ordinary = base + sum(a.amount for a in paid if a.ordinary)
    found: dict[str, int] = {}
    for kind, minutes in (
        ("OVERTIME", worked.overtime_minutes),
        ("NIGHT", worked.night_minutes),
        ("HOLIDAY", worked.holiday_minutes),
        ("HOLIDAY_OVER_8H", worked.holiday_over_8h_minutes),
    ):
        if minutes:
            rate, monthly_hours = tables.premium(kind, on)
            hourly = Fraction(ordinary) * hours_share / monthly_hours
            found[kind] = truncate(hourly * Fraction(minutes, 60) * rate)
    if worked.absence_half_days:
        monthly = base + sum(a.amount for a in paid)
        found["ABSENCE"] = -truncate(
            Fraction(monthly) * hours_share * Fraction(worked.absence_half_days, 2) / month_days
        )
    return found


def _contributions(
    person: EmployeeMonth,
    pieces: Sequence[_Piece],
    standard: int,
    taxable: int,
    tables: TableSet,
    first: date,
    last: date,
) -> tuple[dict[str, int], dict[str, int]]:
    """5. (employee, employer) shares of the social insurances."""
    deductions: dict[str, int] = {}
    employer: dict[str, int] = {}
    hired = hired_on(person.actions)
    loss = loss_day(person.actions)
    on_leave_all_month = all(p.state.status is Status.ON_LEAVE and not p.share for p in pieces)
    insured = hired <= first and not (loss is not None and first < loss <= last) and not on_leave_all_month
    if insured:
        pension = tables.contribution("NATIONAL_PENSION", first)
        deductions[Deduction.NATIONAL_PENSION], employer[Deduction.NATIONAL_PENSION] = pension.shares(
            pension.base(standard)
        )
        health = tables.contribution("HEALTH", first)
        deductions[Deduction.HEALTH], employer[Deduction.HEALTH] = health.shares(health.base(standard))
        care = tables.contribution("LONG_TERM_CARE", first)
        deductions[Deduction.LONG_TERM_CARE] = scaled(
            deductions[Deduction.HEALTH], care.employee_rate, care.amount_unit
        )
        employer[Deduction.LONG_TERM_CARE] = scaled(
            employer[Deduction.HEALTH], care.employer_rate, care.amount_unit
        )
    if taxable:
        employment = tables.contribution("EMPLOYMENT", first)
        deductions[Deduction.EMPLOYMENT], employer[Deduction.EMPLOYMENT] = employment.shares(
            employment.base(taxable)
        )
    return deductions, employer


def _tax(taxable: int, profile: PayProfile, tables: TableSet, first: date) -> dict[str, int]:
    """6. Income tax by the table and the employee's choice; local income tax on it."""
    tax = tables.withholding(taxable, profile.family, profile.children_8_to_20, first)
    tax = truncate(tax * Fraction(profile.withholding_percent, 100), 10)
    if tax < tables.minimum_withholding(first):
        return {}
    local = tables.contribution("LOCAL_INCOME_TAX", first)
    return {
        Deduction.INCOME_TAX: tax,
        Deduction.LOCAL_INCOME_TAX: scaled(tax, local.employee_rate, local.amount_unit),
    }


def _hours_share(state: ServiceState) -> Fraction:
    if state.pattern is WorkingPattern.PART_TIME:
        return Fraction(state.weekly_hours, FULL_TIME_HOURS)
    return Fraction(1)


def _standard_monthly_pay(state: ServiceState, on: date, tables: TableSet, profile: PayProfile) -> int:
    """보수월액: the full month's taxable fixed pay of ``state`` (no proration, no premiums)."""
    pay = tables.base_pay(state.grade, state.step, on)
    for paid in _allowances(tables, on, state, profile):
        pay += paid.amount - min(paid.amount, paid.non_taxable_limit)
    return truncate(pay * _hours_share(state))


def hired_on(actions: Sequence[Action]) -> date:
    """The day of the (first) hire."""
    return min(a.effective_date for a in actions if a.kind is ActionKind.HIRE)


def loss_day(actions: Sequence[Action]) -> date | None:
    """The day after the last day of service (자격 상실일): the retirement's effective date."""
    retirements = [a.effective_date for a in actions if a.kind is ActionKind.RETIREMENT]
    return max(retirements) if retirements else None


_STATUS_RULE = {Status.SUSPENDED: "SUSPENDED"}
_DISCIPLINE_RULE = {
    DisciplineKind.SUSPENSION: "DISCIPLINE:SUSPENSION",
    DisciplineKind.PAY_CUT: "DISCIPLINE:PAY_CUT",
}


def _pieces(
    actions: Sequence[Action], first: date, last: date, tables: TableSet, table_days: set[date]
) -> list[_Piece]:
    """The month cut where the record, a discipline or a table changes; pieces out of service
    left out."""
    days: list[date] = []
    states: list[ServiceState] = []
    state: ServiceState | None = None
    for action in ordered(actions):
        if action.effective_date > last:
            break
        state = apply(state, action, None)
        if days and days[-1] == action.effective_date:
            states[-1] = state
        else:
            days.append(action.effective_date)
            states.append(state)
    if state is None:
        return []
    cuts = {first} | {d for d in days if first < d <= last} | table_days
    for discipline in state.disciplines:
        if discipline.kind in _DISCIPLINE_RULE:
            cuts.add(discipline.starts)
            if discipline.ends is not None:
                cuts.add(discipline.ends + timedelta(days=1))
    ordered_cuts = sorted(d for d in cuts if first <= d <= last)
    month_days = (last - first).days + 1
    pieces: list[_Piece] = []
    for start, end in zip(ordered_cuts, [*ordered_cuts[1:], last + timedelta(days=1)], strict=True):
        index = bisect_right(days, start) - 1
        if index < 0:
            continue
        current = states[index]
        if current.status is Status.RETIRED:
            continue
        share = Fraction((end - start).days, month_days) * _hours_share(current)
        share *= _pay_rule(current, start, tables)
        pieces.append(_Piece(start, (end - start).days, current, share))
    return pieces


def _pay_rule(state: ServiceState, on: date, tables: TableSet) -> Fraction:
    """The share of pay the status and any discipline of the day leave (the lowest applies)."""
    shares = [Fraction(1)]
    if state.status is Status.ON_LEAVE and state.leave_kind is not None:
        shares.append(tables.pay_percent(f"LEAVE:{state.leave_kind.value.upper()}", on))
    elif state.status in _STATUS_RULE:
        shares.append(tables.pay_percent(_STATUS_RULE[state.status], on))
    for discipline in state.disciplines:
        rule = _DISCIPLINE_RULE.get(discipline.kind)
        if rule and discipline.starts <= on and (discipline.ends is None or on <= discipline.ends):
            shares.append(tables.pay_percent(rule, on))
    return min(shares)


__all__ = [
    "EmployeeMonth",
    "PayProfile",
    "WorkedTime",
    "calculate",
    "hired_on",
    "loss_day",
    "month_bounds",
    "month_of",
    "payslip",
    "percent",
    "previous_month",
]
