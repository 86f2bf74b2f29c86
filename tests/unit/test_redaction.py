"""Secrets never reach the log: redact() on every shape they take, and the handler filter."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from vodstudio.store.logs import LOG_FILE_NAME, forget_secret, redact, register_secret, setup_logging
from vodstudio.store.paths import ProfilePaths

UPLOAD_AUTH = base64.b64encode(
    json.dumps(
        {"AccessKeyId": "STS.id", "AccessKeySecret": "stsSecretValue", "SecurityToken": "CAIStok"}
    ).encode()
).decode()
UPLOAD_ADDRESS = base64.b64encode(
    json.dumps(
        {"Endpoint": "https://oss-cn-shanghai.aliyuncs.com", "Bucket": "outin-1", "FileName": "sv/a.mp4"}
    ).encode()
).decode()


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        (
            "POST /?AccessKeyId=LTAIabc&Signature=abc%2Bdef%3D&SignatureNonce=n1",
            "abc%2Bdef",
            "SignatureNonce=n1",
        ),
        ("/?SecurityToken=CAIS123&Version=2017", "CAIS123", "Version=2017"),
        ('{"AccessKeySecret": "s3cr3t", "AccessKeyId": "STS.x"}', "s3cr3t", '"AccessKeyId": "STS.x"'),
        ("{'SecurityToken': 'CAISxyz', 'Region': 'cn'}", "CAISxyz", "'Region': 'cn'"),
        ("Authorization: OSS STS.abc:c2lnbmF0dXJl", "c2lnbmF0dXJl", "Authorization: OSS"),
        (
            "authorization: ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=abcdef012",
            "abcdef012",
            "ACS3-HMAC-SHA256",
        ),
        (
            "{'Authorization': 'SDK-HMAC-SHA256 Access=HWAK, SignedHeaders=host, Signature=deadbeef'}",
            "deadbeef",
            "SDK-HMAC-SHA256",
        ),
        ("x-oss-security-token: CAISheader", "CAISheader", "x-oss-security-token"),
        ("X-Security-Token: HWtoken", "HWtoken", "X-Security-Token"),
        (
            "http://b.oss/x.mp4?OSSAccessKeyId=STS.k&Expires=1&Signature=sig%3D&security-token=CAISq",
            "sig%3D",
            "OSSAccessKeyId=STS.k",
        ),
        ("http://b.oss/x?security-token=CAISq&Expires=9", "CAISq", "Expires=9"),
        (f"UploadAuth={UPLOAD_AUTH}", "CAIS", "UploadAuth="),
        (f"ticket {UPLOAD_AUTH} issued", UPLOAD_AUTH, "ticket"),
        ("access_key_secret='py-secret'", "py-secret", "access_key_secret"),
    ],
)
def test_redact_shapes(text: str, gone: str, kept: str) -> None:
    out = redact(text)
    assert gone not in out
    assert kept in out
    assert "***" in out


V4_URL = (
    "http://127.0.0.1:9/outin-1/sv/a.mp4?x-oss-signature-version=OSS4-HMAC-SHA256"
    "&x-oss-credential=STS.kid%2F20260101%2Fcn-shanghai%2Foss%2Faliyun_v4_request&x-oss-date=20260101T000000Z"
    "&x-oss-expires=60&x-oss-security-token=CAISv4token%2B%3D&x-oss-signature=5ca1ab1e0ddba11"
)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (V4_URL, "CAISv4token"),
        (V4_URL, "5ca1ab1e0ddba11"),
        (V4_URL, "STS.kid%2F20260101"),
        (
            "Authorization: OSS4-HMAC-SHA256 Credential=STS.k/20260101/cn-shanghai/oss/aliyun_v4_request, "
            "Signature=cafe0123",
            "cafe0123",
        ),
        ("{'x-acs-security-token': 'CAISacs', 'x-acs-action': 'GetVideoInfo'}", "CAISacs"),
        ("oss2 canonical_request = PUT\n/b/k\n\nx-oss-security-token:CAIScanon\n", "CAIScanon"),
    ],
)
def test_v4_and_acs3_secrets_are_redacted(text: str, gone: str) -> None:
    out = redact(text)
    assert gone not in out and "***" in out
    assert "OSS4-HMAC-SHA256" in out or "x-acs-action" in out or "canonical_request" in out


def test_v4_and_acs3_secrets_never_reach_the_log_file(log_file: Path) -> None:
    """An URL or header our code logs is masked on disk; oss2's own DEBUG lines (its V4 canonical
    request carries the token) are not written to our file at all."""
    log = logging.getLogger("vodstudio.transfer")
    log.info("fetching %s", V4_URL)
    log.debug(
        "sent %s", {"x-acs-security-token": "CAISheaderacs", "Authorization": "ACS3-HMAC-SHA256 Sig=ab12"}
    )
    logging.getLogger("oss2.auth").warning("canonical_request = PUT\nx-oss-security-token:CAISoss2line\n")
    for handler in logging.getLogger("vodstudio").handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    for secret in ("CAISv4token", "5ca1ab1e0ddba11", "CAISheaderacs", "ab12", "CAISoss2line"):
        assert secret not in content
    assert "fetching" in content and "x-oss-signature-version=OSS4-HMAC-SHA256" in content


def test_upload_address_blob_is_kept() -> None:
    assert redact(f"addr {UPLOAD_ADDRESS}") == f"addr {UPLOAD_ADDRESS}"


def test_decoded_upload_auth_blob_hides_both_secret_and_token() -> None:
    out = redact(base64.b64decode(UPLOAD_AUTH).decode())
    assert "stsSecretValue" not in out and "CAIStok" not in out and "STS.id" in out


def test_registered_literal_secret_anywhere() -> None:
    register_secret("Plain+Secret/Value")
    try:
        out = redact("error: bad key Plain+Secret/Value, url-encoded Plain%2BSecret%2FValue")
        assert "Plain+Secret" not in out and "Plain%2BSecret" not in out
    finally:
        forget_secret("Plain+Secret/Value")
    assert redact("Plain+Secret/Value") == "Plain+Secret/Value"


def test_short_values_are_not_registered() -> None:
    register_secret("ab")
    assert redact("about abc") == "about abc"


def test_ordinary_text_is_untouched() -> None:
    text = "CreateUploadVideo -> HTTP 200 in 0.120s (RequestId 5C71-42) SignatureMethod=HMAC-SHA1"
    assert redact(text) == text


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(ProfilePaths.under(tmp_path), level=logging.DEBUG)
    yield path
    for handler in list(logging.getLogger("vodstudio").handlers):
        handler.close()
        logging.getLogger("vodstudio").removeHandler(handler)


def test_log_file_is_redacted_in_messages_args_and_tracebacks(log_file: Path) -> None:
    log = logging.getLogger("vodstudio.cloud.aliyun")
    register_secret("AccountSecretXYZ")
    try:
        log.info("params %s", {"AccessKeySecret": "AccountSecretXYZ", "Signature": "sigsig"})
        try:
            raise RuntimeError("failed with SecurityToken=CAISinside")
        except RuntimeError:
            log.exception("boom %s", "Authorization: OSS STS.a:sigvalue")
    finally:
        forget_secret("AccountSecretXYZ")
    for handler in logging.getLogger("vodstudio").handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert log_file.name == LOG_FILE_NAME
    for secret in ("AccountSecretXYZ", "sigsig", "CAISinside", "sigvalue"):
        assert secret not in content
    assert "RuntimeError" in content and "boom" in content


def test_setup_logging_twice_keeps_one_file_handler(tmp_path: Path, log_file: Path) -> None:
    setup_logging(ProfilePaths.under(tmp_path))
    owned = [h for h in logging.getLogger("vodstudio").handlers if getattr(h, "_vodstudio_handler", False)]
    assert len(owned) == 1
