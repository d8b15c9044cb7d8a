from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.employee_page_out import EmployeePageOut
from ...models.problem import Problem
from ...models.status import Status
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    org: str,
    *,
    department: None | str | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_department: None | str | Unset
    if isinstance(department, Unset):
        json_department = UNSET
    else:
        json_department = department
    params["department"] = json_department

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, Status):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

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
        "url": "/api/v1/orgs/{org}/personnel/employees".format(org=quote(str(org), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmployeePageOut | Problem | None:
    if response.status_code == 200:
        response_200 = EmployeePageOut.from_dict(response.json())



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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EmployeePageOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    department: None | str | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[EmployeePageOut | Problem]:
    """ Employees (직원 목록)

     By employee number, names masked; current department and status as of the latest
    approved action.

    Args:
        org (str): 기관코드: seven-digit organisation code
        department (None | str | Unset):
        status (None | Status | Unset): 재직 상태 now
        limit (int | Unset): At most this many Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmployeePageOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
department=department,
status=status,
limit=limit,
cursor=cursor,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    department: None | str | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> EmployeePageOut | Problem | None:
    """ Employees (직원 목록)

     By employee number, names masked; current department and status as of the latest
    approved action.

    Args:
        org (str): 기관코드: seven-digit organisation code
        department (None | str | Unset):
        status (None | Status | Unset): 재직 상태 now
        limit (int | Unset): At most this many Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmployeePageOut | Problem
     """


    return sync_detailed(
        org=org,
client=client,
department=department,
status=status,
limit=limit,
cursor=cursor,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    department: None | str | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[EmployeePageOut | Problem]:
    """ Employees (직원 목록)

     By employee number, names masked; current department and status as of the latest
    approved action.

    Args:
        org (str): 기관코드: seven-digit organisation code
        department (None | str | Unset):
        status (None | Status | Unset): 재직 상태 now
        limit (int | Unset): At most this many Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmployeePageOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
department=department,
status=status,
limit=limit,
cursor=cursor,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    department: None | str | Unset = UNSET,
    status: None | Status | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> EmployeePageOut | Problem | None:
    """ Employees (직원 목록)

     By employee number, names masked; current department and status as of the latest
    approved action.

    Args:
        org (str): 기관코드: seven-digit organisation code
        department (None | str | Unset):
        status (None | Status | Unset): 재직 상태 now
        limit (int | Unset): At most this many Default: 50.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmployeePageOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
client=client,
department=department,
status=status,
limit=limit,
cursor=cursor,
min_position=min_position,

    )).parsed
