"""Path and query values are read by one parser (api.params): the command fast path and the FastAPI
routes accept and refuse the same text, every refusal is a problem, never a 500; a header a command
reads once is refused when repeated, on both paths."""

from __future__ import annotations

import base64
import contextlib
import re
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from api import params
from api.command_fast_path import CommandFastPath
from api.downloads import content_disposition
from cleanledger.wiring import Service
from readmodels import public_queries as queries
from tests.api.conftest import SEOUL, YEAR, KeyMaker
from tests.api.test_commands import CODE, Y, _setup
from tests.app.books import Books

PROBLEM = "application/problem+json"

#: Not seven ASCII digits: other scripts' digits (which ``\d`` and ``str.isdigit`` take), a
#: superscript, a sign, a separator, the wrong length.
BAD_ORGS = ["٦١١٠٠٠٠", "６１１００００", "611000²", "+611000", "611_000", " 611000", "611000", "61100000"]
#: Not four ASCII digits from 1900 to 2999.
BAD_YEARS = ["２０２６", "٢٠٢٦", "202²", "²⁰²⁶", "+202", "2_26", " 202", "2026.0", "1899", "3000", "02026"]
AN_ID = uuid.UUID("3f2b8c1e-9a4d-4e0b-8f6a-2c1d7e9b5a10")
#: Forms of a UUID that ``uuid.UUID`` or pydantic read, but an id in a path is not.
BAD_IDS = [f"{{{AN_ID}}}", f"urn:uuid:{AN_ID}", AN_ID.hex, f"{AN_ID}0", str(AN_ID).replace("3", "３", 1)]
BAD_DATES = ["0", "20260102", "2026-1-2", "2026-01-02T00:00:00", "２０２６-01-02", "2026-02-30", "1700000000"]


def test_the_parsers_take_ascii_text_only() -> None:
    assert params.org_code("6110000") == "6110000"
    assert params.fiscal_year("2026") == 2026
    assert params.iso_date("2026-02-28").isoformat() == "2026-02-28"
    assert params.identifier(str(AN_ID).upper()) == AN_ID
    assert params.digits("0042") == 42
    assert (params.flag("true"), params.flag("false")) == (True, False)
    refusals: list[tuple[Any, list[Any]]] = [
        (params.org_code, [*BAD_ORGS, 6110000, None]),
        (params.fiscal_year, [*BAD_YEARS, 2026]),
        (params.iso_date, BAD_DATES),
        (params.identifier, BAD_IDS),
        (params.digits, ["", "-1", "+1", "1_0", "1.0", " 1", "٣", "²", "1" * 20]),
        (params.flag, ["1", "0", "yes", "on", "True", "TRUE", ""]),
        (params.ascii_text, ["１０４２", "2026-03-05T09:00:00\n"]),
    ]
    for parse, values in refusals:
        for value in values:
            with pytest.raises(ValueError):
                parse(value)


# --- the fast path and the route ------------------------------------------------------------------


def _fast_path(client: TestClient) -> CommandFastPath:
    found = getattr(client.app, "fast_path", None)
    assert isinstance(found, CommandFastPath)
    return found


@contextlib.contextmanager
def _route_only(client: TestClient) -> Iterator[None]:
    """Requests skip the fast path: the FastAPI route answers every one."""
    app: Any = client.app
    fast, app.fast_path = app.fast_path, None
    try:
        yield
    finally:
        app.fast_path = fast


def _both(client: TestClient, path: str, body: dict[str, Any], headers: Any) -> tuple[Any, Any, int]:
    """The answers of the fast path and of the route to one request, and how many of the two the
    fast path answered itself."""
    fast = _fast_path(client)
    before = fast.answered
    first = client.post(path, json=body, headers=headers)
    answered = fast.answered - before
    with _route_only(client):
        second = client.post(path, json=body, headers=headers)
    return first, second, answered


def _same_refusal(first: Any, second: Any, status: int, code: str) -> None:
    for answer in (first, second):
        assert answer.status_code == status, answer.text
        assert answer.headers["content-type"] == PROBLEM, answer.text
        assert answer.json()["type"] == code, answer.text


def test_every_refused_path_value_is_refused_alike_by_the_fast_path_and_the_route(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    admin, officer = keys["admin"], key_for("lee", "budget_officer@*")
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    quarter = {"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 1}
    organisation = {"name": "기관", "kind": "city", "accounting_date": f"{YEAR}-01-01"}
    assert client.post(f"{Y}/budget-lines", json=line, headers=officer).status_code == 201  # key cached
    head = service.ledger.recorder.max_notification_id()
    requests: list[tuple[str, dict[str, Any], dict[str, str]]] = [
        *((f"/api/v1/orgs/{org}", organisation, admin) for org in BAD_ORGS),
        *((f"/api/v1/orgs/{org}/years/{YEAR}/budget-lines", line, officer) for org in BAD_ORGS),
        *((f"/api/v1/orgs/{SEOUL}/years/{year}/budget-lines", line, officer) for year in BAD_YEARS),
        *((f"{Y}/budget-lines/{line_id}/allocations", quarter, officer) for line_id in BAD_IDS),
    ]
    for path, body, headers in requests:
        first, second, answered = _both(client, path, body, headers)
        _same_refusal(first, second, 422, "invalid-request")
        assert answered == 0, path
    assert service.ledger.recorder.max_notification_id() == head  # nothing recorded


def test_every_refused_header_and_body_is_refused_alike_by_the_fast_path_and_the_route(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    officer = list(keys["budget"].items())
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    assert client.post(f"{Y}/budget-lines", json=line, headers=keys["budget"]).status_code == 201  # cached
    head = service.ledger.recorder.max_notification_id()
    fresh = {**line, "budget_code": CODE[:-2] + "02"}
    refusals: list[tuple[dict[str, Any], list[tuple[str, Any]], int, str]] = [
        ({**fresh, "extra": 1}, officer, 422, "invalid-request"),
        ({**fresh, "amount": "9"}, officer, 422, "invalid-request"),
        ({**fresh, "amount": 9.0}, officer, 422, "invalid-request"),
        ({**fresh, "accounting_date": "0"}, officer, 422, "invalid-request"),
        (fresh, [*officer, ("If-Match", '"1"')], 400, "if-match-not-supported"),
        (fresh, [*officer, ("Idempotency-Key", "k" * 256)], 422, "invalid-request"),
        (fresh, [*officer, ("Idempotency-Key", "   ")], 400, "invalid-idempotency-key"),
        (fresh, [("Authorization", "Bearer clk_nope")], 401, "invalid-api-key"),
        (fresh, list(keys["clerk"].items()), 403, "forbidden"),
    ]
    for body, headers, status, code in refusals:
        first, second, answered = _both(client, f"{Y}/budget-lines", body, headers)
        _same_refusal(first, second, status, code)
        assert answered == 0
    assert service.ledger.recorder.max_notification_id() == head


def test_a_superscript_year_without_a_key_is_a_401_problem_not_a_500(client: TestClient) -> None:
    for year in ("202²", "２０２６"):
        path = f"/api/v1/orgs/{SEOUL}/years/{year}/budget-lines"
        first, second, _ = _both(client, path, {}, {})
        _same_refusal(first, second, 401, "unauthenticated")


def test_what_the_route_accepts_the_fast_path_answers_with_the_same_answer(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    _setup(client, key_for)
    officer = key_for("lee", "budget_officer@*")
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    assert client.post(f"{Y}/budget-lines", json=line, headers=officer).status_code == 201  # key cached
    # One Idempotency-Key: the fast path records the command, the route answers the retry with the
    # first answer, so both took the path and the body alike.
    body = {**line, "budget_code": CODE[:-2] + "02"}
    first, second, answered = _both(client, f"{Y}/budget-lines", body, {**officer, "Idempotency-Key": "l"})
    assert (first.status_code, second.status_code, answered) == (201, 201, 1), (first.text, second.text)
    assert second.json() == first.json()
    line_id = first.json()["aggregate_id"]
    quarter = {"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 1}
    upper = f"{Y}/budget-lines/{line_id.upper()}/allocations"  # hexadecimal digits in either case
    first, second, answered = _both(client, upper, quarter, {**officer, "Idempotency-Key": "q"})
    assert (first.status_code, second.status_code, answered) == (201, 201, 1), (first.text, second.text)
    assert first.json() == second.json()
    assert first.json()["aggregate_id"] == line_id
    head = service.ledger.recorder.max_notification_id()
    assert head == first.json()["position"]


# --- repeated headers -----------------------------------------------------------------------------


def test_two_idempotency_keys_or_two_if_matches_are_refused_on_both_paths_and_record_nothing(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    officer = keys["budget"]
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    created = client.post(f"{Y}/budget-lines", json=line, headers=officer)  # the key is cached
    assert created.status_code == 201
    allocations = f"{Y}/budget-lines/{created.json()['aggregate_id']}/allocations"
    quarter = {"accounting_date": f"{YEAR}-01-03", "quarter": 1, "amount": 1}
    auth = list(officer.items())
    head = service.ledger.recorder.max_notification_id()
    repeated = [
        (f"{Y}/budget-lines", {**line, "budget_code": CODE[:-2] + "02"}, [("Idempotency-Key", "a")] * 2),
        (
            f"{Y}/budget-lines",
            {**line, "budget_code": CODE[:-2] + "02"},
            [("Idempotency-Key", "a"), ("Idempotency-Key", "b")],
        ),
        (allocations, quarter, [("If-Match", '"1"'), ("If-Match", '"1"')]),
        (allocations, quarter, [("Idempotency-Key", "c"), ("If-Match", '"1"'), ("Idempotency-Key", "c")]),
    ]
    for path, body, extra in repeated:
        first, second, answered = _both(client, path, body, auth + extra)
        _same_refusal(first, second, 400, "repeated-header")
        assert answered == 0
    assert service.ledger.recorder.max_notification_id() == head


def test_a_retry_with_one_idempotency_key_is_still_answered_once_on_both_paths(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    officer = keys["budget"]
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    assert client.post(f"{Y}/budget-lines", json=line, headers=officer).status_code == 201  # key cached
    body = {**line, "budget_code": CODE[:-2] + "02"}
    first, again, answered = _both(client, f"{Y}/budget-lines", body, {**officer, "Idempotency-Key": "once"})
    head = service.ledger.recorder.max_notification_id()
    assert (first.status_code, again.status_code, answered) == (201, 201, 1)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    replay = client.post(f"{Y}/budget-lines", json=body, headers={**officer, "Idempotency-Key": "once"})
    assert replay.json() == first.json()
    assert service.ledger.recorder.max_notification_id() == head


# --- query values ---------------------------------------------------------------------------------

P = "/api/v1/public"
REPORTS = f"{P}/orgs/{SEOUL}/reports"
LINE = f"/api/v1/orgs/{SEOUL}/budget-lines/{AN_ID}"


def _refused(answer: Any, status: int = 422, code: str = "invalid-request") -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM, answer.text
    assert answer.json()["type"] == code


def test_query_values_pydantic_would_stretch_are_refused_as_problems(
    client: TestClient, key_for: KeyMaker
) -> None:
    auditor = key_for("auditor", "auditor@*")
    for suffix in ("", ".csv", ".xlsx"):  # csv and xlsx once failed on the file name (latin-1)
        for org in BAD_ORGS:
            _refused(client.get(f"{P}/programs{suffix}", params={"org": org}))
            _refused(
                client.get(
                    f"{P}/orgs/{org}/reports/trial-balance{suffix.replace('xlsx', 'csv')}",
                    params={"as_of": "2026-12-31"},
                )
            )
        for year in BAD_YEARS:
            _refused(client.get(f"{P}/programs{suffix}", params={"year": year}))
    for day in BAD_DATES:  # "0" was 1970-01-01
        for name in ("as_of", "date_to", "date_from"):
            _refused(client.get(f"{P}/contracts", params={name: day}))
        _refused(client.get(f"{REPORTS}/trial-balance", params={"as_of": day}))
        _refused(client.get(f"{REPORTS}/income-statement", params={"start": "2026-01-01", "end": day}))
        _refused(client.get(f"{REPORTS}/budget-vs-actual", params={"fiscal_year": "2026", "as_of": day}))
    for number in ("+5", "1_0", "5.0", " 5", "٥", "５", "5²", "-0"):
        _refused(client.get(f"{P}/contracts", params={"limit": number}))
        _refused(client.get(f"{P}/contracts", params={"min_position": number}))
        _refused(client.get(f"{P}/checkpoints", params={"after": number}))
        _refused(client.get(f"{LINE}/history", params={"after_version": number}, headers=auditor))
        _refused(client.get(LINE, params={"version": number}, headers=auditor))
    for flag in ("yes", "1", "on", "True"):
        _refused(client.get(f"{P}/contracts", params={"totals": flag}))
    for moment in ("١٠", "１０", "2026-03-05T09:00:00\u2028"):  # a position in other digits
        _refused(client.get(f"{REPORTS}/trial-balance", params={"as_of": "2026-12-31", "known_at": moment}))
        _refused(client.get(f"{LINE}/history", params={"known_at": moment}, headers=auditor))
    for contract in BAD_IDS:
        _refused(client.get(f"{P}/contracts/{contract}"))
    # What the parser takes still works.
    assert (
        client.get(
            f"{P}/contracts", params={"as_of": "2026-12-31", "limit": "5", "totals": "true"}
        ).status_code
        == 200
    )
    assert client.get(f"{P}/contracts/{str(AN_ID).upper()}").json()["type"] == "not-found"


def test_downloads_name_their_file_in_ascii_and_in_utf_8(client: TestClient, service: Service) -> None:
    Books(service.ledger).organisation()  # a statement of an organisation the ledger does not know is 404
    csv = client.get(f"{P}/programs.csv", params={"org": SEOUL, "year": "2026"})
    assert csv.status_code == 200
    name = f"programs-{SEOUL}-2026.csv"
    assert csv.headers["content-disposition"] == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    xlsx = client.get(f"{P}/debarred-vendors.xlsx")
    assert xlsx.headers["content-disposition"].endswith("filename*=UTF-8''debarred-vendors.xlsx")
    report = client.get(f"{REPORTS}/balance-sheet.csv", params={"as_of": "2026-12-31"})
    name = f"balance-sheet-{SEOUL}-2026-12-31.csv"
    assert (
        report.headers["content-disposition"] == f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    )


def test_a_file_name_beyond_ascii_gets_an_ascii_fallback_and_its_utf_8_form() -> None:
    assert content_disposition("사업현황 2026.csv") == (
        'attachment; filename="_____2026.csv"; '
        "filename*=UTF-8''%EC%82%AC%EC%97%85%ED%98%84%ED%99%A9%202026.csv"
    )
    hostile = 'a"; filename="x.html\\; ٣٠٣٠٠٠٠\r\n.csv'
    header = content_disposition(hostile)
    header.encode("latin-1")  # a header Starlette can send
    found = re.fullmatch(
        r"attachment; filename=\"([A-Za-z0-9._-]+)\"; filename\*=UTF-8''([A-Za-z0-9%!#$&+.^_`|~-]+)", header
    )
    assert found is not None, header
    assert unquote(found.group(2)) == hostile
    assert content_disposition("...") == "attachment; filename=\"download\"; filename*=UTF-8''..."


# --- cursors --------------------------------------------------------------------------------------


def test_a_forged_cursor_is_a_400_problem_never_a_500(client: TestClient, service: Service) -> None:
    books = Books(service.ledger).ready()
    for amount in (1_000, 2_000, 3_000):
        books.line(amount=amount)
    assert service.projector is not None
    assert service.projector.wait_for(service.ledger.recorder.max_notification_id() or 0)
    programs = queries.PUBLIC_TABLES["programs"]
    by_title = queries.parse_sort(programs, "title")
    forged = [
        queries.encode_cursor(by_title, queries.Filters(), queries.After("value", ("\ud800", str(AN_ID)))),
        queries.encode_cursor(by_title, queries.Filters(), queries.After("value", ("a", "\udfff"))),
        queries.encode_cursor(by_title, queries.Filters(), queries.After("value", (["a"], str(AN_ID)))),
        queries.encode_cursor(by_title, queries.Filters(), queries.After("null", ("a", str(AN_ID)))),
        queries.encode_cursor(
            by_title, queries.Filters(org=SEOUL), queries.After("value", ("a", str(AN_ID)))
        ),
        queries.encode_cursor(
            queries.parse_sort(programs, "-title"),
            queries.Filters(),
            queries.After("value", ("a", str(AN_ID))),
        ),
        base64.urlsafe_b64encode(b'{"f": "x", "g": "value", "k": ["\\ud800"]}').decode(),
        base64.urlsafe_b64encode(b"[" * 700 + b"]" * 700).decode(),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
        "!!!!",
        "é",
    ]
    for cursor in forged:
        _refused(
            client.get(f"{P}/programs", params={"sort": "title", "cursor": cursor}), 400, "invalid-cursor"
        )
        page = client.get("/tables/programs", params={"sort": "title", "cursor": cursor})
        assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    issued = client.get(f"{P}/programs", params={"sort": "title", "limit": "1"}).json()["next_cursor"]
    follows = client.get(f"{P}/programs", params={"sort": "title", "limit": "1", "cursor": issued})
    assert follows.status_code == 200 and len(follows.json()["items"]) == 1


def test_an_idempotency_key_beyond_printable_ascii_is_refused_alike_on_both_paths(
    client: TestClient, key_for: KeyMaker, service: Service
) -> None:
    keys = _setup(client, key_for)
    line = {"accounting_date": f"{YEAR}-01-02", "budget_code": CODE, "title": "복지 사업", "amount": 9}
    assert client.post(f"{Y}/budget-lines", json=line, headers=keys["budget"]).status_code == 201  # cached
    head = service.ledger.recorder.max_notification_id()
    body = {**line, "budget_code": CODE[:-2] + "02"}
    for key in ("é".encode("latin-1"), b"\xa0", b" ", b"a\x7f"):
        headers = [*keys["budget"].items(), ("Idempotency-Key", key)]
        first, second, answered = _both(client, f"{Y}/budget-lines", body, headers)
        _same_refusal(first, second, 400, "invalid-idempotency-key")
        assert answered == 0
    assert service.ledger.recorder.max_notification_id() == head


def test_a_content_length_in_other_digits_is_a_problem_not_a_500(client: TestClient) -> None:
    """Servers check Content-Length; the fast path does not rely on it (``"²".isdigit()``)."""
    sent: list[dict[str, Any]] = []
    path = f"{Y}/budget-lines"
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(b"content-length", "²".encode()), (b"content-type", b"application/json")],
        "http_version": "1.1",
        "scheme": "http",
        "server": ("testserver", 80),
        "client": ("testclient", 1),
        "root_path": "",
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    client.portal.call(client.app, scope, receive, send)  # type: ignore[union-attr]
    assert sent[0]["status"] == 413
    assert (b"content-type", PROBLEM.encode()) in sent[0]["headers"]
