"""What the HTTP layer is given by the composition root (``cleanledger.wiring``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, Engine

from api.accounts import AccountStore
from api.auth_failures import FailedAuthentications
from api.replay_gate import ReplayGate
from commands.ledger import Ledger
from readmodels.transparency_log import StoredHead

#: ``wait(position, timeout_s)``: True once every projection has applied the log up to
#: ``position``; False if that did not happen within the timeout. Raises
#: :class:`ProjectionFaulted` as soon as a projection is found stopped by a fault before
#: ``position``: it will not get there however long one waits.
PositionWaiter = Callable[[int, float], bool]


class ProjectionFaulted(Exception):
    """A projection that reads wait for is stopped by a fault before the position they need."""

    def __init__(self, projection: str, position: int) -> None:
        super().__init__(f"projection {projection} is stopped before position {position}")
        self.projection = projection
        #: The position of the event it could not apply.
        self.position = position


class ReplaySession(Protocol):
    """Temporary read models holding exactly the log up to ``position`` (projections.replay)."""

    position: int

    def advance(self, until: int, progress: Callable[[int, int], None] | None = None) -> int:
        """Apply the events after ``position`` up to ``until``."""
        ...

    def connect(self) -> AbstractContextManager[Connection]:
        """A connection reading the temporary tables by the read models' names."""
        ...


#: ``replay(kind)``: a fresh, empty replay of the read models a kind of report needs ("ledger":
#: the statements; "budget": the budget-execution tables), dropped when the block ends.
Replayer = Callable[[str], AbstractContextManager[ReplaySession]]


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 1_000_000
    #: How long a read with ``min_position`` waits for the projections before answering 503.
    min_position_timeout: float = 5.0
    #: Public requests per client per minute (0: unlimited).
    public_requests_per_minute: int = 600
    #: How long a public answer (JSON or portal page) may be served again from memory before the cache looks
    #: whether the views moved (api.page_cache); 0 looks on every request.
    public_cache_seconds: float = 0.5
    #: Public answers kept in memory per process (0: no cache).
    public_cache_entries: int = 4_096
    #: "Known at" replays run at once per process; more are refused with 503 (api.replay_gate).
    known_at_replays: int = 2
    #: Refused keys from one client address within ``failed_auth_window`` seconds before every
    #: request of that address that needs a key gets 429 until the window passes (0: no limit).
    failed_auth_limit: int = 20
    failed_auth_window: float = 60.0


@dataclass(frozen=True)
class ApiServices:
    ledger: Ledger
    read_engine: Engine
    accounts: AccountStore
    wait_for_position: PositionWaiter
    limits: Limits = Limits()
    #: Called after each command is recorded (wakes in-process projections).
    after_command: Callable[[], None] = lambda: None
    #: Reports "as known at" a moment replay the log prefix through this (None: refused).
    replay: Replayer | None = None
    #: Each projection's name and the version of its code (``GET /api/v1/status`` says which
    #: stored version asks for a rebuild).
    projection_versions: Mapping[str, int] = field(default_factory=dict)
    #: Signs a tree head for the transparency log as it stands (reason: ``demand``); None: the
    #: tree has no leaf yet.
    publish_head: Callable[[str], StoredHead | None] = lambda _: None
    #: The witnesses whose cosignatures of tree heads are accepted: key name → public key.
    witnesses: Mapping[str, Ed25519PublicKey] = field(default_factory=dict)
    #: Keeps a verified cosignature: (size, witness, timestamp, signature line).
    record_cosignature: Callable[[int, str, int, str], None] = lambda *_: None
    #: Bounds the replays running at once to ``limits.known_at_replays``.
    replay_gate: ReplayGate = field(init=False)
    #: Counts refused keys per client address (api.auth_failures).
    auth_failures: FailedAuthentications = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "replay_gate", ReplayGate(self.limits.known_at_replays))
        failures = FailedAuthentications(self.limits.failed_auth_limit, self.limits.failed_auth_window)
        object.__setattr__(self, "auth_failures", failures)
