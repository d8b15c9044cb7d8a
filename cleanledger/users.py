"""``cleanledger users``: create users, grant roles, issue and revoke API keys.

cleanledger users create admin --grant admin@*          bootstrap: prints the first key
cleanledger users create kim --grant clerk@6110000
cleanledger users grant kim approver@6110000
cleanledger users key kim                              another key for kim
cleanledger users revoke-key 3f2a9c0d1e2b4a5c
cleanledger users disable kim
cleanledger users list
"""

from __future__ import annotations

import argparse
import sys

from api.accounts import AccountError, AccountStore, parse_grant
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
    except AccountError as error:
        print(f"cleanledger users: {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _run(store: AccountStore, args: argparse.Namespace) -> int:
    action: str = args.action
    if action == "create":
        store.create_user(args.name, args.display_name or args.name, [parse_grant(g) for g in args.grant])
        _print_key(store, args.name, "created with the first key")
    elif action == "grant":
        for text in args.grants:
            store.grant(args.name, parse_grant(text))
        print(f"{args.name}: granted {', '.join(args.grants)}")
    elif action == "revoke":
        for text in args.grants:
            store.revoke_grant(args.name, parse_grant(text))
        print(f"{args.name}: revoked {', '.join(args.grants)}")
    elif action == "key":
        _print_key(store, args.name, "new key")
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


def _print_key(store: AccountStore, name: str, what: str) -> None:
    issued = store.issue_key(name)
    print(f"{name}: {what} (id {issued.key_id}); it is shown only this once:", file=sys.stderr)
    print(issued.secret)


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
    for name, text in (("grant", "grant roles"), ("revoke", "take roles away")):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("name")
        parser.add_argument("grants", nargs="+", metavar="ROLE@ORG")
    key = actions.add_parser("key", help="issue another API key for a user")
    key.add_argument("name")
    revoke_key = actions.add_parser("revoke-key", help="revoke an API key by its id")
    revoke_key.add_argument("key_id")
    disable = actions.add_parser("disable", help="disable a user and all its keys")
    disable.add_argument("name")
    actions.add_parser("list", help="every user with its roles")
