"""The chart of accounts (계정과목) and the maps from budget and revenue codes to accounts.

Accrual double entry (복식부기, domain.md §5) runs beside budget accounting: budget events post
journal entries by rule, and the rules find their accounts here, as data.

Account codes are four digits, ``CGNN``:

- ``C`` the class: 1 asset (자산), 2 liability (부채), 3 net assets (순자산), 4 revenue (수익),
  5 expense (비용);
- ``G`` the group inside the class, e.g. 11 current assets (유동자산), 12 investments (투자자산),
  13 tangible assets (일반유형자산·사회기반시설·주민편의시설), 14 intangible assets; 21 current
  liabilities (유동부채), 22 long-term liabilities (장기차입부채·장기충당부채);
- ``NN`` the account inside its group, in steps of ten so an account can be put between two.

A code is never reused for another meaning: an account that is retired stays in the chart (old
postings keep naming it). Contra accounts carry the opposite normal side of their class, e.g.
감가상각누계액 (accumulated depreciation) is an asset with a credit balance.

The budget-item map (:data:`ITEM_ACCOUNT_MAPS`) is versioned like the item catalogue it covers
(``budget_catalogue.ITEM_CATALOGUES``): by the first fiscal year it applies to. The revenue map
(:data:`REVENUE_ACCOUNTS`) is keyed by the revenue chapter (장), the first part of a revenue code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from domain.errors import NotPostable, UnknownCode


class AccountKind(StrEnum):
    ASSET = "asset"
    LIABILITY = "liability"
    NET_ASSETS = "net_assets"
    REVENUE = "revenue"
    EXPENSE = "expense"


class Side(StrEnum):
    """The side on which an account's balance grows (정상잔액)."""

    DEBIT = "debit"
    CREDIT = "credit"


@dataclass(frozen=True, slots=True)
class Account:
    code: str
    name_ko: str
    name_en: str
    kind: AccountKind
    normal_side: Side


_A, _L, _N, _R, _E = (
    AccountKind.ASSET,
    AccountKind.LIABILITY,
    AccountKind.NET_ASSETS,
    AccountKind.REVENUE,
    AccountKind.EXPENSE,
)
_DR, _CR = Side.DEBIT, Side.CREDIT

_ACCOUNTS: tuple[Account, ...] = (
    # --- 1 assets (자산) ---------------------------------------------------------------------
    # 11 current assets (유동자산)
    Account("1110", "현금및현금성자산", "Cash and cash equivalents", _A, _DR),
    Account("1120", "단기금융상품", "Short-term financial instruments", _A, _DR),
    Account("1130", "미수세금", "Taxes receivable", _A, _DR),
    Account("1140", "미수세외수입금", "Non-tax revenue receivable", _A, _DR),
    Account("1150", "선급금", "Advance payments", _A, _DR),
    Account("1160", "미수수익", "Accrued income", _A, _DR),
    # 12 investments (투자자산)
    Account("1210", "장기금융상품", "Long-term financial instruments", _A, _DR),
    Account("1220", "장기투자증권", "Long-term investment securities", _A, _DR),
    Account("1230", "장기대여금", "Long-term loans", _A, _DR),
    # 13 tangible assets (일반유형자산, 사회기반시설, 주민편의시설)
    Account("1310", "토지", "Land", _A, _DR),
    Account("1320", "건물", "Buildings", _A, _DR),
    Account("1330", "구축물", "Structures", _A, _DR),
    Account("1340", "기계장치", "Machinery", _A, _DR),
    Account("1350", "비품", "Equipment and furniture", _A, _DR),
    Account("1360", "차량운반구", "Vehicles", _A, _DR),
    Account("1370", "건설중인자산", "Construction in progress", _A, _DR),
    Account("1380", "사회기반시설", "Infrastructure assets", _A, _DR),
    Account("1390", "주민편의시설", "Resident facilities", _A, _DR),
    Account("1395", "감가상각누계액", "Accumulated depreciation", _A, _CR),
    # 14 intangible assets (무형자산)
    Account("1410", "무형자산", "Intangible assets", _A, _DR),
    # --- 2 liabilities (부채) ----------------------------------------------------------------
    # 21 current liabilities (유동부채)
    Account("2110", "미지급금", "Accounts payable", _L, _CR),
    Account("2120", "예수금", "Withholdings", _L, _CR),
    Account("2130", "선수금", "Advances received", _L, _CR),
    Account("2140", "과오납금", "Overpayments to refund", _L, _CR),
    Account("2150", "미지급비용", "Accrued expenses", _L, _CR),
    # 22 long-term liabilities (장기차입부채, 장기충당부채)
    Account("2210", "지방채", "Local government bonds and borrowings", _L, _CR),
    Account("2220", "장기예수보증금", "Long-term deposits received", _L, _CR),
    Account("2230", "퇴직급여충당부채", "Provision for severance benefits", _L, _CR),
    # --- 3 net assets (순자산) ---------------------------------------------------------------
    Account("3110", "순자산", "Net assets", _N, _CR),
    Account("3120", "적립금", "Reserves", _N, _CR),
    Account("3210", "기본재산", "Endowment (institutions)", _N, _CR),
    Account("3220", "이익잉여금", "Retained earnings (institutions)", _N, _CR),
    # --- 4 revenue (수익) --------------------------------------------------------------------
    Account("4110", "지방세수익", "Local tax revenue", _R, _CR),
    Account("4210", "세외수익", "Non-tax revenue", _R, _CR),
    Account("4310", "교부세수익", "Shared tax transfers received", _R, _CR),
    Account("4320", "보조금수익", "Subsidies received", _R, _CR),
    Account("4330", "출연금수익", "Contributions received (institutions)", _R, _CR),
    Account("4910", "이자수익", "Interest income", _R, _CR),
    Account("4990", "기타수익", "Other revenue", _R, _CR),
    # --- 5 expenses (비용) -------------------------------------------------------------------
    Account("5110", "인건비", "Personnel costs", _E, _DR),
    Account("5120", "퇴직급여", "Severance benefits expense", _E, _DR),
    Account("5210", "관리운영비", "Administrative and operating costs", _E, _DR),
    Account("5310", "사업비", "Program costs", _E, _DR),
    Account("5410", "이전비용", "Transfer expenses", _E, _DR),
    Account("5510", "감가상각비", "Depreciation", _E, _DR),
    Account("5610", "이자비용", "Interest expense", _E, _DR),
    Account("5990", "기타비용", "Other expenses", _E, _DR),
)

#: Every account, by code.
CHART: Mapping[str, Account] = MappingProxyType({a.code: a for a in _ACCOUNTS})

# The accounts the posting rules name.
CASH = "1110"
TAX_RECEIVABLE = "1130"
NON_TAX_RECEIVABLE = "1140"
MACHINERY = "1340"
EQUIPMENT = "1350"
CONSTRUCTION_IN_PROGRESS = "1370"
ACCUMULATED_DEPRECIATION = "1395"
ACCOUNTS_PAYABLE = "2110"
WITHHOLDINGS = "2120"
OVERPAYMENTS = "2140"
LOCAL_BONDS = "2210"
LOCAL_TAX_REVENUE = "4110"
NON_TAX_REVENUE = "4210"
SHARED_TAX_REVENUE = "4310"
SUBSIDY_REVENUE = "4320"
SEVERANCE_PROVISION = "2230"
PERSONNEL = "5110"
SEVERANCE_EXPENSE = "5120"
ADMINISTRATIVE = "5210"
PROGRAM = "5310"
TRANSFERS = "5410"
DEPRECIATION = "5510"


def account(code: str) -> Account:
    """The account of ``code``, or a refusal naming it."""
    found = CHART.get(code) if isinstance(code, str) else None
    if found is None:
        raise UnknownCode(f"account {code!r} is not in the chart of accounts", account=str(code))
    return found


# --- budget item (편성목-통계목) → account ---------------------------------------------------------

#: ``None``: the item is never posted (예비비 is granted to other lines, not spent).
_ITEM_ACCOUNTS_2013: Mapping[str, str | None] = {
    "101-01": PERSONNEL,  # 보수
    "101-02": PERSONNEL,  # 기타직보수
    "101-04": PERSONNEL,  # 기간제근로자등보수
    # 퇴직급여 is paid out of the provision the payroll runs accrue (Dr 퇴직급여 / Cr 충당부채):
    # expensing it again on payment would count it twice.
    "107-03": SEVERANCE_PROVISION,
    "201-01": ADMINISTRATIVE,  # 사무관리비
    "201-02": ADMINISTRATIVE,  # 공공운영비
    "201-03": ADMINISTRATIVE,  # 행사운영비
    "202-01": ADMINISTRATIVE,  # 국내여비
    "202-02": ADMINISTRATIVE,  # 월액여비
    "202-03": ADMINISTRATIVE,  # 국외업무여비
    "203-01": ADMINISTRATIVE,  # 기관운영업무추진비
    "203-02": ADMINISTRATIVE,  # 시책추진업무추진비
    "206-01": ADMINISTRATIVE,  # 일반재료비
    "207-01": PROGRAM,  # 연구용역비
    "207-02": PROGRAM,  # 전산개발비
    "301-01": TRANSFERS,  # 일반보상금
    "301-10": TRANSFERS,  # 행사실비지원금
    "304-01": PERSONNEL,  # 연금부담금
    "304-02": PERSONNEL,  # 국민건강보험부담금
    "304-03": PERSONNEL,  # 고용보험부담금
    "307-02": TRANSFERS,  # 민간경상사업보조
    "307-05": TRANSFERS,  # 민간위탁금
    "401-01": CONSTRUCTION_IN_PROGRESS,  # 시설비
    "401-02": CONSTRUCTION_IN_PROGRESS,  # 감리비
    "401-03": CONSTRUCTION_IN_PROGRESS,  # 시설부대비
    "405-01": EQUIPMENT,  # 자산취득비
    "405-02": EQUIPMENT,  # 도서구입비
    "601-01": LOCAL_BONDS,  # 지방채상환: repayment reduces the borrowing
    "701-01": None,  # 예비비
}

#: Budget item → account, by the first fiscal year each version applies to.
ITEM_ACCOUNT_MAPS: Mapping[int, Mapping[str, str | None]] = MappingProxyType(
    {2013: MappingProxyType(_ITEM_ACCOUNTS_2013)}
)


def item_account_map(fiscal_year: int) -> Mapping[str, str | None]:
    """The item → account map in force for ``fiscal_year`` (empty before the first)."""
    starts = [start for start in ITEM_ACCOUNT_MAPS if start <= fiscal_year]
    return ITEM_ACCOUNT_MAPS[max(starts)] if starts else MappingProxyType({})


def item_account(item: str, fiscal_year: int) -> str:
    """The account a voucher of budget item ``item`` (e.g. ``"201-01"``) is posted to."""
    accounts = item_account_map(fiscal_year)
    if item not in accounts:
        raise UnknownCode(
            f"budget item {item!r} has no account in the {fiscal_year} map",
            item=str(item),
            fiscal_year=fiscal_year,
        )
    found = accounts[item]
    if found is None:
        raise NotPostable(
            f"budget item {item} is never posted: contingency (예비비) is granted to other lines",
            item=item,
            fiscal_year=fiscal_year,
        )
    return found


# --- revenue code (세입 장-관-항-목) → revenue and receivable accounts ------------------------------


@dataclass(frozen=True, slots=True)
class RevenueAccounts:
    """Where a revenue chapter posts.

    ``receivable`` is debited when revenue is assessed (부과) and credited when it is collected
    (수납). ``None`` means the chapter is recognised when cash arrives: its assessments post
    nothing and a collection is Dr cash / Cr ``credit``. Borrowing (지방채) is such a chapter, and
    its ``credit`` account is a liability, since borrowing is not revenue.
    """

    credit: str
    receivable: str | None


#: By revenue chapter (장), the first part of a revenue code.
REVENUE_ACCOUNTS: Mapping[str, RevenueAccounts] = MappingProxyType(
    {
        "100": RevenueAccounts(LOCAL_TAX_REVENUE, TAX_RECEIVABLE),  # 지방세수입
        "200": RevenueAccounts(NON_TAX_REVENUE, NON_TAX_RECEIVABLE),  # 세외수입
        "300": RevenueAccounts(SHARED_TAX_REVENUE, NON_TAX_RECEIVABLE),  # 지방교부세
        "400": RevenueAccounts(SUBSIDY_REVENUE, NON_TAX_RECEIVABLE),  # 보조금
        "500": RevenueAccounts(LOCAL_BONDS, None),  # 지방채: a liability, recognised with cash
    }
)


def revenue_accounts(revenue_code: str) -> RevenueAccounts:
    """The accounts of a revenue code ``장-관-항-목`` (e.g. ``"100-110-111-01"``)."""
    chapter = revenue_code.partition("-")[0] if isinstance(revenue_code, str) else ""
    found = REVENUE_ACCOUNTS.get(chapter)
    if found is None:
        raise UnknownCode(
            f"revenue code {revenue_code!r} has no accounts: chapter {chapter!r} is not mapped",
            revenue_code=str(revenue_code),
        )
    return found
