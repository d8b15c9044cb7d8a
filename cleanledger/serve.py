"""``cleanledger serve``: the HTTP API (and portal) on uvicorn.

With one worker the app is built here, on the ledger the CLI opened; with several (PostgreSQL
only: on SQLite one process owns the file's projections), uvicorn imports :func:`create_app`
in each worker process.

Idle, a one-worker server wakes about once a second (:class:`QuietServer`); its in-process
projectors sleep until there is something to apply (:mod:`projections.wakeup`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from types import FrameType

import uvicorn
from fastapi import FastAPI

from cleanledger.settings import Settings
from cleanledger.wiring import Service, store_config
from commands.ledger import Ledger


def create_app() -> FastAPI:
    """The app from the environment's settings (uvicorn's factory in each worker process)."""
    return Service(Settings()).app


class QuietServer(uvicorn.Server):
    """uvicorn's server with its housekeeping tick once a second instead of every 100 ms.

    The tick refreshes the ``Date`` header, a value of whole seconds, and looks whether to stop;
    at ten a second it was most of what an idle server cost (0.2 % of a core). A signal to stop
    ends the wait for the next tick at once, so the server stops as promptly as before.
    """

    TICK_SECONDS = 1.0
    #: uvicorn refreshes the header on ticks whose counter is a multiple of 10 (once a second).
    _COUNTER_STEP = 10

    _tick: asyncio.Future[None] | None = None
    _loop: asyncio.AbstractEventLoop | None = None

    async def main_loop(self) -> None:
        self._loop = asyncio.get_running_loop()
        counter = 0
        should_exit = await self.on_tick(counter)
        while not should_exit:
            counter = (counter + self._COUNTER_STEP) % 864_000
            self._tick = self._loop.create_future()
            timer = self._loop.call_later(self.TICK_SECONDS, _settle, self._tick)
            try:
                await self._tick
            finally:
                timer.cancel()
            should_exit = await self.on_tick(counter)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        loop, tick = self._loop, self._tick
        if loop is not None and tick is not None and not loop.is_closed():
            loop.call_soon_threadsafe(_settle, tick)  # safe from a signal handler


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def serve(ledger: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    postgres = store_config(settings).is_postgres
    if args.workers > 1 and not postgres:
        print("cleanledger: serve --workers > 1 needs PostgreSQL (SQLite is one process)", file=sys.stderr)
        return 2
    in_process = None if not args.project else True
    where = f"http://{args.host}:{args.port}"
    projections = (
        "in-process" if (in_process or not postgres) else "by a separate `cleanledger project --follow`"
    )
    print(f"serve: {where}/ (portal), {where}/docs (API); projections {projections}", file=sys.stderr)
    log_level = "warning" if args.quiet else "info"
    if args.workers > 1:
        ledger.close()
        uvicorn.run(
            "cleanledger.serve:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            log_level=log_level,
            access_log=not args.quiet,
            forwarded_allow_ips=args.forwarded_allow_ips,
        )
        return 0
    service = Service(settings, ledger=ledger, run_projections=in_process)
    server = QuietServer(
        uvicorn.Config(
            service.app,
            host=args.host,
            port=args.port,
            log_level=log_level,
            access_log=not args.quiet,
            forwarded_allow_ips=args.forwarded_allow_ips,
        )
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C re-raised once stopped, as uvicorn.run allows
        server.run()
    return 0 if server.started else 3  # uvicorn's exit code when the server could not start


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_serve = sub.add_parser(
        "serve",
        help="run the HTTP API and the public portal (uvicorn)",
        description="Serve the API (/api/v1, documented at /docs) and the public portal. On the "
        "embedded SQLite default the projections run in the same process; on PostgreSQL run "
        "`cleanledger project --follow` beside it, or pass --project.",
    )
    p_serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p_serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p_serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL only)")
    p_serve.add_argument(
        "--project", action="store_true", help="also run the projections in this process (PostgreSQL)"
    )
    p_serve.add_argument("--quiet", action="store_true", help="no access log")
    p_serve.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="proxies (comma-separated addresses, or *) whose X-Forwarded-For names the client; the "
        "public rate limit and the failed-authentication limit count per client (default: uvicorn's, "
        "$FORWARDED_ALLOW_IPS or 127.0.0.1)",
    )
    p_serve.set_defaults(run=serve)
