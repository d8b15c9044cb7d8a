"""What every command message carries, and the result every command returns."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated, Any, ClassVar
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictInt,
    ValidationInfo,
)
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from domain import text
from domain.base import Context

#: Amounts are strict integers (won): a float, a string or a bool is malformed input. Their sign
#: and range are the domain's to judge, so the refusal carries the domain's own error code.
Won = StrictInt
OrgCode = Annotated[str, Field(description="Seven-digit organisation code, e.g. 6110000")]
#: A code the domain parses (budget, revenue and registration numbers): its form is the domain's
#: to judge (``malformed-code``); this only bounds what is read.
CodeText = Annotated[str, Field(max_length=64)]


@dataclass(frozen=True)
class BoundedText:
    """A text field of a kind of ``domain.text``: the domain's check runs when the message is made,
    so a request is refused before any aggregate is loaded, with the domain's own refusal
    (``invalid-text``), and the command carries the normalised text. The domain checks again where
    it records it; blank text is left to it, which names what is missing (``reason-required``, …).

    The bound is documented (``maxLength``), not enforced by pydantic's own ``max_length``: the
    domain counts characters after normalising, and refuses with its code."""

    kind: text.TextKind
    description: str

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        lenient = replace(self.kind, required=False)

        def check(value: str, info: ValidationInfo) -> str:
            return lenient.check(value, info.field_name)

        return core_schema.with_info_after_validator_function(check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        kind = self.kind
        json_schema["maxLength"] = kind.max_length
        if kind.required:
            json_schema["minLength"] = 1
        lines = "may span lines (LF)" if kind.multiline else "one line"
        json_schema["description"] = (
            f"{self.description}: at most {kind.max_length} characters, {lines}, "
            "no control characters; stored in Unicode NFC"
        )
        return json_schema


def text_kind(field: FieldInfo) -> text.TextKind | None:
    """The kind of text a message field holds (None: not text of the ledger, e.g. a code)."""
    return next((m.kind for m in field.metadata if isinstance(m, BoundedText)), None)


#: The texts of the ledger (domain.text), bounded and checked as the domain does.
Actor = Annotated[str, BoundedText(text.ACTOR, "Who acts")]
Name = Annotated[str, BoundedText(text.NAME, "Name")]
Payer = Annotated[str, BoundedText(text.PAYER, "The payer's name (납부자)")]
LineTitle = Annotated[str, BoundedText(text.LINE_TITLE, "Title of the line (세부사업명, 세입과목명)")]
Title = Annotated[str, BoundedText(text.TITLE, "Title")]
Department = Annotated[str, BoundedText(text.DEPARTMENT, "Department (부서)")]
Address = Annotated[str, BoundedText(text.ADDRESS, "Address (may be blank)")]
Description = Annotated[str, BoundedText(text.DESCRIPTION, "What it is for (적요)")]
Reason = Annotated[str, BoundedText(text.REASON, "Why (사유)")]
ReasonDetail = Annotated[
    str, BoundedText(text.REASON_DETAIL, "The private contract's ground explained (blank unless needed)")
]
Ground = Annotated[str, BoundedText(text.GROUND, "Ground (제재 사유)")]
Note = Annotated[str, BoundedText(text.NOTE, "Note (may be blank)")]
Memo = Annotated[str, BoundedText(text.MEMO, "Memo (적요)")]
Reference = Annotated[str, BoundedText(text.REFERENCE, "The amendment it follows (추경 근거)")]
Source = Annotated[str, BoundedText(text.SOURCE, "Where the figure comes from (출처)")]


class Command(BaseModel):
    """Base of every command: who, for which organisation and year, on which accounting date.

    ``command_id`` makes a command idempotent: sending it again (also concurrently) returns the
    first result and records nothing new.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: Closing entries are the only commands a closed fiscal year accepts.
    closing_entry: ClassVar[bool] = False

    command_id: UUID
    org: OrgCode
    fiscal_year: StrictInt
    accounting_date: date
    actor: Actor

    def context(self) -> Context:
        return Context(
            org=self.org,
            fiscal_year=self.fiscal_year,
            accounting_date=self.accounting_date,
            actor=self.actor,
            command_id=self.command_id,
        )

    def fingerprint(self) -> str:
        """SHA-256 of the command's content: a retry must carry the very same command."""
        body = type(self).__name__.encode() + b"\0" + self.model_dump_json().encode()
        return hashlib.sha256(body).hexdigest()


class Versioned(BaseModel):
    """A command on an existing aggregate may name the version it expects (optimistic lock)."""

    expected_version: StrictInt | None = Field(
        default=None, description="Refuse with a conflict unless the aggregate is at this version"
    )


class CommandResult(BaseModel):
    """The aggregate a command created or changed, its version after, and the log position."""

    model_config = ConfigDict(frozen=True)

    aggregate_id: UUID
    version: int
    position: int
    replayed: bool = Field(
        default=False, description="True when this is the stored result of an earlier attempt"
    )
    #: For a command that creates an aggregate under another whose version it checks (an
    #: obligation under its budget line): that other aggregate, and its version after the command.
    parent_id: UUID | None = None
    parent_version: int | None = None
