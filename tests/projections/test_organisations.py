"""Organisations and their population (``organisations``, ``organisation_population``), on both
backends: registered, renamed and re-recorded through the ledger, read through the queries."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import Engine, select

from cleanledger import synthetic
from commands.ledger import Ledger
from commands.messages.budget import RecordPopulation, RegisterOrganisation
from domain.base import Context
from domain.errors import DomainError
from domain.organisation import Organisation as OrganisationAggregate
from domain.organisation import OrganisationKind
from projections.engine import ProjectionEngine
from projections.organisations import OrganisationsProjection, registered_on
from readmodels import organisations as read
from readmodels.organisations import Organisation, Population
from tests.app.books import SEOUL, Books

Y = 2026
SOURCE = "행정안전부 주민등록인구통계 (2025년 12월)"


def register(ledger: Ledger) -> None:
    """The city, three districts and two institutions, registered out of their listing order."""
    for code, name, kind, on in (
        ("6119002", "서울복지재단", OrganisationKind.INSTITUTION, date(Y, 1, 3)),
        ("3030000", "성동구", OrganisationKind.DISTRICT, date(Y, 1, 1)),
        ("3000000", "종로구", OrganisationKind.DISTRICT, date(Y, 1, 2)),
        ("6119001", "서울문화재단", OrganisationKind.INSTITUTION, date(Y, 1, 1)),
        (SEOUL, "서울특별시 본청", OrganisationKind.CITY, date(Y, 1, 5)),
        ("3220000", "강남구", OrganisationKind.DISTRICT, date(Y, 1, 1)),
    ):
        books = Books(ledger, org=code, on=on)
        books.run(RegisterOrganisation, name=name, kind=kind)


def population(ledger: Ledger, org: str, count: int, *, year: int = Y, source: str = SOURCE) -> None:
    Books(ledger, org=org, year=year).run(
        RecordPopulation, population=count, as_of=date(year - 1, 12, 31), source=source, on=date(year, 1, 2)
    )


def rename(ledger: Ledger, code: str, name: str) -> None:
    """No command renames an organisation yet; the domain's method does, saved as a command would."""
    organisation = ledger.repository.get(OrganisationAggregate.id_for(code))
    organisation.rename(Context(code, Y, date(Y, 3, 1), "admin", uuid.uuid4()), name)
    ledger.save(organisation)


def project(ledger: Ledger, read_db: Engine, batch_size: int = 500) -> None:
    ProjectionEngine(ledger.recorder, read_db, [OrganisationsProjection()], batch_size=batch_size).catch_up()


@pytest.mark.parametrize("batch_size", [1, 500])
def test_organisations_are_listed_city_districts_institutions_each_by_name(
    ledger: Ledger, read_db: Engine, batch_size: int
) -> None:
    register(ledger)
    rename(ledger, "3030000", "서울특별시 성동구")
    project(ledger, read_db, batch_size)
    with read_db.connect() as conn:
        listed = read.all_organisations(conn)
        seongdong = read.organisation(conn, "3030000")
        assert read.organisation(conn, "9999999") is None
    assert [(o.code, o.name, o.kind) for o in listed] == [
        (SEOUL, "서울특별시 본청", "city"),
        ("3220000", "강남구", "district"),
        ("3030000", "서울특별시 성동구", "district"),  # renamed: listed by its new name
        ("3000000", "종로구", "district"),
        ("6119001", "서울문화재단", "institution"),  # 문 before 복
        ("6119002", "서울복지재단", "institution"),
    ]
    assert seongdong == Organisation("3030000", "서울특별시 성동구", "district", date(Y, 1, 1))
    assert listed[0].registered_on == date(Y, 1, 5)  # the registration's accounting date


def test_a_population_recorded_again_for_a_year_replaces_it(ledger: Ledger, read_db: Engine) -> None:
    register(ledger)
    population(ledger, SEOUL, 9_330_000)
    population(ledger, "3030000", 280_000)
    population(ledger, SEOUL, 9_400_000, year=Y + 1)
    project(ledger, read_db)  # a batch boundary between the first figure and its correction
    population(ledger, "3030000", 281_000, source="정정: 성동구 통계연보")
    population(ledger, "3000000", 139_000)
    population(ledger, "3000000", 138_000)  # corrected within one batch
    project(ledger, read_db)
    with read_db.connect() as conn:
        assert read.populations(conn, Y) == {SEOUL: 9_330_000, "3030000": 281_000, "3000000": 138_000}
        assert read.populations(conn, Y + 1) == {SEOUL: 9_400_000}
        assert read.populations(conn, Y - 1) == {}
        assert read.population(conn, "3030000", Y) == Population(
            "3030000", Y, 281_000, date(Y - 1, 12, 31), "정정: 성동구 통계연보"
        )
        assert read.population(conn, "3220000", Y) is None
        rows = conn.execute(select(read.organisation_population)).all()
    assert len(rows) == 4


def test_a_population_is_refused_for_an_institution_and_an_unregistered_organisation(
    ledger: Ledger,
) -> None:
    register(ledger)
    with pytest.raises(DomainError) as refused:
        population(ledger, "6119001", 1_000)
    assert refused.value.code == "invalid-input"
    with pytest.raises(DomainError) as missing:
        population(ledger, "3990000", 100_000)
    assert missing.value.code == "not-found"
    with pytest.raises(DomainError) as too_many:
        population(ledger, SEOUL, 100_000_001)
    assert too_many.value.code == "invalid-input"


def test_a_population_needs_no_open_year_and_answers_for_the_organisation(ledger: Ledger) -> None:
    register(ledger)
    books = Books(ledger, year=Y + 3)  # no year of SEOUL is open
    result = books.run(
        RecordPopulation, population=9_000_000, as_of=date(Y + 2, 12, 31), source=SOURCE, on=date(Y + 3, 1, 2)
    )
    assert result.aggregate_id == OrganisationAggregate.id_for(SEOUL)
    assert result.version == 2


def test_the_day_registered_is_the_accounting_date_else_the_recorded_day_in_korea() -> None:
    assert registered_on({"accounting_date": "2026-01-05", "timestamp": "2026-01-01T00:00:00+00:00"}) == date(
        2026, 1, 5
    )
    assert registered_on({"timestamp": "2026-01-04T15:30:00+00:00"}) == date(2026, 1, 5)
    assert registered_on({}) is None


def test_the_demo_records_a_population_for_the_city_and_every_district() -> None:
    recorded = {
        c.org: (c.population, c.as_of, c.source)
        for c in synthetic.plan(synthetic.SCALES["medium"])
        if isinstance(c, RecordPopulation)
    }
    local = {synthetic.CITY.code} | {d.code for d in synthetic.DISTRICTS}
    assert set(recorded) == local
    assert recorded[SEOUL] == (9_330_000, date(2025, 12, 31), "데모 자료: 2025년 주민등록인구 근사치")
    assert recorded["3230000"][0] == 652_000  # 송파구, the largest
    assert all(count % 1_000 == 0 for count, _, _ in recorded.values())
