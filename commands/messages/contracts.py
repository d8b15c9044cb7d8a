"""Commands of contracts (filled in by its own change)."""
