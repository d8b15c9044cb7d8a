"""Refusals of the application layer (the domain's own are in :mod:`domain.errors`)."""

from __future__ import annotations

from domain.errors import DomainError


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
