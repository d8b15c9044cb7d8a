from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.leave_out import LeaveOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    org: str,
    employee_id: UUID,
    *,
    on: datetime.date | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_on: None | str | Unset
    if isinstance(on, Unset):
        json_on = UNSET
    elif isinstance(on, datetime.date):
        json_on = on.isoformat()
    else:
        json_on = on
    params["on"] = json_on


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/personnel/employees/{employee_id}/leave".format(org=quote(str(org), safe=""),employee_id=quote(str(employee_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LeaveOut | Problem | None:
    if response.status_code == 200:
        response_200 = LeaveOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LeaveOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    employee_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> Response[LeaveOut | Problem]:
    """ Annual leave on a day (연차 현황)

     Rights usable that day, taken and left, and when each part lapses (근로기준법 제60조).

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        on (datetime.date | None | Unset): The day (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeaveOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
employee_id=employee_id,
on=on,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    employee_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> LeaveOut | Problem | None:
    """ Annual leave on a day (연차 현황)

     Rights usable that day, taken and left, and when each part lapses (근로기준법 제60조).

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        on (datetime.date | None | Unset): The day (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeaveOut | Problem
     """


    return sync_detailed(
        org=org,
employee_id=employee_id,
client=client,
on=on,

    ).parsed

async def asyncio_detailed(
    org: str,
    employee_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> Response[LeaveOut | Problem]:
    """ Annual leave on a day (연차 현황)

     Rights usable that day, taken and left, and when each part lapses (근로기준법 제60조).

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        on (datetime.date | None | Unset): The day (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeaveOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
employee_id=employee_id,
on=on,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    employee_id: UUID,
    *,
    client: AuthenticatedClient,
    on: datetime.date | None | Unset = UNSET,

) -> LeaveOut | Problem | None:
    """ Annual leave on a day (연차 현황)

     Rights usable that day, taken and left, and when each part lapses (근로기준법 제60조).

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        on (datetime.date | None | Unset): The day (default: today)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeaveOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
employee_id=employee_id,
client=client,
on=on,

    )).parsed
