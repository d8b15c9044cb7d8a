"""Write-side throughput: obligation commands per second, against stock eventsourcing.

    python -m bench.commands --database-url URL --workers N --seconds S

Each worker is a process with its own ledger; it issues ``Obligate`` commands (budget line and new
obligation saved together, plus the command receipt) on lines picked at random from a set large
enough that contention is the rare case it is in an office. The baseline is stock eventsourcing
``Application.save()`` of one new aggregate per transaction, measured the same way in the same run.

A second measurement compares one worker obligating on a line with 100 000 prior events against one
on a fresh line. No snapshot is taken or read (docs/tamper-evidence.md), so a process loads such a
line cold by folding all its events once (``cold_load_s``, timed apart); the workers do that before
the clock starts, and the aggregate cache keeps it warm after.

With ``--integrity SECONDS``, two more runs measure what tamper evidence costs the writers: the
integrity group follows the log in a process of its own while the workers write, once with the
hash chain alone (as before issue 12) and once with the chain, the Merkle tree and a signed tree
head every SECONDS (``CLEANLEDGER_TREE_HEAD_SECONDS``); ``tree_heads_cost_percent`` is how much
fewer commands per second the second run gets than the first.

The last line printed is the JSON object
``{"metric": "commands_per_s", "value": …, "baseline": …, "ratio": …}`` (with ``--integrity``, also
``chain_commands_per_s``, ``tree_heads_commands_per_s`` and ``tree_heads_cost_percent``).
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

from bench.stores import scratch_reads, scratch_store
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
    #: For the integrity follower: None (no follower), 0 (the chain alone), or seconds between
    #: tree heads (the chain, the Merkle tree and its heads).
    tree_heads: float | None = None


def _integrity_follower(job: Job) -> int:
    """The integrity group following the log while the workers write; events applied."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: PLC0415

    from cleanledger.keys import Ed25519Signer  # noqa: PLC0415
    from projections.engine import ProjectionEngine  # noqa: PLC0415
    from projections.hash_chain import CanonicalLog, HashChainProjection  # noqa: PLC0415
    from projections.merkle_tree import HeadTicker, TreeHeadPublisher  # noqa: PLC0415
    from projections.registry import integrity_projections  # noqa: PLC0415
    from readmodels.database import read_engine  # noqa: PLC0415

    config = job.config
    ledger = open_ledger(config)
    schema = f"{config.schema}_read" if config.is_postgres else None
    reads = read_engine(config.database_url, schema=schema, writer=True)
    log = CanonicalLog(ledger.recorder)
    signer = Ed25519Signer(Ed25519PrivateKey.generate())
    tree = bool(job.tree_heads)
    projections = (
        integrity_projections(log, signer, 10_000) if tree else [HashChainProjection(log, signer=signer)]
    )
    engine = ProjectionEngine(ledger.recorder, reads, projections)
    ticker = HeadTicker(TreeHeadPublisher(reads, signer), job.tree_heads or 0).start() if tree else None
    applied = 0
    try:
        while time.time() < job.start_at + job.seconds:
            done = engine.run_batch()
            applied += done
            if done == 0:
                time.sleep(0.05)
        return applied
    finally:
        if ticker is not None:
            ticker.stop()
        reads.dispose()
        ledger.close()


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
    worker: object,
    config: StoreConfig,
    line_ids: list[UUID],
    workers: int,
    seconds: float,
    *,
    tree_heads: float | None = None,
    warmup: float = 3.0,
) -> float:
    start_at = time.time() + warmup  # every process connected and warm before the clock starts
    job = Job(config, line_ids, seconds, start_at, tree_heads)
    with multiprocessing.get_context("spawn").Pool(workers + (tree_heads is not None)) as pool:
        follower = None if tree_heads is None else pool.apply_async(_integrity_follower, (job,))
        counts: list[int] = pool.map(worker, [job] * workers)  # type: ignore[arg-type]
        if follower is not None:
            follower.get()
    return sum(counts) / seconds


def with_integrity(database_url: str, workers: int, seconds: float, tree_heads: float) -> dict[str, float]:
    """Commands per second while the integrity group follows: the chain alone, then the chain,
    the Merkle tree and a head every ``tree_heads`` seconds, each on a fresh store."""
    rates = {}
    for name, heads in (("chain", 0.0), ("tree_heads", tree_heads)):
        with scratch_store(database_url, f"cmd{name[:4]}") as config, scratch_reads(config):
            line_ids = prepare(config, LINES)
            rates[name] = run_workers(_obligate_worker, config, line_ids, workers, seconds, tree_heads=heads)
    return rates


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
            warmup = 3.0
            if events:
                build_history(config, line_id, events)
                ledger = open_ledger(config)
                try:
                    started = time.perf_counter()
                    ledger.repository.get(line_id)  # a new process: nothing cached, every event folded
                    rates["cold_load_s"] = time.perf_counter() - started
                finally:
                    ledger.close()
                warmup += 2 * rates["cold_load_s"]
            rates[label] = run_workers(_obligate_worker, config, [line_id], 1, seconds, warmup=warmup)
    return rates


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--skip-history", action="store_true", help="skip the 100 000-event line comparison")
    parser.add_argument(
        "--integrity",
        type=float,
        metavar="SECONDS",
        help="also measure with the integrity group following: the chain, then tree heads every SECONDS",
    )
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
                    "cold_load_s": round(rates["cold_load_s"], 3),
                }
            )
        )
    result = {
        "metric": "commands_per_s",
        "value": round(value, 1),
        "baseline": round(baseline, 1),
        "ratio": round(value / baseline, 3),
    }
    if args.integrity is not None:
        rates = with_integrity(args.database_url, args.workers, args.seconds, args.integrity)
        result |= {
            "chain_commands_per_s": round(rates["chain"], 1),
            "tree_heads_commands_per_s": round(rates["tree_heads"], 1),
            "tree_heads_cost_percent": round(100 * (1 - rates["tree_heads"] / rates["chain"]), 1),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
