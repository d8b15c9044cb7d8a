"""Every rule of personnel (인사) actions, tried to breaking point, on both backends.

Each test drives the ledger as the HR office would (a clerk drafts, a manager approves) and looks
at what a user would notice: the refusal's code and numbers, the employee's record as of a day
(``Employee.state_on``), their department periods, and each department's headcount against its
정원 (``Staffing.headcount_on``). The chart is tests/app/personnel_helpers.py's.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import date, timedelta

import pytest

from commands.ledger import Ledger
from commands.messages.base import CommandResult
from commands.messages.personnel import (
    ApprovalItem,
    ApprovePersonnelActions,
    DraftStepIncreases,
    HireEmployee,
)
from commands.use_cases.personnel import action_id_for
from domain.errors import AlreadyExists, DomainError
from domain.personnel.actions import (
    ActionKind,
    ActionStatus,
    Discipline,
    DisciplineKind,
    RetirementKind,
    Status,
    WorkingPattern,
)
from domain.personnel.employee import Employee
from domain.personnel.org_chart import HeadcountPolicy, LeaveKind, OrgChart
from domain.personnel.staffing import Staffing
from tests.app.personnel_helpers import (
    HIRED_ON,
    ORG,
    RRN,
    Personnel,
    day,
    personal,
    run_together,
)
from tests.unit.gwt import refused

NOT_ALLOWED = "action-not-allowed"
ROUNDS = 4


@pytest.fixture
def hr(ledger: Ledger) -> Personnel:
    return Personnel(ledger).ready()


LEAVE_ENDS = day(8, 31)


def leave(kind: LeaveKind = LeaveKind.UNPAID, until: date = LEAVE_ENDS) -> dict[str, object]:
    return {"leave_kind": kind, "expected_end": until}


SECONDMENT = {"seconded_to": "행정안전부", "expected_end": day(12, 31)}


# --- hire (채용) ----------------------------------------------------------------------------------


def test_a_hire_takes_effect_once_approved_and_counts_in_its_department(hr: Personnel) -> None:
    # given a hire drafted by the clerk
    kim, hire = hr.draft_hire(
        "E001", department="FIN", grade="G9", step=2, position="P1", probation_until=day(8, 1)
    )
    # then it is not in effect yet, and counts nowhere
    assert hr.state(kim, HIRED_ON) is None
    assert hr.action(kim, hire).status is ActionStatus.DRAFTED
    assert hr.headcount("FIN", HIRED_ON) == 0
    # when the manager approves it
    hr.approve(kim, hire)
    # then the record reads as hired from the effective date, not before
    state = hr.state(kim, HIRED_ON)
    assert state is not None
    assert (state.status, state.department, state.grade, state.step, state.position) == (
        Status.EMPLOYED,
        "FIN",
        "G9",
        2,
        "P1",
    )
    assert (state.hired_on, state.on_probation, state.probation_until) == (HIRED_ON, True, day(8, 1))
    assert hr.state(kim, HIRED_ON - timedelta(days=1)) is None
    assert hr.employee(kim).department_periods() == (("FIN", HIRED_ON, None),)
    assert hr.headcount("FIN", HIRED_ON) == 1
    assert hr.headcount("FIN", HIRED_ON - timedelta(days=1)) == 0
    approved = hr.action(kim, hire)
    assert (approved.status, approved.approved_by, approved.drafted_by) == (
        ActionStatus.APPROVED,
        "lee",
        "kim",
    )
    # and the personal data was sealed once, for this employee, and only the seal is kept
    assert [subject for subject, _ in hr.sealer.sealed] == [kim]
    assert hr.sealer.sealed[0][1]["rrn"] == RRN
    assert (hr.employee(kim).sealed or "").startswith("pd1:")


@pytest.mark.parametrize(
    ("fields", "code", "numbers"),
    [
        ({"department": "ZZ"}, "unknown-department", {"department": "ZZ", "date": "2026-02-02"}),
        ({"grade": "G1"}, "unknown-grade", {"grade": "G1", "date": "2026-02-02"}),
        ({"step": 6}, "unknown-grade", {"grade": "G9", "step": "6", "max_step": 5}),
        ({"step": 0}, "unknown-grade", {"grade": "G9", "step": "0", "max_step": 5}),
        ({"position": "P9"}, "unknown-position", {"position": "P9", "date": "2026-02-02"}),
        ({"grade": "G5"}, "unknown-grade", {"grade": "G5", "date": "2026-02-02"}),  # G5 from 1 July
        ({"on": day(12, 31, 2025)}, "unknown-department", {"department": "FIN", "date": "2025-12-31"}),
    ],
    ids=["department", "grade", "step-over-max", "step-zero", "position", "grade-later", "before-chart"],
)
def test_a_hire_names_only_what_the_chart_holds_on_its_date(
    hr: Personnel, fields: dict[str, object], code: str, numbers: dict[str, object]
) -> None:
    size = hr.log_size()
    with refused(code, **numbers):
        hr.draft_hire("E001", **fields)  # type: ignore[arg-type]
    # nothing recorded, nothing sealed: a refused hire leaves no data key behind
    assert Employee.id_for(ORG, "E001") not in hr.ledger.repository
    assert hr.sealer.sealed == []
    assert hr.log_size() == size


def test_a_grade_that_exists_from_a_later_date_is_hired_into_from_that_date(hr: Personnel) -> None:
    with refused("unknown-grade", grade="G5", date="2026-06-30"):
        hr.draft_hire("E001", grade="G5", on=day(6, 30))
    kim = hr.hire("E001", grade="G5", on=day(7, 1))
    state = hr.state(kim, day(7, 1))
    assert state is not None and state.grade == "G5"


def test_an_abolished_department_takes_no_hire(hr: Personnel) -> None:
    hr.department("OLD", "구청사관리과")
    hr.abolish("OLD", on=day(3, 1))
    for on in (day(3, 1), day(5, 1)):
        with refused("unknown-department", department="OLD", date=on.isoformat()):
            hr.draft_hire("E001", department="OLD", on=on)
    assert hr.headcount("OLD", day(3, 1)) == 0


def test_an_employee_number_is_hired_once(hr: Personnel) -> None:
    kim = hr.hire("E001", department="FIN")
    with refused("already-exists", employee_number="E001"):
        hr.draft_hire("E001", department="HR")
    # nor is a second hire drafted as an action of the same employee
    with refused(NOT_ALLOWED, kind="hire"):
        hr.draft(kim, ActionKind.HIRE, on=day(3, 2), department="HR", grade="G9", step=1)
    state = hr.state(kim, day(12, 31))
    assert state is not None and state.department == "FIN"
    assert hr.headcount("HR", day(12, 31)) == 0
    assert len(hr.sealer.sealed) == 1


# --- probation end (수습 종료) ----------------------------------------------------------------------


def test_probation_ends_only_for_an_employee_on_probation(hr: Personnel) -> None:
    kim = hr.hire("E001", probation_until=day(8, 1))
    hr.act(kim, ActionKind.PROBATION_END, on=day(8, 1))
    assert hr.at(kim, day(7, 31)).on_probation is True
    assert hr.at(kim, day(8, 1)).on_probation is False
    with refused(NOT_ALLOWED, kind="probation_end", status="employed", effective_date="2026-09-01"):
        hr.draft(kim, ActionKind.PROBATION_END, on=day(9, 1))
    lee = hr.hire("E002")  # hired without probation
    with refused(NOT_ALLOWED, kind="probation_end", status="employed"):
        hr.draft(lee, ActionKind.PROBATION_END, on=day(3, 2))


# --- promotion (승진) ------------------------------------------------------------------------------


def test_a_promotion_goes_up_a_grade_and_starts_at_its_step(hr: Personnel) -> None:
    kim = hr.hire("E001", grade="G9", step=3)
    hr.act(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    hr.act(kim, ActionKind.PROMOTION, on=day(7, 1), grade="G7", step=2)
    before, after, later = (hr.state(kim, d) for d in (day(3, 31), day(4, 1), day(7, 1)))
    assert (before.grade, before.step) == ("G9", 3)
    assert (after.grade, after.step, after.last_promotion) == ("G8", 1, day(4, 1))
    assert (later.grade, later.step) == ("G7", 2)


def test_a_promotion_to_a_lower_or_the_same_grade_is_refused(hr: Personnel) -> None:
    kim = hr.hire("E001", grade="G8")
    version = hr.employee(kim).version
    with refused(NOT_ALLOWED, kind="promotion", status="employed"):
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G9")
    with refused(NOT_ALLOWED, kind="promotion"):
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    with refused("unknown-grade", grade="G5", date="2026-04-01"):  # G5 only from 1 July
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G5")
    with refused("unknown-grade", grade="G7", step="9", max_step=5):
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G7", step=9)
    assert hr.employee(kim).version == version
    assert hr.at(kim, day(12, 31)).grade == "G8"


def test_a_promotion_waits_out_unpaid_leave_but_not_parental_leave(hr: Personnel) -> None:
    unpaid, parental = hr.hire("E001"), hr.hire("E002")
    hr.act(unpaid, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.UNPAID))
    hr.act(parental, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.PARENTAL))
    # unpaid leave: refused
    with refused(NOT_ALLOWED, kind="promotion", status="on_leave"):
        hr.draft(unpaid, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    # parental leave counts by default: accepted, and still on leave
    hr.act(parental, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    state = hr.state(parental, day(4, 1))
    assert (state.status, state.grade) == (Status.ON_LEAVE, "G8")
    assert hr.at(unpaid, day(4, 1)).grade == "G9"


def test_when_the_rules_count_no_leave_parental_leave_bars_advancement(hr: Personnel) -> None:
    parental = hr.hire("E002")
    hr.act(parental, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.PARENTAL))
    hr.act(parental, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    # when the organisation's rules count no leave, parental leave bars it too
    hr.rules(advancing_leave=())
    other = hr.hire("E003")
    hr.act(other, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.PARENTAL))
    with refused(NOT_ALLOWED, kind="promotion", status="on_leave"):
        hr.draft(other, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    with refused(NOT_ALLOWED, kind="step_increase", status="on_leave"):
        hr.draft(parental, ActionKind.STEP_INCREASE, on=day(5, 1))
    assert hr.at(other, day(4, 1)).grade == "G9"


def test_a_suspended_employee_is_not_promoted_until_they_return(hr: Personnel) -> None:
    kim = hr.hire("E001")
    hr.act(kim, ActionKind.SUSPENSION, on=day(3, 2))
    with refused(NOT_ALLOWED, kind="promotion", status="suspended"):
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    with refused(NOT_ALLOWED, kind="step_increase", status="suspended"):
        hr.draft(kim, ActionKind.STEP_INCREASE, on=day(4, 1))
    hr.act(kim, ActionKind.RETURN, on=day(5, 1))
    hr.act(kim, ActionKind.PROMOTION, on=day(5, 2), grade="G8")
    assert hr.at(kim, day(5, 2)).grade == "G8"


def test_a_pay_cut_bars_advancement_for_its_whole_period(hr: Personnel) -> None:
    kim = hr.hire("E001")
    hr.act(
        kim,
        ActionKind.DISCIPLINE,
        on=day(3, 2),
        discipline_kind=DisciplineKind.PAY_CUT,
        period_ends=day(5, 31),
    )
    for on in (day(3, 2), day(4, 15), day(5, 31)):
        with refused(NOT_ALLOWED, kind="promotion", effective_date=on.isoformat()):
            hr.draft(kim, ActionKind.PROMOTION, on=on, grade="G8")
        with refused(NOT_ALLOWED, kind="step_increase"):
            hr.draft(kim, ActionKind.STEP_INCREASE, on=on)
    hr.act(kim, ActionKind.PROMOTION, on=day(6, 1), grade="G8")
    assert hr.at(kim, day(6, 1)).grade == "G8"
    assert hr.at(kim, day(5, 31)).disciplines == (Discipline(DisciplineKind.PAY_CUT, day(3, 2), day(5, 31)),)


# --- step increase (승급) --------------------------------------------------------------------------


def test_a_step_increase_stops_at_the_top_step_of_the_grade(hr: Personnel) -> None:
    kim = hr.hire("E001", grade="G9", step=4)
    hr.act(kim, ActionKind.STEP_INCREASE, on=day(3, 1))
    state = hr.state(kim, day(3, 1))
    assert (state.step, state.last_step_increase) == (5, day(3, 1))
    with refused("unknown-grade", grade="G9", step="6", max_step=5):
        hr.draft(kim, ActionKind.STEP_INCREASE, on=day(4, 1))
    with refused(NOT_ALLOWED, kind="step_increase"):  # not above the current step
        hr.draft(kim, ActionKind.STEP_INCREASE, on=day(4, 1), step=3)
    assert hr.at(kim, day(12, 31)).step == 5


def test_no_step_increase_on_unpaid_leave_one_on_parental_leave(hr: Personnel) -> None:
    unpaid, parental = hr.hire("E001"), hr.hire("E002")
    hr.act(unpaid, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.UNPAID))
    hr.act(parental, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.PARENTAL))
    with refused(NOT_ALLOWED, kind="step_increase", status="on_leave"):
        hr.draft(unpaid, ActionKind.STEP_INCREASE, on=day(4, 1))
    hr.act(parental, ActionKind.STEP_INCREASE, on=day(4, 1))
    assert hr.at(unpaid, day(4, 1)).step == 1
    assert hr.at(parental, day(4, 1)).step == 2


# --- transfer (전보) and secondment (파견) --------------------------------------------------------


def test_a_transfer_moves_the_employee_and_their_headcount(hr: Personnel) -> None:
    kim = hr.hire("E001", department="FIN")
    hr.act(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR", position="P2")
    assert hr.at(kim, day(3, 31)).department == "FIN"
    after = hr.state(kim, day(4, 1))
    assert (after.department, after.position) == ("HR", "P2")
    assert hr.employee(kim).department_periods() == (("FIN", HIRED_ON, day(4, 1)), ("HR", day(4, 1), None))
    assert (hr.headcount("FIN", day(3, 31)), hr.headcount("FIN", day(4, 1))) == (1, 0)
    assert (hr.headcount("HR", day(3, 31)), hr.headcount("HR", day(4, 1))) == (0, 1)


def test_a_transfer_is_refused_to_the_same_department_on_leave_or_into_an_abolished_one(
    hr: Personnel,
) -> None:
    kim = hr.hire("E001", department="FIN")
    with refused(NOT_ALLOWED, kind="transfer", status="employed"):
        hr.draft(kim, ActionKind.TRANSFER, on=day(3, 2), department="FIN")
    hr.department("OLD", "구청사관리과")
    hr.abolish("OLD", on=day(4, 1))
    with refused("unknown-department", department="OLD", date="2026-04-01"):
        hr.draft(kim, ActionKind.TRANSFER, on=day(4, 1), department="OLD")
    with refused("unknown-department", department="ZZ"):
        hr.draft(kim, ActionKind.TRANSFER, on=day(4, 1), department="ZZ")
    hr.act(kim, ActionKind.LEAVE, on=day(5, 1), **leave())
    with refused(NOT_ALLOWED, kind="transfer", status="on_leave"):
        hr.draft(kim, ActionKind.TRANSFER, on=day(6, 1), department="HR")
    assert hr.employee(kim).department_periods() == (("FIN", HIRED_ON, None),)


def test_a_seconded_employee_still_counts_at_home_and_returns_from_it(hr: Personnel) -> None:
    kim = hr.hire("E001", department="FIN")
    with refused(NOT_ALLOWED, kind="secondment"):  # where to and until when
        hr.draft(kim, ActionKind.SECONDMENT, on=day(3, 2), seconded_to="행정안전부")
    with refused(NOT_ALLOWED, kind="secondment"):
        hr.draft(kim, ActionKind.SECONDMENT, on=day(3, 2), seconded_to="행정안전부", expected_end=day(3, 1))
    hr.act(kim, ActionKind.SECONDMENT, on=day(3, 2), **SECONDMENT)
    state = hr.state(kim, day(3, 2))
    assert (state.status, state.seconded_to, state.expected_end, state.department) == (
        Status.SECONDED,
        "행정안전부",
        day(12, 31),
        "FIN",
    )
    assert hr.headcount("FIN", day(6, 1)) == 1
    for kind, fields in (
        (ActionKind.LEAVE, leave()),
        (ActionKind.TRANSFER, {"department": "HR"}),
        (ActionKind.SECONDMENT, SECONDMENT),
        (ActionKind.SUSPENSION, {}),
    ):
        with refused(NOT_ALLOWED, kind=kind.value, status="seconded"):
            hr.draft(kim, kind, on=day(6, 1), **fields)
    hr.act(kim, ActionKind.RETURN, on=day(9, 1))
    back = hr.state(kim, day(9, 1))
    assert (back.status, back.seconded_to, back.since) == (Status.EMPLOYED, None, day(9, 1))


# --- leave (휴직), return (복직), suspension (직위해제) ----------------------------------------------


@pytest.mark.parametrize("kind", list(LeaveKind))
def test_each_kind_of_leave_runs_from_its_start_with_its_expected_end(hr: Personnel, kind: LeaveKind) -> None:
    kim = hr.hire("E001")
    hr.act(kim, ActionKind.LEAVE, on=day(3, 2), **leave(kind, until=day(8, 31)))
    assert hr.at(kim, day(3, 1)).status is Status.EMPLOYED
    state = hr.state(kim, day(3, 2))
    assert (state.status, state.leave_kind, state.expected_end, state.since) == (
        Status.ON_LEAVE,
        kind,
        day(8, 31),
        day(3, 2),
    )
    assert hr.headcount("FIN", day(4, 1)) == 1  # on leave, still on the department's books


def test_a_leave_ends_after_it_starts_and_is_not_taken_twice(hr: Personnel) -> None:
    kim = hr.hire("E001")
    for fields in (
        leave(until=day(3, 2)),  # ends the day it starts
        leave(until=day(3, 1)),  # ends before it starts
        {"leave_kind": LeaveKind.SICK},  # no expected end
        {"expected_end": day(8, 31)},  # no kind
    ):
        with refused(NOT_ALLOWED, kind="leave", effective_date="2026-03-02"):
            hr.draft(kim, ActionKind.LEAVE, on=day(3, 2), **fields)
    hr.act(kim, ActionKind.LEAVE, on=day(3, 2), **leave())
    with refused(NOT_ALLOWED, kind="leave", status="on_leave"):
        hr.draft(kim, ActionKind.LEAVE, on=day(4, 1), **leave(LeaveKind.SICK))
    assert hr.at(kim, day(4, 1)).leave_kind is LeaveKind.UNPAID


def test_a_return_needs_a_leave_before_it_and_a_day_after_it(hr: Personnel) -> None:
    kim = hr.hire("E001")
    with refused(NOT_ALLOWED, kind="return", status="employed"):
        hr.draft(kim, ActionKind.RETURN, on=day(3, 2))
    hr.act(kim, ActionKind.LEAVE, on=day(3, 2), **leave())
    with refused(NOT_ALLOWED, kind="return", status="on_leave", effective_date="2026-03-02"):
        hr.draft(kim, ActionKind.RETURN, on=day(3, 2))  # the same day
    with refused(NOT_ALLOWED, kind="return", status="employed"):
        hr.draft(kim, ActionKind.RETURN, on=day(3, 1))  # before the leave
    hr.act(kim, ActionKind.RETURN, on=day(6, 1))
    assert hr.at(kim, day(5, 31)).status is Status.ON_LEAVE
    back = hr.state(kim, day(6, 1))
    assert (back.status, back.leave_kind, back.expected_end, back.since) == (
        Status.EMPLOYED,
        None,
        None,
        day(6, 1),
    )
    with refused(NOT_ALLOWED, kind="return", status="employed"):
        hr.draft(kim, ActionKind.RETURN, on=day(7, 1))  # returned already


def test_a_suspension_ends_with_a_return_and_excludes_the_other_statuses(hr: Personnel) -> None:
    kim = hr.hire("E001")
    hr.act(kim, ActionKind.SUSPENSION, on=day(3, 2))
    assert hr.at(kim, day(3, 2)).status is Status.SUSPENDED
    for kind, fields in (
        (ActionKind.SUSPENSION, {}),
        (ActionKind.LEAVE, leave()),
        (ActionKind.SECONDMENT, SECONDMENT),
        (ActionKind.TRANSFER, {"department": "HR"}),
    ):
        with refused(NOT_ALLOWED, kind=kind.value, status="suspended"):
            hr.draft(kim, kind, on=day(4, 1), **fields)
    assert hr.headcount("FIN", day(4, 1)) == 1
    hr.act(kim, ActionKind.RETURN, on=day(5, 1))
    assert hr.at(kim, day(5, 1)).status is Status.EMPLOYED


# --- discipline (징계) -----------------------------------------------------------------------------


def test_a_pay_cut_or_suspension_discipline_has_a_period_of_at_most_three_months(hr: Personnel) -> None:
    kim = hr.hire("E001")
    for kind in (DisciplineKind.PAY_CUT, DisciplineKind.SUSPENSION):
        for period_ends in (None, day(7, 31), day(3, 1)):  # none, four months and more, before it
            with refused(NOT_ALLOWED, kind="discipline", effective_date="2026-03-02"):
                hr.draft(
                    kim, ActionKind.DISCIPLINE, on=day(3, 2), discipline_kind=kind, period_ends=period_ends
                )
    assert hr.at(kim, day(12, 31)).disciplines == ()
    hr.act(
        kim,
        ActionKind.DISCIPLINE,
        on=day(3, 2),
        discipline_kind=DisciplineKind.PAY_CUT,
        period_ends=day(6, 1),
    )
    assert hr.at(kim, day(3, 2)).disciplines == (Discipline(DisciplineKind.PAY_CUT, day(3, 2), day(6, 1)),)


def test_a_pay_cut_of_nearly_four_months_is_refused(hr: Personnel) -> None:
    """감봉 is 1–3 months (국가공무원법 제80조): 2 March to 30 June is four months less a day."""
    kim = hr.hire("E001")
    with refused(NOT_ALLOWED, kind="discipline"):
        hr.draft(
            kim,
            ActionKind.DISCIPLINE,
            on=day(3, 2),
            discipline_kind=DisciplineKind.PAY_CUT,
            period_ends=day(6, 30),
        )
    assert hr.at(kim, day(12, 31)).disciplines == ()


def test_a_pay_cut_of_one_week_is_refused(hr: Personnel) -> None:
    """감봉 is at least one month (the module says so: 'at least one, at most three months')."""
    kim = hr.hire("E001")
    with refused(NOT_ALLOWED, kind="discipline"):
        hr.draft(
            kim,
            ActionKind.DISCIPLINE,
            on=day(3, 2),
            discipline_kind=DisciplineKind.PAY_CUT,
            period_ends=day(3, 9),
        )
    assert hr.at(kim, day(12, 31)).disciplines == ()


def test_a_demotion_goes_down_to_the_grade_it_names(hr: Personnel) -> None:
    kim = hr.hire("E001", grade="G7", step=4)
    with refused(NOT_ALLOWED, kind="discipline", status="employed"):
        hr.draft(
            kim, ActionKind.DISCIPLINE, on=day(4, 1), discipline_kind=DisciplineKind.DEMOTION, grade="G6"
        )
    with refused(NOT_ALLOWED, kind="discipline"):
        hr.draft(
            kim, ActionKind.DISCIPLINE, on=day(4, 1), discipline_kind=DisciplineKind.DEMOTION, grade="G7"
        )
    with refused(NOT_ALLOWED, kind="discipline"):  # names no grade
        hr.draft(kim, ActionKind.DISCIPLINE, on=day(4, 1), discipline_kind=DisciplineKind.DEMOTION)
    assert hr.at(kim, day(4, 1)).grade == "G7"
    hr.act(
        kim, ActionKind.DISCIPLINE, on=day(4, 1), discipline_kind=DisciplineKind.DEMOTION, grade="G8", step=3
    )
    state = hr.state(kim, day(4, 1))
    assert (state.grade, state.step) == ("G8", 3)
    assert state.disciplines == (Discipline(DisciplineKind.DEMOTION, day(4, 1), day(4, 1)),)


# --- working pattern (근무형태) --------------------------------------------------------------------


def test_part_time_is_fifteen_to_thirty_five_hours_a_week(hr: Personnel) -> None:
    kim = hr.hire("E001")
    for hours in (None, 0, 14, 36, 40):
        with refused(NOT_ALLOWED, kind="working_pattern"):
            hr.draft(
                kim,
                ActionKind.WORKING_PATTERN,
                on=day(3, 2),
                pattern=WorkingPattern.PART_TIME,
                weekly_hours=hours,
            )
    with refused(NOT_ALLOWED, kind="working_pattern"):  # full time is forty hours
        hr.draft(
            kim, ActionKind.WORKING_PATTERN, on=day(3, 2), pattern=WorkingPattern.FULL_TIME, weekly_hours=30
        )
    with refused(NOT_ALLOWED, kind="working_pattern", status="employed"):  # full time already
        hr.draft(kim, ActionKind.WORKING_PATTERN, on=day(3, 2), pattern=WorkingPattern.FULL_TIME)
    hr.act(kim, ActionKind.WORKING_PATTERN, on=day(3, 2), pattern=WorkingPattern.PART_TIME, weekly_hours=15)
    hr.act(kim, ActionKind.WORKING_PATTERN, on=day(4, 1), pattern=WorkingPattern.PART_TIME, weekly_hours=35)
    with refused(NOT_ALLOWED, kind="working_pattern"):
        hr.draft(
            kim, ActionKind.WORKING_PATTERN, on=day(5, 1), pattern=WorkingPattern.PART_TIME, weekly_hours=35
        )
    hr.act(kim, ActionKind.WORKING_PATTERN, on=day(6, 1), pattern=WorkingPattern.FULL_TIME)
    seen = [
        (s.pattern, s.weekly_hours)
        for s in (hr.state(kim, d) for d in (day(3, 1), day(3, 2), day(4, 1), day(6, 1)))
    ]
    assert seen == [
        (WorkingPattern.FULL_TIME, 40),
        (WorkingPattern.PART_TIME, 15),
        (WorkingPattern.PART_TIME, 35),
        (WorkingPattern.FULL_TIME, 40),
    ]


# --- retirement (퇴직): nothing after it ------------------------------------------------------------

AFTER_RETIREMENT: dict[ActionKind, dict[str, object]] = {
    ActionKind.PROBATION_END: {},
    ActionKind.PROMOTION: {"grade": "G8"},
    ActionKind.STEP_INCREASE: {},
    ActionKind.TRANSFER: {"department": "HR"},
    ActionKind.SECONDMENT: SECONDMENT,
    ActionKind.LEAVE: leave(until=day(12, 31)),
    ActionKind.RETURN: {},
    ActionKind.SUSPENSION: {},
    ActionKind.DISCIPLINE: {"discipline_kind": DisciplineKind.REPRIMAND},
    ActionKind.WORKING_PATTERN: {"pattern": WorkingPattern.PART_TIME, "weekly_hours": 20},
    ActionKind.RETIREMENT: {"retirement_kind": RetirementKind.AGE},
}


def test_after_retirement_every_kind_of_action_is_refused(hr: Personnel) -> None:
    kim = hr.hire("E001", probation_until=day(12, 31))
    hr.act(kim, ActionKind.RETIREMENT, on=day(6, 30), retirement_kind=RetirementKind.VOLUNTARY)
    state = hr.state(kim, day(6, 30))
    assert (state.status, state.retired_on, state.retirement_kind) == (
        Status.RETIRED,
        day(6, 30),
        RetirementKind.VOLUNTARY,
    )
    assert hr.at(kim, day(6, 29)).status is Status.EMPLOYED
    assert hr.employee(kim).department_periods() == (("FIN", HIRED_ON, day(6, 30)),)
    assert (hr.headcount("FIN", day(6, 29)), hr.headcount("FIN", day(6, 30))) == (1, 0)
    version = hr.employee(kim).version
    assert set(AFTER_RETIREMENT) == set(ActionKind) - {ActionKind.HIRE, ActionKind.CANCELLATION}
    for kind, fields in AFTER_RETIREMENT.items():
        for on in (day(6, 30), day(7, 1)):  # the retirement day itself and after
            with refused(NOT_ALLOWED, kind=kind.value, status="retired", effective_date=on.isoformat()):
                hr.draft(kim, kind, on=on, **fields)
    assert hr.employee(kim).version == version


def test_a_backdated_retirement_before_a_later_action_is_refused_at_draft(hr: Personnel) -> None:
    kim = hr.hire("E001")
    hr.act(kim, ActionKind.STEP_INCREASE, on=day(5, 1))
    # the later, approved step increase would be left after the retirement
    with refused(NOT_ALLOWED, kind="step_increase", status="retired", effective_date="2026-05-01"):
        hr.draft(kim, ActionKind.RETIREMENT, on=day(4, 30), retirement_kind=RetirementKind.VOLUNTARY)
    # so would a later action only drafted
    hr.draft(kim, ActionKind.TRANSFER, on=day(6, 1), department="HR")
    with refused(NOT_ALLOWED, kind="transfer", status="retired"):
        hr.draft(kim, ActionKind.RETIREMENT, on=day(5, 15), retirement_kind=RetirementKind.VOLUNTARY)
    # a retirement after both is drafted
    retirement = hr.draft(kim, ActionKind.RETIREMENT, on=day(6, 1), retirement_kind=RetirementKind.VOLUNTARY)
    assert hr.action(kim, retirement).status is ActionStatus.DRAFTED
    assert hr.at(kim, day(12, 31)).status is Status.EMPLOYED


def test_a_backdated_retirement_is_refused_at_approval_when_a_later_action_stands(hr: Personnel) -> None:
    kim = hr.hire("E001")
    raise_ = hr.act(kim, ActionKind.STEP_INCREASE, on=day(5, 1))
    # while a cancellation of the increase is pending, the retirement before it is drafted
    cancellation = hr.draft(kim, ActionKind.CANCELLATION, on=day(5, 1), corrects=raise_)
    retirement = hr.draft(kim, ActionKind.RETIREMENT, on=day(4, 30), retirement_kind=RetirementKind.VOLUNTARY)
    # but approved before the cancellation, it would leave the increase after it
    with refused(NOT_ALLOWED, kind="step_increase", status="retired", effective_date="2026-05-01"):
        hr.approve(kim, retirement)
    assert hr.action(kim, retirement).status is ActionStatus.DRAFTED
    assert hr.at(kim, day(5, 1)).status is Status.EMPLOYED
    assert hr.headcount("FIN", day(5, 1)) == 1
    # once the cancellation is approved, so is the retirement
    hr.approve(kim, cancellation)
    hr.approve(kim, retirement)
    assert hr.at(kim, day(4, 30)).status is Status.RETIRED
    assert hr.action(kim, raise_).status is ActionStatus.CANCELLED
    assert hr.headcount("FIN", day(4, 30)) == 0


def test_an_action_after_a_retirement_is_refused_at_approval_too(hr: Personnel) -> None:
    kim = hr.hire("E001")
    retirement = hr.act(kim, ActionKind.RETIREMENT, on=day(6, 30), retirement_kind=RetirementKind.VOLUNTARY)
    # the retirement's cancellation pending, a transfer after it is drafted ...
    cancellation = hr.draft(kim, ActionKind.CANCELLATION, on=day(6, 30), corrects=retirement)
    transfer = hr.draft(kim, ActionKind.TRANSFER, on=day(7, 1), department="HR")
    # ... but not approved while the retirement stands
    with refused(NOT_ALLOWED, kind="transfer", status="retired"):
        hr.approve(kim, transfer)
    hr.reject(kim, cancellation)
    with refused(NOT_ALLOWED, kind="transfer", status="retired"):
        hr.approve(kim, transfer)
    assert hr.at(kim, day(7, 1)).status is Status.RETIRED
    assert hr.headcount("HR", day(7, 1)) == 0


# --- four eyes (결재) --------------------------------------------------------------------------------


def test_whoever_drafted_an_action_cannot_approve_it(hr: Personnel) -> None:
    kim, hire = hr.draft_hire("E001")
    with refused("approver-drafted-it", action_id=str(hire)):
        hr.approve(kim, hire, actor="kim")
    assert hr.state(kim, HIRED_ON) is None
    assert hr.headcount("FIN", HIRED_ON) == 0
    hr.approve(kim, hire)
    # the manager may draft too, and then the clerk approves
    transfer = hr.draft(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR", actor="lee")
    with refused("approver-drafted-it", action_id=str(transfer)):
        hr.approve(kim, transfer, actor="lee")
    hr.approve(kim, transfer, actor="kim")
    assert hr.action(kim, transfer).approved_by == "kim"
    assert hr.at(kim, day(4, 1)).department == "HR"


def test_a_rejected_action_never_takes_effect(hr: Personnel) -> None:
    kim = hr.hire("E001")
    transfer = hr.draft(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR")
    hr.reject(kim, transfer)
    assert hr.action(kim, transfer).status is ActionStatus.REJECTED
    with refused(NOT_ALLOWED, kind="transfer"):
        hr.approve(kim, transfer)
    with refused(NOT_ALLOWED, kind="transfer"):
        hr.reject(kim, transfer)
    assert hr.at(kim, day(4, 1)).department == "FIN"
    assert hr.headcount("HR", day(4, 1)) == 0
    # and it blocks nothing: a leave the same day is drafted
    hr.act(kim, ActionKind.LEAVE, on=day(4, 1), **leave())
    assert hr.at(kim, day(4, 1)).status is Status.ON_LEAVE


def test_a_rejected_hire_never_counts(hr: Personnel) -> None:
    kim, hire = hr.draft_hire("E001", department="IT")
    hr.reject(kim, hire)
    with refused(NOT_ALLOWED, kind="hire"):
        hr.approve(kim, hire)
    assert hr.state(kim, day(12, 31)) is None
    assert hr.employee(kim).department_periods() == ()
    assert hr.headcount("IT", day(12, 31)) == 0


def test_an_approved_action_is_approved_once(hr: Personnel) -> None:
    kim = hr.hire("E001")
    promotion = hr.act(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    version = hr.employee(kim).version
    with refused(NOT_ALLOWED, kind="promotion"):
        hr.approve(kim, promotion, actor="park")
    assert hr.employee(kim).version == version
    assert hr.action(kim, promotion).approved_by == "lee"


def test_a_batch_approval_is_all_or_nothing(hr: Personnel) -> None:
    first, first_hire = hr.draft_hire("E001", department="IT")
    second, second_hire = hr.draft_hire("E002", department="IT")
    third, third_hire = hr.draft_hire("E003", department="IT")
    drafted = ((first, first_hire), (second, second_hire), (third, third_hire))
    command = hr.command(
        ApprovePersonnelActions,
        actor="lee",
        items=tuple(ApprovalItem(employee_id=e, action_id=a) for e, a in drafted),
    )
    with refused("over-authorised-headcount", department="IT", authorised=2, headcount=3):
        hr.ledger.handle(command)
    assert [hr.action(e, a).status for e, a in drafted] == [ActionStatus.DRAFTED] * 3
    assert hr.headcount("IT", HIRED_ON) == 0


# --- corrections (정정·취소) ------------------------------------------------------------------------


def test_an_amendment_replaces_the_action_it_corrects(hr: Personnel) -> None:
    kim = hr.hire("E001", department="FIN")
    transfer = hr.act(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR")
    amendment = hr.draft(kim, ActionKind.TRANSFER, on=day(5, 1), department="IT", corrects=transfer)
    assert hr.at(kim, day(4, 1)).department == "HR"  # not yet approved
    hr.approve(kim, amendment)
    assert hr.action(kim, transfer).status is ActionStatus.AMENDED
    assert hr.action(kim, amendment).status is ActionStatus.APPROVED
    assert [hr.at(kim, d).department for d in (day(4, 1), day(5, 1))] == ["FIN", "IT"]
    assert hr.employee(kim).department_periods() == (("FIN", HIRED_ON, day(5, 1)), ("IT", day(5, 1), None))
    assert hr.headcount("HR", day(4, 15)) == 0
    assert (hr.headcount("FIN", day(4, 15)), hr.headcount("IT", day(5, 1))) == (1, 1)


def test_an_amended_hire_moves_its_headcount_and_a_cancelled_one_leaves_none(hr: Personnel) -> None:
    kim, hire = hr.draft_hire("E001", department="FIN")
    hr.approve(kim, hire)
    amended = hr.act(kim, ActionKind.HIRE, on=day(3, 2), department="HR", grade="G9", step=1, corrects=hire)
    assert hr.state(kim, HIRED_ON) is None
    assert hr.at(kim, day(3, 2)).department == "HR"
    assert (hr.headcount("FIN", HIRED_ON), hr.headcount("HR", day(3, 2))) == (0, 1)
    holiday = hr.act(kim, ActionKind.LEAVE, on=day(4, 1), **leave())
    # the hire is not moved after the leave: the leave would precede it
    with refused(NOT_ALLOWED, kind="leave", status="not-hired", effective_date="2026-04-01"):
        hr.draft(kim, ActionKind.HIRE, on=day(5, 1), department="HR", grade="G9", step=1, corrects=amended)
    with refused(NOT_ALLOWED, kind="leave", status="not-hired"):  # nor cancelled under it
        hr.draft(kim, ActionKind.CANCELLATION, on=day(3, 2), corrects=amended)
    hr.act(kim, ActionKind.CANCELLATION, on=day(4, 1), corrects=holiday)
    hr.act(kim, ActionKind.CANCELLATION, on=day(3, 2), corrects=amended)
    assert hr.state(kim, day(12, 31)) is None
    assert hr.employee(kim).department_periods() == ()
    assert hr.headcount("HR", day(3, 2)) == 0


def test_a_cancellation_withdraws_the_action(hr: Personnel) -> None:
    kim = hr.hire("E001")
    holiday = hr.act(kim, ActionKind.LEAVE, on=day(3, 2), **leave())
    cancellation = hr.act(kim, ActionKind.CANCELLATION, on=day(3, 2), corrects=holiday)
    assert hr.action(kim, holiday).status is ActionStatus.CANCELLED
    assert hr.action(kim, cancellation).status is ActionStatus.APPROVED
    assert hr.at(kim, day(4, 1)).status is Status.EMPLOYED
    # a cancellation names what it cancels
    with refused(NOT_ALLOWED, kind="cancellation"):
        hr.draft(kim, ActionKind.CANCELLATION, on=day(3, 2))


def test_a_leave_with_a_return_after_it_is_cancelled_only_after_the_return(hr: Personnel) -> None:
    kim = hr.hire("E001")
    holiday = hr.act(kim, ActionKind.LEAVE, on=day(3, 2), **leave())
    back = hr.act(kim, ActionKind.RETURN, on=day(6, 1))
    with refused(NOT_ALLOWED, kind="return", status="employed", effective_date="2026-06-01"):
        hr.draft(kim, ActionKind.CANCELLATION, on=day(3, 2), corrects=holiday)
    assert hr.at(kim, day(4, 1)).status is Status.ON_LEAVE
    hr.act(kim, ActionKind.CANCELLATION, on=day(6, 1), corrects=back)
    assert hr.at(kim, day(7, 1)).status is Status.ON_LEAVE
    hr.act(kim, ActionKind.CANCELLATION, on=day(3, 2), corrects=holiday)
    assert [hr.at(kim, d).status for d in (day(4, 1), day(7, 1))] == [Status.EMPLOYED] * 2
    assert {hr.action(kim, a).status for a in (holiday, back)} == {ActionStatus.CANCELLED}


def test_only_an_approved_action_is_corrected_and_one_correction_at_a_time(hr: Personnel) -> None:
    kim = hr.hire("E001")
    pending = hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    with refused(NOT_ALLOWED, kind="promotion"):
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G7", corrects=pending)
    with refused(NOT_ALLOWED, kind="cancellation"):
        hr.draft(kim, ActionKind.CANCELLATION, on=day(4, 1), corrects=pending)
    hr.reject(kim, pending)
    with refused(NOT_ALLOWED, kind="cancellation"):
        hr.draft(kim, ActionKind.CANCELLATION, on=day(4, 1), corrects=pending)
    promotion = hr.act(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G8")
    with refused(NOT_ALLOWED, kind="transfer"):  # an amendment is of the same kind
        hr.draft(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR", corrects=promotion)
    first = hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G7", corrects=promotion)
    with refused(NOT_ALLOWED, kind="cancellation"):
        hr.draft(kim, ActionKind.CANCELLATION, on=day(4, 1), corrects=promotion)
    with refused(NOT_ALLOWED, kind="promotion"):
        hr.draft(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G6", corrects=promotion)
    with refused("action-not-found"):
        hr.draft(kim, ActionKind.CANCELLATION, on=day(4, 1), corrects=action_id_for(promotion, kim))
    # once the first is rejected, another correction may be drafted
    hr.reject(kim, first)
    hr.act(kim, ActionKind.PROMOTION, on=day(4, 1), grade="G6", corrects=promotion)
    assert hr.at(kim, day(4, 1)).grade == "G6"
    assert hr.action(kim, promotion).status is ActionStatus.AMENDED


def test_a_backdated_correction_changes_the_record_as_of_a_day_not_what_was_known(hr: Personnel) -> None:
    kim = hr.hire("E001", department="FIN")
    promotion = hr.act(kim, ActionKind.PROMOTION, on=day(6, 1), grade="G8")
    known = hr.employee(kim)
    events_before = len(list(hr.ledger.repository.event_store.get(kim)))
    # the promotion was due on 1 March, to G7: amended, backdated
    hr.act(kim, ActionKind.PROMOTION, on=day(3, 1), grade="G7", corrects=promotion)
    now = hr.employee(kim)
    assert [now.state_on(d).grade for d in (day(2, 28), day(3, 1), day(6, 1))] == ["G9", "G7", "G7"]
    # the record as it was known before the correction reads as it did
    then = hr.employee(kim, version=known.version)
    assert [then.state_on(d).grade for d in (day(2, 28), day(3, 1), day(6, 1))] == ["G9", "G9", "G8"]
    assert then.action(promotion).status is ActionStatus.APPROVED
    assert now.action(promotion).status is ActionStatus.AMENDED
    # nothing was rewritten: the log only grew
    events = list(hr.ledger.repository.event_store.get(kim))
    assert len(events) == events_before + 2  # drafted, approved
    assert [e.originator_version for e in events[:events_before]] == list(range(1, events_before + 1))


# --- 정원 (authorised headcount) -------------------------------------------------------------------


def test_a_department_at_its_headcount_refuses_the_next_hire_and_transfer(hr: Personnel) -> None:
    hr.hire("E001", department="IT")
    hr.hire("E002", department="IT")
    third, hire = hr.draft_hire("E003", department="IT")
    with refused("over-authorised-headcount", department="IT", authorised=2, headcount=3, date="2026-02-02"):
        hr.approve(third, hire)
    assert hr.action(third, hire).status is ActionStatus.DRAFTED
    assert hr.state(third, HIRED_ON) is None
    assert hr.headcount("IT", HIRED_ON) == 2
    mover = hr.hire("E004", department="FIN")
    transfer = hr.draft(mover, ActionKind.TRANSFER, on=day(4, 1), department="IT")
    with refused("over-authorised-headcount", department="IT", authorised=2, headcount=3, date="2026-04-01"):
        hr.approve(mover, transfer)
    assert hr.at(mover, day(4, 1)).department == "FIN"
    assert (hr.headcount("IT", day(4, 1)), hr.headcount("FIN", day(4, 1))) == (2, 1)


def test_the_flag_rule_records_the_excess_and_marks_the_action(hr: Personnel) -> None:
    hr.rules(headcount_policy=HeadcountPolicy.FLAG)
    first, second = hr.hire("E001", department="IT"), hr.hire("E002", department="IT")
    third, hire = hr.draft_hire("E003", department="IT")
    hr.approve(third, hire)
    assert hr.action(third, hire).over_authorised is True
    assert hr.action(third, hire).status is ActionStatus.APPROVED
    assert not any(a.over_authorised for e in (first, second) for a in hr.employee(e).actions)
    assert hr.headcount("IT", HIRED_ON) == 3
    assert hr.at(third, HIRED_ON).department == "IT"


def test_a_backdated_hire_over_a_headcount_lowered_later_is_caught(hr: Personnel) -> None:
    hr.authorise("IT", 1, on=day(5, 1))
    hr.hire("E001", department="IT", on=day(5, 4))
    # hired on 2 March it would be within 2 until May, but two from 4 May against 1
    late, hire = hr.draft_hire("E002", department="IT", on=day(3, 2))
    with refused("over-authorised-headcount", department="IT", authorised=1, headcount=2, date="2026-05-04"):
        hr.approve(late, hire)
    assert [hr.headcount("IT", d) for d in (day(3, 2), day(5, 4))] == [0, 1]
    # retired before the new 정원, it fits
    early, hire = hr.draft_hire("E003", department="IT", on=day(3, 2))
    retire = hr.draft(early, ActionKind.RETIREMENT, on=day(4, 30), retirement_kind=RetirementKind.VOLUNTARY)
    hr.approve(early, hire, retire)
    assert [hr.headcount("IT", d) for d in (day(3, 2), day(4, 30), day(5, 4))] == [1, 0, 1]


def test_a_merged_department_counts_in_the_one_it_merged_into_from_the_merge_day(hr: Personnel) -> None:
    hr.department("SUB", "전산팀")  # no 정원 of its own
    hr.authorise("IT", 3)
    hr.hire("E001", department="IT")
    hr.hire("E002", department="IT")
    hr.hire("E003", department="SUB")
    hr.merge("SUB", into="IT", on=day(6, 1))
    # the day before the merge IT holds two of three
    before, hire = hr.draft_hire("E004", department="IT", on=day(5, 1))
    retire = hr.draft(before, ActionKind.RETIREMENT, on=day(5, 31), retirement_kind=RetirementKind.VOLUNTARY)
    hr.approve(before, hire, retire)
    # from the merge day SUB's one counts in IT: three of three, and the next is refused
    after, hire = hr.draft_hire("E005", department="IT", on=day(6, 2))
    with refused("over-authorised-headcount", department="IT", authorised=3, headcount=4, date="2026-06-02"):
        hr.approve(after, hire)
    with refused("unknown-department", department="SUB", date="2026-06-01"):
        hr.draft_hire("E006", department="SUB", on=day(6, 1))
    assert hr.state(after, day(6, 2)) is None


def test_a_backdated_hire_over_the_headcount_from_a_merge_day_is_caught(hr: Personnel) -> None:
    hr.department("SUB", "전산팀")
    hr.authorise("IT", 3)
    hr.hire("E001", department="IT")
    hr.hire("E002", department="IT")
    hr.hire("E003", department="SUB")
    hr.merge("SUB", into="IT", on=day(6, 1))
    # hired on 1 May and staying: three of three in May, four of three from the merge day
    late, hire = hr.draft_hire("E004", department="IT", on=day(5, 1))
    with refused("over-authorised-headcount", department="IT", authorised=3, headcount=4, date="2026-06-01"):
        hr.approve(late, hire)
    assert hr.state(late, day(6, 1)) is None
    assert hr.headcount("IT", day(6, 1)) == 2


def test_the_headcount_of_a_merged_department_moves_with_its_people(hr: Personnel) -> None:
    """merge_department: 'its people and 정원 count in `into` from that day'."""
    hr.department("SUB", "전산팀", headcount=2)
    hr.hire("E001", department="IT")
    hr.hire("E002", department="IT")  # IT full: 2 of 2
    hr.hire("E003", department="SUB")  # SUB: 1 of 2
    hr.merge("SUB", into="IT", on=day(6, 1))
    # from the merge day IT holds three of four: one more fits
    newcomer, hire = hr.draft_hire("E004", department="IT", on=day(6, 2))
    hr.approve(newcomer, hire)
    assert hr.at(newcomer, day(6, 2)).department == "IT"


def test_abolishing_a_staffed_department_is_refused(hr: Personnel) -> None:
    hr.department("OLD", "구청사관리과")
    kim = hr.hire("E001", department="OLD")
    with refused("chart-rule-broken", department="OLD", staffed=1):
        hr.abolish("OLD", on=day(4, 1))
    hr.act(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR")
    hr.abolish("OLD", on=day(4, 1))
    assert hr.chart().department_on("OLD", day(4, 1)) is None
    assert hr.chart().department_on("OLD", day(3, 31)) is not None
    # someone who joins only later blocks it too
    hr.department("NEW", "신설과")
    hr.hire("E002", department="NEW", on=day(9, 1))
    with refused("chart-rule-broken", department="NEW", staffed=1):
        hr.abolish("NEW", on=day(4, 1))
    # and a department with an active sub-department
    hr.department("TOP", "국", parent=None)
    hr.department("LOW", "과", parent="TOP")
    with refused("chart-rule-broken", department="TOP"):
        hr.abolish("TOP", on=day(4, 1))


def test_a_backdated_hire_into_a_department_abolished_later_is_refused(hr: Personnel) -> None:
    """The chart says an abolished department holds nobody; a hire dated before the abolition,
    with no end, would keep someone in it after."""
    hr.department("OLD", "구청사관리과")
    hr.abolish("OLD", on=day(4, 1))
    with pytest.raises(DomainError):
        kim, hire = hr.draft_hire("E001", department="OLD", on=day(3, 2))
        hr.approve(kim, hire)
    assert hr.headcount("OLD", day(4, 1)) == 0


def test_a_department_that_absorbed_another_is_not_abolished_while_its_people_count_in_it(
    hr: Personnel,
) -> None:
    hr.department("SUB", "전산팀")
    hr.department("NEW", "디지털과")
    hr.hire("E001", department="SUB")
    hr.merge("SUB", into="NEW", on=day(5, 1))
    with refused("chart-rule-broken", department="NEW"):
        hr.abolish("NEW", on=day(6, 1))
    assert hr.chart().department_on("NEW", day(6, 1)) is not None


def test_a_department_over_a_lowered_headcount_may_still_lose_people(hr: Personnel) -> None:
    """Lowering 정원 below the staff is allowed (SetAuthorisedHeadcount checks nobody); moving
    someone out, or retiring them, brings the department back toward it and is never refused."""
    kim = hr.hire("E001", department="IT")
    lee = hr.hire("E002", department="IT")
    hr.authorise("IT", 1, on=day(5, 1))
    hr.act(kim, ActionKind.RETIREMENT, on=day(6, 30), retirement_kind=RetirementKind.VOLUNTARY)
    assert hr.at(kim, day(6, 30)).status is Status.RETIRED
    hr.act(lee, ActionKind.TRANSFER, on=day(6, 1), department="HR")
    assert hr.headcount("IT", day(7, 1)) == 0


# --- the yearly step increase (정기승급) ------------------------------------------------------------


def test_the_yearly_step_increase_drafts_only_for_those_due(hr: Personnel) -> None:
    due = hr.hire("E001", grade="G9", step=1)
    parental = hr.hire("E002", grade="G9", step=2)
    hr.act(parental, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.PARENTAL, until=day(12, 31)))
    retired = hr.hire("E003")
    hr.act(retired, ActionKind.RETIREMENT, on=day(6, 30), retirement_kind=RetirementKind.AGE)
    unpaid = hr.hire("E004")
    hr.act(unpaid, ActionKind.LEAVE, on=day(3, 2), **leave(LeaveKind.UNPAID, until=day(12, 31)))
    top = hr.hire("E005", grade="G9", step=5)
    barred = hr.hire("E006")
    hr.act(
        barred,
        ActionKind.DISCIPLINE,
        on=day(6, 1),
        discipline_kind=DisciplineKind.PAY_CUT,
        period_ends=day(8, 31),
    )
    everyone = (due, parental, retired, unpaid, top, barred)
    versions = {e: hr.employee(e).version for e in everyone}
    command = hr.command(DraftStepIncreases, on=day(7, 1), order_number="2026-S001", employee_ids=everyone)
    hr.ledger.handle(command)
    drafted = {e for e in everyone if hr.employee(e).version != versions[e]}
    assert drafted == {due, parental}
    for employee_id in drafted:
        action = hr.action(employee_id, action_id_for(command.command_id, employee_id))
        assert (action.kind, action.status, action.order_number, action.effective_date) == (
            ActionKind.STEP_INCREASE,
            ActionStatus.DRAFTED,
            "2026-S001",
            day(7, 1),
        )
        hr.approve(employee_id, action.action_id)
    assert [hr.at(e, day(7, 1)).step for e in (due, parental, unpaid, top)] == [2, 3, 1, 5]
    # none left due: refused, nothing drafted
    with refused(NOT_ALLOWED, kind="step_increase"):
        hr.run(
            DraftStepIncreases, on=day(7, 1), order_number="2026-S002", employee_ids=(retired, unpaid, top)
        )
    assert {e: hr.employee(e).version for e in (retired, unpaid, top)} == {
        e: versions[e] for e in (retired, unpaid, top)
    }


# --- concurrency: two clerks, two managers, one moment -------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((ActionKind.LEAVE, leave()), (ActionKind.SECONDMENT, SECONDMENT)),
        ((ActionKind.PROMOTION, {"grade": "G8"}), (ActionKind.PROMOTION, {"grade": "G8", "step": 2})),
        ((ActionKind.SUSPENSION, {}), (ActionKind.LEAVE, leave(LeaveKind.SICK))),
    ],
    ids=["leave-vs-secondment", "two-promotions", "suspension-vs-leave"],
)
def test_two_clerks_drafting_contradicting_actions_at_once_never_both_succeed(
    hr: Personnel, first: tuple[ActionKind, dict[str, object]], second: tuple[ActionKind, dict[str, object]]
) -> None:
    for round_ in range(ROUNDS):
        kim = hr.hire(f"E{round_:03d}")
        version = hr.employee(kim).version
        commands = [
            hr.draft_command(kim, first[0], on=day(4, 1), actor="kim", **first[1]),
            hr.draft_command(kim, second[0], on=day(4, 1), actor="choi", **second[1]),
        ]
        outcomes = run_together([lambda c=c: hr.ledger.handle(c) for c in commands])
        successes = [o for o in outcomes if isinstance(o, CommandResult)]
        refusals = [o for o in outcomes if isinstance(o, DomainError)]
        assert len(successes) == 1, outcomes
        assert [r.code for r in refusals] == [NOT_ALLOWED], outcomes
        employee = hr.employee(kim)
        assert employee.version == version + 1
        pending = [a for a in employee.actions if a.status is ActionStatus.DRAFTED]
        assert len(pending) == 1
        # the one drafted is approved, and the record is coherent
        hr.approve(kim, pending[0].action_id)
        assert hr.state(kim, day(4, 1)) is not None


def test_two_managers_approving_the_last_vacancy_at_once_one_succeeds(hr: Personnel) -> None:
    for round_ in range(ROUNDS):
        department = f"R{round_}"
        authorised = 2 if round_ % 2 else 1  # odd rounds: one already there; even: nobody yet
        hr.department(department, f"과 {round_}", headcount=authorised)
        if authorised == 2:
            hr.hire(f"A{round_:03d}", department=department)
        drafted = [hr.draft_hire(f"B{round_:03d}{n}", department=department) for n in range(2)]
        commands = [
            hr.approve_command(employee_id, action_id, actor=manager)
            for (employee_id, action_id), manager in zip(drafted, ("lee", "park"), strict=True)
        ]
        outcomes = run_together([lambda c=c: hr.ledger.handle(c) for c in commands])
        successes = [o for o in outcomes if isinstance(o, CommandResult)]
        refusals = [o for o in outcomes if isinstance(o, DomainError)]
        assert len(successes) == 1, outcomes
        assert [(r.code, r.numbers["authorised"], r.numbers["headcount"]) for r in refusals] == [
            ("over-authorised-headcount", authorised, authorised + 1)
        ]
        assert hr.headcount(department, HIRED_ON) == authorised
        statuses = sorted(hr.action(e, a).status.value for e, a in drafted)
        assert statuses == ["approved", "drafted"]


def test_two_clerks_hiring_one_employee_number_at_once_hire_once(hr: Personnel) -> None:
    for round_ in range(ROUNDS):
        number = f"D{round_:03d}"
        commands = [
            hr.command(
                HireEmployee,
                on=HIRED_ON,
                actor=clerk,
                employee_number=number,
                personal=personal(),
                order_number=hr.order(),
                department=department,
                grade="G9",
                step=1,
            )
            for clerk, department in (("kim", "FIN"), ("choi", "HR"))
        ]
        outcomes = run_together([lambda c=c: hr.ledger.handle(c) for c in commands])
        assert sorted(type(o).__name__ for o in outcomes) == ["AlreadyExists", "CommandResult"], outcomes
        employee = hr.employee(Employee.id_for(ORG, number))
        assert [a.kind for a in employee.actions] == [ActionKind.HIRE]


def test_abolishing_a_department_while_its_first_hire_is_approved_never_does_both(
    hr: Personnel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The abolition decides on the department's staffing being empty; the approval on the
    department being active. Here the abolition has looked (no staffing yet) and saves just after
    the approval did: its save must fail and its retry see the new staffing."""
    save = hr.ledger.save
    abolition_looked, approval_saved = threading.Event(), threading.Event()

    def ordered_save(*aggregates: object, **kwargs: object) -> object:
        if any(isinstance(a, OrgChart) for a in aggregates):  # the abolition, having looked
            abolition_looked.set()
            assert approval_saved.wait(timeout=30)
        if any(isinstance(a, Staffing) for a in aggregates):  # the approval, once it has
            assert abolition_looked.wait(timeout=30)
        recordings = save(*aggregates, **kwargs)
        if any(isinstance(a, Staffing) for a in aggregates):
            approval_saved.set()
        return recordings

    monkeypatch.setattr(hr.ledger, "save", ordered_save)
    for round_ in range(ROUNDS):
        department = f"X{round_}"
        approval_saved.set()  # the set-up's own chart saves pass
        hr.department(department, f"폐지 예정 {round_}")
        approval_saved.clear()
        abolition_looked.clear()
        employee_id, hire = hr.draft_hire(f"F{round_:03d}", department=department)
        outcomes = run_together(
            [
                lambda e=employee_id, a=hire: hr.approve(e, a),
                lambda d=department: hr.abolish(d, on=HIRED_ON),
            ]
        )
        assert isinstance(outcomes[0], CommandResult), outcomes
        assert isinstance(outcomes[1], DomainError), outcomes
        assert (outcomes[1].code, outcomes[1].numbers.get("staffed")) == ("chart-rule-broken", 1)
        assert hr.chart().department_on(department, HIRED_ON) is not None
        assert hr.headcount(department, HIRED_ON) == 1


# --- idempotency and personal data ----------------------------------------------------------------


def test_the_same_command_twice_records_once(hr: Personnel) -> None:
    command = hr.command(
        HireEmployee,
        on=HIRED_ON,
        employee_number="E001",
        personal=personal(),
        order_number="2026-H001",
        department="FIN",
        grade="G9",
        step=1,
    )
    size = hr.log_size()
    first = hr.ledger.handle(command)
    second = hr.ledger.handle(command)
    assert (first.replayed, second.replayed) == (False, True)
    assert (second.aggregate_id, second.version, second.position) == (
        first.aggregate_id,
        first.version,
        first.position,
    )
    assert hr.log_size() == size + 2  # the hire and its receipt
    assert len(hr.sealer.sealed) == 1
    kim = first.aggregate_id
    draft = hr.draft_command(kim, ActionKind.TRANSFER, on=day(4, 1), department="HR")
    hr.ledger.handle(draft)
    assert hr.ledger.handle(draft).replayed is True
    assert [a.kind for a in hr.employee(kim).actions] == [ActionKind.HIRE, ActionKind.TRANSFER]


def test_a_hire_fingerprint_and_the_log_hold_no_personal_data(hr: Personnel) -> None:
    plain = {
        "name": "홍길동",
        "rrn": "850315-2345678",
        "address": "서울특별시 중구 세종대로 110",
        "phone": "010-9876-5432",
        "email": "gildong@example.kr",
        "bank_account": "110-234-567890",
        "dependant": "홍길순",
        "birth": "2015-04-05",
    }
    data = personal(
        name=plain["name"],
        rrn=plain["rrn"],
        address=plain["address"],
        phone=plain["phone"],
        email=plain["email"],
        bank_account=plain["bank_account"],
        dependants=({"name": plain["dependant"], "birth_date": plain["birth"]},),
    )
    command = hr.command(
        HireEmployee,
        on=HIRED_ON,
        employee_number="E001",
        personal=data,
        order_number="2026-H001",
        department="FIN",
        grade="G9",
        step=1,
    )
    hashed = command.model_dump_json()
    assert command.fingerprint() == hashlib.sha256(b"HireEmployee\0" + hashed.encode()).hexdigest()
    for value in plain.values():
        assert value not in hashed
        assert value not in repr(command)
    hr.ledger.handle(command)
    logged = b"".join(n.state for n in hr.ledger.recorder.select_notifications(1, 1_000_000))
    for value in plain.values():
        assert value.encode() not in logged
    # the same id with other personal data is answered from the first command, not refused
    other_data = personal(
        name="임꺽정",
        rrn="700101-1111111",
        address="부산광역시 연제구 중앙대로 1001",
        phone="010-1111-2222",
        email="other@example.kr",
        bank_account="999-999-999999",
        dependants=({"name": "임꺽순", "birth_date": "2016-01-01"},),
    )
    other = command.model_copy(update={"personal": other_data})
    assert other.fingerprint() == command.fingerprint()
    assert hr.ledger.handle(other).replayed is True
    assert len(hr.sealer.sealed) == 1


def test_a_refusal_for_a_missing_field_does_not_say_the_employee_is_not_hired(hr: Personnel) -> None:
    kim = hr.hire("E001")
    with pytest.raises(DomainError) as info:
        hr.draft(kim, ActionKind.LEAVE, on=day(3, 2), leave_kind=LeaveKind.SICK)  # no expected end
    assert info.value.code == NOT_ALLOWED
    assert info.value.numbers.get("status") != "not-hired", info.value.numbers


def test_a_hire_without_a_sealer_is_refused_and_records_nothing(hr: Personnel) -> None:
    hr.ledger.personal_data = None
    size = hr.log_size()
    with refused("personal-data-unavailable"):
        hr.draft_hire("E001")
    assert hr.log_size() == size
    assert Employee.id_for(ORG, "E001") not in hr.ledger.repository


def test_a_number_whose_hire_was_rejected_is_hired_anew_on_the_same_record(ledger: Ledger) -> None:
    hr = Personnel(ledger).ready()
    employee_id, action_id = hr.draft_hire("E900")
    hr.reject(employee_id, action_id)
    hr.draft_hire("E901")
    with pytest.raises(AlreadyExists):  # a hire awaiting approval: the number is taken
        hr.draft_hire("E901")
    again, second = hr.draft_hire("E900", department="HR")
    assert again == employee_id
    hr.approve(employee_id, second)
    assert hr.at(employee_id, HIRED_ON).department == "HR"
    statuses = [(a.kind.value, a.status.value) for a in hr.employee(employee_id).actions]
    assert statuses == [("hire", "rejected"), ("hire", "approved")]
