from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ServiceRecordOut")



@_attrs_define
class ServiceRecordOut:
    """ The record (인사기록) on the day asked: the fold of the approved actions effective by then.

        Attributes:
            status (str): employed 재직, on_leave 휴직, suspended 직위해제, seconded 파견, retired 퇴직
            hired_on (datetime.date):
            department (str):
            grade (str):
            step (int): 호봉
            position (None | str):
            pattern (str): full_time or part_time
            weekly_hours (int):
            on_probation (bool):
            probation_until (datetime.date | None):
            since (datetime.date): When the current status began
            leave_kind (None | str):
            expected_end (datetime.date | None):
            seconded_to (None | str):
            last_step_increase (datetime.date | None):
            last_promotion (datetime.date | None):
            retired_on (datetime.date | None):
            retirement_kind (None | str):
     """

    status: str
    hired_on: datetime.date
    department: str
    grade: str
    step: int
    position: None | str
    pattern: str
    weekly_hours: int
    on_probation: bool
    probation_until: datetime.date | None
    since: datetime.date
    leave_kind: None | str
    expected_end: datetime.date | None
    seconded_to: None | str
    last_step_increase: datetime.date | None
    last_promotion: datetime.date | None
    retired_on: datetime.date | None
    retirement_kind: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status

        hired_on = self.hired_on.isoformat()

        department = self.department

        grade = self.grade

        step = self.step

        position: None | str
        position = self.position

        pattern = self.pattern

        weekly_hours = self.weekly_hours

        on_probation = self.on_probation

        probation_until: None | str
        if isinstance(self.probation_until, datetime.date):
            probation_until = self.probation_until.isoformat()
        else:
            probation_until = self.probation_until

        since = self.since.isoformat()

        leave_kind: None | str
        leave_kind = self.leave_kind

        expected_end: None | str
        if isinstance(self.expected_end, datetime.date):
            expected_end = self.expected_end.isoformat()
        else:
            expected_end = self.expected_end

        seconded_to: None | str
        seconded_to = self.seconded_to

        last_step_increase: None | str
        if isinstance(self.last_step_increase, datetime.date):
            last_step_increase = self.last_step_increase.isoformat()
        else:
            last_step_increase = self.last_step_increase

        last_promotion: None | str
        if isinstance(self.last_promotion, datetime.date):
            last_promotion = self.last_promotion.isoformat()
        else:
            last_promotion = self.last_promotion

        retired_on: None | str
        if isinstance(self.retired_on, datetime.date):
            retired_on = self.retired_on.isoformat()
        else:
            retired_on = self.retired_on

        retirement_kind: None | str
        retirement_kind = self.retirement_kind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "hired_on": hired_on,
            "department": department,
            "grade": grade,
            "step": step,
            "position": position,
            "pattern": pattern,
            "weekly_hours": weekly_hours,
            "on_probation": on_probation,
            "probation_until": probation_until,
            "since": since,
            "leave_kind": leave_kind,
            "expected_end": expected_end,
            "seconded_to": seconded_to,
            "last_step_increase": last_step_increase,
            "last_promotion": last_promotion,
            "retired_on": retired_on,
            "retirement_kind": retirement_kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status")

        hired_on = datetime.date.fromisoformat(d.pop("hired_on"))




        department = d.pop("department")

        grade = d.pop("grade")

        step = d.pop("step")

        def _parse_position(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        position = _parse_position(d.pop("position"))


        pattern = d.pop("pattern")

        weekly_hours = d.pop("weekly_hours")

        on_probation = d.pop("on_probation")

        def _parse_probation_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                probation_until_type_0 = datetime.date.fromisoformat(data)



                return probation_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        probation_until = _parse_probation_until(d.pop("probation_until"))


        since = datetime.date.fromisoformat(d.pop("since"))




        def _parse_leave_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        leave_kind = _parse_leave_kind(d.pop("leave_kind"))


        def _parse_expected_end(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_end_type_0 = datetime.date.fromisoformat(data)



                return expected_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_end = _parse_expected_end(d.pop("expected_end"))


        def _parse_seconded_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        seconded_to = _parse_seconded_to(d.pop("seconded_to"))


        def _parse_last_step_increase(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_step_increase_type_0 = datetime.date.fromisoformat(data)



                return last_step_increase_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_step_increase = _parse_last_step_increase(d.pop("last_step_increase"))


        def _parse_last_promotion(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_promotion_type_0 = datetime.date.fromisoformat(data)



                return last_promotion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_promotion = _parse_last_promotion(d.pop("last_promotion"))


        def _parse_retired_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_on_type_0 = datetime.date.fromisoformat(data)



                return retired_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        retired_on = _parse_retired_on(d.pop("retired_on"))


        def _parse_retirement_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        retirement_kind = _parse_retirement_kind(d.pop("retirement_kind"))


        service_record_out = cls(
            status=status,
            hired_on=hired_on,
            department=department,
            grade=grade,
            step=step,
            position=position,
            pattern=pattern,
            weekly_hours=weekly_hours,
            on_probation=on_probation,
            probation_until=probation_until,
            since=since,
            leave_kind=leave_kind,
            expected_end=expected_end,
            seconded_to=seconded_to,
            last_step_increase=last_step_increase,
            last_promotion=last_promotion,
            retired_on=retired_on,
            retirement_kind=retirement_kind,
        )


        service_record_out.additional_properties = d
        return service_record_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
