"""Attendance (근태): one row per employee and recorded day, from the events of attendance records.

A record's events name the record, not the employee: the employee of each record is kept in
``personnel_attendance_records`` and in memory, read back on a miss when a batch is not continuing
(as :mod:`projections.erp` does for an obligation's line). A batch folds each day's events to the
day's last entry: a row to write, or none, and the days left with none are deleted after the rows
are written, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select

from projections.base import Envelope, Projection, RowWriter
from readmodels.attendance import attendance_records, personnel_attendance

_OPENED = "AttendanceRecord.Opened"
_RECORDED = "AttendanceRecord.DayRecorded"
_CORRECTED = "AttendanceRecord.DayCorrected"
_WITHDRAWN = "AttendanceRecord.DayWithdrawn"
#: Records read back per statement (bound parameters).
_CHUNK = 500


class AttendanceProjection(Projection):
    name = "personnel_attendance"
    tables = (personnel_attendance, attendance_records)
    handles = frozenset({_OPENED, _RECORDED, _CORRECTED, _WITHDRAWN})

    def __init__(self) -> None:
        self._employee_of: dict[str, str] = {}
        self._records: Table | None = None
        self._conn: Connection | None = None

    def start(self, conn: Connection, tables: Mapping[str, Table], *, continuing: bool) -> None:
        if not continuing:
            self._employee_of.clear()
        self._records = tables[attendance_records.name]
        self._conn = conn

    def apply(self, events: Sequence[Envelope], out: RowWriter) -> None:
        self._learn(events, out)
        # (employee, day) → the day's row after the batch, or None: withdrawn.
        final: dict[tuple[str, date], dict[str, Any] | None] = {}
        for event in events:
            if event.name == _OPENED:
                continue
            employee_id = self._employee_of[event.originator_id]
            data = event.data
            if event.name == _WITHDRAWN:
                final[(employee_id, date.fromisoformat(data["day"]))] = None
                continue
            entry = data["entry"]
            day = date.fromisoformat(entry["day"])
            final[(employee_id, day)] = {
                "org": data["org"],
                "kind": entry["kind"],
                "leave_half_days": entry["half_days"],
                "overtime_minutes": entry["overtime_minutes"],
                "night_minutes": entry["night_minutes"],
                "holiday_minutes": entry["holiday_minutes"],
                "note": entry["note"],
                "corrected": event.name == _CORRECTED,
            }
        gone = [{"e": employee_id, "d": day} for (employee_id, day), row in final.items() if row is None]
        for (employee_id, day), row in final.items():
            if row is not None:
                out.put(personnel_attendance, {"employee_id": employee_id, "day": day}, **row)
        if gone:
            out.then(lambda conn, tables: _delete_days(conn, tables[personnel_attendance.name], gone))

    def _learn(self, events: Sequence[Envelope], out: RowWriter) -> None:
        """Know the employee of every record the batch names: opened in it, remembered, or read
        back (one query for all the missing)."""
        for event in events:
            if event.name == _OPENED:
                employee_id = str(event.data["employee_id"])
                self._employee_of[event.originator_id] = employee_id
                out.put(attendance_records, {"record_id": event.originator_id}, employee_id=employee_id)
        missing = sorted({e.originator_id for e in events} - self._employee_of.keys())
        if missing:
            assert self._conn is not None and self._records is not None
            table = self._records
            for first in range(0, len(missing), _CHUNK):
                rows = self._conn.execute(
                    select(table.c.record_id, table.c.employee_id).where(
                        table.c.record_id.in_(missing[first : first + _CHUNK])
                    )
                )
                self._employee_of.update((row.record_id, row.employee_id) for row in rows)


def _delete_days(conn: Connection, table: Table, gone: list[dict[str, Any]]) -> None:
    conn.execute(
        delete(table).where(table.c.employee_id == bindparam("e"), table.c.day == bindparam("d")), gone
    )
