"""`vodstudio account add|edit|list|remove|use|test`: accounts with their secrets in the OS keychain."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import replace

from vodstudio.cli.common import report_error
from vodstudio.cli.plays import register_account_routes
from vodstudio.core.accounts import Account, Provider, ProxyMode, ProxySetting, SignatureScheme
from vodstudio.core.errors import ConfigError, VodStudioError
from vodstudio.services import Services
from vodstudio.services.providers import PROVIDERS, kit_for


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("account", help="manage stored accounts (secrets go to the OS keychain)")
    actions = parser.add_subparsers(dest="account_action", metavar="ACTION")

    add = actions.add_parser("add", help="add an account; the secret is read from stdin or a hidden prompt")
    add.add_argument("name")
    add.add_argument("--provider", choices=[p.value for p in PROVIDERS], default=Provider.ALIYUN.value)
    add.add_argument("--region", default=None, help="default: the provider's (cn-shanghai, cn-north-4)")
    add.add_argument("--access-key-id", required=True, help="AccessKey ID (Huawei: AK)")
    add.add_argument("--endpoint", default="", help="custom API endpoint, e.g. the sandbox's vod_endpoint")
    add.add_argument("--project-id", default="", help="Huawei project id")
    add.add_argument("--proxy", default="", help="http://host:port or socks5://host:port; 'none' for direct")
    add.add_argument("--replace", action="store_true", help="replace an account with the same name")
    add_signature_option(add)
    add.set_defaults(run=_add)

    edit = actions.add_parser("edit", help="change an account's settings; the stored secret is kept")
    edit.add_argument("name")
    edit.add_argument("--region", default=None)
    edit.add_argument("--endpoint", default=None, help="custom API endpoint; '' for the region's default")
    edit.add_argument(
        "--proxy", default=None, help="http://host:port or socks5://host:port; 'none' for direct"
    )
    add_signature_option(edit, default=None)
    edit.set_defaults(run=_edit)

    listing = actions.add_parser("list", help="list accounts (never shows secrets)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=_list)

    remove = actions.add_parser("remove", help="remove an account and its keychain secret")
    remove.add_argument("name")
    remove.set_defaults(run=_remove)

    use = actions.add_parser("use", help="make an account the active one")
    use.add_argument("name")
    use.set_defaults(run=_use)

    test = actions.add_parser("test", help="test an account's connection with a cheap read call")
    test.add_argument("name", nargs="?", help="default: the active account")
    test.set_defaults(run=_test)
    register_account_routes(actions)


SIGNATURE_HELP = (
    "how Alibaba API calls (VOD, CDN) are signed: acs3-hmac-sha256 (recommended, the default) or "
    "hmac-sha1 (legacy, for endpoints that still need it); OSS uploads are always signed OSS V4"
)


def add_signature_option(
    parser: argparse.ArgumentParser, *, default: str | None = "acs3-hmac-sha256"
) -> None:
    parser.add_argument(
        "--signature", choices=[s.value for s in SignatureScheme], default=default, help=SIGNATURE_HELP
    )


def _read_secret(label: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"{label}: ").strip()
    return sys.stdin.readline().strip()


def _proxy(value: str) -> ProxySetting:
    if not value:
        return ProxySetting()
    if value.lower() == "none":
        return ProxySetting(ProxyMode.NONE)
    if not value.startswith(("http://", "https://", "socks5://", "socks5h://")):
        raise ConfigError("A proxy must be an http://, https:// or socks5:// URL, or 'none'.")
    return ProxySetting(ProxyMode.CUSTOM, value)


def _add(args: argparse.Namespace, services: Services) -> int:
    kit = kit_for(Provider(args.provider))
    provider = kit.provider
    store = services.accounts
    try:
        if kit.needs_project_id and not args.project_id:
            raise ConfigError(f"A {kit.display_name} account needs --project-id.")
        account = Account(
            name=args.name,
            provider=provider,
            region=args.region or kit.default_region,
            access_key_id=args.access_key_id,
            endpoint=args.endpoint,
            project_id=args.project_id,
            proxy=_proxy(args.proxy),
            signature=SignatureScheme(args.signature),
        )
        secret = _read_secret("AccessKey secret" if provider is Provider.ALIYUN else "SK")
        if not secret:
            raise ConfigError("No secret given (pipe it on stdin or type it at the prompt).")
        if args.replace:
            store.save(account, secret)
        else:
            store.add(account, secret)
    except VodStudioError as error:
        return report_error(error)
    where = "the OS keychain" if store.keychain_persistent else "memory only (no system keychain found)"
    print(f"Added account {account.name!r}; its secret is stored in {where}.")
    return 0


def _edit(args: argparse.Namespace, services: Services) -> int:
    store = services.accounts
    try:
        account = store.get(args.name)
        changes: dict[str, object] = {}
        if args.region is not None:
            changes["region"] = args.region
        if args.endpoint is not None:
            changes["endpoint"] = args.endpoint
        if args.proxy is not None:
            changes["proxy"] = _proxy(args.proxy)
        if args.signature is not None:
            changes["signature"] = SignatureScheme(args.signature)
        if not changes:
            raise ConfigError("Nothing to change: give --region, --endpoint, --proxy or --signature.")
        updated = replace(account, **changes)  # type: ignore[arg-type]
        store.save(updated)  # keeps the stored secret
    except VodStudioError as error:
        return report_error(error)
    print(f"Updated account {updated.name!r}: {_describe(updated)}.")
    return 0


def _describe(a: Account) -> str:
    signature = f"  signature {a.signature.value}" if a.provider is Provider.ALIYUN else ""
    endpoint = f"  {a.endpoint}" if a.endpoint else ""
    return f"{a.provider.value}  {a.region}  {a.access_key_id}{signature}{endpoint}"


def _list(args: argparse.Namespace, services: Services) -> int:
    store = services.accounts
    accounts = store.list()
    active = store.active()
    if args.json:
        rows = [
            {
                "name": a.name,
                "provider": a.provider.value,
                "region": a.region,
                "access_key_id": a.access_key_id,
                "endpoint": a.endpoint,
                "project_id": a.project_id,
                "signature": a.signature.value,
                "active": active is not None and a.name == active.name,
            }
            for a in accounts
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    if not accounts:
        print("No accounts. Add one with `vodstudio account add NAME --access-key-id ID`.")
        return 0
    for a in accounts:
        mark = "*" if active is not None and a.name == active.name else " "
        print(f"{mark} {a.name}  {_describe(a)}")
    return 0


def _remove(args: argparse.Namespace, services: Services) -> int:
    try:
        services.accounts.remove(args.name)
        services.settings.forget_account(args.name)
    except VodStudioError as error:
        return report_error(error)
    print(f"Removed account {args.name!r}.")
    return 0


def _use(args: argparse.Namespace, services: Services) -> int:
    try:
        services.accounts.set_active(args.name)
    except VodStudioError as error:
        return report_error(error)
    print(f"Active account: {args.name}")
    return 0


def _test(args: argparse.Namespace, services: Services) -> int:
    """The same probe as the accounts dialog's *Test connection*."""
    try:
        account = services.accounts.get(args.name) if args.name else services.accounts.active()
        if account is None:
            raise ConfigError("No account to test.", code="config.no-account")
        detail = services.accounts.probe(account)
    except VodStudioError as error:
        return report_error(error)
    print(f"Connected to {account.name!r}: {detail}.")
    return 0
