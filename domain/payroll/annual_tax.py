"""Annual taxes on pay: the year-end settlement (연말정산) and the retirement income tax (퇴직소득세).

Both read the ``year_end`` table, whose banded items say "amount + percent × (x − from)" for the
band a value falls in (see :mod:`domain.payroll.tables`). Every figure is exact until the end;
the tax due is truncated to the won, a difference to collect or refund to 10 won (원 단위 절사).

The settlement implements, and only these (docs/payroll.md lists them with their articles):
근로소득공제; 기본공제 per person counted; 연금보험료공제 (the pension withheld); 특별소득공제 for the
health, long-term care and employment insurance withheld; the employee's declared other income
deductions; 근로소득세액공제 within its limit; 자녀세액공제; 보장성보험료, 의료비, 교육비 and 기부금
세액공제 from the employee's declaration — or, when it leaves less tax, 표준세액공제 instead of
the special deductions and credits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from domain.errors import InvalidInput
from domain.payroll.errors import TableMissing
from domain.payroll.rounding import percent, truncate
from domain.payroll.tables import Row

MAX_DECLARED = 10**12


def _band(items: Mapping[str, Row], prefix: str, x: Fraction | int) -> tuple[int, Row]:
    bands = [
        (int(item.split(":", 1)[1]), row) for item, row in items.items() if item.startswith(prefix + ":")
    ]
    reached = [(start, row) for start, row in bands if start <= x]
    if not reached:
        raise TableMissing(f"the year-end table has no {prefix} band for {x}", item=prefix)
    return max(reached, key=lambda pair: pair[0])


def table_item(items: Mapping[str, Row], name: str) -> Row:
    """One unbanded row of the year-end table, or a refusal naming it."""
    try:
        return items[name]
    except KeyError:
        raise TableMissing(f"the year-end table has no {name} row", item=name) from None


def banded(items: Mapping[str, Row], prefix: str, x: Fraction | int) -> Fraction:
    """amount + percent × (x − from) + per_unit × (x − from), for the band of ``x``."""
    start, row = _band(items, prefix, x)
    return (
        Fraction(row["amount"]) + (x - start) * percent(row["percent"]) + (row["per_unit"] or 0) * (x - start)
    )


def income_tax(items: Mapping[str, Row], base: Fraction | int) -> Fraction:
    """산출세액 on the 과세표준 ``base`` (소득세법 제55조)."""
    return banded(items, "BRACKET", max(base, 0))


@dataclass(frozen=True, slots=True)
class Declaration:
    """What the employee declares for the year (소득·세액공제 신고서), in won; sealed as personal data."""

    other_income_deductions: int = 0  # 주택자금 등 그 밖의 소득공제, as computed on the form
    insurance_premiums: int = 0  # 보장성보험료
    medical_expenses: int = 0  # 의료비
    education_expenses: int = 0  # 교육비
    donations: int = 0  # 기부금

    def __post_init__(self) -> None:
        for name in (
            "other_income_deductions",
            "insurance_premiums",
            "medical_expenses",
            "education_expenses",
            "donations",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DECLARED:
                raise InvalidInput(f"{name} is a whole number of won from 0 to {MAX_DECLARED}", field=name)

    @property
    def claims_special(self) -> bool:
        return any((self.insurance_premiums, self.medical_expenses, self.education_expenses, self.donations))


@dataclass(frozen=True, slots=True)
class YearPay:
    """The year's pay of one employee as the payslips of the year add up (근로소득 원천징수부)."""

    total_pay: int  # 총급여: taxable pay
    pension: int  # 국민연금 withheld
    insurance: int  # 건강·장기요양·고용보험 withheld
    income_tax_withheld: int  # 기납부세액
    local_tax_withheld: int
    family: int  # 기본공제 대상 (the employee included)
    children: int  # 자녀세액공제 대상


@dataclass(frozen=True, slots=True)
class Settlement:
    """연말정산 of one employee: what the year's tax is, and the difference to settle."""

    earned_income: int  # 근로소득금액
    taxable_base: int  # 과세표준
    computed_tax: int  # 산출세액
    credits: int  # 세액공제 합계
    decided_tax: int  # 결정세액
    decided_local_tax: int
    income_tax: int  # 차감징수세액 (negative: refunded)
    local_income_tax: int
    standard_credit_used: bool


def settle(pay: YearPay, declared: Declaration, items: Mapping[str, Row]) -> Settlement:
    """The year's income tax recomputed, minus what was withheld (소득세법 제137조)."""
    cap = table_item(items, "EARNED_DEDUCTION_CAP")["amount"]
    earned = pay.total_pay - min(banded(items, "EARNED_DEDUCTION", pay.total_pay), cap)
    earned = max(earned, Fraction(0))
    personal = table_item(items, "BASIC_PER_PERSON")["amount"] * pay.family

    def tax_with(special: bool) -> tuple[Fraction, Fraction, Fraction]:
        deductions = (
            personal + pay.pension + (pay.insurance + declared.other_income_deductions if special else 0)
        )
        base = max(earned - deductions, Fraction(0))
        computed = income_tax(items, truncate(base))
        credits = _earned_credit(items, computed, pay.total_pay) + _child_credit(items, pay.children)
        credits += (
            _special_credits(items, declared, pay.total_pay)
            if special
            else table_item(items, "STANDARD_CREDIT")["amount"]
        )
        return Fraction(truncate(base)), computed, min(credits, computed)

    special = tax_with(True)
    standard = tax_with(False)
    use_standard = (standard[1] - standard[2]) < (special[1] - special[2])
    base, computed, credits = standard if use_standard else special
    decided = truncate(computed - credits)
    local_rate = percent(table_item(items, "LOCAL_PERCENT")["percent"])
    decided_local = truncate(decided * local_rate)
    return Settlement(
        earned_income=truncate(earned),
        taxable_base=int(base),
        computed_tax=truncate(computed),
        credits=truncate(credits),
        decided_tax=decided,
        decided_local_tax=decided_local,
        income_tax=truncate(decided - pay.income_tax_withheld, 10),
        local_income_tax=truncate(decided_local - pay.local_tax_withheld, 10),
        standard_credit_used=use_standard,
    )


def _earned_credit(items: Mapping[str, Row], computed: Fraction, total_pay: int) -> Fraction:
    credit = banded(items, "EARNED_CREDIT", computed)
    start, row = _band(items, "EARNED_CREDIT_LIMIT", total_pay)
    limit: Fraction = max(
        Fraction(row["amount"]) - (total_pay - start) * percent(row["percent"]), Fraction(row["floor"] or 0)
    )
    return min(credit, limit)


def _child_credit(items: Mapping[str, Row], children: int) -> int:
    if children <= 0:
        return 0
    if children == 1:
        return int(table_item(items, "CHILD_CREDIT_1")["amount"])
    extra = table_item(items, "CHILD_CREDIT_EXTRA")["amount"] * (children - 2)
    return int(table_item(items, "CHILD_CREDIT_2")["amount"]) + int(extra)


def _special_credits(items: Mapping[str, Row], declared: Declaration, total_pay: int) -> Fraction:
    insurance = table_item(items, "INSURANCE_CREDIT")
    medical = table_item(items, "MEDICAL_CREDIT")
    education = table_item(items, "EDUCATION_CREDIT")
    credit: Fraction = min(declared.insurance_premiums, insurance["floor"] or 0) * percent(
        insurance["percent"]
    )
    threshold = total_pay * Fraction(medical["per_unit"] or 0, 100)
    credit += max(declared.medical_expenses - threshold, Fraction(0)) * percent(medical["percent"])
    credit += declared.education_expenses * percent(education["percent"])
    if declared.donations:
        credit += banded(items, "DONATION_CREDIT", declared.donations)
    return credit


# --- 퇴직소득세 -------------------------------------------------------------------------------------


def service_years(hired_on: date, loss_day: date) -> int:
    """근속연수: whole years of service, a part of a year counted as one (소득세법 제48조)."""
    years = loss_day.year - hired_on.year
    if (loss_day.month, loss_day.day) < (hired_on.month, hired_on.day):
        years -= 1
    anniversary = _anniversary(hired_on, years)
    return years + (1 if anniversary < loss_day else 0)


def _anniversary(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, slots=True)
class RetirementTax:
    years: int
    service_deduction: int
    converted_pay: int  # 환산급여
    conversion_deduction: int  # 환산급여공제
    taxable_base: int
    income_tax: int
    local_income_tax: int


def retirement_tax(items: Mapping[str, Row], severance: int, years: int) -> RetirementTax:
    """퇴직소득세 (소득세법 제48조, 제55조 제2항): 근속연수공제, 환산급여, 환산급여공제, the rates
    on the converted base, brought back to the years of service."""
    service = banded(items, "RETIREMENT_SERVICE", years)
    converted = max(severance - service, Fraction(0)) * 12 / years
    conversion = banded(items, "RETIREMENT_CONVERSION", converted) if converted else Fraction(0)
    base = max(converted - conversion, Fraction(0))
    tax = truncate(income_tax(items, base) * years / 12, 10)
    local = truncate(tax * percent(table_item(items, "LOCAL_PERCENT")["percent"]), 10)
    return RetirementTax(
        years=years,
        service_deduction=truncate(service),
        converted_pay=truncate(converted),
        conversion_deduction=truncate(conversion),
        taxable_base=truncate(base),
        income_tax=tax,
        local_income_tax=local,
    )
