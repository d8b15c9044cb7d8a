"""A new user's walk through the whole spending lifecycle over HTTP, then every public table and
report read back with ``min_position`` and checked number by number.

Users hold the roles an office gives them: an admin registers the organisation and opens the
year; the budget officer appropriates and allocates; a clerk drafts the requisition, registers
vendors, drafts the voucher and records the inspection; the approver approves, obligates and
signs; the accountant orders, pays and takes back a return.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from domain.reference.chart_of_accounts import CONSTRUCTION_IN_PROGRESS
from tests.api.conftest import SEOUL, YEAR, KeyMaker

CODE = "100-080-085-1080-2085-3005-401-01"
Y = f"/api/v1/orgs/{SEOUL}/years/{YEAR}"


class Office:
    """Who does what, over HTTP; every call must be accepted (201)."""

    def __init__(self, client: TestClient, key_for: KeyMaker) -> None:
        self.client = client
        self.keys = {
            "admin": key_for("admin", "admin@*"),
            "budget": key_for("park.budget", f"budget_officer@{SEOUL}"),
            "clerk": key_for("kim.clerk", f"clerk@{SEOUL}"),
            "approver": key_for("lee.approver", f"approver@{SEOUL}"),
            "accountant": key_for("choi.accountant", f"accountant@{SEOUL}"),
            "auditor": key_for("jung.auditor", f"auditor@{SEOUL}"),
        }
        self.position = 0

    def do(self, who: str, path: str, on: str, **body: Any) -> dict[str, Any]:
        answer = self.client.post(path, json={"accounting_date": on, **body}, headers=self.keys[who])
        assert answer.status_code == 201, (path, answer.text)
        accepted: dict[str, Any] = answer.json()
        assert accepted["position"] > self.position  # the log only grows
        self.position = accepted["position"]
        return accepted


def public(client: TestClient, path: str, position: int, **params: Any) -> Any:
    answer = client.get(f"/api/v1/public/{path}", params={"min_position": position, **params})
    assert answer.status_code == 200, (path, answer.text)
    return answer.json()


def test_the_whole_lifecycle_through_http(client: TestClient, key_for: KeyMaker) -> None:
    office = Office(client, key_for)
    office.do("admin", f"/api/v1/orgs/{SEOUL}", f"{YEAR}-01-01", name="서울특별시", kind="city")
    office.do("admin", Y, f"{YEAR}-01-01")

    line = office.do(
        "budget",
        f"{Y}/budget-lines",
        f"{YEAR}-01-02",
        budget_code=CODE,
        title="어르신 복지관 운영",
        amount=500_000_000,
    )["aggregate_id"]
    office.do(
        "budget", f"{Y}/budget-lines/{line}/allocations", f"{YEAR}-01-02", quarter=1, amount=200_000_000
    )

    vendor = office.do(
        "clerk",
        f"{Y}/vendors",
        f"{YEAR}-01-05",
        kind="business",
        registration_number="214-81-00017",
        name="(주)한강건설",
        address="서울특별시 성동구 왕십리로 1",
    )["aggregate_id"]
    requisition = office.do(
        "clerk",
        f"{Y}/requisitions",
        f"{YEAR}-02-01",
        line_id=line,
        title="복지관 승강기 교체",
        amount=90_000_000,
    )["aggregate_id"]
    office.do("approver", f"{Y}/requisitions/{requisition}/approval", f"{YEAR}-02-02")
    obligation = office.do(
        "approver",
        f"{Y}/obligations",
        f"{YEAR}-02-03",
        line_id=line,
        amount=88_000_000,
        description="복지관 승강기 교체 공사",
        requisition_id=requisition,
        vendor_id=vendor,
    )["aggregate_id"]
    contract = office.do(
        "approver",
        f"{Y}/contracts",
        f"{YEAR}-02-04",
        obligation_id=obligation,
        vendor_id=vendor,
        amount=88_000_000,
        method="open",
        private_reason=None,
        private_reason_detail="",
        title="복지관 승강기 교체 공사",
        department="복지정책과",
        starts=f"{YEAR}-02-10",
        ends=f"{YEAR}-05-31",
    )["aggregate_id"]
    office.do(
        "clerk",
        f"{Y}/contracts/{contract}/inspections",
        f"{YEAR}-05-31",
        inspected_amount=88_000_000,
        passed=True,
        note="준공 검사 합격",
    )
    voucher = office.do(
        "clerk",
        f"{Y}/vouchers",
        f"{YEAR}-06-02",
        obligation_id=obligation,
        contract_id=contract,
        amount=88_000_000,
        description="승강기 교체 공사 준공금",
        payee_id=vendor,
    )["aggregate_id"]
    office.do("approver", f"{Y}/vouchers/{voucher}/approval", f"{YEAR}-06-03")
    order = office.do(
        "accountant", f"{Y}/vouchers/{voucher}/payment-orders", f"{YEAR}-06-04", amount=88_000_000
    )
    assert order["created_id"]
    payment = office.do(
        "accountant",
        f"{Y}/vouchers/{voucher}/payments",
        f"{YEAR}-06-05",
        order_id=order["created_id"],
        amount=88_000_000,
        withheld=0,
    )
    office.do(
        "accountant",
        f"{Y}/vouchers/{voucher}/returns",
        f"{YEAR}-06-20",
        payment_id=payment["created_id"],
        amount=3_000_000,
        reason="과지급 반납",
    )
    at = office.position
    paid = 88_000_000 - 3_000_000
    obligated = 88_000_000  # a return (반납) lowers 지출액 only; the obligation keeps its amount

    # --- what the public sees, read with the position of the last command ---------------------
    programs = public(client, "programs", at, org=SEOUL, year=YEAR)["items"]
    assert len(programs) == 1
    program = programs[0]
    assert (program["current_budget"], program["allocated"], program["obligated"], program["paid"]) == (
        500_000_000,
        200_000_000,
        obligated,
        paid,
    )
    allocations = public(client, "allocations", at, org=SEOUL, year=YEAR)["items"]
    assert sum(a["amount"] for a in allocations) == 200_000_000
    requisitions = public(client, "requisitions", at, org=SEOUL, year=YEAR)["items"]
    assert [r["amount"] for r in requisitions] == [90_000_000]
    contracts = public(client, "contracts", at, org=SEOUL, year=YEAR)["items"]
    assert len(contracts) == 1
    assert contracts[0]["amount"] == 88_000_000
    assert contracts[0]["supplier_name"] == "(주)한강건설"
    expenditures = public(client, "expenditures", at, org=SEOUL, year=YEAR, totals="true")
    assert expenditures["totals"]["amount"] - expenditures["totals"]["returned"] == paid
    assert all(row["payee_name"] == "(주)한강건설" for row in expenditures["items"])
    assert public(client, "debarred-vendors", at)["items"] == []

    # --- the reports ---------------------------------------------------------------------------
    reports = f"orgs/{SEOUL}/reports"
    trial = public(client, f"{reports}/trial-balance", at, as_of=f"{YEAR}-12-31")
    assert trial["total_debit"] == trial["total_credit"] > 0
    sheet = public(client, f"{reports}/balance-sheet", at, as_of=f"{YEAR}-12-31")
    assert sheet["total_assets"] == sheet["total_liabilities"] + sheet["total_net_assets"]
    income = public(client, f"{reports}/income-statement", at, start=f"{YEAR}-01-01", end=f"{YEAR}-12-31")
    # 시설비 (item 401) builds an asset, construction in progress, not an expense.
    assert income["total_expenses"] == 0
    assets = {line["account"]: line["amount"] for line in sheet["assets"]}
    assert assets[CONSTRUCTION_IN_PROGRESS] == paid
    budget = public(client, f"{reports}/budget-vs-actual", at, fiscal_year=YEAR)
    rows = budget["lines"] if isinstance(budget, dict) else budget
    assert [(r["current_budget"], r["obligated"], r["paid"]) for r in rows] == [
        (500_000_000, obligated, paid)
    ]

    # --- the auditor replays the line --------------------------------------------------------
    history = client.get(f"/api/v1/orgs/{SEOUL}/budget-lines/{line}/history", headers=office.keys["auditor"])
    assert history.status_code == 200, history.text
