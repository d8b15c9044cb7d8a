"""Use cases of payroll (급여): tables, settings, profiles and the monthly run.

Calculating a month reads every employee of the organisation at once (:mod:`commands.batch_load`):
who is on the roster comes from the departments' staffing (정원 현황), which every approved action
that moves someone keeps; their histories, payroll profiles and attendance come in a few
statements, not one round trip per employee. The staffing aggregates and the tables are in the
save's read set, so an approval that changes the roster meanwhile makes the calculation run again.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from commands.batch_load import collector_paused, decoded_events, fold_stored, load_all, stored_events
from commands.core import UseCases
from commands.errors import PersonalDataUnavailable
from commands.messages.base import CommandResult
from commands.messages.payroll import (
    ApprovePayrollRun,
    CalculatePayrollRun,
    ConfigurePayroll,
    DeclareYearEndDeductions,
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
from domain.errors import AlreadyExists, InvalidInput, NotFound
from domain.payroll.annual_tax import Declaration, Settlement, YearPay, settle
from domain.payroll.calculation import (
    EmployeeMonth,
    PayProfile,
    WorkedTime,
    calculate,
    hired_on,
    loss_day,
    month_bounds,
    month_of,
)
from domain.payroll.declaration import YearEndDeclaration
from domain.payroll.errors import PayrollRunState
from domain.payroll.payslip import Deduction, Payslip, PayslipKind, difference
from domain.payroll.run import PayrollRun, RunStatus, line_amounts, severance_accrual
from domain.payroll.settings import PayrollLine, PayrollProfile, PayrollSettings, SeveranceAccrual
from domain.payroll.severance import severance, severance_payslip
from domain.payroll.table import PayrollTable
from domain.payroll.table_set import TableSet
from domain.payroll.tables import TableKind
from domain.personnel.actions import add_months
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
            with collector_paused():
                slips = calculate(command.month, inputs.month(command.month), tables)
                if command.retroactive_from is not None:
                    slips += self._retroactive(
                        uow, ctx, inputs, tables, command.retroactive_from, command.month
                    )
                slips += _severances(uow, ctx, inputs, tables, command.month, slips)
                if command.year_end_settlement:
                    slips += self._settlements(uow, ctx, inputs, tables, command.month)
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

    def _settlements(
        self, uow: UnitOfWork, ctx: Context, inputs: PayrollInputs, tables: TableSet, month: str
    ) -> list[Payslip]:
        """연말정산 of the year before February's run, for everyone in service in February who was
        paid in that year; the difference is collected (positive) or refunded (negative)."""
        first, _ = month_bounds(month)
        if first.month != 2:
            raise InvalidInput("the year-end settlement is paid in February's run", month=month)
        year = first.year - 1
        items = tables.year_end(date(year, 12, 31))
        paid: dict[UUID, list[Payslip]] = {}
        for m in _months(f"{year}-01", f"{year + 1}-02"):
            found = uow.find(PayrollRun, PayrollRun.id_for(ctx.org, m))
            for slip in found.payslips if found is not None else ():
                if slip.month.startswith(f"{year}-") and slip.kind in _EARNED:
                    paid.setdefault(slip.employee_id, []).append(slip)
        settled = []
        for person in inputs.month(month):
            slips = paid.get(person.employee_id)
            if not slips:
                continue
            profile = inputs.profile(person.employee_id, f"{year}-12")
            outcome = settle(
                _year_pay(slips, profile.family, profile.children_8_to_20),
                self._declaration(uow, ctx, person.employee_id, year),
                items,
            )
            settled.append(_settlement_payslip(person.employee_id, person.employee_number, month, outcome))
        return settled

    def _declaration(self, uow: UnitOfWork, ctx: Context, employee_id: UUID, year: int) -> Declaration:
        found = uow.find(YearEndDeclaration, YearEndDeclaration.id_for(ctx.org, employee_id, year))
        if found is None:
            return Declaration()
        vault = getattr(self, "personal_data", None)
        if vault is None:
            raise PersonalDataUnavailable("no master key is configured: set CLEANLEDGER_MASTER_KEY")
        fields = vault.unseal(employee_id, found.sealed)
        if fields is None:  # erased: nothing left to deduct
            return Declaration()
        return Declaration(**{name: int(fields.get(name, 0)) for name in DECLARED})

    def declare_year_end_deductions(self, command: DeclareYearEndDeductions) -> CommandResult:
        vault = getattr(self, "personal_data", None)
        if vault is None:
            raise PersonalDataUnavailable("no master key is configured: set CLEANLEDGER_MASTER_KEY")

        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            employee = uow.get(Employee, Employee.id_for(ctx.org, command.employee_number), "employee")
            declared = Declaration(**{name: getattr(command, name) for name in DECLARED})
            sealed = vault.seal(employee.id, {name: getattr(declared, name) for name in DECLARED})
            found = uow.find(
                YearEndDeclaration, YearEndDeclaration.id_for(ctx.org, employee.id, command.year)
            )
            if found is None:
                found = YearEndDeclaration.declare(ctx, employee.id, command.year, sealed)
                uow.add(found)
            else:
                found.amend(ctx, sealed)
            return found

        return self._execute(command, use_case, requires_open_year=False)

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
            uow.add(*run.post(ctx, lines, _accrual(uow, ctx, settings, run)))
            return run

        # The budget lines it saves refuse a closed year themselves (and conflict with a close).
        return self._execute(command, use_case, requires_open_year=False)

    def pay_payroll_run(self, command: PayPayrollRun) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            paid = [p for p in run.postings if p.kind in (PayrollLine.PAY, PayrollLine.SEVERANCE)]
            vouchers = {p.kind: uow.get(Voucher, p.voucher_id, "voucher") for p in paid}
            lines = {p.kind: uow.get(BudgetLine, p.line_id, "budget line") for p in paid}
            run.pay(ctx, vouchers, lines)
            return run

        return self._execute(command, use_case, requires_open_year=False)

    def remit_payroll_withholdings(self, command: RemitPayrollWithholdings) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            run = _run(uow, ctx, command.month)
            employer = [p for p in run.postings if p.kind not in (PayrollLine.PAY, PayrollLine.SEVERANCE)]
            vouchers = {p.kind: uow.get(Voucher, p.voucher_id, "voucher") for p in employer}
            lines = {p.kind: uow.get(BudgetLine, p.line_id, "budget line") for p in employer}
            run.remit(ctx, vouchers, lines)
            return run

        return self._execute(command, use_case, requires_open_year=False)


#: Payslips of earned income (근로소득): what the settlement, the severance and the accrual add up.
_EARNED = frozenset({PayslipKind.REGULAR, PayslipKind.RETROACTIVE})
#: The fields of a year-end declaration (Declaration's), sealed together.
DECLARED = (
    "other_income_deductions",
    "insurance_premiums",
    "medical_expenses",
    "education_expenses",
    "donations",
)


def _accrual(uow: UnitOfWork, ctx: Context, settings: PayrollSettings, run: PayrollRun) -> int:
    """The severance provision the run accrues: monthly, or the whole year's in December."""
    if settings.severance_accrual is SeveranceAccrual.MONTHLY:
        return severance_accrual(run.payslips)
    if not run.month.endswith("-12"):
        return 0
    year = run.month[:4]
    total = severance_accrual(run.payslips)
    for m in _months(f"{year}-01", run.month):
        found = uow.find(PayrollRun, PayrollRun.id_for(ctx.org, m))
        total += severance_accrual(found.payslips) if found is not None else 0
    return total


def _severances(
    uow: UnitOfWork, ctx: Context, inputs: PayrollInputs, tables: TableSet, month: str, current: list[Payslip]
) -> list[Payslip]:
    """퇴직금 of those whose service ends in the month (the day of loss falls in it), on the wages of
    the three months before: the paid runs' payslips and this run's own."""
    first, last = month_bounds(month)
    leaving = [p for p in inputs.leaving(month) if (loss := loss_day(p.actions)) and first <= loss <= last]
    if not leaving:
        return []
    items = tables.year_end(first)
    wages: dict[tuple[UUID, str], int] = {}
    earlier = _months(month_of(add_months(first, -3)), month)
    for m in earlier:
        found = uow.find(PayrollRun, PayrollRun.id_for(ctx.org, m))
        for slip in found.payslips if found is not None else ():
            if slip.kind in _EARNED:
                wages[(slip.employee_id, slip.month)] = (
                    wages.get((slip.employee_id, slip.month), 0) + slip.gross
                )
    for slip in current:
        if slip.kind in _EARNED:
            wages[(slip.employee_id, slip.month)] = wages.get((slip.employee_id, slip.month), 0) + slip.gross
    found_slips = []
    for person in leaving:
        loss = loss_day(person.actions)
        assert loss is not None
        due = severance(
            hired_on(person.actions),
            loss,
            {m: wages.get((person.employee_id, m), 0) for m in [*earlier, month]},
            items,
        )
        if due is not None:
            found_slips.append(severance_payslip(person.employee_id, person.employee_number, month, due))
    return found_slips


def _year_pay(slips: list[Payslip], family: int, children: int) -> YearPay:
    def total(code: str) -> int:
        return sum(s.deductions.get(code, 0) for s in slips)

    return YearPay(
        total_pay=sum(s.taxable for s in slips),
        pension=total(Deduction.NATIONAL_PENSION),
        insurance=total(Deduction.HEALTH) + total(Deduction.LONG_TERM_CARE) + total(Deduction.EMPLOYMENT),
        income_tax_withheld=total(Deduction.INCOME_TAX),
        local_tax_withheld=total(Deduction.LOCAL_INCOME_TAX),
        family=family,
        children=children,
    )


def _settlement_payslip(employee_id: UUID, number: str, month: str, outcome: Settlement) -> Payslip:
    deductions = {
        Deduction.YEAR_END_TAX.value: outcome.income_tax,
        Deduction.YEAR_END_LOCAL_TAX.value: outcome.local_income_tax,
    }
    return Payslip(
        employee_id=employee_id,
        employee_number=number,
        month=month,
        kind=PayslipKind.SETTLEMENT,
        days=0,
        earnings={},
        deductions={k: v for k, v in deductions.items() if v},
        employer={},
        taxable=0,
        non_taxable=0,
        facts={
            "earned_income": str(outcome.earned_income),
            "taxable_base": str(outcome.taxable_base),
            "computed_tax": str(outcome.computed_tax),
            "credits": str(outcome.credits),
            "decided_tax": str(outcome.decided_tax),
            "decided_local_tax": str(outcome.decided_local_tax),
            "standard_credit": "yes" if outcome.standard_credit_used else "no",
        },
    )


class PayrollInputs:
    """Every employee of one organisation, their profiles and attendance, loaded once per command
    and cut into each month's inputs."""

    def __init__(self, app: Any, uow: UnitOfWork, org: str) -> None:
        self._app, self._uow, self._org = app, uow, org
        self._roster: dict[UUID, list[tuple[date, date | None]]] | None = None
        self._employees: dict[UUID, Employee] = {}
        self._profiles: dict[UUID, PayrollProfile] = {}
        self._attendance: dict[UUID, AttendanceRecord] = {}

    def roster(self) -> dict[UUID, list[tuple[date, date | None]]]:
        """Each employee ever counted in a department of the organisation, with their periods."""
        if self._roster is None:
            chart = self._uow.find(OrgChart, OrgChart.id_for(self._org))
            departments = sorted(chart.departments if chart is not None else ())
            # Each employee's latest periods in each department, from the staffing events as they
            # come (the aggregate's own fold copies its whole dict on every event).
            latest: dict[tuple[str, UUID], tuple[tuple[date, date | None], ...]] = {}
            staffing_ids = {Staffing.id_for(self._org, d): d for d in departments}
            for staffing_id, events in decoded_events(self._app, staffing_ids).items():
                department = staffing_ids[staffing_id]
                for event in events:
                    if isinstance(event, Staffing.PeriodsSet):
                        latest[(department, event.employee_id)] = event.periods
            periods: dict[UUID, list[tuple[date, date | None]]] = {}
            for (_, employee_id), spans in latest.items():
                periods.setdefault(employee_id, []).extend(spans)
            self._roster = periods
            ids = sorted(periods)
            profile_ids = {PayrollProfile.id_for(self._org, i): i for i in ids}
            attendance_ids = {AttendanceRecord.id_for(self._org, i): i for i in ids}
            # The profiles' and attendance's rows are fetched on another thread while this one
            # decodes and folds the employees: the database works on the other core meanwhile.
            with ThreadPoolExecutor(max_workers=1) as pool:
                rest = pool.submit(stored_events, self._app.recorder, [*profile_ids, *attendance_ids])
                found: dict[UUID, LedgerAggregate] = dict(load_all(self._app, ids))
                found |= fold_stored(self._app, rest.result())
            self._employees = {i: a for i, a in found.items() if isinstance(a, Employee)}
            self._profiles = {profile_ids[i]: a for i, a in found.items() if isinstance(a, PayrollProfile)}
            self._attendance = {
                attendance_ids[i]: a for i, a in found.items() if isinstance(a, AttendanceRecord)
            }
        return self._roster

    def month(self, month: str) -> list[EmployeeMonth]:
        """Those in a department on some day of the month."""
        first, last = month_bounds(month)
        return self._people(month, lambda start, end: start <= last and (end is None or end > first))

    def leaving(self, month: str) -> list[EmployeeMonth]:
        """Those whose last period ends in the month or on its first day after (the day of loss)."""
        first, last = month_bounds(month)
        return self._people(month, lambda start, end: end is not None and first <= end <= last)

    def profile(self, employee_id: UUID, month: str) -> PayProfile:
        profile = self._profiles.get(employee_id)
        return profile.on(month) if profile is not None else PayProfile()

    def _people(self, month: str, covers: Callable[[date, date | None], bool]) -> list[EmployeeMonth]:
        first, last = month_bounds(month)
        people = []
        for employee_id, spans in self.roster().items():
            if not any(covers(start, end) for start, end in spans):
                continue
            employee = self._employees.get(employee_id)
            if employee is None or employee.org != self._org:
                continue
            people.append(
                EmployeeMonth(
                    employee_id=employee_id,
                    employee_number=employee.employee_number,
                    actions=tuple(employee.effective()),
                    profile=self.profile(employee_id, month),
                    worked=worked_time(self._attendance.get(employee_id), first, last),
                )
            )
        # The register reads in employee-number order (사번순), as every 급여대장 does.
        return sorted(people, key=lambda person: person.employee_number)


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
