"""Refusals of the application layer (the domain's own are in :mod:`domain.errors`)."""

from __future__ import annotations

from domain.errors import DomainError, InvalidInput


class VersionConflict(DomainError):
    """The command named a version the aggregate is no longer at; nothing was written."""

    code = "version-conflict"
    title = "The aggregate changed since the version the command expected"


class CommandIdReused(DomainError):
    """The command id was used before for a different command."""

    code = "command-id-reused"
    title = "This command id belongs to a different command"


class TooMuchContention(DomainError):
    """Retried on concurrent changes until the retry budget ran out; nothing was written."""

    code = "too-much-contention"
    title = "Others changed the same things at the same time; try again"


class KnownAtInFuture(InvalidInput):
    """A report was asked for as known at a moment (or position) not recorded yet."""

    code = "known-at-in-future"
    title = "That moment has not been recorded yet"


class InvalidKnownAt(InvalidInput):
    """``known_at`` is neither a log position nor an ISO 8601 timestamp."""

    code = "invalid-known-at"
    title = "known_at is neither a position nor a timestamp"


class PersonalDataUnavailable(DomainError):
    """No master key is configured, so personal data cannot be sealed: the server's set-up, not
    the request (503)."""

    code = "personal-data-unavailable"
    title = "Personal data cannot be recorded: no master key is configured (CLEANLEDGER_MASTER_KEY)"
