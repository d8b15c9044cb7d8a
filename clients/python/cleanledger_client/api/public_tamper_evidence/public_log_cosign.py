from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cosignature_accepted import CosignatureAccepted
from ...models.cosignature_in import CosignatureIn
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    size: int,
    *,
    body: CosignatureIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/public/log/heads/{size}/cosignatures".format(size=quote(str(size), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CosignatureAccepted | Problem | None:
    if response.status_code == 201:
        response_201 = CosignatureAccepted.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CosignatureAccepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    size: int,
    *,
    client: AuthenticatedClient | Client,
    body: CosignatureIn,

) -> Response[CosignatureAccepted | Problem]:
    """ A witness's cosignature of a tree head

     Accepted from the witnesses the log trusts (``CLEANLEDGER_WITNESS_KEYS``) and only if the
    cosignature verifies over this head; no API key: the signature is the credential.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        size (int): The head's size
        body (CosignatureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CosignatureAccepted | Problem]
     """


    kwargs = _get_kwargs(
        size=size,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    size: int,
    *,
    client: AuthenticatedClient | Client,
    body: CosignatureIn,

) -> CosignatureAccepted | Problem | None:
    """ A witness's cosignature of a tree head

     Accepted from the witnesses the log trusts (``CLEANLEDGER_WITNESS_KEYS``) and only if the
    cosignature verifies over this head; no API key: the signature is the credential.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        size (int): The head's size
        body (CosignatureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CosignatureAccepted | Problem
     """


    return sync_detailed(
        size=size,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    size: int,
    *,
    client: AuthenticatedClient | Client,
    body: CosignatureIn,

) -> Response[CosignatureAccepted | Problem]:
    """ A witness's cosignature of a tree head

     Accepted from the witnesses the log trusts (``CLEANLEDGER_WITNESS_KEYS``) and only if the
    cosignature verifies over this head; no API key: the signature is the credential.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        size (int): The head's size
        body (CosignatureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CosignatureAccepted | Problem]
     """


    kwargs = _get_kwargs(
        size=size,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    size: int,
    *,
    client: AuthenticatedClient | Client,
    body: CosignatureIn,

) -> CosignatureAccepted | Problem | None:
    """ A witness's cosignature of a tree head

     Accepted from the witnesses the log trusts (``CLEANLEDGER_WITNESS_KEYS``) and only if the
    cosignature verifies over this head; no API key: the signature is the credential.

    Rate-limited per client address: a token bucket of 100 requests, refilled at 600 a minute (10 a
    second) by default (`CLEANLEDGER_PUBLIC_REQUESTS_PER_MINUTE`; the bucket holds a sixth of a minute's
    allowance, at least 10). A burst of 100 back-to-back requests goes through, then one every 0.1 s.
    Each answer announces the limit and what is left (`RateLimit-Policy`, `RateLimit`); a refusal is 429
    `too-many-requests` with `Retry-After`.

    Args:
        size (int): The head's size
        body (CosignatureIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CosignatureAccepted | Problem
     """


    return (await asyncio_detailed(
        size=size,
client=client,
body=body,

    )).parsed
