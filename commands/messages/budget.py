"""Commands of organisations, fiscal years and budget lines (예산편성·배정·변경·이월)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar
from uuid import UUID

from pydantic import Field, StrictInt

from commands.messages.base import (
    CodeText,
    Command,
    LineTitle,
    Name,
    Reason,
    Reference,
    Source,
    Versioned,
    Won,
)
from domain.budget_line import CarryOverKind, TransferKind
from domain.organisation import OrganisationKind


class RegisterOrganisation(Command):
    """기관 등록: the organisation is ``org``."""

    name: Name
    kind: OrganisationKind


class RecordPopulation(Command):
    """주민등록인구: the organisation's residents in ``fiscal_year``, for per-capita figures.

    Recording a year again replaces its figure. The city and the districts have one; a funded
    institution has none. ``as_of`` is the day of the count, on or before the accounting date.
    Over HTTP the year is the accounting date's, as for registering the organisation.
    """

    population: StrictInt = Field(description="Residents counted (1 to 100 000 000)")
    as_of: date = Field(description="The day of the count (기준일)")
    source: Source


class OpenFiscalYear(Command):
    """회계연도 개시 for ``org`` and ``fiscal_year``."""


class CloseFiscalYear(Command, Versioned):
    """결산 마감: every line records its lapse (불용액); then only closing entries are accepted."""


class Appropriate(Command):
    """본예산 편성: open a budget line with its original appropriation."""

    budget_code: CodeText
    title: LineTitle
    amount: Won


class AmendBudget(Command, Versioned):
    """추경: a supplementary amendment of a line, positive or negative."""

    line_id: UUID
    change: StrictInt
    reference: Reference


class TransferBudget(Command, Versioned):
    """전용 (diversion) or 이용 (appropriation transfer): both lines change in one save."""

    from_line_id: UUID
    to_line_id: UUID
    amount: Won
    kind: TransferKind
    reason: Reason


class GrantContingency(Command, Versioned):
    """예비비 지출: from a contingency reserve line (item 701) to a spending line."""

    reserve_line_id: UUID
    to_line_id: UUID
    amount: Won
    reason: Reason


class Allocate(Command, Versioned):
    """예산배정 for a quarter."""

    line_id: UUID
    quarter: StrictInt
    amount: Won


class PullAllocationForward(Command, Versioned):
    """당겨배정: move allocation from a later quarter to an earlier one."""

    line_id: UUID
    from_quarter: StrictInt
    to_quarter: StrictInt
    amount: Won


class CarryOver(Command, Versioned):
    """이월 into the same code next year: explicit (명시), continuing (계속비) or accident (사고).

    A closing entry: accepted on a closed year. An accident carry-over names its obligation.
    """

    closing_entry: ClassVar[bool] = True

    line_id: UUID
    amount: Won
    kind: CarryOverKind
    obligation_id: UUID | None = None
