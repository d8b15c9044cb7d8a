"""``cleanledger payroll``: the monthly payroll (급여) from the command line, on the server.

    cleanledger payroll load-tables --org 6119001 --as pay.manager            # the shipped files
    cleanledger payroll load-tables --org 6119001 --as pay.manager pay_scale.csv allowances.csv
    cleanledger payroll run --org 6119001 --month 2026-03 --as pay.officer
    cleanledger payroll run --org 6119001 --month 2026-03 --as pay.officer \\
        --approve-as pay.manager --through remit
    cleanledger payroll run --org 6119001 --month 2026-05 --as pay.officer --retroactive-from 2026-03
    cleanledger payroll register --org 6119001 --month 2026-03 [--json]

``run`` opens the month's run if it is not open, calculates it as ``--as`` (the preparer), and,
with ``--approve-as`` (someone else: four eyes is the domain's), approves it and carries it on
through ``--through``: ``approve``, ``post`` (원인행위·지출결의 on the personnel lines), ``pay``
(지급) or ``remit`` (원천세·보험료 납부). Each step is dated ``--date`` (default: today, KST) and
shown on a progress bar. A file of ``load-tables`` is of the kind its name says (``pay_scale.csv``:
``pay_scale``). Roles are the HTTP API's business; this is an operator's tool, like ``personnel``.
A refusal prints ``cleanledger payroll: <code>: <detail>`` on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import uuid4

from eventsourcing.application import AggregateNotFoundError
from pydantic import ValidationError

from cleanledger.personnel_cli import _today
from cleanledger.terminal import ProgressBar, pad
from commands.ledger import Ledger
from commands.messages.payroll import (
    ApprovePayrollRun,
    CalculatePayrollRun,
    LoadPayrollTable,
    OpenPayrollRun,
    PayPayrollRun,
    PostPayrollRun,
    RemitPayrollWithholdings,
)
from domain.errors import DomainError
from domain.payroll.run import PayrollRun, totals
from domain.payroll.tables import SHIPPED, TableKind, shipped_content

PROG = "cleanledger payroll"
#: The steps after approval, in order, and the status each leaves.
THROUGH = {"approve": 0, "post": 1, "pay": 2, "remit": 3}
_AFTER_APPROVAL: tuple[type[Any], ...] = (PostPayrollRun, PayPayrollRun, RemitPayrollWithholdings)


def payroll(ledger: Ledger, args: argparse.Namespace) -> int:
    run: Callable[[Ledger, argparse.Namespace], int] = args.payroll_run
    try:
        return run(ledger, args)
    except DomainError as error:
        return _refused(error.code, error.detail)
    except ValidationError as error:
        found = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return _refused("invalid-input", found)


def _refused(code: str, detail: str) -> int:
    print(f"{PROG}: {code}: {detail}", file=sys.stderr)
    return 1


def _command(cls: type[Any], args: argparse.Namespace, actor: str, **fields: Any) -> Any:
    day: date = args.date or _today()
    return cls(
        command_id=uuid4(), org=args.org, fiscal_year=day.year, accounting_date=day, actor=actor, **fields
    )


def load_tables(ledger: Ledger, args: argparse.Namespace) -> int:
    files: list[tuple[TableKind, str, str]] = []
    for path in args.files:
        try:
            kind = TableKind(path.stem)
        except ValueError:
            kinds = ", ".join(k.value for k in TableKind)
            return _refused("invalid-input", f"{path.name}: a table file is named for its kind ({kinds})")
        files.append((kind, path.name, path.read_text(encoding="utf-8-sig")))
    if not files:
        files = [(kind, name, shipped_content(kind)) for kind, name in SHIPPED.items()]
    for kind, name, content in files:
        result = ledger.handle(
            _command(LoadPayrollTable, args, args.actor, kind=kind, file_name=name, content=content)
        )
        print(f"{kind.value}: {name} loaded (version {result.version})")
    return 0


def run(ledger: Ledger, args: argparse.Namespace) -> int:
    last = THROUGH[args.through] if args.approve_as else -1
    steps = 2 + (1 + last if last >= 0 else 0)
    bar = ProgressBar(f"payroll {args.org} {args.month}", unit="steps")
    done = 0

    def step(cls: type[Any], actor: str, **fields: Any) -> None:
        nonlocal done
        ledger.handle(_command(cls, args, actor, month=args.month, **fields))
        done += 1
        bar.update(done, steps, final=done == steps)

    found = _run(ledger, args.org, args.month)
    if found is None:
        step(OpenPayrollRun, args.actor)
    else:
        done += 1
    step(
        CalculatePayrollRun,
        args.actor,
        retroactive_from=args.retroactive_from,
        year_end_settlement=args.settle,
    )
    if args.approve_as:
        step(ApprovePayrollRun, args.approve_as)
        for cls in _AFTER_APPROVAL[:last]:
            step(cls, args.approve_as)
    calculated = _run(ledger, args.org, args.month)
    assert calculated is not None
    sums = totals(calculated.payslips)
    print(
        f"{args.org} {args.month}: {calculated.status.value}; {sums.payslips:,} payslips, "
        f"gross {sums.gross:,} won, withheld {sums.deducted:,}, net {sums.net:,}, "
        f"employer's shares {sums.employer:,}"
    )
    return 0


def register(ledger: Ledger, args: argparse.Namespace) -> int:
    """급여대장: one line per payslip, and the totals; from the run itself (folded from its events)."""
    found = _run(ledger, args.org, args.month)
    if found is None:
        return _refused("not-found", f"no payroll run for {args.month}")
    sums = totals(found.payslips)
    if args.json:
        rows = [
            {
                "employee_number": s.employee_number,
                "month": s.month,
                "kind": s.kind.value,
                "days": s.days,
                "gross": s.gross,
                "deducted": s.deducted,
                "net": s.net,
                "employer": s.employer_total,
                "earnings": s.earnings,
                "deductions": s.deductions,
            }
            for s in found.payslips
        ]
        print(
            json.dumps({"org": args.org, "month": args.month, "status": found.status.value, "payslips": rows})
        )
        return 0
    header = ("사번", "귀속월", "구분", "지급액", "공제액", "실지급액", "기관부담")
    print("  ".join(pad(h, 12) for h in header))
    for s in sorted(found.payslips, key=lambda s: (s.employee_number, s.kind.value, s.month)):
        cells = (s.employee_number, s.month, s.kind.value, *(f"{n:,}" for n in (s.gross, s.deducted, s.net)))
        print("  ".join(pad(c, 12) for c in (*cells, f"{s.employer_total:,}")))
    print(
        f"합계 {sums.payslips:,}건: 지급 {sums.gross:,}  공제 {sums.deducted:,}  실지급 {sums.net:,}  "
        f"기관부담 {sums.employer:,} ({found.status.value})"
    )
    return 0


def _run(ledger: Ledger, org: str, month: str) -> PayrollRun | None:
    try:
        found: object = ledger.repository.get(PayrollRun.id_for(org, month))
    except AggregateNotFoundError:
        return None
    return found if isinstance(found, PayrollRun) else None


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_payroll = sub.add_parser(
        "payroll",
        help="payroll (급여): load tables, run a month, print its register",
        description="The monthly payroll, acting as --as USER (four eyes is the domain's: the one who "
        "calculates cannot approve). An operator's tool on the server: roles are the HTTP API's business.",
    )
    p_payroll.set_defaults(run=payroll)
    actions = p_payroll.add_subparsers(dest="action", required=True, metavar="ACTION")

    def action(name: str, handler: Callable[[Ledger, argparse.Namespace], int], help_: str) -> Any:
        p = actions.add_parser(name, help=help_, description=help_)
        p.set_defaults(payroll_run=handler)
        p.add_argument("--org", required=True, help="organisation code, e.g. 6119001")
        return p

    def dated(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--date", type=date.fromisoformat, metavar="DATE", help="accounting date (default: today, KST)"
        )

    p = action("load-tables", load_tables, "load payroll tables (CSV): the shipped ones, or the files named")
    p.add_argument(
        "files", nargs="*", type=Path, metavar="FILE.csv", help="named for its kind, e.g. pay_scale.csv"
    )
    p.add_argument("--as", dest="actor", required=True, metavar="USER", help="who loads them")
    dated(p)

    p = action("run", run, "open and calculate a month (and approve, post, pay, remit with --approve-as)")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="귀속월")
    p.add_argument("--as", dest="actor", required=True, metavar="USER", help="who calculates (the preparer)")
    p.add_argument("--approve-as", metavar="USER", help="who approves and carries the run on (not --as)")
    p.add_argument(
        "--through", choices=tuple(THROUGH), default="remit", help="the last step (default: remit)"
    )
    p.add_argument("--retroactive-from", metavar="YYYY-MM", help="recalculate the paid months since (소급)")
    p.add_argument("--settle", action="store_true", help="February: settle last year's tax (연말정산)")
    dated(p)

    p = action("register", register, "급여대장: the month's payslips and totals")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--json", action="store_true", help="JSON instead of a table")
