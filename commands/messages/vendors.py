"""Commands of vendors (거래처) and their debarments (부정당업자 제재)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from commands.messages.base import Command, Text, Versioned
from domain.vendor import VendorKind


class RegisterVendor(Command):
    kind: VendorKind
    registration_number: Text
    name: Text
    address: Text


class ChangeVendorAddress(Command, Versioned):
    vendor_id: UUID
    address: Text


class DebarVendor(Command, Versioned):
    vendor_id: UUID
    ground: Text
    starts: date
    ends: date


class LiftDebarment(Command, Versioned):
    vendor_id: UUID
    debarment_id: UUID
    reason: Text
