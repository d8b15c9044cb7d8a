"""The API's documentation page (``/docs``, Swagger UI) without inline script.

FastAPI's own page starts Swagger UI with an inline ``<script>``, which the security policy
refuses (:mod:`api.security_headers`). This page is the same Swagger UI from the same CDN, started
by a script served from this origin (``/docs/swagger-start.js``), so the page's policy needs no
``'unsafe-inline'`` for scripts. ReDoc (FastAPI's ``/redoc``) is not served: it would need fonts
and a worker from further origins, and ``/docs`` shows the same document.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

# A constant page, written out (no value of a request or of the code is put into it): Swagger UI 5
# from the CDN that api.security_headers.DOCS_POLICY allows.
_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clean Ledger API</title>
<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-start.js"></script>
</body>
</html>
"""

_START = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""


def build_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/docs")
    async def docs() -> HTMLResponse:
        return HTMLResponse(_PAGE)

    @router.get("/docs/swagger-start.js")
    async def swagger_start() -> Response:
        return Response(_START, media_type="text/javascript")

    return router
