from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.report_diff_name import ReportDiffName
from ...models.report_diff_out import ReportDiffOut
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    org: str,
    name: ReportDiffName,
    *,
    from_known_at: str,
    to_known_at: str,
    as_of: datetime.date | None | Unset = UNSET,
    period_start: datetime.date | None | Unset = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["from_known_at"] = from_known_at

    params["to_known_at"] = to_known_at

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_period_start: None | str | Unset
    if isinstance(period_start, Unset):
        json_period_start = UNSET
    elif isinstance(period_start, datetime.date):
        json_period_start = period_start.isoformat()
    else:
        json_period_start = period_start
    params["period_start"] = json_period_start

    json_start: None | str | Unset
    if isinstance(start, Unset):
        json_start = UNSET
    elif isinstance(start, datetime.date):
        json_start = start.isoformat()
    else:
        json_start = start
    params["start"] = json_start

    json_end: None | str | Unset
    if isinstance(end, Unset):
        json_end = UNSET
    elif isinstance(end, datetime.date):
        json_end = end.isoformat()
    else:
        json_end = end
    params["end"] = json_end

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/public/orgs/{org}/reports/{name}/diff".format(org=quote(str(org), safe=""),name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReportDiffOut | None:
    if response.status_code == 200:
        response_200 = ReportDiffOut.from_dict(response.json())



        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReportDiffOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    name: ReportDiffName,
    *,
    client: AuthenticatedClient | Client,
    from_known_at: str,
    to_known_at: str,
    as_of: datetime.date | None | Unset = UNSET,
    period_start: datetime.date | None | Unset = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,

) -> Response[Problem | ReportDiffOut]:
    """ What changed in a statement between two moments (변경 내역)

     The statement as known at two moments, line by line (before, after, change, for every
    amount that changed), and the events recorded between them that caused the changes, with
    their actor, accounting date and recorded time. Both moments are replayed in one pass
    over the log (see `known_at` on the statements).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        name (ReportDiffName): The statement
        from_known_at (str): The earlier moment: a position or a timestamp
        to_known_at (str): The later moment: a position or a timestamp
        as_of (datetime.date | None | Unset): Accounting date (trial-balance and balance-sheet:
            required; budget-vs-actual)
        period_start (datetime.date | None | Unset): trial-balance: first day of the period
        start (datetime.date | None | Unset): income-statement: first accounting date
        end (datetime.date | None | Unset): income-statement: last accounting date
        fiscal_year (int | None | Unset): budget-vs-actual

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportDiffOut]
     """


    kwargs = _get_kwargs(
        org=org,
name=name,
from_known_at=from_known_at,
to_known_at=to_known_at,
as_of=as_of,
period_start=period_start,
start=start,
end=end,
fiscal_year=fiscal_year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    name: ReportDiffName,
    *,
    client: AuthenticatedClient | Client,
    from_known_at: str,
    to_known_at: str,
    as_of: datetime.date | None | Unset = UNSET,
    period_start: datetime.date | None | Unset = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,

) -> Problem | ReportDiffOut | None:
    """ What changed in a statement between two moments (변경 내역)

     The statement as known at two moments, line by line (before, after, change, for every
    amount that changed), and the events recorded between them that caused the changes, with
    their actor, accounting date and recorded time. Both moments are replayed in one pass
    over the log (see `known_at` on the statements).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        name (ReportDiffName): The statement
        from_known_at (str): The earlier moment: a position or a timestamp
        to_known_at (str): The later moment: a position or a timestamp
        as_of (datetime.date | None | Unset): Accounting date (trial-balance and balance-sheet:
            required; budget-vs-actual)
        period_start (datetime.date | None | Unset): trial-balance: first day of the period
        start (datetime.date | None | Unset): income-statement: first accounting date
        end (datetime.date | None | Unset): income-statement: last accounting date
        fiscal_year (int | None | Unset): budget-vs-actual

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportDiffOut
     """


    return sync_detailed(
        org=org,
name=name,
client=client,
from_known_at=from_known_at,
to_known_at=to_known_at,
as_of=as_of,
period_start=period_start,
start=start,
end=end,
fiscal_year=fiscal_year,

    ).parsed

async def asyncio_detailed(
    org: str,
    name: ReportDiffName,
    *,
    client: AuthenticatedClient | Client,
    from_known_at: str,
    to_known_at: str,
    as_of: datetime.date | None | Unset = UNSET,
    period_start: datetime.date | None | Unset = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,

) -> Response[Problem | ReportDiffOut]:
    """ What changed in a statement between two moments (변경 내역)

     The statement as known at two moments, line by line (before, after, change, for every
    amount that changed), and the events recorded between them that caused the changes, with
    their actor, accounting date and recorded time. Both moments are replayed in one pass
    over the log (see `known_at` on the statements).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        name (ReportDiffName): The statement
        from_known_at (str): The earlier moment: a position or a timestamp
        to_known_at (str): The later moment: a position or a timestamp
        as_of (datetime.date | None | Unset): Accounting date (trial-balance and balance-sheet:
            required; budget-vs-actual)
        period_start (datetime.date | None | Unset): trial-balance: first day of the period
        start (datetime.date | None | Unset): income-statement: first accounting date
        end (datetime.date | None | Unset): income-statement: last accounting date
        fiscal_year (int | None | Unset): budget-vs-actual

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportDiffOut]
     """


    kwargs = _get_kwargs(
        org=org,
name=name,
from_known_at=from_known_at,
to_known_at=to_known_at,
as_of=as_of,
period_start=period_start,
start=start,
end=end,
fiscal_year=fiscal_year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    name: ReportDiffName,
    *,
    client: AuthenticatedClient | Client,
    from_known_at: str,
    to_known_at: str,
    as_of: datetime.date | None | Unset = UNSET,
    period_start: datetime.date | None | Unset = UNSET,
    start: datetime.date | None | Unset = UNSET,
    end: datetime.date | None | Unset = UNSET,
    fiscal_year: int | None | Unset = UNSET,

) -> Problem | ReportDiffOut | None:
    """ What changed in a statement between two moments (변경 내역)

     The statement as known at two moments, line by line (before, after, change, for every
    amount that changed), and the events recorded between them that caused the changes, with
    their actor, accounting date and recorded time. Both moments are replayed in one pass
    over the log (see `known_at` on the statements).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        name (ReportDiffName): The statement
        from_known_at (str): The earlier moment: a position or a timestamp
        to_known_at (str): The later moment: a position or a timestamp
        as_of (datetime.date | None | Unset): Accounting date (trial-balance and balance-sheet:
            required; budget-vs-actual)
        period_start (datetime.date | None | Unset): trial-balance: first day of the period
        start (datetime.date | None | Unset): income-statement: first accounting date
        end (datetime.date | None | Unset): income-statement: last accounting date
        fiscal_year (int | None | Unset): budget-vs-actual

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportDiffOut
     """


    return (await asyncio_detailed(
        org=org,
name=name,
client=client,
from_known_at=from_known_at,
to_known_at=to_known_at,
as_of=as_of,
period_start=period_start,
start=start,
end=end,
fiscal_year=fiscal_year,

    )).parsed
