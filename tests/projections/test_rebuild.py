"""Rebuilding projections into a new table generation, on both backends, while others work.

Readers query the views the whole time and must only ever see complete tables; workers keep
applying new events to the old generation until the switch and to the new one after it; the
rebuilt rows equal the rows of one undisturbed projection of the log.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import BigInteger, Column, Engine, MetaData, String, Table, inspect, select, text

from bench.eventload import load
from commands.ledger import Ledger
from commands.messages.budget import AmendBudget, Appropriate
from commands.persistence import StoreConfig
from projections.background import BackgroundProjector
from projections.base import Envelope, Projection, RowWriter
from projections.engine import ProjectionEngine
from projections.rebuild import RebuildError, RebuildProgress, _exclusive, rebuild
from projections.registry import all_projections
from readmodels.database import read_engine
from readmodels.state import projection_state
from tests.app.books import Books
from tests.conftest import POSTGRES_URL
from tests.projections.test_faults import all_rows, assert_read_models_are_exact, reference_rows

TOTALS = text(
    "SELECT (SELECT count(*) FROM line_balances), (SELECT sum(current_budget) FROM line_balances), "
    "(SELECT count(*) FROM obligation_balances), (SELECT sum(amount) FROM obligation_balances)"
)

NEW_TOTALS = text(
    str(TOTALS)
    .replace("line_balances", "line_balances__g2")
    .replace("obligation_balances", "obligation_balances__g2")
)


def reader_engine(store_config: StoreConfig) -> Engine:
    """A reader of the read database (no write lock on SQLite)."""
    if store_config.is_postgres:
        return read_engine(POSTGRES_URL, schema=f"{store_config.schema}_read")
    return read_engine(store_config.database_url)


def reference(ledger: Ledger, store_config: StoreConfig, tmp_path: Path) -> dict[str, Any]:
    if store_config.is_postgres:
        return reference_rows(ledger, POSTGRES_URL, f"{store_config.schema}_ref")
    return reference_rows(ledger, f"sqlite:///{tmp_path / 'reference.db'}")


def generations(read_db: Engine) -> dict[str, int]:
    with read_db.connect() as conn:
        return {row.name: row.generation for row in conn.execute(select(projection_state))}


def tables(read_db: Engine) -> set[str]:
    return set(inspect(read_db).get_table_names())


def test_readers_see_the_old_complete_tables_or_the_new_complete_ones(
    ledger: Ledger, projector: ProjectionEngine, read_db: Engine, store_config: StoreConfig
) -> None:
    load(ledger, 4_000)
    projector.catch_up()
    before = all_rows(read_db)
    with read_db.connect() as conn:
        complete = tuple(conn.execute(TOTALS).one())
    assert complete[0] > 20 and complete[2] > 200

    readers = reader_engine(store_config)
    rebuilding = threading.Event()
    done = threading.Event()
    seen: list[tuple[Any, ...]] = []
    partial: list[tuple[Any, ...]] = []  # the new generation's totals, read from its tables
    errors: list[BaseException] = []

    def read() -> None:
        try:
            while not done.is_set():
                with readers.connect() as conn:
                    totals = tuple(conn.execute(TOTALS).one())
                if rebuilding.is_set():
                    seen.append(totals)
        except BaseException as error:
            errors.append(error)

    def peek() -> None:  # the control: the new generation really passes through partial states
        while not done.is_set():
            try:
                with readers.connect() as conn:
                    partial.append(tuple(conn.execute(NEW_TOTALS).one()))
            except Exception:  # not created yet, or already switched and being written
                pass

    threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=peek)]
    for thread in threads:
        thread.start()
    steps: list[RebuildProgress] = []
    try:
        rebuilding.set()
        results = rebuild(projector, progress=steps.append, batch_size=50)
    finally:
        done.set()
        for thread in threads:
            thread.join(30)
        readers.dispose()
    assert not errors
    assert len(seen) >= 10
    assert set(seen) == {complete}, f"a reader saw {set(seen) - {complete}}"
    assert any(0 < totals[2] < complete[2] for totals in partial)

    assert {r.name: (r.previous_generation, r.generation) for r in results} == {
        p.name: (1, 2) for p in all_projections()
    }
    assert generations(read_db) == {p.name: 2 for p in all_projections()}
    names = tables(read_db)
    for projection in all_projections():
        for table in projection.tables:
            assert f"{table.name}__g2" in names
            assert f"{table.name}__g1" not in names
    assert all_rows(read_db) == before
    assert steps and steps[-1].done == steps[-1].total > 3_900
    assert all(0 <= s.done <= s.total for s in steps)
    assert projector.position() == projector.head()


def test_a_rebuild_while_commands_arrive_and_a_worker_follows(
    ledger: Ledger,
    projector: ProjectionEngine,
    read_db: Engine,
    store_config: StoreConfig,
    tmp_path: Path,
) -> None:
    load(ledger, 3_000)
    books = Books(ledger, org="3020000").ready()
    follower = BackgroundProjector(projector).start()
    stop = threading.Event()
    errors: list[BaseException] = []
    sent: list[int] = []

    def commands() -> None:
        try:
            while not stop.is_set():
                result = books.run(
                    Appropriate, budget_code=books.next_code(), title="용산구 세부사업", amount=7_000
                )
                sent.append(result.position)
                follower.poke()
        except BaseException as error:
            errors.append(error)

    writer = threading.Thread(target=commands)
    writer.start()
    try:
        rebuild(projector, ["erp_balances"], batch_size=100)
    finally:
        stop.set()
        writer.join(30)
    assert not errors
    assert follower.wait_for(projector.head(), timeout=30)
    follower.stop()
    assert follower.error is None

    assert generations(read_db)["erp_balances"] == 2
    assert generations(read_db)["disclosure"] == 1  # only the named projection was rebuilt
    assert sent  # commands did arrive during the rebuild
    assert_read_models_are_exact(ledger, read_db, reference(ledger, store_config, tmp_path))


def test_a_failed_rebuild_changes_nothing_and_the_next_one_succeeds(
    ledger: Ledger, projector: ProjectionEngine, read_db: Engine
) -> None:
    load(ledger, 1_500)
    projector.catch_up()
    before = all_rows(read_db)

    def fail(step: RebuildProgress) -> None:
        if step.done > 500:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        rebuild(projector, progress=fail, batch_size=100)
    assert generations(read_db) == {p.name: 1 for p in all_projections()}
    assert not any(name.endswith("__g2") for name in tables(read_db))
    assert all_rows(read_db) == before

    rebuild(projector, batch_size=100)
    assert generations(read_db) == {p.name: 2 for p in all_projections()}
    assert all_rows(read_db) == before
    rebuild(projector, ["disclosure"])  # and once more: generation 3
    assert generations(read_db)["disclosure"] == 3
    assert all_rows(read_db) == before


def test_two_rebuilds_at_once_and_unknown_names_are_refused(projector: ProjectionEngine) -> None:
    with pytest.raises(RebuildError, match="unknown projection nope"):
        rebuild(projector, ["erp_balances", "nope"])
    with _exclusive(projector, ["erp_balances"]), pytest.raises(RebuildError, match="already running"):
        rebuild(projector, ["erp_balances"])
    rebuild(projector, ["erp_balances"])  # the lock went with the first


def _amendments_table(*extra: Column[Any]) -> Table:
    return Table(
        "test_amendment_counts",
        MetaData(),
        Column("line_id", String(36), primary_key=True),
        Column("amendments", BigInteger, nullable=False, server_default="0"),
        *extra,
    )


_COUNTS_V1 = _amendments_table(Column("change", BigInteger, nullable=False, server_default="0"))
_COUNTS_V2 = _amendments_table()


class AmendmentCountsV1(Projection):
    name = "test_amendment_counts"
    tables = (_COUNTS_V1,)
    handles = frozenset({"BudgetLine.Amended"})
    version = 1

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            out.add(self.tables[0], {"line_id": event.originator_id}, **self.counted(event))

    def counted(self, event: Envelope) -> dict[str, int]:
        return {"amendments": 1, "change": event.data["change"]}


class AmendmentCountsV2(AmendmentCountsV1):
    """Version 2 no longer keeps the summed change."""

    tables = (_COUNTS_V2,)
    version = 2

    def counted(self, event: Envelope) -> dict[str, int]:
        return {"amendments": 1}


def test_a_new_version_that_drops_a_column_is_rebuilt_and_its_view_has_the_new_columns(
    ledger: Ledger, read_db: Engine
) -> None:
    books = Books(ledger).ready()
    line_id = books.line(amount=5_000_000, allocate={1: 1_000_000})
    books.run(AmendBudget, line_id=line_id, change=-100_000, reference="감액")
    books.run(AmendBudget, line_id=line_id, change=30_000, reference="증액")
    ProjectionEngine(ledger.recorder, read_db, [AmendmentCountsV1()]).catch_up()
    with read_db.connect() as conn:
        old = conn.execute(text("SELECT * FROM test_amendment_counts")).mappings().one()
    assert dict(old) == {"line_id": str(line_id), "amendments": 2, "change": -70_000}

    upgraded = ProjectionEngine(ledger.recorder, read_db, [AmendmentCountsV2()])
    [rebuilt] = rebuild(upgraded)
    assert (rebuilt.previous_generation, rebuilt.generation) == (1, 2)
    with read_db.connect() as conn:
        new = conn.execute(text("SELECT * FROM test_amendment_counts")).mappings().one()
        version = conn.execute(
            select(projection_state.c.version).where(projection_state.c.name == "test_amendment_counts")
        ).scalar_one()
    assert dict(new) == {"line_id": str(line_id), "amendments": 2}
    assert version == 2


class AmendmentCountsV3(AmendmentCountsV2):
    """Version 3 adds a column: the reference of the line's last amendment."""

    tables = (_amendments_table(Column("last_reference", String(200))),)
    version = 3

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        super().apply(events, out)
        for event in events:
            out.put(self.tables[0], {"line_id": event.originator_id}, last_reference=event.data["reference"])


def test_a_new_version_that_adds_a_column_keeps_applying_before_its_rebuild_fills_the_column(
    ledger: Ledger, read_db: Engine
) -> None:
    """A worker of the new version starts on the old tables at once (the column is added, empty
    for the rows written before); the rebuild the new version calls for fills it."""
    books = Books(ledger).ready()
    line_id = books.line(amount=5_000_000, allocate={1: 1_000_000})
    books.run(AmendBudget, line_id=line_id, change=-100_000, reference="1회 추경")
    ProjectionEngine(ledger.recorder, read_db, [AmendmentCountsV2()]).catch_up()

    upgraded = ProjectionEngine(ledger.recorder, read_db, [AmendmentCountsV3()])
    with read_db.connect() as conn:
        before = conn.execute(text("SELECT * FROM test_amendment_counts")).mappings().one()
    assert dict(before) == {"line_id": str(line_id), "amendments": 1, "last_reference": None}
    books.run(AmendBudget, line_id=line_id, change=30_000, reference="2회 추경")
    upgraded.catch_up()
    with read_db.connect() as conn:
        applied = conn.execute(text("SELECT * FROM test_amendment_counts")).mappings().one()
    assert dict(applied) == {"line_id": str(line_id), "amendments": 2, "last_reference": "2회 추경"}

    [rebuilt] = rebuild(upgraded)
    assert rebuilt.generation == 2
    with read_db.connect() as conn:
        after = conn.execute(text("SELECT * FROM test_amendment_counts")).mappings().one()
    assert dict(after) == dict(applied)
