"""The OpenAPI document, completed: problem bodies under ``application/problem+json`` and the
catalogue of every problem type (its status and title), generated from the error classes so it
cannot drift from the code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api import headers
from api.problems import DESCRIBED, PROBLEM_JSON, status_for
from api.services import Limits
from domain.errors import DomainError

#: Problems the HTTP layer raises itself: code → (status, title).
HTTP_PROBLEMS: dict[str, tuple[int, str]] = {
    "invalid-request": (422, "The request is malformed"),
    "unauthenticated": (401, "An API key is required"),
    "invalid-api-key": (401, "The API key is not valid"),
    "api-key-expired": (401, "The API key has expired"),
    "forbidden": (403, "Not allowed"),
    "invalid-if-match": (400, "Invalid If-Match"),
    "if-match-not-supported": (400, "If-Match is not supported here"),
    "invalid-idempotency-key": (400, "Invalid Idempotency-Key"),
    "repeated-header": (400, "A header was sent more than once"),
    "invalid-sort": (400, "The list cannot be sorted that way"),
    "invalid-cursor": (400, "The cursor does not belong to this query"),
    "unsupported-filter": (400, "The list has no such filter"),
    "download-moved": (400, "Downloads are operations of their own"),
    "request-too-large": (413, "Request body too large"),
    "too-many-requests": (429, "Too many requests"),
    "too-many-failed-authentications": (429, "Too many failed authentications"),
    "position-not-recorded": (422, "No event has been recorded at that position"),
    "not-yet-projected": (503, "The views have not reached the requested position yet"),
    "projection-faulted": (503, "A projection is stopped by a fault"),
    "known-at-unavailable": (503, "Time travel is not available"),
    "known-at-busy": (503, "Time travel is busy"),
    "conflicting-parameters": (422, "Parameters that cannot be given together"),
    "not-found": (404, "No such resource"),
    "invalid-proof-request": (422, "No such proof"),
    "unknown-witness": (403, "Unknown witness"),
    "invalid-cosignature": (422, "The cosignature is not valid"),
    "method-not-allowed": (405, "Method not allowed"),
    "internal-error": (500, "Internal error"),
    "certificate-font-missing": (503, "No Korean font to print certificates with"),
}


def _subclasses(cls: type[DomainError]) -> list[type[DomainError]]:
    found: list[type[DomainError]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def problem_types() -> dict[str, dict[str, Any]]:
    """Every problem ``type`` an answer may carry: code → status and title."""
    catalogue: dict[str, dict[str, Any]] = {
        code: {"status": status, "title": title} for code, (status, title) in HTTP_PROBLEMS.items()
    }
    kinds: list[type[DomainError]] = [DomainError, *_subclasses(DomainError)]
    for error in kinds:
        catalogue.setdefault(error.code, {"status": status_for(error), "title": error.title})
    return dict(sorted(catalogue.items()))


def _problem_table() -> str:
    rows = "\n".join(
        f"| `{code}` | {entry['status']} | {entry['title']} |" for code, entry in problem_types().items()
    )
    return "\n\n### Problem types\n\n| type | status | title |\n| --- | --- | --- |\n" + rows


def _internal_error() -> dict[str, Any]:
    return {
        "description": DESCRIBED[500],
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def _headers_section() -> str:
    every = ", ".join(f"`{name}`" for name in sorted(headers.EVERY_RESPONSE))
    return (
        "\n\n### Headers\n\nEvery answer carries the security headers and the transport's own, declared "
        f"here once rather than on each operation: {every}. The headers only some answers carry "
        "(`ETag`, `Idempotent-Replayed`, `Retry-After`, `X-Known-At-Position`, `Content-Disposition`, "
        "`RateLimit-Policy`, `RateLimit`) are declared on each response that may carry them.\n\n"
        "### Rate limit\n\n" + headers.rate_limit_description(Limits.public_requests_per_minute)
    )


def _describe_rate_limit(schema: dict[str, Any]) -> None:
    """Each rate-limited operation's description says how the limit works."""
    text = headers.rate_limit_description(Limits.public_requests_per_minute)
    for path, methods in schema.get("paths", {}).items():
        if path.startswith(headers.RATE_LIMITED_PREFIXES):
            for operation in methods.values():
                described = operation.get("description", "")
                operation["description"] = f"{described}\n\n{text}" if described else text


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=(app.description or "") + _headers_section() + _problem_table(),
            routes=app.routes,
            tags=app.openapi_tags,
        )
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and PROBLEM_JSON in content and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
                # Any operation may fail on a bug of the server's: a 500 problem, never a bare one.
                operation.setdefault("responses", {}).setdefault("500", _internal_error())
        schema["components"].setdefault("x-problem-types", problem_types())
        add_links(schema)
        headers.declare(schema)
        _describe_rate_limit(schema)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


# --- links: where a created thing's id goes next ---------------------------------------------------


@dataclass(frozen=True)
class _Made:
    """What a command creates: its operation, the answer's field holding the new id, the collection
    whose paths name that id (``…/budget-lines/{line_id}/…``), and the body fields that name it
    elsewhere (an obligation's ``line_id``). Without a field: a command that opens a scope (a
    fiscal year), linked to every command in that scope."""

    operation: str
    field: str | None = None
    collection: str | None = None
    body_fields: tuple[str, ...] = ()


MADE: tuple[_Made, ...] = (
    _Made("OpenFiscalYear"),
    _Made(
        "Appropriate",
        "aggregate_id",
        "budget-lines",
        ("line_id", "from_line_id", "to_line_id", "reserve_line_id"),
    ),
    _Made("OpenRevenueLine", "aggregate_id", "revenue-lines"),
    _Made("AssessRevenue", "aggregate_id", "assessments"),
    _Made("DraftRequisition", "aggregate_id", "requisitions", ("requisition_id",)),
    _Made("Obligate", "aggregate_id", "obligations", ("obligation_id",)),
    _Made("RegisterVendor", "aggregate_id", "vendors", ("vendor_id", "payee_id")),
    _Made("DebarVendor", "created_id", "debarments"),
    _Made("SignContract", "aggregate_id", "contracts", ("contract_id",)),
    _Made("DraftVoucher", "aggregate_id", "vouchers"),
    _Made("IssuePaymentOrder", "created_id", "payment-orders", ("order_id",)),
    _Made("Pay", "created_id", "payments", ("payment_id",)),
)


def _path_parameters(path: str) -> list[str]:
    return re.findall(r"{(\w+)}", path)


def _body_fields(schema: dict[str, Any], operation: dict[str, Any]) -> set[str]:
    reference = (
        operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    ).get("$ref", "")
    body = schema["components"]["schemas"].get(reference.rsplit("/", 1)[-1], {})
    return set(body.get("properties", {}))


def add_links(schema: dict[str, Any]) -> None:
    """OpenAPI links from each creating command's 201 to the operations that take what it created:
    in their path (with the organisation, the year and any id the two paths share) or in their
    body. Clients read where an id goes next; schemathesis follows them in its stateful phase."""
    operations = {
        operation["operationId"]: (path, operation)
        for path, methods in schema["paths"].items()
        for operation in methods.values()
        if "operationId" in operation
    }
    for made in MADE:
        if made.operation not in operations:
            continue
        source_path, source = operations[made.operation]
        shared = set(_path_parameters(source_path))
        created = f"$response.body#/{made.field}"
        links: dict[str, Any] = {}
        for name, (path, operation) in operations.items():
            if name == made.operation:
                continue
            carried = {f"path.{p}": f"$request.path.{p}" for p in _path_parameters(path) if p in shared}
            if made.field is None:
                if len(carried) == len(shared) and "requestBody" in operation:
                    links[name] = {"operationId": name, "parameters": carried}
                continue
            found = re.search(rf"/{re.escape(made.collection or '')}/{{(\w+)}}", path)
            if found is not None:
                links[name] = {
                    "operationId": name,
                    "parameters": {**carried, f"path.{found.group(1)}": created},
                }
                continue
            named = sorted(set(made.body_fields) & _body_fields(schema, operation))
            if named:
                links[name] = {
                    "operationId": name,
                    "parameters": carried,
                    "requestBody": {field: created for field in named},
                }
        if links:
            source["responses"]["201"]["links"] = links
