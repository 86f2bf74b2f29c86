"""The OSS error answer (XML body, reference §3.4) that every OSS module of the sandbox raises."""

from __future__ import annotations


class OssError(Exception):
    """An OSS error answer: HTTP status, Code, Message, the EC class and extra XML elements."""

    def __init__(self, status: int, code: str, message: str, ec: str = "", **extra: str) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.ec = ec
        self.extra = extra
