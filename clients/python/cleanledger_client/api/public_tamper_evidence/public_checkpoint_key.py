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



def _get_kwargs(
    *,
    key_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_key_id: None | str | Unset
    if isinstance(key_id, Unset):
        json_key_id = UNSET
    else:
        json_key_id = key_id
    params["key_id"] = json_key_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/public/checkpoints/public-key",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



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
    key_id: None | str | Unset = UNSET,

) -> Response[File | Problem]:
    """ The public key that signs checkpoints (PEM)

     The key of ``key_id``, or of the latest signed checkpoint.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        key_id (None | str | Unset): This key (default: the latest checkpoint's)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        key_id=key_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    key_id: None | str | Unset = UNSET,

) -> File | Problem | None:
    """ The public key that signs checkpoints (PEM)

     The key of ``key_id``, or of the latest signed checkpoint.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        key_id (None | str | Unset): This key (default: the latest checkpoint's)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        client=client,
key_id=key_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    key_id: None | str | Unset = UNSET,

) -> Response[File | Problem]:
    """ The public key that signs checkpoints (PEM)

     The key of ``key_id``, or of the latest signed checkpoint.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        key_id (None | str | Unset): This key (default: the latest checkpoint's)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        key_id=key_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    key_id: None | str | Unset = UNSET,

) -> File | Problem | None:
    """ The public key that signs checkpoints (PEM)

     The key of ``key_id``, or of the latest signed checkpoint.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        key_id (None | str | Unset): This key (default: the latest checkpoint's)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        client=client,
key_id=key_id,

    )).parsed
