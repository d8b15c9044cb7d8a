"""The OpenAPI document says one thing one way (issue 22): each non-JSON answer is an operation of
its own with its one media type, every list pages with ``items``/``next_cursor``, every operation
declares the 500 problem the API answers on a bug, a public read mentions no command header, and
ids are ``format: uuid`` in reads as in command bodies."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def test_every_operation_declares_the_500_problem(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["components"]["x-problem-types"]["internal-error"]["status"] == 500
    for path, method, operation in _operations(document):
        declared = operation["responses"].get("500")
        assert declared is not None, (method, path)
        assert set(declared["content"]) == {PROBLEM}, (method, path)


def test_each_success_declares_one_media_type(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    files = {}
    for path, method, operation in _operations(document):
        success = [status for status in operation["responses"] if status.startswith("2")]
        for status in success:
            content = operation["responses"][status].get("content", {})
            assert len(content) <= 1, (method, path, list(content))
            media = next(iter(content), None)
            if media is not None and media != "application/json":
                files[path] = media
                assert content[media]["schema"]["type"] == "string", (method, path)
    assert files["/api/v1/public/checkpoints/public-key"] == "application/x-pem-file"
    assert files["/api/v1/public/log/checkpoint"] == "text/plain; charset=utf-8"
    assert files["/api/v1/public/programs.csv"] == "text/csv; charset=utf-8"
    assert files["/api/v1/public/orgs/{org}/reports/balance-sheet.csv"] == "text/csv; charset=utf-8"
    for path, media in files.items():
        if path.endswith((".csv", ".xlsx")):
            ok = document["paths"][path]["get"]["responses"]["200"]
            assert ok["content"][media]["schema"] == {"type": "string", "format": "binary"}, path
            assert "Content-Disposition" in ok["headers"], path


def test_every_list_pages_with_items_and_next_cursor(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    schemas = document["components"]["schemas"]
    pages = 0
    for path, method, operation in _operations(document):
        ok = operation["responses"].get("200", {}).get("content", {}).get("application/json", {})
        reference = ok.get("schema", {}).get("$ref", "")
        schema = schemas.get(reference.rsplit("/", 1)[-1], {})
        properties = set(schema.get("properties", {}))
        listed = {name for name, p in schema.get("properties", {}).items() if p.get("type") == "array"}
        if "items" in properties or any(name.startswith("next_") for name in properties):
            pages += 1
            assert "next_cursor" in properties, (method, path, properties)
            assert not {n for n in properties if n.startswith("next_")} - {"next_cursor"}, (method, path)
            assert "cursor" in {p["name"] for p in operation.get("parameters", [])}, (method, path)
            assert "items" in listed, (method, path)
    assert pages >= 11  # seven public tables, checkpoints, heads, two audit trails


def test_public_reads_mention_no_command_header(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    for path, method, operation in _operations(document):
        if method != "get":
            continue
        for status, response in operation["responses"].items():
            description = response.get("description", "")
            assert "Idempotency-Key" not in description and "If-Match" not in description, (path, status)


def test_ids_are_uuids_in_public_rows_and_read_answers(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    checked = 0
    for name, schema in document["components"]["schemas"].items():
        if not name.startswith(("Public", "BudgetActualOut")):
            continue
        for field, spec in schema.get("properties", {}).items():
            if field.endswith("_id"):
                kinds = spec.get("anyOf", [spec])
                assert any(k.get("format") == "uuid" for k in kinds), (name, field, spec)
                checked += 1
    assert checked >= 15
