from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.employee_record_out import EmployeeRecordOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    org: str,
    employee_id: UUID,
    *,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/personnel/employees/{employee_id}".format(org=quote(str(org), safe=""),employee_id=quote(str(employee_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EmployeeRecordOut | Problem | None:
    if response.status_code == 200:
        response_200 = EmployeeRecordOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[EmployeeRecordOut | Problem]:
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
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[EmployeeRecordOut | Problem]:
    """ An employee's record as of a date, as known at a moment (인사기록)

     Folded from the employee's events: the approved actions effective by ``as_of``, as
    recorded by ``known_at``. Personal data masked.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        as_of (datetime.date | None | Unset): 시행일 기준: the record as of this date (default: today)
        known_at (None | str | Unset): As known at this moment: a log position or an ISO 8601
            timestamp (default: now)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmployeeRecordOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
employee_id=employee_id,
as_of=as_of,
known_at=known_at,

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
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> EmployeeRecordOut | Problem | None:
    """ An employee's record as of a date, as known at a moment (인사기록)

     Folded from the employee's events: the approved actions effective by ``as_of``, as
    recorded by ``known_at``. Personal data masked.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        as_of (datetime.date | None | Unset): 시행일 기준: the record as of this date (default: today)
        known_at (None | str | Unset): As known at this moment: a log position or an ISO 8601
            timestamp (default: now)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmployeeRecordOut | Problem
     """


    return sync_detailed(
        org=org,
employee_id=employee_id,
client=client,
as_of=as_of,
known_at=known_at,

    ).parsed

async def asyncio_detailed(
    org: str,
    employee_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[EmployeeRecordOut | Problem]:
    """ An employee's record as of a date, as known at a moment (인사기록)

     Folded from the employee's events: the approved actions effective by ``as_of``, as
    recorded by ``known_at``. Personal data masked.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        as_of (datetime.date | None | Unset): 시행일 기준: the record as of this date (default: today)
        known_at (None | str | Unset): As known at this moment: a log position or an ISO 8601
            timestamp (default: now)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmployeeRecordOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
employee_id=employee_id,
as_of=as_of,
known_at=known_at,

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
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> EmployeeRecordOut | Problem | None:
    """ An employee's record as of a date, as known at a moment (인사기록)

     Folded from the employee's events: the approved actions effective by ``as_of``, as
    recorded by ``known_at``. Personal data masked.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        as_of (datetime.date | None | Unset): 시행일 기준: the record as of this date (default: today)
        known_at (None | str | Unset): As known at this moment: a log position or an ISO 8601
            timestamp (default: now)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmployeeRecordOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
employee_id=employee_id,
client=client,
as_of=as_of,
known_at=known_at,

    )).parsed
