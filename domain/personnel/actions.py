"""Personnel actions (발령) and the service record they fold into.

Every action has an effective date (시행일) and an order number (발령번호). An employee's state on
a day is the fold of their approved actions effective by then, in date order; :func:`fold` runs
each action's rule against the state just before it, so inserting a backdated action, cancelling
one or amending one is checked against the whole history it changes (a return with no leave
before it, a promotion after the retirement, are refused wherever they would land).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar
from uuid import UUID

from domain.personnel.dated import value_on
from domain.personnel.errors import ActionNotAllowed
from domain.personnel.org_chart import LeaveKind, OrgChart

K = TypeVar("K")


class ActionKind(StrEnum):
    HIRE = "hire"  # 채용
    PROBATION_END = "probation_end"  # 수습 종료 (정규 임용)
    PROMOTION = "promotion"  # 승진
    STEP_INCREASE = "step_increase"  # 승급 (호봉 승급)
    TRANSFER = "transfer"  # 전보
    SECONDMENT = "secondment"  # 파견
    LEAVE = "leave"  # 휴직
    RETURN = "return"  # 복직 (휴직·직위해제·파견에서)
    SUSPENSION = "suspension"  # 직위해제
    DISCIPLINE = "discipline"  # 징계
    WORKING_PATTERN = "working_pattern"  # 근무형태 변경 (전일제·시간제)
    RETIREMENT = "retirement"  # 퇴직
    #: A correction that withdraws the action it ``corrects`` (발령 취소); it takes no effect itself.
    CANCELLATION = "cancellation"


class DisciplineKind(StrEnum):
    REPRIMAND = "reprimand"  # 견책
    PAY_CUT = "pay_cut"  # 감봉 (1–3 months)
    SUSPENSION = "suspension"  # 정직 (1–3 months)
    DEMOTION = "demotion"  # 강등 (one grade down)
    DISMISSAL = "dismissal"  # 해임
    REMOVAL = "removal"  # 파면


class RetirementKind(StrEnum):
    VOLUNTARY = "voluntary"  # 의원면직
    AGE = "age"  # 정년퇴직
    DISMISSAL = "dismissal"  # 해임·파면·직권면직


class WorkingPattern(StrEnum):
    FULL_TIME = "full_time"  # 전일제
    PART_TIME = "part_time"  # 시간선택제


class Status(StrEnum):
    """Where the employee stands on a day (재직 상태)."""

    EMPLOYED = "employed"  # 재직
    ON_LEAVE = "on_leave"  # 휴직
    SUSPENDED = "suspended"  # 직위해제
    SECONDED = "seconded"  # 파견
    RETIRED = "retired"  # 퇴직


class ActionStatus(StrEnum):
    DRAFTED = "drafted"  # 기안: recorded by a clerk, not in effect
    APPROVED = "approved"  # 결재: in effect from its effective date
    REJECTED = "rejected"  # 반려
    CANCELLED = "cancelled"  # 취소: a correction withdrew it (the history keeps it)
    AMENDED = "amended"  # 정정: a correction replaced it with another action


#: Disciplines with a period (감봉, 정직): at least one, at most three months (국가공무원법 제80조).
PERIOD_DISCIPLINES = frozenset({DisciplineKind.PAY_CUT, DisciplineKind.SUSPENSION})
#: Disciplines during and after which promotion and step increases wait (승진·승급 제한).
BARRING_DISCIPLINES = frozenset(
    {DisciplineKind.REPRIMAND, DisciplineKind.PAY_CUT, DisciplineKind.SUSPENSION, DisciplineKind.DEMOTION}
)
MIN_PART_TIME_HOURS = 15
MAX_PART_TIME_HOURS = 35
FULL_TIME_HOURS = 40


@dataclass(frozen=True, slots=True)
class ActionDetails:
    """What an action sets; which fields an action needs is :func:`check_details`'s to say."""

    department: str | None = None
    grade: str | None = None
    step: int | None = None
    position: str | None = None
    probation_until: date | None = None
    leave_kind: LeaveKind | None = None
    expected_end: date | None = None
    seconded_to: str | None = None
    discipline_kind: DisciplineKind | None = None
    period_ends: date | None = None
    pattern: WorkingPattern | None = None
    weekly_hours: int | None = None
    retirement_kind: RetirementKind | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """One personnel action of one employee, as drafted, and what became of it."""

    action_id: UUID
    kind: ActionKind
    order_number: str
    effective_date: date
    details: ActionDetails
    drafted_by: str
    status: ActionStatus = ActionStatus.DRAFTED
    #: The action this one corrects (정정): on approval that one is marked amended.
    corrects: UUID | None = None
    approved_by: str | None = None
    #: Approved over the department's 정원, as the organisation's rule allows (flagged).
    over_authorised: bool = False

    def decided(
        self, status: ActionStatus, approved_by: str | None = None, over_authorised: bool = False
    ) -> Action:
        """This action with what became of it (결재, 정정, 취소). Built directly rather than by
        ``dataclasses.replace``, which inspects the fields on every call: replaying a month's
        payroll decides a few hundred thousand actions."""
        return Action(
            self.action_id,
            self.kind,
            self.order_number,
            self.effective_date,
            self.details,
            self.drafted_by,
            status,
            self.corrects,
            approved_by if status is ActionStatus.APPROVED else self.approved_by,
            over_authorised if status is ActionStatus.APPROVED else self.over_authorised,
        )


@dataclass(frozen=True, slots=True)
class Discipline:
    kind: DisciplineKind
    starts: date
    ends: date | None


@dataclass(frozen=True, slots=True)
class ServiceState:
    """An employee's record on one day (인사기록): the fold of the actions effective by then."""

    status: Status
    hired_on: date
    department: str
    grade: str
    step: int
    position: str | None
    pattern: WorkingPattern
    weekly_hours: int
    on_probation: bool
    probation_until: date | None
    since: date  # when the current status began
    leave_kind: LeaveKind | None = None
    expected_end: date | None = None
    seconded_to: str | None = None
    last_step_increase: date | None = None
    last_promotion: date | None = None
    retired_on: date | None = None
    retirement_kind: RetirementKind | None = None
    disciplines: tuple[Discipline, ...] = ()

    def barred_on(self, day: date) -> Discipline | None:
        """A discipline whose period covers ``day`` (승진·승급 제한 기간)."""
        for discipline in self.disciplines:
            if (
                discipline.kind in BARRING_DISCIPLINES
                and discipline.starts <= day
                and (discipline.ends is None or day <= discipline.ends)
            ):
                return discipline
        return None


def _refuse(action: Action, why: str, state: ServiceState | None) -> ActionNotAllowed:
    return ActionNotAllowed(
        f"{action.kind.value} effective {action.effective_date}: {why}",
        kind=action.kind.value,
        effective_date=action.effective_date.isoformat(),
        status=state.status.value if state is not None else "not-hired",
    )


def _incomplete(action: Action, why: str) -> ActionNotAllowed:
    """A refusal of what the action itself says (no state looked at)."""
    return ActionNotAllowed(
        f"{action.kind.value} effective {action.effective_date}: {why}",
        kind=action.kind.value,
        effective_date=action.effective_date.isoformat(),
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day where it has none (31 Jan + 1
    month: 29 Feb in a leap year)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def check_details(action: Action) -> None:
    """The fields each kind of action needs (before any state is looked at)."""
    d = action.details
    need: dict[ActionKind, tuple[str, ...]] = {
        ActionKind.HIRE: ("department", "grade", "step"),
        ActionKind.PROMOTION: ("grade",),
        ActionKind.TRANSFER: ("department",),
        ActionKind.SECONDMENT: ("seconded_to", "expected_end"),
        ActionKind.LEAVE: ("leave_kind", "expected_end"),
        ActionKind.DISCIPLINE: ("discipline_kind",),
        ActionKind.WORKING_PATTERN: ("pattern",),
        ActionKind.RETIREMENT: ("retirement_kind",),
    }
    missing = [name for name in need.get(action.kind, ()) if getattr(d, name) is None]
    if missing:
        raise _incomplete(action, f"needs {', '.join(missing)}")
    if d.expected_end is not None and d.expected_end <= action.effective_date:
        raise _incomplete(action, "its expected end must come after its effective date")
    if action.kind is ActionKind.DISCIPLINE:
        assert d.discipline_kind is not None
        if d.discipline_kind in PERIOD_DISCIPLINES:
            if d.period_ends is None:
                raise _incomplete(
                    action, f"a {d.discipline_kind.value} discipline has a period (period_ends)"
                )
            # The period runs from the effective date through period_ends, both included: one
            # month from 2 March ends on 1 April, three months on 1 June (민법 제160조).
            shortest = add_months(action.effective_date, 1) - timedelta(days=1)
            longest = add_months(action.effective_date, 3) - timedelta(days=1)
            if not shortest <= d.period_ends <= longest:
                raise _incomplete(
                    action,
                    f"the period of 감봉·정직 is one to three months: it ends from {shortest} to {longest}",
                )
        if d.discipline_kind is DisciplineKind.DEMOTION and d.grade is None:
            raise _incomplete(action, "a demotion (강등) names the grade below")
    if action.kind is ActionKind.WORKING_PATTERN:
        if d.pattern is WorkingPattern.PART_TIME:
            hours = d.weekly_hours
            if hours is None or not MIN_PART_TIME_HOURS <= hours <= MAX_PART_TIME_HOURS:
                raise _incomplete(
                    action, f"part time is {MIN_PART_TIME_HOURS}–{MAX_PART_TIME_HOURS} hours a week"
                )
        elif d.weekly_hours not in (None, FULL_TIME_HOURS):
            raise _incomplete(action, f"full time is {FULL_TIME_HOURS} hours a week")


def apply(state: ServiceState | None, action: Action, chart: OrgChart | None) -> ServiceState:
    """The state after ``action``, or :class:`ActionNotAllowed` if it does not apply to ``state``
    (the state on the day before it takes effect). With ``chart`` the codes it names are checked
    on its effective date; without, they are taken as recorded (replay of the past)."""
    if action.kind is ActionKind.HIRE:
        return _hire(state, action, chart)
    if state is None:
        raise _refuse(action, "the employee is not hired on that date", state)
    if action.effective_date < state.hired_on:
        raise _refuse(action, f"it precedes the hire on {state.hired_on}", state)
    if state.status is Status.RETIRED:
        raise _refuse(action, f"the employee retired on {state.retired_on}", state)
    rule = _RULES.get(action.kind)
    if rule is None:  # pragma: no cover - a cancellation never reaches the fold
        raise _refuse(action, "it takes no effect of its own", state)
    return rule(state, action, chart)


def _hire(state: ServiceState | None, action: Action, chart: OrgChart | None) -> ServiceState:
    day, d = action.effective_date, action.details
    if state is not None:
        raise _refuse(action, "the employee is hired already", state)
    if chart is not None:
        chart.check_department(d.department or "", day)
        chart.check_step(d.grade or "", d.step or 0, day)
        if d.position is not None:
            chart.position_on(d.position, day)
    part_time = d.pattern is WorkingPattern.PART_TIME
    return ServiceState(
        status=Status.EMPLOYED,
        hired_on=day,
        department=d.department or "",
        grade=d.grade or "",
        step=d.step or 1,
        position=d.position,
        pattern=d.pattern or WorkingPattern.FULL_TIME,
        weekly_hours=(d.weekly_hours or FULL_TIME_HOURS) if part_time else FULL_TIME_HOURS,
        on_probation=d.probation_until is not None,
        probation_until=d.probation_until,
        since=day,
    )


def _advancing(state: ServiceState, action: Action, chart: OrgChart | None) -> None:
    """Promotion and step increases: not while suspended, on a leave the rules do not count, or
    within a discipline's bar."""
    if state.status is Status.SUSPENDED:
        raise _refuse(action, "the employee is suspended (직위해제)", state)
    if (
        state.status is Status.ON_LEAVE
        and chart is not None
        and state.leave_kind not in chart.rules.advancing_leave
    ):
        leave = state.leave_kind.value if state.leave_kind else "a"
        raise _refuse(action, f"the employee is on {leave} leave, which the rules do not count", state)
    barred = state.barred_on(action.effective_date)
    if barred is not None:
        raise _refuse(action, f"a {barred.kind.value} discipline from {barred.starts} bars it", state)


def _rank(chart: OrgChart, grade: str, day: date) -> int | None:
    found = value_on(chart.grades.get(grade, ()), day)
    return found.rank if found is not None else None


def _probation_end(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    if not state.on_probation:
        raise _refuse(action, "the employee is not on probation", state)
    return replace(state, on_probation=False)


def _promotion(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    day, d = action.effective_date, action.details
    _advancing(state, action, chart)
    if d.grade == state.grade:
        raise _refuse(action, f"the employee holds grade {d.grade} already", state)
    if chart is not None:
        new = chart.check_step(d.grade or "", d.step or 1, day)
        old = _rank(chart, state.grade, day)
        if old is not None and new.rank <= old:
            raise _refuse(action, f"grade {d.grade} is not above grade {state.grade}", state)
    return replace(state, grade=d.grade or state.grade, step=d.step or 1, last_promotion=day)


def _step_increase(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    _advancing(state, action, chart)
    step = action.details.step if action.details.step is not None else state.step + 1
    if step <= state.step:
        raise _refuse(action, f"step {step} is not above step {state.step}", state)
    if chart is not None:
        chart.check_step(state.grade, step, action.effective_date)
    return replace(state, step=step, last_step_increase=action.effective_date)


def _transfer(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    d = action.details
    if state.status is not Status.EMPLOYED:
        raise _refuse(action, "only an employee in service is transferred", state)
    if d.department == state.department:
        raise _refuse(action, f"the employee is in department {d.department} already", state)
    if chart is not None:
        chart.check_department(d.department or "", action.effective_date)
        if d.position is not None:
            chart.position_on(d.position, action.effective_date)
    # A transfer that names no position keeps the one held (직위 unchanged by 전보).
    position = d.position if d.position is not None else state.position
    return replace(state, department=d.department or state.department, position=position)


def _secondment(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    if state.status is not Status.EMPLOYED:
        raise _refuse(action, "only an employee in service is seconded", state)
    d = action.details
    return replace(
        state,
        status=Status.SECONDED,
        since=action.effective_date,
        seconded_to=d.seconded_to,
        expected_end=d.expected_end,
    )


def _leave(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    if state.status is not Status.EMPLOYED:
        raise _refuse(action, f"the employee is {state.status.value}, not in service", state)
    d = action.details
    return replace(
        state,
        status=Status.ON_LEAVE,
        since=action.effective_date,
        leave_kind=d.leave_kind,
        expected_end=d.expected_end,
    )


def _return(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    if state.status not in (Status.ON_LEAVE, Status.SUSPENDED, Status.SECONDED):
        raise _refuse(action, "there is no leave, suspension or secondment to return from", state)
    if action.effective_date <= state.since:
        raise _refuse(action, f"the return must come after the {state.status.value} of {state.since}", state)
    return replace(
        state,
        status=Status.EMPLOYED,
        since=action.effective_date,
        leave_kind=None,
        expected_end=None,
        seconded_to=None,
    )


def _suspension(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    if state.status is not Status.EMPLOYED:
        raise _refuse(action, "only an employee in service is suspended (직위해제)", state)
    return replace(state, status=Status.SUSPENDED, since=action.effective_date)


def _discipline(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    day, d = action.effective_date, action.details
    assert d.discipline_kind is not None
    # A period discipline's bar on advancement lasts its period; the others bar for their day
    # alone here (the statutory waiting periods belong to the promotion rules).
    ends = d.period_ends if d.discipline_kind in PERIOD_DISCIPLINES else day
    grade, step = state.grade, state.step
    if d.discipline_kind is DisciplineKind.DEMOTION:
        if chart is not None:
            lower = chart.check_step(d.grade or "", d.step or 1, day)
            old = _rank(chart, state.grade, day)
            if old is not None and lower.rank >= old:
                raise _refuse(action, f"grade {d.grade} is not below grade {state.grade}", state)
        grade, step = d.grade or grade, d.step or 1
    return replace(
        state,
        grade=grade,
        step=step,
        disciplines=(*state.disciplines, Discipline(d.discipline_kind, day, ends)),
    )


def _working_pattern(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    d = action.details
    hours = (d.weekly_hours or FULL_TIME_HOURS) if d.pattern is WorkingPattern.PART_TIME else FULL_TIME_HOURS
    if d.pattern is state.pattern and hours == state.weekly_hours:
        raise _refuse(action, "the employee works that pattern already", state)
    return replace(state, pattern=d.pattern or state.pattern, weekly_hours=hours)


def _retirement(state: ServiceState, action: Action, chart: OrgChart | None) -> ServiceState:
    day = action.effective_date
    return replace(
        state,
        status=Status.RETIRED,
        since=day,
        retired_on=day,
        retirement_kind=action.details.retirement_kind,
    )


_RULES: dict[ActionKind, Callable[[ServiceState, Action, OrgChart | None], ServiceState]] = {
    ActionKind.PROBATION_END: _probation_end,
    ActionKind.PROMOTION: _promotion,
    ActionKind.STEP_INCREASE: _step_increase,
    ActionKind.TRANSFER: _transfer,
    ActionKind.SECONDMENT: _secondment,
    ActionKind.LEAVE: _leave,
    ActionKind.RETURN: _return,
    ActionKind.SUSPENSION: _suspension,
    ActionKind.DISCIPLINE: _discipline,
    ActionKind.WORKING_PATTERN: _working_pattern,
    ActionKind.RETIREMENT: _retirement,
}


def ordered(actions: Iterable[Action]) -> list[Action]:
    """Actions in the order they take effect: by date, then in the order they were drafted
    (a stable sort keeps that order; the hire of a day comes first)."""
    return sorted(actions, key=lambda a: (a.effective_date, a.kind is not ActionKind.HIRE))


def fold(
    actions: Iterable[Action],
    chart: OrgChart | None = None,
    until: date | None = None,
    checked: frozenset[UUID] = frozenset(),
) -> ServiceState | None:
    """The state after every action effective by ``until`` (all, if None). Each action's rule
    is run against the state before it; the actions in ``checked`` (those a command adds or
    changes) are checked against the chart too, the others as they were recorded: a grade
    retired since does not undo an earlier promotion to it."""
    state: ServiceState | None = None
    for action in ordered(actions):
        if until is not None and action.effective_date > until:
            break
        state = apply(state, action, chart if action.action_id in checked else None)
    return state


def spans(
    actions: Iterable[Action], key: Callable[[ServiceState], K], until: date | None = None
) -> tuple[tuple[K, date, date | None], ...]:
    """The periods over which ``key`` of the record stays the same: (value, from, until-exclusive
    or None), for the approved history effective by ``until``. The retirement day is the first
    day outside every period; an action that changes nothing ``key`` sees starts none."""
    periods: list[tuple[K, date, date | None]] = []
    current: tuple[K, date] | None = None
    state: ServiceState | None = None
    for action in ordered(actions):
        if until is not None and action.effective_date > until:
            break
        state = apply(state, action, None)
        day = action.effective_date
        if state.status is Status.RETIRED:
            if current is not None:
                periods.append((current[0], current[1], day))
            current = None
            break
        value = key(state)
        if current is None:
            current = (value, day)
        elif value != current[0]:
            periods.append((current[0], current[1], day))
            current = (value, day)
    if current is not None:
        periods.append((current[0], current[1], None))
    return tuple((value, start, end) for value, start, end in periods if end is None or end > start)


def assignments(actions: Iterable[Action]) -> tuple[tuple[str, date, date | None], ...]:
    """The department periods of an employee's approved history. Every day in service counts
    in its department's headcount (정원 현황), also on leave, suspended or seconded."""
    return spans(actions, lambda state: state.department)
