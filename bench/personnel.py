"""Personnel (인사) throughput: hires and actions (발령) per second, and the headcount (현원) as of a date.

    python -m bench.personnel --database-url URL [--employees 20000] [--actions 100000] [--workers N]

The careers are the demo's (cleanledger.synthetic_personnel) over ``--institutions`` funded
institutions: every employee hired in 2019–2020, the actions from 2021 on (the yearly step
increase, promotions, transfers, leaves and returns, secondments, suspensions, disciplines,
part-time spells, retirements, corrections), each drafted by one user and approved by another,
one approval per institution and day (one 발령 order; that is how an office approves them).

Each of ``--workers`` processes takes every so many institutions with its own ledger and sends
their commands in the order of their days, one thread per institution it holds up to
``--threads`` (threads of a process share its group commit). The charts are sent first and not
timed; then, all workers starting together, the hires with their approvals (``hires_per_s``),
then the actions until about ``--actions`` are approved, the same number from each institution.
An action counts once, when its approval is saved: ``actions_per_s`` is actions approved over the
wall time of that phase. ``drafts_per_s`` and ``approvals_per_s`` divide the same phase by the
share of time the workers spent sending drafts and approvals, so that ``1/actions_per_s =
1/drafts_per_s + 1/approvals_per_s``. With ``--single-drafts`` the yearly step increases are
drafted one command each instead of one DraftStepIncreases per institution and day.

Then the personnel projections are run over the store (``project_s``) and ``headcount(conn, org,
as_of)`` of readmodels.personnel_queries is timed on ``--dates`` random dates per institution
(its p50 and p99; one untimed query per institution first).

The last line printed is one JSON object: ``metric``, ``actions_per_s``, ``headcount_ms`` (p99),
``employees``, ``actions`` and the figures above, with the targets' ratios.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from sqlalchemy import Engine

from bench.stores import scratch_reads, scratch_store
from cleanledger.synthetic_personnel import Window, plan
from commands.ledger import Ledger, open_ledger
from commands.messages.budget import RegisterOrganisation
from commands.messages.personnel import (
    ApprovePersonnelActions,
    CreateDepartment,
    DefineGrade,
    DefinePosition,
    DraftPersonnelAction,
    DraftStepIncreases,
    HireEmployee,
    PersonnelCommand,
    RenameDepartment,
    SetAuthorisedHeadcount,
)
from commands.persistence import StoreConfig
from commands.personal_data.key_store import DataKeyStore
from commands.personal_data.keyring import MasterKeyring
from commands.personal_data.vault import PersonalDataVault
from domain.organisation import OrganisationKind
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from readmodels.database import read_engine
from readmodels.personnel_queries import headcount

WINDOW = Window(
    hires_from=date(2019, 1, 1),
    hires_until=date(2021, 1, 1),
    until=date(2027, 1, 1),
    actions_from=date(2021, 1, 1),
)
TARGET_ACTIONS_PER_S = 1_000
TARGET_HEADCOUNT_MS = 50.0
SEED = "bench-personnel"
#: What the headcount reads (the chart's versions and the employees' periods).
PROJECTIONS = ("personnel_chart", "personnel_employees")
_CHART = (DefineGrade, DefinePosition, CreateDepartment, RenameDepartment, SetAuthorisedHeadcount)


def institutions(count: int) -> list[tuple[str, str]]:
    return [(f"6120{n:03d}", f"벤치재단 {n}") for n in range(1, count + 1)]


@dataclass(frozen=True)
class Job:
    config: StoreConfig
    master_key: bytes
    institutions: list[tuple[str, str]]
    per_institution: int
    #: Actions to approve from each institution (about: a day's order is sent whole).
    quota: int
    threads: int
    batch_steps: bool


@dataclass
class Tally:
    """What one worker sent in one phase, and how long it took."""

    started: float = 0.0
    ended: float = 0.0
    drafts: int = 0
    draft_s: float = 0.0
    approved: int = 0
    approve_s: float = 0.0
    other_s: float = 0.0
    commands: int = 0
    #: CPU seconds of the worker process (all its threads) over the phase.
    cpu_s: float = 0.0
    #: The share of the machine's CPU busy over the phase, whoever used it (None: not Linux).
    machine_busy: float | None = None

    def add(self, other: Tally) -> None:
        self.drafts += other.drafts
        self.draft_s += other.draft_s
        self.approved += other.approved
        self.approve_s += other.approve_s
        self.other_s += other.other_s
        self.commands += other.commands
        self.cpu_s += other.cpu_s
        if other.machine_busy is not None:
            self.machine_busy = max(self.machine_busy or 0.0, other.machine_busy)


@dataclass
class Streams:
    """One institution's commands: the chart, the hires (phase 1), the actions (phase 2)."""

    chart: list[PersonnelCommand] = field(default_factory=list)
    hires: list[PersonnelCommand] = field(default_factory=list)
    actions: list[PersonnelCommand] = field(default_factory=list)


def streams(institution: tuple[str, str], employees: int, quota: int, batch_steps: bool) -> Streams:
    """The institution's plan cut in phases, the actions cut after the day that brings about
    ``quota`` approved (a day's order is sent whole, or not at all)."""
    staff = plan([institution], employees, SEED, WINDOW, batch_steps=batch_steps)
    found = Streams()
    days: dict[date, list[PersonnelCommand]] = {}
    for command in staff.commands:
        if isinstance(command, _CHART):
            found.chart.append(command)
        elif WINDOW.actions_from is not None and command.accounting_date < WINDOW.actions_from:
            found.hires.append(command)
        else:
            days.setdefault(command.accounting_date, []).append(command)
    approved = 0
    for day in sorted(days):
        items = sum(len(c.items) for c in days[day] if isinstance(c, ApprovePersonnelActions))
        if approved + items / 2 > quota:
            break
        found.actions += days[day]
        approved += items
    return found


def send(ledger: Ledger, commands: Sequence[PersonnelCommand], tally: Tally) -> None:
    for command in commands:
        started = time.perf_counter()
        ledger.handle(command)
        took = time.perf_counter() - started
        tally.commands += 1
        if isinstance(command, ApprovePersonnelActions):
            tally.approved += len(command.items)
            tally.approve_s += took
        elif isinstance(command, HireEmployee | DraftPersonnelAction):
            tally.drafts += 1
            tally.draft_s += took
        elif isinstance(command, DraftStepIncreases):
            tally.drafts += len(command.employee_ids)
            tally.draft_s += took
        else:
            tally.other_s += took


def run_phase(ledger: Ledger, work: list[list[PersonnelCommand]], threads: int) -> Tally:
    """Every institution's commands in order; institutions spread over ``threads`` threads."""
    lanes: list[list[list[PersonnelCommand]]] = [work[n::threads] for n in range(min(threads, len(work)))]
    tallies = [Tally() for _ in lanes]
    errors: list[BaseException] = []

    def lane(n: int) -> None:
        try:
            for commands in lanes[n]:
                send(ledger, commands, tallies[n])
        except BaseException as error:  # surfaced below: a refused command is a bench failure
            errors.append(error)

    total = Tally(started=time.time())
    cpu, machine = time.process_time(), _machine()
    running = [threading.Thread(target=lane, args=(n,)) for n in range(len(lanes))]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    total.ended = time.time()
    total.cpu_s = time.process_time() - cpu
    after = _machine()
    if machine is not None and after is not None and after[1] > machine[1]:
        total.machine_busy = (after[0] - machine[0]) / (after[1] - machine[1])
    if errors:
        raise errors[0]
    for tally in tallies:
        total.add(tally)
    return total


def _machine() -> tuple[int, int] | None:
    """(busy, total) CPU ticks of the whole machine so far, from /proc/stat (Linux)."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle and iowait
    return sum(ticks[:8]) - idle, sum(ticks[:8])


def worker(job: Job, barrier: Any, results: Any) -> None:
    ledger = open_ledger(job.config)
    ledger.personal_data = PersonalDataVault(MasterKeyring.of(job.master_key), DataKeyStore(job.config))
    try:
        started = time.perf_counter()
        planned = [streams(i, job.per_institution, job.quota, job.batch_steps) for i in job.institutions]
        plan_s = time.perf_counter() - started
        for code, name in job.institutions:
            ledger.handle(
                RegisterOrganisation(
                    command_id=uuid5(NAMESPACE_URL, f"{SEED}/{code}"),
                    org=code,
                    fiscal_year=WINDOW.hires_from.year,
                    accounting_date=WINDOW.hires_from,
                    actor="admin",
                    name=name,
                    kind=OrganisationKind.INSTITUTION,
                )
            )
        send(ledger, [c for s in planned for c in s.chart], Tally())
        barrier.wait()
        hires = run_phase(ledger, [s.hires for s in planned], job.threads)
        barrier.wait()
        actions = run_phase(ledger, [s.actions for s in planned], job.threads)
        results.put(("ok", plan_s, hires, actions))
    except BaseException as error:
        barrier.abort()
        results.put(("error", repr(error), None, None))
        raise
    finally:
        ledger.close()


def run_workers(
    config: StoreConfig,
    orgs: list[tuple[str, str]],
    employees: int,
    actions: int,
    workers: int,
    threads: int,
    batch_steps: bool,
) -> tuple[float, Tally, Tally]:
    """(planning seconds, the hires phase, the actions phase), summed over the workers."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(workers)
    results = context.Queue()
    master_key = os.urandom(32)  # one master key, the workers' rings alike
    processes = [
        context.Process(
            target=worker,
            args=(
                Job(
                    config,
                    master_key,
                    orgs[n::workers],
                    employees // len(orgs),
                    actions // len(orgs),
                    threads,
                    batch_steps,
                ),
                barrier,
                results,
            ),
        )
        for n in range(workers)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get() for _ in processes]
    for process in processes:
        process.join()
    failed = [detail for status, detail, _, _ in outcomes if status != "ok"]
    if failed:
        raise SystemExit(f"a worker failed: {failed[0]}")
    hires, acts = Tally(started=float("inf")), Tally(started=float("inf"))
    for _, _, hire_tally, action_tally in outcomes:
        for total, one in ((hires, hire_tally), (acts, action_tally)):
            total.add(one)
            total.started, total.ended = min(total.started, one.started), max(total.ended, one.ended)
    return max(plan_s for _, plan_s, _, _ in outcomes), hires, acts


def project(config: StoreConfig, reads: Engine) -> tuple[float, int]:
    """Run the personnel projections over the store: (seconds, events in the log)."""
    ledger = open_ledger(config)
    try:
        chosen = [p for p in all_projections() if p.name in PROJECTIONS]
        engine = ProjectionEngine(ledger.recorder, reads, chosen)
        started = time.perf_counter()
        engine.catch_up(
            progress=lambda done, head: print(f"\rprojected {done:,}/{head:,}", end="", file=sys.stderr)
        )
        print(file=sys.stderr)
        return time.perf_counter() - started, ledger.recorder.max_notification_id() or 0
    finally:
        ledger.close()


def time_headcount(config: StoreConfig, orgs: list[str], dates: int) -> list[float]:
    """Milliseconds of ``headcount`` on ``dates`` random days per organisation."""
    schema = f"{config.schema}_read" if config.is_postgres else None
    engine = read_engine(config.database_url, schema=schema)
    rng = random.Random(SEED)
    span = (WINDOW.until - WINDOW.hires_from).days
    timings: list[float] = []
    try:
        with engine.connect() as conn:
            for org in orgs:
                headcount(conn, org, WINDOW.hires_from)  # untimed: the connection and statement warm
                for _ in range(dates):
                    day = WINDOW.hires_from + timedelta(days=rng.randrange(span))
                    started = time.perf_counter()
                    headcount(conn, org, day)
                    timings.append(1000 * (time.perf_counter() - started))
    finally:
        engine.dispose()
    return timings


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (one per institution)")
    parser.add_argument("--institutions", type=int, default=20)
    parser.add_argument("--dates", type=int, default=200, help="random dates per institution for headcount")
    parser.add_argument(
        "--single-drafts", action="store_true", help="draft each yearly step increase by a command of its own"
    )
    args = parser.parse_args(argv)
    orgs = institutions(args.institutions)
    workers = max(1, min(args.workers, len(orgs)))

    with scratch_store(args.database_url, "hr") as config:
        plan_s, hires, acts = run_workers(
            config, orgs, args.employees, args.actions, workers, args.threads, not args.single_drafts
        )
        hire_wall, act_wall = hires.ended - hires.started, acts.ended - acts.started
        busy = acts.draft_s + acts.approve_s + acts.other_s
        print(
            f"hires: {hires.approved:,} in {hire_wall:.1f} s; actions: {acts.drafts:,} drafted, "
            f"{acts.approved:,} approved, {acts.commands:,} commands in {act_wall:.1f} s",
            file=sys.stderr,
        )
        with scratch_reads(config) as reads:
            project_s, events = project(config, reads)
            timings = time_headcount(config, [org for org, _ in orgs], args.dates)

    actions_per_s = acts.approved / act_wall
    p99 = percentile(timings, 0.99)
    result: dict[str, Any] = {
        "metric": "personnel_actions_per_s",
        "actions_per_s": round(actions_per_s, 1),
        "headcount_ms": round(p99, 2),
        "employees": hires.approved,
        "actions": acts.approved,
        "drafts_per_s": round(acts.drafts / (act_wall * acts.draft_s / busy), 1),
        "approvals_per_s": round(acts.approved / (act_wall * acts.approve_s / busy), 1),
        "hires_per_s": round(hires.approved / hire_wall, 1),
        "headcount_p50_ms": round(percentile(timings, 0.5), 2),
        "headcount_queries": len(timings),
        "actions_ratio": round(actions_per_s / TARGET_ACTIONS_PER_S, 3),
        "headcount_ratio": round(TARGET_HEADCOUNT_MS / p99, 3) if p99 else None,
        "commands": acts.commands,
        # Our client's CPU per action, and how busy the machine was meanwhile (others included):
        # a machine busy with other work gets fewer actions per second from the same code.
        "client_cpu_ms_per_action": round(1000 * acts.cpu_s / acts.approved, 3),
        "machine_busy_percent": round(100 * acts.machine_busy, 1) if acts.machine_busy is not None else None,
        "batch_step_increases": not args.single_drafts,
        "events": events,
        "project_s": round(project_s, 1),
        "plan_s": round(plan_s, 1),
        "institutions": len(orgs),
        "workers": workers,
        "threads": args.threads,
        "cores": os.cpu_count(),
        "backend": "postgresql" if config.is_postgres else "sqlite",
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
