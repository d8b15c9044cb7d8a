"""Projections: events in the log turned into read-model rows, with exactly-once tracking."""
