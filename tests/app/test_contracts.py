"""Contracts (계약) through the ledger, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

import pytest
from pydantic import ValidationError

from commands.errors import VersionConflict
from commands.ledger import Ledger
from commands.messages.contracts import (
    AmendContract,
    CompleteContract,
    InspectContract,
    SignContract,
    TerminateContract,
)
from commands.messages.vendors import DebarVendor, LiftDebarment
from domain.contract import Contract, ContractMethod, ContractStatus, Inspection, PrivateContractReason
from domain.errors import DomainError
from domain.obligation import Obligation
from tests.app.books import Books

YEAR = 2026


@dataclass
class Given:
    books: Books
    obligation_id: UUID
    vendor_id: UUID


@pytest.fixture
def given(ledger: Ledger) -> Given:
    """An open year, a line with 10,000,000 allocated, a 1,000,000 obligation, a vendor."""
    books = Books(ledger).ready()
    line = books.line(amount=10_000_000, allocate={1: 10_000_000})
    return Given(books, books.obligate(line, 1_000_000), books.vendor())


def sign(given: Given, amount: int = 600_000, **fields: Any) -> UUID:
    fields.setdefault("method", ContractMethod.OPEN)
    fields.setdefault("title", "복지관 리모델링 공사")
    fields.setdefault("department", "복지정책과")
    fields.setdefault("starts", date(YEAR, 3, 10))
    fields.setdefault("ends", date(YEAR, 6, 30))
    return given.books.run(
        SignContract, obligation_id=given.obligation_id, vendor_id=given.vendor_id, amount=amount, **fields
    ).aggregate_id


def contract(given: Given, contract_id: UUID) -> Contract:
    found = given.books.get(contract_id)
    assert isinstance(found, Contract)
    return found


def obligation(given: Given) -> Obligation:
    found = given.books.get(given.obligation_id)
    assert isinstance(found, Obligation)
    return found


def refused_with_nothing_recorded(given: Given, code: str, **fields: Any) -> DomainError:
    """Run the command; it must be refused with ``code`` and leave the log as it was."""
    before = given.books.log_size()
    with pytest.raises(DomainError) as error:
        given.books.run(**fields)
    assert error.value.code == code, repr(error.value)
    assert given.books.log_size() == before
    return error.value


def test_sign_amend_inspect_complete(given: Given) -> None:
    # given
    books = given.books
    # when
    contract_id = sign(given, 600_000, on=date(YEAR, 3, 2))
    books.run(
        AmendContract, contract_id=contract_id, new_amount=800_000, reason="설계 변경", on=date(YEAR, 5, 2)
    )
    books.run(
        AmendContract,
        contract_id=contract_id,
        new_ends=date(YEAR, 7, 31),
        reason="공기 연장",
        on=date(YEAR, 6, 1),
    )
    books.run(
        InspectContract,
        contract_id=contract_id,
        inspected_amount=800_000,
        passed=True,
        note="준공 검사",
        on=date(YEAR, 7, 31),
        actor="inspector-park",
    )
    result = books.run(CompleteContract, contract_id=contract_id, on=date(YEAR, 8, 3))
    # then
    signed = contract(given, contract_id)
    assert result.aggregate_id == contract_id
    assert result.version == signed.version == 5
    assert signed.status is ContractStatus.COMPLETED
    assert signed.contract_date == date(YEAR, 3, 2)
    assert (signed.original_amount, signed.amount, signed.amendments) == (600_000, 800_000, 2)
    assert (signed.starts, signed.ends) == (date(YEAR, 3, 10), date(YEAR, 7, 31))
    assert signed.inspections == (
        Inspection(date(YEAR, 7, 31), "inspector-park", 800_000, True, "준공 검사"),
    )
    assert signed.closed_on == date(YEAR, 8, 3)
    assert signed.remaining == 800_000
    assert obligation(given).contracted == 800_000


def test_a_contract_reads_back_the_same_from_a_cold_store(given: Given, reopen: Callable[[], Ledger]) -> None:
    # given
    contract_id = sign(
        given,
        300_000,
        method=ContractMethod.PRIVATE,
        private_reason=PrivateContractReason.EMERGENCY,
        private_reason_detail="수해 복구",
    )
    given.books.run(InspectContract, contract_id=contract_id, inspected_amount=300_000, passed=False)
    warm = contract(given, contract_id)
    # when
    cold: object = reopen().repository.get(contract_id)
    # then
    assert isinstance(cold, Contract)
    assert cold.private_reason is PrivateContractReason.EMERGENCY
    assert cold.method is ContractMethod.PRIVATE
    assert cold.inspections == warm.inspections
    assert {k: v for k, v in vars(cold).items() if k != "_pending_events"} == {
        k: v for k, v in vars(warm).items() if k != "_pending_events"
    }


def test_contracts_on_one_obligation_never_exceed_it(given: Given) -> None:
    # given
    sign(given, 600_000)
    sign(given, 300_000)
    # when
    error = refused_with_nothing_recorded(
        given,
        "contract-exceeds-obligation",
        cls=SignContract,
        obligation_id=given.obligation_id,
        vendor_id=given.vendor_id,
        amount=100_001,
        method=ContractMethod.OPEN,
        title="추가 공사",
        department="복지정책과",
        starts=date(YEAR, 3, 10),
        ends=date(YEAR, 6, 30),
    )
    # then
    assert error.numbers == {
        "requested": 100_001,
        "obligation_amount": 1_000_000,
        "contracted": 900_000,
        "available": 100_000,
    }
    assert obligation(given).contracted == 900_000
    sign(given, 100_000)
    assert obligation(given).contracted == 1_000_000


def test_a_contract_over_its_obligation_is_refused_and_nothing_is_recorded(given: Given) -> None:
    # when
    error = refused_with_nothing_recorded(
        given,
        "contract-exceeds-obligation",
        cls=SignContract,
        obligation_id=given.obligation_id,
        vendor_id=given.vendor_id,
        amount=1_000_001,
        method=ContractMethod.OPEN,
        title="복지관 리모델링 공사",
        department="복지정책과",
        starts=date(YEAR, 3, 10),
        ends=date(YEAR, 6, 30),
    )
    # then
    assert error.numbers["available"] == 1_000_000
    assert error.numbers["requested"] == 1_000_001
    assert obligation(given).contracted == 0


def test_an_amendment_over_the_obligation_is_refused_and_nothing_is_recorded(given: Given) -> None:
    # given
    contract_id = sign(given, 600_000)
    sign(given, 300_000)
    # when
    error = refused_with_nothing_recorded(
        given,
        "contract-exceeds-obligation",
        cls=AmendContract,
        contract_id=contract_id,
        new_amount=750_000,
        reason="설계 변경",
    )
    # then
    assert error.numbers["requested"] == 150_000
    assert error.numbers["available"] == 100_000
    assert contract(given, contract_id).amount == 600_000
    assert contract(given, contract_id).amendments == 0
    assert obligation(given).contracted == 900_000


def test_terminating_a_contract_releases_it_on_the_obligation(given: Given) -> None:
    # given
    contract_id = sign(given, 1_000_000)
    # when
    given.books.run(TerminateContract, contract_id=contract_id, reason="업체 부도", on=date(YEAR, 4, 1))
    # then
    terminated = contract(given, contract_id)
    assert terminated.status is ContractStatus.TERMINATED
    assert (terminated.released, terminated.remaining) == (1_000_000, 0)
    assert terminated.termination_reason == "업체 부도"
    assert obligation(given).contracted == 0
    # and the obligation takes a new contract for the whole amount
    sign(given, 1_000_000, on=date(YEAR, 4, 2))
    assert obligation(given).contracted == 1_000_000


def test_a_terminated_contract_is_not_amended_inspected_or_completed(given: Given) -> None:
    # given
    contract_id = sign(given, 500_000)
    given.books.run(TerminateContract, contract_id=contract_id, reason="업체 부도")
    # then
    for fields in (
        {"cls": AmendContract, "new_amount": 400_000, "reason": "감액"},
        {"cls": InspectContract, "inspected_amount": 100_000, "passed": True},
        {"cls": CompleteContract},
        {"cls": TerminateContract, "reason": "재해지"},
    ):
        error = refused_with_nothing_recorded(given, "invalid-state", contract_id=contract_id, **fields)
        assert error.numbers["status"] == "terminated"


def test_completion_needs_a_passed_inspection(given: Given) -> None:
    # given
    contract_id = sign(given, 500_000)
    refused_with_nothing_recorded(given, "invalid-state", cls=CompleteContract, contract_id=contract_id)
    given.books.run(InspectContract, contract_id=contract_id, inspected_amount=500_000, passed=False)
    refused_with_nothing_recorded(given, "invalid-state", cls=CompleteContract, contract_id=contract_id)
    # when
    given.books.run(InspectContract, contract_id=contract_id, inspected_amount=500_000, passed=True)
    given.books.run(CompleteContract, contract_id=contract_id)
    # then
    assert contract(given, contract_id).status is ContractStatus.COMPLETED


def test_an_inspection_over_the_contract_amount_is_refused(given: Given) -> None:
    # given
    contract_id = sign(given, 500_000)
    # when
    error = refused_with_nothing_recorded(
        given,
        "invalid-amount",
        cls=InspectContract,
        contract_id=contract_id,
        inspected_amount=500_001,
        passed=True,
    )
    # then
    assert error.numbers == {"requested": 500_001, "contract_amount": 500_000}


def test_a_vendor_debarred_on_the_contract_date_is_refused(given: Given) -> None:
    # given: debarred from 1 March to 31 August
    books = given.books
    books.run(
        DebarVendor,
        vendor_id=given.vendor_id,
        ground="입찰 담합",
        starts=date(YEAR, 3, 1),
        ends=date(YEAR, 8, 31),
        on=date(YEAR, 2, 1),
    )
    # when
    error = refused_with_nothing_recorded(
        given,
        "vendor-debarred",
        cls=SignContract,
        obligation_id=given.obligation_id,
        vendor_id=given.vendor_id,
        amount=300_000,
        method=ContractMethod.OPEN,
        title="복지관 리모델링 공사",
        department="복지정책과",
        starts=date(YEAR, 3, 10),
        ends=date(YEAR, 6, 30),
        on=date(YEAR, 3, 2),
    )
    # then
    assert error.numbers["date"] == "2026-03-02"
    assert (error.numbers["starts"], error.numbers["ends"]) == ("2026-03-01", "2026-08-31")
    assert obligation(given).contracted == 0


def test_a_vendor_is_accepted_before_its_debarment_starts_and_after_it_is_lifted(given: Given) -> None:
    # given
    books = given.books
    debarment_command = uuid.uuid4()
    books.run(
        DebarVendor,
        vendor_id=given.vendor_id,
        ground="입찰 담합",
        starts=date(YEAR, 3, 1),
        ends=date(YEAR, 8, 31),
        on=date(YEAR, 2, 1),
        command_id=debarment_command,
    )
    [debarment] = books.get(given.vendor_id).debarments
    # when: the day before the debarment starts
    before = sign(given, 300_000, on=date(YEAR, 2, 28))
    # and: after the debarment is lifted
    books.run(
        LiftDebarment,
        vendor_id=given.vendor_id,
        debarment_id=debarment.debarment_id,
        reason="법원 집행정지 결정",
        on=date(YEAR, 4, 1),
    )
    after = sign(given, 300_000, on=date(YEAR, 4, 1))
    # then
    assert contract(given, before).contract_date == date(YEAR, 2, 28)
    assert contract(given, after).contract_date == date(YEAR, 4, 1)
    assert obligation(given).contracted == 600_000


def test_a_private_contract_without_a_ground_is_refused(given: Given) -> None:
    # when
    error = refused_with_nothing_recorded(
        given,
        "reason-required",
        cls=SignContract,
        obligation_id=given.obligation_id,
        vendor_id=given.vendor_id,
        amount=300_000,
        method=ContractMethod.PRIVATE,
        title="복지관 리모델링 공사",
        department="복지정책과",
        starts=date(YEAR, 3, 10),
        ends=date(YEAR, 6, 30),
    )
    # then
    assert error.numbers["method"] == "private"
    # and with its ground it is accepted
    contract_id = sign(
        given, 300_000, method=ContractMethod.PRIVATE, private_reason=PrivateContractReason.SOLE_SOURCE
    )
    assert contract(given, contract_id).private_reason is PrivateContractReason.SOLE_SOURCE


def test_an_amendment_naming_a_stale_version_is_a_conflict(given: Given) -> None:
    # given: the contract is at version 2 after an inspection
    contract_id = sign(given, 600_000)
    given.books.run(InspectContract, contract_id=contract_id, inspected_amount=100_000, passed=True)
    # when
    before = given.books.log_size()
    with pytest.raises(VersionConflict) as error:
        given.books.run(
            AmendContract, contract_id=contract_id, new_amount=700_000, reason="설계 변경", expected_version=1
        )
    # then
    assert error.value.code == "version-conflict"
    assert error.value.numbers == {"expected_version": 1, "actual_version": 2}
    assert given.books.log_size() == before
    assert obligation(given).contracted == 600_000
    # and naming the current version is accepted
    result = given.books.run(
        AmendContract, contract_id=contract_id, new_amount=700_000, reason="설계 변경", expected_version=2
    )
    assert result.version == 3
    assert obligation(given).contracted == 700_000


def test_signing_against_a_stale_obligation_version_is_a_conflict(given: Given) -> None:
    # given
    sign(given, 100_000)  # the obligation is now at version 2
    # when
    with pytest.raises(VersionConflict):
        sign(given, 100_000, expected_version=1)
    # then
    assert obligation(given).contracted == 100_000


def test_a_retried_sign_records_nothing_new(given: Given) -> None:
    # given
    command = given.books.command(
        SignContract,
        obligation_id=given.obligation_id,
        vendor_id=given.vendor_id,
        amount=1_000_000,
        method=ContractMethod.OPEN,
        title="복지관 리모델링 공사",
        department="복지정책과",
        starts=date(YEAR, 3, 10),
        ends=date(YEAR, 6, 30),
    )
    first = given.books.ledger.handle(command)
    before = given.books.log_size()
    # when
    again = given.books.ledger.handle(command)
    # then
    assert again.replayed
    assert (again.aggregate_id, again.version, again.position) == (
        first.aggregate_id,
        first.version,
        first.position,
    )
    assert given.books.log_size() == before
    assert obligation(given).contracted == 1_000_000


def test_a_contract_on_an_unknown_obligation_or_vendor_is_not_found(given: Given) -> None:
    common = {
        "cls": SignContract,
        "amount": 100_000,
        "method": ContractMethod.OPEN,
        "title": "복지관 리모델링 공사",
        "department": "복지정책과",
        "starts": date(YEAR, 3, 10),
        "ends": date(YEAR, 6, 30),
    }
    refused_with_nothing_recorded(
        given, "not-found", obligation_id=uuid.uuid4(), vendor_id=given.vendor_id, **common
    )
    refused_with_nothing_recorded(
        given, "not-found", obligation_id=given.obligation_id, vendor_id=uuid.uuid4(), **common
    )
    refused_with_nothing_recorded(given, "not-found", cls=CompleteContract, contract_id=given.obligation_id)


def test_contract_messages_are_strict(given: Given) -> None:
    with pytest.raises(ValidationError):
        given.books.command(InspectContract, contract_id=uuid.uuid4(), inspected_amount=1.0, passed=True)
    with pytest.raises(ValidationError):
        given.books.command(InspectContract, contract_id=uuid.uuid4(), inspected_amount=1, passed="yes")
    with pytest.raises(ValidationError):
        given.books.command(SignContract, obligation_id=uuid.uuid4(), vendor_id=uuid.uuid4(), amount=1)
