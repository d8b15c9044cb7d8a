"""Public disclosure read models (클린재정 공개, domain.md §6).

What citizens read: allocations (예산배정현황), requisitions (품의현황), expenditures (지출현황),
contracts (계약현황) and their amendments, debarred contractors (부정당업체) and revenue per code
(세입현황). Programs (사업현황) are not a table: they are summed from ``line_balances``.

Privacy is kept where rows are written, not only where they are read: a vendor that is a person
(개인) is stored with no name, registration number, address or id in any of these tables, so no
query, export or later change of a query can publish one (domain.md §6).

Every row carries ``org`` and ``fiscal_year``. Amount columns are summed by the projection and start
at zero; descriptive columns are set (last value wins) and are nullable. The last three tables are
the projection's own lookups (budget line, obligation and voucher), so it never depends on the order
in which another projection writes its tables.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, Index, Integer, MetaData, String, Table, text

metadata = MetaData()


def amount(name: str) -> Column[int]:
    return Column(name, BigInteger, nullable=False, server_default=text("0"))


def _id(name: str, *, primary_key: bool = False) -> Column[str]:
    return Column(name, String(36), primary_key=primary_key)


def _ledger() -> tuple[Column[str], Column[int]]:
    return Column("org", String(7)), Column("fiscal_year", Integer)


def _line() -> tuple[Column[str], Column[str], Column[str]]:
    """The budget line a row belongs to: its id, full code and title (세부사업명)."""
    return _id("line_id"), Column("code", String(60)), Column("line_title", String(200))


# 예산배정현황: one row per quarter an allocation event changes. An allocation (배정) is one row;
# a pull-forward (당겨배정) is two rows of one position: minus on the quarter pulled from, plus on
# the quarter pulled into. Summed per quarter, the rows give each quarter's allocation.
allocations = Table(
    "allocations",
    metadata,
    Column("position", BigInteger, primary_key=True),
    Column("quarter", Integer, primary_key=True),
    *_ledger(),
    *_line(),
    Column("kind", String(20)),  # allocated | pulled-forward
    Column("amount", BigInteger, nullable=False),
    Column("allocated_on", Date),
    Index("ix_allocations_org_year_code", "org", "fiscal_year", "code"),
)

# 품의현황
requisitions = Table(
    "requisitions",
    metadata,
    _id("requisition_id", primary_key=True),
    *_ledger(),
    *_line(),
    Column("title", String(1000)),
    Column("amount", BigInteger),
    Column("status", String(10)),  # drafted | approved | rejected
    Column("drafted_on", Date),
    Column("decided_on", Date),
    Index("ix_requisitions_org_year_code", "org", "fiscal_year", "code"),
)

# 지출현황: one row per payment (지급). The payee is named only when it is a business.
expenditures = Table(
    "expenditures",
    metadata,
    _id("payment_id", primary_key=True),
    *_ledger(),
    *_line(),
    _id("voucher_id"),
    _id("contract_id"),
    Column("description", String(1000)),
    Column("paid_on", Date),
    Column("amount", BigInteger),
    amount("returned"),  # 반납
    Column("payee_kind", String(10)),  # business | person | NULL (no payee named)
    _id("payee_id"),  # businesses only
    Column("payee_name", String(200)),  # businesses only
    Column("payee_business_number", String(12)),  # businesses only
    Index("ix_expenditures_org_year_code", "org", "fiscal_year", "code"),
    Index("ix_expenditures_contract", "contract_id"),
    postgresql_with={"fillfactor": 70},  # updated in place: room for HOT updates
)

# 계약현황: every disclosed field of a contract, its latest amendment, inspection and status, and
# what has been paid under it (Voucher.Paid − returns of the vouchers drawn on it).
contracts = Table(
    "contracts",
    metadata,
    _id("contract_id", primary_key=True),
    *_ledger(),
    Column("department", String(1000)),
    Column("title", String(1000)),
    _id("obligation_id"),
    *_line(),
    Column("contract_date", Date),
    Column("amount", BigInteger),  # current amount, after amendments
    Column("original_amount", BigInteger),
    Column("method", String(20)),  # open | restricted | private
    Column("private_reason", String(30)),
    Column("private_reason_detail", String(1000)),
    Column("starts", Date),
    Column("ends", Date),  # current end, after amendments
    Column("supplier_kind", String(10)),
    _id("supplier_id"),  # businesses only
    Column("supplier_name", String(200)),  # businesses only
    Column("supplier_business_number", String(12)),  # businesses only
    amount("amendments"),
    Column("last_amended_on", Date),
    Column("inspected", Boolean, nullable=False, server_default=text("false")),
    Column("inspected_amount", BigInteger),  # of the latest inspection
    Column("inspected_on", Date),
    Column("inspection_passed", Boolean),
    Column("status", String(12)),  # active | completed | terminated
    Column("completed_on", Date),
    Column("terminated_on", Date),
    Column("termination_reason", String(1000)),
    amount("paid"),  # payments, before returns
    amount("returned"),
    amount("payments_to_date"),  # paid − returned
    Index("ix_contracts_org_year_code", "org", "fiscal_year", "code"),
    postgresql_with={"fillfactor": 70},  # updated in place: room for HOT updates
)

# 변경계약 history: one row per amendment.
contract_amendments = Table(
    "contract_amendments",
    metadata,
    Column("position", BigInteger, primary_key=True),
    *_ledger(),
    _id("contract_id"),
    Column("amended_on", Date),
    Column("previous_amount", BigInteger),
    Column("new_amount", BigInteger),
    Column("new_ends", Date),
    Column("reason", String(1000)),
    Index("ix_contract_amendments_contract", "contract_id"),
)

# 부정당업자: one row per debarment, issued by ``org``; ``lifted_by`` is the organisation that lifted
# it (the issuer: only it may; a lift recorded before that rule by another one shows here).
debarred_vendors = Table(
    "debarred_vendors",
    metadata,
    _id("debarment_id", primary_key=True),
    *_ledger(),
    Column("vendor_kind", String(10)),
    _id("vendor_id"),  # businesses only
    Column("vendor_name", String(200)),  # businesses only
    Column("business_number", String(12)),  # businesses only
    Column("ground", String(1000)),
    Column("starts", Date),
    Column("ends", Date),
    Column("lifted_on", Date),
    Column("lift_reason", String(1000)),
    Column("lifted_by", String(7)),
    Index("ix_debarred_vendors_period", "starts", "ends"),
)

# 세입현황: per revenue line (세입과목), the totals of its assessments.
revenue_by_code = Table(
    "revenue_by_code",
    metadata,
    _id("line_id", primary_key=True),
    *_ledger(),
    Column("code", String(20)),
    Column("title", String(200)),
    amount("estimate"),  # 세입예산액
    amount("assessed"),  # 부과액 (net of reductions)
    amount("billed"),  # 징수결정액
    amount("collected"),  # 수납액
    amount("overpaid"),  # 과오납
    amount("refunded"),  # 환급
    Column("closed", Boolean, nullable=False, server_default=text("false")),
    Index("ix_revenue_by_code_org_year_code", "org", "fiscal_year", "code"),
    postgresql_with={"fillfactor": 70},  # updated in place: room for HOT updates
)

# --- lookups of the projection ------------------------------------------------------------------

# 거래처: a person's name, registration number and address are never stored (NULL), only its kind;
# its id is kept here alone, to know the kind of a vendor a later event names.
vendors = Table(
    "vendors",
    metadata,
    _id("vendor_id", primary_key=True),
    *_ledger(),  # of the registration
    Column("kind", String(10)),  # business | person
    Column("name", String(200)),
    Column("registration_number", String(12)),
    Column("address", String(1000)),
)

disclosure_lines = Table(
    "disclosure_lines",
    metadata,
    _id("line_id", primary_key=True),
    *_ledger(),
    Column("code", String(60)),
    Column("title", String(200)),
)

# The obligation's budget line: where it was made, or where an accident carry-over (사고이월) moved it.
disclosure_obligations = Table(
    "disclosure_obligations",
    metadata,
    _id("obligation_id", primary_key=True),
    *_ledger(),
    _id("line_id"),
)

# The voucher's line, contract and payee: of a person payee only its kind, never its id.
disclosure_vouchers = Table(
    "disclosure_vouchers",
    metadata,
    _id("voucher_id", primary_key=True),
    *_ledger(),
    _id("line_id"),
    _id("contract_id"),
    Column("payee_kind", String(10)),
    _id("payee_id"),  # businesses only
    Column("description", String(1000)),
)
