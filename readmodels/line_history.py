"""A budget line's history (예산과목 변동 내역), public: every event behind its figures, with dates.

One row per event of a budget line, keyed by its log position: what kind of change it was, its
accounting date (회계일자) and the moment the event store recorded it, its ``change`` (the amount the
event names, negative where it takes from the line's figure: a transfer or contingency out, an
obligation released, a payment returned, a reduction), and its signed change of each of the line's
figures: current budget (예산현액), allocated (배정액), obligated (원인행위액), paid (지출액, net of
returns) and carried over (이월액). Summed over a line's rows, the changes equal that line's
``line_balances`` row: the portal shows the one beside the other.

Nothing personal is kept: kinds, dates and amounts, and for a move of budget the other line; never
a payee, an obligation's description or a reason. The rows are written once and never changed.

Kinds (``kind``), one per event of the line:

========================  ======================================================================
opened                    the line was opened (no change; its appropriation follows)
appropriated              본예산: budget +
amended                   추경: budget ±
transferred-in/-out       전용·이용 from / to ``other_line_id``: budget ±
contingency-granted       예비비 granted from the reserve ``other_line_id``: budget +
contingency-released      예비비 released from this reserve to ``other_line_id``: budget −
allocated                 예산배정: allocated +
pulled-forward            당겨배정: the amount moved between quarters; totals unchanged
obligated                 지출원인행위: obligated +
obligation-released       an obligation reduced or cancelled: obligated −
paid                      지급: paid +
returned                  반납: paid −
carried-over              이월 into ``other_line_id`` (next year): carried over +
carried-in                이월 from ``other_line_id``: budget + (an accident carry-over arrives
                          allocated and obligated too)
lapsed                    불용 at year close: the change is the amount lapsed; totals unchanged
========================  ======================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    cast,
    func,
    select,
    text,
)

metadata = MetaData()

#: The line's figures an event changes: ``<figure>_change`` in a row, ``<figure>_total`` after it.
FIGURES = ("budget", "allocated", "obligated", "paid", "carried_over")
#: The same figures as ``line_balances`` names them (its budget is ``current_budget``).
BALANCES = ("current_budget", "allocated", "obligated", "paid", "carried_over")


def _change(figure: str) -> Column[int]:
    return Column(f"{figure}_change", BigInteger, nullable=False, server_default=text("0"))


line_history_table = Table(
    "line_history",
    metadata,
    Column("position", BigInteger, primary_key=True, autoincrement=False),
    Column("line_id", String(36), nullable=False),
    Column("org", String(7)),
    Column("fiscal_year", Integer),
    Column("accounting_date", Date),
    Column("recorded_at", DateTime(timezone=True)),
    Column("kind", String(24), nullable=False),
    Column("change", BigInteger),
    Column("other_line_id", String(36)),
    *(_change(figure) for figure in FIGURES),
    Index("ix_line_history_line", "line_id", "position"),
)

#: The columns of a row, in the order the projection writes them.
COLUMNS: tuple[str, ...] = tuple(column.name for column in line_history_table.columns)

#: At most this many rows per page.
MAX_LIMIT = 1_000


@dataclass(frozen=True, slots=True)
class LineEvent:
    """One event of a line: its change of each figure, and the line's figures after it."""

    position: int
    line_id: str
    org: str
    fiscal_year: int
    accounting_date: date
    recorded_at: datetime | None
    kind: str
    #: The amount the event names, negative where it takes from the line (None: a line opened).
    change: int | None
    #: The line budget moved from or to (a transfer, contingency, carry-over).
    other_line_id: str | None
    budget_change: int
    allocated_change: int
    obligated_change: int
    paid_change: int
    carried_over_change: int
    #: The line's figures once this event (and every earlier one) is counted.
    budget_total: int
    allocated_total: int
    obligated_total: int
    paid_total: int
    carried_over_total: int


def _utc(moment: datetime | None) -> datetime | None:
    """As UTC, on both backends (SQLite gives back the stored UTC time without its zone)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def line_history(
    conn: Connection, line_id: str, after_position: int | None = None, limit: int = 100
) -> list[LineEvent]:
    """The events of one budget line after ``after_position`` (from the first without), at most
    ``limit`` of them, in log order, each with the line's figures after it.

    Keyset paging: the next page starts after the last row's ``position``. The figures before the
    page are summed from the rows up to ``after_position`` (an index range of the line), so any
    page costs two range reads, however far into the history it is.
    """
    if not 1 <= limit <= MAX_LIMIT:
        msg = f"limit must be from 1 to {MAX_LIMIT}, got {limit}"
        raise ValueError(msg)
    t = line_history_table
    changes = [t.c[f"{figure}_change"] for figure in FIGURES]
    running = [0] * len(FIGURES)
    page = select(t).where(t.c.line_id == line_id).order_by(t.c.position).limit(limit)
    if after_position is not None:
        # PostgreSQL sums BIGINT as NUMERIC: back to BIGINT, so the values are ``int``.
        before = select(*(cast(func.coalesce(func.sum(c), 0), BigInteger) for c in changes)).where(
            t.c.line_id == line_id, t.c.position <= after_position
        )
        running = list(conn.execute(before).one())
        page = page.where(t.c.position > after_position)
    events = []
    for row in conn.execute(page).mappings():
        for i, column in enumerate(changes):
            running[i] += row[column.name]
        events.append(
            LineEvent(
                position=row["position"],
                line_id=row["line_id"],
                org=row["org"],
                fiscal_year=row["fiscal_year"],
                accounting_date=row["accounting_date"],
                recorded_at=_utc(row["recorded_at"]),
                kind=row["kind"],
                change=row["change"],
                other_line_id=row["other_line_id"],
                budget_change=row["budget_change"],
                allocated_change=row["allocated_change"],
                obligated_change=row["obligated_change"],
                paid_change=row["paid_change"],
                carried_over_change=row["carried_over_change"],
                budget_total=running[0],
                allocated_total=running[1],
                obligated_total=running[2],
                paid_total=running[3],
                carried_over_total=running[4],
            )
        )
    return events
