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

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

from fastapi import Response
from sqlalchemy import Connection

from api.problems import ApiProblem
from api.services import ApiServices
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
_DIGITS = re.compile(r"^\d{1,19}$")


def resolve(services: ApiServices, known_at: str, name: str = "known_at") -> int:
    """The log position ``known_at`` stands for; 422 problems for what cannot be answered."""
    head = timeline.head(services.ledger.recorder)
    text = known_at.strip()
    if _DIGITS.match(text):
        position = int(text)
        if position > head:
            raise ApiProblem(
                422,
                "known-at-in-future",
                "That moment has not been recorded yet",
                f"{name} {position} is beyond the head of the log ({head}).",
                numbers={name: position, "head": head},
            )
        return position
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ApiProblem(
            422,
            "invalid-known-at",
            "known_at is neither a position nor a timestamp",
            f"{name} must be a log position (digits) or an ISO 8601 timestamp, not {known_at!r}.",
            numbers={name: known_at[:100]},
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    now = datetime.now(UTC)
    if moment > now:
        raise ApiProblem(
            422,
            "known-at-in-future",
            "That moment has not been recorded yet",
            f"{name} {moment.isoformat()} is in the future (now {now.isoformat()}).",
            numbers={name: moment.isoformat()},
        )
    return timeline.position_at(services.ledger, moment)


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
    if services.replay is None:
        raise ApiProblem(
            503, "known-at-unavailable", "Time travel is not available", "This service has no replay."
        )
    with services.replay(kind) as session:
        session.advance(position)
        with session.connect() as replayed:
            return compute(replayed)
