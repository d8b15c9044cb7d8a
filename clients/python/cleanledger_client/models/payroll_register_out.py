from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.payroll_items_out import PayrollItemsOut
  from ..models.payroll_left_out import PayrollLeftOut
  from ..models.payroll_register_out_item_names import PayrollRegisterOutItemNames
  from ..models.payroll_register_row_out import PayrollRegisterRowOut
  from ..models.payroll_run_out import PayrollRunOut
  from ..models.payroll_totals_out import PayrollTotalsOut





T = TypeVar("T", bound="PayrollRegisterOut")



@_attrs_define
class PayrollRegisterOut:
    """ 급여대장: the run, its totals and item sums over every payslip, and a page of payslips.

        Attributes:
            run (PayrollRunOut): 급여 처리: one run, its totals (the latest calculation's; zero while one is under way) and
                who did each step when (accounting dates).
            previous_month (str):
            totals (PayrollTotalsOut):
            item_totals (PayrollItemsOut):
            item_names (PayrollRegisterOutItemNames): Item code → its Korean name
            items (list[PayrollRegisterRowOut]): A page of payslips, by employee number
            left (list[PayrollLeftOut]):
            next_cursor (None | str): Pass as `cursor` for the next page; null on the last
     """

    run: PayrollRunOut
    previous_month: str
    totals: PayrollTotalsOut
    item_totals: PayrollItemsOut
    item_names: PayrollRegisterOutItemNames
    items: list[PayrollRegisterRowOut]
    left: list[PayrollLeftOut]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_items_out import PayrollItemsOut # noqa: PLC0415
        from ..models.payroll_left_out import PayrollLeftOut # noqa: PLC0415
        from ..models.payroll_register_out_item_names import PayrollRegisterOutItemNames # noqa: PLC0415
        from ..models.payroll_register_row_out import PayrollRegisterRowOut # noqa: PLC0415
        from ..models.payroll_run_out import PayrollRunOut # noqa: PLC0415
        from ..models.payroll_totals_out import PayrollTotalsOut # noqa: PLC0415
        run = self.run.to_dict()

        previous_month = self.previous_month

        totals = self.totals.to_dict()

        item_totals = self.item_totals.to_dict()

        item_names = self.item_names.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        left = []
        for left_item_data in self.left:
            left_item = left_item_data.to_dict()
            left.append(left_item)



        next_cursor: None | str
        next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "run": run,
            "previous_month": previous_month,
            "totals": totals,
            "item_totals": item_totals,
            "item_names": item_names,
            "items": items,
            "left": left,
            "next_cursor": next_cursor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_items_out import PayrollItemsOut # noqa: PLC0415
        from ..models.payroll_left_out import PayrollLeftOut # noqa: PLC0415
        from ..models.payroll_register_out_item_names import PayrollRegisterOutItemNames # noqa: PLC0415
        from ..models.payroll_register_row_out import PayrollRegisterRowOut # noqa: PLC0415
        from ..models.payroll_run_out import PayrollRunOut # noqa: PLC0415
        from ..models.payroll_totals_out import PayrollTotalsOut # noqa: PLC0415
        d = dict(src_dict)
        run = PayrollRunOut.from_dict(d.pop("run"))




        previous_month = d.pop("previous_month")

        totals = PayrollTotalsOut.from_dict(d.pop("totals"))




        item_totals = PayrollItemsOut.from_dict(d.pop("item_totals"))




        item_names = PayrollRegisterOutItemNames.from_dict(d.pop("item_names"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = PayrollRegisterRowOut.from_dict(items_item_data)



            items.append(items_item)


        left = []
        _left = d.pop("left")
        for left_item_data in (_left):
            left_item = PayrollLeftOut.from_dict(left_item_data)



            left.append(left_item)


        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))


        payroll_register_out = cls(
            run=run,
            previous_month=previous_month,
            totals=totals,
            item_totals=item_totals,
            item_names=item_names,
            items=items,
            left=left,
            next_cursor=next_cursor,
        )


        payroll_register_out.additional_properties = d
        return payroll_register_out

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
