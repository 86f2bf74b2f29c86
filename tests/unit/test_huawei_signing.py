"""The three SDK-HMAC-SHA256 vectors of vod-protocols.md §4.2, plus the SDK itself as an oracle."""

from __future__ import annotations

from datetime import UTC, datetime

from vodstudio.cloud.huawei import signing

AK = "TESTAK1234567890"
SK = "TESTSK0987654321abcdef"
PID = "0123456789abcdef0123456789abcdef"
HOST = "vod.cn-north-4.myhuaweicloud.com"
DATE = "20240101T000000Z"


def test_doc_vector_signature() -> None:
    sts = (
        "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
    )
    signature = signing.sign("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", sts)
    assert signature == "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
    header = signing.authorization("QTWAOYTTINDUT2QVKYUC", ["content-type", "host", "x-sdk-date"], signature)
    assert header == (
        "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, "
        "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
    )


def test_preheating_post_vector() -> None:
    body = b'{"urls":["https://example.com/asset/a/b.mp4"]}'
    headers = {"Content-Type": "application/json", "X-Project-Id": PID, "X-Sdk-Date": DATE}
    url = f"https://{HOST}/v1.0/{PID}/asset/preheating"
    signed = signing.sign_request("POST", url, headers, body, AK, SK)
    names = ["content-type", "host", "x-project-id", "x-sdk-date"]
    canonical = signing.canonical_request("POST", f"/v1.0/{PID}/asset/preheating", [], signed, names, body)
    assert canonical == (
        f"POST\n/v1.0/{PID}/asset/preheating/\n\n"
        f"content-type:application/json\nhost:{HOST}\nx-project-id:{PID}\nx-sdk-date:{DATE}\n\n"
        "content-type;host;x-project-id;x-sdk-date\n"
        "98fe09c7904f551daa7889cf40f3100b04842920b93f85e6d7e0b3e7626f91d3"
    )
    assert signing.string_to_sign(DATE, canonical) == (
        f"SDK-HMAC-SHA256\n{DATE}\n202bb26a419eed38ed8eab14c0bba9fab218dc2097aa7df583f7ba16e67f643d"
    )
    assert signed["Host"] == HOST
    assert signed["Authorization"] == (
        f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
        "Signature=7239e60c8549e32ee7bbc5c86e9c84746d99ce3aa15bf162b34b82dce7c75877"
    )


def test_asset_list_get_vector_with_repeated_query() -> None:
    # Unsorted on purpose: the canonical query sorts pairs and keeps repeated keys.
    url = f"https://{HOST}/v1.0/{PID}/asset/list?status=PUBLISHED&size=10&status=CREATED&page=0"
    now = datetime(2024, 1, 1, tzinfo=UTC)
    signed = signing.sign_request("GET", url, {"Content-Type": "application/json"}, b"", AK, SK, now=now)
    assert signed["X-Sdk-Date"] == DATE
    assert signed["Authorization"] == (
        f"SDK-HMAC-SHA256 Access={AK}, SignedHeaders=content-type;host;x-sdk-date, "
        "Signature=e031f255a3b50ef9dbf39def6927f02451d2041297b4a2b376a93aa50eb2b702"
    )
    assert signing.signed_url(url).endswith("/asset/list?page=0&size=10&status=CREATED&status=PUBLISHED")


def test_non_json_content_is_unsigned_payload_and_underscore_headers_skipped() -> None:
    headers = {"Content-Type": "text/plain", "X_Custom": "x", "X-Sdk-Date": DATE}
    signed = signing.sign_request("PUT", "http://127.0.0.1:9/a%20b", headers, b"data", AK, SK)
    assert signed["X-Sdk-Content-Sha256"] == "UNSIGNED-PAYLOAD"
    assert signed["Host"] == "127.0.0.1:9"
    assert "x_custom" not in signed["Authorization"]
    names = signing.signed_header_names(signed)
    canonical = signing.canonical_request("PUT", "/a%20b", [], signed, names, b"data")
    assert canonical.split("\n")[1] == "/a%20b/"
    assert canonical.endswith("\nUNSIGNED-PAYLOAD")
