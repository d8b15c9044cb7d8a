"""The public portal: Korean pages by default, English on request, numbers from the views,
downloads linked, and no private person named."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cleanledger.wiring import Service
from tests.api.conftest import SEOUL
from tests.app.books import Books


def _books(service: Service) -> tuple[Books, int]:
    books = Books(service.ledger).ready()
    line = books.line(amount=1_000_000, allocate={1: 600_000})
    books.obligate(line, 250_000)
    assert service.projector is not None
    position = service.ledger.recorder.max_notification_id() or 0
    assert service.projector.wait_for(position)
    return books, position


def test_the_home_page_is_korean_first_and_english_on_request(client: TestClient) -> None:
    korean = client.get("/")
    assert korean.status_code == 200
    assert "text/html" in korean.headers["content-type"]
    assert "클린재정 원장 공개 포털" in korean.text
    assert "사업현황" in korean.text
    english = client.get("/", params={"lang": "en"})
    assert "Clean Ledger public portal" in english.text
    assert "Programs" in english.text


def test_a_table_page_shows_the_projected_numbers_and_links_its_downloads(
    client: TestClient, service: Service
) -> None:
    _books(service)
    page = client.get("/tables/programs", params={"org": SEOUL, "year": 2026})
    assert page.status_code == 200
    assert "1,000,000" in page.text  # current budget
    assert "600,000" in page.text  # allocated
    assert "250,000" in page.text  # obligated
    assert "format=csv" in page.text and "format=xlsx" in page.text
    assert client.get("/tables/nothing-like-this").status_code == 404


def test_the_statements_page_shows_a_balanced_trial_balance(client: TestClient, service: Service) -> None:
    _books(service)
    page = client.get(f"/orgs/{SEOUL}/statements", params={"as_of": "2026-12-31"})
    assert page.status_code == 200
    assert "잔액시산표" in page.text and "재정상태표" in page.text
    english = client.get(f"/orgs/{SEOUL}/statements", params={"as_of": "2026-12-31", "lang": "en"})
    assert "Trial balance" in english.text
