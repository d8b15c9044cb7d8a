"""Codes, money and command context: bad input is refused by name, before anything is recorded."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from domain.base import Context
from domain.codes import BudgetCode, fiscal_year, org_code, revenue_code
from domain.money import MAX_WON, checked_sum, positive_won, releasable
from tests.unit.gwt import refused


@pytest.mark.parametrize("amount", [0, -1, -(10**9)])
def test_zero_or_negative_amounts_are_refused(amount: int) -> None:
    with refused("invalid-amount", amount=amount):
        positive_won(amount)


@pytest.mark.parametrize("amount", [2**63, 10**30, -(2**63) - 1])
def test_amounts_beyond_signed_64_bit_are_refused(amount: int) -> None:
    with refused("amount-out-of-range", amount=str(amount), maximum=MAX_WON):
        positive_won(amount)


@pytest.mark.parametrize("amount", [1.5, "100", True, None])
def test_amounts_that_are_not_whole_won_are_refused(amount: object) -> None:
    with refused("invalid-amount"):
        positive_won(amount)


def test_largest_amount_is_accepted_but_a_sum_beyond_it_is_refused() -> None:
    assert positive_won(MAX_WON) == MAX_WON
    with refused("amount-out-of-range", maximum=MAX_WON):
        checked_sum(MAX_WON, 1)


def test_a_budget_code_parses_into_its_parts() -> None:
    parsed = BudgetCode.parse("100-080-081-1001-2001-3001-201-01", 2026)
    assert (parsed.account, parsed.field, parsed.sector) == ("100", "080", "081")
    assert parsed.budget_item == "201-01"
    assert str(parsed) == "100-080-081-1001-2001-3001-201-01"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "100-080-081-1001-2001-3001-201",  # no statistics item
        "100-80-081-1001-2001-3001-201-01",  # field of two digits
        "100-080-081-1001-2001-3001-201-1",
        "100-080-081-abc-2001-3001-201-01",  # lower case project
        "100 080 081 1001 2001 3001 201 01",
        "100-080-081-1001-2001-3001-201-01-9",
    ],
)
def test_malformed_budget_codes_are_refused(text: str) -> None:
    with refused("malformed-code"):
        BudgetCode.parse(text, 2026)


@pytest.mark.parametrize(
    "text",
    [
        "999-080-081-1001-2001-3001-201-01",  # no such account
        "100-030-031-1001-2001-3001-201-01",  # no such field
        "100-080-061-1001-2001-3001-201-01",  # sector of another field
        "100-080-081-1001-2001-3001-999-99",  # no such item
    ],
)
def test_unknown_budget_codes_are_refused(text: str) -> None:
    with refused("unknown-code"):
        BudgetCode.parse(text, 2026)


def test_items_are_checked_against_the_catalogue_of_the_year() -> None:
    with refused("unknown-code", fiscal_year=2012):
        BudgetCode.parse("100-080-081-1001-2001-3001-201-01", 2012)


def test_organisation_codes_are_seven_digits() -> None:
    assert org_code("3030000") == "3030000"
    for bad in ("303000", "30300000", "seoul00", ""):
        with refused("malformed-code"):
            org_code(bad)


def test_fiscal_years_are_bounded() -> None:
    assert fiscal_year(2026) == 2026
    with refused("malformed-code", fiscal_year=1999):
        fiscal_year(1999)


def test_revenue_codes_are_known_chapter_section_item_codes() -> None:
    assert revenue_code("100-110-111-01") == "100-110-111-01"
    with refused("malformed-code"):
        revenue_code("100-110-111")
    with refused("unknown-code"):
        revenue_code("100-110-111-99")


def test_an_accounting_date_outside_the_fiscal_year_is_refused() -> None:
    with refused("date-outside-fiscal-year", accounting_date="2025-12-31", fiscal_year=2026):
        Context("6110000", 2026, date(2025, 12, 31), "clerk", uuid.uuid4())


def test_a_command_without_an_actor_is_refused() -> None:
    with refused("invalid-input"):
        Context("6110000", 2026, date(2026, 1, 1), "  ", uuid.uuid4())


def test_no_more_is_released_than_is_held() -> None:
    assert releasable(300, held=300, held_as="vouchered") == 300
    with refused("invalid-state", requested=301, vouchered=300):
        releasable(301, held=300, held_as="vouchered")
    with refused("invalid-amount"):
        releasable(0, held=300, held_as="vouchered")
