from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.personal_data_read_out import PersonalDataReadOut
from ...models.problem import Problem
from ...models.read_request import ReadRequest
from typing import cast
from uuid import UUID



def _get_kwargs(
    org: str,
    employee_id: UUID,
    *,
    body: ReadRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/personnel/employees/{employee_id}/personal-data/reads".format(org=quote(str(org), safe=""),employee_id=quote(str(employee_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonalDataReadOut | Problem | None:
    if response.status_code == 201:
        response_201 = PersonalDataReadOut.from_dict(response.json())



        return response_201

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PersonalDataReadOut | Problem]:
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
    body: ReadRequest,

) -> Response[PersonalDataReadOut | Problem]:
    """ Read personal data unmasked, recording why (개인정보 열람)

     The read is recorded first (who, when, whose, why: an event the auditor lists); the
    values are answered only once it is. hr_manager only.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        body (ReadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonalDataReadOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
employee_id=employee_id,
body=body,

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
    body: ReadRequest,

) -> PersonalDataReadOut | Problem | None:
    """ Read personal data unmasked, recording why (개인정보 열람)

     The read is recorded first (who, when, whose, why: an event the auditor lists); the
    values are answered only once it is. hr_manager only.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        body (ReadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonalDataReadOut | Problem
     """


    return sync_detailed(
        org=org,
employee_id=employee_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    org: str,
    employee_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReadRequest,

) -> Response[PersonalDataReadOut | Problem]:
    """ Read personal data unmasked, recording why (개인정보 열람)

     The read is recorded first (who, when, whose, why: an event the auditor lists); the
    values are answered only once it is. hr_manager only.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        body (ReadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonalDataReadOut | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
employee_id=employee_id,
body=body,

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
    body: ReadRequest,

) -> PersonalDataReadOut | Problem | None:
    """ Read personal data unmasked, recording why (개인정보 열람)

     The read is recorded first (who, when, whose, why: an event the auditor lists); the
    values are answered only once it is. hr_manager only.

    Args:
        org (str): 기관코드: seven-digit organisation code
        employee_id (UUID):
        body (ReadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonalDataReadOut | Problem
     """


    return (await asyncio_detailed(
        org=org,
employee_id=employee_id,
client=client,
body=body,

    )).parsed
