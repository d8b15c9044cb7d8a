from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.public_debarred_vendors_page import PublicDebarredVendorsPage
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    limit: int | Unset = 50,
    totals: bool | Unset = False,
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

    params["limit"] = limit

    params["totals"] = totals

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
        "url": "/api/v1/public/debarred-vendors",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | PublicDebarredVendorsPage | None:
    if response.status_code == 200:
        response_200 = PublicDebarredVendorsPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | PublicDebarredVendorsPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 50,
    totals: bool | Unset = False,
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

) -> Response[Problem | PublicDebarredVendorsPage]:
    """ 부정당업체 — debarred-vendors

     부정당업체 (debarred-vendors), as the disclosure projection holds it.

    * **Filters** combine with AND: `org`, `year`, `code_prefix`, `date_from`/`date_to` (on the
    debarment period (제재기간): debarments in force on a day of the range),
      `vendor`, `q`, `as_of` (the table as of an accounting date, where it applies). A filter this
      table does not have is refused (400 `unsupported-filter`).
    * **Sort**: `starts`, `ends`, `vendor_name` (default `starts`); `-` for descending; the primary key
    breaks ties. Rows without a value of the
      sort column come last (first when descending).
    * **Paging** is by keyset: pass `next_cursor` as `cursor`. A cursor belongs to its sort and
      filters; with any other it is refused (400 `invalid-cursor`). There is no offset.
    * **Totals** (count and amount sums over all pages) come with `totals=true`, on any page; they
      scan every selected row, so they are not computed unless asked for.
    * **Downloads** are operations of their own: `GET /api/v1/public/debarred-vendors.csv` (UTF-8 with
    BOM) and
      `GET /api/v1/public/debarred-vendors.xlsx` take the same filters, sort and cursor and stream every
    row they select.
      This operation answers JSON only; the old `format=csv|xlsx` is refused (400 `download-moved`).
    * `min_position` waits until the views include that log position (read your own write).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        limit (int | Unset): Rows per page Default: 50.
        totals (bool | Unset): true: add the count and amount sums over every page (costs a scan
            of the selected rows, so it is asked for, not given by default) Default: False.
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        date_to (datetime.date | None | Unset): To this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Not
            available for this table (refused).
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in vendor_name, ground (case-insensitive, taken literally)
        sort (None | str | Unset): One of `starts`, `ends`, `vendor_name`; prefix `-` for
            descending. Default `starts`
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicDebarredVendorsPage]
     """


    kwargs = _get_kwargs(
        limit=limit,
totals=totals,
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
    limit: int | Unset = 50,
    totals: bool | Unset = False,
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

) -> Problem | PublicDebarredVendorsPage | None:
    """ 부정당업체 — debarred-vendors

     부정당업체 (debarred-vendors), as the disclosure projection holds it.

    * **Filters** combine with AND: `org`, `year`, `code_prefix`, `date_from`/`date_to` (on the
    debarment period (제재기간): debarments in force on a day of the range),
      `vendor`, `q`, `as_of` (the table as of an accounting date, where it applies). A filter this
      table does not have is refused (400 `unsupported-filter`).
    * **Sort**: `starts`, `ends`, `vendor_name` (default `starts`); `-` for descending; the primary key
    breaks ties. Rows without a value of the
      sort column come last (first when descending).
    * **Paging** is by keyset: pass `next_cursor` as `cursor`. A cursor belongs to its sort and
      filters; with any other it is refused (400 `invalid-cursor`). There is no offset.
    * **Totals** (count and amount sums over all pages) come with `totals=true`, on any page; they
      scan every selected row, so they are not computed unless asked for.
    * **Downloads** are operations of their own: `GET /api/v1/public/debarred-vendors.csv` (UTF-8 with
    BOM) and
      `GET /api/v1/public/debarred-vendors.xlsx` take the same filters, sort and cursor and stream every
    row they select.
      This operation answers JSON only; the old `format=csv|xlsx` is refused (400 `download-moved`).
    * `min_position` waits until the views include that log position (read your own write).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        limit (int | Unset): Rows per page Default: 50.
        totals (bool | Unset): true: add the count and amount sums over every page (costs a scan
            of the selected rows, so it is asked for, not given by default) Default: False.
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        date_to (datetime.date | None | Unset): To this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Not
            available for this table (refused).
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in vendor_name, ground (case-insensitive, taken literally)
        sort (None | str | Unset): One of `starts`, `ends`, `vendor_name`; prefix `-` for
            descending. Default `starts`
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicDebarredVendorsPage
     """


    return sync_detailed(
        client=client,
limit=limit,
totals=totals,
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
    limit: int | Unset = 50,
    totals: bool | Unset = False,
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

) -> Response[Problem | PublicDebarredVendorsPage]:
    """ 부정당업체 — debarred-vendors

     부정당업체 (debarred-vendors), as the disclosure projection holds it.

    * **Filters** combine with AND: `org`, `year`, `code_prefix`, `date_from`/`date_to` (on the
    debarment period (제재기간): debarments in force on a day of the range),
      `vendor`, `q`, `as_of` (the table as of an accounting date, where it applies). A filter this
      table does not have is refused (400 `unsupported-filter`).
    * **Sort**: `starts`, `ends`, `vendor_name` (default `starts`); `-` for descending; the primary key
    breaks ties. Rows without a value of the
      sort column come last (first when descending).
    * **Paging** is by keyset: pass `next_cursor` as `cursor`. A cursor belongs to its sort and
      filters; with any other it is refused (400 `invalid-cursor`). There is no offset.
    * **Totals** (count and amount sums over all pages) come with `totals=true`, on any page; they
      scan every selected row, so they are not computed unless asked for.
    * **Downloads** are operations of their own: `GET /api/v1/public/debarred-vendors.csv` (UTF-8 with
    BOM) and
      `GET /api/v1/public/debarred-vendors.xlsx` take the same filters, sort and cursor and stream every
    row they select.
      This operation answers JSON only; the old `format=csv|xlsx` is refused (400 `download-moved`).
    * `min_position` waits until the views include that log position (read your own write).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        limit (int | Unset): Rows per page Default: 50.
        totals (bool | Unset): true: add the count and amount sums over every page (costs a scan
            of the selected rows, so it is asked for, not given by default) Default: False.
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        date_to (datetime.date | None | Unset): To this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Not
            available for this table (refused).
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in vendor_name, ground (case-insensitive, taken literally)
        sort (None | str | Unset): One of `starts`, `ends`, `vendor_name`; prefix `-` for
            descending. Default `starts`
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicDebarredVendorsPage]
     """


    kwargs = _get_kwargs(
        limit=limit,
totals=totals,
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
    limit: int | Unset = 50,
    totals: bool | Unset = False,
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

) -> Problem | PublicDebarredVendorsPage | None:
    """ 부정당업체 — debarred-vendors

     부정당업체 (debarred-vendors), as the disclosure projection holds it.

    * **Filters** combine with AND: `org`, `year`, `code_prefix`, `date_from`/`date_to` (on the
    debarment period (제재기간): debarments in force on a day of the range),
      `vendor`, `q`, `as_of` (the table as of an accounting date, where it applies). A filter this
      table does not have is refused (400 `unsupported-filter`).
    * **Sort**: `starts`, `ends`, `vendor_name` (default `starts`); `-` for descending; the primary key
    breaks ties. Rows without a value of the
      sort column come last (first when descending).
    * **Paging** is by keyset: pass `next_cursor` as `cursor`. A cursor belongs to its sort and
      filters; with any other it is refused (400 `invalid-cursor`). There is no offset.
    * **Totals** (count and amount sums over all pages) come with `totals=true`, on any page; they
      scan every selected row, so they are not computed unless asked for.
    * **Downloads** are operations of their own: `GET /api/v1/public/debarred-vendors.csv` (UTF-8 with
    BOM) and
      `GET /api/v1/public/debarred-vendors.xlsx` take the same filters, sort and cursor and stream every
    row they select.
      This operation answers JSON only; the old `format=csv|xlsx` is refused (400 `download-moved`).
    * `min_position` waits until the views include that log position (read your own write).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        limit (int | Unset): Rows per page Default: 50.
        totals (bool | Unset): true: add the count and amount sums over every page (costs a scan
            of the selected rows, so it is asked for, not given by default) Default: False.
        org (None | str | Unset): 기관코드: seven-digit organisation code
        year (int | None | Unset): 회계연도: fiscal year
        code_prefix (None | str | Unset): Start of the budget (or revenue) code, e.g. `100-080`
            for the social-welfare field of the general account
        date_from (datetime.date | None | Unset): From this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        date_to (datetime.date | None | Unset): To this day (inclusive): the debarment period
            (제재기간): debarments in force on a day of the range
        as_of (datetime.date | None | Unset): 회계일자 기준: the table as of this accounting date. Not
            available for this table (refused).
        vendor (None | str | Unset): A business: its id or registration number (exact), or part of
            its name
        q (None | str | Unset): Text in vendor_name, ground (case-insensitive, taken literally)
        sort (None | str | Unset): One of `starts`, `ends`, `vendor_name`; prefix `-` for
            descending. Default `starts`
        cursor (None | str | Unset): `next_cursor` of the previous page
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicDebarredVendorsPage
     """


    return (await asyncio_detailed(
        client=client,
limit=limit,
totals=totals,
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
