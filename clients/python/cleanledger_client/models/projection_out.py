from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.fault_summary import FaultSummary





T = TypeVar("T", bound="ProjectionOut")



@_attrs_define
class ProjectionOut:
    """ One projection: how far it has applied the log, and whether a fault stopped it.

        Attributes:
            name (str): The projection (cleanledger rebuild NAME)
            position (int): It has applied the log up to this position
            lag (int): Positions of the log it has not applied yet (head − position)
            generation (int): Generation of its tables (a rebuild makes the next)
            version (int): Version of the code that built its tables
            rebuild_needed (bool): The code is of another version than its tables: `cleanledger rebuild NAME`
            fault (FaultSummary | None): What stopped it (null: it runs); it stays stopped until an operator clears it
            rebuild_fault (FaultSummary | None): What stopped its last rebuild, which then did not switch over (null: none
                did)
     """

    name: str
    position: int
    lag: int
    generation: int
    version: int
    rebuild_needed: bool
    fault: FaultSummary | None
    rebuild_fault: FaultSummary | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fault_summary import FaultSummary # noqa: PLC0415
        name = self.name

        position = self.position

        lag = self.lag

        generation = self.generation

        version = self.version

        rebuild_needed = self.rebuild_needed

        fault: dict[str, Any] | None
        if isinstance(self.fault, FaultSummary):
            fault = self.fault.to_dict()
        else:
            fault = self.fault

        rebuild_fault: dict[str, Any] | None
        if isinstance(self.rebuild_fault, FaultSummary):
            rebuild_fault = self.rebuild_fault.to_dict()
        else:
            rebuild_fault = self.rebuild_fault


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "position": position,
            "lag": lag,
            "generation": generation,
            "version": version,
            "rebuild_needed": rebuild_needed,
            "fault": fault,
            "rebuild_fault": rebuild_fault,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fault_summary import FaultSummary # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        position = d.pop("position")

        lag = d.pop("lag")

        generation = d.pop("generation")

        version = d.pop("version")

        rebuild_needed = d.pop("rebuild_needed")

        def _parse_fault(data: object) -> FaultSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fault_type_0 = FaultSummary.from_dict(data)



                return fault_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FaultSummary | None, data)

        fault = _parse_fault(d.pop("fault"))


        def _parse_rebuild_fault(data: object) -> FaultSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rebuild_fault_type_0 = FaultSummary.from_dict(data)



                return rebuild_fault_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FaultSummary | None, data)

        rebuild_fault = _parse_rebuild_fault(d.pop("rebuild_fault"))


        projection_out = cls(
            name=name,
            position=position,
            lag=lag,
            generation=generation,
            version=version,
            rebuild_needed=rebuild_needed,
            fault=fault,
            rebuild_fault=rebuild_fault,
        )


        projection_out.additional_properties = d
        return projection_out

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
