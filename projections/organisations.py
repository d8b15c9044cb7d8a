"""Organisations and their population, from the events of the ``Organisation`` aggregate.

A registration writes the organisation's row, a rename its name; a population recorded for a
year writes (or replaces) that year's row. Nothing is looked up: every event carries what its row
needs, so the projection keeps no memory between batches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

from projections.base import Envelope, Projection, RowWriter
from readmodels.organisations import organisation_population, organisations

#: Korea Standard Time (no daylight saving): the day of a moment the event store stamped in UTC.
KST = timezone(timedelta(hours=9))


def registered_on(data: Mapping[str, Any]) -> date | None:
    """The event's accounting date (every event of the ledger has one), else the day (KST) of the
    moment it was recorded."""
    day = data.get("accounting_date")
    if day is not None:
        return date.fromisoformat(day)
    stamped = data.get("timestamp")
    return None if stamped is None else datetime.fromisoformat(stamped).astimezone(KST).date()


class OrganisationsProjection(Projection):
    name = "organisations"
    tables = (organisations, organisation_population)
    handles = frozenset(
        {"Organisation.Registered", "Organisation.Renamed", "Organisation.PopulationRecorded"}
    )

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            data = event.data
            if event.name == "Organisation.PopulationRecorded":
                out.put(
                    organisation_population,
                    {"org": data["org"], "fiscal_year": data["fiscal_year"]},
                    population=data["population"],
                    as_of=date.fromisoformat(data["as_of"]),
                    source=data["source"],
                )
            elif event.name == "Organisation.Registered":
                out.put(
                    organisations,
                    {"code": data["code"]},
                    name=data["name"],
                    kind=data["kind"],
                    registered_on=registered_on(data),
                )
            else:  # Organisation.Renamed: the event's org is the organisation renamed
                out.put(organisations, {"code": data["org"]}, name=data["name"])
