"""Time travel (issue 5): an as-of trial balance, a known-at replay, and a verification of the log.

    python -m bench.timetravel --database-url URL --events N

Loads N events of a realistic mix (bench/eventload.py) into a fresh store and projects them with
every projection (the live read models). Then, on that one store:

- ``as_of_trial_balance_ms``: the median time of a trial balance as of an accounting date
  (``readmodels.statements.trial_balance``, read from ``account_daily``), over the mix's
  organisations and four dates of the year, each asked several times;
- ``known_at_events_per_s``: events per second of a known-at replay of the whole log (the general
  ledger into temporary tables, ``projections.replay``; what ``known_at`` costs at the head), whose
  trial balances are checked against the live ones;
- ``verify_events_per_s``: the hash chain is built (its own projection group, signed checkpoints
  every 10 000 events) and ``cleanledger.verify.verify_chain`` recomputes it over the whole log
  (null if that library is absent).

The last line printed is ``{"metric": "timetravel", "as_of_trial_balance_ms": …,
"known_at_events_per_s": …, "verify_events_per_s": …}``. Targets on PostgreSQL with 1 000 000
events: ≤ 50 ms, ≥ 60 000 events/s, ≥ 200 000 events/s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from typing import Any

from bench.eventload import ORGS, YEAR, load
from bench.stores import scratch_reads, scratch_store
from commands.ledger import open_ledger
from projections.engine import ProjectionEngine
from projections.registry import all_projections
from projections.replay import replay
from readmodels import statements

DATES = (date(YEAR, 3, 31), date(YEAR, 6, 30), date(YEAR, 9, 30), date(YEAR, 12, 31))


def say(text: str, end: str = "\n") -> None:
    print(text, end=end, file=sys.stderr, flush=True)


def as_of_trial_balance_ms(reads: Any, repeat: int) -> float:
    timings = []
    with reads.connect() as conn:
        statements.trial_balance(conn, ORGS[0], DATES[0])  # warm the connection and the cache
        for _ in range(repeat):
            for org in ORGS:
                for day in DATES:
                    started = time.perf_counter()
                    statements.trial_balance(conn, org, day)
                    timings.append(time.perf_counter() - started)
    return 1000 * statistics.median(timings)


def known_at(ledger: Any, reads: Any, head: int) -> tuple[float, int, float]:
    """Replay the whole log for a known-at trial balance; (events/s, events, seconds). The answers
    are checked against the live read models (which stand at the head)."""
    started = time.perf_counter()
    with replay(ledger.recorder, reads, "ledger") as session:
        session.advance(head, lambda done, total: say(f"\rknown-at replay {done:,}/{total:,}", end=""))
        seconds = time.perf_counter() - started
        with session.connect() as replayed, reads.connect() as live:
            for org in ORGS:
                for day in DATES:
                    if statements.trial_balance(replayed, org, day) != statements.trial_balance(
                        live, org, day
                    ):
                        msg = f"known-at trial balance of {org} at {day} differs from the live one"
                        raise RuntimeError(msg)
    say(f"\rknown-at replay of {session.events:,} events in {seconds:.2f} s (answers equal the live ones)")
    return session.events / seconds, session.events, seconds


def verify_rate(ledger: Any, reads: Any) -> float | None:
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: PLC0415

        from cleanledger.keys import Ed25519Signer  # noqa: PLC0415
        from cleanledger.verify import verify_chain  # noqa: PLC0415
        from projections.hash_chain import CanonicalLog  # noqa: PLC0415
        from projections.registry import integrity_projections  # noqa: PLC0415
    except ImportError as error:  # the tamper-evidence half is not there (yet)
        say(f"verify: not available ({error})")
        return None
    signer = Ed25519Signer(Ed25519PrivateKey.generate())
    log = CanonicalLog(ledger.recorder)
    chain = ProjectionEngine(ledger.recorder, reads, integrity_projections(log, signer, 10_000))
    started = time.perf_counter()
    chained = chain.catch_up()
    say(f"chained {chained:,} events in {time.perf_counter() - started:.1f} s")
    report = verify_chain(log, reads, trusted_keys=[signer.public_key])
    if not report.ok:
        raise RuntimeError(report.summary())
    say(report.summary())
    return float(report.rate)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="rounds of as-of trial balances")
    parser.add_argument("--no-verify", action="store_true", help="skip the hash chain and its verification")
    args = parser.parse_args(argv)

    with scratch_store(args.database_url, "tt") as config, scratch_reads(config) as reads:
        ledger = open_ledger(config)
        try:
            started = time.perf_counter()
            loaded = load(ledger, args.events, progress=lambda n: say(f"\rloading {n:,} events", end=""))
            say(f"\rloaded {loaded:,} events in {time.perf_counter() - started:.1f} s")
            engine = ProjectionEngine(ledger.recorder, reads, all_projections())
            started = time.perf_counter()
            engine.catch_up(parallel=True)
            say(f"projected the live read models in {time.perf_counter() - started:.1f} s")
            head = engine.head()
            as_of_ms = as_of_trial_balance_ms(reads, args.repeat)
            say(f"as-of trial balance: median {as_of_ms:.2f} ms")
            rate, _, _ = known_at(ledger, reads, head)
            verify = None if args.no_verify else verify_rate(ledger, reads)
        finally:
            ledger.close()
    print(
        json.dumps(
            {
                "metric": "timetravel",
                "events": loaded,
                "as_of_trial_balance_ms": round(as_of_ms, 2),
                "known_at_events_per_s": round(rate, 1),
                "verify_events_per_s": round(verify, 1) if verify is not None else None,
            }
        )
    )


if __name__ == "__main__":
    main()
