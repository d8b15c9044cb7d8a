"""The public API's JSON answers, kept while the read models stand still (공개 응답 캐시).

Public pages are read far more often than the views change, and a public answer depends only on
its request (path and query) and on the read models. The read models change only when a projection
batch commits, and every such commit moves a row of ``projection_state`` (a position, or the
generation after a rebuild). So :class:`PublicPageCache` keeps each 200 JSON answer of
``/api/v1/public`` together with the ``projection_state`` it was computed under, and serves it
again while that state is unchanged: a hit costs no query, no routing and no validation.

How stale can a hit be? The state is read again at most every ``refresh_seconds`` (default 0.5 s,
``CLEANLEDGER_PUBLIC_CACHE_SECONDS``; 0 reads it on every request). An answer is never older than
the views were ``refresh_seconds`` ago, which is the same order as a projection worker's own lag.
A request with ``min_position`` (read your own write) is never answered from the cache: it goes
through, waits for the views, and is answered from them.

The transparency log (``/api/v1/public/log/``) is never kept: its heads are signed between
batches. Only complete answers are kept: status 200, ``application/json``, in one body message, at most
``max_entry_bytes``; downloads (CSV, XLSX) stream and are never kept. Rate limiting stays in front
(it wraps this middleware), so a hit still counts against the client.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from sqlalchemy import Engine, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from readmodels.state import projection_state

log = logging.getLogger(__name__)

#: The transparency log's heads and cosignatures are signed between projection batches (every few
#: seconds, on demand, by witnesses), so ``projection_state`` does not tell when they change.
UNCACHED_PREFIX = "/api/v1/public/log/"
#: Answers kept per process; the least recently served goes first.
MAX_ENTRIES = 4_096
#: Larger answers (a page of 1 000 wide rows) are not kept.
MAX_ENTRY_BYTES = 512 * 1024


def projection_states(read_engine: Engine) -> Callable[[], Hashable]:
    """Where every projection stands (name, position, generation): a batch or a rebuild that
    commits changes it."""
    query = select(projection_state.c.name, projection_state.c.position, projection_state.c.generation)

    def state() -> Hashable:
        with read_engine.connect() as conn:
            return tuple(sorted(tuple(row) for row in conn.execute(query)))

    return state


@dataclass(frozen=True)
class _Entry:
    state: Hashable
    headers: list[tuple[bytes, bytes]]
    body: bytes


class PublicPageCache:
    """Serve a public GET again from memory while the read models have not moved."""

    prefix = "/api/v1/public/"

    def __init__(
        self,
        app: ASGIApp,
        state: Callable[[], Hashable],
        *,
        refresh_seconds: float = 0.5,
        max_entries: int = MAX_ENTRIES,
        max_entry_bytes: int = MAX_ENTRY_BYTES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self._read_state = state
        self.refresh_seconds = refresh_seconds
        self.max_entries = max_entries
        self.max_entry_bytes = max_entry_bytes
        self._clock = clock
        self._entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        self._state: Hashable = None
        self._state_read_at = float("-inf")
        self.hits = 0
        self.misses = 0

    def _current_state(self) -> Hashable:
        now = self._clock()
        if now - self._state_read_at >= self.refresh_seconds:
            # Read before the answer is computed: a batch committing meanwhile makes the kept
            # answer's state older than the next one read, so it is not served after that batch.
            self._state = self._read_state()
            self._state_read_at = now
        return self._state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.max_entries <= 0
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(self.prefix)
            or scope["path"].startswith(UNCACHED_PREFIX)
            or b"min_position" in scope["query_string"]
        ):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        try:
            state = self._current_state()
        except Exception:  # the read database is away: the route answers (and refuses) as it does
            log.warning("public page cache: could not read the projections' state", exc_info=True)
            await self.app(scope, receive, send)
            return
        entry = self._entries.get(key)
        if entry is not None and entry.state == state:
            self.hits += 1
            self._entries.move_to_end(key)
            await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
            await send({"type": "http.response.body", "body": entry.body})
            return
        self.misses += 1
        await self.app(scope, receive, self._keeping(key, state, send))

    def _keeping(self, key: tuple[str, bytes], state: Hashable, send: Send) -> Send:
        """``send``, noting a complete 200 JSON answer to keep under ``key``."""
        started: list[Message] = []
        streamed = False

        async def keeping_send(message: Message) -> None:
            nonlocal streamed
            if message["type"] == "http.response.start":
                started.append(message)
            elif message["type"] == "http.response.body":
                if message.get("more_body"):
                    streamed = True  # a download, in many messages: never kept
                elif started and not streamed:
                    self._keep(key, state, started[0], message.get("body", b""))
            await send(message)

        return keeping_send

    def _keep(self, key: tuple[str, bytes], state: Hashable, start: Message, body: bytes) -> None:
        if start["status"] != 200 or len(body) > self.max_entry_bytes:
            return
        headers = [(bytes(name), bytes(value)) for name, value in start.get("headers", [])]
        json = (name == b"content-type" and value.startswith(b"application/json") for name, value in headers)
        if not any(json):
            return
        self._entries[key] = _Entry(state, headers, body)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
