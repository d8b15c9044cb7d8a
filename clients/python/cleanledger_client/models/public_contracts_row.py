from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PublicContractsRow")



@_attrs_define
class PublicContractsRow:
    """ One row of 계약현황 (contracts).

        Attributes:
            contract_id (UUID): 계약 ID
            org (str): 기관코드
            fiscal_year (int): 회계연도
            department (None | str): 부서
            title (None | str): 계약명
            obligation_id (None | UUID): 지출원인행위 ID
            line_id (None | UUID): 예산사업 ID
            code (None | str): 예산과목코드
            line_title (None | str): 세부사업명
            contract_date (datetime.date | None): 계약일자
            amount (int | None): 계약금액
            original_amount (int | None): 최초 계약금액
            method (None | str): 계약방법
            private_reason (None | str): 수의계약 사유
            private_reason_detail (None | str): 수의계약 사유 상세
            starts (datetime.date | None): 계약 시작일
            ends (datetime.date | None): 계약 종료일
            supplier_kind (None | str): 계약상대자 구분
            supplier_id (None | UUID): 계약상대자 ID
            supplier_name (None | str): 계약상대자 상호
            supplier_business_number (None | str): 계약상대자 사업자등록번호
            amendments (int): 변경 횟수
            last_amended_on (datetime.date | None): 최종 변경일
            inspected (bool): 검수 여부
            inspected_amount (int | None): 검수금액
            inspected_on (datetime.date | None): 검수일자
            inspection_passed (bool | None): 검수 합격
            status (None | str): 상태
            completed_on (datetime.date | None): 완료일
            terminated_on (datetime.date | None): 해지일
            termination_reason (None | str): 해지 사유
            paid (int): 지급액
            returned (int): 반납액
            payments_to_date (int): 대가지급 누계
     """

    contract_id: UUID
    org: str
    fiscal_year: int
    department: None | str
    title: None | str
    obligation_id: None | UUID
    line_id: None | UUID
    code: None | str
    line_title: None | str
    contract_date: datetime.date | None
    amount: int | None
    original_amount: int | None
    method: None | str
    private_reason: None | str
    private_reason_detail: None | str
    starts: datetime.date | None
    ends: datetime.date | None
    supplier_kind: None | str
    supplier_id: None | UUID
    supplier_name: None | str
    supplier_business_number: None | str
    amendments: int
    last_amended_on: datetime.date | None
    inspected: bool
    inspected_amount: int | None
    inspected_on: datetime.date | None
    inspection_passed: bool | None
    status: None | str
    completed_on: datetime.date | None
    terminated_on: datetime.date | None
    termination_reason: None | str
    paid: int
    returned: int
    payments_to_date: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        org = self.org

        fiscal_year = self.fiscal_year

        department: None | str
        department = self.department

        title: None | str
        title = self.title

        obligation_id: None | str
        if isinstance(self.obligation_id, UUID):
            obligation_id = str(self.obligation_id)
        else:
            obligation_id = self.obligation_id

        line_id: None | str
        if isinstance(self.line_id, UUID):
            line_id = str(self.line_id)
        else:
            line_id = self.line_id

        code: None | str
        code = self.code

        line_title: None | str
        line_title = self.line_title

        contract_date: None | str
        if isinstance(self.contract_date, datetime.date):
            contract_date = self.contract_date.isoformat()
        else:
            contract_date = self.contract_date

        amount: int | None
        amount = self.amount

        original_amount: int | None
        original_amount = self.original_amount

        method: None | str
        method = self.method

        private_reason: None | str
        private_reason = self.private_reason

        private_reason_detail: None | str
        private_reason_detail = self.private_reason_detail

        starts: None | str
        if isinstance(self.starts, datetime.date):
            starts = self.starts.isoformat()
        else:
            starts = self.starts

        ends: None | str
        if isinstance(self.ends, datetime.date):
            ends = self.ends.isoformat()
        else:
            ends = self.ends

        supplier_kind: None | str
        supplier_kind = self.supplier_kind

        supplier_id: None | str
        if isinstance(self.supplier_id, UUID):
            supplier_id = str(self.supplier_id)
        else:
            supplier_id = self.supplier_id

        supplier_name: None | str
        supplier_name = self.supplier_name

        supplier_business_number: None | str
        supplier_business_number = self.supplier_business_number

        amendments = self.amendments

        last_amended_on: None | str
        if isinstance(self.last_amended_on, datetime.date):
            last_amended_on = self.last_amended_on.isoformat()
        else:
            last_amended_on = self.last_amended_on

        inspected = self.inspected

        inspected_amount: int | None
        inspected_amount = self.inspected_amount

        inspected_on: None | str
        if isinstance(self.inspected_on, datetime.date):
            inspected_on = self.inspected_on.isoformat()
        else:
            inspected_on = self.inspected_on

        inspection_passed: bool | None
        inspection_passed = self.inspection_passed

        status: None | str
        status = self.status

        completed_on: None | str
        if isinstance(self.completed_on, datetime.date):
            completed_on = self.completed_on.isoformat()
        else:
            completed_on = self.completed_on

        terminated_on: None | str
        if isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        termination_reason: None | str
        termination_reason = self.termination_reason

        paid = self.paid

        returned = self.returned

        payments_to_date = self.payments_to_date


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract_id": contract_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "department": department,
            "title": title,
            "obligation_id": obligation_id,
            "line_id": line_id,
            "code": code,
            "line_title": line_title,
            "contract_date": contract_date,
            "amount": amount,
            "original_amount": original_amount,
            "method": method,
            "private_reason": private_reason,
            "private_reason_detail": private_reason_detail,
            "starts": starts,
            "ends": ends,
            "supplier_kind": supplier_kind,
            "supplier_id": supplier_id,
            "supplier_name": supplier_name,
            "supplier_business_number": supplier_business_number,
            "amendments": amendments,
            "last_amended_on": last_amended_on,
            "inspected": inspected,
            "inspected_amount": inspected_amount,
            "inspected_on": inspected_on,
            "inspection_passed": inspection_passed,
            "status": status,
            "completed_on": completed_on,
            "terminated_on": terminated_on,
            "termination_reason": termination_reason,
            "paid": paid,
            "returned": returned,
            "payments_to_date": payments_to_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))




        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))


        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        def _parse_obligation_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                obligation_id_type_0 = UUID(data)



                return obligation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        obligation_id = _parse_obligation_id(d.pop("obligation_id"))


        def _parse_line_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                line_id_type_0 = UUID(data)



                return line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        line_id = _parse_line_id(d.pop("line_id"))


        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        def _parse_line_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        line_title = _parse_line_title(d.pop("line_title"))


        def _parse_contract_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_date_type_0 = datetime.date.fromisoformat(data)



                return contract_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        contract_date = _parse_contract_date(d.pop("contract_date"))


        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))


        def _parse_original_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        original_amount = _parse_original_amount(d.pop("original_amount"))


        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))


        def _parse_private_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        private_reason = _parse_private_reason(d.pop("private_reason"))


        def _parse_private_reason_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        private_reason_detail = _parse_private_reason_detail(d.pop("private_reason_detail"))


        def _parse_starts(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_type_0 = datetime.date.fromisoformat(data)



                return starts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts = _parse_starts(d.pop("starts"))


        def _parse_ends(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_type_0 = datetime.date.fromisoformat(data)



                return ends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends = _parse_ends(d.pop("ends"))


        def _parse_supplier_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        supplier_kind = _parse_supplier_kind(d.pop("supplier_kind"))


        def _parse_supplier_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                supplier_id_type_0 = UUID(data)



                return supplier_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        supplier_id = _parse_supplier_id(d.pop("supplier_id"))


        def _parse_supplier_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        supplier_name = _parse_supplier_name(d.pop("supplier_name"))


        def _parse_supplier_business_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        supplier_business_number = _parse_supplier_business_number(d.pop("supplier_business_number"))


        amendments = d.pop("amendments")

        def _parse_last_amended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_amended_on_type_0 = datetime.date.fromisoformat(data)



                return last_amended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_amended_on = _parse_last_amended_on(d.pop("last_amended_on"))


        inspected = d.pop("inspected")

        def _parse_inspected_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        inspected_amount = _parse_inspected_amount(d.pop("inspected_amount"))


        def _parse_inspected_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_on_type_0 = datetime.date.fromisoformat(data)



                return inspected_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        inspected_on = _parse_inspected_on(d.pop("inspected_on"))


        def _parse_inspection_passed(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        inspection_passed = _parse_inspection_passed(d.pop("inspection_passed"))


        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))


        def _parse_completed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_on_type_0 = datetime.date.fromisoformat(data)



                return completed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_on = _parse_completed_on(d.pop("completed_on"))


        def _parse_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)



                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))


        def _parse_termination_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        termination_reason = _parse_termination_reason(d.pop("termination_reason"))


        paid = d.pop("paid")

        returned = d.pop("returned")

        payments_to_date = d.pop("payments_to_date")

        public_contracts_row = cls(
            contract_id=contract_id,
            org=org,
            fiscal_year=fiscal_year,
            department=department,
            title=title,
            obligation_id=obligation_id,
            line_id=line_id,
            code=code,
            line_title=line_title,
            contract_date=contract_date,
            amount=amount,
            original_amount=original_amount,
            method=method,
            private_reason=private_reason,
            private_reason_detail=private_reason_detail,
            starts=starts,
            ends=ends,
            supplier_kind=supplier_kind,
            supplier_id=supplier_id,
            supplier_name=supplier_name,
            supplier_business_number=supplier_business_number,
            amendments=amendments,
            last_amended_on=last_amended_on,
            inspected=inspected,
            inspected_amount=inspected_amount,
            inspected_on=inspected_on,
            inspection_passed=inspection_passed,
            status=status,
            completed_on=completed_on,
            terminated_on=terminated_on,
            termination_reason=termination_reason,
            paid=paid,
            returned=returned,
            payments_to_date=payments_to_date,
        )


        public_contracts_row.additional_properties = d
        return public_contracts_row

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
