from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
import datetime



def _get_kwargs(
    *,
    org: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    code_prefix: None | str | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    vendor: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_org: None | str | Unset
    if isinstance(org, Unset):
        json_org = UNSET
    else:
        json_org = org
    params["org"] = json_org

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_code_prefix: None | str | Unset
    if isinstance(code_prefix, Unset):
        json_code_prefix = UNSET
    else:
        json_code_prefix = code_prefix
    params["code_prefix"] = json_code_prefix

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_vendor: None | str | Unset
    if isinstance(vendor, Unset):
        json_vendor = UNSET
    else:
        json_vendor = vendor
    params["vendor"] = json_vendor

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_sort: None | str | Unset
    if isinstance(sort, Unset):
        json_sort = UNSET
    else:
        json_sort = sort
    params["sort"] = json_sort

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/public/expenditures.csv",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    org: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    code_prefix: None | str | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    vendor: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[File | Problem]:
    """ 지출현황 — expenditures, as CSV

     지출현황 (expenditures) as a CSV file: every row the filters of `/api/v1/public/expenditures` select, in
    the sort order,
    streamed (there is no `limit`; a `cursor` starts after its row). CSV is UTF-8 with a byte-order
    mark; XLSX is one sheet. Column headers are Korean with the JSON field name in brackets, e.g.
    `계약금액 (amount)`. Refusals are those of the list, before the file starts.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): paid_on (지급일자)
        date_to (datetime.date | None | Unset): To this day (inclusive): paid_on (지급일자)
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Only
            rows with paid_on (지급일자) on or before it.
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in description, line_title (case-insensitive, taken
            literally)
        sort (None | str | Unset): One of `code`, `paid_on`, `amount`; prefix `-` for descending.
            Default `code` (by organisation, year, then code)
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
year=year,
code_prefix=code_prefix,
date_from=date_from,
date_to=date_to,
as_of=as_of,
vendor=vendor,
q=q,
sort=sort,
cursor=cursor,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    org: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    code_prefix: None | str | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    vendor: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> File | Problem | None:
    """ 지출현황 — expenditures, as CSV

     지출현황 (expenditures) as a CSV file: every row the filters of `/api/v1/public/expenditures` select, in
    the sort order,
    streamed (there is no `limit`; a `cursor` starts after its row). CSV is UTF-8 with a byte-order
    mark; XLSX is one sheet. Column headers are Korean with the JSON field name in brackets, e.g.
    `계약금액 (amount)`. Refusals are those of the list, before the file starts.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): paid_on (지급일자)
        date_to (datetime.date | None | Unset): To this day (inclusive): paid_on (지급일자)
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Only
            rows with paid_on (지급일자) on or before it.
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in description, line_title (case-insensitive, taken
            literally)
        sort (None | str | Unset): One of `code`, `paid_on`, `amount`; prefix `-` for descending.
            Default `code` (by organisation, year, then code)
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        client=client,
org=org,
year=year,
code_prefix=code_prefix,
date_from=date_from,
date_to=date_to,
as_of=as_of,
vendor=vendor,
q=q,
sort=sort,
cursor=cursor,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    org: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    code_prefix: None | str | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    vendor: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[File | Problem]:
    """ 지출현황 — expenditures, as CSV

     지출현황 (expenditures) as a CSV file: every row the filters of `/api/v1/public/expenditures` select, in
    the sort order,
    streamed (there is no `limit`; a `cursor` starts after its row). CSV is UTF-8 with a byte-order
    mark; XLSX is one sheet. Column headers are Korean with the JSON field name in brackets, e.g.
    `계약금액 (amount)`. Refusals are those of the list, before the file starts.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): paid_on (지급일자)
        date_to (datetime.date | None | Unset): To this day (inclusive): paid_on (지급일자)
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Only
            rows with paid_on (지급일자) on or before it.
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in description, line_title (case-insensitive, taken
            literally)
        sort (None | str | Unset): One of `code`, `paid_on`, `amount`; prefix `-` for descending.
            Default `code` (by organisation, year, then code)
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
year=year,
code_prefix=code_prefix,
date_from=date_from,
date_to=date_to,
as_of=as_of,
vendor=vendor,
q=q,
sort=sort,
cursor=cursor,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    org: None | str | Unset = UNSET,
    year: int | None | Unset = UNSET,
    code_prefix: None | str | Unset = UNSET,
    date_from: datetime.date | None | Unset = UNSET,
    date_to: datetime.date | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    vendor: None | str | Unset = UNSET,
    q: None | str | Unset = UNSET,
    sort: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> File | Problem | None:
    """ 지출현황 — expenditures, as CSV

     지출현황 (expenditures) as a CSV file: every row the filters of `/api/v1/public/expenditures` select, in
    the sort order,
    streamed (there is no `limit`; a `cursor` starts after its row). CSV is UTF-8 with a byte-order
    mark; XLSX is one sheet. Column headers are Korean with the JSON field name in brackets, e.g.
    `계약금액 (amount)`. Refusals are those of the list, before the file starts.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): paid_on (지급일자)
        date_to (datetime.date | None | Unset): To this day (inclusive): paid_on (지급일자)
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Only
            rows with paid_on (지급일자) on or before it.
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in description, line_title (case-insensitive, taken
            literally)
        sort (None | str | Unset): One of `code`, `paid_on`, `amount`; prefix `-` for descending.
            Default `code` (by organisation, year, then code)
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        client=client,
org=org,
year=year,
code_prefix=code_prefix,
date_from=date_from,
date_to=date_to,
as_of=as_of,
vendor=vendor,
q=q,
sort=sort,
cursor=cursor,
min_position=min_position,

    )).parsed
