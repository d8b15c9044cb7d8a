"""Public answers (the open API's JSON, the portal's HTML pages) are served again from memory only
while the read models stand still and the day (KST) has not changed."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Hashable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from starlette.types import Message, Receive, Scope, Send

from api.page_cache import HTML, JSON, PublicPageCache, cacheable
from api.routers import personnel as personnel_router
from cleanledger.settings import Settings
from cleanledger.wiring import Service
from commands.messages.spending import DraftRequisition, Obligate
from commands.persistence import StoreConfig
from tests.api.conftest import SEOUL, serving
from tests.app.books import Books

P = "/api/v1/public"


# --- the middleware alone, over a counting app ----------------------------------------------------


class Route:
    """An app that answers with a counter in the body, so a kept answer shows in what comes back."""

    def __init__(self) -> None:
        self.calls = 0
        self.status = 200
        self.content_type = b"application/json"
        self.chunks = 1
        self.size = 10
        self.extra_headers: list[tuple[bytes, bytes]] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        body = f'{{"call": {self.calls}}}'.encode().ljust(self.size)
        headers = [(b"content-type", self.content_type), (b"content-length", str(len(body)).encode())]
        headers += self.extra_headers
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        for n in range(self.chunks):
            last = n == self.chunks - 1
            await send({"type": "http.response.body", "body": body if last else b"", "more_body": not last})


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Today:
    def __init__(self) -> None:
        self.day = date(2026, 3, 31)

    def __call__(self) -> date:
        return self.day


class State:
    def __init__(self) -> None:
        self.value: Hashable = (("disclosure", 10, 1),)
        self.reads = 0
        self.fail = False
        self.threads: set[int] = set()

    def __call__(self) -> Hashable:
        self.reads += 1
        self.threads.add(threading.get_ident())
        if self.fail:
            raise ConnectionError("the read database is away")
        return self.value


@pytest.fixture
def route() -> Route:
    return Route()


@pytest.fixture
def state() -> State:
    return State()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def today() -> Today:
    return Today()


@pytest.fixture
def cached(route: Route, state: State, clock: Clock, today: Today) -> PublicPageCache:
    return PublicPageCache(
        route, state, refresh_seconds=0.5, max_entries=3, max_entry_bytes=1_000, clock=clock, today=today
    )


def get(app: Any, path: str = f"{P}/programs", query: bytes = b"org=6110000", method: str = "GET") -> bytes:
    """Call the ASGI app once; the body it answered."""
    return asyncio.run(call(app, path, query, method))


async def call(
    app: Any, path: str = f"{P}/programs", query: bytes = b"org=6110000", method: str = "GET"
) -> bytes:
    """Call the ASGI app once, in the running loop; the body it answered."""
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query, "headers": []}
    await app(scope, receive, send)
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body").strip()


def test_a_repeated_page_is_served_from_memory_while_the_state_is_unchanged(
    cached: PublicPageCache, route: Route, clock: Clock
) -> None:
    assert get(cached) == b'{"call": 1}'
    clock.now += 10  # the state is looked at again, and has not moved
    assert get(cached) == b'{"call": 1}'
    assert get(cached, query=b"org=3020000") == b'{"call": 2}'  # another query: its own answer
    assert route.calls == 2
    assert (cached.hits, cached.misses) == (1, 2)


def test_a_moved_state_is_seen_once_the_refresh_interval_passed(
    cached: PublicPageCache, route: Route, state: State, clock: Clock
) -> None:
    assert get(cached) == b'{"call": 1}'
    state.value = (("disclosure", 11, 1),)  # a batch committed
    clock.now += 0.2  # within half the interval: the state is not read again, the kept answer serves
    assert get(cached) == b'{"call": 1}'
    clock.now += 0.05
    assert get(cached) == b'{"call": 2}'
    assert state.reads == 2


def test_a_rebuild_that_moves_the_generation_alone_is_a_change(
    cached: PublicPageCache, state: State, clock: Clock
) -> None:
    assert get(cached) == b'{"call": 1}'
    state.value = (("disclosure", 10, 2),)
    clock.now += 1
    assert get(cached) == b'{"call": 2}'


def test_min_position_reads_and_other_methods_and_paths_are_never_served_from_memory(
    cached: PublicPageCache, route: Route
) -> None:
    for _ in range(2):
        get(cached, query=b"org=6110000&min_position=7")
        get(cached, method="POST")
        get(cached, path="/api/v1/orgs/6110000/years/2026/appropriations")
    assert route.calls == 6
    assert cached.hits == 0


@pytest.mark.parametrize(
    "change",
    [
        {"status": 404},
        {"status": 400},
        {"content_type": b"text/csv; charset=utf-8"},
        {"chunks": 3},  # a streamed answer
        {"size": 2_000},  # larger than max_entry_bytes
    ],
)
def test_only_complete_small_200_json_answers_are_kept(
    cached: PublicPageCache, route: Route, change: dict[str, Any]
) -> None:
    for name, value in change.items():
        setattr(route, name, value)
    get(cached)
    get(cached)
    assert route.calls == 2


def test_the_least_recently_served_answer_goes_first(cached: PublicPageCache, route: Route) -> None:
    for org in (b"1", b"2", b"3"):
        get(cached, query=b"org=" + org)
    get(cached, query=b"org=1")  # served: now the most recent
    get(cached, query=b"org=4")  # a fourth: org=2 goes
    calls = route.calls
    get(cached, query=b"org=1")
    get(cached, query=b"org=3")
    assert route.calls == calls
    get(cached, query=b"org=2")
    assert route.calls == calls + 1


def test_without_the_state_the_route_answers_and_nothing_is_kept(
    cached: PublicPageCache, route: Route, state: State
) -> None:
    state.fail = True
    assert get(cached) == b'{"call": 1}'
    assert get(cached) == b'{"call": 2}'
    state.fail = False
    assert get(cached) == b'{"call": 3}'
    assert get(cached) == b'{"call": 3}'


# --- many readers at once ------------------------------------------------------------------------


class SlowRoute(Route):
    """A route that takes its time (a page's queries and template), so requests overlap."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await asyncio.sleep(0.05)
        await super().__call__(scope, receive, send)


def get_at_once(app: Any, count: int, path: str = f"{P}/programs") -> list[bytes]:
    """``count`` requests for ``path`` at the same moment; the bodies answered."""

    async def one() -> bytes:
        sent: list[Message] = []

        async def receive() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
        await app(scope, receive, send)
        return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body").strip()

    async def all_of_them() -> list[bytes]:
        return list(await asyncio.gather(*(one() for _ in range(count))))

    return asyncio.run(all_of_them())


def test_readers_arriving_together_share_one_look_at_the_state_and_one_computation(
    state: State, clock: Clock, today: Today
) -> None:
    route = SlowRoute()
    cached = PublicPageCache(route, state, refresh_seconds=0.5, clock=clock, today=today)
    assert get_at_once(cached, 8) == [b'{"call": 1}'] * 8
    assert (route.calls, state.reads) == (1, 1)
    assert (cached.misses, cached.shared) == (1, 7)
    # The state is read in a worker thread, never on the event loop: a read waiting for a pooled
    # connection must not stop the requests that are to give one back.
    assert threading.get_ident() not in state.threads


def test_readers_waiting_for_an_answer_that_is_not_kept_compute_their_own(
    state: State, clock: Clock, today: Today
) -> None:
    route = SlowRoute()
    route.status = 404
    cached = PublicPageCache(route, state, refresh_seconds=0.5, clock=clock, today=today)
    assert get_at_once(cached, 4) == [b'{"call": 1}', b'{"call": 2}', b'{"call": 3}', b'{"call": 4}']
    assert (cached.misses, cached.shared, cached.hits) == (4, 0, 0)


def test_a_state_that_cannot_be_read_lets_every_waiting_reader_through(
    state: State, clock: Clock, today: Today
) -> None:
    route = SlowRoute()
    state.fail = True
    cached = PublicPageCache(route, state, refresh_seconds=0.5, clock=clock, today=today)
    assert sorted(get_at_once(cached, 3)) == [b'{"call": 1}', b'{"call": 2}', b'{"call": 3}']
    assert state.reads == 1


class GatedRoute(Route):
    """A route whose answers wait until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate: asyncio.Event | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.gate is not None:
            await self.gate.wait()
        await super().__call__(scope, receive, send)


def test_while_a_page_is_computed_again_readers_get_the_answer_before_within_the_lag(
    state: State, clock: Clock, today: Today
) -> None:
    route = GatedRoute()
    cached = PublicPageCache(route, state, refresh_seconds=0.5, clock=clock, today=today)

    async def scenario() -> list[bytes]:
        assert await call(cached) == b'{"call": 1}'
        state.value = (("disclosure", 11, 1),)  # a batch committed
        clock.now += 0.3  # the next look sees it; the answer before was seen current 0.3 s ago
        route.gate = asyncio.Event()
        leader = asyncio.ensure_future(call(cached))  # computes the page again, held at the gate
        await asyncio.sleep(0.01)
        during = [await call(cached), await call(cached)]  # the answer before: 0.3 s < 0.5 s
        clock.now += 0.2  # now seen 0.5 s ago: no longer served, readers wait for the new one
        follower = asyncio.ensure_future(call(cached))
        await asyncio.sleep(0.01)
        assert not follower.done()
        route.gate.set()
        return [*during, await leader, await follower, await call(cached)]

    assert asyncio.run(scenario()) == [b'{"call": 1}'] * 2 + [b'{"call": 2}'] * 3
    assert route.calls == 2
    assert (cached.previous, cached.shared) == (2, 1)


# --- the portal's HTML pages ---------------------------------------------------------------------

PAGE = "/tables/contracts"


@pytest.fixture
def html(route: Route) -> Route:
    route.content_type = b"text/html; charset=utf-8"
    return route


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (f"{P}/programs", JSON),
        (f"{P}/programs.csv", JSON),  # kept only if it answers JSON in one message: it streams CSV
        (f"{P}/log/tree-head", None),
        (f"{P}/certificates/ABCD-EFGH-JKMN-PQRS", None),  # reads the event store and personal data
        (f"{P}/orgs/6119001/personnel/headcount", JSON),
        ("/", HTML),
        ("/tables/contracts", HTML),
        ("/orgs/6110000/statements", HTML),
        ("/orgs/6110000/2026", HTML),
        ("/districts/3030000/2026", HTML),
        ("/orgs/6110000/2026/contracts", HTML),
        ("/api/v1/orgs/6110000/years/2026/appropriations", None),
        ("/api/v1/status", None),
        ("/docs", None),
        ("/docs/swagger-start.js", None),
        ("/openapi.json", None),
        ("/static/portal.css", None),
        ("/healthz", None),
        ("/certificates", None),
        ("/verification", None),
    ],
)
def test_one_rule_says_what_may_be_kept_of_each_path(path: str, kind: bytes | None) -> None:
    assert cacheable(path) == kind


def test_a_portal_page_is_served_from_memory_while_the_state_is_unchanged(
    cached: PublicPageCache, html: Route, state: State, clock: Clock
) -> None:
    assert get(cached, PAGE, b"org=6110000&year=2026") == b'{"call": 1}'
    clock.now += 10
    assert get(cached, PAGE, b"org=6110000&year=2026") == b'{"call": 1}'
    state.value = (("disclosure", 11, 1),)
    clock.now += 0.5
    assert get(cached, PAGE, b"org=6110000&year=2026") == b'{"call": 2}'
    assert (cached.hits, cached.misses) == (1, 2)


def test_a_page_in_another_language_is_another_entry(cached: PublicPageCache, html: Route) -> None:
    assert get(cached, PAGE, b"org=6110000") == b'{"call": 1}'
    assert get(cached, PAGE, b"org=6110000&lang=en") == b'{"call": 2}'
    assert get(cached, PAGE, b"org=6110000") == b'{"call": 1}'
    assert get(cached, PAGE, b"org=6110000&lang=en") == b'{"call": 2}'
    assert html.calls == 2


def test_a_page_kept_yesterday_is_not_served_once_the_day_changed(
    cached: PublicPageCache, html: Route, today: Today, clock: Clock
) -> None:
    assert get(cached, "/orgs/6110000/statements", b"") == b'{"call": 1}'
    today.day += timedelta(days=1)  # midnight in Korea; the views have not moved
    clock.now += 0.2  # within half the interval the day is not looked at again
    assert get(cached, "/orgs/6110000/statements", b"") == b'{"call": 1}'
    clock.now += 0.05
    assert get(cached, "/orgs/6110000/statements", b"") == b'{"call": 2}'
    assert get(cached, "/orgs/6110000/statements", b"") == b'{"call": 2}'


def test_the_day_is_korean_whatever_the_servers_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    class Evening(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Evening:  # 15:30 UTC: already tomorrow in Seoul
            moment = datetime(2026, 3, 31, 15, 30, tzinfo=UTC)
            return cls.fromtimestamp(moment.timestamp(), tz)

    monkeypatch.setattr(personnel_router, "datetime", Evening)  # where the Korean day is kept
    assert PublicPageCache(Route(), State()).today() == date(2026, 4, 1)


@pytest.mark.parametrize(
    "change",
    [
        {"status": 404},  # the portal's "not found" page
        {"status": 400},
        {"status": 303},  # a redirect (the home page's forms)
        {"content_type": b"text/csv; charset=utf-8"},
        {"content_type": b"application/json"},  # a portal path answers JSON only by mistake
        {"extra_headers": [(b"content-disposition", b'attachment; filename="contracts.xlsx"')]},
        {"extra_headers": [(b"set-cookie", b"session=1; HttpOnly")]},
        {"chunks": 3},  # streamed
        {"size": 2_000},  # larger than max_entry_bytes
    ],
)
def test_only_complete_small_200_html_pages_without_cookies_or_attachments_are_kept(
    cached: PublicPageCache, html: Route, change: dict[str, Any]
) -> None:
    for name, value in change.items():
        setattr(html, name, value)
    get(cached, PAGE)
    get(cached, PAGE)
    assert html.calls == 2


@pytest.mark.parametrize(
    "path",
    ["/static/portal.css", "/docs", "/openapi.json", "/healthz", "/certificates", f"{P}/log/tree-head"],
)
def test_paths_outside_the_rule_are_never_kept_whatever_they_answer(
    cached: PublicPageCache, html: Route, path: str
) -> None:
    for content_type in (b"text/html; charset=utf-8", b"application/json", b"text/css"):
        html.content_type = content_type
        get(cached, path)
        get(cached, path)
    assert html.calls == 6
    assert cached.hits == 0


def test_html_under_the_open_api_is_not_kept(cached: PublicPageCache, html: Route) -> None:
    get(cached)
    get(cached)
    assert html.calls == 2


# --- the service, on both backends ----------------------------------------------------------------


def page_cache(client: TestClient) -> PublicPageCache:
    layer: Any = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, PublicPageCache):
        layer = layer.app
    return layer


@pytest.fixture
def windowed(store_config: StoreConfig) -> Iterator[tuple[Service, TestClient]]:
    """The service with a long refresh interval (the other API tests look every request)."""
    with serving(store_config, public_cache_seconds=60) as served:
        yield served


def test_the_service_serves_a_page_again_and_a_read_your_write_still_sees_the_write(
    windowed: tuple[Service, TestClient],
) -> None:
    service, client = windowed
    books = Books(service.ledger).ready()
    line_id = books.line(amount=1_000_000, allocate={1: 500_000})
    head = service.ledger.recorder.max_notification_id()
    params: dict[str, Any] = {"org": books.org, "year": books.year}
    before = client.get(f"{P}/requisitions", params={**params, "min_position": head}).json()
    first = client.get(f"{P}/requisitions", params=params)
    second = client.get(f"{P}/requisitions", params=params)
    assert first.json() == second.json() == before
    assert second.headers["content-type"] == "application/json"
    assert page_cache(client).hits == 1

    result = books.run(DraftRequisition, line_id=line_id, title="방금 올린 품의", amount=12_345)
    mine = client.get(f"{P}/requisitions", params={**params, "min_position": result.position}).json()
    assert [r["title"] for r in mine["items"]] == ["방금 올린 품의"]
    # Without min_position a reader may get the kept page until the interval passes (60 s here).
    assert client.get(f"{P}/requisitions", params=params).json() == before


def test_a_portal_page_is_kept_until_the_views_move_and_then_shows_the_new_figure(
    windowed: tuple[Service, TestClient],
) -> None:
    service, client = windowed
    books = Books(service.ledger).ready()
    line_id = books.line(amount=1_000_000, allocate={1: 500_000})
    head = service.ledger.recorder.max_notification_id()
    client.get(f"{P}/programs", params={"org": SEOUL, "min_position": head})  # the views caught up
    cache = page_cache(client)
    clock = Clock()
    cache.clock = clock
    clock.now += 60  # look at the state now
    params: dict[str, Any] = {"org": SEOUL, "year": books.year}
    first = client.get("/tables/programs", params=params)
    assert first.status_code == 200 and first.headers["content-type"].startswith("text/html")
    assert "1,000,000" in first.text and "123,457" not in first.text
    hits = cache.hits
    again = client.get("/tables/programs", params=params)
    assert again.text == first.text and cache.hits == hits + 1
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]

    result = books.run(Obligate, line_id=line_id, amount=123_457, description="새 원인행위")
    client.get(f"{P}/programs", params={"org": SEOUL, "min_position": result.position})
    # Within the refresh interval the kept page may still be served (the documented lag) ...
    assert "123,457" not in client.get("/tables/programs", params=params).text
    clock.now += 60  # ... and once it passed, the next request shows the new figure.
    moved = client.get("/tables/programs", params=params)
    assert "123,457" in moved.text
    assert client.get("/tables/programs", params=params).text == moved.text
    english = client.get("/tables/programs", params={**params, "lang": "en"})
    assert "123,457" in english.text and english.text != moved.text


def test_the_service_keeps_no_404_page_and_no_download(windowed: tuple[Service, TestClient]) -> None:
    service, client = windowed
    books = Books(service.ledger).ready()
    books.line(amount=1_000_000)
    cache = page_cache(client)
    for _ in range(2):
        missing = client.get("/tables/nothing-like-this")
        assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
        download = client.get(f"{P}/programs.csv", params={"org": SEOUL})
        assert download.status_code == 200 and download.headers["content-type"].startswith("text/csv")
        assert client.get("/static/portal.css").status_code == 200
    assert cache.hits == 0


@pytest.mark.parametrize(
    "bad", [{"public_cache_seconds": -0.1}, {"public_cache_seconds": 61}, {"public_cache_entries": -1}]
)
def test_a_cache_setting_out_of_range_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, **bad)
