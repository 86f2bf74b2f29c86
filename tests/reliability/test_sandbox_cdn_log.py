"""Defect 13: the CDN access-log row exists before the client has the whole answer."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from vodstudio.sandbox import cdn_server, oss_store

KEY = "sv/log-race/clip.mp4"
DATA = bytes(range(256)) * 64


def test_access_log_row_is_written_before_the_answer_completes(
    sandbox: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = sandbox.state
    with state.db() as conn:
        written = oss_store.write_stream(oss_store.object_path(state, state.config.bucket, KEY), iter([DATA]))
        oss_store.record_object(state, conn, state.config.bucket, KEY, written, content_type="video/mp4")
    real = cdn_server._record

    def slow_record(*args: Any) -> int:
        time.sleep(0.3)  # a busy database: the row lands late unless the answer waits for it
        return real(*args)

    monkeypatch.setattr(cdn_server, "_record", slow_record)
    with httpx.Client(base_url=f"http://{sandbox.info.cdn_domain}") as cdn:
        for headers, status, sent in (
            ({}, 200, len(DATA)),
            ({"Range": "bytes=0-9"}, 206, 10),
            ({"Range": f"bytes={len(DATA)}-"}, 416, 0),
        ):
            answer = cdn.get(f"/{KEY}", headers=headers)
            assert answer.status_code == status
            with state.db() as conn:
                last = conn.execute(
                    "SELECT status, bytes_sent FROM cdn_access_log ORDER BY rowid DESC LIMIT 1"
                ).fetchone()
            assert last is not None and (last["status"], last["bytes_sent"]) == (status, sent)
