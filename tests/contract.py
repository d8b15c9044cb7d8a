"""Every answer the test suite receives, checked against the OpenAPI document (issue 22).

``tests/conftest.py`` wraps :meth:`starlette.testclient.TestClient.request` so each answer of a
Clean Ledger app goes through :func:`check`: it finds the operation the request reached (method
and path template) and checks the answer against that operation's declared responses:

* the status is declared (or a ``4XX`` range, or ``default``);
* the media type is one the response declares;
* a JSON body (``application/json``, ``application/problem+json``) matches the declared schema
  (JSON Schema draft 2020-12 over the document: FastAPI writes OpenAPI 3.1);
* every header is declared by that response, or is one every answer carries
  (:data:`api.headers.EVERY_RESPONSE`: security and transport headers); a declared integer or
  enumerated header's value fits its schema.

A violation is recorded; the test that received the answer fails after its call with the list
(see ``pytest_runtest_call`` in tests/conftest.py). Skipped, by the rules in :func:`check`:

* paths outside ``/api/``: the portal's HTML pages, ``/docs``, ``/openapi.json``, ``/healthz``,
  static files: they are no operations of the document;
* 404 and 405 for a method and path that match no operation: the router's answer to a path or
  method that does not exist, which no operation could declare;
* apps that are not FastAPI apps (the tests' own stubs).

Cost: the document and its compiled validators are built once per process and route table, then
one dictionary lookup and one validation per answer.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

import httpx2 as httpx
import jsonschema_rs
import orjson
from fastapi import FastAPI

from api.headers import EVERY_RESPONSE


@dataclass(frozen=True)
class Allowance:
    """A known disagreement between an answer and the document that another change fixes: which
    operation and status, which kind of violation (``header:NAME``, ``status``, ``media``, ``body``),
    and why it is allowed for now. Remove it when the fix lands."""

    operation: str
    status: int
    kind: str
    reason: str


#: Disagreements owned by other parts of issue 22 (downloads, page shapes, ETag/If-Match). Each
#: names its fix; the lead removes the entry when merging it.
ALLOWED: tuple[Allowance, ...] = ()


@dataclass
class Stats:
    checked: int = 0
    skipped: int = 0
    allowed: int = 0


#: Violations since the last :func:`take`, and counts for this process.
_violations: list[str] = []
_lock = threading.Lock()
stats = Stats()


def _base(media: str) -> str:
    return media.split(";", 1)[0].strip().lower()


@dataclass
class _Operation:
    method: str
    template: str
    pattern: re.Pattern[str]
    literal: int
    spec: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.spec.get("operationId", f"{self.method.upper()} {self.template}"))


@dataclass
class Contract:
    """The document of one app, compiled for checking answers."""

    document: dict[str, Any]
    operations: dict[str, list[_Operation]] = field(default_factory=dict)
    _validators: dict[tuple[str, str, str], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for template, methods in self.document.get("paths", {}).items():
            regex = "^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(template)) + "$"
            for method, spec in methods.items():
                literal = len(re.sub(r"{\w+}", "", template))
                self.operations.setdefault(method, []).append(
                    _Operation(method, template, re.compile(regex), literal, spec)
                )
        for found in self.operations.values():
            # A literal segment wins over a parameter: /checkpoints/latest before /checkpoints/{id}.
            found.sort(key=lambda o: -o.literal)

    def find(self, method: str, path: str) -> _Operation | None:
        for operation in self.operations.get(method, ()):
            if operation.pattern.match(path):
                return operation
        return None

    def validator(self, operation: _Operation, status: str, media: str, schema: dict[str, Any]) -> Any:
        key = (operation.name, status, media)
        found = self._validators.get(key)
        if found is None:
            root = {"components": self.document.get("components", {}), **schema}
            found = self._validators[key] = jsonschema_rs.Draft202012Validator(root)
        return found

    def violations(self, method: str, path: str, response: httpx.Response) -> tuple[str | None, list[str]]:
        """The operation the request reached and how the answer disagrees with it (``None``, [])
        when the request is skipped)."""
        lookup = "get" if method == "head" else method
        operation = self.find(lookup, path)
        status = response.status_code
        if operation is None:
            if status in (404, 405):
                return None, []  # no such path or method: the router's answer, not an operation's
            return f"{method.upper()} {path}", [f"{status} from a path and method no operation declares"]
        responses = operation.spec.get("responses", {})
        declared = next(
            (key for key in (str(status), f"{status // 100}XX", "default") if key in responses), None
        )
        if declared is None:
            return operation.name, [f"status {status} is not declared (declared: {sorted(responses)})"]
        found: list[str] = []
        response_spec = responses[declared]
        names = {name.lower() for name in response_spec.get("headers", {})}
        undeclared = sorted({n.lower() for n in response.headers} - EVERY_RESPONSE - names)
        found += [f"header:{name} is not declared" for name in undeclared]
        for name, spec in response_spec.get("headers", {}).items():
            value = response.headers.get(name)
            if value is not None and not _header_value_fits(value, spec.get("schema", {})):
                found.append(f"header:{name.lower()} {value!r} does not fit its schema {spec.get('schema')}")
        content = response_spec.get("content", {})
        body = response.content
        if body and method != "head":
            media = _base(response.headers.get("content-type", ""))
            by_base = {_base(m): m for m in content}
            if media not in by_base:
                found.append(f"media {media!r} is not declared (declared: {sorted(by_base)})")
            elif media.endswith("json") and "schema" in content[by_base[media]]:
                try:
                    instance = orjson.loads(body)
                except orjson.JSONDecodeError as error:
                    found.append(f"body is not JSON: {error}")
                else:
                    schema = content[by_base[media]]["schema"]
                    errors = list(self.validator(operation, declared, media, schema).iter_errors(instance))
                    found += [
                        f"body: {str(e).splitlines()[0]} at {list(e.instance_path)}" for e in errors[:3]
                    ]
        return operation.name, found


def _header_value_fits(value: str, schema: dict[str, Any]) -> bool:
    """An integer header is digits at or over its minimum; an enumerated one is one of its values."""
    if schema.get("type") == "integer":
        return value.isdigit() and int(value) >= schema.get("minimum", 0)
    return value in schema.get("enum", [value])


def _first_line(error: Any) -> str:
    return str(error).splitlines()[0]


_contracts: dict[tuple[Any, ...], Contract] = {}


def _contract_for(app: Any) -> Contract | None:
    if not isinstance(app, FastAPI):
        return None
    key = tuple(
        (getattr(r, "path", ""), tuple(sorted(getattr(r, "methods", None) or ()))) for r in app.routes
    )
    contract = _contracts.get(key)
    if contract is None:
        contract = _contracts[key] = Contract(app.openapi())
    return contract


def _kind(violation: str) -> str:
    head = violation.split(" ", 1)[0]
    return head if head.startswith("header:") else head.split(":", 1)[0]


def check(app: Any, response: httpx.Response) -> None:
    """Check one answer of ``app``; record what disagrees with the document."""
    path = response.request.url.path
    method = response.request.method.lower()
    contract = _contract_for(app) if path.startswith("/api/") else None
    if contract is None:
        stats.skipped += 1
        return
    operation, found = contract.violations(method, path, response)
    if operation is None:
        stats.skipped += 1
        return
    stats.checked += 1
    kept = []
    for violation in found:
        allowed = any(
            a.operation == operation and a.status == response.status_code and a.kind == _kind(violation)
            for a in ALLOWED
        )
        if allowed:
            stats.allowed += 1
        else:
            kept.append(violation)
    if kept:
        with _lock:
            _violations.append(
                f"{method.upper()} {path} → {response.status_code} ({operation}): " + "; ".join(kept)
            )


def take() -> list[str]:
    """The violations recorded since the last call, forgotten."""
    with _lock:
        found = list(_violations)
        _violations.clear()
    return found
