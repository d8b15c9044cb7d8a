"""Composition root of Clean Ledger: settings, wiring and the ``cleanledger`` command line."""
