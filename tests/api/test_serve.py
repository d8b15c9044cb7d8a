"""The README's run command works: demo data loaded, then ``cleanledger serve`` answers with the
portal, the API's documentation and projected public tables (a real uvicorn process)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import orjson
import pytest

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
    finally:
        server.terminate()
        server.wait(timeout=20)
