"""Errors as RFC 9457 problem details (``application/problem+json``).

``type`` is the stable code of the refusal (``over-allocation``, ``vendor-debarred``, …), a URI
reference relative to ``/problems/`` where each is described; ``detail`` says in plain words what
happened and ``numbers`` carries the amounts involved. No request ever gets a bare 500 for bad
input: malformed requests are 422, and anything unexpected is a logged 500 problem with no
internals in it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from commands.errors import CommandIdReused, PersonalDataUnavailable, TooMuchContention, VersionConflict
from domain import errors

log = logging.getLogger("cleanledger.api")

PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """An RFC 9457 problem: why a request was refused."""

    type: str = Field(
        description="Stable code of the problem, e.g. over-allocation", examples=["over-allocation"]
    )
    title: str = Field(description="Short summary of the kind of problem")
    status: int = Field(description="The HTTP status code")
    detail: str = Field(description="What happened, in plain words")
    instance: str | None = Field(default=None, description="The request path")
    numbers: dict[str, int | str] = Field(
        default_factory=dict, description="The amounts and values the refusal is about"
    )
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="For malformed input: each invalid field, where and why"
    )


class ApiProblem(Exception):
    """A refusal raised by the HTTP layer itself (authentication, headers, limits)."""

    def __init__(
        self,
        status: int,
        code: str,
        title: str,
        detail: str,
        *,
        headers: Mapping[str, str] | None = None,
        numbers: Mapping[str, int | str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.headers = dict(headers or {})
        self.numbers = dict(numbers or {})


def status_for(kind: type[errors.DomainError]) -> int:
    """The HTTP status of a kind of domain refusal."""
    if issubclass(kind, errors.InvalidInput):
        return 422
    if issubclass(kind, errors.NotFound | errors.WrongOrganisation):
        # Another organisation's things are reported as missing: their existence is not public.
        return 404
    if issubclass(kind, errors.NotEntitled):
        # A shared record the organisation may use but not change (a vendor another one
        # registered, a debarment another one issued): the record is public, the change forbidden.
        return 403
    if issubclass(kind, VersionConflict):
        return 412
    if issubclass(kind, CommandIdReused):
        return 422
    if issubclass(kind, TooMuchContention | PersonalDataUnavailable):
        # Busy, or not set up to seal personal data: the server's state, not the request's.
        return 503
    return 409


def status_of(error: errors.DomainError) -> int:
    return status_for(type(error))


def problem_body(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    instance: str | None = None,
    numbers: Mapping[str, int | str] | None = None,
    errors_: list[dict[str, Any]] | None = None,
) -> bytes:
    """The JSON of a problem: one shape for the exception handlers and the ASGI limits."""
    body: dict[str, Any] = {
        "type": code,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        "numbers": dict(numbers or {}),
    }
    if errors_ is not None:
        body["errors"] = errors_
    return orjson.dumps(body)


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    instance: str | None = None,
    numbers: Mapping[str, int | str] | None = None,
    errors_: list[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    body = problem_body(status, code, title, detail, instance=instance, numbers=numbers, errors_=errors_)
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    found = []
    for error in exc.errors():
        found.append(
            {
                "loc": [str(part) for part in error.get("loc", ())],
                "msg": str(error.get("msg", "")),
                "type": str(error.get("type", "")),
            }
        )
    return found


def install(app: FastAPI) -> None:
    """Answer every refusal of ``app`` as problem+json."""

    @app.exception_handler(errors.DomainError)
    async def _domain(request: Request, exc: errors.DomainError) -> Response:
        return domain_problem(exc, request.url.path)

    @app.exception_handler(ApiProblem)
    async def _api(request: Request, exc: ApiProblem) -> Response:
        return problem_response(
            exc.status,
            exc.code,
            exc.title,
            exc.detail,
            instance=request.url.path,
            numbers=exc.numbers,
            headers=exc.headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _malformed(request: Request, exc: RequestValidationError) -> Response:
        found = _validation_errors(exc)
        first = found[0] if found else {"loc": [], "msg": "invalid"}
        where = ".".join(first["loc"])
        return problem_response(
            422,
            "invalid-request",
            "The request is malformed",
            f"{where}: {first['msg']}" if where else str(first["msg"]),
            instance=request.url.path,
            errors_=found,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        codes = {404: "not-found", 405: "method-not-allowed", 413: "request-too-large"}
        detail = exc.detail if isinstance(exc.detail, str) else "refused"
        return problem_response(
            exc.status_code,
            codes.get(exc.status_code, f"http-{exc.status_code}"),
            detail,
            detail,
            instance=request.url.path,
            headers=exc.headers,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return unexpected_problem(request.method, request.url.path)


def domain_problem(exc: errors.DomainError, path: str) -> Response:
    """A broken rule, as problem+json with the domain's code and numbers."""
    headers = {"Retry-After": "1"} if isinstance(exc, TooMuchContention) else None
    return problem_response(
        status_of(exc), exc.code, exc.title, exc.detail, instance=path, numbers=exc.numbers, headers=headers
    )


def unexpected_problem(method: str, path: str) -> Response:
    """A failure of the server's own (logged with its traceback, called in an ``except``)."""
    log.exception("unexpected error on %s %s", method, path)
    return problem_response(
        500,
        "internal-error",
        "Internal error",
        "The server failed to answer; nothing was recorded unless a position was returned.",
        instance=path,
    )


#: What each problem status means where nothing more particular is said (``say``).
DESCRIBED: dict[int, str] = {
    400: "A header sent more than once (repeated-header), or a body that is not JSON",
    401: "No valid API key",
    403: "The key's roles do not allow this for the organisation",
    404: "No such thing (or not in this organisation)",
    409: "A rule of the ledger refuses it (e.g. over-allocation, vendor-debarred, year-closed)",
    412: "If-Match names a version the aggregate is no longer at; nothing was written",
    413: "Request body too large",
    422: "Malformed input: a parameter or body field out of form (invalid-request, each field in "
    "`errors`), or a value the ledger refuses as malformed",
    429: "Too many requests from this client; see Retry-After",
    500: "The server failed (internal-error); nothing was recorded unless a position was returned",
    503: "Not projected up to min_position in time (not-yet-projected, Retry-After), a projection "
    "stopped by a fault before it (projection-faulted), or time travel unavailable or busy",
}

#: What the statuses of a command mean (:mod:`api.routers.commands`).
COMMAND_STATUSES: dict[int, str] = {
    400: "Bad header: If-Match or Idempotency-Key malformed (invalid-if-match, invalid-idempotency-key), "
    "If-Match on a command that creates (if-match-not-supported), or either sent twice (repeated-header)",
    403: "The key's roles do not allow this for the organisation, or the organisation may not "
    "change this shared record (e.g. debarment-issued-elsewhere)",
    422: "Malformed input (invalid-request, each field in `errors`; or a value the ledger refuses as "
    "malformed), or an Idempotency-Key reused for a different body (command-id-reused)",
    503: "Too much contention on the same aggregates (too-much-contention); see Retry-After. Or personal "
    "data sent to a server with no master key to seal it (personal-data-unavailable)",
}


def problem_responses(
    *statuses: int, say: Mapping[int, str] | None = None
) -> dict[int | str, dict[str, Any]]:
    """The problem responses of an operation, for the OpenAPI document: each status with what it
    means there (``say``), else with :data:`DESCRIBED`."""
    described = {**DESCRIBED, **(say or {})}
    return {
        status: {"model": Problem, "description": described[status], "content": {PROBLEM_JSON: {}}}
        for status in statuses
    }
