"""Commands that need none of FastAPI's per-request machinery are answered without it.

It runs before the application's middleware (``api.app.LedgerApp``), so it enforces the body
limit itself: a body of unknown length or over ``max_body_bytes`` goes to the application,
whose ``BodySizeLimit`` answers 413.

FastAPI resolves a command's route and its dependencies (services, principal, role check,
headers, path parameters, body) on every request. Under load that machinery cost about twice
the command itself (a py-spy profile of a server worker under ``bench.http``: the route's
dependencies and routing about half of the worker's CPU, ``Ledger.handle`` a quarter).

:class:`CommandFastPath` answers the plain case itself: a POST to a command's path, with a key
whose user is in the key cache and holds a role for the command, and a JSON body that makes a
valid command. It builds the command with the very functions the FastAPI route uses
(:func:`api.routers.commands.command_of`, :func:`~api.routers.commands.accepted`) and renders
broken rules with :func:`api.problems.domain_problem`. Every other request (no key or an unknown
one, a missing role, malformed headers, path parameters or body) goes on to the FastAPI route
unchanged, with its body, and gets exactly the answer it always got. The OpenAPI document still
describes the FastAPI routes, which remain the reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.accounts import Principal
from api.deps import IDEMPOTENCY_KEY_LENGTH, IF_MATCH_LENGTH, SINGLE_HEADERS
from api.params import command_path_value
from api.problems import ApiProblem, domain_problem, unexpected_problem
from api.roles import COMMAND_ROLES
from api.routers.commands import (
    PREFIX,
    ROUTES,
    CommandRoute,
    accepted,
    command_of,
    request_model,
)
from api.services import ApiServices
from domain.errors import DomainError


@dataclass(frozen=True)
class _Route:
    route: CommandRoute
    body_model: type[BaseModel]
    #: The path's segments: a literal, or the name of a parameter in braces.
    segments: tuple[str, ...]


def _parameter(name: str, value: str) -> Any:
    """A path parameter as the route reads it (:mod:`api.params`), or None when the route refuses
    it: the route then gives its own answer (401, 403 or 422, in that order)."""
    try:
        return command_path_value(name, value)
    except ValueError:
        return None


class CommandFastPath:
    """Answer plain command requests directly; pass everything else to ``app``."""

    def __init__(
        self,
        app: ASGIApp,
        services: ApiServices,
        routes: Iterable[CommandRoute] = ROUTES,
        *,
        max_body_bytes: int = 1_000_000,
    ) -> None:
        self.app = app
        self.services = services
        #: A body it may read itself; a larger one, or one of unknown length, goes to ``app``
        #: (whose size limit refuses it).
        self.max_body_bytes = max_body_bytes
        self._by_length: dict[int, list[_Route]] = {}
        for route in routes:
            segments = tuple(f"{PREFIX}{route.path}".strip("/").split("/"))
            self._by_length.setdefault(len(segments), []).append(
                _Route(route, request_model(route), segments)
            )
        #: Requests answered here (the rest went to the FastAPI routes).
        self.answered = 0

    def _match(self, path: str) -> tuple[_Route, dict[str, Any]] | None:
        parts = path.strip("/").split("/")
        for candidate in self._by_length.get(len(parts), ()):
            parameters: dict[str, Any] = {}
            for expected, part in zip(candidate.segments, parts, strict=True):
                if expected.startswith("{"):
                    value = _parameter(expected[1:-1], part)
                    if value is None:
                        return None
                    parameters[expected[1:-1]] = value
                elif expected != part:
                    break
            else:
                return candidate, parameters
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        matched = self._match(scope["path"])
        if matched is None:
            await self.app(scope, receive, send)
            return
        candidate, parameters = matched
        headers = _headers(scope)
        if headers is None:
            await self.app(scope, receive, send)
            return
        length = headers.get("content-length", "")
        # isascii: str.isdigit takes "²", on which int fails (servers check the header; this
        # must not rely on it).
        if not (length.isascii() and length.isdigit()) or int(length) > self.max_body_bytes:
            await self.app(scope, receive, send)
            return
        principal = self._principal(scope, headers)
        if principal is None or not principal.may(parameters["org"], COMMAND_ROLES[candidate.route.command]):
            await self.app(scope, receive, send)  # 401 or 403, before the body is read
            return
        body = await _body(receive)
        idempotency_key, if_match = headers.get("idempotency-key"), headers.get("if-match")
        try:
            if not headers.get("content-type", "").startswith("application/json"):
                raise ValueError("not JSON")
            if len(idempotency_key or "") > IDEMPOTENCY_KEY_LENGTH or len(if_match or "") > IF_MATCH_LENGTH:
                raise ValueError("a header longer than the route accepts")
            fields = candidate.body_model.model_validate_json(body)
            command, command_id = command_of(
                candidate.route,
                fields,
                parameters,
                principal,
                idempotency_key,
                if_match,
            )
        except (ValueError, ValidationError, ApiProblem, DomainError):  # DomainError: bad text
            await self.app(scope, _replaying(body), send)  # the route refuses it, as ever
            return
        self.answered += 1
        try:
            result = await run_in_threadpool(self.services.ledger.handle, command)
        except DomainError as broken:
            await domain_problem(broken, scope["path"])(scope, receive, send)
            return
        except Exception:
            await unexpected_problem("POST", scope["path"])(scope, receive, send)
            return
        self.services.after_command()
        content, extra = accepted(candidate.route, command_id, result)
        raw = [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]
        raw += [(name.lower().encode(), value.encode()) for name, value in extra.items()]
        await send({"type": "http.response.start", "status": 201, "headers": raw})
        await send({"type": "http.response.body", "body": content})

    def _principal(self, scope: Scope, headers: dict[str, str]) -> Principal | None:
        """The key's user if the key cache knows it (a miss, a bad or expired key, or a client
        held back by its failed authentications: the route decides, and counts the failure)."""
        if self.services.auth_failures.retry_after(scope):
            return None
        presented = headers.get("x-api-key")
        authorization = headers.get("authorization")
        if authorization is not None:
            scheme, _, credentials = authorization.partition(" ")
            if scheme.lower() == "bearer" and credentials:
                presented = credentials
        if not presented:
            return None
        found = self.services.accounts.authenticate_cached(presented)
        return found if isinstance(found, Principal) else None


def _headers(scope: Scope) -> dict[str, str] | None:
    """The request's headers by lower-case name (a repeated header: its last value), or None if
    one that may come once (``SINGLE_HEADERS``) came twice: the route refuses that."""
    headers: dict[str, str] = {}
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1")
        if name in headers and name in SINGLE_HEADERS:
            return None
        headers[name] = raw_value.decode("latin-1")
    return headers


async def _body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replaying(body: bytes) -> Receive:
    """A ``receive`` that hands the route the body this middleware already read."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive
