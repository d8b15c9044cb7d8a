"""The response headers the API sends, declared in the OpenAPI document from one table.

Each :class:`SentHeader` says which header, on which operations and statuses, and why; the
document's ``install`` step (:func:`declare`) writes it into ``responses[status].headers`` of each
operation it applies to, so generated clients get typed access and readers of the document learn
the header exists. The tests check every real answer against the document (tests/contract.py):
a header sent but not declared here, or by the route itself, fails the test that received it.

Headers every answer carries are not declared per operation but listed once in
:data:`EVERY_RESPONSE` (and in docs/api.md and the document's description): the security headers
(:mod:`api.security_headers`) and the transport's own (content type and length, date, server …).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Under these path prefixes answers are counted against the public rate limit (api.limits).
RATE_LIMITED_PREFIXES: tuple[str, ...] = ("/api/v1/public", "/api/v1/status")

#: The name of the public rate limit's policy in ``RateLimit-Policy`` and ``RateLimit``.
RATE_LIMIT_POLICY = "public"

#: Headers on every answer, whatever the operation: not declared per operation (lower case).
EVERY_RESPONSE: frozenset[str] = frozenset(
    {
        # Security headers (api.security_headers): every answer, the portal's pages to problems.
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
        # The transport's own: what the body is and how long, when, by what, and how it varies.
        "content-type",
        "content-length",
        "date",
        "server",
        "vary",
    }
)

#: The schema of an integer header (seconds, positions, counts).
_INTEGER = {"type": "integer", "minimum": 0}
_STRING = {"type": "string"}

Applies = Callable[[str, str, dict[str, Any]], bool]


def _is_command(path: str, method: str, operation: dict[str, Any]) -> bool:
    return method == "post" and path.startswith("/api/v1/orgs/")


def _every(path: str, method: str, operation: dict[str, Any]) -> bool:
    return True


def _takes_known_at(path: str, method: str, operation: dict[str, Any]) -> bool:
    return any(p.get("name") == "known_at" for p in operation.get("parameters", []))


#: Media types answered as a file to save (``Content-Disposition: attachment``).
DOWNLOAD_MEDIA_TYPES = frozenset(
    {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"}
)


def _downloads(path: str, method: str, operation: dict[str, Any]) -> bool:
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    return any(media.split(";")[0].strip() in DOWNLOAD_MEDIA_TYPES for media in content)


def _rate_limited(path: str, method: str, operation: dict[str, Any]) -> bool:
    return path.startswith(RATE_LIMITED_PREFIXES)


@dataclass(frozen=True)
class SentHeader:
    """A header some answers carry: on the responses ``statuses`` (``"*"``: every response the
    operation declares) of the operations ``applies`` accepts (by path, method, operation)."""

    name: str
    description: str
    schema: dict[str, Any]
    statuses: tuple[str, ...]
    applies: Applies


SENT: tuple[SentHeader, ...] = (
    SentHeader(
        "ETag",
        'The version of the resource the command\'s If-Match names, after the command, quoted (`"3"`): '
        "send it back as If-Match on that resource (each command's description names it). "
        "A replayed answer carries the version the first answer did.",
        _STRING,
        ("201",),
        _is_command,
    ),
    SentHeader(
        "Idempotent-Replayed",
        "`true` when this is the stored answer to an earlier request with the same "
        "`Idempotency-Key`: nothing new was recorded. Absent on a first answer.",
        {"type": "string", "enum": ["true"]},
        ("201",),
        _is_command,
    ),
    SentHeader(
        "Retry-After",
        "Seconds to wait before trying again (RFC 9110): until the rate limit or the failed "
        "authentications' window allows a request (429), or until the views, time travel or a "
        "contended aggregate may answer (503).",
        {"type": "integer", "minimum": 1},
        ("429", "503"),
        _every,
    ),
    SentHeader(
        "WWW-Authenticate",
        "The scheme a key is sent with (RFC 6750): `Bearer`, with the error when a key was sent but refused.",
        _STRING,
        ("401",),
        _every,
    ),
    SentHeader(
        "X-Known-At-Position",
        "The log position the answer was computed at, when `known_at` was given.",
        _INTEGER,
        ("200",),
        _takes_known_at,
    ),
    SentHeader(
        "Content-Disposition",
        "A download's file name (RFC 6266, with `filename*` for non-ASCII names): "
        '`attachment; filename="…"`. Only on the CSV, XLSX and PDF media types.',
        _STRING,
        ("200",),
        _downloads,
    ),
    SentHeader(
        "RateLimit-Policy",
        f'The public rate limit (draft-ietf-httpapi-ratelimit-headers): `"{RATE_LIMIT_POLICY}";q=Q;w=W`, '
        "a bucket of Q requests per client address that refills completely in W seconds (Q/W a "
        "second). Absent when the server runs without a limit.",
        _STRING,
        ("*",),
        _rate_limited,
    ),
    SentHeader(
        "RateLimit",
        f'What is left of the public rate limit: `"{RATE_LIMIT_POLICY}";r=R;t=T`, R requests may be '
        "sent at once now, and the bucket is full again in T seconds. Absent when the server runs "
        "without a limit.",
        _STRING,
        ("*",),
        _rate_limited,
    ),
)


def declare(schema: dict[str, Any], sent: tuple[SentHeader, ...] = SENT) -> None:
    """Write each header of ``sent`` into the responses it may appear on. A declaration a route
    made itself is kept."""
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            responses = operation.get("responses", {})
            for header in sent:
                if not header.applies(path, method, operation):
                    continue
                statuses = list(responses) if "*" in header.statuses else header.statuses
                for status in statuses:
                    if status in responses:
                        declared = responses[status].setdefault("headers", {})
                        if not any(name.lower() == header.name.lower() for name in declared):
                            declared[header.name] = {
                                "description": header.description,
                                "schema": dict(header.schema),
                            }


def rate_limit_description(per_minute: int) -> str:
    """How the public rate limit works at ``per_minute`` (the default setting in the document)."""
    capacity = bucket_capacity(per_minute)
    return (
        f"Rate-limited per client address: a token bucket of {capacity} requests, refilled at "
        f"{per_minute} a minute ({per_minute / 60:g} a second) by default "
        "(`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's allowance, "
        f"at least 10). A burst of {capacity} back-to-back requests goes through, then one every "
        f"{60 / per_minute:g} s. Each answer announces the limit and what is left (`RateLimit-Policy`, "
        "`RateLimit`); a refusal is 429 `too-many-requests` with `Retry-After`."
    )


def bucket_capacity(per_minute: int) -> int:
    """The burst a client may send at once: a sixth of a minute's allowance, at least 10."""
    return max(per_minute // 6, 10)


def refill_seconds(per_minute: int) -> int:
    """Seconds an empty bucket takes to fill again (the policy's window ``w``)."""
    return math.ceil(bucket_capacity(per_minute) * 60 / per_minute)
