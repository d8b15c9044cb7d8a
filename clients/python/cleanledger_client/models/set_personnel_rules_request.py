from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.headcount_policy import HeadcountPolicy
from ..models.leave_kind import LeaveKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="SetPersonnelRulesRequest")



@_attrs_define
class SetPersonnelRulesRequest:
    """ 
        Attributes:
            effective_date (datetime.date): 시행일: the day it takes effect
            headcount_policy (HeadcountPolicy | Unset): What a department over its 정원 does: refuse the action, or record it
                flagged.
            advancing_leave (list[LeaveKind] | Unset):
            retention_years (int | Unset):  Default: 5.
     """

    effective_date: datetime.date
    headcount_policy: HeadcountPolicy | Unset = UNSET
    advancing_leave: list[LeaveKind] | Unset = UNSET
    retention_years: int | Unset = 5





    def to_dict(self) -> dict[str, Any]:
        effective_date = self.effective_date.isoformat()

        headcount_policy: str | Unset = UNSET
        if not isinstance(self.headcount_policy, Unset):
            headcount_policy = self.headcount_policy.value


        advancing_leave: list[str] | Unset = UNSET
        if not isinstance(self.advancing_leave, Unset):
            advancing_leave = []
            for advancing_leave_item_data in self.advancing_leave:
                advancing_leave_item = advancing_leave_item_data.value
                advancing_leave.append(advancing_leave_item)



        retention_years = self.retention_years


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_date": effective_date,
        })
        if headcount_policy is not UNSET:
            field_dict["headcount_policy"] = headcount_policy
        if advancing_leave is not UNSET:
            field_dict["advancing_leave"] = advancing_leave
        if retention_years is not UNSET:
            field_dict["retention_years"] = retention_years

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        _headcount_policy = d.pop("headcount_policy", UNSET)
        headcount_policy: HeadcountPolicy | Unset
        if isinstance(_headcount_policy,  Unset):
            headcount_policy = UNSET
        else:
            headcount_policy = HeadcountPolicy(_headcount_policy)




        _advancing_leave = d.pop("advancing_leave", UNSET)
        advancing_leave: list[LeaveKind] | Unset = UNSET
        if _advancing_leave is not UNSET:
            advancing_leave = []
            for advancing_leave_item_data in _advancing_leave:
                advancing_leave_item = LeaveKind(advancing_leave_item_data)



                advancing_leave.append(advancing_leave_item)


        retention_years = d.pop("retention_years", UNSET)

        set_personnel_rules_request = cls(
            effective_date=effective_date,
            headcount_policy=headcount_policy,
            advancing_leave=advancing_leave,
            retention_years=retention_years,
        )

        return set_personnel_rules_request

