"""Bad text and non-ASCII codes are refused by the ledger before anything is recorded (issue 12,
findings 1 and 6): the command message refuses them as it is made, and the domain refuses them
again when a command reaches it without that check."""

from __future__ import annotations

from typing import Any

import pytest

from commands import timeline
from commands.errors import InvalidKnownAt
from commands.ledger import Ledger
from commands.messages.base import text_kind
from commands.messages.budget import Appropriate, RegisterOrganisation
from commands.messages.vendors import RegisterVendor
from commands.registry import HANDLERS
from domain.errors import InvalidText, MalformedCode
from domain.organisation import OrganisationKind
from domain.vendor import VendorKind
from tests.app.books import Books

#: Message fields that hold a code the domain parses, not text: their form is judged there.
CODE_FIELDS = {"org", "budget_code", "revenue_code", "registration_number"}
#: Personnel codes the domain parses with its own patterns (domain.personnel.org_chart and
#: employee: department, grade and position codes, 사번, 발령번호, a user name), or looks up in the
#: chart of the effective date, which refuses what it does not hold.
CODE_FIELDS |= {"code", "into", "parent", "department", "grade", "position", "order_number"}
CODE_FIELDS |= {"employee_number", "username"}
#: Payroll: months (YYYY-MM, parsed by domain.payroll.calculation.month_bounds) and a table file's
#: CSV content, which domain.payroll.tables.parse_table checks cell by cell against its kind.
CODE_FIELDS |= {"month", "effective_month", "content"}


@pytest.fixture
def books(ledger: Ledger) -> Books:
    return Books(ledger).ready()


def test_a_budget_line_title_of_201_characters_is_refused_and_nothing_recorded(books: Books) -> None:
    before = books.log_size()
    with pytest.raises(InvalidText) as refusal:
        books.line(title="가" * 201)
    assert refusal.value.numbers == {"field": "title", "length": 201, "maximum": 200}
    # and where a command reaches the ledger without the message's check, the domain refuses it
    unchecked = Appropriate.model_construct(
        **books.command(Appropriate, budget_code=books.next_code(), title="복지", amount=1_000).model_dump()
        | {"title": "가" * 201}
    )
    with pytest.raises(InvalidText):
        books.ledger.handle(unchecked)
    assert books.log_size() == before
    books.line(title="가" * 200)  # the bound itself is accepted
    assert books.log_size() > before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "(주)한빛\x00상사"),
        ("name", "한빛\u202e상사"),
        ("name", "가" * 201),
        ("address", "서울\x1b[2J"),
        ("address", "가" * 501),
    ],
)
def test_a_vendor_with_bad_text_is_refused_and_nothing_recorded(books: Books, field: str, value: str) -> None:
    before = books.log_size()
    fields: dict[str, Any] = {
        "kind": VendorKind.BUSINESS,
        "registration_number": "123-45-67890",
        "name": "(주)한빛상사",
        "address": "서울특별시 성동구 왕십리로 1",
    }
    with pytest.raises(InvalidText) as refusal:
        books.run(RegisterVendor, **(fields | {field: value}))
    assert refusal.value.numbers["field"] == field
    assert books.log_size() == before


@pytest.mark.parametrize("org", ["٦١١٠٠٠٠", "６１１００００", "611000²", "6110000\n"])
def test_an_organisation_with_non_ascii_digits_is_refused(ledger: Ledger, org: str) -> None:
    command = RegisterOrganisation.model_construct(
        **Books(ledger).command(RegisterOrganisation, name="서울", kind=OrganisationKind.CITY).model_dump()
        | {"org": org}
    )
    with pytest.raises(MalformedCode):
        ledger.handle(command)
    assert not ledger.recorder.select_notifications(1, 10)


def test_text_is_recorded_composed_and_stripped(books: Books) -> None:
    decomposed = "  \u1112\u1161\u11ab\u1107\u1175\u11be 상사 "  # 한빛 in jamo, with spaces around
    vendor = books.run(
        RegisterVendor,
        kind=VendorKind.BUSINESS,
        registration_number="123-45-67890",
        name=decomposed,
        address="",
    )
    assert books.get(vendor.aggregate_id).name == "한빛 상사"


def test_every_text_field_of_every_command_is_bounded_by_a_kind_of_the_domain() -> None:
    """A new free-text field without a kind would reach the read models unbounded."""
    unbounded = [
        f"{command.__name__}.{name}"
        for command in HANDLERS
        for name, field in command.model_fields.items()
        if field.annotation is str and name not in CODE_FIELDS and text_kind(field) is None
    ]
    assert not unbounded
    bounded = {
        f"{command.__name__}.{name}"
        for command in HANDLERS
        for name, field in command.model_fields.items()
        if text_kind(field) is not None
    }
    anchors = {"Appropriate.title", "RegisterVendor.name", "SignContract.title", "RecordJournalEntry.memo"}
    assert anchors <= bounded


def test_a_known_at_position_is_ascii_digits(books: Books) -> None:
    assert timeline.resolve(books.ledger, "2") == 2
    for position in ("٢", "２", "²"):
        with pytest.raises(InvalidKnownAt):
            timeline.resolve(books.ledger, position)
