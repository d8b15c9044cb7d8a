"""Payroll (급여): each monthly run, its payslips, the withholdings it kept and remitted, and the
table versions loaded (:mod:`readmodels.payroll`).

A run's events name the run, not its month: the month of each run is kept in memory and in
``payroll_runs.run_id``, read back on a miss when a batch is not continuing (as
:mod:`projections.attendance` does for a record's employee).

A new calculation (``CalculationStarted``) replaces all of the run's payslips, which then arrive
in chunks (``PayslipsAdded``, a thousand a chunk), possibly over several batches. So a batch
collects each run's payslips since its latest calculation start, and writes them after the rows,
in the same transaction: first it deletes the payslips of every run it saw a calculation start
of, then inserts what it collected. A later batch's chunks of the same calculation are only
inserted.

A payslip's kind is text here (``regular``, ``retroactive``, ``settlement`` … whatever the domain
adds), and its items are copied as they are: the projection sums nothing the domain did not.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Table, delete, select

from domain.payroll.table import PayrollTable
from domain.payroll.tables import TableKind
from projections.base import Envelope, Projection, RowWriter
from readmodels.payroll import (
    TABLES,
    payroll_item_names,
    payroll_payslips,
    payroll_runs,
    payroll_table_loads,
    payroll_withholdings,
)

_OPENED = "PayrollRun.Opened"
_STARTED = "PayrollRun.CalculationStarted"
_ADDED = "PayrollRun.PayslipsAdded"
_CALCULATED = "PayrollRun.Calculated"
_REJECTED = "PayrollRun.Rejected"
_APPROVED = "PayrollRun.Approved"
_POSTED = "PayrollRun.Posted"
_PAID = "PayrollRun.Paid"
_REMITTED = "PayrollRun.Remitted"
_LOADED = "PayrollTable.Loaded"
_RELOADED = "PayrollTable.Reloaded"
#: Runs read back per statement (bound parameters).
_CHUNK = 500

Run = tuple[str, str]  # (org, month)


def _day(data: Mapping[str, Any]) -> date:
    return date.fromisoformat(data["accounting_date"])


def _recorded(data: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(data["timestamp"])


def _won(values: Mapping[str, int]) -> int:
    return sum(int(v) for v in values.values())


def payslip_row(org: str, run_month: str, slip: Mapping[str, Any]) -> dict[str, Any]:
    """The ``payroll_payslips`` row of one payslip as the event stores it."""
    earnings, deductions, employer = slip["earnings"], slip["deductions"], slip["employer"]
    gross, deducted = _won(earnings), _won(deductions)
    items = {"earnings": earnings, "deductions": deductions, "employer": employer, "facts": slip["facts"]}
    return {
        "org": org,
        "run_month": run_month,
        "employee_id": str(slip["employee_id"]),
        "kind": str(slip["kind"]),
        "month": slip["month"],
        "employee_number": slip["employee_number"],
        "days": slip["days"],
        "gross": gross,
        "deducted": deducted,
        "net": gross - deducted,
        "employer_total": _won(employer),
        "taxable": slip["taxable"],
        "non_taxable": slip["non_taxable"],
        "items": orjson.dumps(items).decode(),
    }


def allowance_names(content: str) -> dict[str, str]:
    """Each allowance code's name in a loaded allowance table: that of its latest row."""
    latest: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(io.StringIO(content)):
        code, name, since = row.get("code"), row.get("name"), row.get("effective_from") or ""
        if code and name and (code not in latest or since >= latest[code][0]):
            latest[code] = (since, name)
    return {code: name for code, (_, name) in latest.items()}


class PayrollProjection(Projection):
    """급여: runs, payslips, withholdings and table loads."""

    name = "payroll"
    tables = TABLES
    handles = frozenset(
        {
            _OPENED,
            _STARTED,
            _ADDED,
            _CALCULATED,
            _REJECTED,
            _APPROVED,
            _POSTED,
            _PAID,
            _REMITTED,
            _LOADED,
            _RELOADED,
        }
    )

    def __init__(self) -> None:
        self._runs: dict[str, Run] = {}
        self._conn: Connection | None = None
        self._table: Table | None = None
        self._table_kinds: dict[str, str] = {}

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if not continuing:
            self._runs.clear()
        self._conn = conn
        self._table = tables[payroll_runs.name]

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        self._learn(events)
        restarted: set[Run] = set()
        # Each run's payslips since its latest calculation start in this batch (or, if none,
        # since the batch began).
        slips: dict[Run, list[dict[str, Any]]] = {}
        for event in events:
            name, data = event.name, event.data
            if name in (_LOADED, _RELOADED):
                self._table_loaded(event, out)
                continue
            run = self._runs[event.originator_id]
            if name == _ADDED:
                slips.setdefault(run, []).extend(payslip_row(*run, slip) for slip in data["payslips"])
            elif name == _STARTED:
                restarted.add(run)
                slips[run] = []
            self._run_event(event, run, out)
        if slips or restarted:
            rows = [row for found in slips.values() for row in found]
            out.then(lambda conn, tables: _replace(conn, tables[payroll_payslips.name], restarted, rows))

    def _run_event(self, event: Envelope, run: Run, out: RowWriter) -> None:
        """The run's row (and, when it pays or remits, its withholdings) after ``event``."""
        name, data = event.name, event.data
        org, month = run
        key = {"org": org, "month": month}
        row: dict[str, Any] = {
            "version": event.originator_version,
            "position": event.position,
            "updated_at": _recorded(data),
        }
        if name == _OPENED:
            row |= {
                "run_id": event.originator_id,
                "fiscal_year": data["fiscal_year"],
                "status": "open",
                "calculation": 0,
                "opened_on": _day(data),
            }
        elif name == _STARTED:
            row |= {
                "status": "open",
                "calculation": data["calculation"],
                "preparer": data["actor"],
                "tables": orjson.dumps(data["tables"], option=orjson.OPT_SORT_KEYS).decode(),
                "retroactive_from": data["retroactive_from"],
                "payslips": 0,
                "gross": 0,
                "deducted": 0,
                "net": 0,
                "employer": 0,
                "calculated_on": None,
                "calculated_at": None,
            }
        elif name == _CALCULATED:
            row |= {
                "status": "calculated",
                "payslips": data["payslips"],
                "gross": data["gross"],
                "deducted": data["deducted"],
                "net": data["gross"] - data["deducted"],
                "employer": data["employer"],
                "calculated_on": _day(data),
                "calculated_at": _recorded(data),
            }
        elif name == _ADDED:
            pass  # the payslips themselves: apply collects them
        elif name == _REJECTED:
            row |= {"status": "open", "rejection_reason": data["reason"], "rejected_by": data["actor"]}
        elif name == _APPROVED:
            row |= {"status": "approved", "approver": data["actor"], "approved_on": _day(data)}
        elif name == _POSTED:
            row |= {"status": "posted", "posted_on": _day(data)}
        elif name == _PAID:
            withheld: Mapping[str, int] = data["withheld"]
            row |= {
                "status": "paid",
                "paid_on": _day(data),
                "withheld": _won(withheld),
                "paid_net": data["net"],
            }
            for kind, won in withheld.items():
                out.put(
                    payroll_withholdings,
                    {"org": org, "month": month, "kind": kind},
                    withheld=won,
                    withheld_on=_day(data),
                )
        else:  # PayrollRun.Remitted
            row |= {
                "status": "remitted",
                "remitted_on": _day(data),
                "employer_remitted": _won(data["employer"]),
            }
            for kind, won in data["withheld"].items():
                out.put(
                    payroll_withholdings,
                    {"org": org, "month": month, "kind": kind},
                    remitted=won,
                    remitted_on=_day(data),
                )
        out.put(payroll_runs, key, **row)

    def _table_loaded(self, event: Envelope, out: RowWriter) -> None:
        data = event.data
        org = data["org"]
        kind = data["kind"] if event.name == _LOADED else self._kind_of(org, event.originator_id)
        self._table_kinds[event.originator_id] = kind
        out.insert(
            payroll_table_loads,
            {
                "org": org,
                "kind": kind,
                # Every event of a table is a load that changed it: its version counts them.
                "version": event.originator_version,
                "file_name": data["file_name"],
                "sha256": data["sha256"],
                "loaded_on": _day(data),
                "loaded_by": data["actor"],
                "position": event.position,
            },
        )
        if kind == TableKind.ALLOWANCES.value:
            for code, name in allowance_names(data["content"]).items():
                out.put(payroll_item_names, {"org": org, "code": code}, name=name)

    def _kind_of(self, org: str, table_id: str) -> str:
        """A table's kind: its id is derived from the organisation and the kind."""
        known = self._table_kinds.get(table_id)
        if known is not None:
            return known
        for kind in TableKind:
            if str(PayrollTable.id_for(org, kind)) == table_id:
                return kind.value
        raise LookupError(f"payroll table {table_id} of {org} is of no known kind")

    def _learn(self, events: Sequence[Envelope]) -> None:
        """Know the run of every event the batch has: opened in it, remembered, or read back (one
        query for all the missing)."""
        for event in events:
            if event.name == _OPENED:
                self._runs[event.originator_id] = (event.data["org"], event.data["month"])
        missing = sorted(
            {e.originator_id for e in events if e.name.startswith("PayrollRun.")} - self._runs.keys()
        )
        if missing:
            assert self._conn is not None and self._table is not None
            table = self._table
            for first in range(0, len(missing), _CHUNK):
                rows = self._conn.execute(
                    select(table.c.run_id, table.c.org, table.c.month).where(
                        table.c.run_id.in_(missing[first : first + _CHUNK])
                    )
                )
                self._runs.update((row.run_id, (row.org, row.month)) for row in rows)


def _replace(conn: Connection, table: Table, restarted: set[Run], rows: list[dict[str, Any]]) -> None:
    """A calculation's payslips replace the run's: those of every run restarted go first."""
    for org, month in sorted(restarted):
        conn.execute(delete(table).where(table.c.org == org, table.c.run_month == month))
    if rows:
        conn.execute(table.insert(), rows)
