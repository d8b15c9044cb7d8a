"""The pure domain model of Clean Ledger: values, aggregates, events and invariants.

Nothing in this package does I/O. Money is ``int`` whole won (원); every broken rule raises a
:class:`domain.errors.DomainError` carrying a stable machine code and the numbers involved.
"""
