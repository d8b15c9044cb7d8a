"""Severance pay (퇴직금) on retirement, and its provision (퇴직급여충당부채).

퇴직금 = average daily wage (평균임금) × 30 days × days of service ÷ 365, for service of at least a
year (근로자퇴직급여 보장법 제8조, 제4조). The average daily wage is the wages of the three
calendar months before the day of loss (the retirement's effective date) ÷ the days of that period
(근로기준법 제2조 제1항 제6호); a month only partly inside it counts for its share of days. The
wages are every earning of the payslips for those months, retroactive differences included.

The payment is drawn from the provision, never expensed again: the 107-03 voucher debits
퇴직급여충당부채, which each run's accrual credits (Dr 퇴직급여 / Cr 퇴직급여충당부채, 1/12 of the
month's pay, or once at the year's end, as the organisation's settings say).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

from domain.payroll.annual_tax import RetirementTax, retirement_tax, service_years, table_item
from domain.payroll.calculation import month_of
from domain.payroll.payslip import Deduction, Payslip, PayslipKind
from domain.payroll.rounding import truncate
from domain.payroll.tables import Row
from domain.personnel.actions import add_months


@dataclass(frozen=True, slots=True)
class Severance:
    service_days: int
    period_start: date  # the three months' first day
    period_days: int
    wages: int  # 3개월 임금총액, the months' shares
    average_daily_wage: Fraction
    amount: int
    tax: RetirementTax


def severance(
    hired_on: date, loss_day: date, wages_by_month: Mapping[str, int], items: Mapping[str, Row]
) -> Severance | None:
    """The severance due on ``loss_day`` (None: less than the service it needs)."""
    service_days = (loss_day - hired_on).days
    if service_days < table_item(items, "SEVERANCE_MIN_DAYS")["amount"]:
        return None
    start = add_months(loss_day, -3)
    period_days = (loss_day - start).days
    wages = Fraction(0)
    day = start.replace(day=1)
    while day < loss_day:
        month_days = calendar.monthrange(day.year, day.month)[1]
        month_end = day + timedelta(days=month_days)
        inside = (min(month_end, loss_day) - max(day, start)).days
        wages += Fraction(wages_by_month.get(month_of(day), 0) * inside, month_days)
        day = month_end
    average = wages / period_days
    days_per_year = table_item(items, "SEVERANCE_DAYS")["amount"]
    amount = truncate(average * days_per_year * service_days / 365)
    return Severance(
        service_days=service_days,
        period_start=start,
        period_days=period_days,
        wages=truncate(wages),
        average_daily_wage=average,
        amount=amount,
        tax=retirement_tax(items, amount, service_years(hired_on, loss_day)),
    )


def severance_payslip(employee_id: UUID, employee_number: str, month: str, due: Severance) -> Payslip:
    """The severance as a payslip of the run that pays it (kind ``severance``), with its tax."""
    deductions = {
        Deduction.RETIREMENT_INCOME_TAX.value: due.tax.income_tax,
        Deduction.RETIREMENT_LOCAL_TAX.value: due.tax.local_income_tax,
    }
    return Payslip(
        employee_id=employee_id,
        employee_number=employee_number,
        month=month,
        kind=PayslipKind.SEVERANCE,
        days=due.service_days,
        earnings={"SEVERANCE": due.amount},
        deductions={k: v for k, v in deductions.items() if v},
        employer={},
        taxable=0,
        non_taxable=0,
        facts={
            "service_days": str(due.service_days),
            "period_start": due.period_start.isoformat(),
            "period_days": str(due.period_days),
            "wages": str(due.wages),
            "average_daily_wage": f"{float(due.average_daily_wage):.2f}",
            "service_years": str(due.tax.years),
            "retirement_taxable_base": str(due.tax.taxable_base),
        },
    )
