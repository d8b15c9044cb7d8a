"""ERP balances (출연기관 표준ERP 잔액): per budget line and per obligation.

Amount columns are summed by the projection and start at zero; descriptive columns are set when
their aggregate is created. Derived amounts (remaining, lapse) are computed in queries, so a row is
never out of step with itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Subquery,
    Table,
    and_,
    cast,
    func,
    select,
    text,
)

metadata = MetaData()


def amount(name: str) -> Column[int]:
    return Column(name, BigInteger, nullable=False, server_default=text("0"))


line_balances = Table(
    "line_balances",
    metadata,
    Column("line_id", String(36), primary_key=True),
    Column("org", String(7)),
    Column("fiscal_year", Integer),
    Column("code", String(60)),
    Column("title", String(200)),
    Column("account", String(3)),
    Column("field", String(3)),
    Column("sector", String(3)),
    Column("policy_project", String(10)),
    Column("unit_project", String(10)),
    Column("detailed_project", String(10)),
    Column("budget_item", String(6)),
    amount("appropriated"),  # 본예산
    amount("amended"),  # 추경
    amount("transferred"),  # 전용/이용, net
    amount("contingency"),  # 예비비
    amount("carried_in"),  # 이월 받은 금액
    amount("current_budget"),  # 예산현액
    amount("allocated_q1"),
    amount("allocated_q2"),
    amount("allocated_q3"),
    amount("allocated_q4"),
    amount("allocated"),  # 배정액
    amount("obligated"),  # 원인행위액
    amount("vouchered"),  # 지출결의액
    amount("paid"),  # 지출액, net of returns
    amount("carried_over"),  # 이월액
    Column("closed", Boolean, nullable=False, server_default=text("false")),
    Index("ix_line_balances_org_year", "org", "fiscal_year", "code"),
    # Rows are updated in place batch after batch: leave room on each page so PostgreSQL
    # can keep the new version beside the old one (a HOT update) instead of touching indexes.
    postgresql_with={"fillfactor": 70},
)

obligation_balances = Table(
    "obligation_balances",
    metadata,
    Column("obligation_id", String(36), primary_key=True),
    Column("line_id", String(36)),
    Column("org", String(7)),
    Column("fiscal_year", Integer),
    Column("vendor_id", String(36)),
    Column("description", String(1000)),
    Column("obligated_on", String(10)),
    amount("amount"),
    amount("vouchered"),
    amount("contracted"),
    amount("returned"),
    Column("cancelled", Boolean, nullable=False, server_default=text("false")),
    Index("ix_obligation_balances_line", "line_id"),
    # Rows are updated in place batch after batch: leave room on each page so PostgreSQL
    # can keep the new version beside the old one (a HOT update) instead of touching indexes.
    postgresql_with={"fillfactor": 70},
)

#: The amount columns of ``line_balances`` that ``line_daily`` carries as daily movements.
DAILY_AMOUNTS = (
    "appropriated",
    "amended",
    "transferred",
    "contingency",
    "carried_in",
    "current_budget",
    "allocated_q1",
    "allocated_q2",
    "allocated_q3",
    "allocated_q4",
    "allocated",
    "obligated",
    "vouchered",
    "paid",
    "carried_over",
)

# Daily movements of each budget line (accounting date, 회계일자): the change of every amount of
# ``line_balances`` made by the events of that accounting date, so a line's amounts as of any day
# are the sums of its rows up to that day, answered from the read model without replaying the log.
# Summed over every day, a line's rows equal its ``line_balances`` row. ``closed`` counts the
# year-end closes (lapse) of the day: a line is closed as of a day once the sum is positive.
line_daily = Table(
    "line_daily",
    metadata,
    Column("line_id", String(36), primary_key=True),
    Column("accounting_date", Date, primary_key=True),
    *(amount(name) for name in DAILY_AMOUNTS),
    amount("closed"),
    postgresql_with={"fillfactor": 70},  # updated in place: room for HOT updates
)


def line_balances_as_of(as_of: date, *, where: Sequence[ColumnElement[bool]] = ()) -> Subquery:
    """``line_balances`` as of the accounting date ``as_of``: the same columns (and name), every
    amount summed from ``line_daily`` up to that day; a line with no movement by then shows zeros.

    ``where``: conditions on ``line_balances`` applied inside (e.g. organisation and year), so the
    sums are taken only over the lines asked for. Cost: one primary-key range of ``line_daily``
    per line, whatever the date.
    """
    lb, ld = line_balances, line_daily
    amounts = set(DAILY_AMOUNTS)
    descriptive = [c for c in lb.columns if c.name not in amounts and c.name != "closed"]
    columns: list[Any] = []
    for column in lb.columns:
        if column.name in amounts:
            # PostgreSQL sums BIGINT as NUMERIC: back to BIGINT, so the values are ``int``.
            columns.append(cast(func.coalesce(func.sum(ld.c[column.name]), 0), BigInteger).label(column.name))
        elif column.name == "closed":
            columns.append((func.coalesce(func.sum(ld.c.closed), 0) > 0).label("closed"))
        else:
            columns.append(column)
    joined = lb.outerjoin(ld, and_(ld.c.line_id == lb.c.line_id, ld.c.accounting_date <= as_of))
    query = select(*columns).select_from(joined).where(*where).group_by(*descriptive)
    return query.subquery("line_balances")
