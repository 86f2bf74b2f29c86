"""The VOD RPC action registry: handlers register by Action name and raise ``RpcError`` to fail."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vodstudio.sandbox.state import SandboxState


class RpcError(Exception):
    """An error answer with the real service's HTTP status, Code and Message."""

    def __init__(self, http_status: int, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.http_status = http_status
        self.code = code
        self.message = message


@dataclass
class RpcContext:
    """One verified RPC call. ``params`` holds every request parameter (query + form), decoded."""

    state: SandboxState
    action: str
    params: dict[str, str]
    request_id: str
    access_key_id: str
    http_method: str

    # ---- parameter helpers (raise the real service's errors) ---------------------------------
    def get(self, name: str, default: str = "") -> str:
        return self.params.get(name, default)

    def require(self, name: str) -> str:
        value = self.params.get(name, "")
        if value == "":
            raise RpcError(
                400,
                "MissingParameter",
                f'The input parameter "{name}" that is mandatory for processing this request '
                "is not supplied.",
            )
        return value

    def invalid(self, name: str) -> RpcError:
        return RpcError(400, "InvalidParameter", f'The specified parameter "{name}" is not valid.')

    def get_int(self, name: str, default: int, *, low: int | None = None, high: int | None = None) -> int:
        raw = self.params.get(name, "")
        if raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise self.invalid(name) from None
        if (low is not None and value < low) or (high is not None and value > high):
            raise self.invalid(name)
        return value

    def get_bool(self, name: str, default: bool = False) -> bool:
        raw = self.params.get(name, "").lower()
        if raw == "":
            return default
        if raw not in ("true", "false"):
            raise self.invalid(name)
        return raw == "true"

    def get_list(self, name: str, *, limit: int, code: str | None = None) -> list[str]:
        """A comma-separated id list; over ``limit`` raises ``code`` (e.g. VideoIdsExceededMax)."""
        raw = self.params.get(name, "")
        items = [item.strip() for item in raw.split(",") if item.strip()]
        if len(items) > limit:
            raise RpcError(
                400, code or f"{name}ExceededMax", f"The {name} count has exceeded the max limit {limit}."
            )
        return items

    def get_json(self, name: str) -> Any:
        raw = self.require(name)
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            raise self.invalid(name) from None


Handler = Callable[[RpcContext], dict[str, Any]]

ACTIONS: dict[str, Handler] = {}


def action(name: str) -> Callable[[Handler], Handler]:
    """Register a handler for one Action. It returns the response body minus ``RequestId``."""

    def register(handler: Handler) -> Handler:
        if name in ACTIONS:
            raise RuntimeError(f"action {name} registered twice")
        ACTIONS[name] = handler
        return handler

    return register


# Modules that register actions; imported once by the server. Each owns a family of operations.
ACTION_MODULES: tuple[str, ...] = (
    "vodstudio.sandbox.vod_upload",  # CreateUpload*, RefreshUploadVideo, UploadMediaByURL, ...
    "vodstudio.sandbox.vod_media",  # Get/Update/Delete video & image, play/mezzanine info, categories
    "vodstudio.sandbox.vod_search",  # SearchMedia, GetVideoList
    "vodstudio.sandbox.vod_cdn",  # Refresh/Preload/DescribeVodRefresh*, traffic, bps, domain logs
    "vodstudio.sandbox.vod_attached",  # DeleteAttachedMedia
    "vodstudio.sandbox.vod_media_refresh",  # RefreshMediaPlayUrls, GetMediaRefreshJobs
    "vodstudio.sandbox.vod_domains",  # DescribeVodUserDomains, DescribeVodDomainDetail
    "vodstudio.sandbox.vod_templates",  # ListTranscodeTemplateGroup, ListWorkflow
)
