"""The portal v2 pages as a reader uses them: a year's dashboard, its tables (names not ids, amounts
in a chosen unit, sorting, keyset paging, downloads), a programme's history, a contract's story,
a district, an institution's statements by date, the comparison and the site map. Numbers are
asserted as the page prints them."""

from __future__ import annotations

import re
import uuid
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from api.portal.pages import finance as finance_pages
from cleanledger.wiring import Service
from commands.messages.budget import RecordPopulation
from commands.messages.contracts import SignContract
from commands.messages.revenue import OpenRevenueLine
from domain.contract import ContractMethod
from domain.organisation import OrganisationKind
from tests.api.conftest import SEOUL
from tests.app.test_payments import Spending

DISTRICT = "3030000"
UUID_TEXT = re.compile(r">\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*<")


def _settle(service: Service) -> None:
    assert service.projector is not None
    assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0)


def _spend(books: Spending, line: UUID, obligated: int, paid: int, on: date) -> UUID:
    """Obligate, voucher, order and pay, all on the accounting date ``on``."""
    books.on, before = on, books.on
    try:
        obligation = books.obligate(line, obligated)
        voucher = books.voucher(obligation, paid)
        books.pay(voucher, books.order(voucher, paid), paid)
    finally:
        books.on = before
    return obligation


def _city(service: Service) -> tuple[Spending, UUID]:
    """One line of 1 000 000: 600 000 allocated, 250 000 obligated, 100 000 paid in March."""
    books = Spending(service.ledger)
    books.ready()
    line = books.line(amount=1_000_000, allocate={1: 600_000}, title="어르신 복지관 운영")
    _spend(books, line, 250_000, 100_000, date(2026, 3, 10))
    _settle(service)
    return books, line


def _cells(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]


def test_a_years_dashboard_shows_its_figures_linked_to_their_rows(
    client: TestClient, service: Service
) -> None:
    _city(service)
    page = client.get(f"/orgs/{SEOUL}/2026")
    assert page.status_code == 200
    text = page.text.replace("<wbr>", "")  # a key figure may break after its separators
    assert "<title>서울특별시 2026년 재정정보" in text
    assert "2,026" not in text  # a year is never written with a separator
    for figure in ("1,000,000", "600,000", "250,000", "100,000", "750,000", "10.00%"):
        assert figure in text, figure
    # Each figure links to the rows that make it.
    assert f'href="/orgs/{SEOUL}/2026/expenditures">100,000</a>' in text
    assert f'href="/orgs/{SEOUL}/2026/allocations">600,000</a>' in text
    # The monthly chart is drawn, labelled, and its table says March's cumulative rate.
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in text
    assert 'role="img" aria-labelledby="chart-monthly-title chart-monthly-desc"' in text
    march = re.search(r"<th scope=\"row\" class=\"text\">3월</th>(.*?)</tr>", text, re.S)
    assert march is not None and _cells(march.group(1)) == ["100,000", "100,000", "1,000,000", "10.00%"]
    english = client.get(f"/orgs/{SEOUL}/2026", params={"lang": "en"})
    assert '<html lang="en">' in english.text and "Execution by month" in english.text


def test_amounts_follow_the_chosen_unit_and_say_which(client: TestClient, service: Service) -> None:
    _city(service)
    millions = client.get(f"/orgs/{SEOUL}/2026/programs", params={"unit": "million"})
    assert "(단위: 백만원)" in millions.text
    cells = _cells(millions.text)
    assert cells[2:7] == ["1", "1", "0", "0", "1"]  # 1 000 000, 600 000, 250 000, 100 000, 750 000
    hundred_millions = client.get(f"/orgs/{SEOUL}/2026", params={"unit": "hundred-million"})
    assert "(단위: 억원)" in hundred_millions.text and ">0.0<" in hundred_millions.text
    refused = client.get(f"/orgs/{SEOUL}/2026", params={"unit": "dollars"})
    assert refused.status_code == 400


def test_a_programme_row_shows_remaining_and_rate_and_names_not_ids(
    client: TestClient, service: Service
) -> None:
    _, line = _city(service)
    page = client.get(f"/orgs/{SEOUL}/2026/programs")
    cells = _cells(page.text)
    assert cells[0] == "어르신 복지관 운영"
    assert cells[2:8] == ["1,000,000", "600,000", "250,000", "100,000", "750,000", "10.00%"]
    assert not UUID_TEXT.search(page.text)
    assert f'href="/orgs/{SEOUL}/2026/lines/{line}"' in page.text
    # The open API carries 잔액 too, as whole won.
    row = client.get("/api/v1/public/programs", params={"org": SEOUL, "year": 2026}).json()["items"][0]
    assert (row["remaining"], row["execution_rate"]) == (750_000, 10.0)


def test_a_table_sorts_by_its_headers_and_pages_by_keyset(client: TestClient, service: Service) -> None:
    books = Spending(service.ledger)
    books.ready()
    for n in range(53):
        books.line(amount=1_000 * (n + 1), title=f"사업 {n + 1:02d}")
    _settle(service)
    first = client.get(f"/orgs/{SEOUL}/2026/programs", params={"sort": "-current_budget"})
    assert 'aria-sort="descending"' in first.text
    titles = re.findall(r">(사업 \d\d)</a>", first.text)
    assert titles[:3] == ["사업 53", "사업 52", "사업 51"] and len(titles) == 50
    assert "53 건" in re.sub(r"<[^>]+>", "", first.text)
    following = re.search(r'<a rel="next" href="([^"]+)"', first.text)
    assert following is not None
    second = client.get(following.group(1).replace("&amp;", "&"))
    assert re.findall(r">(사업 \d\d)</a>", second.text) == ["사업 03", "사업 02", "사업 01"]
    assert 'rel="next"' not in second.text
    # The header of the sorted column turns the order round.
    assert f'href="/orgs/{SEOUL}/2026/programs?sort=current_budget"' in first.text
    # The downloads carry the same query.
    assert f"/api/v1/public/programs.csv?org={SEOUL}&amp;year=2026&amp;sort=-current_budget" in first.text
    searched = client.get(f"/orgs/{SEOUL}/2026/programs", params={"q": "사업 07"})
    assert re.findall(r">(사업 \d\d)</a>", searched.text) == ["사업 07"]


def test_a_programmes_history_lists_the_events_behind_its_figures(
    client: TestClient, service: Service
) -> None:
    _, line = _city(service)
    page = client.get(f"/orgs/{SEOUL}/2026/lines/{line}")
    assert page.status_code == 200
    text = re.sub(r"<[^>]+>", " ", page.text)
    for kind in ("예산 편성", "예산 배정", "지출원인행위", "지급"):
        assert kind in text, kind
    assert '<a href="/verification?position=' in page.text
    last_row = re.findall(r"<tr>(.*?)</tr>", page.text, re.S)[-1]
    assert _cells(last_row)[5:9] == ["1,000,000", "600,000", "250,000", "100,000"]  # totals after it
    # A line is found only under its own organisation and year.
    assert client.get(f"/orgs/{DISTRICT}/2026/lines/{line}").status_code == 404
    assert client.get(f"/orgs/{SEOUL}/2025/lines/{line}").status_code == 404
    assert client.get(f"/orgs/{SEOUL}/2026/lines/{uuid.uuid4()}").status_code == 404


def test_a_contracts_page_tells_its_story(client: TestClient, service: Service) -> None:
    books = Spending(service.ledger)
    books.ready()
    line = books.line(
        amount=5_000_000, allocate={1: 5_000_000}, code=books.next_code("401-01"), title="보도 정비"
    )
    obligation = books.obligate(line, 3_000_000, on=date(2026, 2, 1))
    vendor = books.vendor()
    contract = books.run(
        SignContract,
        obligation_id=obligation,
        vendor_id=vendor,
        title="보도블록 정비 공사",
        department="도로과",
        amount=2_800_000,
        method=ContractMethod.OPEN,
        starts=date(2026, 2, 10),
        ends=date(2026, 6, 30),
        on=date(2026, 2, 5),
    ).aggregate_id
    _settle(service)
    listing = client.get(f"/orgs/{SEOUL}/2026/contracts")
    assert f'href="/orgs/{SEOUL}/2026/contracts/{contract}">보도블록 정비 공사</a>' in listing.text
    assert "일반경쟁" in listing.text and "2026. 2. 5." in listing.text
    story = client.get(f"/orgs/{SEOUL}/2026/contracts/{contract}")
    assert story.status_code == 200
    assert "(주)한빛상사" in story.text and "2,800,000" in story.text and "2026. 6. 30." in story.text


def test_a_district_page_computes_its_ratios_and_shows_the_formula(
    client: TestClient, service: Service
) -> None:
    books = Spending(service.ledger, org=DISTRICT)
    books.organisation(name="성동구", kind=OrganisationKind.DISTRICT)
    books.open_year()
    books.line(amount=2_000_000)
    for code, estimate in (
        ("100-110-111-02", 300_000),
        ("200-210-212-01", 100_000),
        ("400-410-411-01", 600_000),
    ):
        books.run(OpenRevenueLine, revenue_code=code, title="세입", estimate=estimate)
    books.run(RecordPopulation, population=280_000, as_of=date(2025, 12, 31), source="주민등록인구")
    _settle(service)
    page = client.get(f"/districts/{DISTRICT}/2026")
    assert page.status_code == 200
    text = re.sub(r"<[^>]+>", "", page.text)
    assert "40.00%" in text  # (300 000 + 100 000) ÷ 1 000 000
    assert (
        "재정자립도 = (지방세수입 + 세외수입) ÷ 세입예산 × 100 = (300,000 + 100,000) ÷ 1,000,000 × 100"
        in text
    )
    assert "280,000명" in text and "7원" in text  # 2 000 000 ÷ 280 000 = 7.14 → 7 won a resident
    assert client.get(f"/districts/{DISTRICT}", follow_redirects=False).headers["location"] == (
        f"/districts/{DISTRICT}/2026"
    )
    assert client.get(f"/districts/{SEOUL}/2026").status_code == 404  # the city is no district
    compare = client.get("/compare/2026")
    assert "성동구" in compare.text and "40.00%" in compare.text


def test_an_institutions_statements_follow_the_date_picker(client: TestClient, service: Service) -> None:
    institution = "6119001"
    books = Spending(service.ledger, org=institution)
    books.organisation(name="서울문화재단", kind=OrganisationKind.INSTITUTION)
    books.open_year()
    line = books.line(amount=1_000_000, allocate={1: 1_000_000})
    _spend(books, line, 400_000, 400_000, date(2026, 5, 20))
    _settle(service)
    before = client.get(f"/institutions/{institution}", params={"as_of": "2026-04-30"})
    after = client.get(f"/institutions/{institution}", params={"as_of": "2026-05-31"})
    assert before.status_code == after.status_code == 200
    assert "대차대조표" in after.text and "손익계산서" in after.text and "잔액시산표" in after.text
    assert "400,000" not in _cells(before.text) and "400,000" in _cells(after.text)
    assert 'type="date" name="as_of" value="2026-05-31"' in after.text
    # As known at a moment before anything was recorded: nothing.
    known = client.get(
        f"/institutions/{institution}", params={"as_of": "2026-05-31", "known_at": "2000-01-01T00:00"}
    )
    assert known.status_code == 200 and "400,000" not in _cells(known.text)
    assert client.get(f"/institutions/{SEOUL}").status_code == 404


def test_the_site_map_lists_every_years_pages(client: TestClient, service: Service) -> None:
    _city(service)
    xml = client.get("/sitemap.xml")
    assert xml.headers["content-type"].startswith("application/xml")
    for path in (f"/orgs/{SEOUL}/2026", f"/orgs/{SEOUL}/2026/contracts", "/compare", "/districts"):
        assert f"{path}</loc>" in xml.text, path
    page = client.get("/sitemap")
    assert f'href="/orgs/{SEOUL}/2026/programs"' in page.text


def test_every_page_has_a_title_a_description_and_a_canonical_address(
    client: TestClient, service: Service
) -> None:
    _city(service)
    for path in (
        "/",
        "/orgs",
        f"/orgs/{SEOUL}/2026",
        f"/orgs/{SEOUL}/2026/contracts",
        "/about",
        "/compare/2026",
    ):
        page = client.get(path)
        assert page.status_code == 200, path
        head: dict[str, Any] = {
            "title": re.search(r"<title>([^<]+)</title>", page.text),
            "description": re.search(r'<meta name="description" content="([^"]+)"', page.text),
            "canonical": re.search(r'<link rel="canonical" href="([^"]+)"', page.text),
        }
        assert all(head.values()), (path, head)
        assert "style=" not in page.text  # the portal's CSP allows no inline style


def test_the_verification_page_finds_an_event_in_the_transparency_log(
    client: TestClient, service: Service
) -> None:
    _city(service)
    page = client.get("/verification", params={"position": 1})
    assert page.status_code == 200
    text = re.sub(r"<[^>]+>", "", page.text)
    assert "이 사건은 로그에 있습니다" in text
    assert '<a href="/api/v1/public/log/proofs/inclusion?position=1">' in page.text
    beyond = client.get("/verification", params={"position": 10**12})
    assert "그 순번의 사건은 아직 로그에 없습니다" in beyond.text
    assert client.get("/verification", params={"position": "-1"}).status_code == 400


def test_the_site_icon_is_served_where_browsers_ask_for_it(client: TestClient) -> None:
    for path in ("/favicon.ico", "/static/favicon.svg"):
        icon = client.get(path)
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


def test_an_institution_shows_no_self_reliance_in_the_comparison(
    client: TestClient, service: Service
) -> None:
    institution = "6119001"
    books = Spending(service.ledger, org=institution)
    books.organisation(name="서울문화재단", kind=OrganisationKind.INSTITUTION)
    books.open_year()
    books.line(amount=1_000_000)
    books.run(OpenRevenueLine, revenue_code="200-210-212-01", title="사용료수입", estimate=500_000)
    _settle(service)
    page = client.get("/compare/2026")
    row = re.search(r"서울문화재단</a></th>(.*?)</tr>", page.text, re.S)
    assert row is not None
    assert _cells(row.group(1))[3:5] == ["–", "–"]  # 100 % of its own revenue says nothing


def test_a_long_history_pages_by_log_position(
    client: TestClient, service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, line = _city(service)
    monkeypatch.setattr(finance_pages, "HISTORY_PAGE", 2)  # the line has 5 events: open … paid
    path = f"/orgs/{SEOUL}/2026/lines/{line}"
    seen: list[str] = []
    page = client.get(path)
    while True:
        positions = re.findall(r'<td class="count">(\d+)</td>', page.text)
        assert 1 <= len(positions) <= 2
        seen += positions
        following = re.search(r'<a rel="next" href="([^"]+)"', page.text)
        if following is None:
            break
        page = client.get(following.group(1).replace("&amp;", "&"))
    assert seen == sorted(seen, key=int) and len(seen) == len(set(seen)) >= 4
    assert client.get(path, params={"after": "-1"}).status_code == 400


def test_the_organisations_page_names_each_kind_in_the_readers_language(
    client: TestClient, service: Service
) -> None:
    _city(service)
    assert "<h2>본청</h2>" in client.get("/orgs").text
    assert "<h2>City hall</h2>" in client.get("/orgs", params={"lang": "en"}).text
