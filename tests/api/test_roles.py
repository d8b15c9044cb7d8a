"""The role × endpoint matrix: every command refused to every role and organisation that may not
issue it, and let through (to body validation) for every one that may."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient

from api.roles import COMMAND_ROLES, Role
from api.routers.commands import ROUTES
from tests.api.conftest import SEOUL, YEAR, KeyMaker

OTHER_ORG = "3000000"


def _url(path: str, org: str) -> str:
    values = {"org": org, "fiscal_year": str(YEAR)}
    return "/api/v1" + re.sub(r"{(\w+)}", lambda m: values.get(m.group(1), str(uuid.uuid4())), path)


@pytest.mark.slow
def test_every_command_is_refused_to_exactly_the_roles_that_may_not_issue_it(
    client: TestClient, key_for: KeyMaker
) -> None:
    keys = {role: key_for(role.value.replace("_", "-"), f"{role.value}@{SEOUL}") for role in Role}
    checked = 0
    for route in ROUTES:
        allowed = COMMAND_ROLES[route.command]
        for role, headers in keys.items():
            # An empty body: a role that may issue the command gets as far as validating it (422);
            # one that may not is refused first (403), learning nothing about the body.
            own = client.post(_url(route.path, SEOUL), json={}, headers=headers)
            expected = 422 if role in allowed else 403
            assert own.status_code == expected, (route.command.__name__, role, own.text)
            elsewhere = client.post(_url(route.path, OTHER_ORG), json={}, headers=headers)
            assert elsewhere.status_code == 403, (route.command.__name__, role, OTHER_ORG)
            checked += 2
        assert client.post(_url(route.path, SEOUL), json={}).status_code == 401
    assert checked == len(ROUTES) * len(Role) * 2


def test_a_grant_for_every_organisation_covers_any_organisation(
    client: TestClient, key_for: KeyMaker
) -> None:
    headers = key_for("city-budget", "budget_officer@*")
    route = next(r for r in ROUTES if r.command.__name__ == "Appropriate")
    for org in (SEOUL, OTHER_ORG):
        assert client.post(_url(route.path, org), json={}, headers=headers).status_code == 422


def test_no_role_approves_what_it_drafts() -> None:
    """Segregation of duties: the role that drafts a requisition or voucher cannot approve it."""
    by_name = {c.__name__: roles for c, roles in COMMAND_ROLES.items()}
    assert by_name["DraftRequisition"].isdisjoint(by_name["ApproveRequisition"])
    assert by_name["DraftVoucher"].isdisjoint(by_name["ApproveVoucher"])
    assert by_name["DraftVoucher"].isdisjoint(by_name["Pay"])
    assert all(Role.AUDITOR not in roles for roles in COMMAND_ROLES.values())
