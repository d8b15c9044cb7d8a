"""Users, their roles per organisation, and their API keys (사용자·권한·API 키).

Keys are shown once, when issued, and stored only as SHA-256 hashes of their secret part. A key
reads ``clk_<key id>_<secret>``: the id finds the row, the secret is compared in constant time.
The secret is 256 random bits, so a fast hash loses nothing against guessing, and a slow one
(argon2id) would cost every uncached authentication tens of milliseconds of CPU: docs/api.md,
"Why keys are hashed with SHA-256", gives the whole reasoning. A key may carry an expiry; an
expired key is refused as such.

The tables live in the read-model database, beside but outside the projections: a rebuild never
touches them. Verified keys are cached, so a request costs no query; the cache is trusted only
for the accounts version it was filled under (api.account_versions), which every revocation,
disabling, grant change and expiry change moves in its own transaction. A change is therefore in
force in every process once the call that made it returns, with no time window.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Iterable, Iterator
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
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError

from api.account_versions import (
    CONFIRM_SECONDS,
    LocalVersion,
    PostgresVersions,
    VersionWatch,
    bump,
    create_version_table,
)
from api.roles import ALL_ORGS, Role

KEY_PREFIX = "clk"
_KEY_FORMAT = re.compile(r"^clk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
ORG_SCOPE = re.compile(r"^([0-9]{7}|\*)$")

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
    # Added after the first release: AccountStore adds it to older tables on start-up.
    Column("expires_at", DateTime(timezone=True)),
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
class KeyRefused:
    """Why a presented key does not authenticate.

    ``expired_at`` is set only for a key whose secret is right and whose expiry has passed;
    every other refusal (malformed, unknown, wrong secret, revoked, user disabled) is one and the
    same answer, so that nothing is learnt about a key without its secret.
    """

    expired_at: datetime | None = None


INVALID_KEY = KeyRefused()


@dataclass(frozen=True)
class IssuedKey:
    key_id: str
    username: str
    #: The full key; it is never stored and cannot be shown again.
    secret: str
    expires_at: datetime | None = None


@dataclass(frozen=True)
class _CachedKey:
    digest: str
    principal: Principal
    expires_at: datetime | None
    #: ``expires_at`` as a POSIX timestamp, compared on every use (None: never).
    expires_ts: float | None

    def answer(self, digest: str) -> Principal | KeyRefused:
        if not hmac.compare_digest(self.digest, digest):
            return INVALID_KEY
        if self.expires_ts is not None and time.time() >= self.expires_ts:
            return KeyRefused(expired_at=self.expires_at)
        return self.principal


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive one is taken as UTC (SQLite hands back what it was given, in UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class AccountStore:
    """Users, grants and keys in ``engine``'s database (tables created, or completed, on first use).

    ``writer`` is the engine changes go through (on SQLite one that takes the write lock when
    its transaction begins, so a read-then-write never fails on a lock upgrade); key checks read
    through ``engine``.

    The cache of verified keys: on SQLite it is checked against the accounts version on every
    authentication. On PostgreSQL it is used only while :meth:`start_watching` runs (a server
    process does; the CLI and other short-lived stores look every key up), and only while the
    watch's connection is up.
    """

    def __init__(
        self, engine: Engine, writer: Engine | None = None, *, confirm_seconds: float = CONFIRM_SECONDS
    ) -> None:
        self.reader = engine
        self.engine = writer or engine
        #: How long a change waits for every server process to drop its cache (PostgreSQL).
        self.confirm_seconds = confirm_seconds
        accounts_metadata.create_all(self.engine, checkfirst=True)
        _add_missing_columns(self.engine)
        create_version_table(self.engine)
        postgres = self.engine.dialect.name == "postgresql"
        self._postgres = PostgresVersions(self.reader) if postgres else None
        self._local = None if postgres else LocalVersion(self.reader)
        self._watch: VersionWatch | None = None
        #: The accounts version the cache holds keys for (None: trust no cached key).
        self._epoch: int | None = None
        self._cache: dict[str, _CachedKey] = {}
        self._lock = threading.Lock()

    # --- administration ---------------------------------------------------------------------

    def create_user(self, username: str, display_name: str, grants_: Iterable[Grant]) -> None:
        if not USERNAME.fullmatch(username):
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
        with self._change() as conn:
            self._require_user(conn, username)
            exists = conn.execute(
                select(grants.c.role).where(
                    grants.c.username == username, grants.c.org == grant.org, grants.c.role == grant.role
                )
            ).first()
            if exists is None:
                conn.execute(insert(grants).values(_grant_row(username, grant)))

    def revoke_grant(self, username: str, grant: Grant) -> None:
        with self._change() as conn:
            conn.execute(
                delete(grants).where(
                    grants.c.username == username, grants.c.org == grant.org, grants.c.role == grant.role
                )
            )

    def issue_key(self, username: str, label: str = "", expires_at: datetime | None = None) -> IssuedKey:
        """A new key for ``username``, valid until ``expires_at`` (None: until revoked)."""
        expiry = None if expires_at is None else _utc(expires_at)
        if expiry is not None and expiry <= _now():
            raise AccountError(f"the expiry {expiry.isoformat()} has passed already")
        key_id = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        # A new key is in no cache: issuing one needs no change of the accounts version.
        with self.engine.begin() as conn:
            self._require_user(conn, username)
            conn.execute(
                insert(api_keys).values(
                    key_id=key_id,
                    username=username,
                    secret_sha256=_hash(secret),
                    label=label,
                    created_at=_now(),
                    expires_at=expiry,
                )
            )
        return IssuedKey(key_id, username, f"{KEY_PREFIX}_{key_id}_{secret}", expiry)

    def set_key_expiry(self, key_id: str, expires_at: datetime | None) -> bool:
        """Move an active key's expiry (None: never); False if no active key has that id."""
        expiry = None if expires_at is None else _utc(expires_at)
        with self._change() as conn:
            result = conn.execute(
                update(api_keys)
                .where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
                .values(expires_at=expiry)
            )
        return bool(result.rowcount)

    def revoke_key(self, key_id: str) -> bool:
        with self._change() as conn:
            result = conn.execute(
                update(api_keys)
                .where(api_keys.c.key_id == key_id, api_keys.c.revoked_at.is_(None))
                .values(revoked_at=_now())
            )
        return bool(result.rowcount)

    def disable_user(self, username: str) -> None:
        with self._change() as conn:
            self._require_user(conn, username)
            conn.execute(update(users).where(users.c.username == username).values(disabled=True))

    def list_users(self) -> list[dict[str, object]]:
        with self.reader.connect() as conn:
            found = conn.execute(select(users).order_by(users.c.username)).mappings().all()
            held = conn.execute(select(grants).order_by(grants.c.org, grants.c.role)).all()
        roles: dict[str, list[str]] = {}
        for row in held:
            roles.setdefault(row.username, []).append(f"{row.role}@{row.org}")
        return [{**dict(u), "grants": roles.get(str(u["username"]), [])} for u in found]

    # --- authentication ---------------------------------------------------------------------

    def authenticate_cached(self, presented: str) -> Principal | KeyRefused | None:
        """What :meth:`authenticate` answers, when that needs no query (a malformed key, or one in
        the cache of the current accounts version); None when it does.

        The HTTP layer answers from here on its event loop and sends only a miss to a thread. On
        SQLite this reads the accounts version (a few microseconds); on PostgreSQL it reads
        nothing (the watch keeps the version current).
        """
        match = _KEY_FORMAT.match(presented)
        if match is None:
            return INVALID_KEY
        key_id, secret = match.groups()
        return self._from_cache(key_id, secret, self._current_epoch())

    def authenticate(self, presented: str) -> Principal | KeyRefused:
        """The principal a presented key belongs to, or why it is refused."""
        match = _KEY_FORMAT.match(presented)
        if match is None:
            return INVALID_KEY
        key_id, secret = match.groups()
        # The version is read before the rows: what the query reads is at least that new, so it
        # may be cached under that version.
        epoch = self._current_epoch()
        found = self._from_cache(key_id, secret, epoch)
        if found is not None:
            return found
        digest = _hash(secret)
        with self.reader.connect() as conn:
            row = conn.execute(
                select(
                    api_keys.c.username,
                    api_keys.c.secret_sha256,
                    api_keys.c.revoked_at,
                    api_keys.c.expires_at,
                    users.c.disabled,
                )
                .join(users, users.c.username == api_keys.c.username)
                .where(api_keys.c.key_id == key_id)
            ).first()
            if row is None or not hmac.compare_digest(row.secret_sha256, digest):
                return INVALID_KEY
            if row.revoked_at is not None or row.disabled:
                return INVALID_KEY
            held = conn.execute(select(grants.c.org, grants.c.role).where(grants.c.username == row.username))
            principal = Principal(row.username, frozenset(Grant(g.org, Role(g.role)) for g in held))
        expiry = None if row.expires_at is None else _utc(row.expires_at)
        cached = _CachedKey(
            row.secret_sha256, principal, expiry, None if expiry is None else expiry.timestamp()
        )
        if epoch is not None:
            with self._lock:
                if self._epoch == epoch:  # no change was seen meanwhile
                    self._cache[key_id] = cached
        return cached.answer(digest)

    # --- the cache's version ----------------------------------------------------------------

    def start_watching(self, wait: float = 5.0) -> bool:
        """PostgreSQL: keep a watch on the accounts version so that the cache can be used (a
        server process calls this at start-up); True once it is in force. SQLite needs none."""
        if self._postgres is None or self._watch is not None:
            return True
        self._watch = VersionWatch(self._postgres, self._on_epoch)
        return self._watch.start(wait)

    @property
    def watch(self) -> VersionWatch | None:
        """The running watch of the accounts version (PostgreSQL), if any."""
        return self._watch

    def stop_watching(self) -> None:
        if self._watch is not None:
            self._watch.stop()
            self._watch = None

    def close(self) -> None:
        self.stop_watching()
        if self._local is not None:
            self._local.close()

    def _on_epoch(self, epoch: int | None) -> None:
        with self._lock:
            self._epoch = epoch
            self._cache.clear()

    def _current_epoch(self) -> int | None:
        if self._local is None:
            return self._epoch  # kept current by the watch; None without one
        seen = self._local.read()
        if seen != self._epoch:
            self._on_epoch(seen)
        return seen

    def _from_cache(self, key_id: str, secret: str, epoch: int | None) -> Principal | KeyRefused | None:
        if epoch is None:
            return None
        with self._lock:
            cached = self._cache.get(key_id) if self._epoch == epoch else None
        return None if cached is None else cached.answer(_hash(secret))

    @contextlib.contextmanager
    def _change(self) -> Iterator[Connection]:
        """A transaction that changes what a cached key may do: it moves the accounts version, and
        on PostgreSQL returns only once every server process has let go of older versions."""
        channel = None if self._postgres is None else self._postgres.channel
        with self.engine.begin() as conn:
            yield conn
            version = bump(conn, channel)
        if self._postgres is not None:
            with self.engine.connect() as conn:
                self._postgres.confirm(conn, version, self.confirm_seconds)

    # --- helpers ----------------------------------------------------------------------------

    @staticmethod
    def _require_user(conn: Connection, username: str) -> None:
        if conn.execute(select(users.c.username).where(users.c.username == username)).first() is None:
            raise AccountError(f"no user {username!r}")


def _add_missing_columns(engine: Engine) -> None:
    """Add the columns later versions gave ``api_keys`` to a table made by an earlier one.

    Idempotent, and safe when two processes start at once (the second finds the column there).
    """
    with engine.connect() as conn:
        present = {column["name"] for column in inspect(conn).get_columns("api_keys")}
    for column in api_keys.columns:
        if column.name in present:
            continue
        kind = column.type.compile(dialect=engine.dialect)
        guard = "IF NOT EXISTS " if engine.dialect.name == "postgresql" else ""
        try:
            with engine.begin() as conn:
                conn.execute(text(f"ALTER TABLE api_keys ADD COLUMN {guard}{column.name} {kind}"))
        except OperationalError:
            with engine.connect() as conn:
                if column.name not in {c["name"] for c in inspect(conn).get_columns("api_keys")}:
                    raise


def _grant_row(username: str, grant: Grant) -> dict[str, str]:
    if not ORG_SCOPE.fullmatch(grant.org):
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
