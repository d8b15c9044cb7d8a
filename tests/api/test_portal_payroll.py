"""The portal's 인건비 page (both backends): the year's personnel cost against the personnel budget,
the same figures as the open API, nothing of anyone's own pay, and small organisations withheld."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from cleanledger.wiring import Service
from tests.app.payroll_helpers import Payroll

BIG, SMALL = "6110001", "6110002"


def _figures(html: str) -> dict[str, str]:
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    return {re.sub(r"<[^>]+>", "", k).strip(): re.sub(r"<[^>]+>", "", v).strip() for k, v in pairs}


def _won(text: str) -> int:
    return int(text.replace(",", "").replace("원", "").strip())


def staffed(service: Service, org: str, people: int) -> Payroll:
    pay = Payroll(service.ledger, org=org).ready()
    for n in range(people):
        pay.hr.hire(f"E{n:03d}", grade="G9", step=1 + n % 5)
    for month in ("2026-03", "2026-04"):
        pay.through(month)
    pay.month("2026-05")  # approved, not paid: not counted
    return pay


def caught_up(service: Service) -> None:
    assert service.projector is not None
    assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0, timeout=60)


def test_the_page_shows_the_open_apis_figures_and_no_ones_pay(service: Service, client: TestClient) -> None:
    pay = staffed(service, BIG, 6)
    caught_up(service)
    runs = [pay.view(m).run for m in ("2026-03", "2026-04")]
    cost = sum(s.gross + s.employer_total for r in runs for s in r.payslips)

    page = client.get(f"/orgs/{BIG}/payroll", params={"year": 2026})
    assert page.status_code == 200
    shown = _figures(page.text)
    api = client.get(f"/api/v1/public/orgs/{BIG}/personnel-cost", params={"year": 2026}).json()
    assert _won(shown["인건비 (보수+기관부담금)"]) == api["personnel_cost"] == cost
    assert _won(shown["보수 지급액"]) == api["pay"] == sum(s.gross for r in runs for s in r.payslips)
    assert _won(shown["1인당 인건비"]) == api["cost_per_head"] == cost // 6
    assert shown["월평균 지급 인원"] == "6.0" and shown["지급 월수"] == "2"
    for slip in runs[0].payslips:  # no one's own pay is on the page
        assert f"{slip.gross:,}" not in page.text and f"{slip.net:,}" not in page.text
    assert f'href="/api/v1/public/orgs/{BIG}/personnel-cost.csv?year=2026"' in page.text

    english = client.get(f"/orgs/{BIG}/payroll", params={"year": 2026, "lang": "en"})
    assert (
        "Personnel cost (pay and employer&#39;s shares)" in english.text or "Personnel cost" in english.text
    )
    assert client.get(f"/institutions/{BIG}").text.count(f"/orgs/{BIG}/payroll") == 1


def test_a_small_organisation_shows_no_amount_and_says_why(service: Service, client: TestClient) -> None:
    pay = staffed(service, SMALL, 2)
    caught_up(service)
    page = client.get(f"/orgs/{SMALL}/payroll", params={"year": 2026})
    assert page.status_code == 200
    shown = _figures(page.text)
    for label in (
        "인건비 (보수+기관부담금)",
        "보수 지급액",
        "1인당 인건비",
        "월평균 지급 인원",
        "인건비 예산 지출액",
    ):
        assert shown[label] == "–", label
    assert "월평균 5명 미만" in page.text
    slips = pay.view("2026-03").run.payslips
    assert all(f"{s.gross:,}" not in page.text for s in slips)


def test_a_year_without_payroll_and_an_unknown_organisation(service: Service, client: TestClient) -> None:
    staffed(service, BIG, 5)
    caught_up(service)
    empty = client.get(f"/orgs/{BIG}/payroll", params={"year": 2025})
    assert empty.status_code == 200 and "이 해에 지급을 마친 급여가 없습니다" in empty.text
    assert client.get("/orgs/6119999/payroll").status_code == 404
    assert client.get(f"/orgs/{BIG}/payroll", params={"year": "20x6"}).status_code in (400, 422)
