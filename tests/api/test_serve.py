"""The README's run command works: demo data loaded, then ``cleanledger serve`` answers with the
portal, the API's documentation and projected public tables (a real uvicorn process), and idle it
uses next to no CPU (finding 10 of issue 12: 11 % of a core before)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from email.utils import parsedate_to_datetime
from pathlib import Path

import orjson
import pytest
import uvicorn

from cleanledger.serve import QuietServer

README = Path(__file__).resolve().parents[2] / "README.md"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.read()


def test_the_readme_run_command_is_demo_then_serve() -> None:
    first = README.read_text(encoding="utf-8").split("```sh\n", 1)[1].splitlines()[0]
    assert first.endswith("cleanledger demo --scale small && .venv/bin/cleanledger serve")


@pytest.mark.slow
def test_serve_answers_with_the_portal_the_docs_and_projected_tables(tmp_path: Path) -> None:
    env = {**os.environ, "CLEANLEDGER_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}"}
    cli = [sys.executable, "-m", "cleanledger.cli"]
    subprocess.run([*cli, "demo", "--scale", "small", "--quiet"], env=env, cwd=tmp_path, check=True)
    port = _free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--quiet"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        status, portal = _get(f"{base}/")
        assert status == 200 and "사업현황" in portal.decode()
        assert _get(f"{base}/docs")[0] == 200
        deadline = time.monotonic() + 30
        while True:  # the in-process projections catch up with the demo's events
            status, body = _get(f"{base}/api/v1/public/programs?org=6110000&year=2026&limit=5&totals=true")
            page = orjson.loads(body)
            if page["items"] or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == 200
        assert page["totals"]["count"] > 0
        assert all(row["current_budget"] > 0 for row in page["items"])
        # and once settled, idle, it uses at most 1 % of a core
        assert idle_cpu_percent(server.pid, seconds=5) <= 1.0
    finally:
        server.terminate()
        server.wait(timeout=20)


def cpu_ticks(pid: int) -> int:
    """utime + stime of the process, in clock ticks (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return int(fields[11]) + int(fields[12])


def idle_cpu_percent(pid: int, seconds: float) -> float:
    """Share of one core the process uses over ``seconds``, once a second has gone by in which it
    used at most a tick (the projections' catch-up and the first requests are over)."""
    hertz = os.sysconf("SC_CLK_TCK")
    deadline = time.monotonic() + 60
    while True:
        before = cpu_ticks(pid)
        time.sleep(1)
        if cpu_ticks(pid) - before <= 1 or time.monotonic() > deadline:
            break
    before, started = cpu_ticks(pid), time.monotonic()
    time.sleep(seconds)
    return 100 * (cpu_ticks(pid) - before) / hertz / (time.monotonic() - started)


# --- uvicorn's housekeeping tick -----------------------------------------------------------------


class CountingServer(QuietServer):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ticks = 0

    async def on_tick(self, counter: int) -> bool:
        self.ticks += 1
        return await super().on_tick(counter)


async def _empty_app(scope: object, receive: object, send: object) -> None:
    raise AssertionError("no request is sent")


def serving(server: QuietServer) -> threading.Thread:
    thread = threading.Thread(target=asyncio.run, args=(server.serve(),), daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.01)
    return thread


def test_the_server_ticks_once_a_second_and_keeps_the_date_header_current() -> None:
    server = CountingServer(
        uvicorn.Config(_empty_app, port=_free_port(), log_level="warning", lifespan="off")
    )
    thread = serving(server)
    try:
        ticks = server.ticks
        time.sleep(3.2)
        # uvicorn's own loop ticks ten times a second: thirty here
        assert server.ticks - ticks <= 4
        date = dict(server.server_state.default_headers)[b"date"].decode()
        assert abs(time.time() - parsedate_to_datetime(date).timestamp()) < 3
    finally:
        server.should_exit = True
        thread.join(5)


def test_a_signal_to_stop_ends_the_wait_for_the_next_tick() -> None:
    class SlowTicks(QuietServer):
        TICK_SECONDS = 60.0

    server = SlowTicks(uvicorn.Config(_empty_app, port=_free_port(), log_level="warning", lifespan="off"))
    thread = serving(server)
    time.sleep(0.2)
    started = time.monotonic()
    server.handle_exit(signal.SIGTERM, None)
    thread.join(30)
    assert not thread.is_alive()
    assert time.monotonic() - started < 10  # not the 60 s tick
