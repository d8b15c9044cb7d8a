"""주민등록인구: what an organisation's population record accepts and refuses."""

from __future__ import annotations

from datetime import date

import pytest

from domain.organisation import MAX_POPULATION, Organisation, OrganisationKind
from tests.unit.gwt import SEOUL, assert_nothing_recorded, ctx, refused

COUNTED = date(2025, 12, 31)
SOURCE = "행정안전부 주민등록인구통계 (2025년 12월)"


def given(kind: OrganisationKind = OrganisationKind.CITY, code: str = SEOUL) -> Organisation:
    organisation = Organisation.register(ctx(date(2026, 1, 1), org=code), "서울특별시", kind)
    organisation.collect_events()
    return organisation


def test_a_population_is_recorded_for_the_year_of_its_context() -> None:
    seoul = given()
    seoul.record_population(ctx(date(2026, 1, 2)), 9_330_000, COUNTED, f"  {SOURCE}  ")
    (event,) = seoul.collect_events()
    assert isinstance(event, Organisation.PopulationRecorded)
    assert (event.fiscal_year, event.population, event.as_of, event.source) == (
        2026,
        9_330_000,
        COUNTED,
        SOURCE,
    )


@pytest.mark.parametrize("population", [1, MAX_POPULATION])
def test_the_bounds_are_accepted(population: int) -> None:
    seoul = given()
    seoul.record_population(ctx(), population, COUNTED, SOURCE)
    assert len(seoul.collect_events()) == 1


@pytest.mark.parametrize("population", [0, -1, MAX_POPULATION + 1, 10**18])
def test_no_one_or_more_than_a_hundred_million_is_refused(population: int) -> None:
    seoul = given()
    with refused("invalid-input", population=population, maximum=MAX_POPULATION):
        seoul.record_population(ctx(), population, COUNTED, SOURCE)
    assert_nothing_recorded(seoul)


@pytest.mark.parametrize("population", [2**63, -(2**63) - 1, 10**30])
def test_a_count_beyond_64_bits_is_refused_with_its_figure_as_text(population: int) -> None:
    """A refusal's numbers are sent as JSON, which holds no integer beyond 64 bits: such a count
    is named as text (the schemathesis run met a 500 from it)."""
    seoul = given()
    with refused("invalid-input", population=str(population), maximum=MAX_POPULATION):
        seoul.record_population(ctx(), population, COUNTED, SOURCE)
    assert_nothing_recorded(seoul)


@pytest.mark.parametrize("population", [True, 9.5, "9330000", None])
def test_a_population_that_is_not_a_whole_number_is_refused(population: object) -> None:
    seoul = given()
    with refused("invalid-input"):
        seoul.record_population(ctx(), population, COUNTED, SOURCE)  # type: ignore[arg-type]
    assert_nothing_recorded(seoul)


@pytest.mark.parametrize(
    ("source", "why"),
    [("", "blank"), ("   ", "blank"), ("가" * 201, "201 characters"), ("출처\n두 줄", "control")],
)
def test_a_source_blank_too_long_or_of_two_lines_is_refused(source: str, why: str) -> None:
    seoul = given()
    with refused("invalid-text", field="source") as info:
        seoul.record_population(ctx(), 9_330_000, COUNTED, source)
    assert why in info.value.detail
    assert_nothing_recorded(seoul)


def test_a_count_after_the_accounting_date_is_refused() -> None:
    seoul = given()
    with refused("invalid-input", as_of="2026-02-02", accounting_date="2026-02-01"):
        seoul.record_population(ctx(date(2026, 2, 1)), 9_330_000, date(2026, 2, 2), SOURCE)
    assert_nothing_recorded(seoul)


def test_a_funded_institution_has_no_resident_population() -> None:
    foundation = given(OrganisationKind.INSTITUTION, "6119001")
    with refused("invalid-input", org="6119001"):
        foundation.record_population(ctx(org="6119001"), 1_000, COUNTED, SOURCE)
    assert_nothing_recorded(foundation)


def test_a_district_records_one() -> None:
    district = given(OrganisationKind.DISTRICT, "3030000")
    district.record_population(ctx(org="3030000"), 280_000, COUNTED, SOURCE)
    assert len(district.collect_events()) == 1
