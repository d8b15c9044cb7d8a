"""ERP balances: budget lines and obligations, from the events of both (출연기관 ERP 잔액).

Every change of a line's amounts is written twice: to its ``line_balances`` row (the amounts now)
and to its ``line_daily`` row of the event's accounting date (the day's movements), so the
budget-execution tables can be read as of any accounting date. The writer folds a batch per
(line, day), so the second table costs one more in-memory addition per event and one upsert per
(line, day) touched by the batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, select

from projections.base import Envelope, Projection, RowWriter
from readmodels.erp import line_balances, line_daily, obligation_balances

_BUDGET = {
    # event: (column, sign) changes of the current budget and its parts
    "BudgetLine.Appropriated": (("appropriated", 1),),
    "BudgetLine.TransferredIn": (("transferred", 1),),
    "BudgetLine.TransferredOut": (("transferred", -1),),
    "BudgetLine.ContingencyReleased": (("transferred", -1),),
    "BudgetLine.ContingencyGranted": (("contingency", 1),),
}


class BalancesProjection(Projection):
    name = "erp_balances"
    tables = (line_balances, obligation_balances, line_daily)
    #: 2: ``line_daily`` (daily movements per line, for as-of-date reads).
    #: 3: a return (반납) lowers the line's paid only, no longer its obligated (domain.md §4); a
    #: store with returns recorded before needs ``cleanledger rebuild erp_balances``.
    version = 3
    handles = frozenset(
        {
            "BudgetLine.Opened",
            "BudgetLine.Appropriated",
            "BudgetLine.Amended",
            "BudgetLine.TransferredIn",
            "BudgetLine.TransferredOut",
            "BudgetLine.ContingencyReleased",
            "BudgetLine.ContingencyGranted",
            "BudgetLine.Allocated",
            "BudgetLine.AllocationPulledForward",
            "BudgetLine.Obligated",
            "BudgetLine.ObligationReleased",
            "BudgetLine.Paid",
            "BudgetLine.PaymentReturned",
            "BudgetLine.CarriedOver",
            "BudgetLine.CarriedIn",
            "BudgetLine.Lapsed",
            "Obligation.Created",
            "Obligation.Amended",
            "Obligation.Cancelled",
            "Obligation.Vouchered",
            "Obligation.VoucherReleased",
            "Obligation.Contracted",
            "Obligation.Returned",
            "Obligation.CarriedOver",
        }
    )

    def __init__(self) -> None:
        self._line_of_obligation: dict[str, str] = {}
        self._obligations: Table | None = None
        self._conn: Connection | None = None
        self._days: dict[str, date] = {}

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if not continuing:
            self._line_of_obligation.clear()
        self._obligations = tables[obligation_balances.name]
        self._conn = conn

    def _line_of(self, obligation_id: str) -> str:
        line_id = self._line_of_obligation.get(obligation_id)
        if line_id is None:
            assert self._conn is not None and self._obligations is not None
            table = self._obligations
            line_id = self._conn.execute(
                select(table.c.line_id).where(table.c.obligation_id == obligation_id)
            ).scalar_one()
            self._line_of_obligation[obligation_id] = line_id
        return line_id

    def _add(self, out: RowWriter, line_id: str, data: Mapping[str, Any], deltas: dict[str, int]) -> None:
        """Add ``deltas`` to the line's balances and to its movements of the event's day."""
        iso: str = data["accounting_date"]
        day = self._days.get(iso)
        if day is None:
            day = self._days[iso] = date.fromisoformat(iso)
        out.add(line_balances, {"line_id": line_id}, **deltas)
        out.add(line_daily, {"line_id": line_id, "accounting_date": day}, **deltas)

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            if event.name.startswith("BudgetLine."):
                self._line_event(event, out)
            else:
                self._obligation_event(event, out)

    def _line_event(self, event: Envelope, out: RowWriter) -> None:
        lines, data, name = line_balances, event.data, event.name
        key = {"line_id": str(event.originator_id)}
        if name == "BudgetLine.Opened":
            code = data["code"]
            out.put(
                lines,
                key,
                org=data["org"],
                fiscal_year=data["fiscal_year"],
                code="-".join(
                    code[part]
                    for part in (
                        "account",
                        "field",
                        "sector",
                        "policy_project",
                        "unit_project",
                        "detailed_project",
                        "item",
                        "stat",
                    )
                ),
                title=data["title"],
                account=code["account"],
                field=code["field"],
                sector=code["sector"],
                policy_project=code["policy_project"],
                unit_project=code["unit_project"],
                detailed_project=code["detailed_project"],
                budget_item=f"{code['item']}-{code['stat']}",
            )
        elif name in _BUDGET:
            line_id = key["line_id"]
            for column, sign in _BUDGET[name]:
                change = sign * data["amount"]
                self._add(out, line_id, data, {column: change, "current_budget": change})
        elif name == "BudgetLine.Amended":
            self._add(
                out, key["line_id"], data, {"amended": data["change"], "current_budget": data["change"]}
            )
        elif name == "BudgetLine.Allocated":
            self._add(
                out,
                key["line_id"],
                data,
                {f"allocated_q{data['quarter']}": data["amount"], "allocated": data["amount"]},
            )
        elif name == "BudgetLine.AllocationPulledForward":
            self._add(
                out,
                key["line_id"],
                data,
                {
                    f"allocated_q{data['from_quarter']}": -data["amount"],
                    f"allocated_q{data['to_quarter']}": data["amount"],
                }
                if data["from_quarter"] != data["to_quarter"]
                else {},
            )
        elif name == "BudgetLine.Obligated":
            self._add(out, key["line_id"], data, {"obligated": data["amount"]})
        elif name == "BudgetLine.ObligationReleased":
            self._add(out, key["line_id"], data, {"obligated": -data["amount"]})
        elif name == "BudgetLine.Paid":
            self._add(out, key["line_id"], data, {"paid": data["amount"]})
        elif name == "BudgetLine.PaymentReturned":
            # 지출액 only: the amount stays obligated, its obligation's to voucher again.
            self._add(out, key["line_id"], data, {"paid": -data["amount"]})
        elif name == "BudgetLine.CarriedOver":
            self._add(out, key["line_id"], data, {"carried_over": data["amount"]})
        elif name == "BudgetLine.CarriedIn":
            extra = {"carried_in": data["amount"], "current_budget": data["amount"]}
            if data["kind"] == "accident":  # arrives obligated, and so allocated
                extra.update(allocated_q1=data["amount"], allocated=data["amount"], obligated=data["amount"])
            self._add(out, key["line_id"], data, extra)
        elif name == "BudgetLine.Lapsed":
            out.put(lines, key, closed=True)
            day = date.fromisoformat(data["accounting_date"])
            out.add(line_daily, {"line_id": key["line_id"], "accounting_date": day}, closed=1)

    def _obligation_event(self, event: Envelope, out: RowWriter) -> None:
        obligations, data, name = obligation_balances, event.data, event.name
        key = {"obligation_id": str(event.originator_id)}
        if name == "Obligation.Created":
            self._line_of_obligation[key["obligation_id"]] = data["line_id"]
            out.put(
                obligations,
                key,
                line_id=data["line_id"],
                org=data["org"],
                fiscal_year=data["fiscal_year"],
                vendor_id=data["vendor_id"],
                description=data["description"],
                obligated_on=data["accounting_date"],
            )
            out.add(obligations, key, amount=data["amount"])
        elif name == "Obligation.Amended":
            out.add(obligations, key, amount=data["change"])
        elif name == "Obligation.Cancelled":
            out.add(obligations, key, amount=-data["amount"])
            out.put(obligations, key, cancelled=True)
        elif name == "Obligation.Vouchered":
            out.add(obligations, key, vouchered=data["amount"])
            self._add(out, self._line_of(key["obligation_id"]), data, {"vouchered": data["amount"]})
        elif name == "Obligation.VoucherReleased":
            out.add(obligations, key, vouchered=-data["amount"])
            self._add(out, self._line_of(key["obligation_id"]), data, {"vouchered": -data["amount"]})
        elif name == "Obligation.Contracted":
            out.add(obligations, key, contracted=data["change"])
        elif name == "Obligation.Returned":
            out.add(obligations, key, returned=data["amount"])
        elif name == "Obligation.CarriedOver":
            self._line_of_obligation[key["obligation_id"]] = data["to_line_id"]
            out.put(obligations, key, line_id=data["to_line_id"], fiscal_year=data["to_fiscal_year"])
