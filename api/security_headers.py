"""Security headers on every answer (보안 헤더): the portal's pages, the API's JSON and problems,
downloads, and the commands the fast path answers.

* ``Content-Security-Policy``: the portal runs no script at all and loads its style sheet from its
  own origin, so its policy allows its own origin only, no inline script or style, no framing, no
  ``<base>``, forms posting only to itself. Every answer carries it: a JSON or CSV answer opened
  in a browser is then as inert as a page.
* ``/docs`` (Swagger UI) loads its script and style sheet from the jsDelivr CDN; its policy
  allows that origin for those two kinds, inline style (Swagger UI sets some), and no inline
  script: the page's own start-up script is served from this origin (:mod:`api.docs_page`).
* ``X-Content-Type-Options: nosniff``: a download or a problem is never read as HTML.
* ``Referrer-Policy: no-referrer``: links out of the portal say nothing of what was read.
* ``X-Frame-Options: DENY``: no framing, for browsers that predate ``frame-ancestors``.

The middleware is the outermost layer of :class:`api.app.LedgerApp`, outside the command fast path
too, so no answer leaves without them. A header a route set itself is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Directives every policy has: no plugins, no framing, no ``<base>``, forms only to this origin.
_LOCKED = "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

PORTAL_POLICY = f"default-src 'self'; img-src 'self' data:; {_LOCKED}"

#: Where Swagger UI's script and style sheet come from (api.docs_page).
SWAGGER_CDN = "https://cdn.jsdelivr.net"
DOCS_POLICY = (
    f"default-src 'self'; script-src 'self' {SWAGGER_CDN}; style-src 'self' {SWAGGER_CDN} 'unsafe-inline'; "
    f"img-src 'self' data:; connect-src 'self'; {_LOCKED}"
)
#: The paths that get :data:`DOCS_POLICY` (the page and its start-up script).
DOCS_PATHS = frozenset({"/docs", "/docs/swagger-start.js"})


def _headers(policy: str) -> tuple[tuple[bytes, bytes], ...]:
    return (
        (b"content-security-policy", policy.encode("ascii")),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )


class SecurityHeaders:
    """Add the security headers to every HTTP answer of ``app``."""

    def __init__(self, app: ASGIApp, docs_paths: Iterable[str] = DOCS_PATHS) -> None:
        self.app = app
        self.docs_paths = frozenset(docs_paths)
        self._portal = _headers(PORTAL_POLICY)
        self._docs = _headers(DOCS_POLICY)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self._docs if scope["path"] in self.docs_paths else self._portal

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {bytes(name).lower() for name, _ in headers}
                headers.extend(header for header in extra if header[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
