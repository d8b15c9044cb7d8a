"""What a certificate may state (CertificateStatement, CareerEntry)."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import InvalidInput
from domain.personnel.certificates import CareerEntry, CertificateKind, MalformedVerificationNumber
from tests.certificates.statements import career, employment


def test_an_employment_certificate_is_for_someone_still_employed() -> None:
    with pytest.raises(InvalidInput, match="career certificate"):
        employment(until=date(2025, 2, 28))
    assert career().kind is CertificateKind.CAREER


def test_the_employment_does_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput, match="ends before it starts"):
        career(until=date(1999, 12, 31))


def test_a_certificate_is_not_issued_before_the_employment() -> None:
    with pytest.raises(InvalidInput, match="not issued before"):
        employment(issued_on=date(2019, 2, 28))


def test_the_number_is_stated_in_its_canonical_form() -> None:
    number = employment().verification_number
    with pytest.raises(MalformedVerificationNumber):
        employment(verification_number=number.lower())
    with pytest.raises(MalformedVerificationNumber):
        employment(verification_number=number.replace("-", ""))


def test_a_career_entry_does_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput):
        CareerEntry(date(2020, 3, 1), date(2020, 2, 29), "재무과", "주무관", "회계")
    assert CareerEntry(date(2020, 3, 1), None, "재무과", "주무관", "회계").ends is None
