from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CommandAccepted")



@_attrs_define
class CommandAccepted:
    """ What a command created or changed.

        Attributes:
            aggregate_id (UUID): The aggregate the command created or changed
            version (int): Its version after the command: the If-Match of the next command on aggregate_id
            position (int): Position of the command's last event in the log; pass as min_position
            created_id (None | Unset | UUID): The part the command created inside the aggregate: the payment order of
                IssuePaymentOrder, the payment of Pay, the debarment of DebarVendor
            parent_id (None | Unset | UUID): For a command that creates an aggregate under another whose version If-Match
                names (Obligate: the budget line; SignContract: the obligation; AssessRevenue: the revenue line): that
                aggregate. Null for every other command
            parent_version (int | None | Unset): parent_id's version after the command: the answer's ETag, and the If-Match
                of the next command on parent_id
     """

    aggregate_id: UUID
    version: int
    position: int
    created_id: None | Unset | UUID = UNSET
    parent_id: None | Unset | UUID = UNSET
    parent_version: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        aggregate_id = str(self.aggregate_id)

        version = self.version

        position = self.position

        created_id: None | str | Unset
        if isinstance(self.created_id, Unset):
            created_id = UNSET
        elif isinstance(self.created_id, UUID):
            created_id = str(self.created_id)
        else:
            created_id = self.created_id

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        parent_version: int | None | Unset
        if isinstance(self.parent_version, Unset):
            parent_version = UNSET
        else:
            parent_version = self.parent_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "aggregate_id": aggregate_id,
            "version": version,
            "position": position,
        })
        if created_id is not UNSET:
            field_dict["created_id"] = created_id
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if parent_version is not UNSET:
            field_dict["parent_version"] = parent_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aggregate_id = UUID(d.pop("aggregate_id"))




        version = d.pop("version")

        position = d.pop("position")

        def _parse_created_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_id_type_0 = UUID(data)



                return created_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_id = _parse_created_id(d.pop("created_id", UNSET))


        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)



                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))


        def _parse_parent_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_version = _parse_parent_version(d.pop("parent_version", UNSET))


        command_accepted = cls(
            aggregate_id=aggregate_id,
            version=version,
            position=position,
            created_id=created_id,
            parent_id=parent_id,
            parent_version=parent_version,
        )


        command_accepted.additional_properties = d
        return command_accepted

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
