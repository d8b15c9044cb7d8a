from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.payroll_run_out_tables import PayrollRunOutTables





T = TypeVar("T", bound="PayrollRunOut")



@_attrs_define
class PayrollRunOut:
    """ 급여 처리: one run, its totals (the latest calculation's; zero while one is under way) and
    who did each step when (accounting dates).

        Attributes:
            org (str):
            month (str): 귀속월
            fiscal_year (int | None):
            status (None | str): open 개설 (to be calculated), calculated 계산, approved 결재, posted 원인행위·지출결의, paid 지급, remitted
                납부
            calculation (int): How many times it was calculated
            preparer (None | str): Who calculated it last
            approver (None | str):
            retroactive_from (None | str): 소급: the first past month recalculated
            tables (PayrollRunOutTables): The version of each table the calculation read
            payslips (int):
            gross (int): 지급액 계
            deducted (int): 공제액 계
            net (int): 실지급액 계
            employer (int): 기관부담금 계
            withheld (int): 예수금: kept back by the payment
            paid_net (int): Paid to the employees
            employer_remitted (int): The employer's shares the remittance paid
            rejection_reason (None | str): The latest 반려 사유
            rejected_by (None | str):
            opened_on (datetime.date | None):
            calculated_on (datetime.date | None):
            approved_on (datetime.date | None):
            posted_on (datetime.date | None):
            paid_on (datetime.date | None):
            remitted_on (datetime.date | None):
            calculated_at (datetime.datetime | None): When the latest calculation was recorded
            updated_at (datetime.datetime | None): When the run's last event was recorded
            version (int | None): The run's version: the If-Match of its next command
            position (int | None): Log position of the run's last event
     """

    org: str
    month: str
    fiscal_year: int | None
    status: None | str
    calculation: int
    preparer: None | str
    approver: None | str
    retroactive_from: None | str
    tables: PayrollRunOutTables
    payslips: int
    gross: int
    deducted: int
    net: int
    employer: int
    withheld: int
    paid_net: int
    employer_remitted: int
    rejection_reason: None | str
    rejected_by: None | str
    opened_on: datetime.date | None
    calculated_on: datetime.date | None
    approved_on: datetime.date | None
    posted_on: datetime.date | None
    paid_on: datetime.date | None
    remitted_on: datetime.date | None
    calculated_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    version: int | None
    position: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.payroll_run_out_tables import PayrollRunOutTables # noqa: PLC0415
        org = self.org

        month = self.month

        fiscal_year: int | None
        fiscal_year = self.fiscal_year

        status: None | str
        status = self.status

        calculation = self.calculation

        preparer: None | str
        preparer = self.preparer

        approver: None | str
        approver = self.approver

        retroactive_from: None | str
        retroactive_from = self.retroactive_from

        tables = self.tables.to_dict()

        payslips = self.payslips

        gross = self.gross

        deducted = self.deducted

        net = self.net

        employer = self.employer

        withheld = self.withheld

        paid_net = self.paid_net

        employer_remitted = self.employer_remitted

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        rejected_by: None | str
        rejected_by = self.rejected_by

        opened_on: None | str
        if isinstance(self.opened_on, datetime.date):
            opened_on = self.opened_on.isoformat()
        else:
            opened_on = self.opened_on

        calculated_on: None | str
        if isinstance(self.calculated_on, datetime.date):
            calculated_on = self.calculated_on.isoformat()
        else:
            calculated_on = self.calculated_on

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        posted_on: None | str
        if isinstance(self.posted_on, datetime.date):
            posted_on = self.posted_on.isoformat()
        else:
            posted_on = self.posted_on

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        remitted_on: None | str
        if isinstance(self.remitted_on, datetime.date):
            remitted_on = self.remitted_on.isoformat()
        else:
            remitted_on = self.remitted_on

        calculated_at: None | str
        if isinstance(self.calculated_at, datetime.datetime):
            calculated_at = self.calculated_at.isoformat()
        else:
            calculated_at = self.calculated_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        version: int | None
        version = self.version

        position: int | None
        position = self.position


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "org": org,
            "month": month,
            "fiscal_year": fiscal_year,
            "status": status,
            "calculation": calculation,
            "preparer": preparer,
            "approver": approver,
            "retroactive_from": retroactive_from,
            "tables": tables,
            "payslips": payslips,
            "gross": gross,
            "deducted": deducted,
            "net": net,
            "employer": employer,
            "withheld": withheld,
            "paid_net": paid_net,
            "employer_remitted": employer_remitted,
            "rejection_reason": rejection_reason,
            "rejected_by": rejected_by,
            "opened_on": opened_on,
            "calculated_on": calculated_on,
            "approved_on": approved_on,
            "posted_on": posted_on,
            "paid_on": paid_on,
            "remitted_on": remitted_on,
            "calculated_at": calculated_at,
            "updated_at": updated_at,
            "version": version,
            "position": position,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payroll_run_out_tables import PayrollRunOutTables # noqa: PLC0415
        d = dict(src_dict)
        org = d.pop("org")

        month = d.pop("month")

        def _parse_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))


        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))


        calculation = d.pop("calculation")

        def _parse_preparer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        preparer = _parse_preparer(d.pop("preparer"))


        def _parse_approver(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approver = _parse_approver(d.pop("approver"))


        def _parse_retroactive_from(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        retroactive_from = _parse_retroactive_from(d.pop("retroactive_from"))


        tables = PayrollRunOutTables.from_dict(d.pop("tables"))




        payslips = d.pop("payslips")

        gross = d.pop("gross")

        deducted = d.pop("deducted")

        net = d.pop("net")

        employer = d.pop("employer")

        withheld = d.pop("withheld")

        paid_net = d.pop("paid_net")

        employer_remitted = d.pop("employer_remitted")

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))


        def _parse_rejected_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejected_by = _parse_rejected_by(d.pop("rejected_by"))


        def _parse_opened_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_on_type_0 = datetime.date.fromisoformat(data)



                return opened_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        opened_on = _parse_opened_on(d.pop("opened_on"))


        def _parse_calculated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                calculated_on_type_0 = datetime.date.fromisoformat(data)



                return calculated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        calculated_on = _parse_calculated_on(d.pop("calculated_on"))


        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)



                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))


        def _parse_posted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_on_type_0 = datetime.date.fromisoformat(data)



                return posted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        posted_on = _parse_posted_on(d.pop("posted_on"))


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


        def _parse_remitted_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remitted_on_type_0 = datetime.date.fromisoformat(data)



                return remitted_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        remitted_on = _parse_remitted_on(d.pop("remitted_on"))


        def _parse_calculated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                calculated_at_type_0 = datetime.datetime.fromisoformat(data)



                return calculated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        calculated_at = _parse_calculated_at(d.pop("calculated_at"))


        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))


        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))


        payroll_run_out = cls(
            org=org,
            month=month,
            fiscal_year=fiscal_year,
            status=status,
            calculation=calculation,
            preparer=preparer,
            approver=approver,
            retroactive_from=retroactive_from,
            tables=tables,
            payslips=payslips,
            gross=gross,
            deducted=deducted,
            net=net,
            employer=employer,
            withheld=withheld,
            paid_net=paid_net,
            employer_remitted=employer_remitted,
            rejection_reason=rejection_reason,
            rejected_by=rejected_by,
            opened_on=opened_on,
            calculated_on=calculated_on,
            approved_on=approved_on,
            posted_on=posted_on,
            paid_on=paid_on,
            remitted_on=remitted_on,
            calculated_at=calculated_at,
            updated_at=updated_at,
            version=version,
            position=position,
        )


        payroll_run_out.additional_properties = d
        return payroll_run_out

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
