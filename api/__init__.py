"""HTTP API and public portal (FastAPI): talks to commands and readmodels, never projections."""
