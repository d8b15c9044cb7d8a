"""Python's cyclic garbage collector, paused while a batch is folded.

A batch makes hundreds of thousands of short-lived objects: envelopes, decoded event JSON, row
dictionaries. Every 700 net allocations start a young collection that walks the young objects,
every tenth of those a larger one, so folding 100 000 events ran about 850 collections costing
0.66–0.81 s of 2 s of the process's CPU (docs/benchmarks.md, issue 3). The batch's objects hold
no reference cycles the batch needs collected; reference counting frees them when the batch ends,
and the one collection that runs after the pause finds any cycle left.

The pause is process-wide (the collector has no per-thread switch), and nests: threads that fold
batches at once (a follower and a reader catching up) resume it only when the last one is done.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


class _Pauses:
    """How many blocks hold the collector paused, and whether it ran before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.resume = False


_pauses = _Pauses()


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic collection inside the block (unless the collector was off already)."""
    with _pauses.lock:
        if _pauses.depth == 0:
            _pauses.resume = gc.isenabled()
            gc.disable()
        _pauses.depth += 1
    try:
        yield
    finally:
        with _pauses.lock:
            _pauses.depth -= 1
            if _pauses.depth == 0 and _pauses.resume:
                gc.enable()
