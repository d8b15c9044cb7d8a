"""Running projections for real: settings and wiring, the in-process background projector, and the
``cleanledger project | rebuild | status`` commands (on SQLite; the PostgreSQL worker process is
put through its faults in test_faults.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, select

from bench.eventload import load
from cleanledger.cli import main
from cleanledger.settings import Settings
from cleanledger.wiring import build_ledger, build_projection_engine, build_read_engine
from commands.ledger import Ledger
from commands.messages.budget import Appropriate
from projections.background import BackgroundProjector
from projections.disclosure import DisclosureProjection
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from projections.registry import all_projections
from readmodels.erp import line_balances
from readmodels.state import projection_state
from tests.app.books import Books

# --- settings and wiring ------------------------------------------------------------------------


def test_the_read_models_default_to_the_event_stores_database(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "READ_DATABASE_URL", "READ_SCHEMA"):
        monkeypatch.delenv(f"CLEANLEDGER_{name}", raising=False)
    settings = Settings(_env_file=None)
    assert settings.read_database_url is None
    assert settings.read_url == "sqlite:///cleanledger.db"
    assert settings.read_schema == "cleanledger_read"

    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", "postgresql://ledger@db:5432/finance?schema=events")
    assert Settings(_env_file=None).read_url == "postgresql://ledger@db:5432/finance?schema=events"

    monkeypatch.setenv("CLEANLEDGER_READ_DATABASE_URL", "postgresql://reader@replica:5432/finance")
    monkeypatch.setenv("CLEANLEDGER_READ_SCHEMA", "portal")
    settings = Settings(_env_file=None)
    assert (settings.read_url, settings.read_schema) == ("postgresql://reader@replica:5432/finance", "portal")


@pytest.mark.parametrize(
    ("name", "value"),
    [("READ_DATABASE_URL", "mysql://root@localhost/x"), ("READ_SCHEMA", 'x"; DROP TABLE y; --')],
)
def test_a_bad_read_database_or_schema_is_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(f"CLEANLEDGER_{name}", value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)


@pytest.fixture
def sqlite_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    for name in ("READ_DATABASE_URL", "READ_SCHEMA", "DB_SCHEMA"):
        monkeypatch.delenv(f"CLEANLEDGER_{name}", raising=False)
    monkeypatch.setenv("CLEANLEDGER_DATABASE_URL", f"sqlite:///{tmp_path / 'ledger.db'}")
    return Settings(_env_file=None)


@pytest.fixture
def app(sqlite_settings: Settings) -> Iterator[Ledger]:
    ledger = build_ledger(sqlite_settings)
    try:
        yield ledger
    finally:
        ledger.close()


@pytest.fixture
def engine(sqlite_settings: Settings, app: Ledger) -> Iterator[ProjectionEngine]:
    projector = build_projection_engine(sqlite_settings, app, batch_size=200)
    try:
        yield projector
    finally:
        projector.engine.dispose()


def test_the_projection_engine_is_wired_to_the_store_and_the_read_database(
    sqlite_settings: Settings, app: Ledger, engine: ProjectionEngine
) -> None:
    assert engine.recorder is app.recorder
    assert [p.name for p in engine.projections] == [p.name for p in all_projections()]
    assert engine.batch_size == 200
    assert str(engine.engine.url) == sqlite_settings.database_url  # the same SQLite file
    Books(app).ready().line(amount=5_000)
    engine.catch_up()
    reader = build_read_engine(sqlite_settings)
    try:
        with reader.connect() as conn:
            assert conn.execute(select(line_balances.c.current_budget)).scalars().all() == [5_000]
    finally:
        reader.dispose()


# --- the background projector (in process, SQLite) ------------------------------------------------


def budgets(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(select(line_balances.c.line_id, line_balances.c.current_budget)).all())


def test_the_background_projector_follows_and_a_read_can_wait_for_a_command(
    app: Ledger, engine: ProjectionEngine
) -> None:
    books = Books(app).ready()
    with BackgroundProjector(engine, interval=0.05) as projector:
        assert projector.running
        for n in range(5):
            line = books.line(amount=1_000 * (n + 1))
            position = app.recorder.max_notification_id() or 0
            projector.poke()
            assert projector.wait_for(position, timeout=5)
            assert budgets(engine.engine)[str(line)] == 1_000 * (n + 1)
        # Without a poke or a wait the thread finds new events by itself, within its interval.
        books.line(amount=77)
        head = app.recorder.max_notification_id() or 0
        deadline = time.monotonic() + 5
        while engine.position() < head and time.monotonic() < deadline:
            time.sleep(0.01)
        assert engine.position() == head
    assert not projector.running
    assert projector.error is None


def test_a_read_catches_up_itself_when_the_thread_is_behind_or_stopped(
    app: Ledger, engine: ProjectionEngine
) -> None:
    load(app, 2_000)
    projector = BackgroundProjector(engine, interval=10.0)  # never started: all in this thread
    head = app.recorder.max_notification_id() or 0
    assert projector.wait_for(head, timeout=10)
    assert engine.position() == head
    assert projector.wait_for(head + 1_000, timeout=0.05) is False  # not in the log (yet)


def test_the_thread_and_readers_share_the_work_and_apply_each_event_once(
    app: Ledger, engine: ProjectionEngine
) -> None:
    books = Books(app).ready()
    lines = [books.line(amount=1_000_000, allocate={1: 1_000_000}) for _ in range(3)]
    stop = threading.Event()
    errors: list[BaseException] = []
    obligations = dict.fromkeys(lines, 0)

    def write() -> None:
        try:
            while not stop.is_set():
                for line in lines:
                    books.run(Appropriate, budget_code=books.next_code(), title="추가 사업", amount=10)
                    books.obligate(line, 1)
                    obligations[line] += 1
        except BaseException as error:
            errors.append(error)

    with BackgroundProjector(engine, interval=0.05) as projector:
        writer = threading.Thread(target=write)
        writer.start()
        while sum(obligations.values()) < 60 and writer.is_alive():  # reads racing the thread
            assert projector.wait_for(app.recorder.max_notification_id() or 0, timeout=5)
        stop.set()
        writer.join(10)
        assert projector.wait_for(app.recorder.max_notification_id() or 0, timeout=5)
    assert not errors
    with engine.engine.connect() as conn:
        obligated = dict(conn.execute(select(line_balances.c.line_id, line_balances.c.obligated)).all())
    assert all(count > 0 for count in obligations.values())
    assert {line: obligated[str(line)] for line in lines} == obligations


# --- the command line ----------------------------------------------------------------------------


def test_project_status_and_rebuild_on_the_command_line(
    sqlite_settings: Settings, app: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    load(app, 1_200)
    head = app.recorder.max_notification_id() or 0

    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert f"head of the log: {head}" in out
    assert "erp_balances" in out and "not started" in out

    assert main(["project", "--batch-size", "100"]) == 0
    captured = capsys.readouterr()
    assert f"{head} events applied; position {head}, head of the log {head}" in captured.out
    assert "events/s" in captured.err and f"{head:,}/{head:,} events" in captured.err

    assert main(["project"]) == 0  # nothing new
    assert "0 events applied" in capsys.readouterr().out

    assert main(["rebuild", "erp_balances", "--batch-size", "300"]) == 0
    captured = capsys.readouterr()
    assert f"rebuilt erp_balances: generation 1 -> 2, position {head}" in captured.out
    assert "rebuild:" in captured.err and "events/s" in captured.err

    assert main(["status"]) == 0
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[2:]}
    # position, generation, version (the code's: 2 since line_daily), lag
    assert rows["erp_balances"] == [str(head), "2", str(BalancesProjection.version), "0"]
    assert rows["disclosure"] == [str(head), "1", str(DisclosureProjection.version), "0"]

    Books(app, org="3020000").ready()
    assert main(["status"]) == 0
    rows = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()[2:]}
    assert int(rows["erp_balances"][3]) > 0  # the lag

    assert main(["rebuild", "nope"]) == 1
    assert "unknown projection nope" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["project", "--batch-size", "0"])


def test_project_follow_polls_on_sqlite_and_stops_on_a_signal(
    sqlite_settings: Settings, app: Ledger, tmp_path: Path
) -> None:
    books = Books(app).ready()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLEANLEDGER_")}
    env["CLEANLEDGER_DATABASE_URL"] = sqlite_settings.database_url
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "cleanledger.cli", "project", "--follow"],
            env=env,
            cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    reader = build_read_engine(sqlite_settings)
    try:

        def position() -> int:
            try:
                with reader.connect() as conn:
                    return min(conn.execute(select(projection_state.c.position)).scalars().all() or [0])
            except Exception:  # the worker has not created its tables yet
                return 0

        for amount in (1_000, 2_000):
            line = books.line(amount=amount)
            head = app.recorder.max_notification_id() or 0
            deadline = time.monotonic() + 20
            while position() < head:
                assert worker.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.02)
            assert budgets(reader)[str(line)] == amount
        worker.send_signal(signal.SIGINT)
        assert worker.wait(15) == 0, log.read_text()
    finally:
        reader.dispose()
        if worker.poll() is None:
            worker.kill()
    output = log.read_text()
    assert "polling" in output and "SIGINT" in output and f"stopped at position {head}" in output
