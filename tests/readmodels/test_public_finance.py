"""The public portal's dashboard figures (readmodels.public_finance, issue 17) on both backends.

Small ledgers are driven through the commands and projected; each test asserts the numbers a
citizen would read on the page, worked out by hand. The demo data set (cleanledger.synthetic,
small) then checks the identities a page relies on: breakdowns add up to their totals, the last
month's cumulative figures are the year's, the largest programmes cover every line.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import Connection, Engine, func, select

from cleanledger import synthetic
from commands.ledger import Ledger, open_ledger
from commands.messages.budget import AmendBudget
from commands.messages.contracts import AmendContract, SignContract
from commands.messages.payments import ApproveVoucher, DraftVoucher, IssuePaymentOrder, Pay
from commands.messages.revenue import AssessRevenue, BillRevenue, CollectRevenue, OpenRevenueLine
from commands.persistence import StoreConfig
from domain.contract import ContractMethod, PrivateContractReason
from domain.organisation import OrganisationKind
from domain.reference.budget_catalogue import ACCOUNTS, FIELDS, REVENUE_CODES
from domain.revenue import PayerKind
from domain.voucher import Voucher
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from readmodels import disclosure
from readmodels import public_finance as pf
from readmodels.database import read_engine
from readmodels.erp import line_balances
from tests.app.books import SEOUL, Books
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

Y = 2026
DISTRICT = "3030000"  # 성동구
WELFARE = "100-080-081-1001-2001-3001-201-01"
WELFARE_MATERIALS = "100-080-081-1001-2001-3001-206-01"
LIBRARY = "100-060-061-1002-2002-3002-401-01"
PARKING = "201-120-121-1003-2003-3003-401-01"  # 주차장특별회계, 교통및물류
ROADS = "100-120-121-1004-2004-3004-201-01"


class Clerk(Books):
    """Books with spending carried through to payment, and contracts."""

    def paid(self, obligation_id: UUID, amount: int, on: date) -> None:
        """A voucher approved, ordered and paid in full, all on ``on``."""
        voucher_id = self.run(
            DraftVoucher, obligation_id=obligation_id, amount=amount, description="대금 지급", on=on
        ).aggregate_id
        self.run(ApproveVoucher, voucher_id=voucher_id, on=on, actor="director-lee")
        order = uuid.uuid4()
        self.run(IssuePaymentOrder, voucher_id=voucher_id, amount=amount, on=on, command_id=order)
        order_id = Voucher.order_id_for(order)
        self.run(Pay, voucher_id=voucher_id, order_id=order_id, amount=amount, on=on)

    def contract(self, line_id: UUID, vendor_id: UUID, amount: int, method: ContractMethod) -> UUID:
        obligation = self.obligate(line_id, amount, vendor_id=vendor_id, on=date(Y, 3, 3))
        reason = PrivateContractReason.SMALL_AMOUNT if method is ContractMethod.PRIVATE else None
        return self.run(
            SignContract,
            obligation_id=obligation,
            vendor_id=vendor_id,
            amount=amount,
            method=method,
            private_reason=reason,
            title="시설 공사",
            department="시설과",
            starts=date(Y, 3, 4),
            ends=date(Y, 12, 31),
            on=date(Y, 3, 4),
        ).aggregate_id

    def revenue_line(self, code: str, estimate: int) -> UUID:
        title = REVENUE_CODES[code].rsplit("/", 1)[-1]
        result = self.run(
            OpenRevenueLine, revenue_code=code, title=title, estimate=estimate, on=date(Y, 1, 2)
        )
        return result.aggregate_id


@pytest.fixture
def books(ledger: Ledger) -> Clerk:
    clerk = Clerk(ledger)
    clerk.ready()
    return clerk


def read(projector: ProjectionEngine, read_db: Engine) -> Connection:
    projector.catch_up()
    return read_db.connect()


# --- names: copies of the domain's catalogue ------------------------------------------------------


def test_the_names_are_the_catalogues() -> None:
    assert dict(pf.ACCOUNT_NAMES) == dict(ACCOUNTS)
    assert dict(pf.FIELD_NAMES) == dict(FIELDS)
    chapters = {code[:3]: name.split("/")[0] for code, name in REVENUE_CODES.items()}
    sections = {code[:7]: name.split("/")[1] for code, name in REVENUE_CODES.items()}
    assert dict(pf.REVENUE_CHAPTER_NAMES) == chapters
    assert dict(pf.REVENUE_SECTION_NAMES) == sections
    assert set(pf.CONTRACT_METHOD_NAMES) == {method.value for method in ContractMethod}
    # the parts of 재정자주도 are codes of the catalogue
    assert pf.ADJUSTMENT_GRANTS in sections and pf.SHARED_TAX + "-310" in sections


# --- spending --------------------------------------------------------------------------------------


def test_a_line_paid_in_march_shows_its_rate_from_march_on(
    books: Clerk, projector: ProjectionEngine, read_db: Engine
) -> None:
    line = books.line(1_000_000, {1: 1_000_000}, WELFARE)  # appropriated 15 January
    obligation = books.obligate(line, 400_000, on=date(Y, 2, 2))
    books.paid(obligation, 300_000, date(Y, 3, 16))
    books.run(AmendBudget, line_id=line, change=1_000_000, reference="제1회 추경", on=date(Y, 6, 10))

    with read(projector, read_db) as conn:
        months = pf.monthly_execution(conn, SEOUL, Y, today=date(Y, 5, 20)).months
        scale = pf.spending_scale(conn, SEOUL, Y)
        in_february = pf.spending_scale(conn, SEOUL, Y, as_of=date(Y, 2, 28))

    assert [m.month for m in months] == list(range(1, 13))
    assert (months[0].paid, months[0].paid_to_date, months[0].current_budget) == (0, 0, 1_000_000)
    assert months[1].execution_rate == Decimal("0.00")
    march = months[2]
    assert (march.paid, march.paid_to_date, march.current_budget) == (300_000, 300_000, 1_000_000)
    assert march.execution_rate == Decimal("30.00")
    assert (months[3].paid, months[3].execution_rate) == (0, Decimal("30.00"))  # April keeps March's
    # the supplementary budget of June doubles the budget: the cumulative rate halves from June
    assert (months[5].current_budget, months[5].execution_rate) == (2_000_000, Decimal("15.00"))
    # months that begin after today are marked, with the cumulative figures kept
    assert [m.future for m in months] == [False] * 5 + [True] * 7
    assert (months[11].paid_to_date, months[11].execution_rate) == (300_000, Decimal("15.00"))

    total = scale.total
    assert (total.current_budget, total.allocated, total.obligated, total.paid) == (
        2_000_000,
        1_000_000,
        400_000,
        300_000,
    )
    assert total.remaining == 2_000_000 - 400_000  # 잔액 = 예산현액 − 원인행위액
    assert total.execution_rate == Decimal("15.00")
    assert (in_february.as_of, in_february.total.current_budget) == (date(Y, 2, 28), 1_000_000)
    assert (in_february.total.obligated, in_february.total.paid) == (400_000, 0)
    assert in_february.total.remaining == 600_000


def test_without_today_no_month_is_future_and_an_empty_year_is_all_zero(
    books: Clerk, projector: ProjectionEngine, read_db: Engine
) -> None:
    books.line(500_000, code=WELFARE)
    with read(projector, read_db) as conn:
        months = pf.monthly_execution(conn, SEOUL, Y).months
        empty = pf.monthly_execution(conn, DISTRICT, Y, today=date(Y, 1, 1))
        nothing = pf.spending_scale(conn, DISTRICT, Y)
    assert not any(m.future for m in months)
    assert {m.current_budget for m in months} == {500_000}
    assert [m.future for m in empty.months] == [False] + [True] * 11
    assert {(m.paid_to_date, m.current_budget) for m in empty.months} == {(0, 0)}
    assert nothing.by_account == nothing.by_field == ()
    assert (nothing.total.lines, nothing.total.current_budget, nothing.total.remaining) == (0, 0, 0)


def test_spending_by_account_and_by_field_adds_up_to_the_total(
    books: Clerk, projector: ProjectionEngine, read_db: Engine
) -> None:
    welfare = books.line(3_000_000, {1: 2_000_000}, WELFARE)
    materials = books.line(1_000_000, {1: 1_000_000}, WELFARE_MATERIALS)
    library = books.line(5_000_000, {1: 1_000_000}, LIBRARY, title="구립도서관 건립")
    parking = books.line(4_000_000, {1: 3_000_000}, PARKING, title="공영주차장 조성")
    books.line(2_000_000, {1: 500_000}, ROADS, title="보도 정비")
    books.paid(books.obligate(welfare, 1_200_000, on=date(Y, 2, 1)), 1_000_000, date(Y, 2, 20))
    books.obligate(materials, 700_000, on=date(Y, 2, 1))
    books.paid(books.obligate(parking, 2_500_000, on=date(Y, 2, 1)), 2_500_000, date(Y, 4, 1))
    books.paid(books.obligate(library, 800_000, on=date(Y, 2, 1)), 400_000, date(Y, 4, 2))

    with read(projector, read_db) as conn:
        scale = pf.spending_scale(conn, SEOUL, Y)

    by_account = {row.code: row for row in scale.by_account}
    assert {code: row.name for code, row in by_account.items()} == {
        "100": "일반회계",
        "201": "주차장특별회계",
    }
    assert (by_account["100"].current_budget, by_account["100"].paid) == (11_000_000, 1_400_000)
    assert (by_account["201"].current_budget, by_account["201"].paid) == (4_000_000, 2_500_000)
    assert by_account["201"].execution_rate == Decimal("62.50")
    by_field = {row.code: row for row in scale.by_field}
    assert {code: row.name for code, row in by_field.items()} == {
        "060": "문화및관광",
        "080": "사회복지",
        "120": "교통및물류",
    }
    assert (by_field["080"].lines, by_field["080"].obligated, by_field["080"].remaining) == (
        2,
        1_900_000,
        2_100_000,
    )
    assert (by_field["120"].current_budget, by_field["120"].obligated) == (6_000_000, 2_500_000)
    total = scale.total
    assert (total.code, total.name, total.lines) == ("", "합계", 5)
    assert (total.current_budget, total.obligated, total.paid) == (15_000_000, 5_200_000, 3_900_000)
    assert total.execution_rate == Decimal("26.00")
    assert_adds_up(scale)


def assert_adds_up(scale: pf.SpendingScale) -> None:
    """Each breakdown sums to the total; every row's 잔액 is its budget less its obligations."""
    for rows in (scale.by_account, scale.by_field):
        for name in ("lines", "current_budget", "allocated", "obligated", "paid", "remaining"):
            assert sum(getattr(row, name) for row in rows) == getattr(scale.total, name), name
    for row in (scale.total, *scale.by_account, *scale.by_field):
        assert row.remaining == row.current_budget - row.obligated
        if row.current_budget:
            assert row.execution_rate == (Decimal(row.paid * 100) / row.current_budget).quantize(
                Decimal("0.01")
            )


def test_the_largest_programmes_sum_their_lines_and_link_to_the_largest(
    books: Clerk, projector: ProjectionEngine, read_db: Engine
) -> None:
    welfare = books.line(3_000_000, {1: 3_000_000}, WELFARE)
    materials = books.line(4_000_000, {1: 1_000_000}, WELFARE_MATERIALS)  # same 세부사업 3001
    library = books.line(5_000_000, {1: 1_000_000}, LIBRARY, title="구립도서관 건립")
    books.line(2_000_000, code=ROADS, title="보도 정비")
    books.paid(books.obligate(welfare, 1_000_000, on=date(Y, 2, 1)), 700_000, date(Y, 2, 20))
    books.obligate(library, 600_000, on=date(Y, 2, 1))

    with read(projector, read_db) as conn:
        top = pf.top_programmes(conn, SEOUL, Y, limit=2)
        everything = pf.top_programmes(conn, SEOUL, Y, limit=100)
        none = pf.top_programmes(conn, SEOUL, Y, limit=0)

    assert [p.code for p in top] == ["100-080-081-1001-2001-3001", "100-060-061-1002-2002-3002"]
    first, second = top
    assert first.line_ids == (str(materials), str(welfare)) and first.line_id == str(materials)
    assert (first.current_budget, first.obligated, first.paid) == (7_000_000, 1_000_000, 700_000)
    assert first.remaining == 6_000_000 and first.execution_rate == Decimal("10.00")
    assert (first.title, first.account, first.field, first.field_name) == (
        "어르신 복지관 운영",
        "100",
        "080",
        "사회복지",
    )
    assert (second.title, second.line_id, second.remaining) == ("구립도서관 건립", str(library), 4_400_000)
    assert second.execution_rate == Decimal("0.00")
    assert len(everything) == 3 and everything[:2] == top
    assert none == ()


# --- revenue -----------------------------------------------------------------------------------------

ESTIMATES = {
    "100-110-111-01": 7_000_000,  # 취득세
    "200-210-212-01": 2_000_000,  # 사용료수입
    "200-220-221-01": 1_000_000,  # 과징금및과태료
    "300-310-311-01": 2_000_000,  # 보통교부세
    "300-320-321-01": 1_000_000,  # 자치구조정교부금
    "400-410-411-01": 4_000_000,  # 국고보조금
    "500-510-511-01": 1_000_000,  # 지방채
}


def collect(books: Clerk, line_id: UUID, assessed: int, collected: int) -> None:
    assessment = books.run(
        AssessRevenue,
        line_id=line_id,
        payer="(주)한빛상사",
        payer_kind=PayerKind.BUSINESS,
        amount=assessed,
        due_date=date(Y, 4, 30),
        on=date(Y, 3, 2),
    ).aggregate_id
    books.run(BillRevenue, assessment_id=assessment, amount=assessed, on=date(Y, 3, 3))
    books.run(CollectRevenue, assessment_id=assessment, amount=collected, on=date(Y, 4, 1))


def test_revenue_by_chapter_and_the_independence_ratios(
    books: Clerk, projector: ProjectionEngine, read_db: Engine
) -> None:
    lines = {code: books.revenue_line(code, estimate) for code, estimate in ESTIMATES.items()}
    collect(books, lines["100-110-111-01"], 3_000_000, 2_000_000)
    collect(books, lines["200-210-212-01"], 1_500_000, 1_500_000)
    collect(books, lines["300-320-321-01"], 1_000_000, 250_000)

    with read(projector, read_db) as conn:
        summary = pf.revenue_summary(conn, SEOUL, Y)
        ratios = pf.fiscal_independence(conn, SEOUL, Y)
        nothing = pf.fiscal_independence(conn, DISTRICT, Y)
        no_revenue = pf.revenue_summary(conn, DISTRICT, Y)

    chapters = {c.code: c for c in summary.chapters}
    assert {code: c.name for code, c in chapters.items()} == {
        "100": "지방세수입",
        "200": "세외수입",
        "300": "지방교부세",
        "400": "보조금",
        "500": "지방채",
    }
    taxes = chapters["100"]
    assert (taxes.estimate, taxes.assessed, taxes.collected) == (7_000_000, 3_000_000, 2_000_000)
    assert taxes.collection_rate == Decimal("28.57")  # 2 000 000 / 7 000 000
    assert (chapters["200"].estimate, chapters["200"].collected) == (3_000_000, 1_500_000)
    assert chapters["200"].collection_rate == Decimal("50.00")
    shared = chapters["300"]
    assert [(s.code, s.name, s.estimate, s.collected) for s in shared.sections] == [
        ("300-310", "지방교부세", 2_000_000, 0),
        ("300-320", "조정교부금", 1_000_000, 250_000),
    ]
    assert (shared.estimate, shared.collected, shared.collection_rate) == (
        3_000_000,
        250_000,
        Decimal("8.33"),
    )
    total = summary.total
    assert (total.name, total.estimate, total.assessed, total.collected) == (
        "합계",
        18_000_000,
        5_500_000,
        3_750_000,
    )
    assert total.collection_rate == Decimal("20.83")
    assert_revenue_adds_up(summary)

    # 재정자립도 = (7 + 3) / 18 = 55.56 %; 재정자주도 = (7 + 3 + 2 + 1) / 18 = 72.22 %
    assert (ratios.local_taxes, ratios.non_tax, ratios.shared_tax, ratios.adjustment_grants) == (
        7_000_000,
        3_000_000,
        2_000_000,
        1_000_000,
    )
    assert ratios.revenue_budget == 18_000_000  # every estimate, subsidies and bonds included
    assert (ratios.self_reliance, ratios.autonomy) == (Decimal("55.56"), Decimal("72.22"))

    assert (nothing.revenue_budget, nothing.self_reliance, nothing.autonomy) == (0, None, None)
    assert no_revenue.chapters == () and no_revenue.total.estimate == 0


def assert_revenue_adds_up(summary: pf.RevenueSummary) -> None:
    for name in ("estimate", "assessed", "collected"):
        for chapter in summary.chapters:
            assert sum(getattr(s, name) for s in chapter.sections) == getattr(chapter, name), name
        assert sum(getattr(c, name) for c in summary.chapters) == getattr(summary.total, name), name


# --- organisations side by side, contracts ---------------------------------------------------------


def test_comparison_gives_one_row_per_organisation_in_the_order_asked(
    books: Clerk, ledger: Ledger, projector: ProjectionEngine, read_db: Engine
) -> None:
    district = Clerk(ledger, org=DISTRICT)
    district.organisation("성동구", OrganisationKind.DISTRICT)
    district.open_year()
    city_line = books.line(8_000_000, {1: 8_000_000}, WELFARE)
    books.paid(books.obligate(city_line, 2_000_000, on=date(Y, 2, 1)), 2_000_000, date(Y, 2, 10))
    district_line = district.line(4_000_000, {1: 4_000_000}, WELFARE, title="구립 경로당 운영")
    district.paid(district.obligate(district_line, 1_000_000, on=date(Y, 2, 1)), 1_000_000, date(Y, 3, 10))
    district.revenue_line("100-110-111-02", 3_000_000)  # 재산세
    district.revenue_line("200-210-212-01", 1_000_000)
    district.revenue_line("300-320-321-01", 2_000_000)
    district.revenue_line("400-410-411-01", 4_000_000)

    with read(projector, read_db) as conn:
        rows = pf.comparison(conn, Y, [DISTRICT, "3999999", SEOUL])
        in_february = pf.comparison(conn, Y, [DISTRICT, SEOUL], as_of=date(Y, 2, 28))
        assert rows[0] == pf.comparison(conn, Y, [DISTRICT])[0]
        assert pf.comparison(conn, Y, []) == ()
        district_ratios = pf.fiscal_independence(conn, DISTRICT, Y)

    assert [row.org for row in rows] == [DISTRICT, "3999999", SEOUL]
    seongdong, unknown, seoul = rows
    assert (seongdong.current_budget, seongdong.paid, seongdong.execution_rate) == (
        4_000_000,
        1_000_000,
        Decimal("25.00"),
    )
    # 재정자립도 (3 + 1) / 10 = 40 %; 재정자주도 (3 + 1 + 2) / 10 = 60 %
    assert (seongdong.revenue_budget, seongdong.self_reliance, seongdong.autonomy) == (
        10_000_000,
        Decimal("40.00"),
        Decimal("60.00"),
    )
    assert (seongdong.self_reliance, seongdong.autonomy) == (
        district_ratios.self_reliance,
        district_ratios.autonomy,
    )
    assert (unknown.current_budget, unknown.paid, unknown.self_reliance, unknown.autonomy) == (
        0,
        0,
        None,
        None,
    )
    assert (seoul.current_budget, seoul.paid, seoul.execution_rate) == (
        8_000_000,
        2_000_000,
        Decimal("25.00"),
    )
    assert (seoul.revenue_budget, seoul.self_reliance) == (0, None)  # the city opened no revenue line here
    assert [(row.org, row.paid) for row in in_february] == [(DISTRICT, 0), (SEOUL, 2_000_000)]


def test_contracts_by_method_and_the_private_share(
    books: Clerk, projector: ProjectionEngine, read_db: Engine
) -> None:
    line = books.line(20_000_000, {1: 20_000_000}, LIBRARY, title="구립도서관 건립")
    vendor = books.vendor()
    books.contract(line, vendor, 6_000_000, ContractMethod.OPEN)
    books.contract(line, vendor, 2_000_000, ContractMethod.RESTRICTED)
    books.contract(line, vendor, 1_000_000, ContractMethod.PRIVATE)
    amended = books.contract(line, vendor, 800_000, ContractMethod.PRIVATE)
    books.run(AmendContract, contract_id=amended, new_amount=500_000, reason="물량 감소", on=date(Y, 5, 2))

    with read(projector, read_db) as conn:
        summary = pf.contracts_summary(conn, SEOUL, Y)
        none = pf.contracts_summary(conn, DISTRICT, Y)

    assert [(m.method, m.name, m.count, m.amount) for m in summary.by_method] == [
        ("open", "일반경쟁", 1, 6_000_000),
        ("restricted", "제한경쟁", 1, 2_000_000),
        ("private", "수의계약", 2, 1_500_000),  # the amended contract at its current amount
    ]
    assert (summary.count, summary.amount) == (4, 9_500_000)
    assert summary.private_share == Decimal("15.79")  # 1 500 000 / 9 500 000
    assert [m.amount_share for m in summary.by_method] == [
        Decimal("63.16"),
        Decimal("21.05"),
        Decimal("15.79"),
    ]
    assert (none.count, none.amount, none.private_share) == (0, 0, None)
    assert [(m.count, m.amount_share) for m in none.by_method] == [(0, None)] * 3


# --- the demo data set: identities over a realistic ledger ------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The small demo loaded and projected once per backend, for every test of this module."""
    schema: PostgresSchema | None = None
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("demo") / "ledger.db"
        config = StoreConfig(database_url=f"sqlite:///{path}", cache_size=1000)
        engine = read_engine(config.database_url, writer=True)
    else:
        require_postgres()
        schema = PostgresSchema()
        config = StoreConfig(database_url=POSTGRES_URL, schema=schema.name, cache_size=1000)
        engine = read_engine(POSTGRES_URL, schema=f"{schema.name}_read", writer=True)
    ledger = open_ledger(config)
    try:
        synthetic.generate(ledger, "small")
        ProjectionEngine(ledger.recorder, engine, all_projections(), batch_size=500).catch_up()
        yield engine
    finally:
        ledger.close()
        engine.dispose()
        if schema is not None:
            PostgresSchema.drop_named(f"{schema.name}_read")
            schema.drop()


DEMO_ORGS = [org.code for org in synthetic.organisations(synthetic.SCALES["small"])]
DEMO_DISTRICTS = [
    org.code
    for org in synthetic.organisations(synthetic.SCALES["small"])
    if org.kind is OrganisationKind.DISTRICT
]


def count_rows(conn: Connection, table: Any, org: str) -> int:
    query = select(func.count()).select_from(table).where(table.c.org == org, table.c.fiscal_year == Y)
    return int(conn.execute(query).scalar_one())


def test_the_demos_figures_add_up_for_every_organisation(demo: Engine) -> None:
    with demo.connect() as conn:
        compared = {row.org: row for row in pf.comparison(conn, Y, DEMO_ORGS)}
        for org in DEMO_ORGS:
            scale = pf.spending_scale(conn, org, Y)
            assert scale.total.lines == count_rows(conn, line_balances, org) > 0
            assert scale.total.paid > 0
            assert_adds_up(scale)

            months = pf.monthly_execution(conn, org, Y).months
            assert sum(m.paid for m in months) == months[-1].paid_to_date == scale.total.paid
            assert months[-1].current_budget == scale.total.current_budget
            assert months[-1].execution_rate == scale.total.execution_rate

            everything = pf.top_programmes(conn, org, Y, limit=10_000)
            assert sum(p.current_budget for p in everything) == scale.total.current_budget
            assert sum(p.paid for p in everything) == scale.total.paid
            assert sum(len(p.line_ids) for p in everything) == scale.total.lines
            budgets = [p.current_budget for p in everything]
            assert budgets == sorted(budgets, reverse=True)
            assert pf.top_programmes(conn, org, Y, limit=5) == everything[:5]

            summary = pf.revenue_summary(conn, org, Y)
            assert summary.total.estimate > 0
            assert_revenue_adds_up(summary)
            ratios = pf.fiscal_independence(conn, org, Y)
            assert ratios.revenue_budget == summary.total.estimate
            own = ratios.local_taxes + ratios.non_tax
            assert ratios.self_reliance == (Decimal(own * 100) / ratios.revenue_budget).quantize(
                Decimal("0.01")
            )
            assert ratios.autonomy is not None and ratios.self_reliance <= ratios.autonomy

            row = compared[org]
            assert (row.current_budget, row.paid, row.execution_rate) == (
                scale.total.current_budget,
                scale.total.paid,
                scale.total.execution_rate,
            )
            assert (row.revenue_budget, row.self_reliance, row.autonomy) == (
                ratios.revenue_budget,
                ratios.self_reliance,
                ratios.autonomy,
            )

            contracts = pf.contracts_summary(conn, org, Y)
            assert contracts.count == count_rows(conn, disclosure.contracts, org)
            assert sum(m.count for m in contracts.by_method) == contracts.count
            assert sum(m.amount for m in contracts.by_method) == contracts.amount


def test_the_demos_districts_show_an_autonomy_above_their_self_reliance(demo: Engine) -> None:
    """Districts receive 자치구 조정교부금 from the city: 재정자주도 counts it, 재정자립도 does not."""
    assert DEMO_DISTRICTS
    with demo.connect() as conn:
        for org in DEMO_DISTRICTS:
            ratios = pf.fiscal_independence(conn, org, Y)
            assert ratios.adjustment_grants > 0 and ratios.shared_tax == 0
            assert ratios.self_reliance is not None and ratios.autonomy is not None
            assert Decimal(15) < ratios.self_reliance < ratios.autonomy < Decimal(70)
