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
    org: str,
    run_month: str,
    *,
    kind: str | Unset = 'regular',
    month: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["kind"] = kind

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/orgs/{org}/payroll/me/payslips/{run_month}/pdf".format(org=quote(str(org), safe=""),run_month=quote(str(run_month), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org: str,
    run_month: str,
    *,
    client: AuthenticatedClient,
    kind: str | Unset = 'regular',
    month: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[File | Problem]:
    """ My payslip as PDF (급여명세서 PDF)

     Yours, as the PDF to print or keep, once its run's pay went out.

    Args:
        org (str): 기관코드: seven-digit organisation code
        run_month (str): 귀속월: the run's month, YYYY-MM
        kind (str | Unset): The payslip's kind: regular 정기, retroactive 소급, settlement 연말정산,
            severance 퇴직 … Default: 'regular'.
        month (None | str | Unset): The payslip's own month (default: the run's)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
run_month=run_month,
kind=kind,
month=month,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    run_month: str,
    *,
    client: AuthenticatedClient,
    kind: str | Unset = 'regular',
    month: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> File | Problem | None:
    """ My payslip as PDF (급여명세서 PDF)

     Yours, as the PDF to print or keep, once its run's pay went out.

    Args:
        org (str): 기관코드: seven-digit organisation code
        run_month (str): 귀속월: the run's month, YYYY-MM
        kind (str | Unset): The payslip's kind: regular 정기, retroactive 소급, settlement 연말정산,
            severance 퇴직 … Default: 'regular'.
        month (None | str | Unset): The payslip's own month (default: the run's)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        org=org,
run_month=run_month,
client=client,
kind=kind,
month=month,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    org: str,
    run_month: str,
    *,
    client: AuthenticatedClient,
    kind: str | Unset = 'regular',
    month: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[File | Problem]:
    """ My payslip as PDF (급여명세서 PDF)

     Yours, as the PDF to print or keep, once its run's pay went out.

    Args:
        org (str): 기관코드: seven-digit organisation code
        run_month (str): 귀속월: the run's month, YYYY-MM
        kind (str | Unset): The payslip's kind: regular 정기, retroactive 소급, settlement 연말정산,
            severance 퇴직 … Default: 'regular'.
        month (None | str | Unset): The payslip's own month (default: the run's)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
run_month=run_month,
kind=kind,
month=month,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    run_month: str,
    *,
    client: AuthenticatedClient,
    kind: str | Unset = 'regular',
    month: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> File | Problem | None:
    """ My payslip as PDF (급여명세서 PDF)

     Yours, as the PDF to print or keep, once its run's pay went out.

    Args:
        org (str): 기관코드: seven-digit organisation code
        run_month (str): 귀속월: the run's month, YYYY-MM
        kind (str | Unset): The payslip's kind: regular 정기, retroactive 소급, settlement 연말정산,
            severance 퇴직 … Default: 'regular'.
        month (None | str | Unset): The payslip's own month (default: the run's)
        min_position (int | None | Unset): Answer only once the views include the log up to this
            position (read your own write: pass the position a command returned)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        org=org,
run_month=run_month,
client=client,
kind=kind,
month=month,
min_position=min_position,

    )).parsed
