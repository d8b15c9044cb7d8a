from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PublicExpendituresRow")



@_attrs_define
class PublicExpendituresRow:
    """ One row of 지출현황 (expenditures).

        Attributes:
            payment_id (UUID): 지급 ID
            org (str): 기관코드
            fiscal_year (int): 회계연도
            line_id (None | UUID): 예산사업 ID
            code (None | str): 예산과목코드
            line_title (None | str): 세부사업명
            voucher_id (None | UUID): 지출결의 ID
            contract_id (None | UUID): 계약 ID
            description (None | str): 적요
            paid_on (datetime.date | None): 지급일자
            amount (int | None): 지급액
            returned (int): 반납액
            payee_kind (None | str): 지급대상 구분
            payee_id (None | UUID): 지급대상 ID
            payee_name (None | str): 지급대상 상호
            payee_business_number (None | str): 지급대상 사업자등록번호
     """

    payment_id: UUID
    org: str
    fiscal_year: int
    line_id: None | UUID
    code: None | str
    line_title: None | str
    voucher_id: None | UUID
    contract_id: None | UUID
    description: None | str
    paid_on: datetime.date | None
    amount: int | None
    returned: int
    payee_kind: None | str
    payee_id: None | UUID
    payee_name: None | str
    payee_business_number: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        payment_id = str(self.payment_id)

        org = self.org

        fiscal_year = self.fiscal_year

        line_id: None | str
        if isinstance(self.line_id, UUID):
            line_id = str(self.line_id)
        else:
            line_id = self.line_id

        code: None | str
        code = self.code

        line_title: None | str
        line_title = self.line_title

        voucher_id: None | str
        if isinstance(self.voucher_id, UUID):
            voucher_id = str(self.voucher_id)
        else:
            voucher_id = self.voucher_id

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        description: None | str
        description = self.description

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        amount: int | None
        amount = self.amount

        returned = self.returned

        payee_kind: None | str
        payee_kind = self.payee_kind

        payee_id: None | str
        if isinstance(self.payee_id, UUID):
            payee_id = str(self.payee_id)
        else:
            payee_id = self.payee_id

        payee_name: None | str
        payee_name = self.payee_name

        payee_business_number: None | str
        payee_business_number = self.payee_business_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "payment_id": payment_id,
            "org": org,
            "fiscal_year": fiscal_year,
            "line_id": line_id,
            "code": code,
            "line_title": line_title,
            "voucher_id": voucher_id,
            "contract_id": contract_id,
            "description": description,
            "paid_on": paid_on,
            "amount": amount,
            "returned": returned,
            "payee_kind": payee_kind,
            "payee_id": payee_id,
            "payee_name": payee_name,
            "payee_business_number": payee_business_number,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        payment_id = UUID(d.pop("payment_id"))




        org = d.pop("org")

        fiscal_year = d.pop("fiscal_year")

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


        def _parse_voucher_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voucher_id_type_0 = UUID(data)



                return voucher_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        voucher_id = _parse_voucher_id(d.pop("voucher_id"))


        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)



                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))


        def _parse_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount = _parse_amount(d.pop("amount"))


        returned = d.pop("returned")

        def _parse_payee_kind(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee_kind = _parse_payee_kind(d.pop("payee_kind"))


        def _parse_payee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                payee_id_type_0 = UUID(data)



                return payee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        payee_id = _parse_payee_id(d.pop("payee_id"))


        def _parse_payee_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee_name = _parse_payee_name(d.pop("payee_name"))


        def _parse_payee_business_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee_business_number = _parse_payee_business_number(d.pop("payee_business_number"))


        public_expenditures_row = cls(
            payment_id=payment_id,
            org=org,
            fiscal_year=fiscal_year,
            line_id=line_id,
            code=code,
            line_title=line_title,
            voucher_id=voucher_id,
            contract_id=contract_id,
            description=description,
            paid_on=paid_on,
            amount=amount,
            returned=returned,
            payee_kind=payee_kind,
            payee_id=payee_id,
            payee_name=payee_name,
            payee_business_number=payee_business_number,
        )


        public_expenditures_row.additional_properties = d
        return public_expenditures_row

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
