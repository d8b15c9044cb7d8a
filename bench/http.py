"""The HTTP API under load: commands per second, and a paginated public list's rate and latency.

    python -m bench.http --database-url URL --seconds S
    python -m bench.http --database-url URL --seconds S --phase portal [--reuse-database NAME]

It prepares a scratch store through the ledger (an organisation, a fiscal year, a few hundred
budget lines with their allocations, projected), creates a user with an API key, runs
``cleanledger serve`` (``--workers``, 2 by default; 1 on SQLite, with in-process projections) and
on PostgreSQL a ``cleanledger project --follow`` worker beside it, then drives the server from a
second process: an asyncio HTTP/1.1 keep-alive client over ``asyncio.open_connection``.

* Phase 1, ``--seconds``: ``--command-connections`` connections POST ``Obligate`` commands (small
  amounts on random lines) and count the 201s. Any other answer is counted and reported.
* Phase 2, ``--seconds`` (once the projections caught up with phase 1):
  ``--public-connections`` connections GET ``/api/v1/public/programs?org=…&year=…&limit=50``,
  following ``next_cursor`` with probability ``--follow`` so later pages are read too. Every
  latency is recorded. Nothing is written meanwhile, so the server's cache of public answers
  (``api.page_cache``) serves repeated pages; ``--no-page-cache`` measures the read models' path.

Each phase starts with a one-second warm-up that is not counted. Progress goes to stderr; the last
line printed is the JSON object ``{"metric": "http", "commands_per_s": …, "public_p99_ms": …,
"public_rps": …, …}``. The server processes and the scratch store are removed at the end, also
after Ctrl-C.

``--phase portal`` measures the portal's HTML pages instead, over a realistic store: the
synthetic demo (``cleanledger.synthetic``, ``--demo-scale``, medium by default: about four minutes
to load on a quiet 2-core machine; no personnel on PostgreSQL, as the bench gives no master key),
projected, then the same server and projection worker. For each page of :data:`PORTAL_PAGES` in
turn, for ``--seconds`` each, ``--portal-connections`` keep-alive connections GET that page; only
200 answers count, any other is reported. By default nothing is written meanwhile, so the page
cache serves repeated pages; ``--no-page-cache`` measures each page's own cost, and
``--write-every S`` records a 1-won obligation every S seconds through the ledger (in a thread
of the bench) so the views move and every kept page is computed again, as on a live portal (on
a reused schema those obligations stay). The last line is ``{"metric":
"http", "pages": {"dashboard": {"rps": …, "p50_ms": …, "p99_ms": …, …}, …}, "overall": {…}, …}``
(../shared/docs/bench-contract.md). ``--reuse-database NAME`` (PostgreSQL) keeps the loaded demo
in schema ``NAME`` (read models in ``NAME_read``) instead of a scratch schema: the first run loads
it, later runs with the same name skip the load (the schema's comment records which demo and
which version of its code is in it; a changed generator is run again over it, idempotently).
Remove it with ``DROP SCHEMA "NAME", "NAME_read" CASCADE``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote
from uuid import UUID, uuid4

import orjson
import psycopg
from psycopg import sql
from sqlalchemy import select

from api.accounts import AccountStore, Grant
from api.roles import Role
from bench.commands import ON, ORG, YEAR, prepare
from bench.stores import scratch_store
from cleanledger import synthetic, synthetic_personnel
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger, build_projection_engine, build_read_engine
from commands.messages.spending import Obligate
from commands.persistence import StoreConfig
from domain.errors import DomainError
from readmodels.erp import line_balances

HOST = "127.0.0.1"
WARM_UP_SECONDS = 1.0
USERNAME = "bench-http"

#: The portal phase's pages, measured in this order: (name in the report, path and query). The
#: dashboard of Seoul's 2026, a district's (성동구) 2026 page, and Seoul's 2026 contract list.
PORTAL_PAGES: tuple[tuple[str, str], ...] = (
    ("dashboard", "/orgs/6110000/2026"),
    ("district", "/districts/3030000/2026"),
    ("contracts", "/orgs/6110000/2026/contracts"),
)
#: The target of issue 17, for each page: at least this many 200s a second, at this p99 or under.
PORTAL_TARGET_RPS = 500.0
PORTAL_TARGET_P99_MS = 50.0
#: The accounting date of the obligations ``--write-every`` records (Q2: the demo allocates Q1 and Q2).
WRITE_ON = date(YEAR, 6, 30)


def log(message: str) -> None:
    print(f"bench.http: {message}", file=sys.stderr, flush=True)


# --- the client ---------------------------------------------------------------------------------


class HttpError(Exception):
    """The server broke the protocol or closed the connection mid-answer."""


class Connection:
    """One HTTP/1.1 keep-alive connection; requests go one at a time."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self.reader, self.writer

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None

    async def request(
        self, method: str, target: str, headers: bytes = b"", body: bytes = b""
    ) -> tuple[int, bytes]:
        """Send one request; the status and the body of the answer."""
        reader, writer = await self._open()
        head = f"{method} {target} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n".encode()
        if body:
            head += b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        writer.write(head + headers + b"\r\n" + body)
        try:
            raw = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            await self.close()
            raise HttpError(f"connection closed before the answer: {error}") from error
        lines = raw[:-4].split(b"\r\n")
        parts = lines[0].split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            await self.close()
            raise HttpError(f"not an HTTP status line: {lines[0]!r}")
        status = int(parts[1])
        length, chunked, close = None, False, False
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
            elif name == b"connection":
                close = b"close" in value.lower()
        try:
            if chunked:
                content = await _read_chunked(reader)
            elif length is not None:
                content = await reader.readexactly(length)
            else:  # no framing: the body runs to the end of the connection
                content, close = await reader.read(), True
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            await self.close()
            raise HttpError(f"connection closed in the body: {error}") from error
        if close:
            await self.close()
        return status, content


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    content = bytearray()
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";", 1)[0], 16)
        if size == 0:
            while (await reader.readuntil(b"\r\n")) != b"\r\n":  # trailers
                pass
            return bytes(content)
        content += await reader.readexactly(size)
        await reader.readexactly(2)


@dataclass
class Tally:
    """What one phase's connections saw while the clock ran."""

    ok: int = 0
    #: Answers other than the expected status, by status (0: the connection failed).
    refused: Counter[int] = field(default_factory=Counter)
    samples: dict[int, str] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    #: Every request sent, warm-up included (server CPU is divided by it).
    sent: int = 0

    def record(self, expected: int, status: int, content: bytes, seconds: float, in_time: bool) -> None:
        """A request started while the clock counted; ``in_time`` if it also ended before the stop."""
        self.latencies.append(seconds)
        if status == expected:
            self.ok += in_time
        else:
            self.refused[status] += 1
            self.samples.setdefault(status, content[:300].decode(errors="replace"))


@dataclass(frozen=True)
class Phase:
    kind: str  # "commands", "public" or "page"
    port: int
    connections: int
    seconds: float
    key: str = ""
    line_ids: tuple[str, ...] = ()
    follow: float = 0.5
    #: The page a "page" phase reads, again and again.
    target: str = ""


@dataclass(frozen=True)
class PhaseResult:
    kind: str
    seconds: float
    ok: int
    refused: dict[int, int]
    samples: dict[int, str]
    latencies: list[float]
    pages: Counter[int]
    sent: int
    #: The size of the last 200 answer's body ("page" phases).
    size: int = 0


async def _commands_loop(conn: Connection, phase: Phase, tally: Tally, clock: Clock) -> None:
    headers = f"Authorization: Bearer {phase.key}\r\nContent-Type: application/json\r\n".encode()
    target = f"/api/v1/orgs/{ORG}/years/{YEAR}/obligations"
    on = ON.isoformat()
    while not clock.over():
        body = orjson.dumps(
            {
                "accounting_date": on,
                "line_id": random.choice(phase.line_ids),
                "amount": random.randint(1, 1_000),
                "description": "bench.http",
            }
        )
        started = time.perf_counter()
        try:
            status, content = await conn.request("POST", target, headers, body)
        except HttpError as error:
            status, content = 0, str(error).encode()
        tally.sent += 1
        if started >= clock.counted_from:
            ended = time.perf_counter()
            tally.record(201, status, content, ended - started, ended <= clock.stop)


async def _public_loop(
    conn: Connection, phase: Phase, tally: Tally, clock: Clock, pages: Counter[int]
) -> None:
    first = f"/api/v1/public/programs?org={ORG}&year={YEAR}&limit=50"
    target, page = first, 1
    while not clock.over():
        started = time.perf_counter()
        try:
            status, content = await conn.request("GET", target)
        except HttpError as error:
            status, content = 0, str(error).encode()
        tally.sent += 1
        if started >= clock.counted_from:
            ended = time.perf_counter()
            tally.record(200, status, content, ended - started, ended <= clock.stop)
            pages[page] += 1
        cursor = orjson.loads(content).get("next_cursor") if status == 200 else None
        if cursor and random.random() < phase.follow:
            target, page = f"{first}&cursor={quote(cursor, safe='')}", page + 1
        else:
            target, page = first, 1


async def _page_loop(conn: Connection, phase: Phase, tally: Tally, clock: Clock, sizes: list[int]) -> None:
    while not clock.over():
        started = time.perf_counter()
        try:
            status, content = await conn.request("GET", phase.target)
        except HttpError as error:
            status, content = 0, str(error).encode()
        tally.sent += 1
        if status == 200:
            sizes[:] = [len(content)]
        if started >= clock.counted_from:
            ended = time.perf_counter()
            tally.record(200, status, content, ended - started, ended <= clock.stop)


@dataclass(frozen=True)
class Clock:
    """Requests started from ``counted_from`` count (their successes if they end by ``stop``)."""

    counted_from: float
    stop: float

    def over(self) -> bool:
        return time.perf_counter() >= self.stop


async def _drive(phase: Phase) -> PhaseResult:
    conns = [Connection(HOST, phase.port) for _ in range(phase.connections)]
    for conn in conns:
        await conn._open()
    now = time.perf_counter()
    clock = Clock(now + WARM_UP_SECONDS, now + WARM_UP_SECONDS + phase.seconds)
    tally, pages, sizes = Tally(), Counter[int](), [0]
    if phase.kind == "commands":
        loops = [_commands_loop(conn, phase, tally, clock) for conn in conns]
    elif phase.kind == "page":
        loops = [_page_loop(conn, phase, tally, clock, sizes) for conn in conns]
    else:
        loops = [_public_loop(conn, phase, tally, clock, pages) for conn in conns]
    await asyncio.gather(*loops)
    for conn in conns:
        await conn.close()
    return PhaseResult(
        phase.kind,
        phase.seconds,
        tally.ok,
        dict(tally.refused),
        tally.samples,
        tally.latencies,
        pages,
        tally.sent,
        sizes[0],
    )


def run_phase(phase: Phase) -> PhaseResult:
    """The driver process: one event loop, ``phase.connections`` connections."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and ends this process
    return asyncio.run(_drive(phase))


def in_driver(phase: Phase) -> PhaseResult:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result: PhaseResult = pool.apply(run_phase, (phase,))
    return result


# --- the server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def cleanledger_command() -> list[str]:
    script = Path(sys.executable).with_name("cleanledger")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "cleanledger.cli"]


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], name: str) -> Iterator[subprocess.Popen[bytes]]:
    """A subprocess in its own session, so its children (uvicorn's workers) end with it."""
    log(f"starting {name}: {' '.join(command[-5:])}")
    process = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log(f"{name} stopped (exit {process.returncode})")


def group_cpu_seconds(group: int) -> float:
    """CPU seconds (user + system) used so far by the live processes of process group ``group``."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended meanwhile
        if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, …, utime, stime
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def wait_healthy(port: int, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with {server.returncode} before answering /healthz")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"/healthz did not answer within {timeout:g} s")


# --- the store ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    settings: Settings
    env: dict[str, str]
    line_ids: tuple[str, ...]
    key: str


def server_env(config: StoreConfig, read_schema: str | None, pool_size: int | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLEANLEDGER_")}
    env["CLEANLEDGER_DATABASE_URL"] = config.database_url
    if config.schema:
        env["CLEANLEDGER_DB_SCHEMA"] = config.schema
    if read_schema:
        env["CLEANLEDGER_READ_SCHEMA"] = read_schema
    env["CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE"] = "0"  # the bench is one client: no rate limit
    if pool_size:
        env["CLEANLEDGER_POOL_SIZE"] = str(pool_size)
    return env


def prepare_store(
    config: StoreConfig, read_schema: str | None, lines: int, pool_size: int | None
) -> Prepared:
    started = time.perf_counter()
    line_ids = prepare(config, lines)
    env = server_env(config, read_schema, pool_size)
    settings = Settings(
        database_url=config.database_url,
        db_schema=config.schema,
        read_schema=read_schema or "cleanledger_read",
        public_requests_per_minute=0,
        _env_file=None,  # not the working directory's .env: the scratch store only
    )
    ledger = build_ledger(settings)
    try:
        engine = build_projection_engine(settings, ledger)
        engine.catch_up()
        engine.engine.dispose()
    finally:
        ledger.close()
    read = build_read_engine(settings, writer=True)
    try:
        accounts = AccountStore(read)
        accounts.create_user(USERNAME, "HTTP bench", [Grant(ORG, Role.APPROVER)])
        key = accounts.issue_key(USERNAME, "bench.http").secret
    finally:
        read.dispose()
    log(f"prepared {lines} budget lines, projected, user {USERNAME} ({time.perf_counter() - started:.1f} s)")
    return Prepared(settings, env, tuple(str(i) for i in line_ids), key)


def drop_schema(database_url: str, schema: str) -> None:
    with psycopg.connect(database_url.split("?", 1)[0], autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def remove_master_key(config: StoreConfig) -> None:
    """On SQLite, the master key the embedded default made beside the scratch file (the store
    removes the file, not the key)."""
    if not config.is_postgres:
        Path(config.database_url.removeprefix("sqlite:///") + ".master-key").unlink(missing_ok=True)


def wait_projected(settings: Settings, timeout: float = 120.0) -> None:
    """Until the projections (run by the server or the worker) reached the head of the log."""
    ledger = build_ledger(settings)
    try:
        engine = build_projection_engine(settings, ledger)
        try:
            deadline = time.monotonic() + timeout
            while (lag := engine.head() - engine.position()) > 0:
                if time.monotonic() > deadline:
                    log(f"projections still {lag} events behind; going on")
                    return
                time.sleep(0.2)
        finally:
            engine.engine.dispose()
    finally:
        ledger.close()


# --- the portal's store: the synthetic demo -----------------------------------------------------


def demo_settings(config: StoreConfig, read_schema: str | None) -> Settings:
    return Settings(
        database_url=config.database_url,
        db_schema=config.schema,
        read_schema=read_schema or "cleanledger_read",
        public_requests_per_minute=0,
        _env_file=None,  # not the working directory's .env: the bench's store only
    )


def demo_mark(scale: str) -> str:
    """What a schema holding the loaded, projected demo says in its comment: the scale, the seed
    and a digest of the generator's code (another version may send other commands)."""
    digest = hashlib.sha256()
    for module in (synthetic, synthetic_personnel):
        digest.update(Path(str(module.__file__)).read_bytes())
    return f"bench.http portal: {scale} demo, seed {synthetic.DEFAULT_SEED}, code {digest.hexdigest()[:16]}"


def schema_comment(database_url: str, schema: str) -> str | None:
    with psycopg.connect(database_url.split("?", 1)[0], autocommit=True) as conn:
        row = conn.execute(
            "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = %s", (schema,)
        ).fetchone()
    return None if row is None else row[0]


def load_demo(settings: Settings, scale: str) -> None:
    """The synthetic demo of ``scale`` through the ledger (idempotent), then projected."""
    started = time.perf_counter()
    ledger = build_ledger(settings)
    try:
        step = [0.0]

        def progress(done: int, total: int) -> None:
            if done == total or time.perf_counter() - step[0] >= 15:
                step[0] = time.perf_counter()
                log(f"demo ({scale}): {done}/{total} commands ({step[0] - started:.0f} s)")

        summary = synthetic.generate(ledger, scale, progress)
        log(
            f"demo ({scale}): {summary.organisations} organisations, {summary.budget_lines} budget "
            f"lines, {summary.contracts} contracts, {summary.employees} employees; "
            f"{summary.recorded} commands recorded, {summary.replayed} already there "
            f"({summary.seconds:.0f} s)"
        )
        projected = time.perf_counter()
        engine = build_projection_engine(settings, ledger)
        try:
            engine.catch_up()
        finally:
            engine.engine.dispose()
        log(f"demo projected ({time.perf_counter() - projected:.0f} s)")
    finally:
        ledger.close()


@contextlib.contextmanager
def demo_store(args: argparse.Namespace, postgres: bool) -> Iterator[Prepared]:
    """The demo, loaded and projected: in a scratch store removed afterwards, or in the schema
    ``--reuse-database`` names, loaded there once and kept."""
    if args.reuse_database:
        base_url = args.database_url.split("?", 1)[0]
        name = args.reuse_database
        config = StoreConfig(base_url, pool_size=5, max_overflow=10, schema=name, cache_size=10_000)
        settings = demo_settings(config, f"{name}_read")
        mark = demo_mark(args.demo_scale)
        found = schema_comment(base_url, name)
        if found == mark:
            log(f"reusing schema {name} ({mark})")
        else:
            log(
                f"loading the demo into schema {name}, kept afterwards"
                + (f" (it held: {found})" if found else "")
            )
            load_demo(settings, args.demo_scale)
            with psycopg.connect(base_url, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("COMMENT ON SCHEMA {} IS {}").format(sql.Identifier(name), sql.Literal(mark))
                )
        yield Prepared(settings, server_env(config, settings.read_schema, args.pool_size), (), "")
        return
    with scratch_store(args.database_url, "portal") as config:
        read_schema = f"{config.schema}_read" if postgres and config.schema else None
        settings = demo_settings(config, read_schema)
        try:
            load_demo(settings, args.demo_scale)
            yield Prepared(settings, server_env(config, read_schema, args.pool_size), (), "")
        finally:
            if read_schema:
                drop_schema(config.database_url, read_schema)
            remove_master_key(config)


# --- the report ---------------------------------------------------------------------------------


def percentile_ms(ordered: list[float], fraction: float) -> float | None:
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000, 2)


def summary(result: PhaseResult, server_cpu: float) -> dict[str, Any]:
    """The phase's figures; ``server_cpu`` is what the server's processes used over the whole
    phase, warm-up included, given per request sent."""
    ordered = sorted(result.latencies)
    return {
        "ok": result.ok,
        "per_s": round(result.ok / result.seconds, 1),
        "p50_ms": percentile_ms(ordered, 0.50),
        "p99_ms": percentile_ms(ordered, 0.99),
        "max_ms": percentile_ms(ordered, 1.0),
        "refused": {str(k): v for k, v in sorted(result.refused.items())},
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(1, result.sent), 3),
    }


def report_phase(result: PhaseResult, figures: dict[str, Any], label: str = "") -> None:
    log(
        f"{label or result.kind}: {figures['ok']} ok in {result.seconds:g} s = {figures['per_s']}/s, "
        f"p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms; "
        f"server CPU {figures['server_cpu_ms_per_request']} ms a request"
    )
    for status, count in sorted(result.refused.items()):
        log(f"  {count} answered {status or 'no answer'}: {result.samples[status]}")


class Writer:
    """While the pages are read, one 1-won 지출원인행위 on a random budget line of :data:`ORG`
    every ``every`` seconds, through the ledger: each moves the projections, so every kept page
    is computed again (once a refresh interval) as on a live portal. Written in a thread of the
    bench's own process; a line without allocation left is skipped for another."""

    def __init__(self, settings: Settings, every: float) -> None:
        self.settings, self.every = settings, every
        self.written = self.refused = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="bench-writer", daemon=True)

    def __enter__(self) -> Writer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _lines(self) -> list[UUID]:
        read = build_read_engine(self.settings)
        try:
            with read.connect() as conn:
                rows = conn.execute(
                    select(line_balances.c.line_id).where(
                        line_balances.c.org == ORG, line_balances.c.fiscal_year == YEAR
                    )
                )
                return [UUID(row.line_id) for row in rows]
        finally:
            read.dispose()

    def _run(self) -> None:
        lines = self._lines()
        ledger = build_ledger(self.settings)
        try:
            while lines and not self._stop.wait(self.every):
                try:
                    ledger.handle(
                        Obligate(
                            command_id=uuid4(),
                            org=ORG,
                            fiscal_year=YEAR,
                            accounting_date=WRITE_ON,
                            actor=USERNAME,
                            line_id=random.choice(lines),
                            amount=1,
                            description="bench.http portal",
                        )
                    )
                    self.written += 1
                except DomainError:
                    self.refused += 1
        finally:
            ledger.close()


def page_figures(result: PhaseResult, server_cpu: float, path: str) -> dict[str, Any]:
    """One page's figures: the contract's ``rps`` and ``p99_ms``, and how they stand to the target
    (``rps_ratio`` = rps / 500, ``p99_ratio`` = 50 ms / p99: 1 or more meets it)."""
    figures = summary(result, server_cpu)
    p99 = figures["p99_ms"]
    return {
        "rps": figures["per_s"],
        "p50_ms": figures["p50_ms"],
        "p99_ms": p99,
        "max_ms": figures["max_ms"],
        "ok": figures["ok"],
        "refused": figures["refused"],
        "server_cpu_ms_per_request": figures["server_cpu_ms_per_request"],
        "bytes": result.size,
        "path": path,
        "rps_ratio": round(figures["per_s"] / PORTAL_TARGET_RPS, 2),
        "p99_ratio": round(PORTAL_TARGET_P99_MS / p99, 2) if p99 else None,
    }


def start_server(
    stack: contextlib.ExitStack, args: argparse.Namespace, env: dict[str, str], postgres: bool, workers: int
) -> tuple[subprocess.Popen[bytes], int]:
    """``cleanledger serve`` with ``workers`` workers (and on PostgreSQL a ``project --follow``
    worker beside it), stopped with ``stack``, once it answers: the server and its port."""
    port = args.port or free_port()
    serve = [*cleanledger_command(), "serve", "--host", HOST, "--port", str(port)]
    serve += ["--workers", str(workers), "--quiet"]
    server = stack.enter_context(running(serve, env, f"server ({workers} workers)"))
    if postgres:
        follow = [*cleanledger_command(), "project", "--follow", "--quiet"]
        stack.enter_context(running(follow, env, "projection worker"))
    wait_healthy(port, server)
    return server, port


def bench_portal(args: argparse.Namespace, postgres: bool, workers: int) -> dict[str, Any]:
    if args.reuse_database and not postgres:
        raise SystemExit("--reuse-database names a PostgreSQL schema")
    pages: dict[str, dict[str, Any]] = {}
    writes: Writer | None = None
    latencies: list[float] = []
    ok = 0
    with demo_store(args, postgres) as prepared:
        if args.no_page_cache:
            prepared.env["CLEANLEDGER_PUBLIC_CACHE_ENTRIES"] = "0"
        with contextlib.ExitStack() as stack:
            server, port = start_server(stack, args, prepared.env, postgres, workers)
            wait_projected(prepared.settings)
            log(f"server up on port {port}; page cache {'off' if args.no_page_cache else 'on'}")
            writes = Writer(prepared.settings, args.write_every) if args.write_every > 0 else None
            if writes is not None:
                stack.enter_context(writes)
                log(f"writing one obligation every {args.write_every:g} s while the pages are read")
            for name, path in PORTAL_PAGES:
                log(f"portal page {name}: GET {path}, {args.portal_connections} connections")
                cpu = group_cpu_seconds(server.pid)
                result = in_driver(Phase("page", port, args.portal_connections, args.seconds, target=path))
                used = group_cpu_seconds(server.pid) - cpu
                pages[name] = page_figures(result, used, path)
                report_phase(result, summary(result, used), name)
                latencies += result.latencies
                ok += result.ok
    ordered = sorted(latencies)
    overall_rps = round(ok / (args.seconds * len(PORTAL_PAGES)), 1)
    overall = {
        "rps": overall_rps,
        "p50_ms": percentile_ms(ordered, 0.50),
        "p99_ms": percentile_ms(ordered, 0.99),
        "ok": ok,
    }
    log(f"overall: {overall_rps}/s, p50 {overall['p50_ms']} ms, p99 {overall['p99_ms']} ms")
    if writes is not None:
        log(f"writes during the pages: {writes.written} obligations ({writes.refused} refused)")
    met = all(
        page["rps"] >= PORTAL_TARGET_RPS
        and page["p99_ms"] is not None
        and page["p99_ms"] <= PORTAL_TARGET_P99_MS
        for page in pages.values()
    )
    return {
        "metric": "http",
        "phase": "portal",
        "pages": pages,
        "overall": overall,
        "target": {"rps": PORTAL_TARGET_RPS, "p99_ms": PORTAL_TARGET_P99_MS},
        "target_met": met,
        "backend": "postgresql" if postgres else "sqlite",
        "server_workers": workers,
        "page_cache": not args.no_page_cache,
        "demo_scale": args.demo_scale,
        "connections": args.portal_connections,
        "seconds": args.seconds,
        "write_every_s": args.write_every,
        "writes": writes.written if writes is not None else 0,
        "cores": os.cpu_count(),
    }


def bench(args: argparse.Namespace) -> dict[str, Any]:
    postgres = args.database_url.startswith(("postgresql://", "postgres://"))
    workers = args.workers if postgres else 1
    if not postgres and args.workers != 1:
        log("SQLite: one server worker (serve refuses more), projections in-process")
    if args.phase == "portal":
        return bench_portal(args, postgres, workers)
    figures: dict[str, dict[str, Any]] = {"commands": {}, "public": {}}
    with scratch_store(args.database_url, "http") as config:
        read_schema = f"{config.schema}_read" if postgres and config.schema else None
        try:
            prepared = prepare_store(config, read_schema, args.lines, args.pool_size)
            if args.no_page_cache:
                prepared.env["CLEANLEDGER_PUBLIC_CACHE_ENTRIES"] = "0"
            with contextlib.ExitStack() as stack:
                server, port = start_server(stack, args, prepared.env, postgres, workers)
                log(f"server up on port {port}")
                if args.phase in ("both", "commands"):
                    log(f"phase 1: commands, {args.command_connections} connections")
                    cpu = group_cpu_seconds(server.pid)
                    commands = in_driver(
                        Phase(
                            "commands",
                            port,
                            args.command_connections,
                            args.seconds,
                            key=prepared.key,
                            line_ids=prepared.line_ids,
                        )
                    )
                    figures["commands"] = summary(commands, group_cpu_seconds(server.pid) - cpu)
                    report_phase(commands, figures["commands"])
                    started = time.perf_counter()
                    wait_projected(prepared.settings)
                    log(f"projections caught up ({time.perf_counter() - started:.1f} s)")
                if args.phase in ("both", "public"):
                    log(f"phase 2: public list, {args.public_connections} connections")
                    cpu = group_cpu_seconds(server.pid)
                    public = in_driver(
                        Phase("public", port, args.public_connections, args.seconds, follow=args.follow)
                    )
                    figures["public"] = summary(public, group_cpu_seconds(server.pid) - cpu)
                    report_phase(public, figures["public"])
                    log(f"public pages read: {dict(sorted(public.pages.items()))}")
        finally:
            if read_schema:
                drop_schema(config.database_url, read_schema)
            remove_master_key(config)
    return {
        "metric": "http",
        "commands_per_s": figures["commands"].get("per_s"),
        "public_p99_ms": figures["public"].get("p99_ms"),
        "public_rps": figures["public"].get("per_s"),
        "backend": "postgresql" if postgres else "sqlite",
        "server_workers": workers,
        "page_cache": not args.no_page_cache,
        "commands": {**figures["commands"], "connections": args.command_connections},
        "public": {**figures["public"], "connections": args.public_connections},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers (PostgreSQL; default 2)")
    parser.add_argument("--command-connections", type=int, default=32, help="phase 1 (default 32)")
    parser.add_argument("--public-connections", type=int, default=16, help="phase 2 (default 16)")
    parser.add_argument("--lines", type=int, default=300, help="budget lines (default 300)")
    parser.add_argument(
        "--follow", type=float, default=0.5, help="chance of reading the next page (default 0.5)"
    )
    parser.add_argument(
        "--phase",
        choices=("both", "commands", "public", "portal"),
        default="both",
        help="what to measure (default both: commands, then the public list; portal: the portal's "
        "HTML pages over the synthetic demo, alone)",
    )
    parser.add_argument(
        "--portal-connections", type=int, default=16, help="connections of the portal phase (default 16)"
    )
    parser.add_argument(
        "--demo-scale",
        choices=sorted(synthetic.SCALES),
        default="medium",
        help="the portal phase's demo data set (default medium)",
    )
    parser.add_argument(
        "--write-every",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="portal phase: record one obligation every SECONDS while the pages are read, so the "
        "views move (default 0: nothing written)",
    )
    parser.add_argument(
        "--reuse-database",
        metavar="NAME",
        help="portal phase, PostgreSQL: keep the loaded demo in schema NAME (and NAME_read) and reuse "
        "it on later runs instead of loading it into a scratch schema each time",
    )
    parser.add_argument(
        "--pool-size", type=int, help="the server's CLEANLEDGER_POOL_SIZE (default: the settings' default)"
    )
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="serve every public answer and portal page from the read models "
        "(CLEANLEDGER_PUBLIC_CACHE_ENTRIES=0)",
    )
    args = parser.parse_args(argv)
    try:
        result = bench(args)
    except KeyboardInterrupt:
        log("interrupted; processes stopped and scratch store removed")
        sys.exit(130)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
