"""Users, their roles per organisation, and their API keys (사용자·권한·API 키).

Keys are shown once, when issued, and stored only as SHA-256 hashes of their secret part. A key
reads ``clk_<key id>_<secret>``: the id finds the row, the secret is compared in constant time. The
secret is 256 random bits, so a fast hash is enough (a slow password hash protects guessable
passwords, which keys are not).

The tables live in the read-model database, beside but outside the projections: a rebuild never
touches them. Verified keys are cached for a few seconds so a request costs no query; revoking a
key clears this process's cache at once and other processes' within ``CACHE_SECONDS``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    ForeignKey,
    MetaData,
    String,
    Table,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from api.roles import ALL_ORGS, Role

CACHE_SECONDS = 5.0
KEY_PREFIX = "clk"
_KEY_FORMAT = re.compile(r"^clk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
ORG_SCOPE = re.compile(r"^(\d{7}|\*)$")

accounts_metadata = MetaData()

users = Table(
    "api_users",
    accounts_metadata,
    Column("username", String(64), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

grants = Table(
    "api_grants",
    accounts_metadata,
    Column("username", String(64), ForeignKey("api_users.username"), primary_key=True),
    Column("org", String(7), primary_key=True),
    Column("role", String(32), primary_key=True),
)

api_keys = Table(
    "api_keys",
    accounts_metadata,
    Column("key_id", String(16), primary_key=True),
    Column("username", String(64), ForeignKey("api_users.username"), nullable=False, index=True),
    Column("secret_sha256", String(64), nullable=False),
    Column("label", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


class AccountError(ValueError):
    """A user or key operation that cannot be done (unknown user, bad name, …)."""


@dataclass(frozen=True)
class Grant:
    org: str
    role: Role


@dataclass(frozen=True)
class Principal:
    """The authenticated user of a request, with the roles it holds."""

    username: str
    grants: frozenset[Grant]

    def roles_in(self, org: str) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants if g.org in (org, ALL_ORGS))

    def may(self, org: str, allowed: Iterable[Role]) -> bool:
        return not self.roles_in(org).isdisjoint(allowed)


@dataclass(frozen=True)
class IssuedKey:
    key_id: str
    username: str
    #: The full key; it is never stored and cannot be shown again.
    secret: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


class AccountStore:
    """Users, grants and keys in ``engine``'s database (tables created on first use).

    ``writer`` is the engine changes go through (on SQLite one that takes the write lock when
    its transaction begins, so a read-then-write never fails on a lock upgrade); key checks read
    through ``engine``.
    """

    def __init__(self, engine: Engine, writer: Engine | None = None) -> None:
        self.reader = engine
        self.engine = writer or engine
        accounts_metadata.create_all(self.engine, checkfirst=True)
        self._cache: dict[str, tuple[float, str, Principal]] = {}
        self._lock = threading.Lock()

    # --- administration ---------------------------------------------------------------------

    def create_user(self, username: str, display_name: str, grants_: Iterable[Grant]) -> None:
        if not USERNAME.match(username):
            msg = f"user names are 1–64 lower-case letters, digits, '.', '_' or '-': {username!r}"
            raise AccountError(msg)
        rows = [_grant_row(username, g) for g in grants_]
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(users).values(
                        username=username, display_name=display_name, created_at=_now(), disabled=False
                    )
                )
                if rows:
                    conn.execute(insert(grants), rows)
        except IntegrityError:
            raise AccountError(f"user {username!r} exists already") from None

    def grant(self, username: str, grant: Grant) -> None:
        with self.engine.begin() as conn:
            self._require_user(conn, username)
            exists = conn.execute(
                select(grants.c.role).where(
                    grants.c.username == username, grants.c.org == grant.org, grants.c.role == grant.role
                )
            ).first()
            if exists is None:
                conn.execute(insert(grants).values(_grant_row(username, grant)))
        self._forget(username)

    def revoke_grant(self, username: str, grant: Grant) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                delete(grants).where(
                    grants.c.username == username, grants.c.org == grant.org, grants.c.role == grant.role
                )
            )
        self._forget(username)

    def issue_key(self, username: str, label: str = "") -> IssuedKey:
        key_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            self._require_user(conn, username)
            conn.execute(
                insert(api_keys).values(
                    key_id=key_id,
                    username=username,
                    secret_sha256=_hash(secret),
                    label=label,
                    created_at=_now(),
                )
            )
        return IssuedKey(key_id, username, f"{KEY_PREFIX}_{key_id}_{secret}")

    def revoke_key(self, key_id: str) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(
                update(api_keys)
                .where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=_now())
            )
        with self._lock:
            self._cache.pop(key_id, None)
        return bool(result.rowcount)

    def disable_user(self, username: str) -> None:
        with self.engine.begin() as conn:
            self._require_user(conn, username)
            conn.execute(update(users).where(users.c.username == username).values(disabled=True))
        self._forget(username)

    def list_users(self) -> list[dict[str, object]]:
        with self.reader.connect() as conn:
            found = conn.execute(select(users).order_by(users.c.username)).mappings().all()
            held = conn.execute(select(grants).order_by(grants.c.org, grants.c.role)).all()
        roles: dict[str, list[str]] = {}
        for row in held:
            roles.setdefault(row.username, []).append(f"{row.role}@{row.org}")
        return [{**dict(u), "grants": roles.get(str(u["username"]), [])} for u in found]

    # --- authentication ---------------------------------------------------------------------

    def authenticate_cached(self, presented: str) -> tuple[bool, Principal | None]:
        """``(True, answer)`` when :meth:`authenticate` needs no query for ``presented`` (a malformed
        key, or one verified within ``CACHE_SECONDS``), else ``(False, None)``.

        The HTTP layer answers from here on its event loop and sends only a miss to a thread.
        """
        match = _KEY_FORMAT.match(presented)
        if match is None:
            return True, None
        key_id, secret = match.groups()
        with self._lock:
            cached = self._cache.get(key_id)
        if cached is not None and cached[0] > time.monotonic():
            return True, (cached[2] if hmac.compare_digest(cached[1], _hash(secret)) else None)
        return False, None

    def authenticate(self, presented: str) -> Principal | None:
        """The principal a presented key belongs to, or None (unknown, revoked, disabled)."""
        known, principal = self.authenticate_cached(presented)
        if known:
            return principal
        match = _KEY_FORMAT.match(presented)
        assert match is not None  # authenticate_cached answers for malformed keys
        key_id, secret = match.groups()
        digest = _hash(secret)
        with self.reader.connect() as conn:
            row = conn.execute(
                select(api_keys.c.username, api_keys.c.secret_sha256)
                .join(users, users.c.username == api_keys.c.username)
                .where(
                    api_keys.c.key_id == key_id,
                    api_keys.c.revoked_at.is_(None),
                    users.c.disabled.is_(False),
                )
            ).first()
            if row is None or not hmac.compare_digest(row.secret_sha256, digest):
                return None
            held = conn.execute(select(grants.c.org, grants.c.role).where(grants.c.username == row.username))
            principal = Principal(row.username, frozenset(Grant(g.org, Role(g.role)) for g in held))
        with self._lock:
            self._cache[key_id] = (time.monotonic() + CACHE_SECONDS, row.secret_sha256, principal)
        return principal

    # --- helpers ----------------------------------------------------------------------------

    def _forget(self, username: str) -> None:
        with self._lock:
            for key_id in [k for k, v in self._cache.items() if v[2].username == username]:
                del self._cache[key_id]

    @staticmethod
    def _require_user(conn: Connection, username: str) -> None:
        if conn.execute(select(users.c.username).where(users.c.username == username)).first() is None:
            raise AccountError(f"no user {username!r}")


def _grant_row(username: str, grant: Grant) -> dict[str, str]:
    if not ORG_SCOPE.match(grant.org):
        raise AccountError(f"an organisation is a seven-digit code or '*': {grant.org!r}")
    return {"username": username, "org": grant.org, "role": Role(grant.role).value}


def parse_grant(text: str) -> Grant:
    """``role@org`` (``admin@*``, ``clerk@6110000``) as a :class:`Grant`."""
    role, _, org = text.partition("@")
    try:
        parsed = Role(role)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise AccountError(f"unknown role {role!r} (roles: {known})") from None
    grant = Grant(org or ALL_ORGS, parsed)
    _grant_row("x", grant)
    return grant
