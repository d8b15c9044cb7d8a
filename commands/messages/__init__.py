"""Command messages: frozen pydantic models, one per use case, named in the imperative."""
