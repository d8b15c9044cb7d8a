"""Use cases of vendors (거래처) and debarments (부정당업자 제재)."""

from __future__ import annotations

from commands.core import UseCases
from commands.messages.base import CommandResult
from commands.messages.vendors import (
    ChangeVendorAddress,
    DebarVendor,
    LiftDebarment,
    RegisterVendor,
)
from commands.unit_of_work import UnitOfWork
from domain.base import Context, LedgerAggregate
from domain.organisation import Organisation, refuse_existing
from domain.vendor import Vendor, registration_number


class VendorUseCases(UseCases):
    def register_vendor(self, command: RegisterVendor) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            number = registration_number(command.kind, command.registration_number)
            refuse_existing("vendor", uow.find(Vendor, Vendor.id_for(number)), number)
            vendor = Vendor.register(ctx, command.kind, number, command.name, command.address)
            uow.add(vendor)
            return vendor

        return self._execute(command, use_case)

    def change_vendor_address(self, command: ChangeVendorAddress) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            vendor = uow.target(Vendor, command.vendor_id, "vendor")
            acting = uow.find(Organisation, Organisation.id_for(ctx.org))
            vendor.change_address(ctx, command.address, acting)
            return vendor

        return self._execute(command, use_case)

    def debar_vendor(self, command: DebarVendor) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            vendor = uow.target(Vendor, command.vendor_id, "vendor")
            vendor.debar(ctx, command.ground, command.starts, command.ends)
            return vendor

        return self._execute(command, use_case)

    def lift_debarment(self, command: LiftDebarment) -> CommandResult:
        def use_case(uow: UnitOfWork, ctx: Context) -> LedgerAggregate:
            vendor = uow.target(Vendor, command.vendor_id, "vendor")
            vendor.lift(ctx, command.debarment_id, command.reason)
            return vendor

        return self._execute(command, use_case)
