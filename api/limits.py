"""Limits of the HTTP layer: request body size, and the public API's rate per client."""

from __future__ import annotations

import math
import threading
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.headers import RATE_LIMIT_POLICY, RATE_LIMITED_PREFIXES, bucket_capacity
from api.problems import PROBLEM_JSON, problem_body


async def _problem(
    scope: Scope, send: Send, status: int, code: str, title: str, detail: str, headers: dict[str, str]
) -> None:
    body = problem_body(status, code, title, detail, instance=scope.get("path"))
    raw_headers = [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode())]
    raw_headers += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    """Refuse request bodies over ``max_bytes`` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.max_bytes:
                    await self._refuse(scope, send)
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        await _problem(
            scope,
            send,
            413,
            "request-too-large",
            "Request body too large",
            f"Request bodies are limited to {self.max_bytes} bytes.",
            {},
        )


class PublicRateLimit:
    """A token bucket per client address on the public API (``/api/v1/public``, and the public
    ``/api/v1/status``): ``capacity`` requests at once (a sixth of a minute's allowance, at least
    10), refilled at ``per_minute / 60`` a second.

    Every answer under those paths announces the limit as draft-ietf-httpapi-ratelimit-headers
    writes it (declared in the document by :mod:`api.headers`): ``RateLimit-Policy:
    "public";q=CAPACITY;w=SECONDS`` (the bucket, and the seconds an empty one takes to fill) and
    ``RateLimit: "public";r=LEFT;t=SECONDS`` (requests that may go at once now, and the seconds
    until the bucket is full again). A refusal is 429 with ``Retry-After``: the seconds until the
    next token, rounded up.

    The client is the connection's peer address; behind a proxy, run uvicorn with
    ``--forwarded-allow-ips`` so the peer is the real client.
    """

    prefix: tuple[str, ...] = RATE_LIMITED_PREFIXES

    def __init__(self, app: ASGIApp, per_minute: int, burst: int | None = None) -> None:
        self.app = app
        self.rate = per_minute / 60.0
        self.capacity = float(burst if burst is not None else bucket_capacity(per_minute))
        self._buckets: dict[str, tuple[float, float]] = {}
        self._pruned = time.monotonic()
        self._lock = threading.Lock()
        if self.rate > 0:
            window = math.ceil(self.capacity / self.rate)
            self._policy = f'"{RATE_LIMIT_POLICY}";q={int(self.capacity)};w={window}'

    def _state(self, tokens: float) -> str:
        full_in = math.ceil(max(0.0, self.capacity - tokens) / self.rate)
        return f'"{RATE_LIMIT_POLICY}";r={math.floor(tokens)};t={full_in}'

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.rate <= 0 or scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        client: Any = scope.get("client")
        address = str(client[0]) if client else "unknown"
        wait, tokens = self._take(address)
        announced = {"RateLimit-Policy": self._policy, "RateLimit": self._state(tokens)}
        if wait > 0:
            await _problem(
                scope,
                send,
                429,
                "too-many-requests",
                "Too many requests",
                f"The public API allows {int(self.capacity)} requests at once per client, refilled at "
                f"{round(self.rate * 60)} a minute.",
                {**announced, "Retry-After": str(max(1, math.ceil(wait)))},
            )
            return
        raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in announced.items()]

        async def announcing_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), *raw]}
            await send(message)

        await self.app(scope, receive, announcing_send)

    def _take(self, address: str) -> tuple[float, float]:
        """(0, tokens left) if a request may go now, else (seconds until it may, tokens left)."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(address, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[address] = (tokens - 1, now)
                # Forget idle clients so memory stays bounded; at most once a minute, so a crowd
                # of active clients does not make every request copy the whole table.
                if len(self._buckets) > 100_000 and now - self._pruned >= 60:
                    self._buckets = {a: b for a, b in self._buckets.items() if now - b[1] < 60}
                    self._pruned = now
                return 0.0, tokens - 1
            self._buckets[address] = (tokens, now)
            return (1 - tokens) / self.rate, tokens
