"""The rules of a shared vendor (거래처) under concurrency: one organisation debars while another
contracts with the vendor or tries to lift the debarment, in two server processes.

A decision on a vendor a command does not change (it is not debarred) is in the command's read
set, so a debarment saved meanwhile by another process fails the save and the command is decided
again on fresh state (``commands/unit_of_work.py``, the recorders). Who may lift a debarment is
decided on the debarment itself, which no other organisation can change.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from commands.ledger import Ledger
from commands.messages.contracts import SignContract
from commands.messages.vendors import DebarVendor, LiftDebarment
from domain.contract import ContractMethod
from domain.errors import DomainError
from domain.organisation import OrganisationKind
from domain.vendor import Vendor
from tests.app.books import SEOUL, Books
from tests.app.test_read_set import just_before_the_save

YEAR = 2026
SEONGDONG = "3030000"
IN_THE_DEBARMENT = date(YEAR, 3, 10)


def city_and_district(ledger: Ledger) -> tuple[Books, Books, Any, Any]:
    """The city (본청) with a vendor it registered; 성동구 with an obligation of 50 000 000 made
    without a vendor, to sign contracts against."""
    city = Books(ledger, actor="approver-city").ready()
    district = Books(ledger, org=SEONGDONG, actor="approver-seongdong")
    district.organisation("성동구", OrganisationKind.DISTRICT)
    district.open_year()
    vendor = city.vendor()
    line = district.line(amount=100_000_000, allocate={1: 100_000_000})
    return city, district, vendor, district.obligate(line, 50_000_000)


def sign(district: Books, obligation_id: Any, vendor_id: Any, on: date = IN_THE_DEBARMENT) -> Any:
    return district.run(
        SignContract,
        obligation_id=obligation_id,
        vendor_id=vendor_id,
        amount=1_000,
        method=ContractMethod.OPEN,
        title="자재 구매",
        department="성동구청 재무과",
        starts=on,
        ends=date(YEAR, 6, 30),
        on=on,
    )


def debar(city: Books, vendor_id: Any, command_id: uuid.UUID | None = None) -> Any:
    """The city's debarment from 1 March to 31 August, recorded on 1 February."""
    return city.run(
        DebarVendor,
        vendor_id=vendor_id,
        ground="입찰 담합",
        starts=date(YEAR, 3, 1),
        ends=date(YEAR, 8, 31),
        on=date(YEAR, 2, 1),
        command_id=command_id,
    )


def names(ledger: Ledger) -> list[str]:
    return [n.topic.rpartition(":")[2] for n in ledger.recorder.select_notifications(1, 100_000)]


def test_a_district_contract_is_not_saved_after_a_city_debarment_it_did_not_see(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    _, district, vendor_id, obligation_id = city_and_district(ledger)
    city_elsewhere = Books(reopen(), actor="approver-city")  # another server process
    saves = just_before_the_save(ledger, lambda: debar(city_elsewhere, vendor_id), district)
    with pytest.raises(DomainError) as refused:
        sign(district, obligation_id, vendor_id)
    assert refused.value.code == "vendor-debarred"
    after_the_debarment, *tries = saves
    assert len(tries) == 1  # the first save failed on the read set; the retry was refused
    assert district.log_size() == after_the_debarment


def test_a_lift_retried_after_another_organisations_debarment_lifts_only_its_own(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    """성동구 lifts its own debarment while the city debars the same vendor: the lift's save
    conflicts, it is decided again with the city's debarment in view, and lifts only 성동구's."""
    _, district, vendor_id, _ = city_and_district(ledger)
    own = district.run(
        DebarVendor,
        vendor_id=vendor_id,
        ground="계약 불이행",
        starts=date(YEAR, 3, 1),
        ends=date(YEAR, 12, 31),
        on=date(YEAR, 2, 1),
    )
    own_debarment = district.get(vendor_id).debarments[0].debarment_id
    assert own.version == 2
    city_elsewhere = Books(reopen(), actor="approver-city")
    saves = just_before_the_save(ledger, lambda: debar(city_elsewhere, vendor_id), district)
    district.run(
        LiftDebarment,
        vendor_id=vendor_id,
        debarment_id=own_debarment,
        reason="처분 취소",
        on=date(YEAR, 4, 1),
    )
    _, *tries = saves
    assert len(tries) == 2  # the vendor moved under the first save
    debarments = {d.issued_by: d for d in Books(reopen()).get(vendor_id).debarments}
    assert (debarments[SEONGDONG].lifted_on, debarments[SEONGDONG].lifted_by) == (date(YEAR, 4, 1), SEONGDONG)
    assert debarments[SEOUL].lifted_on is None
    # after 성동구's lift, the city's debarment still binds 성동구
    obligation_id = district.obligate(district.line(amount=1_000, allocate={1: 1_000}), 1_000)
    with pytest.raises(DomainError) as refused:
        sign(district, obligation_id, vendor_id, on=date(YEAR, 5, 11))
    assert (refused.value.code, refused.value.numbers["ends"]) == ("vendor-debarred", f"{YEAR}-08-31")


def test_a_district_contracting_and_lifting_while_the_city_debars_never_breaks_the_debarment(
    ledger: Ledger, reopen: Callable[[], Ledger]
) -> None:
    """Real threads, two applications: 성동구's approvers sign contracts with the city's vendor
    and try to lift the city's debarment while the city records it. Every contract is stored
    before the debarment or refused; no lift is ever stored."""
    city, district, vendor_id, obligation_id = city_and_district(ledger)
    city_elsewhere = Books(reopen(), actor="approver-city")
    debarment_command = uuid.uuid4()
    debarment_id = Vendor.debarment_id_for(debarment_command)  # known before it is recorded
    refused: list[str] = []
    errors: list[BaseException] = []
    start, signed_one = threading.Barrier(4), threading.Event()

    def contract() -> None:
        sign(district, obligation_id, vendor_id)
        signed_one.set()

    def lift() -> None:
        district.run(LiftDebarment, vendor_id=vendor_id, debarment_id=debarment_id, reason="법원 집행정지")

    def approver() -> None:
        start.wait()
        for _ in range(10):
            for attempt in (contract, lift):
                try:
                    attempt()
                except DomainError as error:
                    refused.append(error.code)
                except BaseException as error:  # reported below
                    errors.append(error)

    threads = [threading.Thread(target=approver) for _ in range(3)]
    for thread in threads:
        thread.start()
    start.wait()
    assert signed_one.wait(60)  # the city debars while 성동구 is contracting
    debar(city_elsewhere, vendor_id, debarment_command)
    for thread in threads:
        thread.join(120)
    assert not errors
    assert set(refused) <= {"vendor-debarred", "not-found", "debarment-issued-elsewhere"}
    assert refused.count("not-found") + refused.count("debarment-issued-elsewhere") == 30  # every lift
    log = names(ledger)
    debarred_at = log.index("Vendor.Debarred")
    assert "Vendor.DebarmentLifted" not in log
    assert "Contract.Signed" not in log[debarred_at:]
    assert log.count("Contract.Signed") + refused.count("vendor-debarred") == 30  # every contract
    assert log.count("Contract.Signed") >= 1
    [debarment] = city.get(vendor_id).debarments
    assert (debarment.issued_by, debarment.lifted_on) == (SEOUL, None)
