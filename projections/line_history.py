"""A budget line's history: one append-only row per event of the line (``readmodels.line_history``).

Every event carries what its row needs (the line is the event's aggregate, the organisation, year
and accounting date are in every event, the recorded moment is the event's ``timestamp``), so the
projection looks nothing up and keeps no memory between batches. Its changes are the ERP
projection's fold of the same events (``projections.erp``), per event instead of per line and day:
summed over a line, they equal its ``line_balances`` row (a test checks it over the demo).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from projections.base import Envelope, Projection, RowWriter
from readmodels.line_history import COLUMNS, line_history_table

#: Event → (kind, the figure it changes (an index of ``FIGURES``) or None, its sign, the field
#: naming the other line). The figures are (budget, allocated, obligated, paid, carried over).
_SIMPLE: dict[str, tuple[str, int | None, int, str | None]] = {
    "BudgetLine.Appropriated": ("appropriated", 0, 1, None),
    "BudgetLine.TransferredIn": ("transferred-in", 0, 1, "from_line_id"),
    "BudgetLine.TransferredOut": ("transferred-out", 0, -1, "to_line_id"),
    "BudgetLine.ContingencyGranted": ("contingency-granted", 0, 1, "from_line_id"),
    "BudgetLine.ContingencyReleased": ("contingency-released", 0, -1, "to_line_id"),
    "BudgetLine.Allocated": ("allocated", 1, 1, None),
    # between quarters: the amount moved, no figure changed
    "BudgetLine.AllocationPulledForward": ("pulled-forward", None, 1, None),
    "BudgetLine.Obligated": ("obligated", 2, 1, None),
    "BudgetLine.ObligationReleased": ("obligation-released", 2, -1, None),
    "BudgetLine.Paid": ("paid", 3, 1, None),
    # 반납 lowers paid only: the amount stays obligated (domain.md §4, projections.erp).
    "BudgetLine.PaymentReturned": ("returned", 3, -1, None),
    "BudgetLine.CarriedOver": ("carried-over", 4, 1, "to_line_id"),
    # the amount lapsed at the close, no figure changed (lapse is budget − paid − carried over)
    "BudgetLine.Lapsed": ("lapsed", None, 1, None),
}

_ZERO: tuple[int, ...] = (0, 0, 0, 0, 0)


def _row(name: str, data: Mapping[str, Any]) -> tuple[str, int | None, str | None, tuple[int, ...]]:
    """(kind, signed change, other line, the change of each figure) of one event of a line."""
    simple = _SIMPLE.get(name)
    if simple is not None:
        kind, figure, sign, other = simple
        change: int = sign * data["amount"]
        changes = _ZERO
        if figure is not None:
            changed = [0, 0, 0, 0, 0]
            changed[figure] = change
            changes = tuple(changed)
        return kind, change, data[other] if other else None, changes
    if name == "BudgetLine.Amended":
        change = data["change"]
        return "amended", change, None, (change, 0, 0, 0, 0)
    if name == "BudgetLine.CarriedIn":
        amount: int = data["amount"]
        if data["kind"] == "accident":  # arrives obligated, and so allocated
            return "carried-in", amount, data["from_line_id"], (amount, amount, amount, 0, 0)
        return "carried-in", amount, data["from_line_id"], (amount, 0, 0, 0, 0)
    if name == "BudgetLine.Opened":
        return "opened", None, None, _ZERO
    msg = f"the line history has no kind for {name}"
    raise ValueError(msg)


class LineHistoryProjection(Projection):
    name = "line_history"
    tables = (line_history_table,)
    handles = frozenset(
        {
            "BudgetLine.Opened",
            "BudgetLine.Amended",
            "BudgetLine.CarriedIn",
            *_SIMPLE,
        }
    )

    def __init__(self) -> None:
        self._days: dict[str, date] = {}

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        rows = []
        days = self._days
        for event in events:
            data = event.data
            kind, change, other, changes = _row(event.name, data)
            iso: str = data["accounting_date"]
            day = days.get(iso)
            if day is None:
                day = days[iso] = date.fromisoformat(iso)
            stamped = data.get("timestamp")
            rows.append(
                (
                    event.position,
                    event.originator_id,
                    data["org"],
                    data["fiscal_year"],
                    day,
                    None if stamped is None else datetime.fromisoformat(stamped),
                    kind,
                    change,
                    other,
                    *changes,
                )
            )
        out.insert_rows(line_history_table, COLUMNS, rows)
