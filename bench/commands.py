"""Write-side throughput: obligation commands per second, against stock eventsourcing.

    python -m bench.commands --database-url URL --workers N --seconds S

Each worker is a process with its own ledger; it issues ``Obligate`` commands (budget line and new
obligation saved together, plus the command receipt) on lines picked at random from a set large
enough that contention is the rare case it is in an office. The baseline is stock eventsourcing
``Application.save()`` of one new aggregate per transaction, measured the same way in the same run.

A second measurement compares one worker obligating on a line with 100 000 prior events (loaded
cold, from its snapshot) against one on a fresh line.

The last line printed is the JSON object
``{"metric": "commands_per_s", "value": …, "baseline": …, "ratio": …}``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import time
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from bench.stores import scratch_store
from commands.ledger import open_ledger
from commands.messages.base import Command
from commands.messages.budget import Allocate, Appropriate, OpenFiscalYear, RegisterOrganisation
from commands.messages.spending import Obligate
from commands.persistence import StoreConfig, environment, schema_creation_lock
from domain.base import Context
from domain.budget_line import BudgetLine
from domain.organisation import OrganisationKind

ORG, YEAR = "6110000", 2026
ON = date(YEAR, 2, 1)
LINES = 200
HISTORY_EVENTS = 100_000


C = TypeVar("C", bound=Command)


def _command(cls: type[C], **fields: Any) -> C:
    return cls(
        command_id=uuid.uuid4(), org=ORG, fiscal_year=YEAR, accounting_date=ON, actor="bench", **fields
    )


def prepare(config: StoreConfig, lines: int) -> list[UUID]:
    ledger = open_ledger(config)
    try:
        ledger.handle(_command(RegisterOrganisation, name="서울특별시", kind=OrganisationKind.CITY))
        ledger.handle(_command(OpenFiscalYear))
        ids = []
        for n in range(lines):
            line = ledger.handle(
                _command(
                    Appropriate,
                    budget_code=f"100-080-081-1001-2001-{3000 + n}-201-01",
                    title=f"벤치마크 사업 {n}",
                    amount=10**15,
                )
            )
            ledger.handle(_command(Allocate, line_id=line.aggregate_id, quarter=1, amount=10**15))
            ids.append(line.aggregate_id)
        return ids
    finally:
        ledger.close()


@dataclass(frozen=True)
class Job:
    config: StoreConfig
    line_ids: list[UUID]
    seconds: float
    start_at: float


def _obligate_worker(job: Job) -> int:
    ledger = open_ledger(job.config)
    try:
        for line_id in job.line_ids[:20]:  # warm the connection pool and the aggregate cache
            ledger.repository.get(line_id)
        while time.time() < job.start_at:
            time.sleep(0.001)
        done, stop = 0, job.start_at + job.seconds
        while time.time() < stop:
            ledger.obligate(
                _command(
                    Obligate,
                    line_id=random.choice(job.line_ids),
                    amount=1_000,
                    description="bench",
                )
            )
            done += 1
        return done
    finally:
        ledger.close()


class Thing(Aggregate):
    def __init__(self, n: int) -> None:
        self.n = n


def stock_application(config: StoreConfig) -> Application[UUID]:
    """Stock eventsourcing: its own JSON mapper, its locking insert, no cache, no receipts."""
    env = environment(config)
    for ours in (
        "MAPPER_TOPIC",
        "AGGREGATE_CACHE_MAXSIZE",
        "AGGREGATE_CACHE_FASTFORWARD",
        "POSTGRES_ENABLE_DB_FUNCTIONS",
        "APPLICATION_RECORDER_TOPIC",
    ):
        env.pop(ours, None)
    with schema_creation_lock(config):  # the library's start-up DDL is not concurrency-safe
        return Application(env=env)


def _stock_worker(job: Job) -> int:
    app = stock_application(job.config)
    try:
        while time.time() < job.start_at:
            time.sleep(0.001)
        done, stop = 0, job.start_at + job.seconds
        while time.time() < stop:
            app.save(Thing(1))
            done += 1
        return done
    finally:
        app.close()


def run_workers(
    worker: object, config: StoreConfig, line_ids: list[UUID], workers: int, seconds: float
) -> float:
    start_at = time.time() + 2.0  # every process connected and warm before the clock starts
    job = Job(config, line_ids, seconds, start_at)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        counts: list[int] = pool.map(worker, [job] * workers)  # type: ignore[arg-type]
    return sum(counts) / seconds


def build_history(config: StoreConfig, line_id: UUID, events: int) -> None:
    """Give one line ``events`` prior events quickly: allocations saved in large batches."""
    ledger = open_ledger(config)
    try:
        ctx = Context(ORG, YEAR, ON, "bench", uuid.uuid4())
        line: BudgetLine = ledger.repository.get(line_id)
        assert isinstance(line, BudgetLine)
        written = 0
        while written < events:
            batch = min(2_000, events - written)
            for _ in range(batch):
                line.record(BudgetLine.Allocated, ctx, quarter=2, amount=1)
            ledger.save(line)
            written += batch
    finally:
        ledger.close()


def measure_history(database_url: str, seconds: float) -> dict[str, float]:
    rates = {}
    for label, events in (("fresh", 0), ("history", HISTORY_EVENTS)):
        with scratch_store(database_url, f"h{label}") as config:
            (line_id,) = prepare(config, 1)
            if events:
                build_history(config, line_id, events)
            rates[label] = run_workers(_obligate_worker, config, [line_id], 1, seconds)
    return rates


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--skip-history", action="store_true", help="skip the 100 000-event line comparison")
    args = parser.parse_args(argv)

    with scratch_store(args.database_url, "cmd") as config:
        line_ids = prepare(config, LINES)
        value = run_workers(_obligate_worker, config, line_ids, args.workers, args.seconds)
    with scratch_store(args.database_url, "stock") as config:
        stock_application(config).close()  # create its tables once, before the workers start
        baseline = run_workers(_stock_worker, config, [], args.workers, args.seconds)
    if not args.skip_history:
        rates = measure_history(args.database_url, args.seconds)
        print(
            json.dumps(
                {
                    "metric": "line_history_commands_per_s",
                    "fresh_line": round(rates["fresh"], 1),
                    "line_with_100000_events": round(rates["history"], 1),
                    "slowdown": round(rates["fresh"] / rates["history"], 3),
                }
            )
        )
    print(
        json.dumps(
            {
                "metric": "commands_per_s",
                "value": round(value, 1),
                "baseline": round(baseline, 1),
                "ratio": round(value / baseline, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
