"""Verification numbers (진위확인번호): derived from a seed, written in Crockford's base32 with a
check character that catches every single substitution and every transposition."""

from __future__ import annotations

import random
import re
import uuid

import pytest

from domain.errors import InvalidInput
from domain.personnel.certificates import (
    ALPHABET,
    MalformedVerificationNumber,
    check_verification_number,
    new_verification_number,
)

CANONICAL = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")


def seeds(count: int) -> list[bytes]:
    # Command ids are UUIDs; uuid5 keeps the sample the same on every run.
    return [uuid.uuid5(uuid.NAMESPACE_URL, f"command/{i}").bytes for i in range(count)]


def bare(number: str) -> str:
    return number.replace("-", "")


def grouped(characters: str) -> str:
    return "-".join(characters[i : i + 4] for i in range(0, 16, 4))


def test_the_same_seed_gives_the_same_number_in_the_canonical_form() -> None:
    seed = uuid.UUID("0b9e5a4e-3c1d-4f7a-9a0e-2d6c1f8b7e55").bytes
    number = new_verification_number(seed)
    assert number == new_verification_number(seed)
    assert CANONICAL.fullmatch(number)
    assert check_verification_number(number) == number


def test_distinct_seeds_give_distinct_numbers() -> None:
    numbers = [new_verification_number(seed) for seed in seeds(20_000)]
    assert len(set(numbers)) == len(numbers)
    assert all(CANONICAL.fullmatch(number) for number in numbers)
    # Every character of the alphabet turns up in every position: the number is not biased.
    for position in range(16):
        assert {bare(number)[position] for number in numbers} == set(ALPHABET)


def test_an_empty_seed_is_refused() -> None:
    with pytest.raises(ValueError, match="seed"):
        new_verification_number(b"")


def test_every_single_character_substitution_is_caught() -> None:
    for number in map(new_verification_number, seeds(60)):
        characters = bare(number)
        for position, original in enumerate(characters):
            for other in ALPHABET.replace(original, ""):
                typo = characters[:position] + other + characters[position + 1 :]
                with pytest.raises(MalformedVerificationNumber):
                    check_verification_number(grouped(typo))


def test_every_transposition_is_caught_adjacent_or_not() -> None:
    for number in map(new_verification_number, seeds(200)):
        characters = list(bare(number))
        for i in range(16):
            for j in range(i + 1, 16):
                if characters[i] == characters[j]:
                    continue
                swapped = characters.copy()
                swapped[i], swapped[j] = swapped[j], swapped[i]
                with pytest.raises(MalformedVerificationNumber):
                    check_verification_number("".join(swapped))


def test_random_forgeries_pass_the_check_one_time_in_32() -> None:
    rng = random.Random(20260315)
    forged = ["".join(rng.choice(ALPHABET) for _ in range(16)) for _ in range(6400)]
    passed = 0
    for text in forged:
        try:
            check_verification_number(text)
        except MalformedVerificationNumber:
            continue
        passed += 1
    assert 6400 / 32 / 2 < passed < 6400 / 32 * 2


def test_lower_case_spaces_hyphens_and_look_alikes_are_read() -> None:
    number = next(n for n in map(new_verification_number, seeds(2000)) if "0" in n and "1" in n)
    assert check_verification_number(number.lower()) == number
    assert check_verification_number(bare(number)) == number
    assert check_verification_number(" ".join(bare(number))) == number
    assert check_verification_number(f"  {number.replace('-', ' - ')}  ") == number
    assert check_verification_number(number.replace("0", "O").replace("1", "I")) == number
    assert check_verification_number(number.replace("0", "o").replace("1", "l")) == number


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda n: "", id="empty"),
        pytest.param(lambda n: "    ", id="blank"),
        pytest.param(lambda n: "-" * 19, id="hyphens only"),
        pytest.param(lambda n: n[:-1], id="one short"),
        pytest.param(lambda n: n + "0", id="one long"),
        pytest.param(lambda n: n * 2, id="twice"),
        pytest.param(lambda n: n + " " * 100, id="too long with padding"),
        pytest.param(lambda n: "0" * 100_000, id="a hundred thousand"),
        pytest.param(lambda n: n.replace("-", "_"), id="underscores"),
        pytest.param(lambda n: n.replace("-", "\t"), id="tabs"),
        pytest.param(lambda n: n + "\n", id="final newline"),
        pytest.param(lambda n: n[:5] + "\x00" + n[6:], id="NUL"),
        pytest.param(lambda n: n[:5] + "U" + n[6:], id="U is not Crockford"),
        pytest.param(lambda n: n[:5] + "*" + n[6:], id="mod-37 check symbol"),
        pytest.param(lambda n: n[:5] + "\u200b" + n[5:], id="zero-width space"),
        pytest.param(lambda n: n.replace("-", "\u2010"), id="Unicode hyphens"),
    ],
)
def test_malformed_input_is_refused(make: object) -> None:
    number = new_verification_number(b"hostile")
    with pytest.raises(MalformedVerificationNumber) as refused:
        check_verification_number(make(number))  # type: ignore[operator]
    assert refused.value.code == "malformed-verification-number"
    assert isinstance(refused.value, InvalidInput)


# Characters that look like, or upper-case to, a character of the alphabet: each must be refused,
# never folded, so that one number has exactly one spelling.
LOOK_ALIKES = {
    "0": ["\uff10", "\u0660", "\u06f0", "\u0966", "\U0001d7ce"],  # full-width, Arabic-Indic, Devanagari, bold
    "1": ["\uff11", "\u0131", "\u0399"],  # full-width; dotless ı upper-cases to I; Greek Iota
    "A": ["\u0410", "\u0391", "\uff21", "\u0430"],  # Cyrillic А, Greek Alpha, full-width, Cyrillic а
    "C": ["\u0421", "\u216d"],  # Cyrillic С, Roman numeral Ⅽ
    "E": ["\u0415", "\u0395"],
    "H": ["\u041d", "\u0397"],
    "K": ["\u041a", "\u212a"],  # Cyrillic К, Kelvin sign
    "M": ["\u041c"],
    "P": ["\u0420"],
    "S": ["\u017f"],  # long s upper-cases to S
    "T": ["\u0422"],
    "X": ["\u0425"],
}


def test_look_alikes_from_other_scripts_are_refused() -> None:
    numbers = list(map(new_verification_number, seeds(3000)))
    tried = 0
    for latin, others in LOOK_ALIKES.items():
        number = next(n for n in numbers if latin in n)
        for other in others:
            with pytest.raises(MalformedVerificationNumber):
                check_verification_number(number.replace(latin, other, 1))
            tried += 1
    assert tried == sum(map(len, LOOK_ALIKES.values()))
