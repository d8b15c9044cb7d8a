"""Projection workers under faults: killed with SIGKILL mid-batch, their connections cut, two at once.

Whatever happens to a worker, once it is caught up the read models must equal

- a plain fold of each budget line's events (``fold_line``, none of the projection's code), and
- a reference projection of the same log, applied in one undisturbed pass into tables of its own,
  table by table and row by row: nothing doubled, nothing missed, in any read model.

The PostgreSQL tests run the real worker, ``python -m cleanledger.cli project --follow``, as a
subprocess whose connections carry an ``application_name`` of their own (``PGAPPNAME``), so that the
test can find them in ``pg_stat_activity`` and cut them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import Engine, select

from bench.eventload import load
from commands.ledger import Ledger, open_ledger
from commands.messages.budget import Appropriate
from commands.persistence import StoreConfig
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from readmodels.database import read_engine
from readmodels.erp import line_balances
from tests.app.books import Books
from tests.app.test_state_machine import fold_line
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

# --- what the read models must equal -----------------------------------------------------------


def all_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every read model, read through the views, in primary-key order."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for projection in all_projections():
            for table in projection.tables:
                order = list(table.primary_key.columns) or list(table.c)
                rows[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return rows


def reference_rows(ledger: Ledger, url: str, schema: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The rows one undisturbed projection of the whole log gives, in a database of its own."""
    engine = read_engine(url, schema=schema, writer=True)
    try:
        ProjectionEngine(ledger.recorder, engine, all_projections(), batch_size=5_000).catch_up()
        return all_rows(engine)
    finally:
        engine.dispose()
        if schema is not None:
            drop_schema(schema)


def folded_lines(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Each budget line's balances, summed from its events by ``fold_line``."""
    events: dict[str, list[Any]] = {}
    start = 1
    while True:
        notifications = ledger.recorder.select_notifications(start, 5_000)
        for notification in notifications:
            if notification.topic.rpartition(":")[2].startswith("BudgetLine."):
                event = ledger.mapper.to_domain_event(notification)
                events.setdefault(str(event.originator_id), []).append(event)
        if not notifications:
            break
        start = notifications[-1].id + 1
    return {line_id: fold_line(line_events) for line_id, line_events in events.items()}


def assert_lines_equal_the_fold(ledger: Ledger, engine: Engine) -> None:
    fold = folded_lines(ledger)
    with engine.connect() as conn:
        rows = {row.line_id: row for row in conn.execute(select(line_balances))}
    assert set(rows) == set(fold)
    wrong = [
        line_id
        for line_id, want in fold.items()
        if (
            rows[line_id].current_budget,
            (
                rows[line_id].allocated_q1,
                rows[line_id].allocated_q2,
                rows[line_id].allocated_q3,
                rows[line_id].allocated_q4,
            ),
            rows[line_id].obligated,
            rows[line_id].paid,
        )
        != (want["current_budget"], want["allocated"], want["obligated"], want["paid"])
    ]
    assert not wrong, f"{len(wrong)} of {len(fold)} lines differ from the fold, e.g. {wrong[:3]}"


def assert_read_models_are_exact(ledger: Ledger, engine: Engine, reference: dict[str, Any]) -> None:
    assert_lines_equal_the_fold(ledger, engine)
    actual = all_rows(engine)
    for name, rows in reference.items():
        assert actual[name] == rows, f"{name}: {len(actual[name])} rows, {len(rows)} expected"
    assert sum(len(rows) for rows in reference.values()) > 1_000  # the comparison means something


def drop_schema(name: str) -> None:
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))


# --- a real worker process on PostgreSQL --------------------------------------------------------


@dataclass
class PostgresStore:
    config: StoreConfig
    read_schema: str
    ledger: Ledger
    directory: Path

    def positions(self) -> list[int]:
        """Every projection's committed position (empty before the worker created its tables)."""
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            try:
                rows = conn.execute(
                    sql.SQL("SELECT position FROM {}.projection_state").format(
                        sql.Identifier(self.read_schema)
                    )
                ).fetchall()
            except psycopg.errors.UndefinedTable:
                return []
        return [row[0] for row in rows]

    def position(self) -> int:
        positions = self.positions()
        return min(positions) if len(positions) == len(all_projections()) else 0

    def head(self) -> int:
        return self.ledger.recorder.max_notification_id() or 0

    def read_engine(self) -> Engine:
        return read_engine(POSTGRES_URL, schema=self.read_schema)


@pytest.fixture
def pg_store(tmp_path: Path) -> Iterator[PostgresStore]:
    require_postgres()
    schema = PostgresSchema()
    config = StoreConfig(POSTGRES_URL, schema=schema.name, pool_size=3, max_overflow=10, cache_size=1000)
    ledger = open_ledger(config)
    try:
        yield PostgresStore(config, f"{schema.name}_read", ledger, tmp_path)
    finally:
        ledger.close()
        schema.drop()
        drop_schema(f"{schema.name}_read")


class Worker:
    """``cleanledger project --follow`` in a subprocess, its output in a file."""

    def __init__(self, store: PostgresStore, *, batch_size: int, app_name: str) -> None:
        self.store = store
        self.app_name = app_name
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLEANLEDGER_")}
        env.update(
            CLEANLEDGER_DATABASE_URL=POSTGRES_URL,
            CLEANLEDGER_DB_SCHEMA=store.config.schema or "",
            CLEANLEDGER_READ_SCHEMA=store.read_schema,
            CLEANLEDGER_POOL_SIZE="2",
            PGAPPNAME=app_name,
        )
        self.log = store.directory / f"worker-{uuid.uuid4().hex[:6]}.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "cleanledger.cli",
                    "project",
                    "--follow",
                    "--batch-size",
                    str(batch_size),
                ],
                env=env,
                cwd=store.directory,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"the worker died:\n{self.output()}"
            assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{self.output()}"
            time.sleep(0.01)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(15)

    def connections(self, query: str = "") -> int:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s AND query LIKE %s",
                (self.app_name, f"{query}%"),
            ).fetchone()
        assert row is not None
        return int(row[0])

    def cut_connections(self) -> int:
        """Terminate every server connection of the worker; returns how many there were."""
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s AND pid <> pg_backend_pid()",
                (self.app_name,),
            ).fetchall()
        return len(rows)

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *_: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_worker_killed_mid_batch_resumes_from_its_committed_position(pg_store: PostgresStore) -> None:
    load(pg_store.ledger, 20_000)
    head = pg_store.head()
    app = f"cl-kill-{uuid.uuid4().hex[:8]}"

    # Killed twice while it applies batches of 50 (a batch takes milliseconds, so the signal lands
    # inside one), restarted each time: it starts again from the position last committed.
    killed_at = 0
    for fraction in (0.2, 0.5):
        with Worker(pg_store, batch_size=50, app_name=app) as worker:
            worker.wait_until(
                lambda f=fraction: pg_store.position() >= f * head, f"position {fraction} * head"
            )
            assert f"following from position {killed_at} " in worker.output()
            worker.kill()
        assert killed_at < pg_store.position() < head  # it was stopped half way, not after finishing
        killed_at = pg_store.position()

    with Worker(pg_store, batch_size=50, app_name=app) as worker:
        worker.wait_until(lambda: pg_store.position() >= head, "the head")
        assert f"following from position {killed_at} " in worker.output()
        assert worker.terminate() == 0  # SIGTERM stops it cleanly
        assert f"stopped at position {head}" in worker.output()

    engine = pg_store.read_engine()
    try:
        reference = reference_rows(pg_store.ledger, POSTGRES_URL, f"{pg_store.config.schema}_ref")
        assert_read_models_are_exact(pg_store.ledger, engine, reference)
    finally:
        engine.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_a_worker_whose_connections_are_cut_recovers_by_itself(pg_store: PostgresStore) -> None:
    load(pg_store.ledger, 10_000)
    head = pg_store.head()
    app = f"cl-cut-{uuid.uuid4().hex[:8]}"
    with Worker(pg_store, batch_size=25, app_name=app) as worker:
        cuts = 0
        for fraction in (0.15, 0.4, 0.7):
            worker.wait_until(
                lambda f=fraction: pg_store.position() >= f * head, f"position {fraction} * head"
            )
            cuts += worker.cut_connections()
        assert cuts >= 6  # the engine's, the event store's and the LISTEN connections, each time
        worker.wait_until(lambda: pg_store.position() >= head, "the head after the cuts")

        # The LISTEN connection came back too: new events are applied within moments, not a poll.
        worker.wait_until(lambda: worker.connections("LISTEN") == 1, "a LISTEN connection again")
        more = open_ledger(pg_store.config)
        try:
            books = Books(more, org="3020000").ready()
            for _ in range(3):
                position = books.run(
                    Appropriate, budget_code=books.next_code(), title="용산구 세부사업", amount=1_000
                ).position
                asked = time.monotonic()
                worker.wait_until(lambda p=position: pg_store.position() >= p, "the new event", timeout=10)
                assert time.monotonic() - asked < 0.6, "not woken by NOTIFY"
        finally:
            more.close()
        assert worker.process.poll() is None
        assert worker.terminate() == 0

    engine = pg_store.read_engine()
    try:
        reference = reference_rows(pg_store.ledger, POSTGRES_URL, f"{pg_store.config.schema}_ref")
        assert_read_models_are_exact(pg_store.ledger, engine, reference)
    finally:
        engine.dispose()


# --- two workers on one projection -------------------------------------------------------------


def test_two_workers_at_once_apply_every_event_exactly_once(
    ledger: Ledger, store_config: StoreConfig, read_db: Engine, tmp_path: Path
) -> None:
    load(ledger, 4_000)
    head = ledger.recorder.max_notification_id() or 0
    size = len(ledger.recorder.select_notifications(1, 1_000_000))
    if store_config.is_postgres:
        url, schema, reference_schema = (
            POSTGRES_URL,
            f"{store_config.schema}_read",
            f"{store_config.schema}_ref",
        )
    else:
        url, schema, reference_schema = store_config.database_url, None, None
    # Each worker has its own SQLAlchemy engine, its own projection objects and its own batch size.
    first = ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=25)
    second_db = read_engine(url, schema=schema, writer=True)
    second = ProjectionEngine(ledger.recorder, second_db, all_projections(), batch_size=40)
    applied: dict[str, int] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work(name: str, engine: ProjectionEngine) -> None:
        try:
            barrier.wait()
            total = 0
            while True:
                count = engine.run_batch()
                total += count
                if count == 0 and engine.position() >= head:
                    break
                # Between batches, as a worker reading its next batch would: SQLite's lock is not
                # fair, and a thread that takes it again at once could starve the other one.
                time.sleep(0.004)
            applied[name] = total
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=item) for item in (("first", first), ("second", second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    second_db.dispose()
    assert not errors
    assert applied["first"] > 0 and applied["second"] > 0  # both did a share of the work
    assert applied["first"] + applied["second"] == size  # and no event was applied twice

    reference_url = url if store_config.is_postgres else f"sqlite:///{tmp_path / 'reference.db'}"
    reference = reference_rows(ledger, reference_url, reference_schema)
    assert_read_models_are_exact(ledger, read_db, reference)


# --- lanes: each projection but the first in a forked process ----------------------------------


def test_a_parallel_catch_up_gives_the_rows_of_one_pass_and_keeps_working_after(
    ledger: Ledger, store_config: StoreConfig, read_db: Engine, tmp_path: Path
) -> None:
    """On PostgreSQL every projection but the first is caught up by a forked process of its own
    meanwhile; the rows equal one undisturbed pass, and the group (this process's lookups of the
    forked lanes' projections dropped) goes on from where each projection stands."""
    load(ledger, 3_000)
    head = ledger.recorder.max_notification_id() or 0
    engine = ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=300)
    assert engine.catch_up(parallel=True) == head
    assert engine.position() == head
    if store_config.is_postgres:  # the lanes' projections moved in other processes
        assert set(engine._committed) <= {engine.projections[0].name}
    # the parent's pooled connections were left alone by the child: both still work
    assert engine.head() == head
    with read_db.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1

    books = Books(ledger, org="3020000").ready()
    books.run(Appropriate, budget_code=books.next_code(), title="용산구 세부사업", amount=9_000)
    assert engine.catch_up() > 0
    assert engine.position() == ledger.recorder.max_notification_id()

    if store_config.is_postgres:
        reference = reference_rows(ledger, POSTGRES_URL, f"{store_config.schema}_ref")
    else:
        reference = reference_rows(ledger, f"sqlite:///{tmp_path / 'reference.db'}")
    assert_read_models_are_exact(ledger, read_db, reference)
