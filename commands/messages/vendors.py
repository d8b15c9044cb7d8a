"""Commands of vendors (거래처) and their debarments (부정당업자 제재)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from commands.messages.base import Address, CodeText, Command, Ground, Name, Reason, Versioned
from domain.vendor import VendorKind


class RegisterVendor(Command):
    kind: VendorKind
    registration_number: CodeText
    name: Name
    address: Address


class ChangeVendorAddress(Command, Versioned):
    vendor_id: UUID
    address: Address


class DebarVendor(Command, Versioned):
    vendor_id: UUID
    ground: Ground
    starts: date
    ends: date


class LiftDebarment(Command, Versioned):
    vendor_id: UUID
    debarment_id: UUID
    reason: Reason
