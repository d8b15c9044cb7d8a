from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.payroll_payslip_row_out import PayrollPayslipRowOut
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    org: str,
    *,
    year: int | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_year: int | None | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    else:
        json_year = year
    params["year"] = json_year

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/payroll/me/payslips".format(org=quote(str(org), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[PayrollPayslipRowOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = PayrollPayslipRowOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[PayrollPayslipRowOut]]:
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
    year: int | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[Problem | list[PayrollPayslipRowOut]]:
    """ My payslips (본인 급여명세서 목록)

     Those of the runs whose pay went out, of the employee linked to you.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int | None | Unset): Only this year's runs
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[PayrollPayslipRowOut]]
     """


    kwargs = _get_kwargs(
        org=org,
year=year,
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
    year: int | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Problem | list[PayrollPayslipRowOut] | None:
    """ My payslips (본인 급여명세서 목록)

     Those of the runs whose pay went out, of the employee linked to you.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int | None | Unset): Only this year's runs
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[PayrollPayslipRowOut]
     """


    return sync_detailed(
        org=org,
client=client,
year=year,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    year: int | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[Problem | list[PayrollPayslipRowOut]]:
    """ My payslips (본인 급여명세서 목록)

     Those of the runs whose pay went out, of the employee linked to you.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int | None | Unset): Only this year's runs
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[PayrollPayslipRowOut]]
     """


    kwargs = _get_kwargs(
        org=org,
year=year,
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
    year: int | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Problem | list[PayrollPayslipRowOut] | None:
    """ My payslips (본인 급여명세서 목록)

     Those of the runs whose pay went out, of the employee linked to you.

    Args:
        org (str): 기관코드: seven-digit organisation code
        year (int | None | Unset): Only this year's runs
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[PayrollPayslipRowOut]
     """


    return (await asyncio_detailed(
        org=org,
client=client,
year=year,
min_position=min_position,

    )).parsed
