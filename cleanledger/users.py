"""``cleanledger users``: create users, grant roles, issue and revoke API keys.

cleanledger users create admin --grant admin@*          bootstrap: prints the first key
cleanledger users create kim --grant clerk@6110000
cleanledger users grant kim approver@6110000
cleanledger users key kim                              another key for kim
cleanledger users key kim --expires 2027-01-01         one that stops working on that day (KST)
cleanledger users key kim --expires-in 90d             … or after 90 days
cleanledger users expire-key 3f2a9c0d1e2b4a5c --expires-in 7d   (or --never)
cleanledger users revoke-key 3f2a9c0d1e2b4a5c
cleanledger users disable kim
cleanledger users list
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, date, datetime, timedelta, timezone

from api.account_versions import ChangeNotConfirmed
from api.accounts import AccountError, AccountStore, IssuedKey, parse_grant
from api.roles import Role
from cleanledger.settings import Settings
from cleanledger.wiring import build_read_engine
from commands.ledger import Ledger


def users(_: Ledger, args: argparse.Namespace) -> int:
    settings: Settings = args.settings
    engine = build_read_engine(settings, writer=True)
    store = AccountStore(engine)
    try:
        return _run(store, args)
    except (AccountError, ChangeNotConfirmed) as error:
        print(f"cleanledger users: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()
        engine.dispose()


def _run(store: AccountStore, args: argparse.Namespace) -> int:
    action: str = args.action
    if action == "create":
        expires = _expiry(args)
        store.create_user(args.name, args.display_name or args.name, [parse_grant(g) for g in args.grant])
        _print_key(store, args.name, "created with the first key", expires)
    elif action == "grant":
        for text in args.grants:
            store.grant(args.name, parse_grant(text))
        print(f"{args.name}: granted {', '.join(args.grants)}")
    elif action == "revoke":
        for text in args.grants:
            store.revoke_grant(args.name, parse_grant(text))
        print(f"{args.name}: revoked {', '.join(args.grants)}")
    elif action == "key":
        _print_key(store, args.name, "new key", _expiry(args))
    elif action == "expire-key":
        expires = None if args.never else _expiry(args)
        if expires is None and not args.never:
            raise AccountError("say when: --expires DATE, --expires-in 90d, or --never")
        if not store.set_key_expiry(args.key_id, expires):
            raise AccountError(f"no active key {args.key_id!r}")
        print(f"key {args.key_id}: {_until(expires)}")
    elif action == "revoke-key":
        if not store.revoke_key(args.key_id):
            raise AccountError(f"no active key {args.key_id!r}")
        print(f"key {args.key_id} revoked")
    elif action == "disable":
        store.disable_user(args.name)
        print(f"{args.name}: disabled (its keys no longer work)")
    else:
        for user in store.list_users():
            state = " (disabled)" if user["disabled"] else ""
            grants = ", ".join(str(g) for g in user["grants"]) or "no roles"  # type: ignore[attr-defined]
            print(f"{user['username']}{state}: {grants}")
    return 0


def _print_key(store: AccountStore, name: str, what: str, expires: datetime | None) -> None:
    issued: IssuedKey = store.issue_key(name, expires_at=expires)
    print(
        f"{name}: {what} (id {issued.key_id}, {_until(issued.expires_at)}); it is shown only this once:",
        file=sys.stderr,
    )
    print(issued.secret)


#: Dates without a time or an offset are read in Korean Standard Time (UTC+9, no summer time), the
#: time of the public bodies the ledger keeps.
KST = timezone(timedelta(hours=9), "KST")
_DURATION = re.compile(r"^(\d{1,5})([dhw])$")


def _expiry(args: argparse.Namespace) -> datetime | None:
    """``--expires`` (a date: the key stops at its first moment, KST; or an ISO 8601 time) or
    ``--expires-in`` (``90d``, ``12h``, ``2w``) as a moment; None if neither was given."""
    if args.expires is not None:
        return parse_expires(args.expires)
    if args.expires_in is not None:
        return datetime.now(UTC) + parse_duration(args.expires_in)
    return None


def parse_expires(value: str) -> datetime:
    try:
        moment = datetime.combine(date.fromisoformat(value), datetime.min.time())
    except ValueError:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            msg = f"--expires takes a date (2027-01-01) or an ISO 8601 time: {value!r}"
            raise AccountError(msg) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=KST)


def parse_duration(value: str) -> timedelta:
    found = _DURATION.match(value)
    if found is None or int(found.group(1)) == 0:
        raise AccountError(f"--expires-in takes a number and d, h or w (90d, 12h, 2w): {value!r}")
    unit = {"d": "days", "h": "hours", "w": "weeks"}[found.group(2)]
    return timedelta(**{unit: int(found.group(1))})


def _until(expires: datetime | None) -> str:
    if expires is None:
        return "no expiry"
    return f"expires {expires.astimezone(KST):%Y-%m-%d %H:%M} KST"


def _add_expiry_options(parser: argparse.ArgumentParser) -> argparse._MutuallyExclusiveGroup:
    when = parser.add_mutually_exclusive_group()
    when.add_argument(
        "--expires",
        metavar="DATE",
        help="the key stops working at the start of this day, KST (2027-01-01), or at an ISO 8601 time",
    )
    when.add_argument("--expires-in", metavar="DURATION", help="… or after this long: 90d, 12h, 2w")
    return when


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roles = ", ".join(r.value for r in Role)
    p_users = sub.add_parser(
        "users",
        help="manage API users, their roles per organisation and their keys",
        description=f"Roles are granted per organisation as ROLE@ORG (ORG a seven-digit code or * for "
        f"every organisation). Roles: {roles}. Keys are printed once and stored only as hashes.",
    )
    p_users.set_defaults(run=users)
    actions = p_users.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="a new user with roles; prints its first API key")
    create.add_argument("name", help="user name (lower case), recorded as the actor of its commands")
    create.add_argument(
        "--grant", action="append", default=[], metavar="ROLE@ORG", help="a role (repeatable)"
    )
    create.add_argument("--display-name", help="the user's full name")
    _add_expiry_options(create)
    for name, text in (("grant", "grant roles"), ("revoke", "take roles away")):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("name")
        parser.add_argument("grants", nargs="+", metavar="ROLE@ORG")
    key = actions.add_parser("key", help="issue another API key for a user")
    key.add_argument("name")
    _add_expiry_options(key)
    expire_key = actions.add_parser("expire-key", help="set or remove an active key's expiry, by its id")
    expire_key.add_argument("key_id")
    _add_expiry_options(expire_key).add_argument("--never", action="store_true", help="remove the expiry")
    revoke_key = actions.add_parser("revoke-key", help="revoke an API key by its id")
    revoke_key.add_argument("key_id")
    disable = actions.add_parser("disable", help="disable a user and all its keys")
    disable.add_argument("name")
    actions.add_parser("list", help="every user with its roles")
