from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.command_accepted import CommandAccepted
from ...models.declare_year_end_deductions_request import DeclareYearEndDeductionsRequest
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    org: str,
    *,
    body: DeclareYearEndDeductionsRequest,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orgs/{org}/payroll/year-end-declarations".format(org=quote(str(org), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommandAccepted | Problem | None:
    if response.status_code == 201:
        response_201 = CommandAccepted.from_dict(response.json())



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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CommandAccepted | Problem]:
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
    body: DeclareYearEndDeductionsRequest,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,

) -> Response[CommandAccepted | Problem]:
    """ Record an employee's year-end declaration, sealed (소득·세액공제 신고)

     소득·세액공제 신고 of an employee for a year, in won: sealed as personal data; a second
        declaration for the same year replaces the first.

    No If-Match (400 `if-match-not-supported`). The amounts are personal data: the event carries them
    sealed under the employee's data key (503 `personal-data-unavailable` without a master key); a
    second declaration for the year replaces the first. February's run with `year_end_settlement` reads
    them.

    Allowed roles: payroll_officer.

    Args:
        org (str): 기관코드: seven-digit organisation code
        idempotency_key (None | str | Unset): Makes a retry safe: the same key and body return the
            first response and record nothing; the same key with a different body is refused (422). At
            most once.
        if_match (None | str | Unset): The aggregate version the command expects, as returned in
            ETag ("3"); a stale version is refused (412) and nothing is written. At most once.
        body (DeclareYearEndDeductionsRequest): 소득·세액공제 신고 of an employee for a year, in won:
            sealed as personal data; a second
            declaration for the same year replaces the first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
body=body,
idempotency_key=idempotency_key,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    org: str,
    *,
    client: AuthenticatedClient,
    body: DeclareYearEndDeductionsRequest,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,

) -> CommandAccepted | Problem | None:
    """ Record an employee's year-end declaration, sealed (소득·세액공제 신고)

     소득·세액공제 신고 of an employee for a year, in won: sealed as personal data; a second
        declaration for the same year replaces the first.

    No If-Match (400 `if-match-not-supported`). The amounts are personal data: the event carries them
    sealed under the employee's data key (503 `personal-data-unavailable` without a master key); a
    second declaration for the year replaces the first. February's run with `year_end_settlement` reads
    them.

    Allowed roles: payroll_officer.

    Args:
        org (str): 기관코드: seven-digit organisation code
        idempotency_key (None | str | Unset): Makes a retry safe: the same key and body return the
            first response and record nothing; the same key with a different body is refused (422). At
            most once.
        if_match (None | str | Unset): The aggregate version the command expects, as returned in
            ETag ("3"); a stale version is refused (412) and nothing is written. At most once.
        body (DeclareYearEndDeductionsRequest): 소득·세액공제 신고 of an employee for a year, in won:
            sealed as personal data; a second
            declaration for the same year replaces the first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | Problem
     """


    return sync_detailed(
        org=org,
client=client,
body=body,
idempotency_key=idempotency_key,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    org: str,
    *,
    client: AuthenticatedClient,
    body: DeclareYearEndDeductionsRequest,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,

) -> Response[CommandAccepted | Problem]:
    """ Record an employee's year-end declaration, sealed (소득·세액공제 신고)

     소득·세액공제 신고 of an employee for a year, in won: sealed as personal data; a second
        declaration for the same year replaces the first.

    No If-Match (400 `if-match-not-supported`). The amounts are personal data: the event carries them
    sealed under the employee's data key (503 `personal-data-unavailable` without a master key); a
    second declaration for the year replaces the first. February's run with `year_end_settlement` reads
    them.

    Allowed roles: payroll_officer.

    Args:
        org (str): 기관코드: seven-digit organisation code
        idempotency_key (None | str | Unset): Makes a retry safe: the same key and body return the
            first response and record nothing; the same key with a different body is refused (422). At
            most once.
        if_match (None | str | Unset): The aggregate version the command expects, as returned in
            ETag ("3"); a stale version is refused (412) and nothing is written. At most once.
        body (DeclareYearEndDeductionsRequest): 소득·세액공제 신고 of an employee for a year, in won:
            sealed as personal data; a second
            declaration for the same year replaces the first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | Problem]
     """


    kwargs = _get_kwargs(
        org=org,
body=body,
idempotency_key=idempotency_key,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    org: str,
    *,
    client: AuthenticatedClient,
    body: DeclareYearEndDeductionsRequest,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,

) -> CommandAccepted | Problem | None:
    """ Record an employee's year-end declaration, sealed (소득·세액공제 신고)

     소득·세액공제 신고 of an employee for a year, in won: sealed as personal data; a second
        declaration for the same year replaces the first.

    No If-Match (400 `if-match-not-supported`). The amounts are personal data: the event carries them
    sealed under the employee's data key (503 `personal-data-unavailable` without a master key); a
    second declaration for the year replaces the first. February's run with `year_end_settlement` reads
    them.

    Allowed roles: payroll_officer.

    Args:
        org (str): 기관코드: seven-digit organisation code
        idempotency_key (None | str | Unset): Makes a retry safe: the same key and body return the
            first response and record nothing; the same key with a different body is refused (422). At
            most once.
        if_match (None | str | Unset): The aggregate version the command expects, as returned in
            ETag ("3"); a stale version is refused (412) and nothing is written. At most once.
        body (DeclareYearEndDeductionsRequest): 소득·세액공제 신고 of an employee for a year, in won:
            sealed as personal data; a second
            declaration for the same year replaces the first.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | Problem
     """


    return (await asyncio_detailed(
        org=org,
client=client,
body=body,
idempotency_key=idempotency_key,
if_match=if_match,

    )).parsed
