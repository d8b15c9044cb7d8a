"""Vendors (거래처): businesses and persons the ledger pays, and their debarments (부정당업자 제재).

A debarment has a ground and a period; no obligation or contract may be made with a vendor on a
date its debarment covers (invariant 7). A debarment may be lifted (e.g. by a court), which ends it.
Persons are registered by an opaque payee reference, never a resident registration number, and are
never disclosed.

A vendor is a shared record: one per registration number, used by every organisation of Seoul
(the city, its districts, its institutions). Who may change it is a rule of its own, since the
roles of the HTTP API only say what a user may do inside an organisation:

- Any organisation may register a vendor (the first to register it is its registering
  organisation), contract with it and pay it.
- Its master data (the address) is kept by the organisation that registered it and by the city
  (본청, the organisation of kind ``city``), which keeps the register all organisations share,
  as it keeps the city's other common registers. Another organisation that learns of a change
  asks one of them: a district cannot rewrite what the city or another district recorded.
  (:class:`~domain.errors.VendorRegisteredElsewhere`)
- Any organisation may debar a vendor (입찰참가자격 제한, 지방계약법 제31조: the head of each
  contracting authority restricts), and the debarment binds every organisation's obligations
  and contracts.
- Only the organisation that issued a debarment lifts it: the restriction is its disposition
  (처분), and only it revokes it, also when a court annuls or suspends it (the judgement binds the
  issuing authority, which records it). Not even the city lifts a district's debarment: a district
  (자치구) is an authority of its own. (:class:`~domain.errors.DebarmentIssuedElsewhere`)

Every event records the organisation it was recorded by and for (``org``): the registering
organisation, the one that changed the address, the issuer of a debarment, the one that lifted it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any
from uuid import UUID

from domain import text
from domain.base import Context, LedgerAggregate
from domain.codes import ledger_id
from domain.errors import (
    DebarmentIssuedElsewhere,
    InvalidInput,
    InvalidState,
    MalformedCode,
    NotFound,
    VendorDebarred,
    VendorRegisteredElsewhere,
    WrongOrganisation,
)
from domain.organisation import Organisation

# ASCII digits only: ``\d`` would take any script's digits (full-width ３, Arabic-Indic ٣).
_BUSINESS_NUMBER_RE = re.compile(r"[0-9]{3}-[0-9]{2}-[0-9]{5}")
_PAYEE_REF_RE = re.compile(r"P-[0-9A-Z]{6,20}")


class VendorKind(StrEnum):
    """사업자 (a business, disclosed) or 개인 (a private person, never disclosed)."""

    BUSINESS = "business"
    PERSON = "person"


def registration_number(kind: VendorKind, value: str) -> str:
    """사업자등록번호 ``123-45-67890`` for a business; ``P-…`` payee reference for a person."""
    pattern = _BUSINESS_NUMBER_RE if kind is VendorKind.BUSINESS else _PAYEE_REF_RE
    if not isinstance(value, str) or not pattern.fullmatch(value):
        form = "123-45-67890" if kind is VendorKind.BUSINESS else "P-followed by 6–20 letters/digits"
        raise MalformedCode(f"registration number {value!r} of {text.a(kind.value)} must look like {form}")
    return value


@dataclass(frozen=True, slots=True)
class Debarment:
    """입찰참가자격 제한: ground and period, from the issuing organisation (and, once lifted, the
    day and the organisation that lifted it)."""

    debarment_id: UUID
    issued_by: str
    ground: str
    starts: date
    ends: date
    lifted_on: date | None = None
    lifted_by: str | None = None

    def covers(self, day: date) -> bool:
        """In force on ``day``: inside the period and not yet lifted (lifting ends it that day)."""
        return self.starts <= day <= self.ends and (self.lifted_on is None or day < self.lifted_on)


class Vendor(LedgerAggregate):
    """A payee of the ledger (거래처), shared by every organisation."""

    #: Version 2 keeps the registering organisation in the state (see ``upcast_v1_v2``).
    class_version = 2

    kind: VendorKind
    registration_number: str
    name: str
    address: str
    #: The organisation that registered the vendor; ``None`` in a snapshot taken before the state
    #: kept it, when only the city may change the master data.
    registered_by: str | None
    debarments: tuple[Debarment, ...]

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """A snapshot of version 1 did not keep who registered the vendor: unknown."""
        state["registered_by"] = None

    class Registered(LedgerAggregate.Created):
        kind: VendorKind
        registration_number: str
        name: str
        address: str

        def apply(self, vendor: Vendor) -> None:
            vendor.kind, vendor.registration_number = self.kind, self.registration_number
            vendor.name, vendor.address, vendor.debarments = self.name, self.address, ()
            vendor.registered_by = self.org

    class AddressChanged(LedgerAggregate.Event):
        address: str

        def apply(self, vendor: Vendor) -> None:
            vendor.address = self.address

    class Debarred(LedgerAggregate.Event):
        debarment_id: UUID
        ground: str
        starts: date
        ends: date

        def apply(self, vendor: Vendor) -> None:
            vendor.debarments = (
                *vendor.debarments,
                Debarment(self.debarment_id, self.org, self.ground, self.starts, self.ends),
            )

    class DebarmentLifted(LedgerAggregate.Event):
        debarment_id: UUID
        reason: str

        def apply(self, vendor: Vendor) -> None:
            vendor.debarments = tuple(
                replace(d, lifted_on=self.accounting_date, lifted_by=self.org)
                if d.debarment_id == self.debarment_id
                else d
                for d in vendor.debarments
            )

    @staticmethod
    def id_for(registration_number: str) -> UUID:
        return ledger_id("vendor", registration_number)

    @staticmethod
    def debarment_id_for(command_id: UUID) -> UUID:
        return ledger_id("debarment", command_id)

    @classmethod
    def register(cls, ctx: Context, kind: VendorKind, number: str, name: str, address: str) -> Vendor:
        kind = VendorKind(kind)
        number = registration_number(kind, number)
        if not name.strip():
            raise InvalidInput("a vendor needs a name")
        name = text.NAME.check(name, "name")
        address = text.ADDRESS.check(address, "address")
        return cls.start(
            cls.Registered,
            ctx,
            cls.id_for(number),
            kind=kind,
            registration_number=number,
            name=name,
            address=address,
        )

    def change_address(self, ctx: Context, address: str, acting: Organisation | None) -> None:
        """Change the address, as the organisation ``acting`` (the command's: ``ctx.org``)."""
        self.check_may_maintain(ctx, acting)
        address = text.ADDRESS.check(address, "address")
        if address == self.address:
            raise InvalidState("the address is unchanged")
        self.record(self.AddressChanged, ctx, address=address)

    def debar(self, ctx: Context, ground: str, starts: date, ends: date) -> UUID:
        if not ground.strip():
            raise InvalidInput("a debarment states its ground (제재 사유)")
        ground = text.GROUND.check(ground, "ground")
        if ends < starts:
            raise InvalidInput(
                f"a debarment ends ({ends.isoformat()}) on or after it starts ({starts.isoformat()})"
            )
        debarment_id = self.debarment_id_for(ctx.command_id)
        self.record(self.Debarred, ctx, debarment_id=debarment_id, ground=ground, starts=starts, ends=ends)
        return debarment_id

    def lift(self, ctx: Context, debarment_id: UUID, reason: str) -> None:
        found = [d for d in self.debarments if d.debarment_id == debarment_id]
        if not found:
            raise NotFound(f"vendor has no debarment {debarment_id}")
        if found[0].issued_by != ctx.org:
            raise DebarmentIssuedElsewhere(
                f"the debarment of {self.registration_number} was issued by organisation "
                f"{found[0].issued_by}; only it may lift it, not {ctx.org}",
                issued_by=found[0].issued_by,
                org=ctx.org,
            )
        if found[0].lifted_on is not None:
            raise InvalidState("the debarment was lifted already")
        if not reason.strip():
            raise InvalidInput("lifting a debarment states why")
        reason = text.REASON.check(reason, "reason")
        self.record(self.DebarmentLifted, ctx, debarment_id=debarment_id, reason=reason)

    def check_may_maintain(self, ctx: Context, acting: Organisation | None) -> None:
        """The master data is the registering organisation's to keep, or the city's."""
        if acting is not None and acting.code != ctx.org:
            raise WrongOrganisation(f"organisation {acting.code} is not the command's {ctx.org}")
        if ctx.org == self.registered_by or (acting is not None and acting.keeps_shared_registers):
            return
        registered = self.registered_by or "an organisation not recorded"
        raise VendorRegisteredElsewhere(
            f"vendor {self.registration_number} was registered by {registered}; only that "
            f"organisation or the city (본청) may change it, not {ctx.org}",
            registered_by=self.registered_by or "",
            org=ctx.org,
        )

    def debarment_on(self, day: date) -> Debarment | None:
        return next((d for d in self.debarments if d.covers(day)), None)

    def check_eligible(self, day: date) -> None:
        """Invariant 7: refuse if a debarment covers ``day``."""
        debarment = self.debarment_on(day)
        if debarment is not None:
            raise VendorDebarred(
                f"{self.name} is debarred from {debarment.starts.isoformat()} to "
                f"{debarment.ends.isoformat()} ({debarment.ground})",
                vendor=self.registration_number,
                starts=debarment.starts.isoformat(),
                ends=debarment.ends.isoformat(),
                ground=debarment.ground,
                date=day.isoformat(),
            )
