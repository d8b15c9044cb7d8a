from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.checkpoint_out import CheckpointOut





T = TypeVar("T", bound="CheckpointPageOut")



@_attrs_define
class CheckpointPageOut:
    """ 
        Attributes:
            checkpoints (list[CheckpointOut]):
            next_after (int | None): Pass as `after` for the next page (null: no more)
     """

    checkpoints: list[CheckpointOut]
    next_after: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.checkpoint_out import CheckpointOut # noqa: PLC0415
        checkpoints = []
        for checkpoints_item_data in self.checkpoints:
            checkpoints_item = checkpoints_item_data.to_dict()
            checkpoints.append(checkpoints_item)



        next_after: int | None
        next_after = self.next_after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checkpoints": checkpoints,
            "next_after": next_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkpoint_out import CheckpointOut # noqa: PLC0415
        d = dict(src_dict)
        checkpoints = []
        _checkpoints = d.pop("checkpoints")
        for checkpoints_item_data in (_checkpoints):
            checkpoints_item = CheckpointOut.from_dict(checkpoints_item_data)



            checkpoints.append(checkpoints_item)


        def _parse_next_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_after = _parse_next_after(d.pop("next_after"))


        checkpoint_page_out = cls(
            checkpoints=checkpoints,
            next_after=next_after,
        )


        checkpoint_page_out.additional_properties = d
        return checkpoint_page_out

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
