"""Use cases of payroll (급여): tables, settings, profiles and the monthly run.

Calculating a month reads every employee of the organisation at once (:mod:`commands.batch_load`):
who is on the roster comes from the departments' staffing (정원 현황), which every approved action
that moves someone keeps; their histories, payroll profiles and attendance come in a few
statements, not one round trip per employee. The staffing aggregates and the tables are in the
save's read set, so an approval that changes the roster meanwhile makes the calculation run again.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from commands.batch_load import load_many
from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.payroll import (
    ApprovePayrollRun,
    CalculatePayrollRun,
    ConfigurePayroll,
    LoadPayrollTable,
    OpenPayrollRun,
    PayPayrollRun,
    PostPayrollRun,
    RejectPayrollRun,
    RemitPayrollWithholdings,
    SetPayrollProfile,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.budget_line import BudgetLine
from domain.errors import AlreadyExists, NotFound
from domain.payroll.calculation import (
    EmployeeMonth,
    PayProfile,
    WorkedTime,
    calculate,
    month_bounds,
    month_of,
)
from domain.payroll.errors import PayrollRunState
from domain.payroll.payslip import Payslip, PayslipKind, difference
from domain.payroll.run import PayrollRun, RunStatus, line_amounts
from domain.payroll.settings import PayrollLine, PayrollProfile, PayrollSettings
from domain.payroll.table import PayrollTable
from domain.payroll.table_set import TableSet
from domain.payroll.tables import TableKind
from domain.personnel.attendance import AttendanceKind, AttendanceRecord
from domain.personnel.employee import Employee
from domain.personnel.org_chart import OrgChart
from domain.personnel.staffing import Staffing
from domain.voucher import Voucher

#: Holiday work beyond this many minutes a day is paid at the higher rate (근로기준법 제56조 제2항).
HOLIDAY_DAY_MINUTES = 8 * 60


class PayrollUseCases(UseCases):
    # --- tables, settings, profiles ---------------------------------------------------------

    def load_payroll_table(self, command: LoadPayrollTable) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            table = uow.find(PayrollTable, PayrollTable.id_for(ctx.org, command.kind))
            if table is None:
                table = PayrollTable.load(ctx, command.kind, command.file_name, command.content)
                uow.add(table)
            else:
                table.reload(ctx, command.file_name, command.content)
            return table

        return self._execute(command, use_case, requires_open_year=False)

    def configure_payroll(self, command: ConfigurePayroll) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            lines = {
                kind: uow.get(BudgetLine, line_id, "budget line") for kind, line_id in command.lines.items()
            }
            settings = uow.find(PayrollSettings, PayrollSettings.id_for(ctx.org))
            if settings is None:
                settings = PayrollSettings.configure(ctx, lines, command.severance_accrual)
                uow.add(settings)
            else:
                uow.target(PayrollSettings, settings.id, "payroll settings")
                settings.reconfigure(ctx, lines, command.severance_accrual)
            return settings

        return self._execute(command, use_case)

    def set_payroll_profile(self, command: SetPayrollProfile) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.get(Employee, Employee.id_for(ctx.org, command.employee_number), "employee")
            profile = PayProfile(
                family=command.family,
                children=command.children,
                children_8_to_20=command.children_8_to_20,
                withholding_percent=command.withholding_percent,
            )
            found = uow.find(PayrollProfile, PayrollProfile.id_for(ctx.org, employee.id))
            if found is None:
                found = PayrollProfile.set(ctx, employee.id, command.effective_month, profile)
                uow.add(found)
            else:
                found.change(ctx, command.effective_month, profile)
            return found

        return self._execute(command, use_case, requires_open_year=False)

    # --- the run ----------------------------------------------------------------------------

    def open_payroll_run(self, command: OpenPayrollRun) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run_id = PayrollRun.id_for(ctx.org, command.month)
            if uow.find(PayrollRun, run_id) is not None:
                raise AlreadyExists(f"the {command.month} payroll run is open already", id=str(run_id))
            run = PayrollRun.open(ctx, command.month)
            uow.add(run)
            return run

        return self._execute(command, use_case)

    def calculate_payroll_run(self, command: CalculatePayrollRun) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            tables = payroll_tables(uow, ctx.org)
            inputs = PayrollInputs(self, uow, ctx.org)
            slips = calculate(command.month, inputs.month(command.month), tables)
            if command.retroactive_from is not None:
                slips += self._retroactive(uow, ctx, inputs, tables, command.retroactive_from, command.month)
            run.record_calculation(ctx, slips, tables.versions_by_name(), command.retroactive_from)
            return run

        return self._execute(command, use_case)

    def _retroactive(
        self,
        uow: UnitOfWork,
        ctx: Context,
        inputs: PayrollInputs,
        tables: TableSet,
        start: str,
        month: str,
    ) -> list[Payslip]:
        """소급: each paid month from ``start`` recalculated; what differs from what was paid for
        it (the month's own slips and earlier differences) is paid now."""
        months = _months(start, month)
        runs = {m: uow.find(PayrollRun, PayrollRun.id_for(ctx.org, m)) for m in months}
        paid: dict[tuple[UUID, str], list[Payslip]] = {}
        for m, found in runs.items():
            if found is None or found.status not in (RunStatus.PAID, RunStatus.REMITTED):
                raise PayrollRunState(
                    f"a retroactive recalculation covers paid months; {m} is "
                    f"{'not run' if found is None else found.status.value}",
                    month=m,
                )
            for slip in found.payslips:
                paid.setdefault((slip.employee_id, slip.month), []).append(slip)
        differences = []
        for m in months:
            for slip in calculate(m, inputs.month(m), tables):
                diff = difference(slip, paid.pop((slip.employee_id, m), []))
                if diff is not None:
                    differences.append(diff)
        # Paid for a month, and nothing due on recalculation (a hire cancelled since): all of it back.
        for (_, m), slips in sorted(paid.items(), key=lambda item: (item[0][1], str(item[0][0]))):
            diff = difference(_nothing(slips[0], m), slips)
            if diff is not None:
                differences.append(diff)
        return differences

    def reject_payroll_run(self, command: RejectPayrollRun) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            run.reject(ctx, command.reason)
            return run

        return self._execute(command, use_case)

    def approve_payroll_run(self, command: ApprovePayrollRun) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            run.approve(ctx)
            return run

        return self._execute(command, use_case)

    def post_payroll_run(self, command: PostPayrollRun) -> CommandResult:
        """The run, and on each line an obligation, an approved voucher and its order: one save."""

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            settings = uow.find(PayrollSettings, PayrollSettings.id_for(ctx.org))
            if settings is None:
                raise NotFound(f"organisation {ctx.org} has no payroll settings: configure them first")
            needed = [kind for kind, amount in line_amounts(run.payslips).items() if amount]
            lines = {
                kind: uow.get(BudgetLine, settings.line_for(ctx.fiscal_year, kind), "budget line")
                for kind in needed
            }
            uow.add(*run.post(ctx, lines))
            return run

        # The budget lines it saves refuse a closed year themselves (and conflict with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def pay_payroll_run(self, command: PayPayrollRun) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            posting = run.posting(PayrollLine.PAY)
            voucher = uow.get(Voucher, posting.voucher_id, "voucher")
            line = uow.get(BudgetLine, posting.line_id, "budget line")
            run.pay(ctx, voucher, line)
            return run

        return self._execute(command, use_case, requires_open_year=False)

    def remit_payroll_withholdings(self, command: RemitPayrollWithholdings) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            employer = [p for p in run.postings if p.kind is not PayrollLine.PAY]
            vouchers = {p.kind: uow.get(Voucher, p.voucher_id, "voucher") for p in employer}
            lines = {p.kind: uow.get(BudgetLine, p.line_id, "budget line") for p in employer}
            run.remit(ctx, vouchers, lines)
            return run

        return self._execute(command, use_case, requires_open_year=False)


class PayrollInputs:
    """Every employee of one organisation, their profiles and attendance, loaded once per command
    and cut into each month's inputs."""

    def __init__(self, app: object, uow: UnitOfWork, org: str) -> None:
        self._app, self._uow, self._org = app, uow, org
        self._roster: dict[UUID, list[tuple[date, date | None]]] | None = None
        self._employees: dict[UUID, Employee] = {}
        self._profiles: dict[UUID, PayrollProfile] = {}
        self._attendance: dict[UUID, AttendanceRecord] = {}

    def roster(self) -> dict[UUID, list[tuple[date, date | None]]]:
        """Each employee ever counted in a department of the organisation, with their periods."""
        if self._roster is None:
            chart = self._uow.find(OrgChart, OrgChart.id_for(self._org))
            periods: dict[UUID, list[tuple[date, date | None]]] = {}
            for department in sorted(chart.departments if chart is not None else ()):
                staffing = self._uow.find(Staffing, Staffing.id_for(self._org, department))
                if staffing is None:
                    continue
                for employee_id, spans in staffing.periods.items():
                    periods.setdefault(employee_id, []).extend(spans)
            self._roster = periods
            ids = sorted(periods)
            self._employees = load_many(self._app, Employee, ids)
            self._profiles = {
                p.employee_id: p
                for p in load_many(
                    self._app, PayrollProfile, [PayrollProfile.id_for(self._org, i) for i in ids]
                ).values()
            }
            self._attendance = {
                r.employee_id: r
                for r in load_many(
                    self._app, AttendanceRecord, [AttendanceRecord.id_for(self._org, i) for i in ids]
                ).values()
            }
        return self._roster

    def month(self, month: str) -> list[EmployeeMonth]:
        first, last = month_bounds(month)
        people = []
        for employee_id, spans in sorted(self.roster().items(), key=lambda item: str(item[0])):
            if not any(start <= last and (end is None or end > first) for start, end in spans):
                continue
            employee = self._employees.get(employee_id)
            if employee is None or employee.org != self._org:
                continue
            profile = self._profiles.get(employee_id)
            people.append(
                EmployeeMonth(
                    employee_id=employee_id,
                    employee_number=employee.employee_number,
                    actions=tuple(employee.effective()),
                    profile=profile.on(month) if profile is not None else PayProfile(),
                    worked=worked_time(self._attendance.get(employee_id), first, last),
                )
            )
        return people


def worked_time(record: AttendanceRecord | None, first: date, last: date) -> WorkedTime:
    """The month's attendance as pay reads it (근태 월 집계)."""
    if record is None:
        return WorkedTime()
    overtime = night = holiday = holiday_over = absence = 0
    for day, entry in record.days.items():
        if not first <= day <= last:
            continue
        overtime += entry.overtime_minutes
        night += entry.night_minutes
        holiday += min(entry.holiday_minutes, HOLIDAY_DAY_MINUTES)
        holiday_over += max(entry.holiday_minutes - HOLIDAY_DAY_MINUTES, 0)
        if entry.kind is AttendanceKind.ABSENCE:
            absence += entry.half_days
    return WorkedTime(overtime, night, holiday, holiday_over, absence)


def payroll_tables(uow: UnitOfWork, org: str) -> TableSet:
    """The organisation's loaded tables (in the save's read set: a load meanwhile recalculates)."""
    rows = {}
    versions = {}
    for kind in TableKind:
        table = uow.find(PayrollTable, PayrollTable.id_for(org, kind))
        if table is not None:
            rows[kind], versions[kind] = table.rows, table.loads
    return TableSet(rows, versions)


def _run(uow: UnitOfWork, ctx: Context, month: str) -> PayrollRun:
    run = uow.find(PayrollRun, PayrollRun.id_for(ctx.org, month))
    if run is None:
        raise NotFound(f"no payroll run for {month}: open it first", month=month)
    return uow.target(PayrollRun, run.id, "payroll run")


def _months(start: str, end: str) -> list[str]:
    """The months from ``start`` up to, not including, ``end``."""
    months = []
    day, stop = month_bounds(start)[0], month_bounds(end)[0]
    while day < stop:
        months.append(month_of(day))
        day = month_bounds(month_of(day))[1] + timedelta(days=1)
    return months


def _nothing(slip: Payslip, month: str) -> Payslip:
    """An empty payslip of the same employee and month: what is due when nothing is."""
    return Payslip(slip.employee_id, slip.employee_number, month, PayslipKind.REGULAR, 0, {}, {}, {}, 0, 0)
