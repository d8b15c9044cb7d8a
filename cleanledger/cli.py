"""The ``cleanledger`` command line.

    cleanledger demo --scale small     load the synthetic demo data set (idempotent)
    cleanledger lines                  list budget lines with their amounts
    cleanledger project [--follow]     bring the read models up to date (and keep them so)
    cleanledger rebuild [NAME ...]     rebuild projections into new tables while readers read
    cleanledger status                 each projection's position, generation, lag and fault
    cleanledger retry [NAME ...]       clear the fault that stopped a projection, once its cause is fixed
    cleanledger serve                  the HTTP API and the public portal (uvicorn)
    cleanledger users create NAME …    API users, their roles and keys
    cleanledger report NAME --org …    a statement to the terminal or as CSV
    cleanledger personnel ACTION …     personnel (인사): headcount, employees, step increases, certificates
    cleanledger payroll ACTION …       payroll (급여): load tables, run a month, print its register

The store is the one the settings name (``CLEANLEDGER_DATABASE_URL``, default
``sqlite:///cleanledger.db``); the read models live in ``CLEANLEDGER_READ_DATABASE_URL`` (default:
the same database; on PostgreSQL in the schema ``CLEANLEDGER_READ_SCHEMA``, default
``cleanledger_read``). ``lines`` is a temporary admin view that replays aggregates from the event
store.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

from eventsourcing.utils import get_topic
from sqlalchemy import inspect, select

from cleanledger import keys, payroll_cli, personnel_cli, report, serve, users, verify, witness
from cleanledger.settings import Settings
from cleanledger.synthetic import SCALES, generate
from cleanledger.terminal import ProgressBar
from cleanledger.terminal import pad as _pad
from cleanledger.terminal import width as _width
from cleanledger.wiring import build_ledger, build_projection_engine, build_read_engine, listener
from commands.ledger import Ledger
from domain.budget_line import BudgetLine
from domain.errors import DomainError
from domain.organisation import Organisation
from projections import worker
from projections.engine import DEFAULT_BATCH
from projections.rebuild import RebuildError, RebuildProgress, rebuild
from projections.registry import all_projections, code_versions
from projections.wakeup import Wakeup
from readmodels.state import (
    Fault,
    ProjectionStatus,
    clear_faults,
    projection_faults,
    projection_state,
    statuses,
)

_PAGE = 1_000

A = TypeVar("A")


@dataclass(frozen=True)
class LineRow:
    org: str
    org_name: str
    fiscal_year: int
    code: str
    title: str
    current_budget: int
    allocated: int
    obligated: int
    paid: int
    remaining: int


def read_budget_lines(ledger: Ledger, org: str | None = None, year: int | None = None) -> list[LineRow]:
    """Every budget line, rebuilt by replaying its events (no read models exist yet)."""
    names = {o.code: o.name for o in _replay(ledger, Organisation.Registered, Organisation)}
    rows = [
        LineRow(
            org=line.org,
            org_name=names.get(line.org, ""),
            fiscal_year=line.fiscal_year,
            code=str(line.code),
            title=line.title,
            current_budget=line.current_budget,
            allocated=line.allocated_total,
            obligated=line.obligated,
            paid=line.paid,
            remaining=line.remaining,
        )
        for line in _replay(ledger, BudgetLine.Opened, BudgetLine)
        if (org is None or line.org == org) and (year is None or line.fiscal_year == year)
    ]
    rows.sort(key=lambda r: (r.org, r.fiscal_year, r.code))
    return rows


def _replay(ledger: Ledger, created: type, cls: type[A]) -> list[A]:
    """Aggregates of ``cls``: their creation events found in the log, each aggregate replayed."""
    found: list[A] = []
    start = 1
    while True:
        notifications = ledger.recorder.select_notifications(start, _PAGE, topics=[get_topic(created)])
        for notification in notifications:
            aggregate: object = ledger.repository.get(UUID(str(notification.originator_id)))
            assert isinstance(aggregate, cls)
            found.append(aggregate)
        if len(notifications) < _PAGE:
            return found
        start = notifications[-1].id + 1


# --- the sub-commands -------------------------------------------------------------------------


def demo(ledger: Ledger, args: argparse.Namespace) -> int:
    # A counter rewritten in place on a terminal; a line every few seconds in a log.
    interactive = sys.stderr.isatty()
    interval = 0.2 if interactive else 5.0
    last_shown = time.monotonic()

    def progress(done: int, total: int) -> None:
        nonlocal last_shown
        now = time.monotonic()
        if done == total or now - last_shown >= interval:
            last_shown = now
            line = f"demo: {done}/{total} commands"
            if interactive:
                print(f"\r{line}", end="\n" if done == total else "", file=sys.stderr, flush=True)
            else:
                print(line, file=sys.stderr, flush=True)

    summary = generate(ledger, args.scale, progress=None if args.quiet else progress)
    print(
        f"demo ({summary.scale}): {summary.organisations} organisations, {summary.budget_lines} budget "
        f"lines, {summary.vendors} vendors, {summary.requisitions} requisitions, "
        f"{summary.obligations} obligations, {summary.contracts} contracts, {summary.vouchers} vouchers, "
        f"{summary.payments} payments, {summary.revenue_assessments} revenue assessments, "
        f"{summary.journal_entries} journal entries, {summary.employees} employees, "
        f"{summary.payroll_runs} payroll runs; "
        f"{summary.commands} commands, {summary.recorded} recorded, {summary.replayed} already there; "
        f"{summary.seconds:.1f} s; log position {ledger.recorder.max_notification_id() or 0}"
    )
    return 0


def lines(ledger: Ledger, args: argparse.Namespace) -> int:
    rows = read_budget_lines(ledger, org=args.org, year=args.year)
    if not rows:
        print("no budget lines (load the demo data with: cleanledger demo --scale small)")
        return 0
    header = ("org", "year", "code", "title", "current budget", "allocated", "obligated", "paid", "remaining")
    table = [header] + [
        (
            r.org,
            str(r.fiscal_year),
            r.code,
            r.title,
            *(f"{amount:,}" for amount in (r.current_budget, r.allocated, r.obligated, r.paid, r.remaining)),
        )
        for r in rows
    ]
    widths = [max(_width(row[i]) for row in table) for i in range(len(header))]
    numeric = {i for i in range(len(header)) if i >= 4}
    for n, row in enumerate(table):
        print("  ".join(_pad(cell, widths[i], right=i in numeric) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    orgs: dict[str, tuple[str, int, int]] = {}
    for r in rows:
        name, count, budget = orgs.get(r.org, (r.org_name, 0, 0))
        orgs[r.org] = (name, count + 1, budget + r.current_budget)
    print()
    for code, (name, count, budget) in orgs.items():
        print(f"{code} {name}: {count} lines, current budget {budget:,} won")
    print(f"{len(rows)} budget lines")
    return 0


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


# --- the read side: project, rebuild, status ----------------------------------------------------


def _stop_on_signals(stop: threading.Event, wakeup: Wakeup | None = None) -> None:
    """SIGTERM and SIGINT end the worker after its batch (or its idle sleep, which ``wakeup``
    ends at once); a second one ends it at once."""
    if threading.current_thread() is not threading.main_thread():
        return

    def handler(signum: int, _: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        print(f"project: {signal.Signals(signum).name}, stopping after this batch", file=sys.stderr)
        stop.set()
        if wakeup is not None:
            wakeup.poke()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def project(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    engine = build_projection_engine(settings, ledger, batch_size=args.batch_size)
    try:
        if not args.follow:
            start = engine.position()
            bar = None if args.quiet else ProgressBar("project")

            def progress(position: int, head: int) -> None:
                if bar is not None:
                    bar.update(position - start, head - start)

            applied = engine.catch_up(progress=progress)
            position, head = engine.position(), engine.head()
            if bar is not None:
                bar.update(position - start, head - start, final=True)
            print(f"project: {applied} events applied; position {position}, head of the log {head}")
            return 0
        stop = threading.Event()
        wakeup = Wakeup(listener(settings, ledger))
        _stop_on_signals(stop, wakeup)
        print(
            f"project: following from position {engine.position()} (head {engine.head()}); "
            f"{'LISTEN ' + wakeup.listener.channel if wakeup.listener else 'polling'}",
            file=sys.stderr,
            flush=True,
        )
        try:
            worker.follow(engine, stop, wakeup=wakeup)
        finally:
            wakeup.close()
        print(f"project: stopped at position {engine.position()}", file=sys.stderr)
        return 0
    finally:
        engine.engine.dispose()


def rebuild_command(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    engine = build_projection_engine(settings, ledger, batch_size=args.batch_size)
    bar = None if args.quiet else ProgressBar("rebuild")

    def progress(step: RebuildProgress) -> None:
        if bar is not None:
            bar.update(step.done, step.total, final=step.finished)

    try:
        results = rebuild(engine, args.names, progress)
    except RebuildError as error:
        print(f"cleanledger: rebuild refused: {error}", file=sys.stderr)
        return 1
    finally:
        engine.engine.dispose()
    for result in results:
        if result.fault is not None:
            print(
                f"rebuild of {result.name} not switched over: " + describe_fault(result.fault, rebuild=True)
            )
            continue
        print(
            f"rebuilt {result.name}: generation {result.previous_generation} -> {result.generation}, "
            f"position {result.position}, {result.events} events in {result.seconds:.1f} s"
        )
    return 1 if any(result.fault is not None for result in results) else 0


def _statuses(settings: Settings) -> dict[str, ProjectionStatus]:
    engine = build_read_engine(settings)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(projection_state.name):
                return {}
            if not inspect(conn).has_table(projection_faults.name):  # before any engine of this release
                return {
                    row.name: ProjectionStatus(
                        row.name, row.position, row.generation, row.version, None, None
                    )
                    for row in conn.execute(select(projection_state))
                }
            return {s.name: s for s in statuses(conn)}
    finally:
        engine.dispose()


def describe_fault(fault: Fault, *, rebuild: bool = False) -> str:
    """What stopped a projection, where, and what to do, for an operator."""
    where = f"the event {fault.event}" if fault.event else "an event that could not be read"
    if fault.originator_id:
        where += f" of aggregate {fault.originator_id} (version {fault.originator_version})"
    code = f" (SQLSTATE {fault.code})" if fault.code else ""
    message = fault.message.replace("\n", "\n    ")
    what = (
        f"the rebuild of {fault.name} into generation {fault.generation} stopped"
        if rebuild
        else f"{fault.name} is STOPPED"
    )
    then = (
        f"Its live tables (generation {fault.generation - 1} or older) are unchanged. Fix the cause, then "
        f"rebuild it again: cleanledger rebuild {fault.name}"
        if rebuild
        else "The other projections carry on. Fix the cause (a release that can apply the event, "
        f"a wider column), then: cleanledger retry {fault.name}"
    )
    return (
        f"{what} before position {fault.position}, {where}, since "
        f"{fault.recorded_at.isoformat(timespec='seconds')}:\n"
        f"    {fault.error}{code}: {message}\n    {then}"
    )


def status(ledger: Ledger, args: argparse.Namespace) -> int:
    """Exit code 2 when a fault stops a projection (for monitoring), else 0."""
    settings: Settings = args.settings
    head = ledger.recorder.max_notification_id() or 0
    rows = _statuses(settings)
    versions = code_versions()
    header = ("projection", "position", "generation", "version", "lag", "")
    table: list[tuple[str, ...]] = [header]
    for name in [*versions, *(n for n in rows if n not in versions)]:
        row = rows.get(name)
        if row is None:
            table.append((name, "-", "-", "-", f"{head} (not started)", ""))
            continue
        version = str(row.version)
        if name in versions and row.version != versions[name]:
            version += f" (code: {versions[name]}; rebuild it)"
        state = f"STOPPED before {row.fault.position}" if row.fault is not None else ""
        table.append((name, str(row.position), str(row.generation), version, str(head - row.position), state))
    print(f"head of the log: {head}")
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for row_cells in table:
        print(
            "  ".join(
                cell.ljust(widths[i]) if i in (0, len(header) - 1) else cell.rjust(widths[i])
                for i, cell in enumerate(row_cells)
            ).rstrip()
        )
    for row in rows.values():
        if row.fault is not None:
            print("\n" + describe_fault(row.fault))
        if row.rebuild_fault is not None:
            print("\n" + describe_fault(row.rebuild_fault, rebuild=True))
    return 2 if any(row.fault is not None for row in rows.values()) else 0


def retry(ledger: Ledger, args: argparse.Namespace) -> int:
    """Clear the faults of the projections named (all faulted ones if none is): their next batch
    (``cleanledger project``, or the worker running) tries the event that stopped them again."""
    settings: Settings = args.settings
    rows = _statuses(settings)
    unknown = [n for n in args.names if n not in rows]
    if unknown:
        print(f"cleanledger: retry: unknown projection {', '.join(unknown)}", file=sys.stderr)
        return 1
    names = args.names or [n for n, row in rows.items() if row.fault or row.rebuild_fault]
    engine = build_read_engine(settings, writer=True)
    try:
        with engine.begin() as conn:
            cleared = {name: clear_faults(conn, name) for name in names}
    finally:
        engine.dispose()
    for name in names:
        if cleared[name]:
            row = rows[name]
            at = row.fault.position if row.fault else row.rebuild_fault.position if row.rebuild_fault else "-"
            print(
                f"retry: {name}: the fault at position {at} is cleared; its next batch applies that "
                "event again (a running worker does so by itself; else: cleanledger project)"
            )
        else:
            print(f"retry: {name}: no fault to clear")
    if not names:
        print("retry: no projection is stopped by a fault")
    return 0


# --- entry point ------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanledger",
        description="Clean Ledger (클린재정 원장): an event-sourced public-finance ledger. "
        "The store comes from CLEANLEDGER_DATABASE_URL (default sqlite:///cleanledger.db).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_demo = sub.add_parser(
        "demo",
        help="load the deterministic synthetic demo data set (re-running it records nothing new)",
        description="Register Seoul's city hall, districts and institutions, open fiscal year 2026, "
        "appropriate and allocate budget lines, register vendors and obligate, through the "
        "ledger's commands. Idempotent: every command id is fixed, so a re-run records nothing.",
    )
    p_demo.add_argument("--scale", choices=sorted(SCALES), default="small", help="size (default: small)")
    p_demo.add_argument("--quiet", action="store_true", help="no progress counter on stderr")
    p_demo.set_defaults(run=demo)

    p_lines = sub.add_parser(
        "lines",
        help="list budget lines and their amounts (temporary admin view: replays aggregates)",
        description="Budget lines with current budget, allocated, obligated, paid and remaining. "
        "TEMPORARY ADMIN VIEW: it replays every budget line from the event store, since the read "
        "models do not exist yet; it reads the whole log and is slow on a large store.",
    )
    p_lines.add_argument("--org", help="only this organisation code, e.g. 3030000")
    p_lines.add_argument("--year", type=int, help="only this fiscal year, e.g. 2026")
    p_lines.set_defaults(run=lines)

    p_project = sub.add_parser(
        "project",
        help="apply new events to the read models (once, or --follow to keep doing it)",
        description="Apply the events the read models have not seen yet, in batches, exactly once. "
        "With --follow keep going: wait for the event store's notification (PostgreSQL LISTEN) or "
        "poll every second, and survive lost connections. SIGTERM or SIGINT stops it after the "
        "batch under way; a worker killed outright resumes from its last committed batch.",
    )
    p_project.add_argument("--follow", action="store_true", help="keep following the log until stopped")
    p_project.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH,
        help=f"events per batch (default {DEFAULT_BATCH})",
    )
    p_project.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    p_project.set_defaults(run=project)

    names = ", ".join(p.name for p in all_projections())
    p_rebuild = sub.add_parser(
        "rebuild",
        help="rebuild projections from the start of the log into new tables, then switch over",
        description="Replay the whole log into a new generation of each named projection's tables "
        "(all projections if none is named) while readers keep reading the current ones and "
        "workers keep applying to them; then switch the views over in one transaction and drop "
        f"the old tables. Projections: {names}.",
    )
    p_rebuild.add_argument("names", nargs="*", metavar="NAME", help="projections to rebuild (default: all)")
    p_rebuild.add_argument(
        "--batch-size",
        type=_positive,
        default=DEFAULT_BATCH,
        help=f"events per batch (default {DEFAULT_BATCH})",
    )
    p_rebuild.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    p_rebuild.set_defaults(run=rebuild_command)

    p_status = sub.add_parser(
        "status",
        help="each projection's position, table generation, lag behind the head of the log, and fault",
        description="Each projection's position, table generation, version and lag behind the head of "
        "the log. A projection that met an event it cannot apply is STOPPED just before it: the "
        "fault (which event, which error, since when) and what to do are printed below the table, "
        "and the exit code is 2.",
    )
    p_status.set_defaults(run=status)

    p_retry = sub.add_parser(
        "retry",
        help="clear the fault that stopped a projection, so it tries the event again",
        description="Once the cause of a projection's fault is fixed (a release that can apply the "
        "event, a wider column), clear the fault: the projection's next batch applies the event "
        "again and goes on from there, or stops at it again with a fresh fault. Without a name, "
        "every fault is cleared.",
    )
    p_retry.add_argument(
        "names", nargs="*", metavar="NAME", help="projections to retry (default: all faulted)"
    )
    p_retry.set_defaults(run=retry)
    serve.add_parser(sub)
    users.add_parser(sub)
    report.add_parser(sub)
    personnel_cli.add_parser(sub)
    payroll_cli.add_parser(sub)
    verify.add_parser(sub)
    keys.add_parser(sub)
    witness.add_parser(sub)
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        msg = f"must be at least 1, got {number}"
        raise argparse.ArgumentTypeError(msg)
    return number


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
    args.settings = settings
    if not getattr(args, "needs_ledger", True):  # a witness talks to a log over HTTP only
        standalone: Callable[[None, argparse.Namespace], int] = args.run
        return standalone(None, args)
    print(f"store: {_redacted(settings.database_url)}", file=sys.stderr)
    ledger = build_ledger(settings)
    run: Callable[[Ledger, argparse.Namespace], int] = args.run
    try:
        return run(ledger, args)
    except DomainError as error:
        print(f"cleanledger: refused ({error.code}): {error.detail}", file=sys.stderr)
        return 1
    finally:
        ledger.close()


if __name__ == "__main__":
    sys.exit(main())
