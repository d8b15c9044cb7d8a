"""The monthly run's rules, tried against: four eyes, states, the allocation, concurrency, tables;
and what it leaves in the ledger: register = personnel expense = budget paid, 예수금 cleared."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import Engine, select

from commands.ledger import Ledger
from commands.messages.payroll import (
    ApprovePayrollRun,
    CalculatePayrollRun,
    OpenPayrollRun,
    PayPayrollRun,
    PostPayrollRun,
    RejectPayrollRun,
    RemitPayrollWithholdings,
)
from domain.errors import AlreadyExists, DomainError
from domain.payroll.run import RunStatus, line_amounts
from domain.payroll.settings import PayrollLine
from domain.payroll.tables import TableKind, shipped_content
from projections.engine import ProjectionEngine
from readmodels.erp import line_balances
from readmodels.statements import trial_balance
from tests.app.payroll_helpers import MANAGER, OFFICER, ORG, Payroll, pay_scale
from tests.app.personnel_helpers import day
from tests.unit.gwt import refused


def staffed(ledger: Ledger, people: int = 3, **ready: int) -> Payroll:
    pay = Payroll(ledger).ready(**ready)
    for n in range(people):
        pay.hr.hire(f"E{n:03d}", grade="G9", step=1 + n % 5)
    return pay


def log_size(pay: Payroll) -> int:
    return pay.books.log_size()


def test_whoever_calculated_a_run_cannot_approve_it(ledger: Ledger) -> None:
    pay = staffed(ledger)
    pay.calculate("2026-03")
    with refused("same-preparer"):
        pay.send(ApprovePayrollRun, month="2026-03", actor=OFFICER, on=date(2026, 3, 20))
    pay.send(ApprovePayrollRun, month="2026-03", actor=MANAGER, on=date(2026, 3, 20))
    assert pay.view("2026-03").run.approver == MANAGER


def test_each_step_needs_the_one_before(ledger: Ledger) -> None:
    pay = staffed(ledger)
    on = date(2026, 3, 20)
    pay.send(OpenPayrollRun, month="2026-03", on=on)
    for cls in (ApprovePayrollRun, PostPayrollRun, PayPayrollRun, RemitPayrollWithholdings):
        with refused("payroll-run-state", status="open"):
            pay.send(cls, month="2026-03", actor=MANAGER, on=on)
    pay.send(CalculatePayrollRun, month="2026-03", on=on)
    pay.send(RejectPayrollRun, month="2026-03", actor=MANAGER, on=on, reason="시간외 근무 누락")
    assert pay.view("2026-03").run.status is RunStatus.OPEN
    with refused("payroll-run-state"):
        pay.send(ApprovePayrollRun, month="2026-03", actor=MANAGER, on=on)
    pay.send(CalculatePayrollRun, month="2026-03", on=on)
    pay.send(ApprovePayrollRun, month="2026-03", actor=MANAGER, on=on)
    for cls in (PostPayrollRun, PayPayrollRun, RemitPayrollWithholdings):
        pay.send(cls, month="2026-03", actor=MANAGER, on=on)
    with refused("payroll-run-state", status="remitted"):
        pay.send(CalculatePayrollRun, month="2026-03", on=on)


def test_a_run_for_a_month_of_another_fiscal_year_is_refused(ledger: Ledger) -> None:
    pay = staffed(ledger, people=1)
    with refused("invalid-input"):
        pay.send(OpenPayrollRun, month="2025-12", on=date(2026, 1, 5))


def test_a_payroll_over_the_allocation_is_refused_with_the_numbers_and_records_nothing(
    ledger: Ledger,
) -> None:
    # 101-01 has 5 000 000 of its budget allocated; three people cost more than that in gross pay.
    pay = staffed(ledger, pay_allocation=5_000_000)
    run = pay.month("2026-03")
    gross = line_amounts(run.run.payslips)[PayrollLine.PAY]
    assert gross > 5_000_000
    before = log_size(pay)
    with refused("insufficient-allocation", requested=gross):
        pay.send(PostPayrollRun, month="2026-03", actor=MANAGER, on=date(2026, 3, 20))
    assert log_size(pay) == before
    assert pay.view("2026-03").run.status is RunStatus.APPROVED
    assert pay.books.get(pay.lines[PayrollLine.PAY]).obligated == 0
    # Once the line has the allocation, the same run posts.
    pay.allocate(PayrollLine.PAY, 1, gross)
    pay.send(PostPayrollRun, month="2026-03", actor=MANAGER, on=date(2026, 3, 20))
    assert pay.books.get(pay.lines[PayrollLine.PAY]).obligated == gross


def test_two_officers_opening_the_same_month_at_once_make_one_run(ledger: Ledger) -> None:
    pay = staffed(ledger, people=1)

    def open_run(_: int) -> str:
        try:
            pay.send(OpenPayrollRun, month="2026-04", on=date(2026, 4, 20))
        except AlreadyExists:
            return "refused"
        return "opened"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(open_run, range(8)))
    assert outcomes.count("opened") == 1
    assert outcomes.count("refused") == 7
    opened = [e for e in ledger.repository.event_store.get(pay.view("2026-04").run.id)]
    assert len(opened) == 1


def test_two_calculations_at_once_leave_one_complete_set_of_payslips(ledger: Ledger) -> None:
    pay = staffed(ledger, people=4)
    pay.send(OpenPayrollRun, month="2026-03", on=date(2026, 3, 20))

    def calculate(_: int) -> None:
        pay.send(CalculatePayrollRun, month="2026-03", on=date(2026, 3, 20))

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(calculate, range(3)))
    run = pay.view("2026-03").run
    assert run.calculation == 3
    assert sorted(s.employee_number for s in run.payslips) == ["E000", "E001", "E002", "E003"]


def test_a_table_loaded_twice_records_once_and_a_malformed_one_nothing(ledger: Ledger) -> None:
    pay = Payroll(ledger).ready()
    content = shipped_content(TableKind.CONTRIBUTIONS)
    before = log_size(pay)
    pay.load(TableKind.CONTRIBUTIONS, content)
    after = log_size(pay)
    assert after == before + 1  # the command's receipt only: no new table version
    bad = content.replace("4.75,4.75,410000", "4.75,abc,410000")
    with refused("malformed-table", table="contributions", row=4, column="employer_percent"):
        pay.load(TableKind.CONTRIBUTIONS, bad)
    assert log_size(pay) == after
    with refused("malformed-table"):
        pay.load(TableKind.WITHHOLDING, "effective_from,pay_from\n2026-01-01,1\n")
    with refused("invalid-input"):
        pay.load(TableKind.ALLOWANCES, shipped_content(TableKind.ALLOWANCES), name="../../etc/passwd")


def test_a_run_names_the_table_versions_it_read(ledger: Ledger) -> None:
    pay = staffed(ledger, people=1)
    assert pay.calculate("2026-03").run.tables["pay_scale"] == 1
    pay.load(TableKind.PAY_SCALE, pay_scale().replace("시험용 봉급표", "시험용 봉급표 (정정)"))
    pay.send(RejectPayrollRun, month="2026-03", actor=MANAGER, on=date(2026, 3, 20), reason="재계산")
    pay.calculate("2026-03", open_run=False)
    assert pay.view("2026-03").run.tables["pay_scale"] == 2


def test_a_retroactive_recalculation_covers_paid_months_only(ledger: Ledger) -> None:
    pay = staffed(ledger, people=1)
    pay.through("2026-03")
    pay.month("2026-04")  # approved, not paid
    with refused("payroll-run-state", month="2026-04"):
        pay.calculate("2026-05", retroactive_from="2026-03")


def test_a_missing_table_row_refuses_the_calculation_by_name(ledger: Ledger) -> None:
    pay = staffed(ledger, people=0)
    pay.hr.hire("X001", grade="G9", step=1)
    pay.load(TableKind.PAY_SCALE, "effective_from,grade,step,base_pay,source\n2026-01-01,G8,1,2300000,시험\n")
    with refused("payroll-table-missing", grade="G9", step=1):
        pay.calculate("2026-03")


def test_the_register_equals_the_personnel_expense_and_the_budget_paid_and_withholdings_clear(
    ledger: Ledger, projector: ProjectionEngine, read_db: Engine
) -> None:
    pay = staffed(ledger, people=5)
    pay.hr.hire("E900", grade="G9", step=2, on=day(3, 11))
    march, april = pay.through("2026-03"), pay.through("2026-04")
    projector.catch_up()
    with read_db.connect() as conn:
        for run in (march.run, april.run):
            first = date(2026, int(run.month[5:]), 1)
            last = date(2026, first.month, 30 if first.month == 4 else 31)
            tb = {line.account: line for line in trial_balance(conn, ORG, last, period_start=first).lines}
            cost = sum(s.gross + s.employer_total for s in run.payslips)
            # Σ 급여대장 (pay and the employer's shares) = the month's 인건비 debits
            assert tb["5110"].debit == cost
            # 예수금: credited with every withholding on pay day, debited by the remittance
            withheld = sum(s.deducted for s in run.payslips)
            assert tb["2120"].credit == tb["2120"].debit == withheld
            assert tb["2120"].closing == 0
        # the budget paid on the personnel lines = both months' cost
        paid = conn.execute(
            select(line_balances.c.paid).where(
                line_balances.c.line_id.in_([str(i) for i in pay.lines.values()])
            )
        ).scalars()
        assert sum(paid) == sum(
            s.gross + s.employer_total for r in (march.run, april.run) for s in r.payslips
        )


@pytest.mark.parametrize("kind", [PayrollLine.PENSION, PayrollLine.EMPLOYMENT])
def test_settings_refuse_a_line_of_another_item(ledger: Ledger, kind: PayrollLine) -> None:
    pay = Payroll(ledger).ready()
    with refused("invalid-input", expected=kind.value):
        pay.configure(**{kind.value: pay.lines[PayrollLine.PAY]})


def test_a_profile_is_refused_for_an_unknown_employee_or_impossible_family(ledger: Ledger) -> None:
    pay = staffed(ledger, people=1)
    with refused("not-found"):
        pay.profile("NOBODY", family=1)
    for fields in ({"family": 0}, {"family": 2, "children": 2}, {"family": 1, "withholding_percent": 90}):
        with pytest.raises(DomainError):
            pay.profile("E000", **fields)


def test_a_table_whose_pay_no_ledger_amount_holds_is_refused_at_calculation(ledger: Ledger) -> None:
    pay = staffed(ledger, people=2)
    huge = pay_scale().replace("2000000,시험용", "9223372036854775000,시험용")
    pay.load(TableKind.PAY_SCALE, huge)
    before = log_size(pay)
    pay.send(OpenPayrollRun, month="2026-03", on=date(2026, 3, 20))
    with refused("amount-out-of-range"):
        pay.send(CalculatePayrollRun, month="2026-03", on=date(2026, 3, 20))
    assert log_size(pay) == before + 2  # the opening and its receipt; no payslip
