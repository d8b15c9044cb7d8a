from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.line_state_out import LineStateOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    org: str,
    line_id: UUID,
    *,
    version: int | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/budget-lines/{line_id}".format(org=quote(str(org), safe=""),line_id=quote(str(line_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LineStateOut | Problem | None:
    if response.status_code == 200:
        response_200 = LineStateOut.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LineStateOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    line_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[LineStateOut | Problem]:
    """ A budget line at a version (버전별 상태)

     The line's balances as they were after event ``version``, or as known at a recorded
    moment (``known_at``). Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        version (int | None | Unset): The version to show (default: the latest)
        known_at (None | str | Unset): Instead of a version: the line as known at this moment, a
            log position or an ISO 8601 timestamp (its last event recorded by then)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LineStateOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
line_id=line_id,
version=version,
known_at=known_at,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    line_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> LineStateOut | Problem | None:
    """ A budget line at a version (버전별 상태)

     The line's balances as they were after event ``version``, or as known at a recorded
    moment (``known_at``). Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        version (int | None | Unset): The version to show (default: the latest)
        known_at (None | str | Unset): Instead of a version: the line as known at this moment, a
            log position or an ISO 8601 timestamp (its last event recorded by then)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LineStateOut | Problem
     """


    return sync_detailed(
        org=org,
line_id=line_id,
client=client,
version=version,
known_at=known_at,

    ).parsed

async def asyncio_detailed(
    org: str,
    line_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[LineStateOut | Problem]:
    """ A budget line at a version (버전별 상태)

     The line's balances as they were after event ``version``, or as known at a recorded
    moment (``known_at``). Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        version (int | None | Unset): The version to show (default: the latest)
        known_at (None | str | Unset): Instead of a version: the line as known at this moment, a
            log position or an ISO 8601 timestamp (its last event recorded by then)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LineStateOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
line_id=line_id,
version=version,
known_at=known_at,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    line_id: UUID,
    *,
    client: AuthenticatedClient,
    version: int | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> LineStateOut | Problem | None:
    """ A budget line at a version (버전별 상태)

     The line's balances as they were after event ``version``, or as known at a recorded
    moment (``known_at``). Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        version (int | None | Unset): The version to show (default: the latest)
        known_at (None | str | Unset): Instead of a version: the line as known at this moment, a
            log position or an ISO 8601 timestamp (its last event recorded by then)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LineStateOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
line_id=line_id,
client=client,
version=version,
known_at=known_at,

    )).parsed
