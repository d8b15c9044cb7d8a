"""Employment and career certificates (재직증명서, 경력증명서): what one states, and its number.

A certificate carries a verification number (발급번호, 진위확인번호) that anyone holding the paper
can check on the public API. The number is written ``XXXX-XXXX-XXXX-XXXX`` in Crockford's base32
(``0-9`` and ``A-Z`` without ``I``, ``L``, ``O``, ``U``): fifteen characters derived from a seed
(75 bits of a SHA-256 digest), then one check character.

The check character is a weighted sum over GF(32), the field of 32 elements (polynomial
``x^5 + x^2 + 1``), not over the integers mod 32: position ``k`` from the right weighs ``x^k``,
and the check character makes the sum of all sixteen zero. The weights ``x^0 … x^15`` are
distinct and non-zero, so every single-character substitution and every transposition of two
characters (adjacent or not, the check character included) changes the sum. Integers mod 32
cannot do that (a weight must be odd to catch every substitution, and two odd weights differ by an
even number, which misses some transpositions), and Crockford's own mod-37 check symbol may be
``*``, ``~``, ``$``, ``=`` or ``U``, which do not belong in a number people read out and type.
A forged number therefore passes the check once in 32, and is refused before any lookup.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from domain.errors import InvalidInput

#: Crockford's base32 alphabet: the value of a character is its index.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {character: value for value, character in enumerate(ALPHABET)}
#: What Crockford reads as a digit it resembles (lower case is upper-cased first).
_ALIASES = {"O": "0", "I": "1", "L": "1"}

GROUPS = 4
GROUP_LENGTH = 4
LENGTH = GROUPS * GROUP_LENGTH
#: Longest text looked at: the canonical form with a space beside every character is 47; past
#: this the input is refused before it is normalised, so no one makes the server walk a megabyte.
MAX_INPUT_LENGTH = 64

# The field GF(32) = GF(2)[x] / (x^5 + x^2 + 1); x is primitive (order 31), so x^0 … x^15 differ.
_MODULUS = 0b100101
_FIELD_SIZE = 32

# Domain separation: the same command id used as a seed elsewhere gives an unrelated value.
_SEED_PREFIX = b"cleanledger/certificate-verification-number/v1\x00"


class CertificateKind(StrEnum):
    """Which certificate: 재직증명서 (still employed) or 경력증명서 (a career, past or present)."""

    EMPLOYMENT = "employment"
    CAREER = "career"


class MalformedVerificationNumber(InvalidInput):
    """A verification number (진위확인번호) that is not written in its form or fails its check."""

    code = "malformed-verification-number"
    title = "The verification number is not written in its form, or its check character is wrong"


def _times_x(value: int) -> int:
    value <<= 1
    return value ^ _MODULUS if value & _FIELD_SIZE else value


def _weighted_sum(values: list[int]) -> int:
    """Σ x^k · value, k counted from the right (Horner's rule; addition in GF(32) is XOR)."""
    total = 0
    for value in values:
        total = _times_x(total) ^ value
    return total


def _grouped(characters: str) -> str:
    return "-".join(characters[i : i + GROUP_LENGTH] for i in range(0, LENGTH, GROUP_LENGTH))


def new_verification_number(seed: bytes) -> str:
    """The verification number for ``seed``, in its canonical form ``XXXX-XXXX-XXXX-XXXX``.

    The caller passes the bytes of the issuing command's id, so a retried command gives the same
    number. An empty seed is refused: every certificate would share its number.
    """
    if not seed:
        raise ValueError("a verification number needs a non-empty seed")
    digest = int.from_bytes(hashlib.sha256(_SEED_PREFIX + seed).digest(), "big")
    values = [(digest >> (5 * i)) & 31 for i in range(LENGTH - 1)]
    # The check value c makes x · (sum of the fifteen) + c zero; in GF(32), c = x · sum.
    values.append(_times_x(_weighted_sum(values)))
    return _grouped("".join(ALPHABET[value] for value in values))


def check_verification_number(text: str) -> str:
    """The canonical form of a verification number someone typed, or
    :class:`MalformedVerificationNumber`.

    Accepts lower case, spaces and hyphens anywhere, and Crockford's look-alikes (``O`` for ``0``,
    ``I`` and ``L`` for ``1``). Only ASCII is read: full-width digits and Cyrillic or Greek
    letters that look Latin are refused, never folded, so one number has one spelling.
    """
    if len(text) > MAX_INPUT_LENGTH:
        raise MalformedVerificationNumber(
            "The verification number is too long", length=len(text), max_length=MAX_INPUT_LENGTH
        )
    # str.upper() is only applied to ASCII: it maps some other letters to several (ß → SS).
    if not text.isascii():
        raise MalformedVerificationNumber("The verification number holds a character other than ASCII")
    characters = [_ALIASES.get(c, c) for c in text.upper() if c not in " -"]
    if len(characters) != LENGTH or any(c not in _VALUE for c in characters):
        raise MalformedVerificationNumber(
            f"A verification number is {LENGTH} letters and digits of Crockford's base32 "
            "(no U), written XXXX-XXXX-XXXX-XXXX",
            length=len(characters),
        )
    if _weighted_sum([_VALUE[c] for c in characters]) != 0:
        raise MalformedVerificationNumber("The verification number's check character is wrong")
    return _grouped("".join(characters))


@dataclass(frozen=True, slots=True)
class CareerEntry:
    """One row of a career certificate's table (경력사항): a posting from ``starts`` to ``ends``
    (None while it lasts), where, at which grade, doing what (담당업무)."""

    starts: date
    ends: date | None
    department: str
    grade: str
    what: str

    def __post_init__(self) -> None:
        if self.ends is not None and self.ends < self.starts:
            raise InvalidInput(
                "A career entry ends before it starts",
                starts=self.starts.isoformat(),
                ends=self.ends.isoformat(),
            )


@dataclass(frozen=True, slots=True)
class CertificateStatement:
    """What a certificate states, as issued; rendering (api.certificate_pdf) adds nothing to it.

    ``name`` is printed as given: the caller decides whether it is masked. ``until`` is None while
    the person is employed; an employment certificate (재직증명서) is only for someone who still
    is, a career certificate (경력증명서) for anyone.
    """

    kind: CertificateKind
    verification_number: str
    organisation_code: str
    organisation_name: str
    employee_number: str
    name: str
    department: str
    grade: str
    position: str
    hired_on: date
    until: date | None
    purpose: str
    issued_on: date
    career: tuple[CareerEntry, ...] = ()

    def __post_init__(self) -> None:
        # The canonical form is what the public lookup answers to; a typo here would print a
        # number nobody can check.
        if check_verification_number(self.verification_number) != self.verification_number:
            raise MalformedVerificationNumber(
                "A certificate states its verification number in the canonical form XXXX-XXXX-XXXX-XXXX"
            )
        if self.kind is CertificateKind.EMPLOYMENT and self.until is not None:
            raise InvalidInput(
                "An employment certificate (재직증명서) is for someone still employed; "
                "issue a career certificate (경력증명서) instead",
                until=self.until.isoformat(),
            )
        if self.until is not None and self.until < self.hired_on:
            raise InvalidInput(
                "The employment ends before it starts",
                hired_on=self.hired_on.isoformat(),
                until=self.until.isoformat(),
            )
        if self.issued_on < self.hired_on:
            raise InvalidInput(
                "A certificate is not issued before the employment starts",
                hired_on=self.hired_on.isoformat(),
                issued_on=self.issued_on.isoformat(),
            )
