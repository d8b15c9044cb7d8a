"""Read side: SQLAlchemy Core tables and queries; depends on SQLAlchemy only."""
