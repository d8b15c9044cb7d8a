from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.action_out_details import ActionOutDetails





T = TypeVar("T", bound="ActionOut")



@_attrs_define
class ActionOut:
    """ 
        Attributes:
            action_id (UUID):
            employee_id (UUID):
            kind (str):
            order_number (str):
            effective_date (datetime.date):
            status (str): drafted, approved, rejected, cancelled or amended
            drafted_by (str):
            approved_by (None | str):
            corrects (None | UUID):
            over_authorised (bool):
            details (ActionOutDetails):
            position (int):
            reason (None | str | Unset):
            rejection_reason (None | str | Unset): 반려 사유, once rejected
     """

    action_id: UUID
    employee_id: UUID
    kind: str
    order_number: str
    effective_date: datetime.date
    status: str
    drafted_by: str
    approved_by: None | str
    corrects: None | UUID
    over_authorised: bool
    details: ActionOutDetails
    position: int
    reason: None | str | Unset = UNSET
    rejection_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.action_out_details import ActionOutDetails # noqa: PLC0415
        action_id = str(self.action_id)

        employee_id = str(self.employee_id)

        kind = self.kind

        order_number = self.order_number

        effective_date = self.effective_date.isoformat()

        status = self.status

        drafted_by = self.drafted_by

        approved_by: None | str
        approved_by = self.approved_by

        corrects: None | str
        if isinstance(self.corrects, UUID):
            corrects = str(self.corrects)
        else:
            corrects = self.corrects

        over_authorised = self.over_authorised

        details = self.details.to_dict()

        position = self.position

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        rejection_reason: None | str | Unset
        if isinstance(self.rejection_reason, Unset):
            rejection_reason = UNSET
        else:
            rejection_reason = self.rejection_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action_id": action_id,
            "employee_id": employee_id,
            "kind": kind,
            "order_number": order_number,
            "effective_date": effective_date,
            "status": status,
            "drafted_by": drafted_by,
            "approved_by": approved_by,
            "corrects": corrects,
            "over_authorised": over_authorised,
            "details": details,
            "position": position,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if rejection_reason is not UNSET:
            field_dict["rejection_reason"] = rejection_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_out_details import ActionOutDetails # noqa: PLC0415
        d = dict(src_dict)
        action_id = UUID(d.pop("action_id"))




        employee_id = UUID(d.pop("employee_id"))




        kind = d.pop("kind")

        order_number = d.pop("order_number")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))




        status = d.pop("status")

        drafted_by = d.pop("drafted_by")

        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))


        def _parse_corrects(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                corrects_type_0 = UUID(data)



                return corrects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        corrects = _parse_corrects(d.pop("corrects"))


        over_authorised = d.pop("over_authorised")

        details = ActionOutDetails.from_dict(d.pop("details"))




        position = d.pop("position")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_rejection_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason", UNSET))


        action_out = cls(
            action_id=action_id,
            employee_id=employee_id,
            kind=kind,
            order_number=order_number,
            effective_date=effective_date,
            status=status,
            drafted_by=drafted_by,
            approved_by=approved_by,
            corrects=corrects,
            over_authorised=over_authorised,
            details=details,
            position=position,
            reason=reason,
            rejection_reason=rejection_reason,
        )


        action_out.additional_properties = d
        return action_out

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
