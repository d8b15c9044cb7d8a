"""원장 검증: the ledger's transparency log as a citizen meets it — the latest signed tree head,
its witnesses, the recent heads, and how to check that an event is in the log and that nothing
recorded was altered (every figure's history links here through its inclusion proof)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api import params
from api.deps import ReadConnection
from api.params import MAX_POSITION
from api.portal.i18n import language
from api.portal.rendering import Lang, context, render
from readmodels import transparency_log

RECENT = 10


def register(router: APIRouter) -> None:
    @router.get("/verification")
    def verification(
        request: Request,
        conn: ReadConnection,
        lang: Lang = None,
        position: Annotated[int | None, Query(ge=1, le=MAX_POSITION), params.DIGITS] = None,
    ) -> Response:
        chosen = language(lang)
        heads = transparency_log.recent_heads(conn, RECENT)
        size, last_position = transparency_log.tree_size(conn)
        leaf = transparency_log.leaf_at(conn, position) if position is not None else None
        page = context(
            request,
            chosen,
            "/verification",
            {"position": position},
            latest=heads[0] if heads else None,
            tree_size=size,
            last_position=last_position,
            heads=heads,
            position=position,
            leaf=leaf,
            keys=transparency_log.verifier_keys(conn),
        )
        return render(request, "verification.html", page)
