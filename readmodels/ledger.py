"""The general ledger (총계정원장): postings, daily account totals, and the chart of accounts.

Every posting carries its accounting date (회계일자) and the log position of the event that made
it, so a report can be cut on either time axis: "as of 30 June" filters accounting dates, "as known
at position P" filters positions. ``account_daily`` sums postings per organisation, account and
accounting date, so a trial balance at any date reads at most one row per account and day.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Date, Index, Integer, MetaData, String, Table, text

metadata = MetaData()

chart_of_accounts = Table(
    "chart_of_accounts",
    metadata,
    Column("code", String(10), primary_key=True),
    Column("name_ko", String(100), nullable=False),
    Column("name_en", String(100), nullable=False),
    Column("kind", String(20), nullable=False),  # asset, liability, net_assets, revenue, expense
    Column("normal_side", String(6), nullable=False),  # debit or credit
)

postings = Table(
    "postings",
    metadata,
    Column("position", BigInteger, primary_key=True),  # the event's log position
    Column("line_no", Integer, primary_key=True),  # the posting's line within its entry
    Column("org", String(7), nullable=False),
    Column("fiscal_year", Integer, nullable=False),
    Column("accounting_date", Date, nullable=False),
    Column("account", String(10), nullable=False),
    Column("debit", BigInteger, nullable=False, server_default=text("0")),
    Column("credit", BigInteger, nullable=False, server_default=text("0")),
    Column("source", String(80), nullable=False),  # the event, e.g. Voucher.Approved
    Column("source_id", String(36), nullable=False),  # the aggregate that recorded it
    Column("memo", String(300), nullable=False, server_default=text("''")),
    Index("ix_postings_org_account_date", "org", "account", "accounting_date"),
)

account_daily = Table(
    "account_daily",
    metadata,
    Column("org", String(7), primary_key=True),
    Column("account", String(10), primary_key=True),
    Column("accounting_date", Date, primary_key=True),
    Column("debit", BigInteger, nullable=False, server_default=text("0")),
    Column("credit", BigInteger, nullable=False, server_default=text("0")),
    postgresql_with={"fillfactor": 70},  # updated in place: room for HOT updates
)

# What the posting rules need to know that an event does not say, learnt from earlier events.
gl_line_items = Table(
    "gl_line_items",
    metadata,
    Column("line_id", String(36), primary_key=True),
    Column("item", String(6), nullable=False),
)
gl_vouchers = Table(
    "gl_vouchers",
    metadata,
    Column("voucher_id", String(36), primary_key=True),
    Column("line_id", String(36), nullable=False),
    Column("amount", BigInteger, nullable=False),
)
gl_revenue_codes = Table(
    "gl_revenue_codes",
    metadata,
    Column("line_id", String(36), primary_key=True),
    Column("code", String(20), nullable=False),
)
