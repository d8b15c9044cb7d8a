"""Dependencies of the routes, as ``Annotated`` aliases (one place, as FastAPI's template does)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from api.accounts import Principal
from api.params import DIGITS, IDEMPOTENCY_KEY_PATTERN, IF_MATCH_PATTERN, MAX_POSITION
from api.problems import ApiProblem
from api.services import ApiServices, ProjectionFaulted

# The dependencies that only look at the request are ``async def``: FastAPI runs a plain ``def``
# dependency in the thread pool, a hand-over that costs more than the work (measured in
# bench/http.py). What may block (a key not in the cache, waiting for a position) still goes to a
# thread.


async def get_services(request: Request) -> ApiServices:
    services: ApiServices = request.app.state.services
    return services


Services = Annotated[ApiServices, Depends(get_services)]

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer clk_…`")
_header_key = APIKeyHeader(name="X-API-Key", auto_error=False, description="An API key: `X-API-Key: clk_…`")


async def get_principal(
    request: Request,
    services: Services,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    header_key: Annotated[str | None, Depends(_header_key)],
) -> Principal:
    failures = services.auth_failures
    wait = failures.retry_after(request.scope)
    if wait:
        # Whatever key it carries: a right key let through here would tell a guesser it is right.
        raise ApiProblem(
            429,
            "too-many-failed-authentications",
            "Too many failed authentications",
            f"{failures.limit} API keys were refused from this address within "
            f"{failures.window:g} s; no key is accepted from it until that window has passed.",
            headers={"Retry-After": str(wait)},
            numbers={"retry_after_seconds": wait},
        )
    presented = bearer.credentials if bearer is not None else header_key
    if not presented:
        raise ApiProblem(
            401,
            "unauthenticated",
            "An API key is required",
            "Send an API key as 'Authorization: Bearer clk_…' or 'X-API-Key: clk_…'.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    found = services.accounts.authenticate_cached(presented)
    if found is None:
        found = await run_in_threadpool(services.accounts.authenticate, presented)
    if isinstance(found, Principal):
        return found
    failures.record(request.scope)
    if found.expired_at is not None:
        when = found.expired_at.isoformat().replace("+00:00", "Z")
        raise ApiProblem(
            401,
            "api-key-expired",
            "The API key has expired",
            f"The key expired at {when}; ask an administrator for a new one.",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token", error_description="expired"'},
            numbers={"expired_at": when},
        )
    raise ApiProblem(
        401,
        "invalid-api-key",
        "The API key is not valid",
        "The key is unknown, revoked, or its user is disabled.",
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


async def principal_of(request: Request) -> Principal:
    """:data:`CurrentPrincipal` outside dependency injection: the same key checks, for a check
    that must run before FastAPI solves the route's dependencies (and reads its body)."""
    services = await get_services(request)
    return await get_principal(request, services, await _bearer(request), await _header_key(request))


async def wait_for_min_position(
    services: Services,
    min_position: Annotated[
        int | None,
        Query(
            ge=0,
            le=MAX_POSITION,
            description="Answer only once the views include the log up to this position (read your "
            "own write: pass the position a command returned)",
        ),
        DIGITS,
    ] = None,
) -> None:
    if min_position is None or min_position == 0:
        return
    await run_in_threadpool(_wait_for_position, services, min_position)


def _wait_for_position(services: ApiServices, min_position: int) -> None:
    try:
        _wait(services, min_position)
    except ProjectionFaulted as fault:
        # It will never get there until an operator fixes the cause: say so at once.
        raise ApiProblem(
            503,
            "projection-faulted",
            "A projection is stopped by a fault",
            f"The read models cannot reach position {min_position}: projection {fault.projection} is "
            f"stopped before position {fault.position}, at an event it cannot apply, until an operator "
            "fixes the cause (GET /api/v1/status shows it).",
            numbers={
                "min_position": min_position,
                "projection": fault.projection,
                "stopped_at": fault.position,
            },
        ) from None


def _wait(services: ApiServices, min_position: int) -> None:
    if services.wait_for_position(min_position, 0):
        return  # already in the views, the common case: no look at the head of the log
    head = services.ledger.recorder.max_notification_id() or 0
    if min_position > head:
        # Positions come from recorded commands; one past the head was never handed out, and
        # waiting for it would hang the reader until someone else happens to write.
        raise ApiProblem(
            422,
            "position-not-recorded",
            "No event has been recorded at that position",
            f"min_position {min_position} is beyond the head of the log ({head}).",
            numbers={"min_position": min_position, "head": head},
        )
    timeout = services.limits.min_position_timeout
    if not services.wait_for_position(min_position, timeout):
        raise ApiProblem(
            503,
            "not-yet-projected",
            "The views have not reached the requested position yet",
            f"The read models did not reach position {min_position} within {timeout:g} s; retry.",
            headers={"Retry-After": "1"},
            numbers={"min_position": min_position},
        )


MinPosition = Annotated[None, Depends(wait_for_min_position)]


def read_connection(services: Services) -> Iterator[Connection]:
    with services.read_engine.connect() as conn:
        yield conn


ReadConnection = Annotated[Connection, Depends(read_connection)]

IDEMPOTENCY_KEY_LENGTH = 255
IF_MATCH_LENGTH = 64

#: Headers a command reads once: with two ``Idempotency-Key`` headers one reader took the first and
#: another the last, so a retry could name another command. A repetition is refused (400), by the
#: routes here and by the fast path (which leaves such a request to the route).
SINGLE_HEADERS = ("idempotency-key", "if-match")


def refuse_repeated(request: Request, name: str) -> None:
    """400 ``repeated-header`` if the request carries header ``name`` more than once."""
    if len(request.headers.getlist(name)) > 1:
        raise ApiProblem(
            400,
            "repeated-header",
            "A header was sent more than once",
            f"Send {name} at most once: a command has one id and one expected version.",
            numbers={"header": name},
        )


async def idempotency_key(
    request: Request,
    value: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            max_length=IDEMPOTENCY_KEY_LENGTH,
            # Documented, and checked by the route (400 invalid-idempotency-key), not here (422).
            json_schema_extra={"pattern": IDEMPOTENCY_KEY_PATTERN},
            description="Makes a retry safe: the same key and body return the first response and "
            "record nothing; the same key with a different body is refused (422). At most once.",
        ),
    ] = None,
) -> str | None:
    refuse_repeated(request, "idempotency-key")
    return value


async def if_match(
    request: Request,
    value: Annotated[
        str | None,
        Header(
            alias="If-Match",
            max_length=IF_MATCH_LENGTH,
            json_schema_extra={"pattern": IF_MATCH_PATTERN},
            description='The aggregate version the command expects, as returned in ETag ("3"); a '
            "stale version is refused (412) and nothing is written. At most once.",
        ),
    ] = None,
) -> str | None:
    refuse_repeated(request, "if-match")
    return value


IdempotencyKey = Annotated[str | None, Depends(idempotency_key)]
IfMatch = Annotated[str | None, Depends(if_match)]
