"""The public open API (공개 API, ``/api/v1/public/…``): the disclosure tables, read-only, no key.

One endpoint per disclosed table (:data:`readmodels.public_queries.PUBLIC_TABLES`) and one for a
contract's detail. Every list takes the same filters, a whitelisted sort, keyset paging and
``format`` (``json``, ``csv``, ``xlsx``); its schemas are built from the table's description, so
the columns in the schema, the JSON, the CSV and the XLSX are the same whitelist.

JSON pages are serialised with orjson straight from the rows (the response model documents them
and is not run per row): a page of a thousand rows costs one index range scan and one dumps.
"""

# No ``from __future__ import annotations``: the endpoints are made in closures, and FastAPI must
# see their ``Annotated`` parameters evaluated, with the table each closure describes.
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, create_model

from api import params
from api.deps import MinPosition, Services
from api.downloads import content_disposition
from api.params import NO_NUL, OrgQuery, YearQuery
from api.problems import PROBLEM_JSON, ApiProblem, Problem, problem_responses
from readmodels import exports
from readmodels import public_queries as queries
from readmodels.public_queries import Filters, PublicQueryError, PublicTable

PREFIX = "/api/v1/public"
#: Rows per query of a download; each batch is one short query on its own connection.
DOWNLOAD_BATCH_SIZE = 2000


EXAMPLES: dict[str, Any] = {
    "org": "6110000",
    "fiscal_year": 2026,
    "code": "100-080-081-1001-2001-3001-201-01",
    "line_title": "어르신 복지관 운영",
    "title": "어르신 복지관 운영",
    "department": "복지정책과",
    "description": "복지관 운영 물품 구매",
    "amount": 1_400_000,
    "original_amount": 1_200_000,
    "returned": 50_000,
    "quarter": 1,
    "kind": "allocated",
    "status": "approved",
    "method": "private",
    "private_reason": "emergency",
    "private_reason_detail": "수해 긴급 복구",
    "supplier_kind": "business",
    "payee_kind": "business",
    "supplier_name": "(주)한빛상사",
    "payee_name": "(주)한빛상사",
    "vendor_name": "(주)부실산업",
    "supplier_business_number": "123-45-67890",
    "payee_business_number": "123-45-67890",
    "business_number": "345-67-89012",
    "ground": "입찰 담합",
    "account": "100",
    "field": "080",
    "sector": "081",
    "policy_project": "1001",
    "unit_project": "2001",
    "detailed_project": "3001",
    "budget_item": "201-01",
    "execution_rate": 12.5,
    "amendments": 2,
    "position": 1042,
}
_ID_EXAMPLE = "3f2b8c1e-9a4d-4e0b-8f6a-2c1d7e9b5a10"
_DATE_EXAMPLE = date(2026, 2, 10)


def _example(name: str, python_type: type) -> Any:
    if name in EXAMPLES:
        return EXAMPLES[name]
    if name.endswith("_id"):
        return _ID_EXAMPLE
    if python_type is date:
        return _DATE_EXAMPLE
    if python_type is bool:
        return True
    if python_type is int:
        return 1_000_000
    return "…"


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("-", "_").split("_"))


def _fields(spec: PublicTable, names: list[str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in names:
        label = spec.labels[name]
        python_type: Any = spec.python_type(name)
        if name.endswith("_id"):
            python_type = UUID  # the ids the commands take (``format: uuid``), stored as their text
        annotation = python_type | None if name not in spec.derived and spec.nullable(name) else python_type
        fields[name] = (annotation, Field(description=label, examples=[_example(name, python_type)]))
    return fields


def row_model(spec: PublicTable) -> type[BaseModel]:
    fields = _fields(spec, list(spec.labels))
    example = {name: _example(name, spec.python_type(name)) for name in fields}
    model: type[BaseModel] = create_model(
        f"Public{_camel(spec.name)}Row",
        __config__=ConfigDict(json_schema_extra={"examples": [example]}),
        __doc__=f"One row of {spec.title} ({spec.name}).",
        **fields,
    )
    return model


def totals_model(spec: PublicTable) -> type[BaseModel]:
    fields: dict[str, Any] = {
        "count": (int, Field(description="건수: rows the filters select", examples=[1234])),
    }
    for name in spec.amounts:
        fields[name] = (int, Field(description=f"{spec.labels[name]} 합계 (won)", examples=[12_500_000]))
    model: type[BaseModel] = create_model(
        f"Public{_camel(spec.name)}Totals",
        __doc__="합계: the count and the amount sums over every row the filters select (all pages).",
        **fields,
    )
    return model


def page_model(spec: PublicTable) -> type[BaseModel]:
    row: Any = row_model(spec)
    sums: Any = totals_model(spec)
    fields: dict[str, Any] = {
        "items": (list[row], Field(description="The rows of this page, in the sort order")),
        "next_cursor": (
            str | None,
            Field(
                description="Pass as `cursor` for the next page; null on the last page", examples=["eyJm…"]
            ),
        ),
        "totals": (
            sums | None,
            Field(description="With totals=true (on any page); else null"),
        ),
    }
    model: type[BaseModel] = create_model(
        f"Public{_camel(spec.name)}Page", __doc__=f"A page of {spec.title} ({spec.name}).", **fields
    )
    return model


# --- the list query -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListQuery:
    filters: Filters
    sort: str | None
    limit: int
    cursor: str | None
    totals: bool


@dataclass(frozen=True)
class DownloadQuery:
    filters: Filters
    sort: str | None
    cursor: str | None


def _download_query(spec: PublicTable) -> Any:
    """The filter, sort and cursor parameters of ``spec``'s list and downloads, described for it."""
    sorts = ", ".join(f"`{name}`" for name in spec.sorts)
    dates = spec.date_label or "nothing (refused for this table)"

    async def download_query(
        org: OrgQuery = None,
        year: YearQuery = None,
        code_prefix: Annotated[
            str | None,
            Query(
                min_length=1,
                pattern=NO_NUL,
                max_length=60,
                description="Start of the budget (or revenue) code, e.g. `100-080` for the "
                "social-welfare field of the general account",
            ),
        ] = None,
        date_from: Annotated[
            date | None, Query(description=f"From this day (inclusive): {dates}"), params.DATE
        ] = None,
        date_to: Annotated[
            date | None, Query(description=f"To this day (inclusive): {dates}"), params.DATE
        ] = None,
        as_of: Annotated[
            date | None,
            Query(
                description="회계일자 기준: the table as of this accounting date. "
                + (
                    "Every amount is the sum of the line's movements with accounting dates up to it."
                    if spec.as_of == "daily"
                    else f"Only rows with {dates} on or before it."
                    if spec.as_of == "date"
                    else "Not available for this table (refused)."
                )
            ),
            params.DATE,
        ] = None,
        vendor: Annotated[
            str | None,
            Query(
                min_length=1,
                pattern=NO_NUL,
                max_length=200,
                description="A business: its id or registration number (exact), or part of its name",
            ),
        ] = None,
        q: Annotated[
            str | None,
            Query(
                min_length=1,
                pattern=NO_NUL,
                max_length=200,
                description="Text in " + ", ".join(spec.text) + " (case-insensitive, taken literally)",
            ),
        ] = None,
        sort: Annotated[
            str | None,
            Query(
                pattern=NO_NUL,
                max_length=40,
                description=f"One of {sorts}; prefix `-` for descending. Default `{spec.default_sort}`"
                + (" (by organisation, year, then code)" if spec.default_sort == "code" else ""),
            ),
        ] = None,
        cursor: Annotated[
            str | None,
            Query(pattern=NO_NUL, max_length=2000, description="`next_cursor` of the previous page"),
        ] = None,
    ) -> DownloadQuery:
        filters = Filters(org, year, code_prefix, date_from, date_to, vendor, q, as_of)
        return DownloadQuery(filters, sort, cursor)

    return download_query


def _list_query(spec: PublicTable) -> Any:
    """The query parameters of ``spec``'s list: those of its downloads, a page size and totals."""
    selected = _download_query(spec)

    async def list_query(
        selection: Annotated[DownloadQuery, Depends(selected)],
        limit: Annotated[
            int, Query(ge=1, le=queries.MAX_LIMIT, description="Rows per page"), params.DIGITS
        ] = 50,
        totals: Annotated[
            bool,
            Query(
                description="true: add the count and amount sums over every page (costs a scan of "
                "the selected rows, so it is asked for, not given by default)"
            ),
            params.FLAG,
        ] = False,
    ) -> ListQuery:
        return ListQuery(selection.filters, selection.sort, limit, selection.cursor, totals)

    return list_query


def _refused(error: PublicQueryError) -> ApiProblem:
    return ApiProblem(400, error.code, error.title, error.detail)


def _filename(spec: PublicTable, filters: Filters, extension: str) -> str:
    # From the table's own name and validated values only (an org is seven ASCII digits).
    parts = [spec.name, filters.org, str(filters.year) if filters.year else None]
    return "-".join(part for part in parts if part) + f".{extension}"


#: The downloads of every list: ``GET …/{name}.csv`` and ``GET …/{name}.xlsx``; each answers one
#: media type (bytes to a generated client).
DOWNLOAD_FORMATS: dict[str, str] = {"csv": exports.CSV_MEDIA_TYPE, "xlsx": exports.XLSX_MEDIA_TYPE}


def download_responses(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The 200 of a download: its one media type, as bytes, and its ``Content-Disposition``."""
    return {
        200: {
            "description": description,
            "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
            "headers": {
                "Content-Disposition": {
                    "description": "`attachment` with the file's name, ASCII `filename` and UTF-8 "
                    "`filename*` (RFC 6266)",
                    "schema": {"type": "string"},
                }
            },
        }
    }


def moved_download(request: Request, path: str) -> None:
    """Refuse the old ``?format=csv|xlsx`` of a JSON operation, saying where the download went.

    Not a declared parameter (the operation answers JSON only); the refusal keeps an old client
    from taking a JSON page for its file."""
    fmt = request.query_params.get("format")
    if fmt is None or fmt == "json":
        return
    where = f"{path}.{fmt}" if fmt in ("csv", "xlsx") else f"{path}.csv"
    raise ApiProblem(
        400,
        "download-moved",
        "Downloads are operations of their own",
        f"format={fmt} is no longer taken here: GET {where} with the same parameters.",
        numbers={"location": where},
    )


def _download(
    services: Any,
    spec: PublicTable,
    order: queries.Order,
    query: DownloadQuery,
    after: queries.After | None,
    fmt: str,
) -> StreamingResponse:
    rows = queries.batches(services.read_engine, order, query.filters, DOWNLOAD_BATCH_SIZE, after)
    if fmt == "csv":
        body = exports.csv_chunks(spec.labels, rows)
    else:
        body = exports.xlsx_chunks(spec.labels, rows, spec.title)
    filename = _filename(spec, query.filters, fmt)
    return StreamingResponse(
        body, media_type=DOWNLOAD_FORMATS[fmt], headers={"Content-Disposition": content_disposition(filename)}
    )


_BAD_REQUEST: dict[int | str, dict[str, Any]] = {
    400: {
        "model": Problem,
        "description": "invalid-sort, invalid-cursor (also a cursor of another sort or filter), "
        "unsupported-filter, or download-moved (`format=csv|xlsx`: the download is `….csv`/`….xlsx`)",
        "content": {PROBLEM_JSON: {}},
    }
}


def _list_endpoint(spec: PublicTable) -> Any:
    query_of = _list_query(spec)
    path = f"{PREFIX}/{spec.name}"

    def endpoint(
        request: Request, services: Services, query: Annotated[ListQuery, Depends(query_of)], _: MinPosition
    ) -> Response:
        moved_download(request, path)
        try:
            table = queries.at_date(spec, query.filters)
            order = queries.parse_sort(table, query.sort)
            after = queries.decode_cursor(order, query.filters, query.cursor) if query.cursor else None
            with services.read_engine.connect() as conn:
                found = queries.page(conn, order, query.filters, query.limit, after)
                # Opt-in: a sum scans every selected row (~35 ms for 10 000 rows on PostgreSQL),
                # while a page is one short index range: a first page costs what any page does.
                sums = queries.totals(conn, table, query.filters) if query.totals else None
        except PublicQueryError as error:
            raise _refused(error) from error
        next_cursor = (
            queries.encode_cursor(order, query.filters, found.after) if found.after is not None else None
        )
        body = {"items": found.rows, "next_cursor": next_cursor, "totals": sums}
        return Response(orjson.dumps(body), media_type="application/json")

    return endpoint


def _download_endpoint(spec: PublicTable, fmt: str) -> Any:
    query_of = _download_query(spec)

    def endpoint(
        services: Services, query: Annotated[DownloadQuery, Depends(query_of)], _: MinPosition
    ) -> StreamingResponse:
        try:
            table = queries.at_date(spec, query.filters)
            order = queries.parse_sort(table, query.sort)
            after = queries.decode_cursor(order, query.filters, query.cursor) if query.cursor else None
            queries.conditions(table, query.filters)  # refuse a filter before the stream starts
        except PublicQueryError as error:
            raise _refused(error) from error
        return _download(services, spec, order, query, after, fmt)

    return endpoint


LIST_DESCRIPTION = """
{title} ({name}), as the disclosure projection holds it.

* **Filters** combine with AND: `org`, `year`, `code_prefix`, `date_from`/`date_to` (on {dates}),
  `vendor`, `q`, `as_of` (the table as of an accounting date, where it applies). A filter this
  table does not have is refused (400 `unsupported-filter`).
* **Sort**: {sorts}; `-` for descending; the primary key breaks ties. Rows without a value of the
  sort column come last (first when descending).
* **Paging** is by keyset: pass `next_cursor` as `cursor`. A cursor belongs to its sort and
  filters; with any other it is refused (400 `invalid-cursor`). There is no offset.
* **Totals** (count and amount sums over all pages) come with `totals=true`, on any page; they
  scan every selected row, so they are not computed unless asked for.
* **Downloads** are operations of their own: `GET {path}.csv` (UTF-8 with BOM) and
  `GET {path}.xlsx` take the same filters, sort and cursor and stream every row they select.
  This operation answers JSON only; the old `format=csv|xlsx` is refused (400 `download-moved`).
* `min_position` waits until the views include that log position (read your own write).
"""

DOWNLOAD_DESCRIPTION = """
{title} ({name}) as a {fmt} file: every row the filters of `{path}` select, in the sort order,
streamed (there is no `limit`; a `cursor` starts after its row). CSV is UTF-8 with a byte-order
mark; XLSX is one sheet. Column headers are Korean with the JSON field name in brackets, e.g.
`계약금액 (amount)`. Refusals are those of the list, before the file starts.
"""


def build_router() -> APIRouter:
    router = APIRouter(prefix=PREFIX, tags=["public"])
    errors = {**_BAD_REQUEST, **problem_responses(422, 429, 503)}
    for spec in queries.PUBLIC_TABLES.values():
        description = LIST_DESCRIPTION.format(
            title=spec.title,
            name=spec.name,
            path=f"{PREFIX}/{spec.name}",
            dates=spec.date_label or "nothing: this table has no date filter",
            sorts=", ".join(f"`{name}`" for name in spec.sorts) + f" (default `{spec.default_sort}`)",
        )
        router.add_api_route(
            f"/{spec.name}",
            _list_endpoint(spec),
            methods=["GET"],
            response_model=page_model(spec),
            summary=f"{spec.title} — {spec.name}",
            description=description,
            operation_id=f"public_{spec.name.replace('-', '_')}",
            responses=errors,
        )
        for fmt, media_type in DOWNLOAD_FORMATS.items():
            router.add_api_route(
                f"/{spec.name}.{fmt}",
                _download_endpoint(spec, fmt),
                methods=["GET"],
                response_class=StreamingResponse,
                response_model=None,
                summary=f"{spec.title} — {spec.name}, as {fmt.upper()}",
                description=DOWNLOAD_DESCRIPTION.format(
                    title=spec.title, name=spec.name, fmt=fmt.upper(), path=f"{PREFIX}/{spec.name}"
                ),
                operation_id=f"public_{spec.name.replace('-', '_')}_{fmt}",
                responses={
                    **download_responses(media_type, f"Every selected row, as {fmt.upper()}"),
                    **errors,
                },
            )
    _add_contract_detail(router)
    return router


# --- one contract ---------------------------------------------------------------------------------


class Amendment(BaseModel):
    """변경계약: one amendment of a contract."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "position": 1042,
                    "amended_on": "2026-03-05",
                    "previous_amount": 1_200_000,
                    "new_amount": 1_400_000,
                    "new_ends": None,
                    "reason": "수량 증가",
                }
            ]
        }
    )
    position: int = Field(description=queries.AMENDMENT_LABELS["position"])
    amended_on: date | None = Field(description=queries.AMENDMENT_LABELS["amended_on"])
    previous_amount: int | None = Field(description=queries.AMENDMENT_LABELS["previous_amount"])
    new_amount: int | None = Field(description=queries.AMENDMENT_LABELS["new_amount"])
    new_ends: date | None = Field(description=queries.AMENDMENT_LABELS["new_ends"])
    reason: str | None = Field(description=queries.AMENDMENT_LABELS["reason"])


class Inspection(BaseModel):
    """검수: the contract's latest inspection (the projection keeps the latest only)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"inspected_on": "2026-08-10", "inspected_amount": 1_400_000, "passed": True}]
        }
    )
    inspected_on: date | None = Field(description=queries.INSPECTION_LABELS["inspected_on"])
    inspected_amount: int | None = Field(description=queries.INSPECTION_LABELS["inspected_amount"])
    passed: bool | None = Field(description=queries.INSPECTION_LABELS["passed"])


def contract_detail_model() -> type[BaseModel]:
    payment: Any = row_model(queries.EXPENDITURES)
    fields: dict[str, Any] = {
        "amendment_history": (list[Amendment], Field(description="변경계약: oldest first")),
        "inspections": (list[Inspection], Field(description="검수: the latest inspection, if any")),
        "payments": (
            list[payment],
            Field(description="대가지급: payments under the contract, by payment date"),
        ),
    }
    model: type[BaseModel] = create_model(
        "PublicContractDetail",
        __base__=row_model(queries.CONTRACTS),
        __doc__="계약 상세: a contract with its amendments, inspection and payments to date.",
        **fields,
    )
    return model


def _add_contract_detail(router: APIRouter) -> None:
    def contract_detail(
        services: Services,
        contract_id: Annotated[UUID, Path(description="계약 ID", examples=[_ID_EXAMPLE]), params.ID],
        _: MinPosition,
    ) -> Response:
        with services.read_engine.connect() as conn:
            found = queries.contract(conn, str(contract_id))
        if found is None:
            raise ApiProblem(404, "not-found", "No such contract", f"No contract {contract_id} is disclosed.")
        return Response(orjson.dumps(found), media_type="application/json")

    router.add_api_route(
        "/contracts/{contract_id}",
        contract_detail,
        methods=["GET"],
        response_model=contract_detail_model(),
        summary="계약 상세 — one contract",
        description="A contract with its amendments (변경계약), latest inspection (검수) and the payments "
        "made under it to date (대가지급), from the projected tables. `min_position` reads your own write.",
        operation_id="public_contract",
        responses={**problem_responses(404, 422, 429, 503)},
    )
