from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.statement_line_out import StatementLineOut





T = TypeVar("T", bound="BalanceSheetOut")



@_attrs_define
class BalanceSheetOut:
    """ 재정상태표 / 대차대조표: assets = liabilities + net assets at a date.

        Attributes:
            org (str):
            as_of (datetime.date):
            assets (list[StatementLineOut]):
            liabilities (list[StatementLineOut]):
            net_assets (list[StatementLineOut]):
            total_assets (int):
            total_liabilities (int):
            total_net_assets (int): Net assets including the surplus not yet closed
            accumulated_surplus (int): Revenue − expenses to date, not yet closed into net assets
     """

    org: str
    as_of: datetime.date
    assets: list[StatementLineOut]
    liabilities: list[StatementLineOut]
    net_assets: list[StatementLineOut]
    total_assets: int
    total_liabilities: int
    total_net_assets: int
    accumulated_surplus: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_line_out import StatementLineOut # noqa: PLC0415
        org = self.org

        as_of = self.as_of.isoformat()

        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)



        liabilities = []
        for liabilities_item_data in self.liabilities:
            liabilities_item = liabilities_item_data.to_dict()
            liabilities.append(liabilities_item)



        net_assets = []
        for net_assets_item_data in self.net_assets:
            net_assets_item = net_assets_item_data.to_dict()
            net_assets.append(net_assets_item)



        total_assets = self.total_assets

        total_liabilities = self.total_liabilities

        total_net_assets = self.total_net_assets

        accumulated_surplus = self.accumulated_surplus


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "as_of": as_of,
            "assets": assets,
            "liabilities": liabilities,
            "net_assets": net_assets,
            "total_assets": total_assets,
            "total_liabilities": total_liabilities,
            "total_net_assets": total_net_assets,
            "accumulated_surplus": accumulated_surplus,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_line_out import StatementLineOut # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        assets = []
        _assets = d.pop("assets")
        for assets_item_data in (_assets):
            assets_item = StatementLineOut.from_dict(assets_item_data)



            assets.append(assets_item)


        liabilities = []
        _liabilities = d.pop("liabilities")
        for liabilities_item_data in (_liabilities):
            liabilities_item = StatementLineOut.from_dict(liabilities_item_data)



            liabilities.append(liabilities_item)


        net_assets = []
        _net_assets = d.pop("net_assets")
        for net_assets_item_data in (_net_assets):
            net_assets_item = StatementLineOut.from_dict(net_assets_item_data)



            net_assets.append(net_assets_item)


        total_assets = d.pop("total_assets")

        total_liabilities = d.pop("total_liabilities")

        total_net_assets = d.pop("total_net_assets")

        accumulated_surplus = d.pop("accumulated_surplus")

        balance_sheet_out = cls(
            org=org,
            as_of=as_of,
            assets=assets,
            liabilities=liabilities,
            net_assets=net_assets,
            total_assets=total_assets,
            total_liabilities=total_liabilities,
            total_net_assets=total_net_assets,
            accumulated_surplus=accumulated_surplus,
        )


        balance_sheet_out.additional_properties = d
        return balance_sheet_out

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
