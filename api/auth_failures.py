"""Failed authentications per client address (인증 실패 제한), and the wait they impose.

After ``limit`` keys refused from one client address within ``window`` seconds (counted from the
first of them), every request from that address that needs a key is refused with 429 and
``Retry-After`` until the window has passed, whatever key it carries. Letting a right key through
would answer the question a guesser asks (401 or not), which is what the limit is there to stop;
and a success does not clear the count, or an insider with one good key could interleave it with
guesses for ever. A request without any key is not a guess and is not counted.

The client is the connection's peer (the ASGI ``client``); behind a proxy, run the server with
``--forwarded-allow-ips`` so the peer is the real client. IPv6 clients count per /64 network,
the block one subscriber usually holds. Memory is bounded: past ``max_clients`` addresses the
expired windows are forgotten, then the oldest.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from typing import Any

from starlette.types import Scope


def client_address(scope: Scope) -> str:
    """The address failures are counted for: the ASGI client, an IPv6 one as its /64 network."""
    client: Any = scope.get("client")
    address = str(client[0]) if client else "unknown"
    if ":" in address:
        try:
            return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
        except ValueError:
            return address
    return address


class FailedAuthentications:
    """Refused keys counted per client address in fixed windows (``limit`` 0: no limit)."""

    def __init__(self, limit: int, window: float, *, max_clients: int = 100_000) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        #: address → (when its window began, failures in it); oldest first.
        self._failures: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def retry_after(self, scope: Scope) -> int:
        """0 if the client may try a key now, else the whole seconds until it may."""
        if not self._failures:  # the common case costs one look at an empty dict
            return 0
        address = client_address(scope)
        now = time.monotonic()
        with self._lock:
            entry = self._failures.get(address)
        if entry is None or entry[1] < self.limit:
            return 0
        left = entry[0] + self.window - now
        return max(1, math.ceil(left)) if left > 0 else 0

    def record(self, scope: Scope) -> None:
        """Count one refused key from the client."""
        if self.limit <= 0:
            return
        address = client_address(scope)
        now = time.monotonic()
        with self._lock:
            began, count = self._failures.pop(address, (now, 0))
            if now - began >= self.window:
                began, count = now, 0
            self._failures[address] = (began, count + 1)  # to the end: the newest
            if len(self._failures) > self.max_clients:
                self._forget(now)

    def _forget(self, now: float) -> None:
        self._failures = {a: e for a, e in self._failures.items() if now - e[0] < self.window}
        excess = len(self._failures) - self.max_clients * 9 // 10
        for address in list(self._failures)[: max(excess, 0)]:
            del self._failures[address]
