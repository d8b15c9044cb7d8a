"""The projection engine on both backends: rows equal a plain fold of the events, exactly once."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import BigInteger, Column, Engine, MetaData, String, Table, select

from commands.ledger import Ledger
from commands.messages.budget import AmendBudget, TransferBudget
from domain.budget_line import TransferKind
from projections.base import Envelope, EveryEvent, Projection, RowWriter
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from projections.general_ledger import GeneralLedgerProjection
from projections.line_history import LineHistoryProjection
from projections.registry import all_projections
from projections.source import EventSource
from readmodels.erp import line_balances, obligation_balances
from readmodels.line_history import MAX_LIMIT, line_history
from tests.app.books import Books
from tests.app.test_state_machine import fold_line
from tests.projections.test_general_ledger import spend


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def line_rows(read_db: Engine) -> dict[str, dict[str, Any]]:
    with read_db.connect() as conn:
        return {row.line_id: row._asdict() for row in conn.execute(select(line_balances))}


def folded(books: Books, line_id: object) -> dict[str, Any]:
    return fold_line(list(books.ledger.events.get(line_id)))


def test_balances_equal_the_fold_of_each_lines_events(
    books: Books, projector: ProjectionEngine, read_db: Engine
) -> None:
    first = books.line(
        amount=1_000_000, allocate={1: 600_000, 3: 100_000}, code="100-080-081-1001-2001-3001-201-01"
    )
    second = books.line(amount=500_000, code="100-080-081-1001-2001-3001-202-01")
    books.obligate(first, 250_000)
    spend(books, first, 120_000, withheld=3_600, give_back=20_000)  # voucher, payment, 반납
    books.run(AmendBudget, line_id=second, change=-100_000, reference="감액")
    books.run(
        TransferBudget,
        from_line_id=first,
        to_line_id=second,
        amount=50_000,
        kind=TransferKind.DIVERSION,
        reason="전용",
    )
    projector.catch_up()
    rows = line_rows(read_db)
    for line_id in (first, second):
        row, fold = rows[str(line_id)], folded(books, line_id)
        assert row["current_budget"] == fold["current_budget"]
        assert (row["allocated_q1"], row["allocated_q2"], row["allocated_q3"], row["allocated_q4"]) == fold[
            "allocated"
        ]
        assert (row["obligated"], row["paid"]) == (fold["obligated"], fold["paid"])
    assert (rows[str(first)]["paid"], rows[str(first)]["vouchered"]) == (100_000, 120_000)
    assert rows[str(first)]["title"] == "어르신 복지관 운영"
    assert rows[str(first)]["budget_item"] == "201-01"
    assert projector.position() == projector.head()


def test_applying_again_changes_nothing(books: Books, projector: ProjectionEngine, read_db: Engine) -> None:
    line_id = books.line(amount=1_000_000, allocate={1: 600_000})
    books.obligate(line_id, 100_000)
    projector.catch_up()
    before = line_rows(read_db)
    assert projector.catch_up() == 0
    assert projector.run_batch() == 0
    assert line_rows(read_db) == before


def test_small_batches_give_the_same_rows_as_one_big_batch(
    books: Books, ledger: Ledger, read_db: Engine
) -> None:
    line_id = books.line(amount=9_000_000, allocate={1: 9_000_000})
    obligations = [books.obligate(line_id, 1_000 * (n + 1)) for n in range(30)]
    engine = ProjectionEngine(
        ledger.recorder, read_db, [__import__("projections.erp").erp.BalancesProjection()], batch_size=7
    )
    engine.catch_up()
    row = line_rows(read_db)[str(line_id)]
    assert row["obligated"] == sum(1_000 * (n + 1) for n in range(30))
    with read_db.connect() as conn:
        amounts = dict(
            conn.execute(select(obligation_balances.c.obligation_id, obligation_balances.c.amount)).all()
        )
    assert amounts == {str(o): 1_000 * (n + 1) for n, o in enumerate(obligations)}


def test_a_projection_added_to_a_caught_up_group_catches_up_alone_and_moves_no_other_back(
    books: Books, ledger: Ledger, read_db: Engine
) -> None:
    """A new projection starts at position 0 beside others at the head (so does one whose fault
    was cleared, behind them, or a rebuilt one switched over at the head): each batch then runs
    from the lowest position, and a projection already past the batch must stay where it is. Moved
    back to the batch's end, it applied its events again: sums doubled, append-only rows collided."""
    line_id = books.line(amount=9_000_000, allocate={1: 9_000_000})
    for n in range(20):
        books.obligate(line_id, 1_000 * (n + 1))
    spend(books, line_id, 5_000, withheld=150, give_back=1_000)
    ProjectionEngine(ledger.recorder, read_db, [BalancesProjection(), GeneralLedgerProjection()]).catch_up()
    before = line_rows(read_db)
    head = ledger.recorder.max_notification_id()

    grown = ProjectionEngine(
        ledger.recorder,
        read_db,
        [BalancesProjection(), GeneralLedgerProjection(), LineHistoryProjection()],
        batch_size=5,
    )
    batches = 0
    while grown.run_batch():
        batches += 1
        with read_db.connect() as conn:
            standing = {name: s.position for name, s in grown.standings(conn, lock=False).items()}
        assert standing["erp_balances"] == standing["general_ledger"] == head
    assert batches >= head // 5
    assert grown.faults() == []
    assert line_rows(read_db) == before
    with read_db.connect() as conn:
        history = line_history(conn, str(line_id), limit=MAX_LIMIT)
    assert history[-1].obligated_total == before[str(line_id)]["obligated"]


def test_status_reports_position_head_and_lag(books: Books, projector: ProjectionEngine) -> None:
    books.line(amount=1_000)
    assert projector.position() == 0 < projector.head()
    projector.catch_up()
    assert projector.position() == projector.head()


# --- windows: a lane reads only the events its projections handle -------------------------------

_amendments = Table(
    "test_amendments",
    MetaData(),
    Column("line_id", String(36), primary_key=True),
    Column("amendments", BigInteger, nullable=False, server_default="0"),
    Column("change", BigInteger, nullable=False, server_default="0"),
)


class AmendmentsOnly(Projection):
    """Handles one kind of event among the many a line's history holds."""

    name = "test_amendments"
    tables = (_amendments,)
    handles = frozenset({"BudgetLine.Amended"})

    def __init__(self) -> None:
        self.seen: list[str] = []

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            self.seen.append(event.name)
            out.add(_amendments, {"line_id": event.originator_id}, amendments=1, change=event.data["change"])


def test_a_projection_is_handed_only_its_events_and_windows_without_one_still_move_it(
    books: Books, ledger: Ledger, read_db: Engine
) -> None:
    line_id = books.line(amount=5_000_000, allocate={1: 1_000_000})
    books.run(AmendBudget, line_id=line_id, change=-100_000, reference="감액")
    books.run(AmendBudget, line_id=line_id, change=30_000, reference="증액")
    for n in range(12):  # a tail of events the projection does not handle
        books.obligate(line_id, 1_000 + n)
    projection = AmendmentsOnly()
    engine = ProjectionEngine(ledger.recorder, read_db, [projection], batch_size=3)
    head = engine.head()
    assert engine.catch_up() == head  # every position passed, handled or not
    assert engine.position() == head
    assert projection.seen == ["BudgetLine.Amended", "BudgetLine.Amended"]
    with read_db.connect() as conn:
        row = conn.execute(select(_amendments)).one()
    assert (row.line_id, row.amendments, row.change) == (str(line_id), 2, -70_000)
    assert engine.run_batch() == 0


class EveryEventCounter(Projection):
    name = "test_every_event"
    tables = ()
    handles = EveryEvent()

    def __init__(self) -> None:
        self.seen = 0

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        self.seen += len(events)


def test_a_lane_reads_the_union_of_its_projections_events_or_all_for_one_that_wants_every_event(
    books: Books, ledger: Ledger, read_db: Engine
) -> None:
    engine = ProjectionEngine(ledger.recorder, read_db, [*all_projections(), EveryEventCounter()])
    assert engine.handled_by(["erp_balances"]) == BalancesProjection.handles
    assert engine.handled_by(["erp_balances", "general_ledger"]) == (
        BalancesProjection.handles | GeneralLedgerProjection.handles
    )
    assert engine.handled_by(["erp_balances", "test_every_event"]) is None  # read everything
    line_id = books.line(amount=1_000_000, allocate={1: 500_000})
    books.obligate(line_id, 10_000)
    counter = engine.projections[-1]
    assert isinstance(counter, EveryEventCounter)
    engine.catch_up()
    assert counter.seen == engine.head()


# --- following: a short batch lingers, so a stream of commands is applied in few batches ----------


def test_a_follower_that_lingers_applies_a_stream_of_commands_in_fewer_batches(
    books: Books, ledger: Ledger, read_db: Engine
) -> None:
    line_id = books.line(amount=9_000_000, allocate={1: 9_000_000})
    engine = ProjectionEngine(ledger.recorder, read_db, [BalancesProjection()])
    engine.catch_up()
    applied: list[int] = []
    run_batch = engine.run_batch

    def counting() -> int:
        moved = run_batch()
        if moved:
            applied.append(moved)
        return moved

    engine.run_batch = counting  # type: ignore[method-assign,assignment]
    stop = threading.Event()
    follower = threading.Thread(
        target=engine.follow, args=(stop,), kwargs={"idle_seconds": 0.01, "linger_seconds": 0.5}
    )
    follower.start()
    try:
        books.obligate(line_id, 1_000)
        deadline = time.monotonic() + 10
        while not applied and time.monotonic() < deadline:
            time.sleep(0.005)
        for amount in (2_000, 3_000, 4_000):  # while the follower lingers after its first batch
            books.obligate(line_id, amount)
        while engine.position() < engine.head() and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        stop.set()
        follower.join(10)
    assert engine.position() == engine.head()
    assert len(applied) == 2  # the first command, then the three that came while it lingered
    assert line_rows(read_db)[str(line_id)]["obligated"] == 10_000


def test_a_window_holds_only_the_named_events_and_ends_at_the_head_or_the_limit(
    books: Books, ledger: Ledger
) -> None:
    line_id = books.line(amount=5_000_000, allocate={1: 1_000_000})
    books.run(AmendBudget, line_id=line_id, change=-100_000, reference="감액")
    for n in range(3):
        books.obligate(line_id, 1_000 + n)
    source = EventSource(ledger.recorder)
    head = source.head()
    everything = source.window(0, 10_000)
    assert [e.position for e in everything.events] == list(range(1, head + 1))
    assert everything.upto == head
    amended = source.window(0, 10_000, {"BudgetLine.Amended"})
    assert [e.name for e in amended.events] == ["BudgetLine.Amended"]
    assert amended.upto == head  # every position to the head was looked at
    first = source.window(0, 3, {"BudgetLine.Amended"})
    assert first.upto == 3  # a window of three positions, whatever it holds
    assert all(e.position <= 3 for e in first.events)
    assert source.window(head, 10, {"BudgetLine.Amended"}) == ([], head)  # nothing new
    cut = source.window(0, 10_000, {"BudgetLine.Obligated"}, until=head - 1)
    assert cut.upto == head - 1 and all(e.position <= head - 1 for e in cut.events)
