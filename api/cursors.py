"""Opaque cursors of the lists that page by a number (checkpoints by log position, tree heads by
size): one page shape for every list, ``items`` and ``next_cursor``, as the public tables have.

A cursor is base64url JSON naming its list and the last number of the page it follows, so a
client passes it back as it got it and cannot mistake one list's cursor for another's.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated, Any

from fastapi import Query

from api.params import NO_NUL
from api.problems import PROBLEM_JSON, ApiProblem, Problem

#: The ``cursor`` query parameter of such a list.
CursorQuery = Annotated[
    str | None,
    Query(
        pattern=NO_NUL,
        max_length=200,
        description="`next_cursor` of the previous page (opaque)",
        examples=["eyJsIjoiY2hlY2twb2ludHMiLCJhIjoxMjAwMDB9"],
    ),
]
#: The 400 of such a list, for the OpenAPI document.
BAD_CURSOR: dict[int | str, dict[str, Any]] = {
    400: {
        "model": Problem,
        "description": "invalid-cursor: not a cursor of this list",
        "content": {PROBLEM_JSON: {}},
    }
}
#: Beyond any position or size the lists hold (BIGINT).
_LIMIT = 2**63


def encode(kind: str, after: int) -> str:
    body = json.dumps({"l": kind, "a": after}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(body).rstrip(b"=").decode()


def decode(kind: str, cursor: str) -> int:
    """The number ``cursor`` of list ``kind`` follows; 400 ``invalid-cursor`` for anything else."""
    try:
        body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        list_kind, after = body["l"], body["a"]
    except (ValueError, TypeError, KeyError, RecursionError, binascii.Error) as error:
        raise _invalid("The cursor is not one this API issued.") from error
    if list_kind != kind:
        raise _invalid("The cursor belongs to another list: request the first page of this one.")
    if not isinstance(after, int) or isinstance(after, bool) or not 0 <= after < _LIMIT:
        raise _invalid("The cursor is not one this API issued.")
    return after


def encode_text(kind: str, after: str) -> str:
    """A cursor of a list that pages by a text key (employees by 사번)."""
    return _encode({"l": kind, "t": after})


def decode_text(kind: str, cursor: str) -> str:
    """The text key ``cursor`` of list ``kind`` follows (printable ASCII, at most 64)."""
    try:
        body = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        list_kind, after = body["l"], body["t"]
    except (ValueError, TypeError, KeyError, RecursionError, binascii.Error) as error:
        raise _invalid("The cursor is not one this API issued.") from error
    if list_kind != kind:
        raise _invalid("The cursor belongs to another list: request the first page of this one.")
    if (
        not isinstance(after, str)
        or not 0 < len(after) <= 64
        or not after.isascii()
        or not after.isprintable()
    ):
        raise _invalid("The cursor is not one this API issued.")
    return after


def _encode(body: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(body, separators=(",", ":")).encode()).rstrip(b"=").decode()


def _invalid(detail: str) -> ApiProblem:
    return ApiProblem(400, "invalid-cursor", "The cursor does not belong to this query", detail)
