"""Media library operations: search, video/image info, updates, deletes, play info, categories."""

from __future__ import annotations

from vodstudio.cloud.aliyun.base import RpcCaller


class MediaOps(RpcCaller):
    pass
