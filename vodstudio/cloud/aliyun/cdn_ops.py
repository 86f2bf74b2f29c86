"""CDN operations (Shanghai only): refresh, preload, task and quota queries, usage series, domain logs."""

from __future__ import annotations

from vodstudio.cloud.aliyun.base import RpcCaller


class CdnOps(RpcCaller):
    pass
