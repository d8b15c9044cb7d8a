"""Where each projection stands: its position in the event log and its table generation.

Read-model tables live in generations: a projection writes to physical tables named
``<table>__g<N>``, and readers query a view named ``<table>`` over the current generation.
A rebuild fills generation N+1 while readers keep reading N, then moves the views over in one
transaction, so a reader sees either the old complete view or the new one, never a half-built one.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table

state_metadata = MetaData()

projection_state = Table(
    "projection_state",
    state_metadata,
    Column("name", String(100), primary_key=True),
    Column("position", BigInteger, nullable=False),
    Column("generation", Integer, nullable=False),
    Column("version", Integer, nullable=False),
)


def physical_name(table_name: str, generation: int) -> str:
    return f"{table_name}__g{generation}"
