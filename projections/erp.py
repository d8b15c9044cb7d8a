"""ERP balances: budget lines and obligations, from the events of both (출연기관 ERP 잔액)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, Table, select

from projections.base import Envelope, Projection, RowWriter
from readmodels.erp import line_balances, obligation_balances

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
    tables = (line_balances, obligation_balances)
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
            for column, sign in _BUDGET[name]:
                out.add(
                    lines,
                    key,
                    **{column: sign * data["amount"], "current_budget": sign * data["amount"]},
                )
        elif name == "BudgetLine.Amended":
            out.add(lines, key, amended=data["change"], current_budget=data["change"])
        elif name == "BudgetLine.Allocated":
            out.add(
                lines,
                key,
                **{f"allocated_q{data['quarter']}": data["amount"], "allocated": data["amount"]},
            )
        elif name == "BudgetLine.AllocationPulledForward":
            out.add(lines, key, **{f"allocated_q{data['from_quarter']}": -data["amount"]})
            out.add(lines, key, **{f"allocated_q{data['to_quarter']}": data["amount"]})
        elif name == "BudgetLine.Obligated":
            out.add(lines, key, obligated=data["amount"])
        elif name == "BudgetLine.ObligationReleased":
            out.add(lines, key, obligated=-data["amount"])
        elif name == "BudgetLine.Paid":
            out.add(lines, key, paid=data["amount"])
        elif name == "BudgetLine.PaymentReturned":
            out.add(lines, key, paid=-data["amount"], obligated=-data["amount"])
        elif name == "BudgetLine.CarriedOver":
            out.add(lines, key, carried_over=data["amount"])
        elif name == "BudgetLine.CarriedIn":
            extra = {"carried_in": data["amount"], "current_budget": data["amount"]}
            if data["kind"] == "accident":  # arrives obligated, and so allocated
                extra.update(allocated_q1=data["amount"], allocated=data["amount"], obligated=data["amount"])
            out.add(lines, key, **extra)
        elif name == "BudgetLine.Lapsed":
            out.put(lines, key, closed=True)

    def _obligation_event(self, event: Envelope, out: RowWriter) -> None:
        lines, obligations, data, name = line_balances, obligation_balances, event.data, event.name
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
            out.add(lines, {"line_id": self._line_of(key["obligation_id"])}, vouchered=data["amount"])
        elif name == "Obligation.VoucherReleased":
            out.add(obligations, key, vouchered=-data["amount"])
            out.add(lines, {"line_id": self._line_of(key["obligation_id"])}, vouchered=-data["amount"])
        elif name == "Obligation.Contracted":
            out.add(obligations, key, contracted=data["change"])
        elif name == "Obligation.Returned":
            out.add(obligations, key, returned=data["amount"])
        elif name == "Obligation.CarriedOver":
            self._line_of_obligation[key["obligation_id"]] = data["to_line_id"]
            out.put(obligations, key, line_id=data["to_line_id"], fiscal_year=data["to_fiscal_year"])
