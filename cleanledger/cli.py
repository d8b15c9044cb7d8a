"""The ``cleanledger`` command line.

    cleanledger demo --scale small     load the synthetic demo data set (idempotent)
    cleanledger lines                  list budget lines with their amounts

The store is the one the settings name (``CLEANLEDGER_DATABASE_URL``, default
``sqlite:///cleanledger.db``). The HTTP API and the portal come later; until the read models
exist, ``lines`` is a temporary admin view that replays aggregates from the event store.
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit
from uuid import UUID

from eventsourcing.utils import get_topic

from bench.synthetic import SCALES, generate
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger
from commands.ledger import Ledger
from domain.budget_line import BudgetLine
from domain.errors import DomainError
from domain.organisation import Organisation

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
        f"lines, {summary.vendors} vendors, {summary.obligations} obligations; "
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


def _width(text: str) -> int:
    """Display width in a terminal: Hangul and other wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings()
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
