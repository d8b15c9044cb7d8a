"""Masking of personal data for display, and the resident registration number's form check."""

from __future__ import annotations

import pytest

from domain.errors import InvalidInput
from domain.personnel.masking import (
    check_rrn,
    mask_account,
    mask_address,
    mask_email,
    mask_name,
    mask_personal,
    mask_phone,
    mask_rrn,
)

FULLWIDTH_RRN = "９００１０１-１２３４５６７"
ARABIC_INDIC_RRN = "٩٠٠١٠١-١٢٣٤٥٦٧"


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("900101-1234567", "900101-1******"),
        ("051231-4000000", "051231-4******"),
        ("", ""),
        ("900101-123456", "*************"),  # too short
        ("9001011234567", "*************"),  # no hyphen
        ("901301-1234567", "**************"),  # no 13th month
        (FULLWIDTH_RRN, "*" * 14),  # not ASCII digits: masked whole, never half shown
        (ARABIC_INDIC_RRN, "*" * 14),
        ("900101-1234567\n", "*" * 15),
    ],
)
def test_mask_rrn(value: str, masked: str) -> None:
    assert mask_rrn(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("010-1234-5678", "010-****-5678"),
        ("02-123-4567", "02-***-4567"),
        ("+82-10-1234-5678", "+82-**-****-5678"),
        ("1588-1234", "****-1234"),
        ("01012345678", "010****5678"),
        ("", ""),
        ("010", "***"),
        ("０１０-１２３４-５６７８", "*" * 13),
        ("010-1234-5678 ", "*" * 14),
    ],
)
def test_mask_phone(value: str, masked: str) -> None:
    assert mask_phone(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("hong@example.kr", "h***@example.kr"),
        ("a@b.co", "a***@b.co"),
        ("홍길동@회사.kr", "홍***@회사.kr"),
        ("", ""),
        ("hong", "****"),
        ("@example.kr", "***********"),
        ("a@b@example.kr", "**************"),
        ("hong@localhost", "**************"),
    ],
)
def test_mask_email(value: str, masked: str) -> None:
    assert mask_email(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("110-123-456789", "***-***-**6789"),
        ("3333012345678", "*********5678"),
        ("12-3456", "**-3456"),
        ("1234", "****"),  # four digits kept of four would mask nothing
        ("", ""),
        ("110-123-４５６７８９", "*" * 14),
        ("110 123 456789", "*" * 14),
    ],
)
def test_mask_account(value: str, masked: str) -> None:
    assert mask_account(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("홍길동", "홍*동"),
        ("홍길", "홍*"),
        ("남궁길동", "남**동"),
        ("독고영재석", "독***석"),
        ("김", "*"),
        ("", ""),
        ("  홍길동 ", "홍*동"),
        ("\u1112\u1169\u11bc\u1100\u1175\u11af\u1103\u1169\u11bc", "홍*동"),  # decomposed jamo
    ],
)
def test_mask_name(value: str, masked: str) -> None:
    assert mask_name(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("서울특별시 종로구 세종대로 209", "서울특별시 종로구 ***"),
        ("경기도 성남시 분당구 판교역로 235, 101동 1001호", "경기도 성남시 분당구 ***"),
        ("경기도 가평군 가평읍 석봉로 181", "경기도 가평군 ***"),
        ("제주특별자치도 제주시 문연로 6", "제주특별자치도 제주시 ***"),
        ("세종특별자치시 한누리대로 2130", "세종특별자치시 ***"),
        ("서울 강남구 테헤란로 1", "서울 강남구 ***"),
        ("서울특별시 종로구", "서울특별시 종로구"),
        ("1600 Amphitheatre Parkway", "***"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_address(value: str, masked: str) -> None:
    assert mask_address(value) == masked


def test_mask_personal_masks_each_field_by_its_kind() -> None:
    fields = {
        "name": "홍길동",
        "rrn": "900101-1234567",
        "address": "서울특별시 종로구 세종대로 209",
        "phone": "010-1234-5678",
        "email": "hong@example.kr",
        "bank_account": "110-123-456789",
        "dependants": [
            {"name": "홍길순", "birth_date": "2015-03-02"},
            {"name": "홍길", "birth_date": "２０１５-03-02", "school": "종로초등학교"},
            "홍아무개",
        ],
        "hobby": "바둑",
        "note": None,
    }
    assert mask_personal(fields) == {
        "name": "홍*동",
        "rrn": "900101-1******",
        "address": "서울특별시 종로구 ***",
        "phone": "010-****-5678",
        "email": "h***@example.kr",
        "bank_account": "***-***-**6789",
        "dependants": [
            {"name": "홍*순", "birth_date": "2015"},
            {"name": "홍*", "birth_date": "****", "school": "***"},
            "***",
        ],
        "hobby": "***",  # a field of no known kind is hidden whole
        "note": None,
    }


def test_mask_personal_hides_values_of_the_wrong_type() -> None:
    assert mask_personal({"name": 42, "rrn": None, "dependants": "홍길순"}) == {
        "name": "***",
        "rrn": None,
        "dependants": "***",
    }
    assert mask_personal({}) == {}


@pytest.mark.parametrize("value", ["900101-1234567", "000229-3000000", "991231-0123456", "200101-5999999"])
def test_check_rrn_accepts_the_form(value: str) -> None:
    assert check_rrn(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "",
        "900101-123456",
        "900101-12345678",
        "9001011234567",
        "900001-1234567",  # month 00
        "901301-1234567",
        "900100-1234567",  # day 00
        "900132-1234567",
        FULLWIDTH_RRN,
        ARABIC_INDIC_RRN,
        "900101-1234567\n",  # fullmatch: a trailing newline is not the form
        " 900101-1234567",
        "900101–1234567",  # an en dash, not a hyphen
    ],
)
def test_check_rrn_refuses_other_forms_without_quoting_the_value(value: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_rrn(value)
    assert refused.value.numbers == {"field": "rrn"}
    if value:
        assert value.strip() not in str(refused.value) and value not in repr(refused.value)
