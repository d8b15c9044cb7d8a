"""``known_at``: a report as the ledger stood at a recorded moment or log position.

``known_at`` is a log position (digits: ``1042``) or an ISO 8601 timestamp (``2026-03-05T09:00:00Z``;
without an offset, UTC). A timestamp stands for the greatest position whose event was recorded at
or before it (:func:`commands.timeline.position_at`: events are counted by their recording
timestamp). A moment before the first event is position 0, an empty ledger; a moment in the future,
or a position beyond the head of the log, is refused (422), since what will be known then is not.

The report is then computed on temporary read models filled with the log up to that position
(``ApiServices.replay``, wired to :mod:`projections.replay`), by the same query functions as the
live report, and the position used is returned in the ``X-Known-At-Position`` header.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from fastapi import Response
from sqlalchemy import Connection

from api.problems import ApiProblem
from api.services import ApiServices, Replayer
from commands import timeline

T = TypeVar("T")

POSITION_HEADER = "X-Known-At-Position"
KNOWN_AT_DESCRIPTION = (
    "As known at this moment: a log position (e.g. `1042`) or an ISO 8601 timestamp "
    "(e.g. `2026-03-05T09:00:00Z`, UTC if no offset). Only events recorded by then count, so a "
    "later backdated correction does not change the answer; events are counted by their recording "
    "timestamp. Replays the log up to that position into temporary tables (seconds for a large "
    "log). The position used is returned in the `X-Known-At-Position` header."
)


def resolve(services: ApiServices, known_at: str, name: str = "known_at") -> int:
    """The log position ``known_at`` stands for (refusals are 422 problems)."""
    return timeline.resolve(services.ledger, known_at, name)


def answer(
    services: ApiServices,
    conn: Connection,
    kind: str,
    known_at: str | None,
    compute: Callable[[Connection], T],
    response: Response | None = None,
) -> T:
    """``compute`` on the live read models, or on a replay up to ``known_at`` if given."""
    if known_at is None:
        return compute(conn)
    position = resolve(services, known_at)
    if response is not None:
        response.headers[POSITION_HEADER] = str(position)
    return at_position(services, kind, position, compute)


def at_position(services: ApiServices, kind: str, position: int, compute: Callable[[Connection], T]) -> T:
    with replaying(services) as replay, replay(kind) as session:
        session.advance(position)
        with session.connect() as replayed:
            return compute(replayed)


@contextmanager
def replaying(services: ApiServices) -> Iterator[Replayer]:
    """The service's replay, holding one of this process's replay slots: every replay the API
    runs goes through here (503 if the service has none, or every slot is taken)."""
    if services.replay is None:
        raise ApiProblem(
            503, "known-at-unavailable", "Time travel is not available", "This service has no replay."
        )
    with services.replay_gate.slot():
        yield services.replay
