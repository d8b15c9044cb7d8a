"""The ``Content-Disposition`` of a download (내려받기 파일 이름), as RFC 6266 writes it.

A header is Latin-1 on the wire: a file name with other characters (an organisation code in
Arabic-Indic digits once made one) cannot be written as it is. The header therefore carries an
ASCII ``filename="…"`` for every client and the exact name as ``filename*=UTF-8''…``
(RFC 8187 percent-encoding), which clients that know it prefer. File names are built from
validated values (:mod:`api.params`) in the first place; this is where any name becomes a header.
"""

from __future__ import annotations

import re
from urllib.parse import quote

#: Kept as they are in the ASCII name; anything else becomes ``_``.
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._-]")
#: RFC 8187 ``attr-char``: what ``filename*`` may carry without percent-encoding.
_ATTR_CHARS = "!#$&+-.^_`|~"


def content_disposition(filename: str) -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded`` for ``filename``."""
    fallback = _UNSAFE_ASCII.sub("_", filename).lstrip(".")
    if not fallback.strip("_"):
        fallback = "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe=_ATTR_CHARS)}"
