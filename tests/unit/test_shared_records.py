"""A vendor (거래처) is shared by every organisation: who may change it and who may lift a
debarment are rules of the domain, broken here by the organisations that may not."""

from __future__ import annotations

from datetime import date

from eventsourcing.domain import Snapshot

from domain.organisation import Organisation, OrganisationKind
from domain.vendor import Vendor, VendorKind
from tests.unit.gwt import assert_nothing_recorded, ctx, refused

CITY = "6110000"  # 서울특별시 본청
SEONGDONG = "3030000"  # 성동구
JONGNO = "3000000"  # 종로구


def organisation(code: str, kind: OrganisationKind) -> Organisation:
    found = Organisation.register(ctx(org=code), f"기관 {code}", kind)
    found.collect_events()
    return found


def vendor_of(org: str) -> Vendor:
    """A business registered by ``org``; no pending events."""
    vendor = Vendor.register(ctx(org=org), VendorKind.BUSINESS, "123-45-67890", "(주)한빛상사", "성동구 1")
    vendor.collect_events()
    return vendor


def test_a_debarment_is_lifted_only_by_the_organisation_that_issued_it() -> None:
    vendor = vendor_of(CITY)
    debarment_id = vendor.debar(
        ctx(date(2026, 2, 1), org=CITY), "입찰 담합", date(2026, 3, 1), date(2026, 8, 31)
    )
    vendor.collect_events()
    for other in (SEONGDONG, JONGNO):
        with refused("debarment-issued-elsewhere", issued_by=CITY, org=other):
            vendor.lift(ctx(date(2026, 4, 1), org=other), debarment_id, "법원 집행정지")
        assert_nothing_recorded(vendor)
    assert vendor.debarment_on(date(2026, 5, 1)) is not None

    vendor.lift(ctx(date(2026, 4, 1), org=CITY), debarment_id, "법원 집행정지")
    [lifted] = vendor.collect_events()
    assert lifted.org == CITY  # type: ignore[attr-defined]
    [debarment] = vendor.debarments
    assert (debarment.issued_by, debarment.lifted_on, debarment.lifted_by) == (CITY, date(2026, 4, 1), CITY)
    assert vendor.debarment_on(date(2026, 5, 1)) is None


def test_not_even_the_city_lifts_a_district_debarment() -> None:
    vendor = vendor_of(CITY)
    debarment_id = vendor.debar(ctx(org=SEONGDONG), "부실 시공", date(2026, 3, 1), date(2026, 8, 31))
    vendor.collect_events()
    with refused("debarment-issued-elsewhere", issued_by=SEONGDONG, org=CITY):
        vendor.lift(ctx(org=CITY), debarment_id, "본청 직권 해제")
    assert_nothing_recorded(vendor)
    vendor.lift(ctx(org=SEONGDONG), debarment_id, "처분 취소 판결")
    assert vendor.debarments[0].lifted_by == SEONGDONG


def test_any_organisation_debars_and_its_debarment_binds_every_organisation() -> None:
    vendor = vendor_of(CITY)
    vendor.debar(ctx(org=JONGNO), "허위 서류", date(2026, 3, 1), date(2026, 3, 31))
    [debarred] = vendor.collect_events()
    assert debarred.org == JONGNO  # type: ignore[attr-defined]
    assert vendor.debarments[0].issued_by == JONGNO
    with refused("vendor-debarred", vendor="123-45-67890"):
        vendor.check_eligible(date(2026, 3, 15))


def test_the_address_is_changed_by_the_registering_organisation_or_the_city_and_no_other() -> None:
    vendor = vendor_of(SEONGDONG)
    jongno = organisation(JONGNO, OrganisationKind.DISTRICT)
    with refused("vendor-registered-elsewhere", registered_by=SEONGDONG, org=JONGNO):
        vendor.change_address(ctx(org=JONGNO), "종로구 1", jongno)
    assert_nothing_recorded(vendor)
    assert vendor.address == "성동구 1"

    vendor.change_address(ctx(org=SEONGDONG), "성동구 2", organisation(SEONGDONG, OrganisationKind.DISTRICT))
    vendor.change_address(ctx(org=CITY), "중구 세종대로 110", organisation(CITY, OrganisationKind.CITY))
    assert [event.org for event in vendor.collect_events()] == [SEONGDONG, CITY]  # type: ignore[attr-defined]
    assert (vendor.address, vendor.registered_by) == ("중구 세종대로 110", SEONGDONG)


def test_a_district_does_not_change_what_the_city_registered() -> None:
    vendor = vendor_of(CITY)
    with refused("vendor-registered-elsewhere", registered_by=CITY, org=SEONGDONG):
        vendor.change_address(
            ctx(org=SEONGDONG), "성동구 9", organisation(SEONGDONG, OrganisationKind.DISTRICT)
        )
    # nor by claiming to be the city: the organisation given must be the command's
    with refused("wrong-organisation"):
        vendor.change_address(ctx(org=SEONGDONG), "성동구 9", organisation(CITY, OrganisationKind.CITY))
    assert_nothing_recorded(vendor)


def test_a_snapshot_from_before_the_registering_organisation_was_kept_leaves_it_to_the_city() -> None:
    vendor = vendor_of(SEONGDONG)
    snapshot = Snapshot.take(vendor)
    assert snapshot.state["registered_by"] == SEONGDONG
    # as version 1 of the class stored it: no registering organisation, no class version
    del snapshot.state["registered_by"], snapshot.state["class_version"]

    restored = snapshot.mutate(None)
    assert isinstance(restored, Vendor)
    assert restored.registered_by is None
    with refused("vendor-registered-elsewhere", registered_by="", org=SEONGDONG):
        restored.change_address(
            ctx(org=SEONGDONG), "성동구 2", organisation(SEONGDONG, OrganisationKind.DISTRICT)
        )
    restored.change_address(ctx(org=CITY), "성동구 2", organisation(CITY, OrganisationKind.CITY))
    assert restored.address == "성동구 2"
