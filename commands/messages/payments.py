"""Commands of payments (filled in by its own change)."""
