from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.line_balances_out import LineBalancesOut





T = TypeVar("T", bound="LineStateOut")



@_attrs_define
class LineStateOut:
    """ A budget line as it was after one version.

        Attributes:
            line_id (UUID):
            org (str):
            fiscal_year (int):
            code (str): 예산과목 code
            title (str): 세부사업명
            version (int):
            position (int | None): Log position of the event that made this version
            recorded_at (datetime.datetime):
            balances (LineBalancesOut): The line's amounts (won) after an event.
     """

    line_id: UUID
    org: str
    fiscal_year: int
    code: str
    title: str
    version: int
    position: int | None
    recorded_at: datetime.datetime
    balances: LineBalancesOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.line_balances_out import LineBalancesOut # noqa: PLC0415
        line_id = str(self.line_id)

        org = self.org

        fiscal_year = self.fiscal_year

        code = self.code

        title = self.title

        version = self.version

        position: int | None
        position = self.position

        recorded_at = self.recorded_at.isoformat()

        balances = self.balances.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line_id": line_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "code": code,
            "title": title,
            "version": version,
            "position": position,
            "recorded_at": recorded_at,
            "balances": balances,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_balances_out import LineBalancesOut # noqa: PLC0415
        d = dict(src_dict)
        line_id = UUID(d.pop("line_id"))




        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        code = d.pop("code")

        title = d.pop("title")

        version = d.pop("version")

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))


        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))




        balances = LineBalancesOut.from_dict(d.pop("balances"))




        line_state_out = cls(
            line_id=line_id,
            org=org,
            fiscal_year=fiscal_year,
            code=code,
            title=title,
            version=version,
            position=position,
            recorded_at=recorded_at,
            balances=balances,
        )


        line_state_out.additional_properties = d
        return line_state_out

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
