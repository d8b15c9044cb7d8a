"""The figures of the public portal's dashboards (issue 17): pure queries of the projected tables.

Each function reads only read models (``line_balances`` and ``line_daily`` of
:mod:`readmodels.erp`; ``revenue_by_code`` and ``contracts`` of :mod:`readmodels.disclosure`),
never the event store, and answers frozen dataclasses: amounts in whole won (``int``), rates as
``Decimal`` percentages to 0.01, rounded as :func:`readmodels.disclosure_queries.execution_rate`
rounds them. Every formula, what it reads and the choices behind it are in docs/portal-figures.md,
which the portal links to.

Totals are summed in Python from the same grouped rows as their breakdowns, so a breakdown always
adds up to its total. The names of codes (회계, 분야, 세입 장·관, 계약방법) are copies of the domain's
reference data (domain/reference/budget_catalogue.py), since read models import nothing of the
domain (the import contracts in pyproject.toml); tests/readmodels/test_public_finance.py checks
that the copies equal the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, extract, func, or_, select

from readmodels.disclosure import contracts, revenue_by_code
from readmodels.disclosure_queries import execution_rate
from readmodels.erp import line_balances, line_balances_as_of, line_daily

# --- names of codes (copies of domain/reference/budget_catalogue.py) -----------------------------

#: 회계 (budget_catalogue.ACCOUNTS): 100 is the general account, 2xx/3xx special accounts and funds.
ACCOUNT_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "100": "일반회계",
        "201": "주차장특별회계",
        "202": "교통사업특별회계",
        "203": "주택사업특별회계",
        "204": "상수도사업특별회계",
        "205": "하수도사업특별회계",
        "301": "지역개발기금",
        "302": "재난관리기금",
    }
)

#: 분야 (budget_catalogue.FIELDS): 지방재정 기능별 분류(분야·부문) of local government spending.
FIELD_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "010": "일반공공행정",
        "020": "공공질서및안전",
        "050": "교육",
        "060": "문화및관광",
        "070": "환경",
        "080": "사회복지",
        "090": "보건",
        "100": "농림해양수산",
        "110": "산업·중소기업및에너지",
        "120": "교통및물류",
        "140": "국토및지역개발",
        "150": "과학기술",
        "160": "예비비",
        "900": "기타",
    }
)

#: 세입 장 (the first part of a revenue code), as named in budget_catalogue.REVENUE_CODES.
REVENUE_CHAPTER_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "100": "지방세수입",
        "200": "세외수입",
        "300": "지방교부세",
        "400": "보조금",
        "500": "지방채",
    }
)

#: 세입 관 (``장-관``), as named in budget_catalogue.REVENUE_CODES.
REVENUE_SECTION_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "100-110": "보통세",
        "200-210": "경상적세외수입",
        "200-220": "임시적세외수입",
        "300-310": "지방교부세",
        "300-320": "조정교부금",
        "400-410": "국고보조금",
        "500-510": "국내차입금",
    }
)

#: 계약방법 (domain.contract.ContractMethod), in the order the portal lists them.
CONTRACT_METHOD_NAMES: Mapping[str, str] = MappingProxyType(
    {"open": "일반경쟁", "restricted": "제한경쟁", "private": "수의계약"}
)

LOCAL_TAXES = "100"  # 지방세수입
NON_TAX = "200"  # 세외수입
SHARED_TAX = "300"  # 지방교부세 (and, in this catalogue, 조정교부금 as its 관 320)
ADJUSTMENT_GRANTS = "300-320"  # 조정교부금 (자치구 조정교부금)

TOTAL_NAME = "합계"

_AMOUNTS = ("current_budget", "allocated", "obligated", "paid")


def _won(value: Any) -> int:
    """A summed amount as ``int``: PostgreSQL sums BIGINT as NUMERIC, an empty sum is NULL."""
    return int(value or 0)


def _share(part: int, whole: int) -> Decimal | None:
    """``part / whole`` in percent to 0.01; ``None`` when ``whole`` is 0 (no figure to show)."""
    return execution_rate(part, whole) if whole else None


def _name(names: Mapping[str, str], code: str) -> str:
    return names.get(code, code)


# --- 1. spending scale (세출 예산 규모) -------------------------------------------------------------


@dataclass(frozen=True)
class SpendingRow:
    """세출 amounts of a group of budget lines (an account, a field, or all of them)."""

    code: str  # 회계 or 분야 code; "" for the total
    name: str  # its Korean name (the code itself if the catalogue does not know it); 합계 for the total
    lines: int  # budget lines (예산과목) in the group
    current_budget: int  # 예산현액
    allocated: int  # 배정액
    obligated: int  # 원인행위액
    paid: int  # 지출액, net of returns
    remaining: int  # 잔액 = current_budget − obligated
    execution_rate: Decimal  # 집행률 = paid / current_budget, % to 0.01 (0 when the budget is 0)


@dataclass(frozen=True)
class SpendingScale:
    org: str
    fiscal_year: int
    as_of: date | None  # the accounting date the amounts are as of; None: as they stand
    total: SpendingRow
    by_account: tuple[SpendingRow, ...]  # by 회계 code
    by_field: tuple[SpendingRow, ...]  # by 분야 code


class _Sums:
    """Running sums of the amounts of budget lines."""

    def __init__(self) -> None:
        self.lines = 0
        self.amounts = dict.fromkeys(_AMOUNTS, 0)

    def add(self, lines: int, amounts: Mapping[str, int]) -> None:
        self.lines += lines
        for name in _AMOUNTS:
            self.amounts[name] += amounts[name]

    def row(self, code: str, name: str) -> SpendingRow:
        a = self.amounts
        return SpendingRow(
            code=code,
            name=name,
            lines=self.lines,
            current_budget=a["current_budget"],
            allocated=a["allocated"],
            obligated=a["obligated"],
            paid=a["paid"],
            remaining=a["current_budget"] - a["obligated"],
            execution_rate=execution_rate(a["paid"], a["current_budget"]),
        )


def _lines(orgs: Sequence[str], fiscal_year: int, as_of: date | None) -> Any:
    """``line_balances`` of these organisations' year, as they stand or as of ``as_of``."""
    where = [line_balances.c.org.in_(orgs), line_balances.c.fiscal_year == fiscal_year]
    return line_balances if as_of is None else line_balances_as_of(as_of, where=where)


def _amount_sums(lb: Any) -> list[Any]:
    return [func.sum(lb.c[name]).label(name) for name in _AMOUNTS]


def spending_scale(conn: Connection, org: str, fiscal_year: int, as_of: date | None = None) -> SpendingScale:
    """세출 규모: the year's budget lines summed, in total, by account (회계) and by field (분야).

    ``as_of``: the amounts as of that accounting date (summed from ``line_daily``); by default, as
    they stand. Each breakdown adds up to ``total``.
    """
    lb = _lines([org], fiscal_year, as_of)
    query = (
        select(lb.c.account, lb.c.field, func.count().label("lines"), *_amount_sums(lb))
        .where(lb.c.org == org, lb.c.fiscal_year == fiscal_year)
        .group_by(lb.c.account, lb.c.field)
    )
    total, accounts, fields = _Sums(), dict[str, _Sums](), dict[str, _Sums]()
    for row in conn.execute(query):
        amounts = {name: _won(getattr(row, name)) for name in _AMOUNTS}
        count = int(row.lines)
        total.add(count, amounts)
        accounts.setdefault(row.account or "", _Sums()).add(count, amounts)
        fields.setdefault(row.field or "", _Sums()).add(count, amounts)
    return SpendingScale(
        org=org,
        fiscal_year=fiscal_year,
        as_of=as_of,
        total=total.row("", TOTAL_NAME),
        by_account=tuple(
            sums.row(code, _name(ACCOUNT_NAMES, code)) for code, sums in sorted(accounts.items())
        ),
        by_field=tuple(sums.row(code, _name(FIELD_NAMES, code)) for code, sums in sorted(fields.items())),
    )


# --- 2. revenue (세입) -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RevenueRow:
    """세입 amounts of a group of revenue lines (a 관, a 장, or all of them)."""

    code: str  # 장 ("100") or 장-관 ("300-320"); "" for the total
    name: str
    estimate: int  # 세입예산액 (the estimate the line was opened with)
    assessed: int  # 부과액, net of reductions
    collected: int  # 수납액 against bills (overpayments 과오납 are not revenue and are left out)
    collection_rate: Decimal  # collected / estimate, % to 0.01 (0 when the estimate is 0)


@dataclass(frozen=True)
class RevenueChapter:
    code: str  # 장, e.g. "100"
    name: str  # 지방세수입, …
    estimate: int
    assessed: int
    collected: int
    collection_rate: Decimal
    sections: tuple[RevenueRow, ...]  # by 관, which add up to the chapter


@dataclass(frozen=True)
class RevenueSummary:
    org: str
    fiscal_year: int
    total: RevenueRow
    chapters: tuple[RevenueChapter, ...]  # by 장 code


_REVENUE_AMOUNTS = ("estimate", "assessed", "collected")


def _revenue_sections(
    conn: Connection, orgs: Sequence[str], fiscal_year: int
) -> dict[str, dict[str, dict[str, int]]]:
    """Per organisation, per 관 (``장-관``, the first 7 characters of the code): the amounts."""
    rc = revenue_by_code.c
    section = func.substr(rc.code, 1, 7)
    query = (
        select(
            rc.org, section.label("section"), *(func.sum(rc[name]).label(name) for name in _REVENUE_AMOUNTS)
        )
        .where(rc.org.in_(orgs), rc.fiscal_year == fiscal_year)
        .group_by(rc.org, section)
    )
    found: dict[str, dict[str, dict[str, int]]] = {}
    for row in conn.execute(query):
        found.setdefault(row.org, {})[row.section] = {
            name: _won(getattr(row, name)) for name in _REVENUE_AMOUNTS
        }
    return found


def _revenue_row(code: str, name: str, amounts: Iterable[Mapping[str, int]]) -> RevenueRow:
    sums = dict.fromkeys(_REVENUE_AMOUNTS, 0)
    for found in amounts:
        for key in _REVENUE_AMOUNTS:
            sums[key] += found[key]
    return RevenueRow(
        code=code,
        name=name,
        estimate=sums["estimate"],
        assessed=sums["assessed"],
        collected=sums["collected"],
        collection_rate=execution_rate(sums["collected"], sums["estimate"]),
    )


def revenue_summary(conn: Connection, org: str, fiscal_year: int) -> RevenueSummary:
    """세입 by 장 (and 관 within it): estimate, assessed, collected and collected / estimate."""
    sections = _revenue_sections(conn, [org], fiscal_year).get(org, {})
    by_chapter: dict[str, dict[str, dict[str, int]]] = {}
    for section, amounts in sections.items():
        by_chapter.setdefault(section[:3], {})[section] = amounts
    chapters = []
    for chapter, found in sorted(by_chapter.items()):
        rows = tuple(
            _revenue_row(section, _name(REVENUE_SECTION_NAMES, section), [amounts])
            for section, amounts in sorted(found.items())
        )
        whole = _revenue_row(chapter, _name(REVENUE_CHAPTER_NAMES, chapter), found.values())
        chapters.append(
            RevenueChapter(
                code=chapter,
                name=whole.name,
                estimate=whole.estimate,
                assessed=whole.assessed,
                collected=whole.collected,
                collection_rate=whole.collection_rate,
                sections=rows,
            )
        )
    return RevenueSummary(
        org=org,
        fiscal_year=fiscal_year,
        total=_revenue_row("", TOTAL_NAME, sections.values()),
        chapters=tuple(chapters),
    )


# --- 3. monthly execution (월별 집행) ---------------------------------------------------------------


@dataclass(frozen=True)
class MonthExecution:
    month: int  # 1..12
    paid: int  # paid in the month (by accounting date), net of the returns made in it
    paid_to_date: int  # paid from 1 January to the month's end
    current_budget: int  # 예산현액 as of the month's end
    execution_rate: Decimal  # paid_to_date / current_budget, % to 0.01: the cumulative 집행률
    future: bool  # the month begins after ``today``: a chart stops before it


@dataclass(frozen=True)
class MonthlyExecution:
    org: str
    fiscal_year: int
    today: date | None
    months: tuple[MonthExecution, ...]  # always twelve, January first


def monthly_execution(
    conn: Connection, org: str, fiscal_year: int, today: date | None = None
) -> MonthlyExecution:
    """월별 집행: per month of the year, what was paid in it and the cumulative execution rate
    against the current budget as of the month's end, from the lines' daily movements.

    A month with no movement repeats the cumulative figures of the month before. A month that
    begins after ``today`` is marked ``future`` (its figures are still the cumulative ones, so a
    year read later shows them); without ``today`` no month is.
    """
    ld, lb = line_daily, line_balances
    month = extract("month", ld.c.accounting_date)
    query = (
        select(
            month.label("month"),
            func.sum(ld.c.paid).label("paid"),
            func.sum(ld.c.current_budget).label("current_budget"),
        )
        .select_from(ld.join(lb, lb.c.line_id == ld.c.line_id))
        .where(
            lb.c.org == org,
            lb.c.fiscal_year == fiscal_year,
            # A line's accounting dates all fall in its fiscal year (domain.codes.check_accounting_date).
            ld.c.accounting_date >= date(fiscal_year, 1, 1),
            ld.c.accounting_date <= date(fiscal_year, 12, 31),
        )
        .group_by(month)
    )
    moved = {int(row.month): (_won(row.paid), _won(row.current_budget)) for row in conn.execute(query)}
    months, paid_to_date, budget = [], 0, 0
    for number in range(1, 13):
        paid, budget_change = moved.get(number, (0, 0))
        paid_to_date += paid
        budget += budget_change
        months.append(
            MonthExecution(
                month=number,
                paid=paid,
                paid_to_date=paid_to_date,
                current_budget=budget,
                execution_rate=execution_rate(paid_to_date, budget),
                future=today is not None and date(fiscal_year, number, 1) > today,
            )
        )
    return MonthlyExecution(org=org, fiscal_year=fiscal_year, today=today, months=tuple(months))


# --- 4. the largest programmes (주요 세부사업) --------------------------------------------------------

_PROJECT = ("account", "field", "sector", "policy_project", "unit_project", "detailed_project")


@dataclass(frozen=True)
class Programme:
    """A detailed project (세부사업): its budget lines summed."""

    code: str  # account-field-sector-policy-unit-detailed, e.g. 100-080-081-1001-2001-3001
    title: str  # 세부사업명 (of its largest line)
    account: str
    field: str
    field_name: str  # 분야 name
    line_ids: tuple[str, ...]  # its budget lines, largest current budget first
    current_budget: int
    obligated: int
    paid: int
    remaining: int  # current_budget − obligated
    execution_rate: Decimal  # paid / current_budget, % to 0.01

    @property
    def line_id(self) -> str:
        """The line the page links to (its history, e.g. the portal's /orgs/{org}/{year}/lines/{line_id}):
        the programme's largest."""
        return self.line_ids[0]


def top_programmes(
    conn: Connection, org: str, fiscal_year: int, limit: int = 10, as_of: date | None = None
) -> tuple[Programme, ...]:
    """The ``limit`` detailed projects (세부사업) with the largest current budget, largest first
    (ties by code)."""
    if limit <= 0:
        return ()
    lb = _lines([org], fiscal_year, as_of)
    keys = [lb.c[name] for name in _PROJECT]
    ours = [lb.c.org == org, lb.c.fiscal_year == fiscal_year]
    budget = func.sum(lb.c.current_budget)
    largest = conn.execute(
        select(*keys).where(*ours).group_by(*keys).order_by(budget.desc(), *keys).limit(limit)
    ).all()
    if not largest:
        return ()
    chosen: list[ColumnElement[bool]] = [
        and_(*(column == value for column, value in zip(keys, row, strict=True))) for row in largest
    ]
    lines = conn.execute(
        select(*keys, lb.c.line_id, lb.c.title, lb.c.current_budget, lb.c.obligated, lb.c.paid)
        .where(*ours, or_(*chosen))
        .order_by(lb.c.current_budget.desc(), lb.c.code, lb.c.line_id)
    ).all()
    grouped: dict[tuple[str, ...], list[Any]] = {tuple(row): [] for row in largest}
    for line in lines:
        grouped[tuple(line[: len(_PROJECT)])].append(line)
    found = []
    for key, members in grouped.items():
        current = sum(_won(m.current_budget) for m in members)
        obligated = sum(_won(m.obligated) for m in members)
        paid = sum(_won(m.paid) for m in members)
        found.append(
            Programme(
                code="-".join(key),
                title=members[0].title,
                account=key[0],
                field=key[1],
                field_name=_name(FIELD_NAMES, key[1]),
                line_ids=tuple(str(m.line_id) for m in members),
                current_budget=current,
                obligated=obligated,
                paid=paid,
                remaining=current - obligated,
                execution_rate=execution_rate(paid, current),
            )
        )
    return tuple(found)


# --- 5. fiscal independence (재정자립도·재정자주도) --------------------------------------------------


@dataclass(frozen=True)
class FiscalIndependence:
    """재정자립도 and 재정자주도 from the year's revenue estimates, with their parts.

    self_reliance (재정자립도) = (local_taxes + non_tax) / revenue_budget × 100
    autonomy (재정자주도) = (local_taxes + non_tax + shared_tax + adjustment_grants) / revenue_budget × 100
    """

    org: str
    fiscal_year: int
    local_taxes: int  # 지방세수입: estimates of 장 100
    non_tax: int  # 세외수입: 장 200
    shared_tax: int  # 지방교부세: 장 300 without its 관 320
    adjustment_grants: int  # 조정교부금: 관 300-320
    revenue_budget: int  # the denominator: every revenue estimate of the organisation's year
    self_reliance: Decimal | None  # % to 0.01; None when revenue_budget is 0
    autonomy: Decimal | None  # % to 0.01; None when revenue_budget is 0


def _independence(
    org: str, fiscal_year: int, sections: Mapping[str, Mapping[str, int]]
) -> FiscalIndependence:
    def estimate(prefix: str) -> int:
        return sum(a["estimate"] for section, a in sections.items() if section.startswith(prefix))

    local_taxes, non_tax = estimate(LOCAL_TAXES), estimate(NON_TAX)
    adjustment_grants = estimate(ADJUSTMENT_GRANTS)
    shared_tax = estimate(SHARED_TAX) - adjustment_grants
    revenue_budget = sum(a["estimate"] for a in sections.values())
    own = local_taxes + non_tax
    return FiscalIndependence(
        org=org,
        fiscal_year=fiscal_year,
        local_taxes=local_taxes,
        non_tax=non_tax,
        shared_tax=shared_tax,
        adjustment_grants=adjustment_grants,
        revenue_budget=revenue_budget,
        self_reliance=_share(own, revenue_budget),
        autonomy=_share(own + shared_tax + adjustment_grants, revenue_budget),
    )


def fiscal_independence(conn: Connection, org: str, fiscal_year: int) -> FiscalIndependence:
    """재정자립도 and 재정자주도 of ``org``'s year, from its revenue estimates (세입예산).

    Revenue lines carry no account (회계) in this ledger, so the denominator is every revenue
    estimate of the organisation, not only the general account's (docs/portal-figures.md).
    """
    return _independence(org, fiscal_year, _revenue_sections(conn, [org], fiscal_year).get(org, {}))


# --- 6. organisations side by side (기관 비교) --------------------------------------------------------


@dataclass(frozen=True)
class OrganisationFigures:
    org: str
    current_budget: int  # 예산현액 of every budget line of the year
    paid: int  # 지출액
    execution_rate: Decimal  # paid / current_budget, % to 0.01
    revenue_budget: int  # every revenue estimate of the year (0: the organisation has no revenue lines)
    self_reliance: Decimal | None  # 재정자립도; None without revenue estimates
    autonomy: Decimal | None  # 재정자주도; None without revenue estimates


def comparison(
    conn: Connection, fiscal_year: int, orgs: Sequence[str], as_of: date | None = None
) -> tuple[OrganisationFigures, ...]:
    """One row per organisation code given, in the order given (a code with no data has zeros and
    no rates). ``as_of`` applies to the spending amounts; revenue estimates have no date."""
    wanted = list(dict.fromkeys(orgs))
    if not wanted:
        return ()
    lb = _lines(wanted, fiscal_year, as_of)
    spent = {
        row.org: (_won(row.current_budget), _won(row.paid))
        for row in conn.execute(
            select(
                lb.c.org,
                func.sum(lb.c.current_budget).label("current_budget"),
                func.sum(lb.c.paid).label("paid"),
            )
            .where(lb.c.org.in_(wanted), lb.c.fiscal_year == fiscal_year)
            .group_by(lb.c.org)
        )
    }
    revenue = _revenue_sections(conn, wanted, fiscal_year)
    rows = []
    for org in orgs:
        budget, paid = spent.get(org, (0, 0))
        independence = _independence(org, fiscal_year, revenue.get(org, {}))
        rows.append(
            OrganisationFigures(
                org=org,
                current_budget=budget,
                paid=paid,
                execution_rate=execution_rate(paid, budget),
                revenue_budget=independence.revenue_budget,
                self_reliance=independence.self_reliance,
                autonomy=independence.autonomy,
            )
        )
    return tuple(rows)


# --- 7. contracts by method (계약방법별 계약) ---------------------------------------------------------


@dataclass(frozen=True)
class ContractMethodFigures:
    method: str  # open | restricted | private
    name: str  # 일반경쟁 | 제한경쟁 | 수의계약
    count: int
    amount: int  # current amounts (after amendments)
    amount_share: Decimal | None  # amount / all contracts' amount, % to 0.01; None when that is 0


@dataclass(frozen=True)
class ContractsSummary:
    org: str
    fiscal_year: int
    count: int
    amount: int
    by_method: tuple[ContractMethodFigures, ...]  # open, restricted, private, then any other
    private_share: Decimal | None  # 수의계약 share of the amount, % to 0.01; None without contracts


def contracts_summary(conn: Connection, org: str, fiscal_year: int) -> ContractsSummary:
    """계약현황 by method: how many contracts and for how much, and the 수의계약 share by amount.

    Every contract of the year counts, terminated ones too, at its current amount.
    """
    cc = contracts.c
    found = {
        (row.method or ""): (int(row.n), _won(row.amount))
        for row in conn.execute(
            select(cc.method, func.count().label("n"), func.sum(cc.amount).label("amount"))
            .where(cc.org == org, cc.fiscal_year == fiscal_year)
            .group_by(cc.method)
        )
    }
    methods = [*CONTRACT_METHOD_NAMES, *sorted(m for m in found if m not in CONTRACT_METHOD_NAMES)]
    count = sum(n for n, _ in found.values())
    amount = sum(a for _, a in found.values())
    rows = []
    for method in methods:
        n, total = found.get(method, (0, 0))
        rows.append(
            ContractMethodFigures(
                method=method,
                name=_name(CONTRACT_METHOD_NAMES, method),
                count=n,
                amount=total,
                amount_share=_share(total, amount),
            )
        )
    return ContractsSummary(
        org=org,
        fiscal_year=fiscal_year,
        count=count,
        amount=amount,
        by_method=tuple(rows),
        private_share=_share(found.get("private", (0, 0))[1], amount),
    )


__all__ = [
    "ACCOUNT_NAMES",
    "CONTRACT_METHOD_NAMES",
    "FIELD_NAMES",
    "REVENUE_CHAPTER_NAMES",
    "REVENUE_SECTION_NAMES",
    "ContractMethodFigures",
    "ContractsSummary",
    "FiscalIndependence",
    "MonthExecution",
    "MonthlyExecution",
    "OrganisationFigures",
    "Programme",
    "RevenueChapter",
    "RevenueRow",
    "RevenueSummary",
    "SpendingRow",
    "SpendingScale",
    "comparison",
    "contracts_summary",
    "fiscal_independence",
    "monthly_execution",
    "revenue_summary",
    "spending_scale",
    "top_programmes",
]
