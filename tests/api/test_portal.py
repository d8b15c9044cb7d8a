"""The public portal: Korean pages by default, English on request, numbers from the views,
downloads linked, and no private person named."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

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
    assert "Programmes" in english.text


def test_a_table_page_shows_the_projected_numbers_and_links_its_downloads(
    client: TestClient, service: Service
) -> None:
    _books(service)
    page = client.get("/tables/programs", params={"org": SEOUL, "year": 2026})
    assert page.status_code == 200
    assert "1,000,000" in page.text  # current budget
    assert "600,000" in page.text  # allocated
    assert "250,000" in page.text  # obligated
    assert "/api/v1/public/programs.csv?" in page.text and "/api/v1/public/programs.xlsx?" in page.text
    assert client.get("/tables/nothing-like-this").status_code == 404


def test_the_statements_page_shows_a_balanced_trial_balance(client: TestClient, service: Service) -> None:
    _books(service)
    page = client.get(f"/orgs/{SEOUL}/statements", params={"as_of": "2026-12-31"})
    assert page.status_code == 200
    assert "잔액시산표" in page.text and "재정상태표" in page.text
    english = client.get(f"/orgs/{SEOUL}/statements", params={"as_of": "2026-12-31", "lang": "en"})
    assert "Trial balance" in english.text


# --- hostile input ---------------------------------------------------------------------------------

HOSTILE = [
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "</title><script>alert(1)</script>",
]


class _Page(HTMLParser):
    """The tags and the link targets of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src", "action", "formaction"):
                self.links.append(value or "")


def _harmless(answer: Any, payload: str) -> None:
    """Nothing of ``payload`` reached the page as markup, and every link stays on this site."""
    assert answer.status_code in (200, 303, 400, 404), answer.text
    if answer.status_code == 303:
        assert answer.headers["location"].startswith("/orgs/"), answer.headers["location"]
        return
    if answer.headers["content-type"] == "application/problem+json":
        # A path no page has (a "/" in the value): the API's 404, JSON that is never sniffed as HTML.
        assert answer.json()["type"] == "not-found"
        assert answer.headers["x-content-type-options"] == "nosniff"
        return
    assert answer.headers["content-type"].startswith("text/html")
    assert payload not in answer.text or payload == "javascript:alert(1)"
    page = _Page()
    page.feed(answer.text)
    # Charts are SVG the server draws (api.portal.charts): never a script, a foreign object or an
    # event handler, in the SVG or anywhere else.
    assert not page.tags & {"script", "iframe", "object", "embed", "foreignobject"}, page.tags
    assert not page.handlers, page.handlers
    for link in page.links:  # this page (""), its own query, an anchor, or a path of this site
        assert link == "" or (link.startswith(("/", "?", "#")) and not link.startswith("//")), link


def test_no_portal_page_reflects_a_hostile_value_unescaped(client: TestClient, service: Service) -> None:
    books = Books(service.ledger).ready()
    books.line(amount=1_000, title=HOSTILE[1])  # stored text is escaped as well
    books.line(amount=2_000)
    assert service.projector is not None
    assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0)
    # The finding itself: an unknown sort is refused on the error page, escaped.
    refused = client.get("/tables/programs", params={"sort": HOSTILE[0]})
    assert refused.status_code == 400
    assert "&lt;svg onload=alert(1)&gt;" in refused.text
    assert HOSTILE[0] not in refused.text
    table = ("lang", "org", "year", "q", "code_prefix", "sort", "cursor", "unknown")
    pages: list[tuple[str, tuple[str, ...], dict[str, str]]] = [
        ("/", ("lang", "unknown"), {}),
        ("/tables/programs", table, {"org": SEOUL}),
        ("/tables/contracts", table, {}),
        (
            f"/orgs/{SEOUL}/statements",
            ("lang", "as_of", "known_at", "unit", "unknown"),
            {"as_of": "2026-12-31"},
        ),
        (f"/orgs/{SEOUL}/2026", ("lang", "unit", "unknown"), {}),
        (f"/orgs/{SEOUL}/2026/programs", ("lang", "q", "code_prefix", "sort", "cursor", "unit"), {}),
        ("/compare/2026", ("lang", "sort", "unit"), {}),
        ("/districts", ("lang", "unit"), {}),
        ("/sitemap", ("lang",), {}),
        ("/statements", ("org", "as_of", "lang", "unknown"), {"org": SEOUL}),
    ]
    for payload in HOSTILE:
        for path, names, base in pages:
            for name in names:
                _harmless(client.get(path, params={**base, name: payload}, follow_redirects=False), payload)
        # ... and in the path itself
        quoted = quote(payload, safe="")
        for path in (
            f"/tables/{quoted}",
            f"/orgs/{quoted}/statements",
            f"/orgs/{SEOUL}/2026/{quoted}",
            f"/orgs/{SEOUL}/{quoted}",
            f"/districts/{quoted}",
        ):
            _harmless(client.get(path, params={"lang": "en"}), payload)


def test_the_language_link_carries_only_the_pages_own_parameters(client: TestClient) -> None:
    page = client.get("/tables/programs", params={"org": SEOUL, "injected": "x", "lang": "en"})
    switch = next(link for link in _links(page.text) if "lang=ko" in link)
    assert switch == f"/tables/programs?org={SEOUL}&lang=ko"


def test_the_home_pages_form_finds_the_statements_without_a_script(client: TestClient) -> None:
    home = client.get("/")
    assert "<script" not in home.text and "onsubmit" not in home.text
    found = client.get(
        "/statements", params={"org": SEOUL, "as_of": "", "lang": "en"}, follow_redirects=False
    )
    assert (found.status_code, found.headers["location"]) == (303, f"/orgs/{SEOUL}/statements?lang=en")
    dated = client.get("/statements", params={"org": SEOUL, "as_of": "2026-06-30"}, follow_redirects=False)
    assert dated.headers["location"] == f"/orgs/{SEOUL}/statements?as_of=2026-06-30"
    for bad in ({"org": "٦١١٠٠٠٠"}, {"org": SEOUL, "as_of": "0"}, {}):
        refused = client.get("/statements", params=bad, follow_redirects=False)
        assert refused.status_code == 400
        assert "text/html" in refused.headers["content-type"]
        assert "요청을 처리할 수 없습니다" in refused.text


def _links(text: str) -> list[str]:
    page = _Page()
    page.feed(text)
    return page.links


def test_a_tables_search_form_sent_with_its_fields_empty_finds_every_row(
    client: TestClient, service: Service
) -> None:
    _books(service)
    blank = client.get("/tables/programs", params={"org": "", "year": "", "q": "", "code_prefix": ""})
    assert blank.status_code == 200 and "1,000,000" in blank.text
    assert client.get("/tables/programs", params={"year": "20x6"}).status_code == 400
