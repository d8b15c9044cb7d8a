from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.vendor_history_out import VendorHistoryOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    org: str,
    vendor_id: UUID,
    *,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/vendors/{vendor_id}/history".format(org=quote(str(org), safe=""),vendor_id=quote(str(vendor_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VendorHistoryOut | None:
    if response.status_code == 200:
        response_200 = VendorHistoryOut.from_dict(response.json())



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

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | VendorHistoryOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    vendor_id: UUID,
    *,
    client: AuthenticatedClient,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | VendorHistoryOut]:
    """ History of a vendor (거래처 이력): who registered, changed, debarred, lifted

     Every event of the vendor with the organisation it was recorded by and for, its actor,
    accounting date, recorded time and log position. Replayed from the event store. Any role
    of the organisation in the path; a business's history reads the same from every
    organisation, a person's (개인) only from the organisation that registered it.

    Args:
        org (str): 기관코드: seven-digit organisation code
        vendor_id (UUID): The vendor's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VendorHistoryOut]
     """


    kwargs = _get_kwargs(
        org=org,
vendor_id=vendor_id,
after_version=after_version,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    vendor_id: UUID,
    *,
    client: AuthenticatedClient,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Problem | VendorHistoryOut | None:
    """ History of a vendor (거래처 이력): who registered, changed, debarred, lifted

     Every event of the vendor with the organisation it was recorded by and for, its actor,
    accounting date, recorded time and log position. Replayed from the event store. Any role
    of the organisation in the path; a business's history reads the same from every
    organisation, a person's (개인) only from the organisation that registered it.

    Args:
        org (str): 기관코드: seven-digit organisation code
        vendor_id (UUID): The vendor's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VendorHistoryOut
     """


    return sync_detailed(
        org=org,
vendor_id=vendor_id,
client=client,
after_version=after_version,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    org: str,
    vendor_id: UUID,
    *,
    client: AuthenticatedClient,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Response[Problem | VendorHistoryOut]:
    """ History of a vendor (거래처 이력): who registered, changed, debarred, lifted

     Every event of the vendor with the organisation it was recorded by and for, its actor,
    accounting date, recorded time and log position. Replayed from the event store. Any role
    of the organisation in the path; a business's history reads the same from every
    organisation, a person's (개인) only from the organisation that registered it.

    Args:
        org (str): 기관코드: seven-digit organisation code
        vendor_id (UUID): The vendor's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VendorHistoryOut]
     """


    kwargs = _get_kwargs(
        org=org,
vendor_id=vendor_id,
after_version=after_version,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    vendor_id: UUID,
    *,
    client: AuthenticatedClient,
    after_version: int | Unset = 0,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,

) -> Problem | VendorHistoryOut | None:
    """ History of a vendor (거래처 이력): who registered, changed, debarred, lifted

     Every event of the vendor with the organisation it was recorded by and for, its actor,
    accounting date, recorded time and log position. Replayed from the event store. Any role
    of the organisation in the path; a business's history reads the same from every
    organisation, a person's (개인) only from the organisation that registered it.

    Args:
        org (str): 기관코드: seven-digit organisation code
        vendor_id (UUID): The vendor's id
        after_version (int | Unset): Only events after this version (0: from the first) Default:
            0.
        limit (int | Unset): At most this many events Default: 100.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VendorHistoryOut
     """


    return (await asyncio_detailed(
        org=org,
vendor_id=vendor_id,
client=client,
after_version=after_version,
limit=limit,
cursor=cursor,

    )).parsed
