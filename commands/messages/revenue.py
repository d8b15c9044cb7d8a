"""Commands of revenue (filled in by its own change)."""
