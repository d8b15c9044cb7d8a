from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.status_out import StatusOut
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatusOut | None:
    if response.status_code == 200:
        response_200 = StatusOut.from_dict(response.json())



        return response_200

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StatusOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | StatusOut]:
    """ The head of the log and each projection's position, lag and fault

     Where the read models stand. Public, never cached. A fault is summarised (which event,
    which kind of error, when); its message is for operators.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusOut]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | StatusOut | None:
    """ The head of the log and each projection's position, lag and fault

     Where the read models stand. Public, never cached. A fault is summarised (which event,
    which kind of error, when); its message is for operators.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusOut
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[Problem | StatusOut]:
    """ The head of the log and each projection's position, lag and fault

     Where the read models stand. Public, never cached. A fault is summarised (which event,
    which kind of error, when); its message is for operators.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusOut]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> Problem | StatusOut | None:
    """ The head of the log and each projection's position, lag and fault

     Where the read models stand. Public, never cached. A fault is summarised (which event,
    which kind of error, when); its message is for operators.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusOut
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
