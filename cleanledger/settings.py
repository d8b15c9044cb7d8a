"""The one typed settings object (prefix ``CLEANLEDGER_``)."""

from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from the environment (``CLEANLEDGER_DATABASE_URL`` …) or a ``.env`` file."""

    model_config = SettingsConfigDict(env_prefix="CLEANLEDGER_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///cleanledger.db",
        description="sqlite:///FILE (embedded default) or postgresql://user@host:port/db",
    )
    db_schema: str | None = Field(
        default=None, description="PostgreSQL schema for the event store (created if missing)"
    )
    pool_size: int = Field(default=5, ge=2, le=200)
    max_overflow: int = Field(default=10, ge=0, le=500)
    aggregate_cache_size: int = Field(default=10_000, ge=0)
    read_database_url: str | None = Field(
        default=None,
        description="database of the read models (default: the event store's, the same SQLite file "
        "or the same PostgreSQL database)",
    )
    read_schema: str = Field(
        default="cleanledger_read",
        pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,62}$",
        description="PostgreSQL schema of the read models (created if missing); unused on SQLite",
    )

    max_body_bytes: int = Field(default=1_000_000, ge=1_000, description="Largest request body accepted")
    min_position_timeout: float = Field(
        default=5.0, gt=0, le=60, description="Seconds a read with min_position waits for the views"
    )
    public_requests_per_minute: int = Field(
        default=600, ge=0, description="Public API requests per client per minute (0: unlimited)"
    )
    public_cache_seconds: float = Field(
        default=0.5,
        ge=0,
        le=60,
        description="Seconds a public answer (open API JSON, portal page) is served again from memory "
        "before the cache looks whether the views moved (0: look on every request)",
    )
    public_cache_entries: int = Field(
        default=4_096, ge=0, description="Public JSON answers kept in memory per process (0: no cache)"
    )
    known_at_replays: int = Field(
        default=2,
        ge=1,
        le=64,
        description="Reports as known at a moment (replays of the log) run at once per server process; "
        "more are refused with 503 and Retry-After",
    )
    failed_auth_limit: int = Field(
        default=20,
        ge=0,
        description="Refused API keys from one client address within failed_auth_window_seconds, after "
        "which every request of that address that needs a key gets 429 until the window passes "
        "(0: no limit)",
    )
    failed_auth_window_seconds: float = Field(
        default=60.0, gt=0, le=86_400, description="The window failed authentications are counted in"
    )

    signing_key: str | None = Field(
        default=None,
        description="Ed25519 private key that signs the hash chain's checkpoints: a path to a PEM file, "
        "or the PEM text, or the 32-byte raw key in base64 (none: checkpoints are kept unsigned)",
    )
    checkpoint_every: int = Field(
        default=10_000, ge=1, description="A checkpoint of the hash chain every this many events"
    )
    log_origin: str = Field(
        default="cleanledger.local/log",
        min_length=1,
        max_length=100,
        pattern=r"^[!-*,-~]+$",
        description="The transparency log's name: the first line of every tree head and the name of "
        "its signing key in notes (printable ASCII, no space or '+'; name it after the host, e.g. "
        "ledger.example.go.kr/log)",
    )
    tree_head_seconds: float = Field(
        default=5.0,
        ge=0,
        le=3_600,
        description="Sign a tree head this often while the log grows, so the part of the log no "
        "signed head covers is this many seconds old at most (0: only at checkpoints and on demand)",
    )
    witness_keys: str | None = Field(
        default=None,
        description="The witnesses whose cosignatures of tree heads are accepted: their C2SP verifier "
        "keys (cleanledger witness --print-vkey), separated by commas or newlines, or a file of them",
    )
    master_key: str | None = Field(
        default=None,
        description="Master keys that wrap the data keys sealing employees' personal data: a path to "
        "the key file `cleanledger keys master` writes, or python:package.module:attribute naming a "
        "callable that returns a MasterKeyring (a KMS hook); none: personal data cannot be sealed",
    )

    @field_validator("database_url", "read_database_url")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("sqlite:///", "postgresql://", "postgres://")):
            msg = "database_url must start with sqlite:/// or postgresql://"
            raise ValueError(msg)
        return value

    @property
    def read_url(self) -> str:
        """Where the read models live: ``read_database_url``, or else the event store's database."""
        return self.read_database_url or self.database_url
