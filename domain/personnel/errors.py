"""Refusals of personnel (인사) commands, each with a stable code (never rename one)."""

from __future__ import annotations

from domain.errors import DomainError, InvalidState, NotFound, UnknownCode


class ActionNotAllowed(InvalidState):
    """The action does not apply to the employee's state on its effective date (시행일), or it
    would leave a later action of the history without its ground."""

    code = "action-not-allowed"
    title = "The personnel action does not apply to the employee on its effective date"


class UnknownDepartment(UnknownCode):
    code = "unknown-department"
    title = "No such department (부서) in the organisation chart on that date"


class UnknownGrade(UnknownCode):
    code = "unknown-grade"
    title = "No such grade (직급) or step (호봉) on that date"


class UnknownPosition(UnknownCode):
    code = "unknown-position"
    title = "No such position (직위) on that date"


class OverAuthorisedHeadcount(DomainError):
    """A department would hold more people than its authorised headcount (정원), and the
    organisation's rule is to refuse rather than flag."""

    code = "over-authorised-headcount"
    title = "The department would exceed its authorised headcount (정원)"


class SameActorApproval(DomainError):
    """Four eyes (결재): whoever drafted an action may not approve it."""

    code = "approver-drafted-it"
    title = "An action is approved by someone other than the clerk who drafted it"


class ActionNotFound(NotFound):
    code = "action-not-found"
    title = "No such personnel action of the employee"


class ChartRuleBroken(InvalidState):
    """A change of the organisation chart that would break it (a department under an abolished
    parent, an abolished department still staffed, a cycle of parents)."""

    code = "chart-rule-broken"
    title = "The organisation chart change would break the chart"


class LeaveExceedsBalance(DomainError):
    """Annual leave (연차) beyond what is left of it on its day (잔여 연차), in full-time days as
    domain.personnel.annual_leave counts them."""

    code = "leave-exceeds-balance"
    title = "The annual leave exceeds the balance (잔여 연차) on that day"


class OvertimeOverLimit(DomainError):
    """Overtime beyond 12 hours in a Monday–Sunday week (근로기준법 제53조: 주 52시간)."""

    code = "overtime-over-limit"
    title = "The overtime exceeds its limit (연장근로 한도)"


class NotInService(InvalidState):
    """Attendance on a day the employee is not in service: not hired yet, retired, on leave (휴직),
    or suspended (직위해제) for annual leave and overtime."""

    code = "not-in-service"
    title = "The employee is not in service on that day"
