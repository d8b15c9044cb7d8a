"""What an idle server costs: the CPU ``cleanledger serve`` uses with nothing to do.

    python -m bench.idle --database-url URL [--seconds 30] [--scale small] [--cleanledger PATH]

On a scratch store (a file beside the one ``URL`` names, or a fresh schema on its server, removed
at the end) it loads the demo data set with ``cleanledger demo``, brings the read models and the
hash chain up to date (``cleanledger project``, ``cleanledger chain``), and starts ``cleanledger
serve`` (on PostgreSQL with ``--project``, so the projections run in the server as they do on
SQLite). Once the server answers and has settled (a second in which it used at most one clock
tick, or a steady use three seconds in a row), it reads the server's CPU time, user and system,
its children's included, from ``/proc/PID/stat`` over ``--seconds`` and reports it as a share of
one core. Nothing is sent to the server meanwhile.

On PostgreSQL it then measures the other way to run it: ``serve`` without projections, beside a
``cleanledger project --follow`` worker and a ``cleanledger chain --follow`` worker, each idle
over the same window.

Every step runs the ``cleanledger`` command line (``--cleanledger``: another installation's, e.g.
an older checkout's, to measure it the same way). What counts is the CPU time of the processes
measured, which load elsewhere on the machine barely changes (it slows them, it does not make them
do more). The last line printed is the JSON object ``{"metric": "idle_cpu", "idle_cpu_percent": …,
"seconds": …, "backend": …, …}``; ``idle_cpu_percent_from_threads`` is the same share from the
threads' nanoseconds (``/proc/PID/task/*/schedstat``), for figures under a clock tick a second.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.http import cleanledger_command, drop_schema, free_port, running, server_env, wait_healthy
from bench.stores import scratch_store

HOST = "127.0.0.1"
#: What issue 12 asks of an idle server (share of one core), and what it found before (finding 10).
TARGET_PERCENT = 1.0
ISSUE_BASELINE_PERCENT = 11.0


def log(message: str) -> None:
    print(f"bench.idle: {message}", file=sys.stderr, flush=True)


# --- CPU time --------------------------------------------------------------------------------------


def cpu_ticks(pid: int) -> int:
    """Clock ticks the process and its children used so far: utime + stime of the process and of
    its live children, plus cutime + cstime (the children it waited for)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended meanwhile
        # fields after the name: state, ppid, pgrp, …, utime (11), stime (12), cutime, cstime
        if int(stat.parent.name) == pid:
            total += sum(int(f) for f in fields[11:15])
        elif int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total


def thread_cpu_ns(pid: int) -> int:
    """Nanoseconds on a CPU of the process's live threads (/proc/PID/task/*/schedstat): finer than
    clock ticks, for figures well under one tick a second."""
    total = 0
    for schedstat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        with contextlib.suppress(OSError, ValueError):  # a thread ended meanwhile
            total += int(schedstat.read_text().split()[0])
    return total


def settle(pids: list[int], *, quiet_ticks: int = 1, timeout: float = 120.0) -> float:
    """Wait until the processes have settled: a second in which they used at most ``quiet_ticks``
    ticks between them (catch-up, start-up and every follower's first look are over), or three
    seconds in a row of about the same use (a server that keeps polling never goes quiet);
    returns the seconds waited."""
    started = time.monotonic()
    used: list[int] = []
    while time.monotonic() - started < timeout:
        before = sum(cpu_ticks(pid) for pid in pids)
        time.sleep(1.0)
        used.append(sum(cpu_ticks(pid) for pid in pids) - before)
        if used[-1] <= quiet_ticks:
            return time.monotonic() - started
        if len(used) >= 5 and max(used[-3:]) - min(used[-3:]) <= 2:
            log(f"steady at {used[-1]} ticks a second, not quiet")
            return time.monotonic() - started
    log(f"the processes did not settle within {timeout:g} s; measuring anyway")
    return time.monotonic() - started


def measure(pids: dict[str, int], seconds: float) -> dict[str, tuple[float, float]]:
    """Share of one core (%) each process used over the same ``seconds``: from clock ticks
    (children included) and from its threads' nanoseconds."""
    hertz = os.sysconf("SC_CLK_TCK")
    ticks = {name: cpu_ticks(pid) for name, pid in pids.items()}
    ns = {name: thread_cpu_ns(pid) for name, pid in pids.items()}
    started = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - started
    return {
        name: (
            round(100 * (cpu_ticks(pid) - ticks[name]) / hertz / elapsed, 3),
            round(100 * (thread_cpu_ns(pid) - ns[name]) / 1e9 / elapsed, 4),
        )
        for name, pid in pids.items()
    }


# --- the store and the processes ------------------------------------------------------------------


def run_cli(cli: list[str], env: dict[str, str], *args: str) -> str:
    done = subprocess.run([*cli, *args], env=env, check=True, capture_output=True, text=True)
    return done.stdout


def prepare(cli: list[str], env: dict[str, str], scale: str) -> int:
    """The demo data set, the read models and the hash chain caught up; the head of the log."""
    started = time.perf_counter()
    summary = run_cli(cli, env, "demo", "--scale", scale, "--quiet").strip().splitlines()[-1]
    log(f"{summary} ({time.perf_counter() - started:.1f} s)")
    run_cli(cli, env, "project", "--quiet")
    chained = run_cli(cli, env, "chain").strip()
    log(chained)
    status = run_cli(cli, env, "status")
    head = next((line for line in status.splitlines() if "head of the log" in line), "")
    return int(head.rsplit(":", 1)[-1].strip() or 0) if head else 0


def idle_figures(
    cli: list[str], env: dict[str, str], seconds: float, *, project: bool, workers: bool
) -> dict[str, tuple[float, float]]:
    """Start ``serve`` (and the workers), let them settle, measure them idle."""
    port = free_port()
    serve = [*cli, "serve", "--host", HOST, "--port", str(port), "--quiet"]
    if project:
        serve.append("--project")
    with contextlib.ExitStack() as stack:
        processes = {
            "serve": stack.enter_context(running(serve, env, "serve" + (" --project" if project else "")))
        }
        if workers:
            processes["project_worker"] = stack.enter_context(
                running([*cli, "project", "--follow"], env, "cleanledger project --follow")
            )
            processes["chain_worker"] = stack.enter_context(
                running([*cli, "chain", "--follow"], env, "cleanledger chain --follow")
            )
        wait_healthy(port, processes["serve"])
        pids = {name: process.pid for name, process in processes.items()}
        waited = settle(list(pids.values()))
        log(f"settled after {waited:.1f} s; measuring {seconds:g} s")
        figures = measure(pids, seconds)
        for name, process in processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode} while measured")
    return figures


def bench(args: argparse.Namespace) -> dict[str, Any]:
    postgres = args.database_url.startswith(("postgresql://", "postgres://"))
    cli = [args.cleanledger] if args.cleanledger else cleanledger_command()
    with scratch_store(args.database_url, "idle") as config:
        read_schema = f"{config.schema}_read" if postgres and config.schema else None
        try:
            env = server_env(config, read_schema, None)
            events = prepare(cli, env, args.scale)
            served = idle_figures(cli, env, args.seconds, project=postgres, workers=False)
            log(f"serve{' --project' if postgres else ''}: {served['serve'][0]} % of a core idle")
            separate: dict[str, tuple[float, float]] = {}
            if postgres and not args.no_workers:
                separate = idle_figures(cli, env, args.seconds, project=False, workers=True)
                log(f"serve, project --follow, chain --follow: {separate}")
        finally:
            if read_schema:
                drop_schema(config.database_url, read_schema)
    figure, precise = served["serve"]
    result: dict[str, Any] = {
        "metric": "idle_cpu",
        "idle_cpu_percent": figure,
        "idle_cpu_percent_from_threads": precise,
        "seconds": args.seconds,
        "backend": "postgresql" if postgres else "sqlite",
        "projections": "in-process",
        "events": events,
        "scale": args.scale,
        "target_percent": TARGET_PERCENT,
        "issue_baseline_percent": ISSUE_BASELINE_PERCENT,
        "ratio_to_issue_baseline": round(figure / ISSUE_BASELINE_PERCENT, 4),
        "cleanledger": " ".join(cli),
    }
    if separate:
        result["separate_workers"] = {
            "serve_cpu_percent": separate["serve"][0],
            "project_follow_cpu_percent": separate["project_worker"][0],
            "chain_follow_cpu_percent": separate["chain_worker"][0],
            "from_threads": {name: both[1] for name, both in separate.items()},
        }
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="sqlite:///FILE or postgresql://…")
    parser.add_argument("--seconds", type=float, default=30.0, help="the measured window (default 30)")
    parser.add_argument(
        "--scale",
        default="small",
        help="the demo data set loaded first (default small; see cleanledger demo)",
    )
    parser.add_argument(
        "--cleanledger", help="the cleanledger command to measure (default: this installation's)"
    )
    parser.add_argument(
        "--no-workers", action="store_true", help="PostgreSQL: skip the separate-workers measurement"
    )
    args = parser.parse_args(argv)
    print(json.dumps(bench(args)), flush=True)


if __name__ == "__main__":
    main()
