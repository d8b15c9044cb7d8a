"""ERP balances (출연기관 표준ERP 잔액): per budget line and per obligation.

Amount columns are summed by the projection and start at zero; descriptive columns are set when
their aggregate is created. Derived amounts (remaining, lapse) are computed in queries, so a row is
never out of step with itself.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, MetaData, String, Table, text

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
