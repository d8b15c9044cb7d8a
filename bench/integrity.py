"""Tamper evidence: how fast ``cleanledger verify`` recomputes the hash chain.

    python -m bench.integrity --database-url URL --events N

Loads N events of a realistic mix (bench/eventload.py) into a fresh store, builds the hash chain
with signed checkpoints (its own projection group, a checkpoint every 10 000 events), then times a
full verification: the whole log streamed in position order, every link recomputed from the stored
bytes and compared with the stored one, every checkpoint's hash and Ed25519 signature checked.

The integrity group is the hash chain and the Merkle tree (with ``--no-tree``, the chain alone, as
before issue 12). With the tree, ``verify --tree`` is timed as well (``tree_verify_events_per_s``:
the tree recomputed from the log and every stored head's root and signature checked).

The last line printed is ``{"metric": "integrity", "events": …, "chain_events_per_s": …,
"verify_events_per_s": …, "tree_verify_events_per_s": …}``. Target on PostgreSQL with 1 000 000
events: ≥ 200 000 events/s (plain verify).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.eventload import load
from bench.stores import scratch_reads, scratch_store
from cleanledger.keys import Ed25519Signer
from cleanledger.verify import verify_chain, verify_tree
from commands.ledger import open_ledger
from projections.engine import ProjectionEngine
from projections.hash_chain import CanonicalLog, HashChainProjection
from projections.registry import integrity_projections


def measure_verify(
    database_url: str, events: int, *, every: int = 10_000, quiet: bool = False, tree: bool = True
) -> dict[str, Any]:
    """Load ``events`` events into a scratch store, chain them, and time one verification."""

    def say(text: str, end: str = "\n") -> None:
        if not quiet:
            print(text, end=end, file=sys.stderr, flush=True)

    with scratch_store(database_url, "integrity") as config, scratch_reads(config) as reads:
        ledger = open_ledger(config)
        try:
            started = time.perf_counter()
            loaded = load(ledger, events, progress=lambda n: say(f"\rloading {n:,} events", end=""))
            say(f"\rloaded {loaded:,} events in {time.perf_counter() - started:.1f} s")
            signer = Ed25519Signer(Ed25519PrivateKey.generate())
            log = CanonicalLog(ledger.recorder)
            group = (
                integrity_projections(log, signer, every)
                if tree
                else [HashChainProjection(log, signer=signer, every=every)]
            )
            chain = ProjectionEngine(ledger.recorder, reads, group)
            started = time.perf_counter()
            chained = chain.catch_up()
            chain_seconds = time.perf_counter() - started
            say(f"chained {chained:,} events in {chain_seconds:.1f} s")
            report = verify_chain(log, reads, trusted_keys=[signer.public_key])
            if not report.ok:
                raise RuntimeError(report.summary())
            say(report.summary())
            tree_rate = None
            if tree:
                started = time.perf_counter()
                tree_report = verify_tree(log, reads, trusted_keys=[signer.public_key])
                if tree_report.failure is not None:
                    raise RuntimeError(tree_report.summary())
                tree_rate = round(tree_report.leaves / (time.perf_counter() - started), 1)
                say(tree_report.summary())
            return {
                "metric": "integrity",
                "events": report.events,
                "checkpoints": report.checkpoints,
                "chain_events_per_s": round(chained / chain_seconds, 1) if chain_seconds else None,
                "verify_seconds": round(report.seconds, 3),
                "verify_events_per_s": round(report.rate, 1),
                "tree": tree,
                "tree_verify_events_per_s": tree_rate,
            }
        finally:
            ledger.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=10_000, help="a checkpoint every this many events")
    parser.add_argument("--no-tree", action="store_true", help="the hash chain alone (before issue 12)")
    args = parser.parse_args(argv)
    print(json.dumps(measure_verify(args.database_url, args.events, every=args.every, tree=not args.no_tree)))


if __name__ == "__main__":
    main()
