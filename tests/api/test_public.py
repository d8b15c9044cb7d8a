"""The public open API (공개 API) on both backends: filters, sorts, keyset pages, totals, downloads.

A realistic history (tests.projections.test_disclosure.make_history: two organisations, two years,
contracts, payments, debarments, revenue, and a person as vendor) goes through the ledger; the
API's answers are checked against the projected tables read directly, and nothing a person is
known by may appear in any answer, header or download.
"""

from __future__ import annotations

import csv
import io
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import date
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from api.routers import public
from cleanledger.wiring import Service
from commands.messages.spending import DraftRequisition
from readmodels import exports
from readmodels import public_queries as queries
from readmodels.public_queries import PUBLIC_TABLES, PublicTable
from tests.api.conftest import SEOUL
from tests.app.books import Books
from tests.projections.test_disclosure import (
    DISTRICT,
    PAYER_NAME,
    PERSON_NAME,
    PERSON_REF,
    Clerk,
    History,
    make_history,
)

P = "/api/v1/public"
PERSON_ADDRESS = "서울특별시 어딘가 1"
PRIVATE_KEYS = {"registration_number", "address", "resident_registration_number", "bank_account", "name"}


@pytest.fixture
def history(service: Service, client: TestClient) -> Iterator[History]:
    """The history, and extra lines whose allocations tie on amount (for paging through ties)."""
    made = make_history(service.ledger)
    books = Clerk(service.ledger, org=DISTRICT)  # Seoul's 2026 is closed by the history
    for n in range(4):
        books.line(
            1_000_000, {1: 100_000, 2: 100_000}, f"100-050-051-1003-2003-{3100 + n}-201-01", "청사 관리"
        )
    head = service.ledger.recorder.max_notification_id()
    ready = client.get(f"{P}/programs", params={"min_position": head, "limit": 1})
    assert ready.status_code == 200, ready.text
    yield made


def stored(service: Service, spec: PublicTable) -> list[dict[str, Any]]:
    """Every row the API may show of ``spec``, read from the view, as JSON would carry it."""
    table = spec.table
    with service.services.read_engine.connect() as conn:
        rows = [
            dict(r)
            for r in conn.execute(
                select(*(table.c[c] for c in spec.columns)).where(*spec.fixed(table))
            ).mappings()
        ]
    for row in rows:
        for name, compute in spec.derived.items():
            row[name] = compute(row)
    return [jsonish(row) for row in rows]


def jsonish(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}


def key_of(spec: PublicTable, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[k] for k in spec.key)


def all_pages(client: TestClient, name: str, limit: int, **params: Any) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    pages, cursor = 0, None
    while True:
        response = client.get(f"{P}/{name}", params={**params, "limit": limit, "cursor": cursor})
        assert response.status_code == 200, response.text
        body = response.json()
        pages += 1
        assert len(body["items"]) <= limit
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items, pages
        assert len(body["items"]) == limit
        assert pages < 1000


def one_page(client: TestClient, name: str, **params: Any) -> dict[str, Any]:
    response = client.get(f"{P}/{name}", params={"limit": 1000, "totals": True, **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body: dict[str, Any] = response.json()
    assert body["next_cursor"] is None
    return body


def in_order(spec: PublicTable, rows: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """The order the API promises: sort columns then the key; NULLs last (first descending)."""
    descending = sort.startswith("-")
    columns = spec.sorts[sort.lstrip("-")]
    valued = sorted(
        (r for r in rows if r[columns[-1]] is not None),
        key=lambda r: tuple(r[c] for c in (*columns, *spec.key)),
    )
    empty = sorted(
        (r for r in rows if r[columns[-1]] is None),
        key=lambda r: tuple(r[c] for c in (*columns[:-1], *spec.key)),
    )
    return list(reversed(valued + empty)) if descending else valued + empty


# --- paging and sorting ---------------------------------------------------------------------------


def test_keyset_pages_concatenate_to_the_sorted_list_in_both_directions(
    client: TestClient, service: Service, history: History
) -> None:
    for spec in PUBLIC_TABLES.values():
        everything = stored(service, spec)
        assert everything, spec.name
        for sort in [*spec.sorts, *(f"-{s}" for s in spec.sorts)]:
            expected = in_order(spec, everything, sort)
            whole = one_page(client, spec.name, sort=sort)["items"]
            assert whole == expected, (spec.name, sort)
            for limit in (1, 2, 3):
                paged, pages = all_pages(client, spec.name, limit, sort=sort)
                assert paged == expected, (spec.name, sort, limit)
                assert len({key_of(spec, r) for r in paged}) == len(paged)
                assert pages >= len(expected) // limit
    # ties: the tie-breaker orders the allocations of equal amount, across page boundaries
    amounts = [r["amount"] for r in one_page(client, "allocations", sort="amount")["items"]]
    assert amounts.count(100_000) == 8
    # a nullable sort column: drafted requisitions have no decision date, last ascending
    decided = [r["decided_on"] for r in one_page(client, "requisitions", sort="decided_on")["items"]]
    assert decided[-1] is None and decided[0] is not None
    decided_desc = [r["decided_on"] for r in one_page(client, "requisitions", sort="-decided_on")["items"]]
    assert decided_desc == list(reversed(decided))
    # the default sort: by organisation, year and code (the index), or by start for debarments
    rows = one_page(client, "contracts")["items"]
    keys = [(r["org"], r["fiscal_year"], r["code"], r["contract_id"]) for r in rows]
    assert keys == sorted(keys)
    starts = [r["starts"] for r in one_page(client, "debarred-vendors")["items"]]
    assert starts == sorted(starts)


# --- filters --------------------------------------------------------------------------------------


def _text(spec: PublicTable, row: dict[str, Any], needle: str) -> bool:
    return any(needle.lower() in (row[c] or "").lower() for c in spec.text)


def _vendor(spec: PublicTable, row: dict[str, Any], vendor: str) -> bool:
    assert spec.vendor is not None
    vendor_id, number, name = spec.vendor
    return row[vendor_id] == vendor or row[number] == vendor or vendor in (row[name] or "")


def _in_range(spec: PublicTable, row: dict[str, Any], first: str, last: str) -> bool:
    if spec.name == "debarred-vendors":
        lifted = row["lifted_on"]
        return row["starts"] <= last and row["ends"] >= first and (lifted is None or lifted > first)
    column = {
        "allocations": "allocated_on",
        "requisitions": "drafted_on",
        "expenditures": "paid_on",
        "contracts": "contract_date",
    }[spec.name]
    return row[column] is not None and first <= row[column] <= last


def test_each_filter_narrows_to_the_matching_rows(
    client: TestClient, service: Service, history: History
) -> None:
    hanbit = next(
        r for r in stored(service, PUBLIC_TABLES["contracts"]) if r["supplier_name"] == "(주)한빛상사"
    )
    narrowed = 0
    for spec in PUBLIC_TABLES.values():
        everything = stored(service, spec)
        cases: list[tuple[dict[str, Any], Any]] = [
            ({"org": DISTRICT}, lambda r: r["org"] == DISTRICT),
            ({"org": SEOUL, "year": 2027}, lambda r: r["org"] == SEOUL and r["fiscal_year"] == 2027),
            ({"year": 2026}, lambda r: r["fiscal_year"] == 2026),
            ({"q": "복지"}, lambda r, s=spec: _text(s, r, "복지")),
            ({"q": "%"}, lambda r, s=spec: _text(s, r, "%")),  # taken literally: LIKE is escaped
            ({"q": "_"}, lambda r, s=spec: _text(s, r, "_")),
        ]
        if spec.code:
            cases.append(({"code_prefix": "100-080"}, lambda r: r["code"].startswith("100-080")))
            cases.append(({"code_prefix": "100-0_0"}, lambda r: r["code"].startswith("100-0_0")))
        if spec.dates:
            cases.append(
                (
                    {"date_from": "2026-02-05", "date_to": "2026-04-30"},
                    lambda r, s=spec: _in_range(s, r, "2026-02-05", "2026-04-30"),
                )
            )
        if spec.vendor:
            for vendor in ("한빛", "123-45-67890", hanbit["supplier_id"], "대한건설"):
                cases.append(({"vendor": vendor}, lambda r, s=spec, v=vendor: _vendor(s, r, v)))
        for params, keep in cases:
            expected = in_order(spec, [r for r in everything if keep(r)], spec.default_sort)
            body = one_page(client, spec.name, **params)
            assert body["items"] == expected, (spec.name, params)
            assert body["totals"]["count"] == len(expected)
            narrowed += 0 < len(expected) < len(everything)
        # filters combine, and paging keeps them
        combined = {"org": SEOUL, "year": 2026, **({"code_prefix": "100"} if spec.code else {})}
        paged, _ = all_pages(client, spec.name, 2, **combined)
        assert paged == one_page(client, spec.name, **combined)["items"]
    assert narrowed > 30  # the cases are not all-or-nothing


def test_a_filter_the_table_does_not_have_is_refused(client: TestClient) -> None:
    for name, params in [
        ("programs", {"vendor": "한빛"}),
        ("programs", {"date_from": "2026-01-01"}),
        ("revenue", {"date_to": "2026-01-01"}),
        ("debarred-vendors", {"code_prefix": "100"}),
    ]:
        response = client.get(f"{P}/{name}", params=params)
        assert response.status_code == 400, (name, params)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"] == "unsupported-filter"


# --- totals ---------------------------------------------------------------------------------------


def test_totals_are_the_count_and_sums_over_every_page(
    client: TestClient, service: Service, history: History
) -> None:
    for spec in PUBLIC_TABLES.values():
        for params in ({}, {"org": SEOUL, "year": 2026}):
            first = client.get(f"{P}/{spec.name}", params={**params, "limit": 2, "totals": True}).json()
            items, _ = all_pages(client, spec.name, 1000, **params)
            expected = {"count": len(items), **{a: sum(r[a] or 0 for r in items) for a in spec.amounts}}
            assert first["totals"] == expected, (spec.name, params)
            if first["next_cursor"]:
                later = {**params, "limit": 2, "cursor": first["next_cursor"]}
                assert client.get(f"{P}/{spec.name}", params=later).json()["totals"] is None
                asked = client.get(f"{P}/{spec.name}", params={**later, "totals": True}).json()
                assert asked["totals"] == expected
            unasked = client.get(f"{P}/{spec.name}", params=params).json()
            assert unasked["totals"] is None


# --- downloads ------------------------------------------------------------------------------------


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _download(client: TestClient, name: str, fmt: str, **params: Any) -> bytes:
    response = client.get(f"{P}/{name}.{fmt}", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    assert response.headers["content-disposition"].endswith(f".{fmt}")  # filename*=UTF-8''….csv
    return response.content


def test_csv_and_xlsx_downloads_hold_the_rows_of_the_json_list(client: TestClient, history: History) -> None:
    for spec in PUBLIC_TABLES.values():
        for params in ({"sort": f"-{spec.default_sort}"}, {"org": SEOUL, "year": 2026}):
            items, _ = all_pages(client, spec.name, 3, **params)
            names = list(spec.labels)
            raw = _download(client, spec.name, "csv", **params)
            assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the UTF-8 Korean
            reader = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
            assert reader[0] == [f"{spec.labels[n]} ({n})" for n in names]
            assert reader[1:] == [[_csv_text(row[n]) for n in names] for row in items], spec.name

            book = openpyxl.load_workbook(io.BytesIO(_download(client, spec.name, "xlsx", **params)))
            sheet = book.worksheets[0]
            assert sheet.title == spec.title
            rows = list(sheet.iter_rows(values_only=True))
            assert list(rows[0]) == [f"{spec.labels[n]} ({n})" for n in names]
            assert [list(r) for r in rows[1:]] == [[row[n] for n in names] for row in items], spec.name


def test_an_empty_download_has_the_header_alone(client: TestClient) -> None:
    raw = _download(client, "contracts", "csv", org="9999999")
    assert raw.decode("utf-8-sig").count("\r\n") == 1
    book = openpyxl.load_workbook(io.BytesIO(_download(client, "contracts", "xlsx", org="9999999")))
    assert len(list(book.worksheets[0].iter_rows())) == 1


def test_a_download_is_streamed_in_batches(
    client: TestClient, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunks: list[int] = []
    writer = exports.csv_chunks

    def counted(*args: Any) -> Iterator[bytes]:
        for chunk in writer(*args):
            chunks.append(len(chunk))
            yield chunk

    monkeypatch.setattr(public, "DOWNLOAD_BATCH_SIZE", 2)
    monkeypatch.setattr(exports, "csv_chunks", counted)
    items, _ = all_pages(client, "expenditures", 1000)
    raw = _download(client, "expenditures", "csv")
    assert len(chunks) == 1 + (len(items) + 1) // 2  # the header, then one chunk per batch of 2
    assert sum(chunks) == len(raw)


def _rows(count: int, batch: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, count, batch):
        yield [
            {
                "id": n,
                "title": f"복지관 운영 물품 구매 {n} <&>",
                "day": date(2026, 1, 1 + n % 28),
                "ok": n % 2 == 0,
            }
            for n in range(start, min(start + batch, count))
        ]


LABELS = {"id": "번호", "title": "제목", "day": "일자", "ok": "여부"}


def _write(fmt: str, rows: Any) -> Iterator[bytes]:
    return exports.csv_chunks(LABELS, rows) if fmt == "csv" else exports.xlsx_chunks(LABELS, rows, "목록")


def _peak_memory(fmt: str, count: int) -> tuple[int, int, int]:
    """(peak bytes allocated while writing ``count`` rows, chunks, bytes of data written)."""
    tracemalloc.start()
    try:
        chunks, written = 0, 0
        for chunk in _write(fmt, _rows(count, 500)):
            chunks += 1
            written += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, chunks, written


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_writer_yields_as_it_reads_and_never_holds_the_file(fmt: str) -> None:
    """Pulled lazily: the source breaks after a few batches, which a writer that built the whole
    file before sending would hit. And memory is one batch's: four times the rows, same peak."""

    def source() -> Iterator[list[dict[str, Any]]]:
        yield from _rows(3000, 1000)
        raise AssertionError("the writer read beyond what it had sent")

    started = _write(fmt, source())
    assert all(next(started) for _ in range(3))
    started.close()  # a client that goes away: the writer lets go without an error

    small, _, _ = _peak_memory(fmt, 10_000)
    large, chunks, written = _peak_memory(fmt, 40_000)
    assert chunks > 20  # one per batch of 500 for CSV; deflate holds a few back in XLSX
    assert large < small * 1.5
    content = b"".join(_write(fmt, _rows(40_000, 500)))
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            size = package.getinfo("xl/worksheets/sheet1.xml").file_size
    else:
        size = len(content)
    assert written == len(content)
    assert large < size / 4


def test_xlsx_continues_on_a_new_sheet_past_the_row_limit() -> None:
    data = b"".join(exports.xlsx_chunks(LABELS, _rows(25, 7), "목록", max_sheet_rows=11))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.testzip() is None
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [s.title for s in book.worksheets] == ["목록", "목록 (2)", "목록 (3)"]
    ids = [r[0] for s in book.worksheets for r in s.iter_rows(min_row=2, values_only=True)]
    assert ids == list(range(25))
    assert book.worksheets[0]["B2"].value == "복지관 운영 물품 구매 0 <&>"
    assert book.worksheets[0]["D2"].value is True


def test_csv_never_starts_a_cell_with_a_formula() -> None:
    rows = [[{"id": -5, "title": "=HYPERLINK(1)", "day": None, "ok": None}]]
    text = b"".join(exports.csv_chunks(LABELS, rows)).decode("utf-8-sig")
    assert text.splitlines()[1] == "-5,'=HYPERLINK(1),,"


# --- one contract ---------------------------------------------------------------------------------


def test_a_contract_with_its_amendments_inspection_and_payments(
    client: TestClient, service: Service, history: History
) -> None:
    body = client.get(f"{P}/contracts/{history.first_contract}").json()
    listed = next(
        r for r in one_page(client, "contracts")["items"] if r["contract_id"] == str(history.first_contract)
    )
    assert {k: body[k] for k in listed} == listed
    assert [(a["previous_amount"], a["new_amount"], a["reason"]) for a in body["amendment_history"]] == [
        (1_200_000, 1_400_000, "수량 증가"),
        (1_400_000, 1_400_000, "납기 연장"),
    ]
    assert body["inspections"] == [
        {"inspected_on": "2026-08-10", "inspected_amount": 1_400_000, "passed": True}
    ]
    payments = one_page(client, "expenditures", sort="paid_on")["items"]
    assert body["payments"] == [p for p in payments if p["contract_id"] == str(history.first_contract)]
    assert sum(p["amount"] - p["returned"] for p in body["payments"]) == body["payments_to_date"]
    missing = client.get(f"{P}/contracts/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


# --- read your own write --------------------------------------------------------------------------


def test_min_position_reads_your_own_write(client: TestClient, service: Service, history: History) -> None:
    books = Books(service.ledger, org=DISTRICT)
    line = one_page(client, "programs", org=DISTRICT, year=2026)["items"][0]["line_id"]
    for n in range(5):
        result = books.run(DraftRequisition, line_id=line, title=f"방금 올린 품의 {n}", amount=1_000 + n)
        found = client.get(
            f"{P}/requisitions", params={"q": f"방금 올린 품의 {n}", "min_position": result.position}
        ).json()
        assert [r["requisition_id"] for r in found["items"]] == [str(result.aggregate_id)]
        contract = client.get(
            f"{P}/contracts/{history.first_contract}", params={"min_position": result.position}
        )
        assert contract.status_code == 200


# --- refusals -------------------------------------------------------------------------------------


def _problem(response: Any, status: int, kind: str | None = None) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    if kind is not None:
        assert response.json()["type"] == kind


def test_bad_cursors_sorts_and_limits_are_refused_as_problems(client: TestClient, history: History) -> None:
    first = client.get(f"{P}/contracts", params={"limit": 1, "sort": "amount", "org": SEOUL}).json()
    cursor = first["next_cursor"]
    assert cursor
    ok = client.get(f"{P}/contracts", params={"limit": 1, "sort": "amount", "org": SEOUL, "cursor": cursor})
    assert ok.status_code == 200
    for params in (
        {"sort": "-amount", "org": SEOUL},  # another direction
        {"sort": "contract_date", "org": SEOUL},  # another sort
        {"sort": "amount", "org": DISTRICT},  # another filter
        {"sort": "amount"},  # a filter dropped
    ):
        _problem(client.get(f"{P}/contracts", params={**params, "cursor": cursor}), 400, "invalid-cursor")
    _problem(client.get(f"{P}/expenditures", params={"sort": "amount", "org": SEOUL, "cursor": cursor}), 400)
    for garbage in ("x", "!!!", "eyJmIjoxfQ", cursor[:-3], "e30"):
        _problem(client.get(f"{P}/contracts", params={"cursor": garbage}), 400, "invalid-cursor")
    for sort in ("supplier_name", "-", "--amount", "amount;drop", "payee_name"):
        _problem(client.get(f"{P}/contracts", params={"sort": sort}), 400, "invalid-sort")
    _problem(client.get(f"{P}/contracts", params={"limit": 1001}), 422, "invalid-request")
    _problem(client.get(f"{P}/contracts", params={"limit": 0}), 422, "invalid-request")
    _problem(client.get(f"{P}/contracts", params={"format": "pdf"}), 400, "download-moved")
    _problem(client.get(f"{P}/contracts", params={"format": "xlsx"}), 400, "download-moved")
    _problem(client.get(f"{P}/contracts.pdf"), 404)
    _problem(client.get(f"{P}/contracts", params={"org": "seoul"}), 422, "invalid-request")
    _problem(client.get(f"{P}/contracts", params={"q": "a\x00b"}), 422, "invalid-request")
    _problem(client.get(f"{P}/nothing"), 404)


def test_a_forged_cursor_is_refused_before_it_reaches_the_database(
    client: TestClient, history: History
) -> None:
    order = queries.parse_sort(PUBLIC_TABLES["contracts"], "title" if False else "amount")
    filters = queries.Filters()
    for values in ([2**70, "x"], ["1", "x"], [True, "x"], [5, "a\x00"], [5]):
        forged = queries.encode_cursor(order, filters, queries.After("value", tuple(values)))
        _problem(
            client.get(f"{P}/contracts", params={"sort": "amount", "cursor": forged}), 400, "invalid-cursor"
        )


def test_the_public_api_needs_no_key_and_writes_nothing(client: TestClient) -> None:
    assert client.get(f"{P}/contracts").status_code == 200
    _problem(client.post(f"{P}/contracts", json={}), 405)
    _problem(client.delete(f"{P}/contracts/00000000-0000-0000-0000-000000000000"), 405)


# --- privacy --------------------------------------------------------------------------------------


def test_no_answer_names_a_person(client: TestClient, history: History) -> None:
    """Every key and value of every list, detail and download, against what a person is known by."""
    secrets = (PERSON_NAME, PERSON_REF, PERSON_ADDRESS, PAYER_NAME, str(history.person))
    answers: list[bytes] = []
    for spec in PUBLIC_TABLES.values():
        body = one_page(client, spec.name)
        for row in body["items"]:
            assert set(row) == set(spec.labels)
            assert not PRIVATE_KEYS & set(row)
        answers.append(client.get(f"{P}/{spec.name}", params={"limit": 1000}).content)
        answers.append(_download(client, spec.name, "csv"))
        with zipfile.ZipFile(io.BytesIO(_download(client, spec.name, "xlsx"))) as package:
            answers.extend(package.read(name) for name in package.namelist())
    for contract in one_page(client, "contracts")["items"]:
        detail = client.get(f"{P}/contracts/{contract['contract_id']}")
        assert not PRIVATE_KEYS & set(detail.json())
        answers.append(detail.content)
    person_contract = client.get(f"{P}/contracts/{history.person_contract}").json()
    assert person_contract["supplier_kind"] == "person"
    assert person_contract["supplier_id"] is person_contract["supplier_name"] is None
    assert all(p["payee_name"] is None for p in person_contract["payments"])
    debarred = one_page(client, "debarred-vendors")["items"]
    assert [d["vendor_name"] for d in debarred] == ["(주)부실산업", "대한건설(주)"]  # not the person's
    for answer in answers:
        text = answer.decode("utf-8-sig")
        for secret in secrets:
            assert secret not in text
    for secret in secrets:  # nor can a person be found by searching
        for spec in PUBLIC_TABLES.values():
            found = client.get(f"{P}/{spec.name}", params={"q": secret}).json()
            assert found["items"] == [], (spec.name, secret)
            if spec.vendor:
                assert client.get(f"{P}/{spec.name}", params={"vendor": secret}).json()["items"] == []


def test_the_openapi_document_describes_each_public_list(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    for spec in PUBLIC_TABLES.values():
        operation = document["paths"][f"{P}/{spec.name}"]["get"]
        content = operation["responses"]["200"]["content"]
        assert set(content) == {"application/json"}, "the list answers JSON only"
        assert "400" in operation["responses"]
        for fmt, media_type in (("csv", exports.CSV_MEDIA_TYPE), ("xlsx", exports.XLSX_MEDIA_TYPE)):
            download = document["paths"][f"{P}/{spec.name}.{fmt}"]["get"]
            ok = download["responses"]["200"]
            assert ok["content"] == {media_type: {"schema": {"type": "string", "format": "binary"}}}
            assert "Content-Disposition" in ok["headers"]
            taken = {p["name"] for p in download["parameters"]}
            assert taken == {p["name"] for p in operation["parameters"]} - {"limit", "totals"}
        parameters = {p["name"] for p in operation["parameters"]}
        assert {
            "org",
            "year",
            "code_prefix",
            "sort",
            "limit",
            "cursor",
            "min_position",
        } <= parameters
        assert "format" not in parameters
        row = schemas[f"Public{public._camel(spec.name)}Row"]
        assert set(row["properties"]) == set(spec.labels)
        assert row.get("examples")
        assert all(p.get("description") for p in row["properties"].values())
    assert f"{P}/contracts/{{contract_id}}" in document["paths"]
