from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.discipline_kind import DisciplineKind
from ..models.leave_kind import LeaveKind
from ..models.retirement_kind import RetirementKind
from ..models.working_pattern import WorkingPattern
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.personal_data import PersonalData





T = TypeVar("T", bound="HireEmployeeRequest")



@_attrs_define
class HireEmployeeRequest:
    """ 채용 (drafted: in effect once an hr_manager approves it).

        Attributes:
            order_number (str): 발령번호, e.g. 2026-0142
            effective_date (datetime.date): 시행일: the day it takes effect
            employee_number (str):
            personal (PersonalData): 개인정보: sealed before anything is recorded; never echoed back, never logged.
            department (None | str | Unset):
            grade (None | str | Unset):
            step (int | None | Unset):
            position (None | str | Unset):
            probation_until (datetime.date | None | Unset):
            leave_kind (LeaveKind | None | Unset):
            expected_end (datetime.date | None | Unset):
            seconded_to (None | str | Unset):
            discipline_kind (DisciplineKind | None | Unset):
            period_ends (datetime.date | None | Unset):
            pattern (None | Unset | WorkingPattern):
            weekly_hours (int | None | Unset):
            retirement_kind (None | RetirementKind | Unset):
            reason (str | Unset): Note (may be blank): at most 1000 characters, may span lines (LF), no control characters;
                stored in Unicode NFC Default: ''.
     """

    order_number: str
    effective_date: datetime.date
    employee_number: str
    personal: PersonalData
    department: None | str | Unset = UNSET
    grade: None | str | Unset = UNSET
    step: int | None | Unset = UNSET
    position: None | str | Unset = UNSET
    probation_until: datetime.date | None | Unset = UNSET
    leave_kind: LeaveKind | None | Unset = UNSET
    expected_end: datetime.date | None | Unset = UNSET
    seconded_to: None | str | Unset = UNSET
    discipline_kind: DisciplineKind | None | Unset = UNSET
    period_ends: datetime.date | None | Unset = UNSET
    pattern: None | Unset | WorkingPattern = UNSET
    weekly_hours: int | None | Unset = UNSET
    retirement_kind: None | RetirementKind | Unset = UNSET
    reason: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        from ..models.personal_data import PersonalData # noqa: PLC0415
        order_number = self.order_number

        effective_date = self.effective_date.isoformat()

        employee_number = self.employee_number

        personal = self.personal.to_dict()

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        step: int | None | Unset
        if isinstance(self.step, Unset):
            step = UNSET
        else:
            step = self.step

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        probation_until: None | str | Unset
        if isinstance(self.probation_until, Unset):
            probation_until = UNSET
        elif isinstance(self.probation_until, datetime.date):
            probation_until = self.probation_until.isoformat()
        else:
            probation_until = self.probation_until

        leave_kind: None | str | Unset
        if isinstance(self.leave_kind, Unset):
            leave_kind = UNSET
        elif isinstance(self.leave_kind, LeaveKind):
            leave_kind = self.leave_kind.value
        else:
            leave_kind = self.leave_kind

        expected_end: None | str | Unset
        if isinstance(self.expected_end, Unset):
            expected_end = UNSET
        elif isinstance(self.expected_end, datetime.date):
            expected_end = self.expected_end.isoformat()
        else:
            expected_end = self.expected_end

        seconded_to: None | str | Unset
        if isinstance(self.seconded_to, Unset):
            seconded_to = UNSET
        else:
            seconded_to = self.seconded_to

        discipline_kind: None | str | Unset
        if isinstance(self.discipline_kind, Unset):
            discipline_kind = UNSET
        elif isinstance(self.discipline_kind, DisciplineKind):
            discipline_kind = self.discipline_kind.value
        else:
            discipline_kind = self.discipline_kind

        period_ends: None | str | Unset
        if isinstance(self.period_ends, Unset):
            period_ends = UNSET
        elif isinstance(self.period_ends, datetime.date):
            period_ends = self.period_ends.isoformat()
        else:
            period_ends = self.period_ends

        pattern: None | str | Unset
        if isinstance(self.pattern, Unset):
            pattern = UNSET
        elif isinstance(self.pattern, WorkingPattern):
            pattern = self.pattern.value
        else:
            pattern = self.pattern

        weekly_hours: int | None | Unset
        if isinstance(self.weekly_hours, Unset):
            weekly_hours = UNSET
        else:
            weekly_hours = self.weekly_hours

        retirement_kind: None | str | Unset
        if isinstance(self.retirement_kind, Unset):
            retirement_kind = UNSET
        elif isinstance(self.retirement_kind, RetirementKind):
            retirement_kind = self.retirement_kind.value
        else:
            retirement_kind = self.retirement_kind

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "order_number": order_number,
            "effective_date": effective_date,
            "employee_number": employee_number,
            "personal": personal,
        })
        if department is not UNSET:
            field_dict["department"] = department
        if grade is not UNSET:
            field_dict["grade"] = grade
        if step is not UNSET:
            field_dict["step"] = step
        if position is not UNSET:
            field_dict["position"] = position
        if probation_until is not UNSET:
            field_dict["probation_until"] = probation_until
        if leave_kind is not UNSET:
            field_dict["leave_kind"] = leave_kind
        if expected_end is not UNSET:
            field_dict["expected_end"] = expected_end
        if seconded_to is not UNSET:
            field_dict["seconded_to"] = seconded_to
        if discipline_kind is not UNSET:
            field_dict["discipline_kind"] = discipline_kind
        if period_ends is not UNSET:
            field_dict["period_ends"] = period_ends
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if weekly_hours is not UNSET:
            field_dict["weekly_hours"] = weekly_hours
        if retirement_kind is not UNSET:
            field_dict["retirement_kind"] = retirement_kind
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.personal_data import PersonalData # noqa: PLC0415
        d = dict(src_dict)
        order_number = d.pop("order_number")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        employee_number = d.pop("employee_number")

        personal = PersonalData.from_dict(d.pop("personal"))




        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))


        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))


        def _parse_step(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        step = _parse_step(d.pop("step", UNSET))


        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        def _parse_probation_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                probation_until_type_0 = datetime.date.fromisoformat(data)



                return probation_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        probation_until = _parse_probation_until(d.pop("probation_until", UNSET))


        def _parse_leave_kind(data: object) -> LeaveKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                leave_kind_type_0 = LeaveKind(data)



                return leave_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeaveKind | None | Unset, data)

        leave_kind = _parse_leave_kind(d.pop("leave_kind", UNSET))


        def _parse_expected_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_end_type_0 = datetime.date.fromisoformat(data)



                return expected_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_end = _parse_expected_end(d.pop("expected_end", UNSET))


        def _parse_seconded_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        seconded_to = _parse_seconded_to(d.pop("seconded_to", UNSET))


        def _parse_discipline_kind(data: object) -> DisciplineKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                discipline_kind_type_0 = DisciplineKind(data)



                return discipline_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DisciplineKind | None | Unset, data)

        discipline_kind = _parse_discipline_kind(d.pop("discipline_kind", UNSET))


        def _parse_period_ends(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_ends_type_0 = datetime.date.fromisoformat(data)



                return period_ends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_ends = _parse_period_ends(d.pop("period_ends", UNSET))


        def _parse_pattern(data: object) -> None | Unset | WorkingPattern:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pattern_type_0 = WorkingPattern(data)



                return pattern_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkingPattern, data)

        pattern = _parse_pattern(d.pop("pattern", UNSET))


        def _parse_weekly_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weekly_hours = _parse_weekly_hours(d.pop("weekly_hours", UNSET))


        def _parse_retirement_kind(data: object) -> None | RetirementKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retirement_kind_type_0 = RetirementKind(data)



                return retirement_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RetirementKind | Unset, data)

        retirement_kind = _parse_retirement_kind(d.pop("retirement_kind", UNSET))


        reason = d.pop("reason", UNSET)

        hire_employee_request = cls(
            order_number=order_number,
            effective_date=effective_date,
            employee_number=employee_number,
            personal=personal,
            department=department,
            grade=grade,
            step=step,
            position=position,
            probation_until=probation_until,
            leave_kind=leave_kind,
            expected_end=expected_end,
            seconded_to=seconded_to,
            discipline_kind=discipline_kind,
            period_ends=period_ends,
            pattern=pattern,
            weekly_hours=weekly_hours,
            retirement_kind=retirement_kind,
            reason=reason,
        )

        return hire_employee_request

