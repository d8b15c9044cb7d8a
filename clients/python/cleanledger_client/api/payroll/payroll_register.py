from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.payroll_register_out import PayrollRegisterOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    org: str,
    month: str,
    *,
    limit: int | Unset = 200,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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
        "url": "/api/v1/orgs/{org}/payroll/runs/{month}/register".format(org=quote(str(org), safe=""),month=quote(str(month), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PayrollRegisterOut | Problem | None:
    if response.status_code == 200:
        response_200 = PayrollRegisterOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PayrollRegisterOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    month: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 200,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[PayrollRegisterOut | Problem]:
    """ The run's register (급여대장), with the change from the month before

     Every payslip of the run's latest calculation with its items, by employee number; the
    totals (equal to the run's) and item sums are the whole run's on every page. Each regular
    payslip carries its change from the employee's regular payslip of the month before, in
    total and per item; ``left`` lists who was paid then and is not now. Payroll roles and
    the HR auditor.

    Args:
        org (str): 기관코드: seven-digit organisation code
        month (str): 귀속월: the run's month, YYYY-MM
        limit (int | Unset): Employees per page Default: 200.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayrollRegisterOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
month=month,
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
    month: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 200,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> PayrollRegisterOut | Problem | None:
    """ The run's register (급여대장), with the change from the month before

     Every payslip of the run's latest calculation with its items, by employee number; the
    totals (equal to the run's) and item sums are the whole run's on every page. Each regular
    payslip carries its change from the employee's regular payslip of the month before, in
    total and per item; ``left`` lists who was paid then and is not now. Payroll roles and
    the HR auditor.

    Args:
        org (str): 기관코드: seven-digit organisation code
        month (str): 귀속월: the run's month, YYYY-MM
        limit (int | Unset): Employees per page Default: 200.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayrollRegisterOut | Problem
     """


    return sync_detailed(
        org=org,
month=month,
client=client,
limit=limit,
cursor=cursor,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    org: str,
    month: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 200,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[PayrollRegisterOut | Problem]:
    """ The run's register (급여대장), with the change from the month before

     Every payslip of the run's latest calculation with its items, by employee number; the
    totals (equal to the run's) and item sums are the whole run's on every page. Each regular
    payslip carries its change from the employee's regular payslip of the month before, in
    total and per item; ``left`` lists who was paid then and is not now. Payroll roles and
    the HR auditor.

    Args:
        org (str): 기관코드: seven-digit organisation code
        month (str): 귀속월: the run's month, YYYY-MM
        limit (int | Unset): Employees per page Default: 200.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PayrollRegisterOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
month=month,
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
    month: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 200,
    cursor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> PayrollRegisterOut | Problem | None:
    """ The run's register (급여대장), with the change from the month before

     Every payslip of the run's latest calculation with its items, by employee number; the
    totals (equal to the run's) and item sums are the whole run's on every page. Each regular
    payslip carries its change from the employee's regular payslip of the month before, in
    total and per item; ``left`` lists who was paid then and is not now. Payroll roles and
    the HR auditor.

    Args:
        org (str): 기관코드: seven-digit organisation code
        month (str): 귀속월: the run's month, YYYY-MM
        limit (int | Unset): Employees per page Default: 200.
        cursor (None | str | Unset): `next_cursor` of the previous page (opaque)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PayrollRegisterOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
month=month,
client=client,
limit=limit,
cursor=cursor,
min_position=min_position,

    )).parsed
