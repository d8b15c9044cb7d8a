"""Codes that key the ledger: organisations, fiscal years, budget and revenue codes (예산과목).

A spending budget line (세출) is keyed by organisation · fiscal year · :class:`BudgetCode`. The code
is written in one canonical form, fixed width, hyphen separated::

    account-field-sector-policy-unit-detailed-item-stat
    100    -080  -081   -1001  -2001-3001    -201 -01

account (회계) 3 digits; field/sector (분야/부문) 3 digits each, the sector inside its field; policy,
unit and detailed project (정책/단위/세부사업) 1–10 upper-case letters or digits; budget item
(편성목) 3 digits and statistics item (통계목) 2 digits, written ``201-01``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.errors import DateOutsideFiscalYear, MalformedCode, UnknownCode
from domain.reference.budget_catalogue import ACCOUNTS, FIELDS, REVENUE_CODES, item_catalogue

#: Namespace of every deterministic identifier in the ledger.
LEDGER_NAMESPACE = uuid5(NAMESPACE_URL, "https://cleanledger.seoul.go.kr/ids")

FIRST_FISCAL_YEAR = 2000
LAST_FISCAL_YEAR = 2100

# Codes are ASCII: ``[0-9]``, never ``\d``, which takes any script's digits (full-width ６,
# Arabic-Indic ٦, …), and ``fullmatch``, never ``$``, which also matches before a final newline.
_ORG_RE = re.compile(r"[0-9]{7}")
_BUDGET_RE = re.compile(
    r"(?P<account>[0-9]{3})-(?P<field>[0-9]{3})-(?P<sector>[0-9]{3})-(?P<policy>[0-9A-Z]{1,10})-"
    r"(?P<unit>[0-9A-Z]{1,10})-(?P<detailed>[0-9A-Z]{1,10})-(?P<item>[0-9]{3})-(?P<stat>[0-9]{2})"
)
_REVENUE_RE = re.compile(r"[0-9]{3}-[0-9]{3}-[0-9]{3}-[0-9]{2}")


def ledger_id(kind: str, *parts: object) -> UUID:
    """A deterministic aggregate id for a natural key, e.g. ``ledger_id("budget-line", ...)``."""
    return uuid5(LEDGER_NAMESPACE, ":".join([kind, *map(str, parts)]))


def org_code(value: str) -> str:
    """An organisation code (기관코드): seven digits, e.g. 6110000 for Seoul, 3030000 성동구."""
    if not isinstance(value, str) or not _ORG_RE.fullmatch(value):
        raise MalformedCode(f"organisation code must be seven digits, got {value!r}")
    return value


def fiscal_year(value: int) -> int:
    """A fiscal year (회계연도): a calendar year the ledger covers."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise MalformedCode(f"fiscal year must be a year number, got {value!r}")
    if not FIRST_FISCAL_YEAR <= value <= LAST_FISCAL_YEAR:
        raise MalformedCode(
            f"fiscal year {value} is outside {FIRST_FISCAL_YEAR}–{LAST_FISCAL_YEAR}",
            fiscal_year=value,
        )
    return value


def check_accounting_date(accounting_date: date, year: int) -> date:
    """The accounting date (회계일자) must fall inside its fiscal year (the calendar year)."""
    if accounting_date.year != year:
        raise DateOutsideFiscalYear(
            f"accounting date {accounting_date.isoformat()} is outside fiscal year {year}",
            accounting_date=accounting_date.isoformat(),
            fiscal_year=year,
        )
    return accounting_date


@dataclass(frozen=True, slots=True)
class BudgetCode:
    """The full spending budget code of a line (세출 예산과목), without organisation and year."""

    account: str
    field: str
    sector: str
    policy_project: str
    unit_project: str
    detailed_project: str
    item: str
    stat: str

    @classmethod
    def parse(cls, text: str, fiscal_year: int) -> BudgetCode:
        """Parse the canonical form and check it against the catalogue of ``fiscal_year``."""
        match = _BUDGET_RE.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise MalformedCode(
                f"budget code {text!r} is not of the form "
                "account-field-sector-policy-unit-detailed-item-stat "
                "(e.g. 100-080-081-1001-2001-3001-201-01)"
            )
        code = cls(
            account=match["account"],
            field=match["field"],
            sector=match["sector"],
            policy_project=match["policy"],
            unit_project=match["unit"],
            detailed_project=match["detailed"],
            item=match["item"],
            stat=match["stat"],
        )
        code.check_known(fiscal_year)
        return code

    def check_known(self, fiscal_year: int) -> None:
        if self.account not in ACCOUNTS:
            raise UnknownCode(f"account {self.account} is not in the catalogue")
        if self.field not in FIELDS:
            raise UnknownCode(f"field (분야) {self.field} is not in the catalogue")
        if self.sector[:2] != self.field[:2] or self.sector == self.field:
            raise UnknownCode(f"sector (부문) {self.sector} does not belong to field {self.field}")
        if self.budget_item not in item_catalogue(fiscal_year):
            raise UnknownCode(
                f"budget item {self.budget_item} is not in the {fiscal_year} catalogue",
                fiscal_year=fiscal_year,
            )

    @property
    def budget_item(self) -> str:
        """편성목-통계목, e.g. ``201-01``."""
        return f"{self.item}-{self.stat}"

    def __str__(self) -> str:
        return "-".join(
            (
                self.account,
                self.field,
                self.sector,
                self.policy_project,
                self.unit_project,
                self.detailed_project,
                self.item,
                self.stat,
            )
        )


def revenue_code(text: str) -> str:
    """A revenue code (세입과목) ``장-관-항-목``, e.g. ``100-110-111-01`` 취득세."""
    if not isinstance(text, str) or not _REVENUE_RE.fullmatch(text):
        raise MalformedCode(f"revenue code {text!r} is not of the form 장-관-항-목 (100-110-111-01)")
    if text not in REVENUE_CODES:
        raise UnknownCode(f"revenue code {text} is not in the catalogue")
    return text
