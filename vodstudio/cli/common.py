"""Shared CLI plumbing: which account a command acts for, and how errors are printed."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass

from vodstudio.core.accounts import Account, Provider
from vodstudio.core.errors import ConfigError, ServiceError, VodStudioError
from vodstudio.store.accounts import AccountStore
from vodstudio.store.paths import ProfilePaths
from vodstudio.store.secrets import SecretStore

ALIYUN_ENV_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID"
ALIYUN_ENV_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"  # noqa: S105 - a variable name, not a secret
HUAWEI_ENV_AK = "HUAWEICLOUD_SDK_AK"
HUAWEI_ENV_SK = "HUAWEICLOUD_SDK_SK"
HUAWEI_ENV_PROJECT = "HUAWEICLOUD_SDK_PROJECT_ID"

ENV_ACCOUNT_NAME = "env"


@dataclass(frozen=True)
class ResolvedAccount:
    account: Account
    secret: str

    def __repr__(self) -> str:  # never print the secret
        return f"ResolvedAccount(account={self.account!r})"


def add_account_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("account (default: the active stored account)")
    group.add_argument("--account", metavar="NAME", help="a stored account (see `vodstudio account list`)")
    group.add_argument(
        "--endpoint",
        metavar="URL",
        help="API endpoint; with no stored account, credentials come from "
        f"{ALIYUN_ENV_ID}/{ALIYUN_ENV_SECRET} (Huawei: {HUAWEI_ENV_AK}/{HUAWEI_ENV_SK})",
    )
    group.add_argument("--region", metavar="REGION", help="region id (default cn-shanghai / cn-north-4)")
    group.add_argument(
        "--provider", choices=[p.value for p in Provider], help="for environment credentials (default aliyun)"
    )
    group.add_argument("--project-id", metavar="ID", help=f"Huawei project id (or {HUAWEI_ENV_PROJECT})")


def _from_environment(args: argparse.Namespace) -> ResolvedAccount | None:
    provider = Provider(getattr(args, "provider", None) or Provider.ALIYUN.value)
    endpoint = getattr(args, "endpoint", None) or ""
    region = getattr(args, "region", None)
    if provider is Provider.ALIYUN:
        key_id, secret = os.environ.get(ALIYUN_ENV_ID, ""), os.environ.get(ALIYUN_ENV_SECRET, "")
        if not (key_id and secret):
            return None
        account = Account(ENV_ACCOUNT_NAME, provider, region or "cn-shanghai", key_id, endpoint=endpoint)
        return ResolvedAccount(account, secret)
    key_id, secret = os.environ.get(HUAWEI_ENV_AK, ""), os.environ.get(HUAWEI_ENV_SK, "")
    project = getattr(args, "project_id", None) or os.environ.get(HUAWEI_ENV_PROJECT, "")
    if not (key_id and secret):
        return None
    if not project:
        raise ConfigError(f"Huawei needs a project id: --project-id or {HUAWEI_ENV_PROJECT}.")
    account = Account(
        ENV_ACCOUNT_NAME, provider, region or "cn-north-4", key_id, endpoint=endpoint, project_id=project
    )
    return ResolvedAccount(account, secret)


def open_account_store(paths: ProfilePaths | None = None) -> AccountStore:
    return AccountStore((paths or ProfilePaths.default()).ensure(), SecretStore())


def resolve_account(args: argparse.Namespace, store: AccountStore | None = None) -> ResolvedAccount:
    """``--account`` wins, then environment credentials, then the active stored account.

    ``--endpoint``/``--region`` given with a stored account override its values for this run.
    """
    store = store or open_account_store()
    name = getattr(args, "account", None)
    if not name:
        from_env = _from_environment(args)
        if from_env is not None:
            return from_env
    account = store.get(name) if name else store.active()
    if account is None:
        raise ConfigError(
            "No account. Add one with `vodstudio account add`, or set "
            f"{ALIYUN_ENV_ID} and {ALIYUN_ENV_SECRET} (with --endpoint for the sandbox).",
            code="config.no-account",
        )
    endpoint = getattr(args, "endpoint", None)
    region = getattr(args, "region", None)
    if endpoint or region:
        from dataclasses import replace

        account = replace(account, endpoint=endpoint or account.endpoint, region=region or account.region)
    return ResolvedAccount(account, store.secret_for(account))


def report_error(error: VodStudioError) -> int:
    """Print an error the way every command does; returns the exit status (1)."""
    if isinstance(error, ServiceError):
        facts = error.facts
        rid = f"\n  RequestId: {facts.request_id}" if facts.request_id else ""
        print(f"error: {facts.service_code}: {facts.message}{rid}", file=sys.stderr)
    else:
        print(f"error: {error.message}", file=sys.stderr)
    return 1
