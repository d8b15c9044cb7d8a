"""The FastAPI application: ERP commands, the public open API, reports and audit."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from api import docs_page, openapi, problems
from api.command_fast_path import CommandFastPath
from api.limits import BodySizeLimit, PublicRateLimit
from api.page_cache import PublicPageCache, projection_states
from api.portal import router as portal
from api.routers import (
    attendance,
    audit,
    checkpoints,
    commands,
    payroll,
    personnel,
    public,
    reports,
    status,
    transparency_log,
)
from api.security_headers import SecurityHeaders
from api.services import ApiServices

API_DESCRIPTION = """
Clean Ledger (클린재정 원장): the ledger of a public body's budget, spending, revenue and accounts.

* **Commands** (`/api/v1/orgs/{org}/…`) need an API key (`Authorization: Bearer clk_…`) whose user
  holds a role for the organisation. Send `Idempotency-Key` to make retries safe and `If-Match`
  with a version to refuse stale changes. Each answers with the log `position` of its events.
* **Public** endpoints (`/api/v1/public/…`) need no key, are read-only and rate-limited.
  Pass `min_position` to read your own write.
* **Status** (`/api/v1/status`, no key): the head of the log and each projection's position, lag
  and fault; a fault stops one projection before an event it cannot apply, and reads with a
  `min_position` past it answer 503 `projection-faulted` at once.
* Every refusal is `application/problem+json` (RFC 9457) whose `type` is a stable code.
"""

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


class LedgerApp(FastAPI):
    """FastAPI, with plain commands answered before its middleware stack (api.command_fast_path):
    the stack's layers (error handling, limits, the public cache) cost a tenth of a command's
    CPU, and a command the fast path answers needs none of them. Everything else, and every
    command it does not answer, goes through the stack as before. Outside both, every answer
    gets the security headers (api.security_headers)."""

    fast_path: CommandFastPath | None = None

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._outermost: ASGIApp = SecurityHeaders(self._dispatch)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._outermost(scope, receive, send)

    async def _dispatch(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.fast_path is not None and scope["type"] == "http" and scope["method"] == "POST":
            await self.fast_path(scope, receive, send)
        else:
            await super().__call__(scope, receive, send)

    async def stack(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The whole FastAPI application: where the fast path hands what it does not answer."""
        await super().__call__(scope, receive, send)


def create_app(services: ApiServices, *, lifespan: Lifespan | None = None) -> LedgerApp:
    app = LedgerApp(
        title="Clean Ledger API",
        version="1.0.0",
        description=API_DESCRIPTION,
        lifespan=lifespan,
        # /docs is api.docs_page (no inline script); no ReDoc.
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    problems.install(app)
    openapi.install(app)
    app.include_router(docs_page.build_router())
    app.include_router(commands.build_router())
    app.include_router(portal.build_router())
    app.include_router(public.build_router())
    app.include_router(reports.build_router())
    app.include_router(audit.build_router())
    app.include_router(audit.build_vendor_router())
    app.include_router(checkpoints.build_router())
    app.include_router(transparency_log.build_router())
    app.include_router(transparency_log.build_operator_router())
    app.include_router(status.build_router())
    app.include_router(personnel.build_router())
    app.include_router(personnel.build_public_router())
    app.include_router(attendance.build_router())
    app.include_router(payroll.build_router())
    app.include_router(payroll.build_public_router())
    # Starlette runs the middleware added last first: body limit, rate limit, then the cache of
    # public answers.
    app.add_middleware(
        PublicPageCache,
        state=projection_states(services.read_engine),
        refresh_seconds=services.limits.public_cache_seconds,
        max_entries=services.limits.public_cache_entries,
    )
    app.add_middleware(PublicRateLimit, per_minute=services.limits.public_requests_per_minute)
    app.add_middleware(BodySizeLimit, max_bytes=services.limits.max_body_bytes)

    app.fast_path = CommandFastPath(app.stack, services, max_body_bytes=services.limits.max_body_bytes)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, Any]:
        return {"status": "ok"}

    return app
