"""Commands of payroll (급여): tables, settings, profiles, and the monthly run's steps.

A run is named by its month (귀속월, ``YYYY-MM``); the fiscal year and accounting date are the
command's own, as for every fiscal act: the accounting date of ``PostPayrollRun`` is the day of
the obligations and vouchers, that of ``PayPayrollRun`` the pay day.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from pydantic import Field, StrictInt

from commands.messages.base import BoundedText, Command, Reason, Versioned
from domain import text
from domain.payroll.settings import PayrollLine, SeveranceAccrual
from domain.payroll.table import MAX_CONTENT
from domain.payroll.tables import TableKind

Month = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="귀속월, YYYY-MM")]
EmployeeNumber = Annotated[str, Field(max_length=12, description="사번")]


class LoadPayrollTable(Command):
    """Load one table file (CSV) of the organisation's payroll; the same content again records
    nothing, other content is the table's next version."""

    kind: TableKind
    file_name: Annotated[str, BoundedText(text.NAME, "The file's name as recorded (no path)")]
    content: str = Field(max_length=MAX_CONTENT, description="The CSV text, UTF-8")


class ConfigurePayroll(Command, Versioned):
    """급여 기본설정 for the fiscal year: the budget line each part of the payroll is paid from."""

    lines: dict[PayrollLine, UUID] = Field(
        description="Budget line per item: 101-01 (pay) required; 304-01, 304-02, 304-03 for the "
        "employer's shares that occur"
    )
    severance_accrual: SeveranceAccrual = SeveranceAccrual.MONTHLY


class SetPayrollProfile(Command):
    """급여 기본정보 of an employee, from ``effective_month`` on."""

    employee_number: EmployeeNumber
    effective_month: Month
    family: StrictInt = Field(description="공제대상가족 수, the employee included (1–30)")
    children: StrictInt = Field(default=0, description="Children among them (자녀수당)")
    children_8_to_20: StrictInt = Field(default=0, description="Children of 8 to 20 among them (자녀 공제)")
    withholding_percent: StrictInt = Field(default=100, description="80, 100 or 120 (원천징수 선택)")


class DeclareYearEndDeductions(Command):
    """소득·세액공제 신고 of an employee for a year, in won: sealed as personal data; a second
    declaration for the same year replaces the first."""

    employee_number: EmployeeNumber
    year: StrictInt
    other_income_deductions: StrictInt = Field(default=0, description="그 밖의 소득공제, as computed")
    insurance_premiums: StrictInt = Field(default=0, description="보장성보험료")
    medical_expenses: StrictInt = Field(default=0, description="의료비")
    education_expenses: StrictInt = Field(default=0, description="교육비")
    donations: StrictInt = Field(default=0, description="기부금")


class PayrollRunCommand(Command, Versioned):
    month: Month


class OpenPayrollRun(PayrollRunCommand):
    """개설: one run per organisation and month."""


class CalculatePayrollRun(PayrollRunCommand):
    """계산: every employee, from the personnel record of each day of the month, the month's
    attendance and the tables in force; ``retroactive_from`` recalculates the paid months from
    then on with today's tables and records, and pays the differences in this run (소급)."""

    retroactive_from: Month | None = None
    year_end_settlement: bool = Field(
        default=False,
        description="February's run only: settle the previous year's tax of everyone in service (연말정산)",
    )


class RejectPayrollRun(PayrollRunCommand):
    reason: Reason


class ApprovePayrollRun(PayrollRunCommand):
    """결재, by someone other than whoever calculated the run."""


class PostPayrollRun(PayrollRunCommand):
    """원인행위, 지출결의 and 지급명령 on each budget line the settings name."""


class PayPayrollRun(PayrollRunCommand):
    """지급: gross from the budget, net to the employees, withholdings kept as 예수금."""


class RemitPayrollWithholdings(PayrollRunCommand):
    """납부: withholdings to the tax office and the insurers, with the employer's shares."""
