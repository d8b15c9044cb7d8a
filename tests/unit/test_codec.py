"""The stored form of events: orjson bytes that decode back to exactly the same values and types."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

import orjson
import pytest

from commands.codec import TypedOrjsonMapper
from domain.base import LedgerAggregate
from domain.budget_line import BudgetLine, CarryOverKind
from domain.money import MAX_WON
from domain.vendor import Debarment, Vendor, VendorKind
from tests.unit.gwt import ctx, given_line, new_id


class Colour(enum.Enum):  # a plain Enum, which eventsourcing's default transcoder refuses
    RED = 1
    BLUE = 2


@dataclass(frozen=True)
class Period:
    starts: date
    ends: date | None


class Specimen(LedgerAggregate):
    class Recorded(LedgerAggregate.Created):
        amount: int
        colour: Colour
        kind: CarryOverKind
        quarters: tuple[int, int, int, int]
        history: tuple[Period, ...]
        by_quarter: dict[int, int]
        note: str
        maybe: uuid.UUID | None
        when: datetime


mapper = TypedOrjsonMapper()


def round_trip(event: object) -> object:
    return mapper.to_domain_event(mapper.to_stored_event(event))


def test_every_kind_of_value_round_trips_exactly() -> None:
    specimen = Specimen.start(
        Specimen.Recorded,
        ctx(date(2026, 3, 31)),
        new_id(),
        amount=MAX_WON,
        colour=Colour.BLUE,
        kind=CarryOverKind.ACCIDENT,
        quarters=(1, 2, 3, 4),
        history=(Period(date(2026, 1, 1), None), Period(date(2026, 2, 1), date(2026, 2, 28))),
        by_quarter={1: 10, 4: 40},
        note="서울특별시 성동구 — 과오납 환급",
        maybe=None,
        when=datetime(2026, 3, 31, 23, 59, 59, 999_999, tzinfo=UTC),
    )
    (event,) = specimen.collect_events()
    decoded = round_trip(event)
    assert decoded == event
    for name, value in vars(event).items():
        assert type(getattr(decoded, name)) is type(value), name
    assert decoded.timestamp.tzinfo is UTC
    assert decoded.quarters == (1, 2, 3, 4) and isinstance(decoded.quarters, tuple)
    assert decoded.colour is Colour.BLUE and decoded.kind is CarryOverKind.ACCIDENT
    assert decoded.history[0] == Period(date(2026, 1, 1), None)
    assert decoded.accounting_date == date(2026, 3, 31) and type(decoded.accounting_date) is date
    assert decoded.by_quarter == {1: 10, 4: 40}
    assert decoded.when.utcoffset().total_seconds() == 0


def test_the_stored_bytes_are_plain_json() -> None:
    line = given_line(budget=0)
    opened = BudgetLine.open(ctx(), line.code, "공공도서관")
    (event,) = opened.collect_events()
    stored = mapper.to_stored_event(event)
    document = orjson.loads(stored.state)
    assert document["code"]["item"] == "201"
    assert document["accounting_date"] == "2026-02-01"
    assert document["title"] == "공공도서관"
    assert "originator_id" not in document  # kept in its own column


def test_integers_beyond_64_bits_never_reach_the_store() -> None:
    with pytest.raises(TypeError):
        orjson.dumps({"amount": 2**64})


def test_a_snapshot_restores_an_equal_aggregate() -> None:
    vendor = Vendor.register(ctx(), VendorKind.BUSINESS, "123-45-67890", "(주)한빛", "서울")
    vendor.debar(ctx(), "담합", date(2026, 3, 1), date(2026, 9, 1))
    vendor.collect_events()
    snapshot = Vendor.Snapshot.take(vendor)
    restored = round_trip(snapshot).mutate(None)
    assert restored == vendor
    assert isinstance(restored.debarments[0], Debarment)
    assert restored.debarments[0].starts == date(2026, 3, 1)


def test_a_line_snapshot_keeps_its_tuple_of_quarters_and_its_code() -> None:
    line = given_line(budget=1_000_000, allocated={1: 100, 3: 300})
    restored = round_trip(BudgetLine.Snapshot.take(line)).mutate(None)
    assert restored == line
    assert restored.allocated == (100, 0, 300, 0)
    assert restored.code == line.code
