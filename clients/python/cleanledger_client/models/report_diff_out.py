from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.causing_event_out import CausingEventOut
  from ..models.diff_line_out import DiffLineOut





T = TypeVar("T", bound="ReportDiffOut")



@_attrs_define
class ReportDiffOut:
    """ A statement as known at two moments: the changed lines and the events that changed them.

        Attributes:
            report (str):
            org (str):
            from_position (int): The log position from_known_at stands for
            to_position (int): The log position to_known_at stands for
            lines (list[DiffLineOut]):
            events (list[CausingEventOut]): In log order
     """

    report: str
    org: str
    from_position: int
    to_position: int
    lines: list[DiffLineOut]
    events: list[CausingEventOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.causing_event_out import CausingEventOut # noqa: PLC0415
        from ..models.diff_line_out import DiffLineOut # noqa: PLC0415
        report = self.report

        org = self.org

        from_position = self.from_position

        to_position = self.to_position

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "report": report,
            "org": org,
            "from_position": from_position,
            "to_position": to_position,
            "lines": lines,
            "events": events,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.causing_event_out import CausingEventOut # noqa: PLC0415
        from ..models.diff_line_out import DiffLineOut # noqa: PLC0415
        d = dict(src_dict)
        report = d.pop("report")

        org = d.pop("org")

        from_position = d.pop("from_position")

        to_position = d.pop("to_position")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = DiffLineOut.from_dict(lines_item_data)



            lines.append(lines_item)


        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = CausingEventOut.from_dict(events_item_data)



            events.append(events_item)


        report_diff_out = cls(
            report=report,
            org=org,
            from_position=from_position,
            to_position=to_position,
            lines=lines,
            events=events,
        )


        report_diff_out.additional_properties = d
        return report_diff_out

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
