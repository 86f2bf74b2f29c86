"""Shared CLI plumbing: which account a command acts for, and how errors are printed."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import Any

from vodstudio.core.accounts import Account, Provider, SignatureScheme
from vodstudio.core.errors import ConfigError, ServiceError, VodStudioError
from vodstudio.services.accounts import AccountsService
from vodstudio.services.providers import ALIYUN, HUAWEI, PROVIDERS, kit_for

ENV_ACCOUNT_NAME = "env"


def add_account_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("account (default: the active stored account)")
    group.add_argument("--account", metavar="NAME", help="a stored account (see `vodstudio account list`)")
    group.add_argument(
        "--endpoint",
        metavar="URL",
        help="API endpoint; with no stored account, credentials come from "
        f"{ALIYUN.env.key_id}/{ALIYUN.env.secret} (Huawei: {HUAWEI.env.key_id}/{HUAWEI.env.secret})",
    )
    group.add_argument("--region", metavar="REGION", help="region id (default: the provider's default)")
    group.add_argument(
        "--provider",
        choices=[p.value for p in PROVIDERS],
        help="for environment credentials (default aliyun)",
    )
    group.add_argument("--project-id", metavar="ID", help=f"Huawei project id (or {HUAWEI.env.project_id})")
    group.add_argument(
        "--signature",
        choices=[s.value for s in SignatureScheme],
        help="sign Alibaba API calls this way for this run (default: the account's; acs3-hmac-sha256)",
    )


def _from_environment(args: argparse.Namespace) -> tuple[Account, str] | None:
    kit = kit_for(Provider(getattr(args, "provider", None) or Provider.ALIYUN.value))
    key_id, secret = os.environ.get(kit.env.key_id, ""), os.environ.get(kit.env.secret, "")
    if not (key_id and secret):
        return None
    project = ""
    if kit.needs_project_id:
        project = getattr(args, "project_id", None) or os.environ.get(kit.env.project_id, "")
        if not project:
            raise ConfigError(f"{kit.display_name} needs a project id: --project-id or {kit.env.project_id}.")
    account = Account(
        ENV_ACCOUNT_NAME,
        kit.provider,
        getattr(args, "region", None) or kit.default_region,
        key_id,
        endpoint=getattr(args, "endpoint", None) or "",
        project_id=project,
        signature=SignatureScheme(getattr(args, "signature", None) or SignatureScheme.ACS3),
    )
    return account, secret


def resolve_account(args: argparse.Namespace, accounts: AccountsService) -> Account:
    """``--account`` wins, then environment credentials, then the active stored account.

    Environment credentials, and ``--endpoint``/``--region``/``--signature`` with a stored account, are
    registered in memory for this run only (never written), under the name the returned account has.
    """
    name = getattr(args, "account", None)
    if not name:
        from_env = _from_environment(args)
        if from_env is not None:
            accounts.register_adhoc(*from_env)
            return from_env[0]
    account = accounts.get(name) if name else accounts.active()
    if account is None:
        raise ConfigError(
            "No account. Add one with `vodstudio account add`, or set "
            f"{ALIYUN.env.key_id} and {ALIYUN.env.secret} (with --endpoint for the sandbox).",
            code="config.no-account",
        )
    endpoint, region = getattr(args, "endpoint", None), getattr(args, "region", None)
    signature = getattr(args, "signature", None)
    if endpoint or region or signature:
        changed = replace(
            account,
            endpoint=endpoint or account.endpoint,
            region=region or account.region,
            signature=SignatureScheme(signature or account.signature),
        )
        accounts.register_adhoc(changed, accounts.secret_for(account))
        return changed
    return account


def report_error(error: VodStudioError) -> int:
    """Print an error the way every command does; returns the exit status (1)."""
    if isinstance(error, ServiceError):
        facts = error.facts
        rid = f"\n  RequestId: {facts.request_id}" if facts.request_id else ""
        ec = f" (EC {facts.ec})" if facts.ec else ""
        # ``message`` is the service's message, plus what to change where the error knows it.
        print(f"error: {facts.service_code}{ec}: {error.message}{rid}", file=sys.stderr)
    else:
        print(f"error: {error.message}", file=sys.stderr)
    return 1


def error_json(error: VodStudioError) -> dict[str, Any]:
    doc: dict[str, Any] = {"code": error.code, "message": error.message}
    if isinstance(error, ServiceError):
        doc |= {"request_id": error.request_id, "http_status": error.http_status}
    return doc
