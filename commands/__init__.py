"""The write side: command messages, the ledger application and its persistence wiring."""
