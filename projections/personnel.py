"""Personnel (인사): the organisation chart by effective date, employees with their actions (발령)
and periods of service, issued certificates and reads of personal data.

Three projections, so that each is rebuilt on its own: the chart's versions
(:class:`PersonnelChartProjection`), employees (:class:`EmployeesProjection`) and the records a
read leaves (:class:`PersonnelRecordsProjection`).

An approval (결재) names only the actions it approves, yet changes an employee's whole approved
history: a backdated transfer or a later cancellation moves the periods before it. So the employees
projection keeps each employee's actions (in memory, read back from ``personnel_actions`` when a
batch is not continuing), folds them with the domain's own rules (``fold`` and ``spans`` of
:mod:`domain.personnel.actions`) and writes that employee's periods again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import orjson
from pydantic import TypeAdapter
from sqlalchemy import Connection, Table, delete, select

from domain.personnel.actions import Action, ActionKind, ActionStatus, ServiceState, fold, spans
from projections.base import Envelope, Projection, RowWriter
from readmodels.personnel import (
    CHART_TABLES,
    personnel_access_log,
    personnel_actions,
    personnel_authorised,
    personnel_certificates,
    personnel_departments,
    personnel_employees,
    personnel_grades,
    personnel_periods,
    personnel_positions,
)

#: An action as the events store it (dates and UUIDs as text, enums as values), typed again.
_ACTION = TypeAdapter(Action)
#: Employees read back per statement, and periods deleted per statement (bound parameters).
_CHUNK = 500
#: Employees kept in memory between batches; past this, the memory starts again (a miss costs one
#: query per batch, for all the batch's missing employees at once).
_REMEMBERED = 100_000


def _day(value: str) -> date:
    return date.fromisoformat(value)


class PersonnelChartProjection(Projection):
    """조직도: one row per version of each department, grade, position and 정원."""

    name = "personnel_chart"
    tables = CHART_TABLES
    handles = frozenset(
        {
            "OrgChart.DepartmentChanged",
            "OrgChart.GradeDefined",
            "OrgChart.PositionDefined",
            "OrgChart.AuthorisedHeadcountSet",
        }
    )

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            data, name = event.data, event.name
            # A version of the same day replaces that day's row, as the domain's with_version does.
            if name == "OrgChart.DepartmentChanged":
                department = data["department"]
                out.put(
                    personnel_departments,
                    {
                        "org": data["org"],
                        "code": data["code"],
                        "effective_from": _day(data["effective_from"]),
                    },
                    name=department["name"],
                    parent=department["parent"],
                    status=department["status"],
                    merged_into=department["merged_into"],
                )
            elif name == "OrgChart.GradeDefined":
                grade = data["grade"]
                out.put(
                    personnel_grades,
                    {
                        "org": data["org"],
                        "code": data["code"],
                        "effective_from": _day(data["effective_from"]),
                    },
                    name=grade["name"],
                    rank=grade["rank"],
                    band=grade["band"],
                    max_step=grade["max_step"],
                    retired=grade["retired"],
                )
            elif name == "OrgChart.PositionDefined":
                position = data["position"]
                out.put(
                    personnel_positions,
                    {
                        "org": data["org"],
                        "code": data["code"],
                        "effective_from": _day(data["effective_from"]),
                    },
                    title=position["title"],
                    retired=position["retired"],
                )
            else:  # OrgChart.AuthorisedHeadcountSet
                out.put(
                    personnel_authorised,
                    {
                        "org": data["org"],
                        "department": data["department"],
                        "effective_from": _day(data["effective_from"]),
                    },
                    headcount=data["headcount"],
                )


class _Career:
    """An employee's actions in the order the aggregate holds them (the order they were drafted,
    which breaks ties of one effective date), keyed by the action id as text."""

    __slots__ = ("actions", "org")

    def __init__(self, org: str) -> None:
        self.org = org
        self.actions: dict[str, Action] = {}

    def effective(self) -> list[Action]:
        """The approved history, as ``Employee.effective`` makes it: approved actions, less those
        a correction replaced, less the cancellations themselves."""
        chosen = {key: a for key, a in self.actions.items() if a.status is ActionStatus.APPROVED}
        for action in list(chosen.values()):
            if action.corrects is not None:
                chosen.pop(str(action.corrects), None)
        return [a for a in chosen.values() if a.kind is not ActionKind.CANCELLATION]

    def pending(self) -> int:
        return sum(1 for a in self.actions.values() if a.status is ActionStatus.DRAFTED)


_RECORD_COLUMNS = (
    "status",
    "department",
    "grade",
    "step",
    "position",
    "pattern",
    "weekly_hours",
    "hired_on",
    "retired_on",
)


def _record(state: ServiceState | None) -> dict[str, Any]:
    """The employee row's columns of the record (인사기록) after every approved action."""
    if state is None:  # the hire is not approved yet (or a correction withdrew it)
        return dict.fromkeys(_RECORD_COLUMNS)
    return {
        "status": state.status.value,
        "department": state.department,
        "grade": state.grade,
        "step": state.step,
        "position": state.position,
        "pattern": state.pattern.value,
        "weekly_hours": state.weekly_hours,
        "hired_on": state.hired_on,
        "retired_on": state.retired_on,
    }


def _action_row(employee_id: str, data: Mapping[str, Any], position: int) -> dict[str, Any]:
    action, details = data["action"], data["action"]["details"]
    return {
        "employee_id": employee_id,
        "org": data["org"],
        "kind": action["kind"],
        "order_number": action["order_number"],
        "effective_date": _day(action["effective_date"]),
        "status": action["status"],
        "drafted_by": action["drafted_by"],
        "approved_by": action["approved_by"],
        "corrects": action["corrects"],
        "over_authorised": action["over_authorised"],
        "reason": details["reason"],
        "department": details["department"],
        "grade": details["grade"],
        "details": orjson.dumps(details).decode(),
        "position": position,
    }


_LOADED_COLUMNS = (
    "employee_id",
    "org",
    "action_id",
    "kind",
    "order_number",
    "effective_date",
    "details",
    "drafted_by",
    "status",
    "corrects",
    "approved_by",
    "over_authorised",
)


class EmployeesProjection(Projection):
    """직원 and 발령: one row per employee and per action, and each employee's periods."""

    name = "personnel_employees"
    tables = (personnel_employees, personnel_actions, personnel_periods)
    handles = frozenset(
        {
            "Employee.Hired",
            "Employee.ActionDrafted",
            "Employee.ActionsApproved",
            "Employee.ActionRejected",
            "Employee.PersonalDataChanged",
            "Employee.AccountLinked",
            "Employee.PersonalDataErased",
        }
    )
    _NEEDS_CAREER = frozenset(
        {"Employee.ActionDrafted", "Employee.ActionsApproved", "Employee.ActionRejected"}
    )

    def __init__(self) -> None:
        self._careers: dict[str, _Career] = {}
        self._conn: Connection | None = None
        self._actions: Table | None = None

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if not continuing or len(self._careers) > _REMEMBERED:
            self._careers.clear()
        self._conn = conn
        self._actions = tables[personnel_actions.name]

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        self._load_missing(events)
        periods: dict[str, list[dict[str, Any]]] = {}
        for event in events:
            key = {"employee_id": event.originator_id}
            if event.name in self._NEEDS_CAREER or event.name == "Employee.Hired":
                self._career_event(event, key, out, periods)
            else:
                out.put(personnel_employees, key, version=event.originator_version, **_personal(event))
        if periods:
            out.then(lambda conn, tables: _replace_periods(conn, tables[personnel_periods.name], periods))

    def _career_event(
        self, event: Envelope, key: dict[str, str], out: RowWriter, periods: dict[str, list[dict[str, Any]]]
    ) -> None:
        """An event of the actions: the action rows it changes, the employee's pending count and,
        after an approval, their record and periods (``periods``, written after the batch's rows)."""
        employee_id, data, name = event.originator_id, event.data, event.name
        columns: dict[str, Any] = {"version": event.originator_version}
        if name == "Employee.Hired":
            career = self._careers[employee_id] = _Career(data["org"])
            columns |= {
                "org": data["org"],
                "employee_number": data["employee_number"],
                "sealed": data["sealed"],
                "erased": False,
            }
        else:
            career = self._careers[employee_id]
        if name in ("Employee.Hired", "Employee.ActionDrafted"):
            self._drafted(career, employee_id, data, event.position, out)
        elif name == "Employee.ActionRejected":
            action_id = data["action_id"]
            career.actions[action_id] = replace(career.actions[action_id], status=ActionStatus.REJECTED)
            out.put(
                personnel_actions,
                {"action_id": action_id},
                status=ActionStatus.REJECTED.value,
                rejection_reason=data["reason"],
            )
        else:  # Employee.ActionsApproved
            self._approved(career, data, out)
            effective = career.effective()
            columns |= _record(fold(effective))
            periods[employee_id] = _periods(employee_id, career.org, effective)
        out.put(personnel_employees, key, pending=career.pending(), **columns)

    def _drafted(
        self, career: _Career, employee_id: str, data: Mapping[str, Any], position: int, out: RowWriter
    ) -> None:
        action = _ACTION.validate_python(data["action"])
        career.actions[str(action.action_id)] = action
        out.put(
            personnel_actions,
            {"action_id": str(action.action_id)},
            **_action_row(employee_id, data, position),
        )

    @staticmethod
    def _approved(career: _Career, data: Mapping[str, Any], out: RowWriter) -> None:
        """결재, as ``Employee.ActionsApproved`` folds it: the approved actions, and the ones their
        corrections amend or cancel."""
        approved = set(data["action_ids"])
        flagged = set(data["over_authorised"])
        actions = career.actions
        corrected = {
            str(a.corrects): a.kind
            for key, a in actions.items()
            if key in approved and a.corrects is not None
        }
        for key in approved:
            over = key in flagged
            actions[key] = replace(
                actions[key], status=ActionStatus.APPROVED, approved_by=data["actor"], over_authorised=over
            )
            out.put(
                personnel_actions,
                {"action_id": key},
                status=ActionStatus.APPROVED.value,
                approved_by=data["actor"],
                over_authorised=over,
            )
        for key, kind in corrected.items():
            status = ActionStatus.CANCELLED if kind is ActionKind.CANCELLATION else ActionStatus.AMENDED
            actions[key] = replace(actions[key], status=status)
            out.put(personnel_actions, {"action_id": key}, status=status.value)

    def _load_missing(self, events: Iterable[Envelope]) -> None:
        """Read back, in as few queries as it takes, the actions of every employee this batch
        changes who is not in memory (hired in an earlier batch, or the memory was dropped)."""
        missing: list[str] = []
        seen: set[str] = set()
        for event in events:
            employee_id = event.originator_id
            if employee_id in seen or (
                event.name not in self._NEEDS_CAREER and event.name != "Employee.Hired"
            ):
                continue
            seen.add(employee_id)  # one hired in this batch needs nothing read
            if event.name != "Employee.Hired" and employee_id not in self._careers:
                missing.append(employee_id)
        if not missing:
            return
        assert self._conn is not None and self._actions is not None
        table = self._actions
        columns = [table.c[name] for name in _LOADED_COLUMNS]
        for first in range(0, len(missing), _CHUNK):
            chunk = missing[first : first + _CHUNK]
            query = (
                select(*columns)
                .where(table.c.employee_id.in_(chunk))
                .order_by(table.c.employee_id, table.c.position)
            )
            for row in self._conn.execute(query).mappings():
                career = self._careers.get(row["employee_id"])
                if career is None:
                    career = self._careers[row["employee_id"]] = _Career(row["org"])
                fields = {name: row[name] for name in _LOADED_COLUMNS[2:]}
                fields["details"] = orjson.loads(fields["details"])
                career.actions[row["action_id"]] = _ACTION.validate_python(fields)


def _personal(event: Envelope) -> dict[str, Any]:
    """The employee row's columns an event of their personal data or account sets."""
    if event.name == "Employee.PersonalDataChanged":
        return {"sealed": event.data["sealed"]}
    if event.name == "Employee.AccountLinked":
        return {"username": event.data["username"]}
    # Employee.PersonalDataErased: the key is destroyed, so the ciphertext is noise; the read side
    # drops it, and a key restored from an old backup finds nothing here to open.
    return {"erased": True, "sealed": None}


def _periods(employee_id: str, org: str, effective: list[Action]) -> list[dict[str, Any]]:
    """The rows of ``personnel_periods`` of an approved history."""
    return [
        {
            "employee_id": employee_id,
            "org": org,
            "department": department,
            "grade": grade,
            "status": status.value,
            "starts": starts,
            "ends": ends,
        }
        for (department, grade, status), starts, ends in spans(
            effective, lambda s: (s.department, s.grade, s.status)
        )
    ]


def _replace_periods(conn: Connection, table: Table, periods: Mapping[str, list[dict[str, Any]]]) -> None:
    """Each employee's periods written again whole: an approval can change any of them."""
    employees = list(periods)
    for first in range(0, len(employees), _CHUNK):
        conn.execute(delete(table).where(table.c.employee_id.in_(employees[first : first + _CHUNK])))
    rows = [row for rows in periods.values() for row in rows]
    if rows:
        conn.execute(table.insert(), rows)


class PersonnelRecordsProjection(Projection):
    """증명서 발급대장 and 개인정보 열람 기록: append-only, one row per event."""

    name = "personnel_records"
    tables = (personnel_certificates, personnel_access_log)
    handles = frozenset({"IssuedCertificate.Issued", "PersonalDataRead.Recorded"})

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        for event in events:
            data = event.data
            if event.name == "IssuedCertificate.Issued":
                out.insert(
                    personnel_certificates,
                    {
                        "number": data["number"],
                        "org": data["org"],
                        "employee_id": data["employee_id"],
                        "kind": data["kind"],
                        "purpose": data["purpose"],
                        "issued_on": _day(data["accounting_date"]),
                        "statement": orjson.dumps(data["statement"]).decode(),
                        "position": event.position,
                    },
                )
            else:  # PersonalDataRead.Recorded
                out.insert(
                    personnel_access_log,
                    {
                        "read_id": event.originator_id,
                        "org": data["org"],
                        "employee_id": data["employee_id"],
                        "reader": data["actor"],
                        "reason": data["reason"],
                        # The moment the read was recorded (UTC), as the event store stamped it.
                        "read_at": datetime.fromisoformat(data["timestamp"]),
                        "read_on": _day(data["accounting_date"]),
                        "position": event.position,
                    },
                )
