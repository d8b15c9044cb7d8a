"""A payslip (급여명세서) and the items on it, as the run records them.

Items are keyed by code: earnings (지급) are ``BASE`` (기본급), the allowances' own codes, the work
premiums (``OVERTIME``, ``NIGHT``, ``HOLIDAY``, ``HOLIDAY_OVER_8H``) and ``ABSENCE`` (결근 공제, a
negative earning); deductions (공제) and the employer's shares (기관부담금) are keyed by
:class:`Deduction`. A retroactive payslip (소급) carries differences, which may be negative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID


class PayslipKind(StrEnum):
    REGULAR = "regular"  # 정기 급여
    RETROACTIVE = "retroactive"  # 소급분: the difference a recalculation of a paid month found
    SETTLEMENT = "settlement"  # 연말정산 정산분 (February)
    SEVERANCE = "severance"  # 퇴직금


class Deduction(StrEnum):
    INCOME_TAX = "INCOME_TAX"  # 소득세 (간이세액)
    LOCAL_INCOME_TAX = "LOCAL_INCOME_TAX"  # 지방소득세
    NATIONAL_PENSION = "NATIONAL_PENSION"  # 국민연금
    HEALTH = "HEALTH"  # 건강보험
    LONG_TERM_CARE = "LONG_TERM_CARE"  # 장기요양보험
    EMPLOYMENT = "EMPLOYMENT"  # 고용보험
    YEAR_END_TAX = "YEAR_END_TAX"  # 연말정산 소득세 (negative: a refund)
    YEAR_END_LOCAL_TAX = "YEAR_END_LOCAL_TAX"  # 연말정산 지방소득세
    RETIREMENT_INCOME_TAX = "RETIREMENT_INCOME_TAX"  # 퇴직소득세
    RETIREMENT_LOCAL_TAX = "RETIREMENT_LOCAL_TAX"  # 퇴직소득분 지방소득세


#: The withholdings that are taxes (remitted to the tax office and the district), the rest to the
#: insurers (국민연금공단, 국민건강보험공단, 근로복지공단).
TAXES = frozenset(
    {
        Deduction.INCOME_TAX,
        Deduction.LOCAL_INCOME_TAX,
        Deduction.YEAR_END_TAX,
        Deduction.YEAR_END_LOCAL_TAX,
        Deduction.RETIREMENT_INCOME_TAX,
        Deduction.RETIREMENT_LOCAL_TAX,
    }
)


@dataclass(frozen=True, slots=True)
class Payslip:
    """One employee's pay for one month (귀속월), as calculated."""

    employee_id: UUID
    employee_number: str
    month: str  # 귀속월, YYYY-MM
    kind: PayslipKind
    days: int  # days in service in the month (재직일수)
    earnings: dict[str, int]
    deductions: dict[str, int]
    employer: dict[str, int]
    taxable: int
    non_taxable: int
    #: Facts shown on the slip: grade, step, department, family counted, hours paid.
    facts: dict[str, str] = field(default_factory=dict)

    @property
    def gross(self) -> int:
        return sum(self.earnings.values())

    @property
    def deducted(self) -> int:
        return sum(self.deductions.values())

    @property
    def net(self) -> int:
        return self.gross - self.deducted

    @property
    def employer_total(self) -> int:
        return sum(self.employer.values())

    def is_empty(self) -> bool:
        return (
            not any(self.earnings.values())
            and not any(self.deductions.values())
            and not any(self.employer.values())
        )


def difference(recalculated: Payslip, paid: list[Payslip]) -> Payslip | None:
    """The retroactive payslip (소급분): ``recalculated`` less everything already paid for its
    month (the regular slip and earlier differences), item by item; None if nothing differs."""

    def minus(new: dict[str, int], key: str) -> dict[str, int]:
        codes = set(new).union(*(getattr(p, key) for p in paid))
        out = {c: new.get(c, 0) - sum(getattr(p, key).get(c, 0) for p in paid) for c in sorted(codes)}
        return {c: v for c, v in out.items() if v}

    earnings = minus(recalculated.earnings, "earnings")
    deductions = minus(recalculated.deductions, "deductions")
    employer = minus(recalculated.employer, "employer")
    if not (earnings or deductions or employer):
        return None
    return Payslip(
        employee_id=recalculated.employee_id,
        employee_number=recalculated.employee_number,
        month=recalculated.month,
        kind=PayslipKind.RETROACTIVE,
        days=recalculated.days,
        earnings=earnings,
        deductions=deductions,
        employer=employer,
        taxable=recalculated.taxable - sum(p.taxable for p in paid),
        non_taxable=recalculated.non_taxable - sum(p.non_taxable for p in paid),
        facts=dict(recalculated.facts),
    )
