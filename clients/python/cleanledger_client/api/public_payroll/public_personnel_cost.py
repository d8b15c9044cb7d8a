from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.personnel_cost_out import PersonnelCostOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    org: str,
    *,
    year: int,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["year"] = year

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/public/orgs/{org}/personnel-cost".format(org=quote(str(org), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonnelCostOut | Problem | None:
    if response.status_code == 200:
        response_200 = PersonnelCostOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PersonnelCostOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    *,
    client: AuthenticatedClient | Client,
    year: int,
    min_position: int | None | Unset = UNSET,

) -> Response[PersonnelCostOut | Problem]:
    """ Personnel cost of a year against the personnel budget (인건비 공개)

     Pay and the employer's shares of the year's runs whose pay went out, against the
    current budget and paid of the 101-xx and 304-xx lines; the average headcount paid a month
    and the cost per head. Aggregates only: under five employees paid a month on average,
    every figure of pay is hidden (``suppressed``, with the reason).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int): 연도
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonnelCostOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
year=year,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    *,
    client: AuthenticatedClient | Client,
    year: int,
    min_position: int | None | Unset = UNSET,

) -> PersonnelCostOut | Problem | None:
    """ Personnel cost of a year against the personnel budget (인건비 공개)

     Pay and the employer's shares of the year's runs whose pay went out, against the
    current budget and paid of the 101-xx and 304-xx lines; the average headcount paid a month
    and the cost per head. Aggregates only: under five employees paid a month on average,
    every figure of pay is hidden (``suppressed``, with the reason).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int): 연도
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonnelCostOut | Problem
     """


    return sync_detailed(
        org=org,
client=client,
year=year,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient | Client,
    year: int,
    min_position: int | None | Unset = UNSET,

) -> Response[PersonnelCostOut | Problem]:
    """ Personnel cost of a year against the personnel budget (인건비 공개)

     Pay and the employer's shares of the year's runs whose pay went out, against the
    current budget and paid of the 101-xx and 304-xx lines; the average headcount paid a month
    and the cost per head. Aggregates only: under five employees paid a month on average,
    every figure of pay is hidden (``suppressed``, with the reason).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int): 연도
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonnelCostOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
year=year,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient | Client,
    year: int,
    min_position: int | None | Unset = UNSET,

) -> PersonnelCostOut | Problem | None:
    """ Personnel cost of a year against the personnel budget (인건비 공개)

     Pay and the employer's shares of the year's runs whose pay went out, against the
    current budget and paid of the 101-xx and 304-xx lines; the average headcount paid a month
    and the cost per head. Aggregates only: under five employees paid a month on average,
    every figure of pay is hidden (``suppressed``, with the reason).

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int): 연도
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonnelCostOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
client=client,
year=year,
min_position=min_position,

    )).parsed
