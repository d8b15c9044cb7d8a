"""Public statements over HTTP: the numbers of a recorded year, JSON and CSV alike, and refusals.

One realistic year is recorded with :class:`Books` (an opening journal entry, a budget line with
its allocation, a requisition, an obligation, a voucher, a payment order and a payment with tax
withheld, and a local tax collected); each statement is read with ``min_position`` and checked
against the amounts posted.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from cleanledger.wiring import Service
from commands.messages.journal import JournalLineInput, RecordJournalEntry
from commands.messages.payments import ApproveVoucher, DraftVoucher, IssuePaymentOrder, Pay
from commands.messages.revenue import AssessRevenue, BillRevenue, CollectRevenue, OpenRevenueLine
from commands.messages.spending import ApproveRequisition, DraftRequisition
from domain.journal import JournalKind
from domain.organisation import OrganisationKind
from domain.voucher import Voucher
from readmodels.ledger import postings
from readmodels.report_exports import csv_bytes
from tests.api.conftest import SEOUL, YEAR
from tests.app.books import Books

R = f"/api/v1/public/orgs/{SEOUL}/reports"
CASH, PAYABLE, WITHHOLDINGS, NET_ASSETS, ADMINISTRATIVE, LOCAL_TAX = (
    "1110",
    "2110",
    "2120",
    "3110",
    "5210",
    "4110",
)
OPENING, BUDGET, PAID, WITHHELD, TAX = 50_000_000, 10_000_000, 3_000_000, 90_000, 2_000_000


def record_year(books: Books) -> int:
    """The year's events; returns the log position of the last one."""
    books.ready()
    books.run(
        RecordJournalEntry,
        on=date(YEAR, 1, 2),
        kind=JournalKind.OPENING,
        memo="개시 잔액",
        lines=(
            JournalLineInput(account=CASH, debit=OPENING),
            JournalLineInput(account=NET_ASSETS, credit=OPENING),
        ),
    )
    line = books.line(amount=BUDGET, allocate={1: BUDGET})
    february = date(YEAR, 2, 10)
    requisition = books.run(
        DraftRequisition, on=february, line_id=line, title="복지관 물품", amount=PAID
    ).aggregate_id
    books.run(ApproveRequisition, on=february, requisition_id=requisition)
    obligation = books.obligate(line, PAID, on=february, requisition_id=requisition)
    voucher = books.run(
        DraftVoucher, on=february, obligation_id=obligation, amount=PAID, description="물품 대금"
    ).aggregate_id
    books.run(ApproveVoucher, on=february, voucher_id=voucher)
    order_command = uuid.uuid4()
    books.run(IssuePaymentOrder, on=february, voucher_id=voucher, amount=PAID, command_id=order_command)
    books.run(
        Pay,
        on=february,
        voucher_id=voucher,
        order_id=Voucher.order_id_for(order_command),
        amount=PAID,
        withheld=WITHHELD,
    )
    march = date(YEAR, 3, 5)
    revenue_line = books.run(
        OpenRevenueLine, on=march, revenue_code="100-110-111-01", title="취득세", estimate=10**9
    ).aggregate_id
    assessment = books.run(
        AssessRevenue,
        on=march,
        line_id=revenue_line,
        payer="(주)한빛",
        payer_kind="business",
        amount=TAX,
        due_date=date(YEAR, 3, 31),
    ).aggregate_id
    books.run(BillRevenue, on=march, assessment_id=assessment, amount=TAX)
    return books.run(CollectRevenue, on=march, assessment_id=assessment, amount=TAX).position


@pytest.fixture
def position(service: Service) -> int:
    return record_year(Books(service.ledger))


def get(client: TestClient, path: str, **params: Any) -> Any:
    answer = client.get(f"{R}/{path}", params=params)
    assert answer.status_code == 200, answer.text
    return answer


def csv_rows(answer: Any) -> list[dict[str, str]]:
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    assert "attachment" in answer.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


def as_text(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{key: str(value) for key, value in row.items()} for row in rows]


def test_trial_balance_debits_equal_credits_and_what_was_posted(
    client: TestClient, service: Service, position: int
) -> None:
    tb = get(client, "trial-balance", as_of=f"{YEAR}-12-31", min_position=position).json()
    closing = {line["account"]: line["closing"] for line in tb["lines"]}
    assert closing[CASH] == OPENING - (PAID - WITHHELD) + TAX
    assert closing[NET_ASSETS] == OPENING
    assert closing[ADMINISTRATIVE] == PAID
    assert closing[WITHHOLDINGS] == WITHHELD
    assert closing[PAYABLE] == 0
    assert closing[LOCAL_TAX] == TAX
    assert tb["total_debit"] == tb["total_credit"] == sum(line["debit"] for line in tb["lines"])
    assert tb["closing_debit_balances"] == tb["closing_credit_balances"]
    with service.services.read_engine.connect() as conn:
        posted = conn.execute(
            select(func.sum(postings.c.debit), func.sum(postings.c.credit)).where(postings.c.org == SEOUL)
        ).one()
    assert (tb["total_debit"], tb["total_credit"]) == (posted[0], posted[1])
    assert {line["name_ko"] for line in tb["lines"] if line["account"] == CASH} == {"현금및현금성자산"}


def test_a_trial_balance_counts_only_accounting_dates_up_to_as_of(client: TestClient, position: int) -> None:
    january = get(client, "trial-balance", as_of=f"{YEAR}-01-31", min_position=position).json()
    assert {line["account"]: line["closing"] for line in january["lines"]} == {
        CASH: OPENING,
        NET_ASSETS: OPENING,
    }
    february = get(
        client, "trial-balance", as_of=f"{YEAR}-02-28", period_start=f"{YEAR}-02-01", min_position=position
    ).json()
    assert february["period_start"] == f"{YEAR}-02-01"
    cash = next(line for line in february["lines"] if line["account"] == CASH)
    assert (cash["opening"], cash["debit"], cash["credit"], cash["closing"]) == (
        OPENING,
        0,
        PAID - WITHHELD,
        OPENING - (PAID - WITHHELD),
    )


def test_income_statement_and_balance_sheet(client: TestClient, position: int) -> None:
    income = get(
        client, "income-statement", start=f"{YEAR}-01-01", end=f"{YEAR}-12-31", min_position=position
    ).json()
    assert [(x["account"], x["amount"]) for x in income["revenue"]] == [(LOCAL_TAX, TAX)]
    assert [(x["account"], x["amount"]) for x in income["expenses"]] == [(ADMINISTRATIVE, PAID)]
    assert (income["total_revenue"], income["total_expenses"], income["surplus"]) == (TAX, PAID, TAX - PAID)
    february = get(
        client, "income-statement", start=f"{YEAR}-02-01", end=f"{YEAR}-02-28", min_position=position
    ).json()
    assert (february["total_revenue"], february["total_expenses"]) == (0, PAID)

    sheet = get(client, "balance-sheet", as_of=f"{YEAR}-12-31", min_position=position).json()
    assert sheet["total_assets"] == sheet["total_liabilities"] + sheet["total_net_assets"]
    assert sheet["total_assets"] == OPENING - (PAID - WITHHELD) + TAX
    assert sheet["total_liabilities"] == WITHHELD
    assert sheet["accumulated_surplus"] == TAX - PAID
    assert sheet["total_net_assets"] == OPENING + TAX - PAID


def test_budget_vs_actual(client: TestClient, position: int) -> None:
    plan = get(client, "budget-vs-actual", fiscal_year=YEAR, min_position=position).json()
    assert len(plan["lines"]) == 1
    line = plan["lines"][0]
    assert line["title"] == "어르신 복지관 운영"
    assert (
        line["current_budget"],
        line["allocated"],
        line["obligated"],
        line["paid"],
        line["remaining"],
    ) == (
        BUDGET,
        BUDGET,
        PAID,
        PAID,
        BUDGET - PAID,
    )
    assert line["execution_rate"] == "30.00"
    assert (plan["total_current_budget"], plan["total_obligated"], plan["total_paid"]) == (BUDGET, PAID, PAID)
    other_year = get(client, "budget-vs-actual", fiscal_year=YEAR + 1, min_position=position).json()
    assert other_year["lines"] == [] and other_year["total_paid"] == 0


def test_csv_has_the_rows_of_the_json(client: TestClient, position: int) -> None:
    def both(path: str, **params: Any) -> tuple[Any, list[dict[str, str]]]:
        as_json = get(client, path, min_position=position, **params).json()
        return as_json, csv_rows(get(client, f"{path}.csv", **params))

    tb, tb_csv = both("trial-balance", as_of=f"{YEAR}-12-31")
    assert tb_csv == as_text(tb["lines"])
    assert any(row["name_ko"] == "현금및현금성자산" for row in tb_csv), "Korean names as stored"

    income, income_csv = both("income-statement", start=f"{YEAR}-01-01", end=f"{YEAR}-12-31")
    expected = [{"section": s, **x} for s in ("revenue", "expenses") for x in income[s]]
    assert income_csv == as_text(expected)

    sheet, sheet_csv = both("balance-sheet", as_of=f"{YEAR}-12-31")
    sections = ("assets", "liabilities", "net_assets")
    expected = [{"section": s, **x} for s in sections for x in sheet[s]]
    assert sheet_csv[:-1] == as_text(expected)
    surplus = sheet_csv[-1]
    assert (surplus["section"], surplus["account"], int(surplus["amount"])) == (
        "net_assets",
        "",
        sheet["accumulated_surplus"],
    )
    # The file balances on its own: assets = liabilities + net assets (with the surplus row).
    by_section = {s: sum(int(r["amount"]) for r in sheet_csv if r["section"] == s) for s in sections}
    assert by_section["assets"] == by_section["liabilities"] + by_section["net_assets"]

    plan, plan_csv = both("budget-vs-actual", fiscal_year=YEAR)
    assert plan_csv == as_text(plan["lines"])


def test_statements_need_no_key_and_an_empty_organisation_has_empty_statements(
    client: TestClient, service: Service
) -> None:
    Books(service.ledger, org="3000000").organisation("종로구", OrganisationKind.DISTRICT)
    tb = client.get("/api/v1/public/orgs/3000000/reports/trial-balance", params={"as_of": f"{YEAR}-12-31"})
    assert tb.status_code == 200
    assert tb.json()["lines"] == [] and tb.json()["total_debit"] == 0
    empty_csv = csv_rows(
        client.get("/api/v1/public/orgs/3000000/reports/balance-sheet.csv", params={"as_of": f"{YEAR}-12-31"})
    )
    assert [row["name_en"] for row in empty_csv] == ["Accumulated surplus (not yet closed)"]


UNKNOWN_ORG_REPORTS: list[tuple[str, dict[str, Any]]] = [
    ("trial-balance", {"as_of": f"{YEAR}-12-31"}),
    ("trial-balance.csv", {"as_of": f"{YEAR}-12-31"}),
    ("income-statement", {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"}),
    ("income-statement.csv", {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"}),
    ("balance-sheet", {"as_of": f"{YEAR}-12-31"}),
    ("balance-sheet.csv", {"as_of": f"{YEAR}-12-31"}),
    ("budget-vs-actual", {"fiscal_year": YEAR}),
    ("budget-vs-actual.csv", {"fiscal_year": YEAR}),
    ("budget-vs-actual/diff", {"fiscal_year": YEAR, "from_known_at": "1", "to_known_at": "1"}),
]


def test_a_statement_of_an_organisation_the_ledger_does_not_know_is_404(client: TestClient) -> None:
    for path, params in UNKNOWN_ORG_REPORTS:
        answer = client.get(f"/api/v1/public/orgs/9999999/reports/{path}", params=params)
        assert answer.status_code == 404, (path, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["type"] == "not-found", path


def test_the_old_format_csv_says_where_the_download_moved(client: TestClient) -> None:
    answer = client.get(f"{R}/balance-sheet", params={"as_of": f"{YEAR}-12-31", "format": "csv"})
    assert answer.status_code == 400
    assert answer.json()["type"] == "download-moved"
    assert answer.json()["numbers"]["location"] == f"{R}/balance-sheet.csv"


BAD_INPUT: list[tuple[str, dict[str, Any], str]] = [
    ("income-statement", {"start": f"{YEAR}-03-01", "end": f"{YEAR}-02-01"}, "invalid-period"),
    ("trial-balance", {"as_of": f"{YEAR}-01-31", "period_start": f"{YEAR}-02-01"}, "invalid-period"),
    ("trial-balance", {"as_of": "0001-01-01"}, "invalid-period"),
    ("balance-sheet", {"as_of": "9999-12-31"}, "invalid-period"),
    ("balance-sheet", {"as_of": "31/12/2026"}, "invalid-request"),
    ("balance-sheet", {}, "invalid-request"),
    ("budget-vs-actual", {"fiscal_year": "next"}, "invalid-request"),
    ("budget-vs-actual", {"fiscal_year": YEAR, "min_position": -1}, "invalid-request"),
]


def test_bad_input_is_a_422_problem(client: TestClient) -> None:
    for path, params, code in BAD_INPUT:
        answer = client.get(f"{R}/{path}", params=params)
        assert answer.status_code == 422, (path, params, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["type"] == code, (path, params)


def test_an_organisation_code_is_seven_digits(client: TestClient) -> None:
    answer = client.get("/api/v1/public/orgs/61100/reports/trial-balance", params={"as_of": f"{YEAR}-12-31"})
    assert answer.status_code == 422
    assert answer.json()["type"] == "invalid-request"


def test_csv_text_that_looks_like_a_formula_stays_text() -> None:
    body = csv_bytes(("title", "amount"), [("=HYPERLINK(1)", -5), ("복지", 7)]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body))) == [
        ["title", "amount"],
        ["'=HYPERLINK(1)", "-5"],
        ["복지", "7"],
    ]
