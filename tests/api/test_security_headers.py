"""Every answer carries the security headers (api.security_headers): portal pages, JSON, problems,
downloads, and the commands the fast path answers before the middleware stack; /docs works under
its own policy without inline script."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from api.command_fast_path import CommandFastPath
from api.security_headers import DOCS_POLICY, PORTAL_POLICY, SWAGGER_CDN
from cleanledger.wiring import Service
from tests.api.conftest import SEOUL, YEAR, KeyMaker
from tests.api.test_commands import CODE, Y, _setup
from tests.app.books import Books

P = "/api/v1/public"
REPORTS = f"{P}/orgs/{SEOUL}/reports"


def _secured(answer: Any, policy: str = PORTAL_POLICY) -> None:
    where = f"{answer.request.method} {answer.request.url} → {answer.status_code}"
    assert answer.headers.get("content-security-policy") == policy, where
    assert answer.headers.get("x-content-type-options") == "nosniff", where
    assert answer.headers.get("referrer-policy") == "no-referrer", where
    assert answer.headers.get("x-frame-options") == "DENY", where
    for name in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert len(answer.headers.get_list(name)) == 1, (where, name)


def test_the_portal_policy_allows_no_inline_script_no_framing_no_base_and_forms_to_itself() -> None:
    directives = dict(d.strip().split(" ", 1) for d in PORTAL_POLICY.split(";"))
    assert directives["default-src"] == "'self'"
    assert "script-src" not in directives  # default-src 'self': no inline script, no other origin
    assert "unsafe-inline" not in PORTAL_POLICY and "unsafe-eval" not in PORTAL_POLICY
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["form-action"] == "'self'"


def test_every_kind_of_answer_carries_the_security_headers(client: TestClient, service: Service) -> None:
    books = Books(service.ledger).ready()
    books.obligate(books.line(amount=1_000_000, allocate={1: 600_000}), 250_000)
    assert service.projector is not None
    assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0)
    answers = [
        client.get("/"),  # HTML
        client.get("/tables/programs", params={"sort": "nothing"}),  # the portal's error page
        client.get("/static/portal.css"),
        client.get(f"{P}/programs"),  # JSON
        client.get(f"{P}/programs"),  # the same, from the public page cache
        client.get(f"{P}/programs.csv"),
        client.get(f"{P}/programs.xlsx"),
        client.get(f"{REPORTS}/trial-balance.csv", params={"as_of": f"{YEAR}-12-31"}),
        client.get(f"{P}/programs", params={"as_of": "0"}),  # 422 problem
        client.get("/nowhere"),  # 404 problem
        client.post(f"{Y}/budget-lines", content=b"x" * 1_000_001),  # 413
        client.get("/openapi.json"),
    ]
    for answer in answers:
        assert answer.status_code < 500, answer.text
        _secured(answer)
    assert {a.status_code for a in answers} >= {200, 400, 404, 413, 422}


def test_commands_the_fast_path_answers_carry_them_too(client: TestClient, key_for: KeyMaker) -> None:
    keys = _setup(client, key_for)
    fast = client.app.fast_path  # type: ignore[attr-defined]
    assert isinstance(fast, CommandFastPath)
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    assert client.post(f"{Y}/budget-lines", json=line, headers=keys["budget"]).status_code == 201  # cached
    answered = fast.answered
    created = client.post(
        f"{Y}/budget-lines", json={**line, "budget_code": CODE[:-2] + "02"}, headers=keys["budget"]
    )
    over = client.post(
        f"{Y}/budget-lines/{created.json()['aggregate_id']}/allocations",
        json={"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 10},
        headers=keys["budget"],
    )
    assert fast.answered == answered + 2  # both answered before the middleware stack
    assert (created.status_code, over.status_code) == (201, 409)
    _secured(created)
    _secured(over)


def test_the_docs_page_runs_no_inline_script_and_loads_only_what_its_policy_allows(
    client: TestClient,
) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    _secured(page, DOCS_POLICY)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, re.S)
    assert scripts
    for attributes, body in scripts:
        assert not body.strip(), "inline script"
        source = re.search(r'src="([^"]+)"', attributes)
        assert source is not None
        assert source.group(1).startswith(("/", f"{SWAGGER_CDN}/")), source.group(1)
    for sheet in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.text):
        assert sheet.startswith(f"{SWAGGER_CDN}/"), sheet
    directives = dict(d.strip().split(" ", 1) for d in DOCS_POLICY.split(";"))
    assert directives["script-src"] == f"'self' {SWAGGER_CDN}"  # no 'unsafe-inline' for script
    assert directives["frame-ancestors"] == "'none'"
    start = client.get("/docs/swagger-start.js")
    assert start.headers["content-type"].startswith("text/javascript")
    assert "SwaggerUIBundle(" in start.text and "/openapi.json" in start.text
    _secured(start, DOCS_POLICY)
    assert client.get("/redoc").status_code == 404  # not served: it needs more foreign origins
