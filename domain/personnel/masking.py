"""Masking of personal data (개인정보 마스킹) for people who may see an employee but not all of it.

Pure functions of the standard library. Each keeps what identifies a record to a colleague (the
birth date and sex digit of a resident registration number, the last digits of a phone or an
account, the district of an address) and replaces the rest with ``*``. Input not in the expected
form is masked whole, one ``*`` per character: a malformed value is never half shown. Digits are
ASCII ``[0-9]`` only; ``str.isdigit`` and ``\\d`` would also take full-width ``１`` or Arabic-Indic
digits, which a crafted value could use to pass a check while showing something else.

:func:`check_rrn` validates a resident registration number (주민등록번호) where a command brings
one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from domain.errors import InvalidInput

#: YYMMDD-NNNNNNN with a real month and day; the 7th digit (sex and century) is any digit: the
#: numbers of foreigners (5-8) and of the 1800s (9, 0) have the same form.
_RRN = re.compile(r"[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])-[0-9]{7}")
_PHONE_GROUPED = re.compile(r"\+?[0-9]{1,4}(-[0-9]{1,4}){1,3}")
_PHONE_PLAIN = re.compile(r"[0-9]{9,11}")
_ACCOUNT = re.compile(r"[0-9]+(-[0-9]+)*")
_EMAIL = re.compile(r"([^@\s]+)@([^@\s]+\.[^@\s]+)")
_DATE = re.compile(r"([0-9]{4})-[0-9]{2}-[0-9]{2}")

_HIDDEN = "***"

#: Short forms of the metropolitan cities and provinces (서울, 경기 …) an address may begin with.
_REGIONS = frozenset(
    {"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기"}
    | {"강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주"}
)
_MAX_REGION_WORDS = 3  # e.g. 경기도 성남시 분당구


def _masked_whole(value: str) -> str:
    return "*" * len(value)


def check_rrn(value: str) -> str:
    """``value`` if it is a resident registration number in the form ``YYMMDD-NNNNNNN``.

    Only the form is checked: numbers issued since October 2020 carry no check digit. The
    refusal never quotes the value.
    """
    if not _RRN.fullmatch(value):
        raise InvalidInput(
            "a resident registration number is written YYMMDD-NNNNNNN in ASCII digits", field="rrn"
        )
    return value


def mask_rrn(value: str) -> str:
    """``900101-1234567`` → ``900101-1******``: birth date and the sex digit stay."""
    if not _RRN.fullmatch(value):
        return _masked_whole(value)
    return value[:8] + "*" * 6


def mask_phone(value: str) -> str:
    """``010-1234-5678`` → ``010-****-5678``: the first and last groups stay."""
    if _PHONE_GROUPED.fullmatch(value):
        groups = value.split("-")
        if len(groups) == 2:  # no area code (1588-1234): only the last group stays
            return "*" * len(groups[0]) + "-" + groups[1]
        middle = ["*" * len(group) for group in groups[1:-1]]
        return "-".join([groups[0], *middle, groups[-1]])
    if _PHONE_PLAIN.fullmatch(value):
        return value[:3] + "*" * (len(value) - 7) + value[-4:]
    return _masked_whole(value)


def mask_email(value: str) -> str:
    """``hong@example.kr`` → ``h***@example.kr``: the first letter and the domain stay."""
    found = _EMAIL.fullmatch(value)
    if found is None:
        return _masked_whole(value)
    # A fixed number of stars: the length of the local part is not shown either.
    return f"{found[1][0]}{_HIDDEN}@{found[2]}"


def mask_account(value: str) -> str:
    """``110-123-456789`` → ``***-***-**6789``: the last four digits and the hyphens stay."""
    if not _ACCOUNT.fullmatch(value):
        return _masked_whole(value)
    digits = sum(character != "-" for character in value)
    if digits <= 4:
        return _masked_whole(value)  # four digits kept of four would be no mask at all
    shown = 0
    masked: list[str] = []
    for character in reversed(value):
        if character == "-":
            masked.append(character)
        elif shown < 4:
            masked.append(character)
            shown += 1
        else:
            masked.append("*")
    return "".join(reversed(masked))


def mask_name(value: str) -> str:
    """``홍길동`` → ``홍*동``; two characters: ``홍*``; four or more: first and last stay."""
    # NFC: a name typed as decomposed jamo (ᄒ+ᅩ+ᆼ) counts as the syllables it shows.
    name = unicodedata.normalize("NFC", value.strip())
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_address(value: str) -> str:
    """``서울특별시 종로구 세종대로 209`` → ``서울특별시 종로구 ***``: up to the district stays.

    The leading words that name the city or province, the city and the district (구) or county
    (군) are kept, and the rest (road, number, building, unit) becomes ``***``. An address with no
    such words is hidden whole.
    """
    words = unicodedata.normalize("NFC", value).split()
    kept: list[str] = []
    for word in words[:_MAX_REGION_WORDS]:
        if not (word in _REGIONS or word.endswith(("시", "도", "군", "구"))):
            break
        kept.append(word)
        if word.endswith(("군", "구")):
            break
    if not kept:
        return _HIDDEN if value.strip() else ""
    return " ".join([*kept, _HIDDEN]) if len(kept) < len(words) else " ".join(kept)


def _mask_birth_date(value: object) -> str:
    found = _DATE.fullmatch(value) if isinstance(value, str) else None
    return found[1] if found else "****"


def _mask_dependant(dependant: object) -> dict[str, Any] | str:
    if not isinstance(dependant, Mapping):
        return _HIDDEN
    masked: dict[str, Any] = {}
    for key, value in dependant.items():
        if key == "name":
            masked[key] = _mask_text(mask_name, value)
        elif key == "birth_date":
            masked[key] = _mask_birth_date(value)
        else:
            masked[key] = _HIDDEN
    return masked


def _mask_text(mask: Callable[[str], str], value: object) -> str | None:
    if value is None:
        return None
    return mask(value) if isinstance(value, str) else _HIDDEN


_MASKS: dict[str, Callable[[str], str]] = {
    "name": mask_name,
    "rrn": mask_rrn,
    "address": mask_address,
    "phone": mask_phone,
    "email": mask_email,
    "bank_account": mask_account,
}


def mask_personal(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Every field masked by its kind; a field of no known kind is hidden whole (``***``).

    ``dependants`` is a list of ``{name, birth_date}``: the names masked, the birth dates cut
    to the year. ``None`` stays ``None`` (nothing recorded).
    """
    masked: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "dependants":
            if value is None:
                masked[key] = None
            elif isinstance(value, list):
                masked[key] = [_mask_dependant(dependant) for dependant in value]
            else:
                masked[key] = _HIDDEN
        elif key in _MASKS:
            masked[key] = _mask_text(_MASKS[key], value)
        else:
            masked[key] = None if value is None else _HIDDEN
    return masked
