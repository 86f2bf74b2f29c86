"""A refused signature is a typed, never-retried error with a stable code that says what to change."""

from __future__ import annotations

import pytest

from vodstudio.core.errors import AuthError, ServiceFacts, SignatureRejectedError, classify


@pytest.mark.parametrize(
    ("provider", "service_code", "ec", "code", "advice"),
    [
        (
            "aliyun",
            "SignatureDoesNotMatch",
            "",
            "signature.mismatch",
            "switch the account's request signature",
        ),
        ("oss", "SignatureDoesNotMatch", "0002-00000201", "signature.mismatch", "Check the AccessKey secret"),
        ("aliyun", "IncompleteSignature", "", "signature.refused", "ACS3-HMAC-SHA256 (recommended)"),
        ("oss", "AccessDenied", "0002-00000080", "signature.oss-v1-refused", "signed with OSS V4"),
    ],
)
def test_signature_failures_are_typed(
    provider: str, service_code: str, ec: str, code: str, advice: str
) -> None:
    facts = ServiceFacts(
        provider, service_code, "the service's message", request_id="RID-1", http_status=403, ec=ec
    )
    error = classify(facts)
    assert isinstance(error, SignatureRejectedError) and isinstance(error, AuthError)
    assert (error.code, error.service_code, error.retryable) == (code, service_code, False)
    assert advice in error.advice and error.message.startswith("the service's message ")
    assert "RID-1" in str(error) and advice in str(error)


def test_other_access_denied_and_huawei_codes_stay_what_they_were() -> None:
    denied = classify(ServiceFacts("oss", "AccessDenied", "no", http_status=403, ec="0003-00000201"))
    assert type(denied) is AuthError and denied.code == "AccessDenied"
    huawei = classify(ServiceFacts("huawei", "APIGW.0301", "bad", http_status=401))
    assert not isinstance(huawei, SignatureRejectedError)
