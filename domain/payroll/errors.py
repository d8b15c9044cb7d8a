"""Refusals of payroll (급여)."""

from __future__ import annotations

from domain.errors import DomainError, InvalidInput, InvalidState, NotFound


class MalformedTable(InvalidInput):
    """A table file a load was given breaks its kind's form: the row and column say where."""

    code = "malformed-table"
    title = "The payroll table is not in its kind's form"


class TableMissing(NotFound):
    """A run needs a table row that no loaded table has for the day (e.g. no 2026 pay scale)."""

    code = "payroll-table-missing"
    title = "No payroll table row is in force for the day"


class PayrollRunState(InvalidState):
    code = "payroll-run-state"
    title = "The payroll run is not in the state the step needs"


class SamePreparer(DomainError):
    """Four eyes: whoever calculated a run cannot approve it."""

    code = "same-preparer"
    title = "The run's preparer cannot approve it"


class PayrollNotConfigured(InvalidState):
    code = "payroll-not-configured"
    title = "The organisation's payroll settings do not name what the step needs"
