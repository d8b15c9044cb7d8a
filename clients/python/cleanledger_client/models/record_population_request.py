from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RecordPopulationRequest")



@_attrs_define
class RecordPopulationRequest:
    """ 주민등록인구: the organisation's residents in ``fiscal_year``, for per-capita figures.

    Recording a year again replaces its figure. The city and the districts have one; a funded
    institution has none. ``as_of`` is the day of the count, on or before the accounting date.
    Over HTTP the year is the accounting date's, as for registering the organisation.

        Attributes:
            accounting_date (datetime.date):
            population (int): Residents counted (1 to 100 000 000)
            as_of (datetime.date): The day of the count (기준일)
            source (str): Where the figure comes from (출처): at most 200 characters, one line, no control characters; stored
                in Unicode NFC
     """

    accounting_date: datetime.date
    population: int
    as_of: datetime.date
    source: str





    def to_dict(self) -> dict[str, Any]:
        accounting_date = self.accounting_date.isoformat()

        population = self.population

        as_of = self.as_of.isoformat()

        source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "accounting_date": accounting_date,
            "population": population,
            "as_of": as_of,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accounting_date = datetime.date.fromisoformat(d.pop("accounting_date"))




        population = d.pop("population")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        source = d.pop("source")

        record_population_request = cls(
            accounting_date=accounting_date,
            population=population,
            as_of=as_of,
            source=source,
        )

        return record_population_request

