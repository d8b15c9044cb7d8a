"""Projection throughput: events per second through every projection, against the stock runner.

    python -m bench.projections --database-url URL --events N

Loads N events of a realistic mix (bench/eventload.py) into a fresh store, then projects them
with every projection from position 0 (``ProjectionEngine.catch_up``, batches of
``--batch-size`` positions, default the engine's) and times it. On PostgreSQL each projection but
the first runs in a forked lane of its own, as ``cleanledger rebuild`` does (``--sequential``: all
in this process, one transaction per batch). The baseline
is eventsourcing's stock ``ProjectionRunner`` (PostgreSQL only: it cannot follow SQLite) on the same
events, with a view that upserts the same budget-line balances and records its tracking row, one
event per transaction as the library does; it runs for ``--baseline-seconds`` and its rate is
events processed over that time.

``--rebuild`` then rebuilds every projection as ``cleanledger rebuild`` does (new tables filled
beside the current ones, then the switch-over) and adds ``rebuild_seconds`` to the result.

The last line printed is ``{"metric": "projection_events_per_s", "value": …, "baseline": …,
"ratio": …}``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking
from eventsourcing.postgres import PostgresTrackingRecorder
from eventsourcing.projection import Projection as StockProjection
from eventsourcing.projection import ProjectionRunner
from psycopg.sql import SQL, Identifier

from bench.eventload import load
from bench.stores import scratch_reads, scratch_store
from commands.ledger import Ledger, open_ledger
from commands.persistence import StoreConfig, environment
from projections.engine import DEFAULT_BATCH, ProjectionEngine
from projections.rebuild import rebuild
from projections.registry import all_projections


class StockLineView(PostgresTrackingRecorder):
    """A materialised view the stock way: one upsert and one tracking row per transaction."""

    def create_table(self) -> None:
        super().create_table()
        with self.datastore.transaction(commit=True) as cursor:
            cursor.execute(
                SQL(
                    "CREATE TABLE IF NOT EXISTS {}.stock_line_balances "
                    "(line_id uuid PRIMARY KEY, amount bigint NOT NULL DEFAULT 0)"
                ).format(Identifier(self.datastore.schema))
            )

    def record(self, line_id: UUID | None, amount: int, tracking: Tracking) -> None:
        with self.datastore.transaction(commit=True) as cursor:
            if line_id is not None:
                cursor.execute(
                    SQL(
                        "INSERT INTO {}.stock_line_balances AS t (line_id, amount) VALUES (%s, %s) "
                        "ON CONFLICT (line_id) DO UPDATE SET amount = t.amount + excluded.amount"
                    ).format(Identifier(self.datastore.schema)),
                    (line_id, amount),
                    prepare=True,
                )
            self._insert_tracking(cursor, tracking)


class StockLineProjection(StockProjection[StockLineView]):
    name = "stockbench"

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        amount = getattr(domain_event, "amount", None)
        is_line = type(domain_event).__qualname__.startswith("BudgetLine.")
        self.view.record(
            domain_event.originator_id if is_line and isinstance(amount, int) else None, amount or 0, tracking
        )


def measure_stock(config: StoreConfig, seconds: float) -> float:
    env = environment(config)
    runner = ProjectionRunner(
        application_class=Ledger, projection_class=StockLineProjection, view_class=StockLineView, env=env
    )
    with runner:
        view = runner.view
        started = time.perf_counter()
        time.sleep(seconds)
        done = view.max_tracking_id("Ledger") or 0
        elapsed = time.perf_counter() - started
    return done / elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument("--baseline-seconds", type=float, default=15.0)
    parser.add_argument(
        "--sequential", action="store_true", help="every projection in this process (no forked lane)"
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="then rebuild every projection (cleanledger rebuild: new tables, switch-over) and time it",
    )
    args = parser.parse_args(argv)

    with scratch_store(args.database_url, "proj") as config, scratch_reads(config) as reads:
        ledger = open_ledger(config)
        started = time.perf_counter()
        loaded = load(
            ledger, args.events, progress=lambda n: print(f"\rloading {n:,} events", end="", file=sys.stderr)
        )
        print(f"\rloaded {loaded:,} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        engine = ProjectionEngine(ledger.recorder, reads, all_projections(), batch_size=args.batch_size)
        started = time.perf_counter()
        engine.catch_up(
            progress=lambda done, head: print(f"\rprojected {done:,}/{head:,}", end="", file=sys.stderr),
            parallel=not args.sequential,
        )
        elapsed = time.perf_counter() - started
        value = loaded / elapsed
        print(f"\rprojected {loaded:,} events in {elapsed:.2f} s", file=sys.stderr)
        rebuild_seconds = None
        if args.rebuild:
            started = time.perf_counter()
            rebuild(
                engine,
                progress=lambda p: print(f"\rrebuilt {p.done:,}/{p.total:,}", end="", file=sys.stderr),
                parallel=None if not args.sequential else False,
            )
            rebuild_seconds = time.perf_counter() - started
            print(f"\rrebuilt {loaded:,} events in {rebuild_seconds:.2f} s", file=sys.stderr)
        baseline = measure_stock(config, args.baseline_seconds) if config.is_postgres else None
        ledger.close()
    print(
        json.dumps(
            {
                "metric": "projection_events_per_s",
                "value": round(value, 1),
                "baseline": round(baseline, 1) if baseline else None,
                "ratio": round(value / baseline, 2) if baseline else None,
                **({"rebuild_seconds": round(rebuild_seconds, 2)} if rebuild_seconds is not None else {}),
            }
        )
    )


if __name__ == "__main__":
    main()
