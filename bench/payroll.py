"""Payroll (급여) throughput: one month calculated, approved and posted for every employee.

    python -m bench.payroll --database-url URL [--employees 20000] [--month 2026-03]

Set-up, not timed, in ``--workers`` processes (one thread per institution): the demo's funded
institutions (서울문화재단 6119001, 서울복지재단 6119002, 서울시설공단 6119003 and
서울연구원 6119004, whose 연구직 grades R1–R3 the shipped pay scale covers too; ``--institutions``
more get codes 6120NNN) share ``--employees`` between them. Each gets the demo's personnel
(:mod:`cleanledger.synthetic_personnel`: its chart, grades G1–G6 and R1–R3, positions HEAD to
STAFF), hired from 2019 until the month's end (the yearly recruitment of March included) with every
career action up to then (step increases, promotions, transfers, leaves, secondments, suspensions,
disciplines, part-time spells, retirements, corrections). Then fiscal year 2026 is opened, a budget
line of each payroll item (``PayrollLine``: 101-01 pay, 304-01/02/03 the employer's shares, 107-03
severance) is appropriated and allocated in full in the first quarter, the payroll settings name
them, every shipped table is loaded (:data:`domain.payroll.tables.SHIPPED`), each employee with
dependants gets a payroll profile (the family and children of their personal data) and about a third
of them the month's overtime, night and holiday hours (one ``RecordAttendanceDays`` each; an
employee the rules refuse it for, on leave or retired, is left without). Last, the store's tables
are analysed, so that the planner has the statistics autovacuum keeps on a server where it runs.

Timed, in this process and one thread, organisation after organisation on a fresh ledger (a cold
cache): ``OpenPayrollRun`` (not counted), then ``CalculatePayrollRun`` by the pay officer,
``ApprovePayrollRun`` by the pay manager (four eyes) and ``PostPayrollRun`` (an obligation, an
approved voucher and its payment order on each line). ``payslips_per_s`` is the payslips recorded
over the wall time of those three steps, summed over the organisations. ``peak_mb`` is this
process's peak resident set (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) read right after the
timed phase: the set-up runs in other processes, so the peak is what the timed phase needed, with
the interpreter and its imports.

The baseline (the stock way): the same month recalculated by replaying each employee's aggregates
one at a time on another fresh ledger, ``repository.get`` of the employee, its payroll profile and
its attendance record (each may be missing), and :func:`domain.payroll.calculation.payslip` with the
tables built as :func:`commands.use_cases.payroll.payroll_tables` builds them, the tables read once
per organisation. Its payslips must equal the run's regular ones (정기 급여), one by one and in total,
or the bench fails; the run's other payslips (퇴직금 of those whose service ends in the month) are
counted in ``payslips`` and ``payslips_per_s``, not in the comparison.

The last line printed is one JSON object: ``metric``, ``payslips_per_s``, ``peak_mb``,
``employees``, ``baseline_payslips_per_s`` and the figures above, with the targets' ratios
(2 000 payslips/s, 10 s for the month, 500 MB).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import os
import queue
import random
import resource
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

import psycopg
from eventsourcing.application import AggregateNotFoundError
from psycopg import sql

from bench.stores import scratch_store
from cleanledger.synthetic import INSTITUTIONS
from cleanledger.synthetic_personnel import Window, plan
from commands.ledger import Ledger, open_ledger
from commands.messages.attendance import AttendanceItem, RecordAttendanceDays
from commands.messages.base import Command
from commands.messages.budget import Allocate, Appropriate, OpenFiscalYear, RegisterOrganisation
from commands.messages.payroll import (
    ApprovePayrollRun,
    CalculatePayrollRun,
    ConfigurePayroll,
    LoadPayrollTable,
    OpenPayrollRun,
    PayrollRunCommand,
    PostPayrollRun,
    SetPayrollProfile,
)
from commands.messages.personnel import HireEmployee
from commands.persistence import StoreConfig
from commands.personal_data.key_store import DataKeyStore
from commands.personal_data.keyring import MasterKeyring
from commands.personal_data.vault import PersonalDataVault
from commands.use_cases.payroll import worked_time
from domain.base import LedgerAggregate
from domain.errors import DomainError
from domain.organisation import OrganisationKind
from domain.payroll.calculation import EmployeeMonth, PayProfile, month_bounds, payslip
from domain.payroll.payslip import Payslip, PayslipKind
from domain.payroll.run import PayrollRun, RunTotals, totals
from domain.payroll.settings import PayrollLine, PayrollProfile
from domain.payroll.table import PayrollTable
from domain.payroll.table_set import TableSet
from domain.payroll.tables import SHIPPED, TableKind, shipped_content
from domain.personnel.actions import Status
from domain.personnel.attendance import AttendanceKind, AttendanceRecord
from domain.personnel.employee import Employee

TARGET_PAYSLIPS_PER_S = 2_000
TARGET_SECONDS = 10.0
TARGET_PEAK_MB = 500.0
SEED = "bench-payroll"
YEAR = 2026
HIRES_FROM = date(2019, 1, 1)
OFFICER = "pay.officer"  # 급여담당자: opens and calculates
MANAGER = "pay.manager"  # 급여책임자: approves and posts
BUDGET_MANAGER = "budget.manager"
#: Allocated per employee and month on each line: far more than any month costs.
PAY_PER_EMPLOYEE = 20_000_000
EMPLOYER_PER_EMPLOYEE = 5_000_000
#: The share of employees with overtime, night or holiday hours in the month.
ATTENDANCE_SHARE = 0.35

A = TypeVar("A", bound=LedgerAggregate)


def institutions(count: int) -> list[tuple[str, str]]:
    """The demo's funded institutions first, then numbered ones."""
    demo = [(org.code, org.name) for org in INSTITUTIONS]
    extra = [(f"6120{n:03d}", f"벤치재단 {n}") for n in range(1, max(0, count - len(demo)) + 1)]
    return (demo + extra)[:count]


def window(month: str) -> Window:
    """Hires from 2019 and every action until the end of ``month`` (nothing later is sent)."""
    _, last = month_bounds(month)
    after = last + timedelta(days=1)
    return Window(hires_from=HIRES_FROM, hires_until=after, until=after)


def pay_day(month: str) -> date:
    return month_bounds(month)[0].replace(day=20)


def cid(*key: object) -> UUID:
    return uuid5(NAMESPACE_URL, "/".join([SEED, *map(str, key)]))


# --- set-up (not timed) ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    config: StoreConfig
    master_key: bytes
    #: (code, name, employees) of the institutions this worker sets up.
    institutions: list[tuple[str, str, int]]
    month: str


@dataclass
class Prepared:
    """What the set-up of one institution made."""

    org: str
    employee_ids: list[UUID] = field(default_factory=list)
    commands: int = 0
    actions: int = 0
    profiles: int = 0
    attendance: int = 0
    attendance_refused: int = 0


def budget_command(cls: type[Command], org: str, on: date, key: str, **fields: Any) -> Any:
    return cls(
        command_id=cid(org, key),
        org=org,
        fiscal_year=on.year,
        accounting_date=on,
        actor=BUDGET_MANAGER,
        **fields,
    )


def payroll_books(ledger: Ledger, org: str, employees: int) -> int:
    """Fiscal year 2026 open, a line of each payroll item appropriated and allocated in full in
    the first quarter, the settings naming them, every shipped table loaded: the commands sent."""
    opened = date(YEAR, 1, 1)
    ledger.handle(budget_command(OpenFiscalYear, org, opened, "open-year"))
    lines: dict[str, UUID] = {}
    for n, kind in enumerate(PayrollLine, start=1):
        per_head = PAY_PER_EMPLOYEE if kind is PayrollLine.PAY else EMPLOYER_PER_EMPLOYEE
        amount = max(1, employees) * per_head
        appropriated = ledger.handle(
            budget_command(
                Appropriate,
                org,
                opened,
                f"line/{kind.value}",
                budget_code=f"100-080-081-1001-2001-{3000 + n}-{kind.value}",
                title=f"인건비 {kind.value}",
                amount=amount,
            )
        )
        lines[kind.value] = appropriated.aggregate_id
        ledger.handle(
            budget_command(
                Allocate,
                org,
                opened,
                f"allocate/{kind.value}",
                line_id=appropriated.aggregate_id,
                quarter=1,
                amount=amount,
            )
        )
    on = date(YEAR, 1, 2)
    ledger.handle(
        ConfigurePayroll(
            command_id=cid(org, "configure"),
            org=org,
            fiscal_year=YEAR,
            accounting_date=on,
            actor=MANAGER,
            lines=lines,
        )
    )
    for table, file_name in SHIPPED.items():
        ledger.handle(
            LoadPayrollTable(
                command_id=cid(org, "table", table.value),
                org=org,
                fiscal_year=YEAR,
                accounting_date=on,
                actor=MANAGER,
                kind=table,
                file_name=file_name,
                content=shipped_content(table),
            )
        )
    return 1 + 2 * len(PayrollLine) + 1 + len(SHIPPED)


def profile_of(hire: HireEmployee, month: str) -> PayProfile | None:
    """The family the personal data names (a spouse first, then children), counted as pay does;
    None for an employee without dependants (the default profile)."""
    dependants = hire.personal.dependants
    if not dependants:
        return None
    first, _ = month_bounds(month)
    children = dependants[1:]
    aged = 0
    for child in children:
        born = date.fromisoformat(child.birth_date.get_secret_value())
        age = first.year - born.year - ((first.month, first.day) < (born.month, born.day))
        aged += 8 <= age <= 20
    return PayProfile(family=1 + len(dependants), children=len(children), children_8_to_20=aged)


def attendance_items(org: str, number: str, month: str) -> list[AttendanceItem]:
    """The month's overtime of one employee, or none: at most one overtime day a week (1–4 hours,
    some of it at night) and perhaps a Saturday's holiday work (4–10 hours), each week within
    the 12 hours the law allows."""
    rng = random.Random(f"{SEED}/{org}/{number}/{month}")
    if rng.random() >= ATTENDANCE_SHARE:
        return []
    first, last = month_bounds(month)
    mondays = [
        d for d in (first + timedelta(days=n) for n in range((last - first).days + 1)) if d.weekday() == 0
    ]
    rng.shuffle(mondays)
    items = []
    overtime_weeks = rng.randint(1, min(4, len(mondays)))
    for monday in mondays[:overtime_weeks]:
        day = monday + timedelta(days=rng.randrange(5))
        if day > last:
            continue
        items.append(
            AttendanceItem(
                day=day,
                kind=AttendanceKind.OVERTIME,
                overtime_minutes=rng.choice((60, 90, 120, 180, 240)),
                night_minutes=rng.choice((0, 0, 0, 30, 60, 120)),
            )
        )
    rest = mondays[overtime_weeks:]
    if rest and rng.random() < 0.3:
        saturday = rest[0] + timedelta(days=5)
        if saturday <= last:
            items.append(
                AttendanceItem(
                    day=saturday, kind=AttendanceKind.OVERTIME, holiday_minutes=rng.choice((240, 480, 600))
                )
            )
    return sorted(items, key=lambda item: item.day)


def prepare(ledger: Ledger, org: str, name: str, employees: int, month: str) -> Prepared:
    """One institution: registered, its personnel, its payroll books, profiles and attendance."""
    found = Prepared(org)
    ledger.handle(
        RegisterOrganisation(
            command_id=cid(org, "register"),
            org=org,
            fiscal_year=HIRES_FROM.year,
            accounting_date=HIRES_FROM,
            actor="admin",
            name=name,
            kind=OrganisationKind.INSTITUTION,
        )
    )
    staff = plan([(org, name)], employees, SEED, window(month))
    hires: list[HireEmployee] = []
    for command in staff.commands:
        ledger.handle(command)
        if isinstance(command, HireEmployee):
            hires.append(command)
    found.commands = 1 + len(staff.commands)
    found.actions = staff.actions
    found.commands += payroll_books(ledger, org, employees)
    _, last = month_bounds(month)
    for hire in hires:
        employee_id = Employee.id_for(org, hire.employee_number)
        found.employee_ids.append(employee_id)
        profile = profile_of(hire, month)
        if profile is not None:
            ledger.handle(
                SetPayrollProfile(
                    command_id=cid(org, "profile", hire.employee_number),
                    org=org,
                    fiscal_year=YEAR,
                    accounting_date=date(YEAR, 1, 2),
                    actor=OFFICER,
                    employee_number=hire.employee_number,
                    effective_month=f"{YEAR}-01",
                    family=profile.family,
                    children=profile.children,
                    children_8_to_20=profile.children_8_to_20,
                )
            )
            found.profiles += 1
            found.commands += 1
        items = attendance_items(org, hire.employee_number, month)
        if items:
            recorded = RecordAttendanceDays(
                command_id=cid(org, "attendance", hire.employee_number, month),
                org=org,
                actor=OFFICER,
                effective_date=last,
                employee_id=employee_id,
                items=tuple(items),
            )
            found.commands += 1
            try:
                ledger.handle(recorded)
                found.attendance += 1
            except DomainError:  # on leave, suspended, retired or not yet hired on one of the days
                found.attendance_refused += 1
    return found


def set_up_worker(job: Job, results: Any) -> None:
    ledger = open_ledger(job.config)
    ledger.personal_data = PersonalDataVault(MasterKeyring.of(job.master_key), DataKeyStore(job.config))
    prepared: list[Prepared] = []
    errors: list[BaseException] = []

    def one(code: str, name: str, employees: int) -> None:
        try:
            prepared.append(prepare(ledger, code, name, employees, job.month))
        except BaseException as error:  # surfaced below: a refused set-up command is a bench failure
            errors.append(error)

    try:
        threads = [threading.Thread(target=one, args=item) for item in job.institutions]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        results.put(("ok", prepared))
    except BaseException as error:
        results.put(("error", repr(error)))
        raise
    finally:
        ledger.close()


def set_up(
    config: StoreConfig, orgs: list[tuple[str, str]], employees: int, workers: int, month: str
) -> list[Prepared]:
    """Every institution set up by ``workers`` processes: what each made, in ``orgs``' order."""
    counts = [employees // len(orgs) + (n < employees % len(orgs)) for n in range(len(orgs))]
    items = [(code, name, count) for (code, name), count in zip(orgs, counts, strict=True)]
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    master_key = os.urandom(32)
    processes = [
        context.Process(
            target=set_up_worker, args=(Job(config, master_key, items[n::workers], month), results)
        )
        for n in range(workers)
    ]
    for process in processes:
        process.start()
    outcomes: list[tuple[str, Any]] = []
    while len(outcomes) < len(processes):
        try:
            outcomes.append(results.get(timeout=2))
        except queue.Empty:
            gone = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
            if gone and results.empty():  # killed, or failed before it could answer
                for process in processes:
                    process.kill()
                raise SystemExit(f"a set-up worker ended with exit code {gone[0]} and no answer") from None
    for process in processes:
        process.join()
    failed = [detail for status, detail in outcomes if status != "ok"]
    if failed:
        raise SystemExit(f"a set-up worker failed: {failed[0]}")
    by_org = {p.org: p for _, done in outcomes for p in done}
    return [by_org[code] for code, _ in orgs]


def analyse(config: StoreConfig) -> None:
    """Statistics for the planner on every table of the scratch schema, as autovacuum keeps them
    on a server where it runs (without them the planner guesses, and scans whole tables)."""
    schema = config.schema
    if not config.is_postgres or schema is None:
        return
    with psycopg.connect(config.database_url, autocommit=True) as conn:
        tables = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema]).fetchall()
        for (table,) in tables:
            conn.execute(sql.SQL("ANALYZE {}.{}").format(sql.Identifier(schema), sql.Identifier(table)))


# --- the timed phase --------------------------------------------------------------------------------


@dataclass
class Timings:
    open_s: float = 0.0
    calculate_s: float = 0.0
    approve_s: float = 0.0
    post_s: float = 0.0
    payslips: int = 0
    by_org: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def month_s(self) -> float:
        return self.calculate_s + self.approve_s + self.post_s


def run_command(cls: type[PayrollRunCommand], org: str, month: str, actor: str, key: str) -> Any:
    return cls(
        command_id=cid(org, "run", month, key),
        org=org,
        fiscal_year=YEAR,
        accounting_date=pay_day(month),
        actor=actor,
        month=month,
    )


def timed(ledger: Ledger, command: Command) -> float:
    started = time.perf_counter()
    ledger.handle(command)
    return time.perf_counter() - started


def run_month(ledger: Ledger, orgs: Sequence[str], month: str) -> Timings:
    """Each organisation's run opened, calculated, approved and posted, one after the other."""
    found = Timings()
    for org in orgs:
        opened = timed(ledger, run_command(OpenPayrollRun, org, month, OFFICER, "open"))
        calculated = timed(ledger, run_command(CalculatePayrollRun, org, month, OFFICER, "calculate"))
        approved = timed(ledger, run_command(ApprovePayrollRun, org, month, MANAGER, "approve"))
        posted = timed(ledger, run_command(PostPayrollRun, org, month, MANAGER, "post"))
        run: Any = ledger.repository.get(PayrollRun.id_for(org, month))
        assert isinstance(run, PayrollRun)
        found.open_s += opened
        found.calculate_s += calculated
        found.approve_s += approved
        found.post_s += posted
        found.payslips += len(run.payslips)
        found.by_org[org] = {
            "payslips": len(run.payslips),
            "calculate_s": round(calculated, 3),
            "approve_s": round(approved, 3),
            "post_s": round(posted, 3),
        }
    return found


def peak_mb() -> float:
    """This process's peak resident set so far (ru_maxrss: kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine_ticks() -> tuple[int, int] | None:
    """(busy, total) CPU ticks of the whole machine so far, from /proc/stat (Linux)."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and iowait
    return sum(ticks[:8]) - idle, sum(ticks[:8])


@dataclass
class Timed:
    month: Timings
    #: The runs' payslips by organisation, as recorded.
    payslips: dict[str, tuple[Payslip, ...]]
    peak_mb: float
    #: CPU seconds of this process over the timed phase.
    cpu_s: float
    #: The share of the machine's CPU busy meanwhile, whoever used it (None: not Linux).
    busy: float | None


def timed_phase(config: StoreConfig, orgs: Sequence[str], month: str, profile: str | None) -> Timed:
    """The month run on a fresh ledger; the peak memory read right after."""
    ledger = open_ledger(config)
    try:
        profiler = cProfile.Profile() if profile else None
        cpu, machine = time.process_time(), machine_ticks()
        if profiler is not None:
            profiler.enable()
        timings = run_month(ledger, orgs, month)
        if profiler is not None and profile:
            profiler.disable()
            profiler.dump_stats(profile)
        cpu_s = time.process_time() - cpu
        after = machine_ticks()
        peak = peak_mb()
        payslips = {}
        for org in orgs:
            run: Any = ledger.repository.get(PayrollRun.id_for(org, month))
            assert isinstance(run, PayrollRun)
            payslips[org] = run.payslips
    finally:
        ledger.close()
    busy = None
    if machine is not None and after is not None and after[1] > machine[1]:
        busy = (after[0] - machine[0]) / (after[1] - machine[1])
    return Timed(timings, payslips, peak, cpu_s, busy)


# --- the baseline: each employee's aggregates replayed one at a time ------------------------------


def get_or_none(ledger: Ledger, cls: type[A], aggregate_id: UUID) -> A | None:
    try:
        found: Any = ledger.repository.get(aggregate_id)
    except AggregateNotFoundError:
        return None
    return found if isinstance(found, cls) else None


def replayed_tables(ledger: Ledger, org: str) -> TableSet:
    """The organisation's tables, as ``payroll_tables`` builds them, from the repository."""
    rows = {}
    versions = {}
    for kind in TableKind:
        table = get_or_none(ledger, PayrollTable, PayrollTable.id_for(org, kind))
        if table is not None:
            rows[kind], versions[kind] = table.rows, table.loads
    return TableSet(rows, versions)


@dataclass
class Replayed:
    """One organisation's month replayed: its payslips, and the employees and tables read."""

    payslips: list[Payslip]
    employees: list[Employee]
    tables: TableSet


def replay_month(ledger: Ledger, org: str, employee_ids: Sequence[UUID], month: str) -> Replayed:
    """The month recalculated the stock way: every employee's aggregates replayed one by one."""
    first, last = month_bounds(month)
    tables = replayed_tables(ledger, org)
    table_days = tables.change_days(first, last)
    found = Replayed([], [], tables)
    for employee_id in employee_ids:
        employee = get_or_none(ledger, Employee, employee_id)
        if employee is None or employee.org != org:
            continue
        found.employees.append(employee)
        profile = get_or_none(ledger, PayrollProfile, PayrollProfile.id_for(org, employee_id))
        record = get_or_none(ledger, AttendanceRecord, AttendanceRecord.id_for(org, employee_id))
        person = EmployeeMonth(
            employee_id=employee_id,
            employee_number=employee.employee_number,
            actions=tuple(employee.effective()),
            profile=profile.on(month) if profile is not None else PayProfile(),
            worked=worked_time(record, first, last),
        )
        slip = payslip(month, person, tables, first, last, table_days)
        if slip is not None:
            found.payslips.append(slip)
    return found


def service(employee: Employee, tables: TableSet, month: str) -> str:
    """How the record has the employee in ``month``, from their states on its first day and on
    each day an action takes effect: "out" (not hired yet, or retired, all month), "unpaid" (in
    service only on a leave the pay rules pay nothing for) or "paid"."""
    first, last = month_bounds(month)
    days = [
        first,
        *sorted({a.effective_date for a in employee.effective() if first < a.effective_date <= last}),
    ]
    serving = [
        state
        for state in (employee.state_on(day) for day in days)
        if state is not None and state.status is not Status.RETIRED
    ]
    if not serving:
        return "out"
    if all(
        state.status is Status.ON_LEAVE
        and state.leave_kind is not None
        and tables.pay_percent(f"LEAVE:{state.leave_kind.value.upper()}", first) == 0
        for state in serving
    ):
        return "unpaid"
    return "paid"


def compare(run: Sequence[Payslip], replayed: Sequence[Payslip], org: str) -> RunTotals:
    """The run's regular payslips (정기 급여) and the replayed ones are the same, one by one and in
    total; the run's others (퇴직금 of those leaving in the month) are no part of the replay."""
    regular = [slip for slip in run if slip.kind is PayslipKind.REGULAR]
    ran = {slip.employee_id: slip for slip in regular}
    again = {slip.employee_id: slip for slip in replayed}
    if len(ran) != len(regular) or ran.keys() != again.keys():
        only_run, only_replay = len(ran.keys() - again.keys()), len(again.keys() - ran.keys())
        raise SystemExit(
            f"{org}: the run has {len(regular)} regular payslips, the replay {len(replayed)} "
            f"({only_run} only in the run, {only_replay} only in the replay)"
        )
    differing = [employee_id for employee_id, slip in ran.items() if again[employee_id] != slip]
    if differing:
        raise SystemExit(f"{org}: {len(differing)} payslips differ between the run and the replay")
    sums, replayed_sums = totals(regular), totals(replayed)
    if sums != replayed_sums:
        raise SystemExit(f"{org}: the run's totals {sums} differ from the replay's {replayed_sums}")
    return sums


# --- main ---------------------------------------------------------------------------------------------


def with_ledger(config: StoreConfig, work: Callable[[Ledger], Any]) -> Any:
    ledger = open_ledger(config)
    try:
        return work(ledger)
    finally:
        ledger.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--month", default=f"{YEAR}-03", help="the month run (YYYY-MM of fiscal year 2026)")
    parser.add_argument("--institutions", type=int, default=len(INSTITUTIONS))
    parser.add_argument("--workers", type=int, default=2, help="set-up processes (not timed)")
    parser.add_argument(
        "--profile", metavar="FILE", help="write cProfile statistics of the timed phase (slows it) to FILE"
    )
    args = parser.parse_args(argv)
    first, _ = month_bounds(args.month)
    if first.year != YEAR:
        parser.error(f"the month must be one of {YEAR}")
    orgs = institutions(args.institutions)
    workers = max(1, min(args.workers, len(orgs)))

    with scratch_store(args.database_url, "payroll") as config:
        started = time.perf_counter()
        prepared = set_up(config, orgs, args.employees, workers, args.month)
        analyse(config)
        set_up_s = time.perf_counter() - started
        print(
            f"set up {sum(len(p.employee_ids) for p in prepared):,} employees in {len(orgs)} institutions: "
            f"{sum(p.commands for p in prepared):,} commands in {set_up_s:.1f} s",
            file=sys.stderr,
        )

        timed = timed_phase(config, [code for code, _ in orgs], args.month, args.profile)
        month = timed.month
        print(
            f"month {args.month}: {month.payslips:,} payslips in {month.month_s:.2f} s "
            f"(calculate {month.calculate_s:.2f}, approve {month.approve_s:.2f}, post {month.post_s:.2f})",
            file=sys.stderr,
        )

        def baseline(replaying: Ledger) -> tuple[float, dict[str, Replayed]]:
            began = time.perf_counter()
            slips = {p.org: replay_month(replaying, p.org, p.employee_ids, args.month) for p in prepared}
            return time.perf_counter() - began, slips

        baseline_s, replayed = with_ledger(config, baseline)
        sums = [compare(timed.payslips[code], replayed[code].payslips, code) for code, _ in orgs]
    services = Counter(
        service(employee, again.tables, args.month)
        for again in replayed.values()
        for employee in again.employees
    )

    payslips_per_s = month.payslips / month.month_s
    regular = sum(s.payslips for s in sums)
    baseline_per_s = regular / baseline_s
    result: dict[str, Any] = {
        "metric": "payroll_payslips_per_s",
        "payslips_per_s": round(payslips_per_s, 1),
        "peak_mb": round(timed.peak_mb, 1),
        "employees": sum(len(p.employee_ids) for p in prepared),
        "baseline_payslips_per_s": round(baseline_per_s, 1),
        "payslips": month.payslips,
        # Regular payslips (정기 급여), the ones the baseline recalculates; the rest are others the
        # run records (퇴직금 of those leaving in the month).
        "regular_payslips": regular,
        "month": args.month,
        "month_s": round(month.month_s, 3),
        "calculate_s": round(month.calculate_s, 3),
        "approve_s": round(month.approve_s, 3),
        "post_s": round(month.post_s, 3),
        "open_s": round(month.open_s, 3),
        "baseline_s": round(baseline_s, 3),
        "ratio_to_baseline": round(payslips_per_s / baseline_per_s, 2),
        "target_payslips_per_s": TARGET_PAYSLIPS_PER_S,
        "payslips_ratio": round(payslips_per_s / TARGET_PAYSLIPS_PER_S, 3),
        "seconds_ratio": round(TARGET_SECONDS / month.month_s, 3),
        "peak_ratio": round(TARGET_PEAK_MB / timed.peak_mb, 3),
        "same_payslips": True,  # compare() stops the bench otherwise
        # Employees in service some day of the month, and those of them on a leave without pay
        # all month (no payslip: nothing is paid or deducted).
        "in_service": services["paid"] + services["unpaid"],
        "on_unpaid_leave": services["unpaid"],
        # The regular payslips' totals (급여대장 합계), the same in the run and the replay.
        "gross": sum(s.gross for s in sums),
        "deducted": sum(s.deducted for s in sums),
        "employer": sum(s.employer for s in sums),
        "client_cpu_s": round(timed.cpu_s, 3),
        "machine_busy_percent": round(100 * timed.busy, 1) if timed.busy is not None else None,
        "by_org": month.by_org,
        "profiles": sum(p.profiles for p in prepared),
        "attendance_records": sum(p.attendance for p in prepared),
        "attendance_refused": sum(p.attendance_refused for p in prepared),
        "actions": sum(p.actions for p in prepared),
        "set_up_s": round(set_up_s, 1),
        "institutions": len(orgs),
        "workers": workers,
        "cores": os.cpu_count(),
        "backend": "postgresql" if config.is_postgres else "sqlite",
        "profiled": bool(args.profile),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
