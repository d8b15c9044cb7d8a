"""A driver for payroll (급여) application tests, over the personnel driver.

pay = Payroll(ledger).ready()          # chart, the year's budget lines, the tables loaded
kim = pay.hr.hire("E001", grade="G9")  # hired on 2026-02-02
run = pay.month("2026-03")             # opened, calculated (by the officer), approved (by the manager)
slip = run.slip(kim)

The statutory tables are the shipped ones (their 2026 rows); the pay scale and allowances are the
test's own, small and round, so that a hand computation reads plainly:

- base pay (봉급): G9 2 000 000 + 60 000 per step above 1; G8 2 300 000 + 70 000; G7 2 600 000
  + 80 000; G6 3 000 000 + 100 000; G5 8 000 000 + 200 000 (steps 1–5). From 2027-01-01 none.
- allowances: 정액급식비 MEAL 140 000 (non-taxable up to 200 000, not ordinary), 직책수당 POSITION
  for P2 팀장 200 000 (ordinary), 가족수당 FAMILY 20 000 per dependant (not ordinary).
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import date
from typing import Any
from uuid import UUID

from commands.ledger import Ledger
from commands.messages.base import CommandResult
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
    SetPayrollProfile,
)
from commands.messages.personnel import DefineGrade, DefinePosition
from domain.errors import AlreadyExists
from domain.payroll.payslip import Payslip
from domain.payroll.run import PayrollRun
from domain.payroll.settings import PayrollLine
from domain.payroll.tables import SHIPPED, TableKind, shipped_content
from tests.app.books import Books
from tests.app.personnel_helpers import CHART_FROM, DEPARTMENTS, GRADES, ORG, YEAR, Personnel

OFFICER = "pay.officer"  # 급여담당자: opens and calculates
MANAGER = "pay.manager"  # 급여책임자: approves, posts, pays

PAY_SCALE_ROWS = {"G9": (2_000_000, 60_000), "G8": (2_300_000, 70_000), "G7": (2_600_000, 80_000)}
PAY_SCALE_ROWS |= {"G6": (3_000_000, 100_000), "G5": (8_000_000, 200_000)}


def pay_scale(effective_from: str = "2025-01-01", raise_percent: int = 0, extra: str = "") -> str:
    lines = ["effective_from,grade,step,base_pay,source"]
    for grade, (first, step_up) in PAY_SCALE_ROWS.items():
        for step in range(1, 6):
            pay = (first + step_up * (step - 1)) * (100 + raise_percent) // 100
            lines.append(f"{effective_from},{grade},{step},{pay},시험용 봉급표")
    return "\n".join(lines) + "\n" + extra


ALLOWANCES = """effective_from,code,name,applies_to,amount,non_taxable_limit,ordinary,source
2025-01-01,MEAL,정액급식비,ALL,140000,200000,no,시험용
2025-01-01,POSITION,직책수당,POSITION:P2,200000,0,yes,시험용
2025-01-01,FAMILY,가족수당,DEPENDANT,20000,0,no,시험용
"""


class RunView:
    def __init__(self, run: PayrollRun) -> None:
        self.run = run

    def slip(self, employee_id: UUID, kind: str = "regular", month: str | None = None) -> Payslip:
        found = [
            s
            for s in self.run.payslips
            if s.employee_id == employee_id and s.kind.value == kind and (month is None or s.month == month)
        ]
        assert len(found) == 1, f"{len(found)} {kind} payslips of {employee_id}"
        return found[0]

    def has_slip(self, employee_id: UUID) -> bool:
        return any(s.employee_id == employee_id for s in self.run.payslips)

    def has_slip_of_kind(self, employee_id: UUID, kind: str) -> bool:
        return any(s.employee_id == employee_id and s.kind.value == kind for s in self.run.payslips)


class Payroll:
    def __init__(self, ledger: Ledger, org: str = ORG) -> None:
        self.ledger, self.org = ledger, org
        self.hr = Personnel(ledger, org)
        self.books = Books(ledger, org=org, year=YEAR, on=date(YEAR, 1, 2))
        self.lines: dict[PayrollLine, UUID] = {}

    def ready(
        self,
        pay_allocation: int = 500_000_000,
        employer_allocation: int = 100_000_000,
        pay_budget: int = 500_000_000,
        chart_from: date | None = None,
    ) -> Payroll:
        """Chart (from ``chart_from``, else the personnel driver's 2026-01-01), the personnel
        lines (pay: ``pay_budget`` appropriated, ``pay_allocation`` of it allocated in the first
        quarter), settings and tables."""
        if chart_from is None:
            self.hr.ready()
        else:
            for code, (name, parent, headcount) in DEPARTMENTS.items():
                self.hr.department(code, name, parent=parent, headcount=headcount, on=chart_from)
            for code, (name, rank, max_step, since) in GRADES.items():
                self.hr.run(
                    DefineGrade,
                    on=chart_from if since == CHART_FROM else since,
                    code=code,
                    name=name,
                    rank=rank,
                    band="일반직",
                    max_step=max_step,
                )
            self.hr.run(DefinePosition, on=chart_from, code="P1", title="주무관")
            self.hr.run(DefinePosition, on=chart_from, code="P2", title="팀장")
        with contextlib.suppress(AlreadyExists):
            self.books.open_year()
        self.lines = self.budget(self.books, pay_allocation, employer_allocation, pay_budget)
        self.configure()
        for kind in SHIPPED:
            if kind not in (TableKind.PAY_SCALE, TableKind.ALLOWANCES):
                self.load(kind, shipped_content(kind))
        self.load(TableKind.PAY_SCALE, pay_scale())
        self.load(TableKind.ALLOWANCES, ALLOWANCES)
        return self

    @staticmethod
    def budget(
        books: Books, pay_allocation: int, employer_allocation: int, pay_budget: int
    ) -> dict[PayrollLine, UUID]:
        lines = {}
        for kind in PayrollLine:
            budget = pay_budget if kind is PayrollLine.PAY else employer_allocation
            amount = pay_allocation if kind is PayrollLine.PAY else employer_allocation
            lines[kind] = books.line(
                amount=max(budget, amount),
                allocate={1: amount},
                code=books.next_code(kind.value),
                title=f"인건비 {kind.value}",
            )
        return lines

    def next_year(self, year: int) -> None:
        """The year opened, its personnel lines appropriated and named in the settings."""
        books = Books(self.ledger, org=self.org, year=year, on=date(year, 1, 2))
        books.open_year()
        lines = self.budget(books, 500_000_000, 100_000_000, 500_000_000)
        self.send(
            ConfigurePayroll,
            actor=MANAGER,
            on=date(year, 1, 2),
            lines={k.value: v for k, v in lines.items()},
        )

    def command(self, cls: type[Any], *, actor: str = OFFICER, on: date | None = None, **fields: Any) -> Any:
        on = on or date(YEAR, 1, 2)
        return cls(
            command_id=fields.pop("command_id", None) or uuid.uuid4(),
            org=self.org,
            fiscal_year=on.year,
            accounting_date=on,
            actor=actor,
            **fields,
        )

    def send(self, cls: type[Any], **fields: Any) -> CommandResult:
        return self.ledger.handle(self.command(cls, **fields))

    def configure(self, **lines: UUID) -> CommandResult:
        return self.send(
            ConfigurePayroll, actor=MANAGER, lines={k.value: v for k, v in self.lines.items()} | lines
        )

    def load(self, kind: TableKind, content: str, name: str | None = None) -> CommandResult:
        return self.send(
            LoadPayrollTable, actor=MANAGER, kind=kind, file_name=name or f"{kind.value}.csv", content=content
        )

    def profile(self, number: str, month: str = "2026-01", **fields: Any) -> CommandResult:
        return self.send(SetPayrollProfile, employee_number=number, effective_month=month, **fields)

    def allocate(self, kind: PayrollLine, quarter: int, amount: int) -> None:
        self.books.run(Allocate, line_id=self.lines[kind], quarter=quarter, amount=amount)

    def appropriate(self, kind: PayrollLine, amount: int) -> UUID:
        return self.books.run(
            Appropriate, budget_code=self.books.next_code(kind.value), title="추가", amount=amount
        ).aggregate_id

    # --- the run's steps ------------------------------------------------------------------------

    def pay_day(self, month: str) -> date:
        year, number = (int(p) for p in month.split("-"))
        return date(year, number, 20)

    def calculate(self, month: str, *, open_run: bool = True, **fields: Any) -> RunView:
        day = self.pay_day(month)
        if open_run:
            self.send(OpenPayrollRun, month=month, on=day)
        self.send(CalculatePayrollRun, month=month, on=day, **fields)
        return self.view(month)

    def month(self, month: str, **fields: Any) -> RunView:
        """Opened and calculated by the officer, approved by the manager."""
        self.calculate(month, **fields)
        self.send(ApprovePayrollRun, month=month, actor=MANAGER, on=self.pay_day(month))
        return self.view(month)

    def through(self, month: str, **fields: Any) -> RunView:
        """Every step: calculated, approved, posted, paid and remitted, all on the 20th."""
        self.month(month, **fields)
        day = self.pay_day(month)
        for cls in (PostPayrollRun, PayPayrollRun, RemitPayrollWithholdings):
            self.send(cls, month=month, actor=MANAGER, on=day)
        return self.view(month)

    def view(self, month: str) -> RunView:
        run = self.ledger.repository.get(PayrollRun.id_for(self.org, month))
        assert isinstance(run, PayrollRun)
        return RunView(run)


__all__ = ["MANAGER", "OFFICER", "ORG", "YEAR", "Payroll", "RunView", "pay_scale"]
