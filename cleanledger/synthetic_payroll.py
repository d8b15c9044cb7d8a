"""Demo payroll (급여) of the funded institutions: a year of monthly runs through the ledger.

For each institution with employees, :func:`plan` adds the personnel budget lines (101-01 보수,
304-01/02/03 the employer's shares, 107-03 퇴직급여; appropriated and allocated in full in the
first quarter, sized from the number of people hired), names them in the payroll settings, loads
the shipped tables (the statutory ones as published; the pay scale and allowances the demo's own),
and then runs every month of the year: opened and calculated on the 15th by the payroll officer,
approved on the 16th by the payroll manager (four eyes), posted on the 17th, paid on the 20th and
the withholdings and employer's shares remitted on the 25th. (The law allows remitting until the
10th of the next month; remitting in the month keeps each month's 예수금 at zero, which the demo's
identities check.) The run computes the payslips itself, from the personnel history the demo
recorded: the commands only say which month and when.

Command ids derive from the seed, so a re-run of the demo sends the same commands and records
nothing new. The demo's payroll starts in January of the demo year: a severance early in the year
sees only the months the ledger has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from commands.messages.base import Command
from commands.messages.budget import Allocate, Appropriate
from commands.messages.payroll import (
    ApprovePayrollRun,
    CalculatePayrollRun,
    ConfigurePayroll,
    LoadPayrollTable,
    OpenPayrollRun,
    PayPayrollRun,
    PostPayrollRun,
    RemitPayrollWithholdings,
)
from commands.messages.personnel import HireEmployee
from domain.budget_line import BudgetLine
from domain.payroll.settings import PayrollLine
from domain.payroll.tables import SHIPPED, shipped_content

PAY_OFFICER = "pay.officer"  # 급여담당자: calculates
PAY_MANAGER = "pay.manager"  # 급여책임자: approves, posts, pays, keeps tables and settings
BUDGET_OFFICER = "budget.officer"  # 예산담당: appropriates and allocates the personnel lines
_NAMESPACE = uuid5(NAMESPACE_URL, "https://cleanledger.seoul.go.kr/synthetic/payroll")
#: Won per person hired, for a year: generous, so no month is refused for want of allocation.
_PER_PERSON = {
    PayrollLine.PAY: 9_000_000 * 12,
    PayrollLine.PENSION: 600_000 * 12,
    PayrollLine.HEALTH: 500_000 * 12,
    PayrollLine.EMPLOYMENT: 200_000 * 12,
    PayrollLine.SEVERANCE: 10_000_000,
}
_TITLES = {
    PayrollLine.PAY: "인건비 (보수)",
    PayrollLine.PENSION: "인건비 (연금부담금)",
    PayrollLine.HEALTH: "인건비 (국민건강보험부담금)",
    PayrollLine.EMPLOYMENT: "인건비 (고용보험부담금)",
    PayrollLine.SEVERANCE: "인건비 (퇴직급여)",
}
#: Days of the month each step is dated.
STEPS = (
    (OpenPayrollRun, 15, PAY_OFFICER),
    (CalculatePayrollRun, 15, PAY_OFFICER),
    (ApprovePayrollRun, 16, PAY_MANAGER),
    (PostPayrollRun, 17, PAY_MANAGER),
    (PayPayrollRun, 20, PAY_MANAGER),
    (RemitPayrollWithholdings, 25, PAY_MANAGER),
)


def line_code(kind: PayrollLine) -> str:
    """The personnel lines' budget codes: 일반공공행정 › 행정운영경비, a project of their own."""
    item, stat = kind.value.split("-")
    return f"100-010-016-1010-2016-P001-{item}-{stat}"


def line_id(org: str, year: int, kind: PayrollLine) -> UUID:
    return BudgetLine.id_for(org, year, line_code(kind))


def plan(personnel: Iterable[Command], year: int, seed: str, months: int = 12) -> list[Command]:
    """The payroll commands of every institution with hires in ``personnel``."""
    hired = Counter(c.org for c in personnel if isinstance(c, HireEmployee))
    commands: list[Command] = []

    def add(cls: type[Command], org: str, on: date, actor: str, *key: object, **fields: object) -> None:
        command_id = uuid5(_NAMESPACE, "/".join([seed, cls.__name__, org, *map(str, key)]))
        commands.append(
            cls(command_id=command_id, org=org, fiscal_year=year, accounting_date=on, actor=actor, **fields)
        )

    for org, people in sorted(hired.items()):
        opening = date(year, 1, 2)
        for kind in PayrollLine:
            amount = _PER_PERSON[kind] * people
            add(
                Appropriate,
                org,
                opening,
                BUDGET_OFFICER,
                kind.value,
                budget_code=line_code(kind),
                title=_TITLES[kind],
                amount=amount,
            )
            add(
                Allocate,
                org,
                opening,
                BUDGET_OFFICER,
                kind.value,
                line_id=line_id(org, year, kind),
                quarter=1,
                amount=amount,
            )
        add(
            ConfigurePayroll,
            org,
            opening,
            PAY_MANAGER,
            lines={kind.value: line_id(org, year, kind) for kind in PayrollLine},
        )
        for table, file_name in SHIPPED.items():
            add(
                LoadPayrollTable,
                org,
                opening,
                PAY_MANAGER,
                table.value,
                kind=table,
                file_name=file_name,
                content=shipped_content(table),
            )
    for number in range(1, months + 1):
        month = f"{year}-{number:02d}"
        for org in sorted(hired):
            for cls, day, actor in STEPS:
                add(cls, org, date(year, number, day), actor, month, month=month)
    return commands
