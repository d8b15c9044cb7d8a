from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PublicProgramsRow")



@_attrs_define
class PublicProgramsRow:
    """ One row of 사업현황 (programs).

        Attributes:
            line_id (UUID): 예산사업 ID
            org (str): 기관코드
            fiscal_year (int): 회계연도
            code (None | str): 예산과목코드
            title (None | str): 세부사업명
            account (None | str): 회계
            field (None | str): 분야
            sector (None | str): 부문
            policy_project (None | str): 정책사업
            unit_project (None | str): 단위사업
            detailed_project (None | str): 세부사업
            budget_item (None | str): 편성목-통계목
            appropriated (int): 본예산
            amended (int): 추경
            transferred (int): 전용·이용
            contingency (int): 예비비
            carried_in (int): 이월액(전년도)
            current_budget (int): 예산현액
            allocated_q1 (int): 1분기 배정액
            allocated_q2 (int): 2분기 배정액
            allocated_q3 (int): 3분기 배정액
            allocated_q4 (int): 4분기 배정액
            allocated (int): 배정액
            obligated (int): 원인행위액
            vouchered (int): 지출결의액
            paid (int): 지출액
            carried_over (int): 이월액
            closed (bool): 마감
            remaining (int): 잔액
            execution_rate (float): 집행률(%)
     """

    line_id: UUID
    org: str
    fiscal_year: int
    code: None | str
    title: None | str
    account: None | str
    field: None | str
    sector: None | str
    policy_project: None | str
    unit_project: None | str
    detailed_project: None | str
    budget_item: None | str
    appropriated: int
    amended: int
    transferred: int
    contingency: int
    carried_in: int
    current_budget: int
    allocated_q1: int
    allocated_q2: int
    allocated_q3: int
    allocated_q4: int
    allocated: int
    obligated: int
    vouchered: int
    paid: int
    carried_over: int
    closed: bool
    remaining: int
    execution_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        line_id = str(self.line_id)

        org = self.org

        fiscal_year = self.fiscal_year

        code: None | str
        code = self.code

        title: None | str
        title = self.title

        account: None | str
        account = self.account

        field: None | str
        field = self.field

        sector: None | str
        sector = self.sector

        policy_project: None | str
        policy_project = self.policy_project

        unit_project: None | str
        unit_project = self.unit_project

        detailed_project: None | str
        detailed_project = self.detailed_project

        budget_item: None | str
        budget_item = self.budget_item

        appropriated = self.appropriated

        amended = self.amended

        transferred = self.transferred

        contingency = self.contingency

        carried_in = self.carried_in

        current_budget = self.current_budget

        allocated_q1 = self.allocated_q1

        allocated_q2 = self.allocated_q2

        allocated_q3 = self.allocated_q3

        allocated_q4 = self.allocated_q4

        allocated = self.allocated

        obligated = self.obligated

        vouchered = self.vouchered

        paid = self.paid

        carried_over = self.carried_over

        closed = self.closed

        remaining = self.remaining

        execution_rate = self.execution_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "line_id": line_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "code": code,
            "title": title,
            "account": account,
            "field": field,
            "sector": sector,
            "policy_project": policy_project,
            "unit_project": unit_project,
            "detailed_project": detailed_project,
            "budget_item": budget_item,
            "appropriated": appropriated,
            "amended": amended,
            "transferred": transferred,
            "contingency": contingency,
            "carried_in": carried_in,
            "current_budget": current_budget,
            "allocated_q1": allocated_q1,
            "allocated_q2": allocated_q2,
            "allocated_q3": allocated_q3,
            "allocated_q4": allocated_q4,
            "allocated": allocated,
            "obligated": obligated,
            "vouchered": vouchered,
            "paid": paid,
            "carried_over": carried_over,
            "closed": closed,
            "remaining": remaining,
            "execution_rate": execution_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line_id = UUID(d.pop("line_id"))




        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_account(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account = _parse_account(d.pop("account"))


        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))


        def _parse_sector(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sector = _parse_sector(d.pop("sector"))


        def _parse_policy_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        policy_project = _parse_policy_project(d.pop("policy_project"))


        def _parse_unit_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit_project = _parse_unit_project(d.pop("unit_project"))


        def _parse_detailed_project(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detailed_project = _parse_detailed_project(d.pop("detailed_project"))


        def _parse_budget_item(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        budget_item = _parse_budget_item(d.pop("budget_item"))


        appropriated = d.pop("appropriated")

        amended = d.pop("amended")

        transferred = d.pop("transferred")

        contingency = d.pop("contingency")

        carried_in = d.pop("carried_in")

        current_budget = d.pop("current_budget")

        allocated_q1 = d.pop("allocated_q1")

        allocated_q2 = d.pop("allocated_q2")

        allocated_q3 = d.pop("allocated_q3")

        allocated_q4 = d.pop("allocated_q4")

        allocated = d.pop("allocated")

        obligated = d.pop("obligated")

        vouchered = d.pop("vouchered")

        paid = d.pop("paid")

        carried_over = d.pop("carried_over")

        closed = d.pop("closed")

        remaining = d.pop("remaining")

        execution_rate = d.pop("execution_rate")

        public_programs_row = cls(
            line_id=line_id,
            org=org,
            fiscal_year=fiscal_year,
            code=code,
            title=title,
            account=account,
            field=field,
            sector=sector,
            policy_project=policy_project,
            unit_project=unit_project,
            detailed_project=detailed_project,
            budget_item=budget_item,
            appropriated=appropriated,
            amended=amended,
            transferred=transferred,
            contingency=contingency,
            carried_in=carried_in,
            current_budget=current_budget,
            allocated_q1=allocated_q1,
            allocated_q2=allocated_q2,
            allocated_q3=allocated_q3,
            allocated_q4=allocated_q4,
            allocated=allocated,
            obligated=obligated,
            vouchered=vouchered,
            paid=paid,
            carried_over=carried_over,
            closed=closed,
            remaining=remaining,
            execution_rate=execution_rate,
        )


        public_programs_row.additional_properties = d
        return public_programs_row

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
