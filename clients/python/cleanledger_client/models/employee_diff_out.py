from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.change_out import ChangeOut
  from ..models.employee_record_out import EmployeeRecordOut





T = TypeVar("T", bound="EmployeeDiffOut")



@_attrs_define
class EmployeeDiffOut:
    """ 
        Attributes:
            employee_id (UUID):
            before (EmployeeRecordOut):
            after (EmployeeRecordOut):
            changes (list[ChangeOut]):
     """

    employee_id: UUID
    before: EmployeeRecordOut
    after: EmployeeRecordOut
    changes: list[ChangeOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change_out import ChangeOut # noqa: PLC0415
        from ..models.employee_record_out import EmployeeRecordOut # noqa: PLC0415
        employee_id = str(self.employee_id)

        before = self.before.to_dict()

        after = self.after.to_dict()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "employee_id": employee_id,
            "before": before,
            "after": after,
            "changes": changes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_out import ChangeOut # noqa: PLC0415
        from ..models.employee_record_out import EmployeeRecordOut # noqa: PLC0415
        d = dict(src_dict)
        employee_id = UUID(d.pop("employee_id"))




        before = EmployeeRecordOut.from_dict(d.pop("before"))




        after = EmployeeRecordOut.from_dict(d.pop("after"))




        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = ChangeOut.from_dict(changes_item_data)



            changes.append(changes_item)


        employee_diff_out = cls(
            employee_id=employee_id,
            before=before,
            after=after,
            changes=changes,
        )


        employee_diff_out.additional_properties = d
        return employee_diff_out

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
