"""Time travel in the projections: daily line movements, ``catch_up(until=…)``, and replays.

- ``line_daily`` summed over every day equals ``line_balances``, and as of a date equals the
  balances a replay of the events with accounting dates up to that day would give;
- ``catch_up(until=P)`` applies no event past P, with gaps in the positions;
- a replay up to P gives the trial balance the live read models gave at P;
- an existing deployment's ERP tables gain ``line_daily`` without a crash (version 2).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select

from bench.eventload import YEAR, load
from commands.ledger import Ledger
from projections.engine import ProjectionEngine
from projections.erp import BalancesProjection
from projections.registry import all_projections
from projections.replay import replay
from readmodels import statements
from readmodels.erp import DAILY_AMOUNTS, line_balances, line_balances_as_of, line_daily, obligation_balances
from readmodels.ledger import postings
from readmodels.state import projection_state


def test_daily_movements_sum_to_the_balances_and_cut_at_a_date(ledger: Ledger, read_db: Engine) -> None:
    load(ledger, 3_000, seed="daily")
    engine = ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=700)
    engine.catch_up()
    columns = [line_balances.c[name] for name in DAILY_AMOUNTS]
    with read_db.connect() as conn:
        now = {row[0]: tuple(row[1:]) for row in conn.execute(select(line_balances.c.line_id, *columns))}
        summed = {
            row[0]: tuple(int(v) for v in row[1:])
            for row in conn.execute(
                select(line_daily.c.line_id, *(func.sum(line_daily.c[n]) for n in DAILY_AMOUNTS)).group_by(
                    line_daily.c.line_id
                )
            )
        }
        assert len(now) > 10
        assert {k: v for k, v in now.items() if any(v)} == summed
        everything = line_balances_as_of(date(2999, 12, 31))
        assert {
            row[0]: tuple(row[1:])
            for row in conn.execute(select(everything.c.line_id, *(everything.c[n] for n in DAILY_AMOUNTS)))
        } == now
        # As of 31 March: exactly the movements with accounting dates up to then.
        march = date(YEAR, 3, 31)
        cut = line_balances_as_of(march)
        as_of = {row[0]: row[1] for row in conn.execute(select(cut.c.line_id, cut.c.paid))}
        expected = {
            row[0]: int(row[1])
            for row in conn.execute(
                select(line_daily.c.line_id, func.sum(line_daily.c.paid))
                .where(line_daily.c.accounting_date <= march)
                .group_by(line_daily.c.line_id)
            )
        }
        assert {k: v for k, v in as_of.items() if k in expected} == expected
        assert all(v == 0 for k, v in as_of.items() if k not in expected)
        assert sum(as_of.values()) < sum(row[DAILY_AMOUNTS.index("paid")] for row in now.values())


def test_catch_up_until_stops_there_and_a_replay_equals_the_live_report(
    ledger: Ledger, read_db: Engine
) -> None:
    load(ledger, 2_000, seed="until")
    head = ledger.recorder.max_notification_id() or 0
    middle = head // 2
    engine = ProjectionEngine(ledger.recorder, read_db, all_projections(), batch_size=300)
    engine.catch_up(until=middle)
    assert engine.position() == middle
    with read_db.connect() as conn:
        assert conn.execute(select(func.max(postings.c.position))).scalar_one() <= middle
        live = {
            org: statements.trial_balance(conn, org, date(YEAR, 12, 31)) for org in ("6110000", "3000000")
        }
        plan = statements.budget_vs_actual(conn, "6110000", YEAR, date(YEAR, 6, 30))
    with (
        replay(ledger.recorder, read_db, "ledger", until=middle, batch_size=450) as session,
        session.connect() as conn,
    ):
        for org, expected in live.items():
            assert statements.trial_balance(conn, org, date(YEAR, 12, 31)) == expected
    with replay(ledger.recorder, read_db, "budget", until=middle) as session, session.connect() as conn:
        assert statements.budget_vs_actual(conn, "6110000", YEAR, date(YEAR, 6, 30)) == plan
    engine.catch_up()
    assert engine.position() == head


class _Version1(BalancesProjection):
    """The ERP projection as deployed before ``line_daily``."""

    tables = (line_balances, obligation_balances)
    version = 1

    def _add(self, out: Any, line_id: str, data: Any, deltas: dict[str, int]) -> None:
        out.add(line_balances, {"line_id": line_id}, **deltas)


def test_an_existing_erp_projection_gains_line_daily_without_a_crash(ledger: Ledger, read_db: Engine) -> None:
    load(ledger, 500, seed="upgrade")
    old = ProjectionEngine(ledger.recorder, read_db, [_Version1()])
    old.catch_up(until=200)
    new = ProjectionEngine(ledger.recorder, read_db, [BalancesProjection()])
    new.catch_up()
    with read_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(line_daily)).scalar_one() > 0
        version = conn.execute(select(projection_state.c.version)).scalar_one()
    assert version == 1  # `cleanledger status` asks for a rebuild
