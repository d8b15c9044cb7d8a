"""An employee (직원) of one organisation, and their personnel actions (발령) as events.

Four eyes (결재): a clerk drafts an action (기안), someone else approves it (결재) or rejects it
(반려); only approved actions take effect, from their effective date. A draft is checked against
the approved history and the other pending drafts, so two clerks cannot draft actions that
contradict each other; an approval is checked again, against the approved history alone.

A correction of a past action is a new action that names the one it ``corrects``: an amendment
(the same kind, other values) or a :attr:`~ActionKind.CANCELLATION`. On approval the corrected
action is marked amended or cancelled; the history keeps every event, so the record as known at
an earlier moment still reads as it was then, while the record as of a date changes.

Personal data (개인정보) never reaches an event in plain text: the events carry ``sealed``, the
ciphertext the write side made under the employee's own data key (commands.personal_data).
Erasing destroys that key; the events stay and the chain still verifies.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import InvalidInput, InvalidState, MalformedCode
from domain.personnel.actions import (
    Action,
    ActionKind,
    ActionStatus,
    ServiceState,
    Status,
    assignments,
    check_details,
    fold,
    spans,
)
from domain.personnel.errors import ActionNotAllowed, ActionNotFound, SameActorApproval
from domain.personnel.org_chart import OrgChart

_EMPLOYEE_NUMBER_RE = re.compile(r"[0-9A-Z]{2,12}")
_ORDER_NUMBER_RE = re.compile(r"[0-9A-Z][0-9A-Z-]{0,23}")
#: A sealed value as commands.personal_data writes it: a version tag and base64.
_SEALED_RE = re.compile(r"pd1:[A-Za-z0-9+/=_-]{16,20000}")
_USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


def employee_number(value: str) -> str:
    """사번: 2–12 upper-case letters or digits, unique in its organisation."""
    if not isinstance(value, str) or not _EMPLOYEE_NUMBER_RE.fullmatch(value):
        raise MalformedCode(f"employee number must be 2–12 upper-case letters or digits, got {value!r}")
    return value


def order_number(value: str) -> str:
    """발령번호, e.g. ``2026-0142``: upper-case letters, digits and hyphens, at most 24."""
    if not isinstance(value, str) or not _ORDER_NUMBER_RE.fullmatch(value):
        raise MalformedCode(f"order number must be 1–24 upper-case letters, digits or hyphens, got {value!r}")
    return value


def sealed_value(value: str) -> str:
    if not isinstance(value, str) or not _SEALED_RE.fullmatch(value):
        raise InvalidInput("personal data must arrive sealed (pd1:…)")
    return value


class Employee(LedgerAggregate):
    """One person employed by one organisation, with every action of their career."""

    org: str
    employee_number: str
    sealed: str | None
    actions: tuple[Action, ...]
    username: str | None
    erased: bool

    @staticmethod
    def id_for(org: str, number: str) -> UUID:
        return ledger_id("employee", org, number)

    class Hired(LedgerAggregate.Created):
        """The hire drafted (채용 기안): the employee exists from here, in effect once approved."""

        employee_number: str
        sealed: str
        action: Action

        def apply(self, employee: Employee) -> None:
            employee.org = self.org
            employee.employee_number = self.employee_number
            employee.sealed = self.sealed
            employee.actions = (self.action,)
            employee.username = None
            employee.erased = False

    class ActionDrafted(LedgerAggregate.Event):
        action: Action

        def apply(self, employee: Employee) -> None:
            employee.actions = (*employee.actions, self.action)

    class ActionsApproved(LedgerAggregate.Event):
        """결재: the actions take effect; a correction marks the one it corrects."""

        action_ids: tuple[UUID, ...]
        over_authorised: tuple[UUID, ...]

        def apply(self, employee: Employee) -> None:
            # Keyed by the ids' integers: UUID's own __hash__ is Python code, and replaying a
            # month's payroll folds a few hundred thousand of these events.
            approved = {i.int for i in self.action_ids}
            corrected = {
                a.corrects.int: a.kind
                for a in employee.actions
                if a.corrects is not None and a.action_id.int in approved
            }
            flagged = {i.int for i in self.over_authorised}

            def after(a: Action) -> Action:
                key = a.action_id.int
                if key in approved:
                    return a.decided(ActionStatus.APPROVED, self.actor, key in flagged)
                if key in corrected:
                    cancelled = corrected[key] is ActionKind.CANCELLATION
                    return a.decided(ActionStatus.CANCELLED if cancelled else ActionStatus.AMENDED)
                return a

            employee.actions = tuple(after(a) for a in employee.actions)

    class ActionRejected(LedgerAggregate.Event):
        action_id: UUID
        reason: str

        def apply(self, employee: Employee) -> None:
            employee.actions = tuple(
                replace(a, status=ActionStatus.REJECTED) if a.action_id == self.action_id else a
                for a in employee.actions
            )

    class PersonalDataChanged(LedgerAggregate.Event):
        sealed: str

        def apply(self, employee: Employee) -> None:
            employee.sealed = self.sealed

    class AccountLinked(LedgerAggregate.Event):
        """The user who reads this record as its employee (self-service, 본인 조회)."""

        username: str

        def apply(self, employee: Employee) -> None:
            employee.username = self.username

    class PersonalDataErased(LedgerAggregate.Event):
        """개인정보 파기: the data key is destroyed; the sealed values can no longer be read."""

        reason: str

        def apply(self, employee: Employee) -> None:
            employee.erased = True

    # --- commands -----------------------------------------------------------------------------

    @staticmethod
    def check_hire(number: str, action: Action, chart: OrgChart) -> None:
        """The rules of a hire, before anything is sealed or made."""
        employee_number(number)
        if action.kind is not ActionKind.HIRE:
            raise InvalidInput("an employee begins with a hire")
        check_details(action)
        fold([action], chart, checked=frozenset({action.action_id}))

    @classmethod
    def hire(cls, ctx: Context, number: str, sealed: str, action: Action, chart: OrgChart) -> Employee:
        cls.check_hire(number, action, chart)
        return cls.start(
            cls.Hired,
            ctx,
            cls.id_for(ctx.org, number),
            employee_number=number,
            sealed=sealed_value(sealed),
            action=action,
        )

    def draft(self, ctx: Context, action: Action, chart: OrgChart) -> None:
        """기안: checked against the approved history and every pending draft."""
        self._refuse_erased()
        if any(a.action_id == action.action_id for a in self.actions):
            raise InvalidState(f"action {action.action_id} is drafted already")
        if action.kind is ActionKind.HIRE and action.corrects is None and self.has_live_hire():
            raise ActionNotAllowed(
                "an employee is hired once: draft an amendment of the hire instead", kind="hire"
            )
        if action.corrects is not None:
            corrected = self.action(action.corrects)
            if corrected.status is not ActionStatus.APPROVED:
                raise ActionNotAllowed(
                    f"only an approved action is corrected; {corrected.action_id} is "
                    f"{corrected.status.value}",
                    kind=action.kind.value,
                )
            if action.kind not in (corrected.kind, ActionKind.CANCELLATION):
                raise ActionNotAllowed(
                    f"an amendment of a {corrected.kind.value} is a {corrected.kind.value} or a cancellation",
                    kind=action.kind.value,
                )
            if any(
                a.corrects == corrected.action_id and a.status is ActionStatus.DRAFTED for a in self.actions
            ):
                raise ActionNotAllowed(
                    f"a correction of {corrected.action_id} is pending already", kind=action.kind.value
                )
        elif action.kind is ActionKind.CANCELLATION:
            raise ActionNotAllowed(
                "a cancellation names the action it cancels (corrects)", kind="cancellation"
            )
        if action.kind is not ActionKind.CANCELLATION:
            check_details(action)
        fold(self._timeline(drafts=True, extra=action), chart, checked=frozenset({action.action_id}))
        self.record(self.ActionDrafted, ctx, action=action)

    def approve(
        self,
        ctx: Context,
        action_ids: tuple[UUID, ...],
        chart: OrgChart,
        over_authorised: tuple[UUID, ...] = (),
    ) -> None:
        """결재 by someone other than the drafter; checked again on the approved history."""
        self.check_approval(ctx.actor, action_ids, chart)
        self.record_approval(ctx, action_ids, over_authorised)

    def check_approval(self, actor: str, action_ids: tuple[UUID, ...], chart: OrgChart) -> list[Action]:
        """The approved history the approval would make, checked (each action awaiting approval,
        drafted by someone else, and the history folding with it); nothing is recorded."""
        self._refuse_erased()
        chosen = [self.action(action_id) for action_id in action_ids]
        for action in chosen:
            if action.status is not ActionStatus.DRAFTED:
                raise ActionNotAllowed(
                    f"action {action.action_id} is {action.status.value}, not awaiting approval",
                    kind=action.kind.value,
                )
            if action.drafted_by == actor:
                raise SameActorApproval(
                    f"{actor} drafted action {action.action_id}: someone else approves it",
                    action_id=str(action.action_id),
                )
        approving = [replace(a, status=ActionStatus.APPROVED) for a in chosen]
        timeline = self._timeline(drafts=False, extra=approving)
        fold(timeline, chart, checked=frozenset(a.action_id for a in approving))
        return timeline

    def record_approval(
        self, ctx: Context, action_ids: tuple[UUID, ...], over_authorised: tuple[UUID, ...] = ()
    ) -> None:
        """Record an approval :meth:`check_approval` passed (the use case checks 정원 between)."""
        self.record(self.ActionsApproved, ctx, action_ids=tuple(action_ids), over_authorised=over_authorised)

    def reject(self, ctx: Context, action_id: UUID, reason: str) -> None:
        action = self.action(action_id)
        if action.status is not ActionStatus.DRAFTED:
            raise ActionNotAllowed(
                f"action {action_id} is {action.status.value}, not awaiting approval", kind=action.kind.value
            )
        reason = text.REASON.check(reason, "reason")
        self.record(self.ActionRejected, ctx, action_id=action_id, reason=reason)

    def change_personal_data(self, ctx: Context, sealed: str) -> None:
        self._refuse_erased()
        self.record(self.PersonalDataChanged, ctx, sealed=sealed_value(sealed))

    def link_account(self, ctx: Context, username: str) -> None:
        if not isinstance(username, str) or not _USERNAME_RE.fullmatch(username):
            raise MalformedCode(f"username {username!r} is not a user name")
        self.record(self.AccountLinked, ctx, username=username)

    def erase(self, ctx: Context, reason: str, on: date, retention_years: int) -> None:
        """파기: only after retirement and the retention period (보존기간)."""
        if self.erased:
            raise InvalidState(f"employee {self.employee_number}'s personal data is erased already")
        state = self.state_on(on)
        if state is None or state.status is not Status.RETIRED or state.retired_on is None:
            raise ActionNotAllowed(
                "personal data is erased only after retirement and its retention period", kind="erasure"
            )
        keep_until = _years_after(state.retired_on, retention_years)
        if on < keep_until:
            raise ActionNotAllowed(
                f"the retention period runs until {keep_until}",
                kind="erasure",
                retained_until=keep_until.isoformat(),
            )
        self.record(self.PersonalDataErased, ctx, reason=text.REASON.check(reason, "reason"))

    # --- queries --------------------------------------------------------------------------------

    def has_live_hire(self) -> bool:
        """A hire drafted or in effect: one whose rejection or cancellation frees the number for
        a new hire of the same person (the history keeps the first)."""
        live = {ActionStatus.DRAFTED, ActionStatus.APPROVED}
        return any(a.kind is ActionKind.HIRE and a.status in live for a in self.actions)

    def action(self, action_id: UUID) -> Action:
        for action in self.actions:
            if action.action_id == action_id:
                return action
        raise ActionNotFound(f"employee {self.employee_number} has no action {action_id}", id=str(action_id))

    def effective(self) -> list[Action]:
        """The approved history (amended and cancelled actions left out, cancellations too)."""
        return self._timeline(drafts=False)

    def state_on(self, day: date) -> ServiceState | None:
        """The record as of ``day`` (None: not hired by then, or the hire is not approved)."""
        return fold(self.effective(), None, until=day)

    def department_periods(self) -> tuple[tuple[str, date, date | None], ...]:
        return assignments(self.effective())

    def career_periods(self, until: date | None = None) -> list[tuple[date, date | None, str, str]]:
        """(from, until-exclusive, department, grade) of the approved history (경력 사항)."""
        return [
            (start, end, department, grade)
            for (department, grade), start, end in spans(
                self.effective(), lambda s: (s.department, s.grade), until
            )
        ]

    def _timeline(self, drafts: bool, extra: Action | list[Action] | None = None) -> list[Action]:
        wanted = {ActionStatus.APPROVED, ActionStatus.DRAFTED} if drafts else {ActionStatus.APPROVED}
        extras = {a.action_id: a for a in ([extra] if isinstance(extra, Action) else extra or [])}
        # In the order drafted, an action being approved where it stands: actions of one day
        # fold in that order, whether the approval is being checked or recorded.
        chosen: dict[UUID, Action] = {}
        for action in self.actions:
            if action.action_id in extras:
                chosen[action.action_id] = extras.pop(action.action_id)
            elif action.status in wanted:
                chosen[action.action_id] = action
        chosen.update(extras)
        for action in list(chosen.values()):
            if action.corrects is not None:
                chosen.pop(action.corrects, None)
        return [a for a in chosen.values() if a.kind is not ActionKind.CANCELLATION]

    def _refuse_erased(self) -> None:
        if self.erased:
            raise InvalidState(
                f"employee {self.employee_number}'s personal data is erased: the record is closed"
            )


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
