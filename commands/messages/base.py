"""What every command message carries, and the result every command returns."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from domain.base import Context

#: Amounts are strict integers (won): a float, a string or a bool is malformed input. Their sign
#: and range are the domain's to judge, so the refusal carries the domain's own error code.
Won = StrictInt
OrgCode = Annotated[str, Field(description="Seven-digit organisation code, e.g. 6110000")]
Text = Annotated[str, Field(max_length=1000)]


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
    actor: Annotated[str, Field(min_length=1, max_length=200)]

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
