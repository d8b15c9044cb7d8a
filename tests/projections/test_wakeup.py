"""An idle follower sleeps, and wakes for new events at once (finding 10 of issue 12).

The in-process projectors of ``cleanledger serve`` ran a batch every 50 ms whatever happened, about
a tenth of a core for an idle server. Now, caught up, a follower runs no batch until the log moves:
a poke (a command of this process), a notification (PostgreSQL LISTEN, any process's save) or, at
the end of its backed-off interval, a look at the head of the log (SQLite's other processes) wakes
it. On both backends.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select

from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig
from projections.background import BackgroundProjector
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from projections.wakeup import Wakeup
from projections.worker import Listener
from readmodels.erp import line_balances
from tests.app.books import Books
from tests.conftest import POSTGRES_URL, PostgresSchema, require_postgres

# --- the wakeup alone --------------------------------------------------------------------------------


def test_the_idle_interval_doubles_up_to_the_longest_and_starts_again_when_woken() -> None:
    wakeup = Wakeup(shortest=0.01, longest=0.04)
    slept = []
    for _ in range(4):
        started = time.monotonic()
        assert wakeup.sleep() is False  # nothing woke it: the whole interval
        slept.append(time.monotonic() - started)
    assert [round(s, 2) >= w for s, w in zip(slept, (0.01, 0.02, 0.04, 0.04), strict=True)] == [True] * 4
    assert wakeup.interval == 0.04
    wakeup.poke()
    started = time.monotonic()
    assert wakeup.sleep() is True  # a poke waiting already ends the sleep at once
    assert time.monotonic() - started < 0.01
    assert wakeup.interval == 0.01
    wakeup.sleep()
    wakeup.found()
    assert wakeup.interval == 0.01


def test_a_poke_from_another_thread_ends_a_long_sleep() -> None:
    wakeup = Wakeup(shortest=30.0)
    threading.Timer(0.1, wakeup.poke).start()
    started = time.monotonic()
    assert wakeup.sleep() is True
    assert time.monotonic() - started < 5


# --- a follower on each backend -----------------------------------------------------------------------


@pytest.fixture
def engine(ledger: Ledger, read_db: Engine) -> ProjectionEngine:
    return ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=500)


@pytest.fixture
def listener(ledger: Ledger, store_config: StoreConfig) -> Listener | None:
    """On PostgreSQL a LISTEN connection to the store's channel, as ``cleanledger serve`` opens."""
    if not store_config.is_postgres:
        return None
    return Listener(POSTGRES_URL, str(ledger.recorder.channel_name))  # type: ignore[attr-defined]


@pytest.fixture
def batches(engine: ProjectionEngine, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The count of positions each batch of ``engine`` moved, as they run."""
    ran: list[int] = []
    run_batch = engine.run_batch

    def counted(*args: Any, **kwargs: Any) -> int:
        moved = run_batch(*args, **kwargs)
        ran.append(moved)
        return moved

    monkeypatch.setattr(engine, "run_batch", counted)
    return ran


@pytest.fixture
def other_process(store_config: StoreConfig) -> Iterator[Books]:
    """Books on a ledger of its own over the same store: its saves poke nobody in this one."""
    other = open_ledger(store_config)
    try:
        yield Books(other)
    finally:
        other.close()


def until(condition: Callable[[], bool], seconds: float) -> float:
    """Seconds it took ``condition`` to hold; fails after ``seconds``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, f"not within {seconds} s"
        time.sleep(0.01)
    return time.monotonic() - started


def budgets(read_db: Engine) -> list[int]:
    with read_db.connect() as conn:
        return sorted(conn.execute(select(line_balances.c.current_budget)).scalars())


def test_a_caught_up_follower_runs_no_batch_until_the_log_moves(
    ledger: Ledger,
    read_db: Engine,
    engine: ProjectionEngine,
    listener: Listener | None,
    batches: list[int],
) -> None:
    books = Books(ledger).ready()
    books.line(amount=1_000)
    with BackgroundProjector(engine, listener=listener) as projector:
        until(lambda: budgets(read_db) == [1_000], 10)
        time.sleep(0.3)  # the first looks after catching up
        idle_from = len(batches)
        # when nothing happens for two seconds
        time.sleep(2)
        # then no batch ran (it ran one every 50 ms before issue 12: forty)
        assert batches[idle_from:] == []
        # and a command of this process, with its poke, is applied at once
        books.line(amount=2_000)
        projector.poke()
        assert until(lambda: budgets(read_db) == [1_000, 2_000], 5) < 1
    assert projector.error is None


def test_a_save_by_another_process_is_found_without_a_poke(
    ledger: Ledger,
    read_db: Engine,
    engine: ProjectionEngine,
    listener: Listener | None,
    other_process: Books,
    store_config: StoreConfig,
) -> None:
    Books(ledger).ready()
    with BackgroundProjector(engine, listener=listener) as projector:
        time.sleep(3)  # idle long enough for the interval to grow to its longest
        other_process.line(amount=3_000)
        # then it is found: notified at once on PostgreSQL, at the next look at the head on SQLite
        took = until(lambda: budgets(read_db) == [3_000], 10)
        assert took < (1.0 if store_config.is_postgres else 2.0 + 1.0)
    assert projector.error is None


def test_stopping_ends_a_long_idle_sleep_at_once(
    ledger: Ledger, engine: ProjectionEngine, listener: Listener | None
) -> None:
    Books(ledger).ready()
    projector = BackgroundProjector(engine, listener=listener, interval=30.0, longest=30.0).start()
    time.sleep(0.5)
    started = time.monotonic()
    projector.stop()
    assert time.monotonic() - started < 2
    assert not projector.running and projector.error is None


def test_saves_in_another_schema_of_the_database_notify_another_channel() -> None:
    """PostgreSQL only (notifications are PostgreSQL's), so it takes no backend parameter."""
    require_postgres()
    our_schema, neighbour_schema = PostgresSchema(), PostgresSchema()
    ledger = open_ledger(StoreConfig(POSTGRES_URL, schema=our_schema.name))
    neighbour = open_ledger(StoreConfig(POSTGRES_URL, schema=neighbour_schema.name))
    ours = Listener(POSTGRES_URL, str(ledger.recorder.channel_name))  # type: ignore[attr-defined]
    try:
        assert ours.connect()
        # when a ledger in another schema of the same database saves: not a word on our channel
        Books(neighbour).ready()
        assert ours.wait(1.0) is False
        # when ours saves: notified
        Books(ledger).ready()
        assert ours.wait(5.0) is True
    finally:
        ours.close()
        neighbour.close()
        ledger.close()
        neighbour_schema.drop()
        our_schema.drop()
