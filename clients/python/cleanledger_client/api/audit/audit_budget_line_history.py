from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.line_history_out import LineHistoryOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    org: str,
    line_id: UUID,
    *,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["after_version"] = after_version

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/budget-lines/{line_id}/history".format(org=quote(str(org), safe=""),line_id=quote(str(line_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LineHistoryOut | Problem | None:
    if response.status_code == 200:
        response_200 = LineHistoryOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LineHistoryOut | Problem]:
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
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[LineHistoryOut | Problem]:
    """ History of a budget line (예산과목 이력)

     Every event of the line with its actor, accounting date, recorded time, log position and
    the line's balances after it. Replayed from the event store. Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        known_at (None | str | Unset): Only events recorded by this moment: a log position or an
            ISO 8601 timestamp (events count by their recording timestamp)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LineHistoryOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
line_id=line_id,
after_version=after_version,
limit=limit,
cursor=cursor,
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
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> LineHistoryOut | Problem | None:
    """ History of a budget line (예산과목 이력)

     Every event of the line with its actor, accounting date, recorded time, log position and
    the line's balances after it. Replayed from the event store. Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        known_at (None | str | Unset): Only events recorded by this moment: a log position or an
            ISO 8601 timestamp (events count by their recording timestamp)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LineHistoryOut | Problem
     """


    return sync_detailed(
        org=org,
line_id=line_id,
client=client,
after_version=after_version,
limit=limit,
cursor=cursor,
known_at=known_at,

    ).parsed

async def asyncio_detailed(
    org: str,
    line_id: UUID,
    *,
    client: AuthenticatedClient,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[LineHistoryOut | Problem]:
    """ History of a budget line (예산과목 이력)

     Every event of the line with its actor, accounting date, recorded time, log position and
    the line's balances after it. Replayed from the event store. Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        known_at (None | str | Unset): Only events recorded by this moment: a log position or an
            ISO 8601 timestamp (events count by their recording timestamp)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LineHistoryOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
line_id=line_id,
after_version=after_version,
limit=limit,
cursor=cursor,
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
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> LineHistoryOut | Problem | None:
    """ History of a budget line (예산과목 이력)

     Every event of the line with its actor, accounting date, recorded time, log position and
    the line's balances after it. Replayed from the event store. Any role of the organisation.

    Args:
        org (str): 기관코드: seven-digit organisation code
        line_id (UUID): The budget line's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        known_at (None | str | Unset): Only events recorded by this moment: a log position or an
            ISO 8601 timestamp (events count by their recording timestamp)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LineHistoryOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
line_id=line_id,
client=client,
after_version=after_version,
limit=limit,
cursor=cursor,
known_at=known_at,

    )).parsed
