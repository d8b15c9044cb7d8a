"""``cleanledger serve``: the HTTP API (and portal) on uvicorn.

With one worker the app is built here, on the ledger the CLI opened; with several (PostgreSQL
only: on SQLite one process owns the file's projections), uvicorn imports :func:`create_app`
in each worker process.
"""

from __future__ import annotations

import argparse
import sys

import uvicorn
from fastapi import FastAPI

from cleanledger.settings import Settings
from cleanledger.wiring import Service, store_config
from commands.ledger import Ledger


def create_app() -> FastAPI:
    """The app from the environment's settings (uvicorn's factory in each worker process)."""
    return Service(Settings()).app


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
    uvicorn.run(
        service.app,
        host=args.host,
        port=args.port,
        log_level=log_level,
        access_log=not args.quiet,
        forwarded_allow_ips=args.forwarded_allow_ips,
    )
    return 0


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
