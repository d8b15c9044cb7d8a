"""Benchmarks (run as ``python -m bench.<name>``); the synthetic data set is ``cleanledger.synthetic``."""
