"""Public answers, kept while the read models stand still (공개 응답 캐시): the open API's JSON and
the portal's HTML pages.

Public pages are read far more often than the views change, and a public answer depends only on
its request (path and query), on the read models and, where a page takes no explicit date, on
what day it is in Korea. The read models change only when a projection batch commits, and every
such commit moves a row of ``projection_state`` (a position, or the generation after a rebuild).
So :class:`PublicPageCache` keeps each complete 200 answer together with the ``projection_state``
and the KST date it was computed under, and serves it again while both are unchanged: a hit costs
no query, no routing, no validation and no template.

What is kept is decided in one place, :func:`cacheable`:

* ``/api/v1/public/…``: ``application/json`` answers, except the transparency log
  (``/api/v1/public/log/``), whose heads are signed between batches, and the certificate check
  (``/api/v1/public/certificates/``), which reads the event store and personal data;
* the portal's pages, every other path except ``/api/``, ``/docs``, ``/openapi.json``,
  ``/static/`` (the style sheet, kept by the browser), ``/healthz``, ``/verification`` (the
  transparency log's heads, signed between batches) and ``/certificates`` (the
  certificate check reads the event store and personal data, not the read models: an erasure must
  not wait for the projections): ``text/html`` answers only.

Only complete answers are kept: status 200 (never a redirect, a refusal or a 404 page), of the
path's content type, in one body message, at most ``max_entry_bytes``, without ``Set-Cookie`` and
without ``Content-Disposition`` (downloads, CSV and XLSX, stream and are never kept). A request
with ``min_position`` (read your own write) is never answered from the cache: it goes through,
waits for the views, and is answered from them. Only GET; the key is the path and the raw query,
so another ``lang`` or another filter is another entry.

How stale can a hit be (the documented lag)? ``refresh_seconds`` (default 0.5 s,
``CLEANLEDGER_PUBLIC_CACHE_SECONDS``): an answer is served only while the state and the date it
was computed under were seen current less than ``refresh_seconds`` ago, so it is never older than
the views were ``refresh_seconds`` ago (the same order as a projection worker's own lag), and a
page computed before midnight (KST) is not served more than ``refresh_seconds`` after it. The
state and the date are read in a worker thread at most every ``refresh_seconds / 2`` (0 reads
them on every request), one read at a time. Once the views moved, the first reader of a page
computes it again; readers arriving meanwhile get the answer kept under the state before, as
long as that state was seen current less than ``refresh_seconds`` ago, else they wait for that
one computation and share its answer: readers do not queue behind a page being rendered, and no
page is rendered twice at once. Rate limiting stays in front (it wraps this middleware), so a hit
still counts against the client; the security headers are added outside, on hits too.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date

import anyio.to_thread
from sqlalchemy import Engine, select
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.routers.personnel import today as today_in_korea
from readmodels.state import projection_state

log = logging.getLogger(__name__)

#: The open API's public answers (JSON).
PUBLIC_PREFIX = "/api/v1/public/"
#: The transparency log's heads and cosignatures are signed between projection batches (every few
#: seconds, on demand, by witnesses), so ``projection_state`` does not tell when they change.
UNCACHED_PREFIX = "/api/v1/public/log/"
#: The open API's certificate check reads the event store and unseals personal data, as the
#: portal's page does: never kept, so an erasure shows at once.
UNCACHED_PUBLIC_PREFIXES = (UNCACHED_PREFIX, "/api/v1/public/certificates/")
#: Paths that are not portal pages: the API, its documentation, static files, the health check.
NOT_PORTAL_PREFIXES = ("/api/", "/docs", "/openapi.json", "/static/", "/healthz")
#: Portal pages that read more than the read models: the certificate check reads the event store
#: and unseals personal data, which an erasure changes before any projection moves; the
#: verification page shows the transparency log's heads, signed between projection batches.
UNCACHED_PORTAL_PREFIXES = ("/certificates", "/verification")
JSON = b"application/json"
HTML = b"text/html"
#: Answers kept per process; the least recently served goes first.
MAX_ENTRIES = 4_096
#: Larger answers (a page of 1 000 wide rows) are not kept.
MAX_ENTRY_BYTES = 512 * 1024


def cacheable(path: str) -> bytes | None:
    """The content type an answer to a GET of ``path`` must have to be kept, or None when no
    answer of ``path`` is ever kept. The one allow-rule of the cache (see the module's doc)."""
    if path.startswith(PUBLIC_PREFIX):
        return None if path.startswith(UNCACHED_PUBLIC_PREFIXES) else JSON
    if path.startswith(NOT_PORTAL_PREFIXES) or path.startswith(UNCACHED_PORTAL_PREFIXES):
        return None
    return HTML


def projection_states(read_engine: Engine) -> Callable[[], Hashable]:
    """Where every projection stands (name, position, generation): a batch or a rebuild that
    commits changes it."""
    query = select(projection_state.c.name, projection_state.c.position, projection_state.c.generation)

    def state() -> Hashable:
        with read_engine.connect() as conn:
            return tuple(sorted(tuple(row) for row in conn.execute(query)))

    return state


#: What a kept answer was computed under, (projection state, KST date): it is served while a read
#: found that pair current less than ``refresh_seconds`` ago.
Validity = tuple[Hashable, date]
#: Headers that make an answer personal or a file: such an answer is never kept.
_NEVER_KEPT_HEADERS = frozenset({b"set-cookie", b"content-disposition"})


@dataclass(frozen=True)
class _Entry:
    validity: Validity
    headers: list[tuple[bytes, bytes]]
    body: bytes


class PublicPageCache:
    """Serve a public GET (open API JSON, portal HTML) again from memory while the read models have
    not moved and the day (KST) has not changed. ``clock`` and ``today`` may be replaced (tests)."""

    def __init__(
        self,
        app: ASGIApp,
        state: Callable[[], Hashable],
        *,
        refresh_seconds: float = 0.5,
        max_entries: int = MAX_ENTRIES,
        max_entry_bytes: int = MAX_ENTRY_BYTES,
        clock: Callable[[], float] = time.monotonic,
        today: Callable[[], date] = today_in_korea,
    ) -> None:
        self.app = app
        self._read_state = state
        self.refresh_seconds = refresh_seconds
        self.max_entries = max_entries
        self.max_entry_bytes = max_entry_bytes
        self.clock = clock
        self.today = today
        self._entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        self._validity: Validity | None = None
        self._read_at = float("-inf")
        #: The validity before the current one, and when a read last found it current.
        self._previous: Validity | None = None
        self._previous_seen = float("-inf")
        self._reading: asyncio.Future[Validity] | None = None
        #: Answers being computed, by key and validity: a request for the same page under the same
        #: validity waits for that one instead of computing it again (None: it was not kept).
        self._computing: dict[tuple[tuple[str, bytes], Validity], asyncio.Future[_Entry | None]] = {}
        self.hits = 0
        self.misses = 0
        #: Requests answered with an answer another request was computing meanwhile.
        self.shared = 0
        #: Requests answered, while their page was computed again, with the answer kept under the
        #: state before (seen current less than ``refresh_seconds`` ago).
        self.previous = 0

    async def _current(self) -> Validity:
        now = self.clock()
        if self._validity is not None and now - self._read_at < self.refresh_seconds / 2:
            return self._validity
        if self._reading is None:
            # One read at a time, in a thread: the read waits for a pooled connection, and on the
            # event loop it would stop the very requests that are to give one back.
            self._reading = asyncio.ensure_future(self._read(now))
        return await asyncio.shield(self._reading)

    async def _read(self, now: float) -> Validity:
        try:
            # Read before the answer is computed: a batch committing meanwhile makes the kept
            # answer's state older than the next one read, so it is not served after that batch.
            # The same for the day: a page computed just after midnight under the old day is
            # kept under the old day, and dropped at the next look.
            state = await anyio.to_thread.run_sync(self._read_state)
            validity = (state, self.today())
            if self._validity is not None and validity != self._validity:
                self._previous, self._previous_seen = self._validity, self._read_at
            self._validity, self._read_at = validity, now
            return validity
        finally:
            self._reading = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.max_entries <= 0 or scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        kind = cacheable(scope["path"])
        if kind is None or b"min_position" in scope["query_string"]:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        try:
            validity = await self._current()
        except Exception:  # the read database is away: the route answers (and refuses) as it does
            log.warning("public page cache: could not read the projections' state", exc_info=True)
            await self.app(scope, receive, send)
            return
        entry = self._entries.get(key)
        if entry is not None and entry.validity == validity:
            self.hits += 1
            self._entries.move_to_end(key)
            await self._serve(entry, send)
            return
        computing = self._computing.get((key, validity))
        if computing is not None:
            # The views moved and many readers want the page at once: one computes it, the others
            # get the answer before while it is recent enough, else wait for the new one.
            if entry is not None and self._recent(entry.validity):
                self.previous += 1
                self._entries.move_to_end(key)
                await self._serve(entry, send)
                return
            shared = await asyncio.shield(computing)
            if shared is not None:
                self.shared += 1
                await self._serve(shared, send)
                return
        self.misses += 1
        done: asyncio.Future[_Entry | None] = asyncio.get_running_loop().create_future()
        if computing is None:
            self._computing[(key, validity)] = done
        try:
            await self.app(scope, receive, self._keeping(key, kind, validity, send, done))
        finally:
            if self._computing.get((key, validity)) is done:
                del self._computing[(key, validity)]
            if not done.done():
                done.set_result(None)

    def _recent(self, validity: Validity) -> bool:
        """Whether ``validity`` is the one before the current one, seen current less than
        ``refresh_seconds`` ago."""
        return validity == self._previous and self.clock() - self._previous_seen < self.refresh_seconds

    @staticmethod
    async def _serve(entry: _Entry, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    def _keeping(
        self,
        key: tuple[str, bytes],
        kind: bytes,
        validity: Validity,
        send: Send,
        done: asyncio.Future[_Entry | None],
    ) -> Send:
        """``send``, noting a complete 200 answer of content type ``kind`` to keep under ``key``
        (and handing it to ``done`` at once, for the requests that wait for it)."""
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
                    kept = self._keep(key, kind, validity, started[0], message.get("body", b""))
                    if not done.done():
                        done.set_result(kept)
            await send(message)

        return keeping_send

    def _keep(
        self, key: tuple[str, bytes], kind: bytes, validity: Validity, start: Message, body: bytes
    ) -> _Entry | None:
        if start["status"] != 200 or len(body) > self.max_entry_bytes:
            return None
        headers = [(bytes(name), bytes(value)) for name, value in start.get("headers", [])]
        media_types = [
            value.split(b";", 1)[0].strip().lower()
            for name, value in headers
            if name.lower() == b"content-type"
        ]
        if media_types != [kind] or any(name.lower() in _NEVER_KEPT_HEADERS for name, _ in headers):
            return None
        entry = _Entry(validity, headers, body)
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return entry
