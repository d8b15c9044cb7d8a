"""Benchmarks and the synthetic-data generator (run as ``python -m bench.<name>``)."""
