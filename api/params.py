"""Path and query values (경로·질의 값), parsed by one set of functions for every route and for the
command fast path, so both accept and refuse the same text.

A path or query value arrives as text, and pydantic's lax mode reads more into text than the API
means: ``0`` is a date (1970-01-01), `` 2026 ``, ``2_026``, ``+2026`` and ``2026.0`` are the year
2026, ``{…}`` and ``urn:uuid:…`` are ids, and a pattern's ``\\d`` matches the digits of every
script (Arabic-Indic ``٣٠٣٠٠٠٠``, full-width ``２０２６``), which a file name header cannot encode;
``str.isdigit`` even takes a superscript ``²``, on which ``int`` fails. So each value here is read
strictly, from ASCII only:

* organisation code: exactly seven ASCII digits;
* fiscal year: four ASCII digits from 1900 to 2999;
* dates: ``YYYY-MM-DD`` and nothing else;
* ids: the hyphenated hexadecimal form of a UUID;
* positions, versions and page sizes: ASCII digits, within their bounds;
* flags: ``true`` or ``false``.

Each parser takes the text and returns the value, or raises ``ValueError``. The routes declare
their parameters with a parser behind FastAPI's ``Path``/``Query`` (whose constraints still describe
the value in the OpenAPI document), so a refusal is the usual 422 ``invalid-request`` problem; the
command fast path (:mod:`api.command_fast_path`) reads its path with the same parsers and leaves
what they refuse to the route.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import Path, Query
from pydantic import BeforeValidator

#: Organisation codes (기관코드): seven ASCII digits (``[0-9]``, never ``\d``, which any script's
#: digits match in the schema's regular expression engines).
ORG_PATTERN = r"^[0-9]{7}$"
FIRST_YEAR, LAST_YEAR = 1900, 2999
#: The largest log position (a PostgreSQL BIGINT).
MAX_POSITION = 2**63 - 1
#: Text parameters may hold anything but NUL, which PostgreSQL cannot take in a string.
NO_NUL = r"^[^\x00]*$"
#: What ``known_at`` and its kin (a log position or a timestamp) are written in.
PRINTABLE_ASCII = r"^[ -~]+$"
#: An ``Idempotency-Key``: printable ASCII (a structured-field string, as the IETF draft has it),
#: not blank.
IDEMPOTENCY_KEY_PATTERN = r"^[ -~]*[!-~][ -~]*$"
#: An ``If-Match``: ``*``, or the version an ETag gave (``"3"``, also ``3`` or ``W/"3"``).
IF_MATCH_PATTERN = r'^ *(\*|(W/)?"?[0-9]{1,18}"?) *$'

_ORG = re.compile(r"[0-9]{7}")
_YEAR = re.compile(r"[0-9]{4}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DIGITS = re.compile(r"[0-9]{1,19}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected text")  # pydantic makes a ValueError (not a TypeError) a 422
    return value


def org_code(value: Any) -> str:
    """기관코드: exactly seven ASCII digits."""
    if _ORG.fullmatch(_text(value)) is None:
        raise ValueError("an organisation code is seven ASCII digits (0-9)")
    return str(value)


def fiscal_year(value: Any) -> int:
    """회계연도: four ASCII digits, from 1900 to 2999."""
    if _YEAR.fullmatch(_text(value)) is None:
        raise ValueError("a fiscal year is four ASCII digits (0-9)")
    year = int(value)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"a fiscal year lies between {FIRST_YEAR} and {LAST_YEAR}")
    return year


def iso_date(value: Any) -> date:
    """A calendar date written ``YYYY-MM-DD`` (ASCII digits), and nothing else."""
    if _DATE.fullmatch(_text(value)) is None:
        raise ValueError("a date is written YYYY-MM-DD")
    return date.fromisoformat(value)  # a day that does not exist (2026-02-30): ValueError


def identifier(value: Any) -> UUID:
    """An id: a UUID in its hyphenated hexadecimal form."""
    if _UUID.fullmatch(_text(value)) is None:
        raise ValueError("an id is a UUID written 8-4-4-4-12 hexadecimal digits")
    return UUID(value)


def digits(value: Any) -> int:
    """A whole number written in ASCII digits alone (no sign, space, ``_`` or decimal point), at
    most 19 of them; its range is the parameter's own (``ge``/``le``, checked after this)."""
    if _DIGITS.fullmatch(_text(value)) is None:
        raise ValueError("a number is written in ASCII digits (0-9) alone")
    return int(value)


def flag(value: Any) -> bool:
    """``true`` or ``false`` (not ``1``, ``yes``, ``on`` …, which pydantic would also take)."""
    if value in ("true", "false"):
        return bool(value == "true")
    raise ValueError("a flag is true or false")


def ascii_text(value: Any) -> str:
    """Printable ASCII: a log position or a timestamp (``known_at``), so that what reads it later
    never meets another script's digits."""
    text = _text(value)
    if not (text.isascii() and text.isprintable()):
        raise ValueError("the value is printable ASCII")
    return text


#: The parser of each named path parameter of a command (any other is an id): the fast path reads
#: its path with these, the routes declare them through the types below.
COMMAND_PATH_PARSERS: dict[str, Callable[[Any], Any]] = {"org": org_code, "fiscal_year": fiscal_year}


def command_path_value(name: str, text: str) -> Any:
    """The value of a command path's parameter ``name``; ValueError if the route refuses it."""
    parse = COMMAND_PATH_PARSERS.get(name)
    return identifier(text) if parse is None else parse(text)


# --- what the routes declare ----------------------------------------------------------------------
# A parameter is ``Annotated[type, Path(…) or Query(…), PARSER]``: the ``Path``/``Query`` first, as
# it describes the value in the document (pattern, minimum, maximum; put after a validator, pydantic
# no longer writes them as JSON Schema), then one of these parsers, which decides. Constraints of
# the ``Query`` (``ge``, ``le``, ``max_length``) are checked on the parsed value.

ORG = BeforeValidator(org_code)
YEAR = BeforeValidator(fiscal_year)
DATE = BeforeValidator(iso_date)
#: A date that may be null (a JSON body's ``null``).
DATE_OR_NONE = BeforeValidator(lambda value: None if value is None else iso_date(value))
ID = BeforeValidator(identifier)
DIGITS = BeforeValidator(digits)
FLAG = BeforeValidator(flag)
ASCII = BeforeValidator(ascii_text)

_ORG_DESCRIPTION = "기관코드: seven-digit organisation code"
_YEAR_DESCRIPTION = "회계연도: fiscal year"

OrgPath = Annotated[str, Path(pattern=ORG_PATTERN, description=_ORG_DESCRIPTION, examples=["6110000"]), ORG]
YearPath = Annotated[
    int, Path(ge=FIRST_YEAR, le=LAST_YEAR, description=_YEAR_DESCRIPTION, examples=[2026]), YEAR
]
IdPath = Annotated[UUID, Path(description="The aggregate's id"), ID]
OrgQuery = Annotated[str | None, Query(pattern=ORG_PATTERN, description=_ORG_DESCRIPTION), ORG]
YearQuery = Annotated[int | None, Query(ge=FIRST_YEAR, le=LAST_YEAR, description=_YEAR_DESCRIPTION), YEAR]
