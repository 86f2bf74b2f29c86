"""Error codes → readable, translated sentences that still show the service's code and RequestId."""

from __future__ import annotations

from vodstudio.core.errors import ServiceError, SourceFileError, VodStudioError
from vodstudio.ui.i18n import tr

_CTX = "ErrorText"


def _sentences() -> dict[str, str]:
    # Built on each call (cheap) so a translator installed later is honoured.
    return {
        # credentials and signing
        "SecurityTokenExpired": tr(_CTX, "The temporary upload credential expired."),
        "InvalidAccessKeyId.NotFound": tr(_CTX, "The AccessKey ID does not exist. Check the account."),
        "InvalidAccessKeyId": tr(_CTX, "The AccessKey ID was not accepted. Check the account settings."),
        "InvalidAccessKeyId.Inactive": tr(_CTX, "This AccessKey is disabled in the cloud console."),
        "SignatureDoesNotMatch": tr(
            _CTX, "The request signature was rejected: the AccessKey secret is probably wrong."
        ),
        "IncompleteSignature": tr(_CTX, "The request signature was rejected."),
        "signature.mismatch": tr(
            _CTX,
            "The service computed a different request signature. Check the AccessKey secret; if it is "
            "right, switch the account's request signature (Accounts → Request signature).",
        ),
        "signature.refused": tr(
            _CTX,
            "The service does not accept this request signature. Set the account's request signature "
            "to ACS3-HMAC-SHA256 (Accounts → Request signature).",
        ),
        "signature.oss-v1-refused": tr(
            _CTX,
            "The bucket refuses OSS V1 signatures (new accounts and buckets); uploads must be signed "
            "with OSS V4.",
        ),
        "InvalidTimeStamp.Expired": tr(_CTX, "The computer's clock is too far off. Correct the system time."),
        "Forbidden.RAM": tr(_CTX, "This AccessKey lacks the permission for this action (RAM policy)."),
        "APIGW.0301": tr(_CTX, "Huawei Cloud rejected the AK/SK signature: check the AK, SK and project ID."),
        "APIGW.0101": tr(_CTX, "Huawei Cloud does not know this API or endpoint."),
        # quotas and throttling
        "QuotaExceeded.Refresh": tr(_CTX, "Today's CDN refresh quota is used up."),
        "QuotaExceeded.Preload": tr(_CTX, "Today's CDN prefetch quota is used up."),
        "Throttling": tr(_CTX, "The service is throttling requests; it will be retried."),
        "Throttling.User": tr(_CTX, "Too many requests from this account; it will be retried."),
        # media
        "InvalidVideo.NotFound": tr(_CTX, "The video no longer exists."),
        "InvalidVideo.NoneStream": tr(_CTX, "The video has no playable stream yet."),
        "Forbidden.IllegalStatus": tr(_CTX, "The video is not in a state that allows this action."),
        "NoSuchUpload": tr(_CTX, "The unfinished upload is gone from the server; it starts again."),
        "NoSuchResource": tr(_CTX, "The item does not exist."),
        "InternalError": tr(_CTX, "The service had an internal error; it will be retried."),
        "ServiceUnavailable": tr(_CTX, "The service is unavailable right now; it will be retried."),
        # our own codes
        "file.missing": tr(_CTX, "The file is missing: it was moved or deleted."),
        "file.empty": tr(_CTX, "The file is empty."),
        "file.unreadable": tr(_CTX, "The file cannot be read (permissions?)."),
        "file.not-regular": tr(_CTX, "This is not a regular file."),
        "file.changed": tr(_CTX, "The file changed during the upload; upload it again."),
        "integrity": tr(_CTX, "The uploaded data did not match the file (checksum mismatch)."),
        "network": tr(_CTX, "Network problem: the server could not be reached."),
        "cancelled": tr(_CTX, "Cancelled."),
        "config": tr(_CTX, "The account settings are incomplete or wrong."),
        "secret-store": tr(_CTX, "The system keychain refused to store or read the secret."),
        "malformed-response": tr(_CTX, "The server answered in an unexpected format."),
    }


def error_sentence(
    code: str, message: str = "", request_id: str = "", *, family: bool = True, service_code: str = ""
) -> str:
    """One readable line: the sentence for ``code`` (or the raw message), then code and RequestId.

    An unknown code still shows the service's own message so no information is lost. ``family``:
    an unknown ``Family.Detail`` code may use the family's sentence (service codes); our own domain
    errors say exactly what went wrong in their message, which a generic sentence would hide.
    ``service_code``: the service's own code, shown too when ``code`` is a more specific one of ours.
    """
    if not code and not message:
        return ""
    sentences = _sentences()
    text = sentences.get(code)
    if text is None and family and "." in code:  # "QuotaExceeded.Foo" → family sentence if known
        text = sentences.get(code.split(".", 1)[0])
    if text is None:
        text = message or tr(_CTX, "Something went wrong.")
    details = [c for c in dict.fromkeys((service_code, code)) if c]
    if request_id:
        details.append(tr(_CTX, "RequestId %1").replace("%1", request_id))
    return f"{text} ({', '.join(details)})" if details else text


def describe_error(error: BaseException) -> str:
    """A sentence for any exception a background call raised (panels show it in a label or a box)."""
    if isinstance(error, ServiceError):
        # ``code`` is the service's code, or a stable one of ours where we know more (signature.*).
        return error_sentence(
            error.code, error.facts.message, error.request_id, service_code=error.service_code
        )
    if isinstance(error, SourceFileError):
        return f"{error_sentence(error.code, error.message, family=False)} — {error.path}"
    if isinstance(error, VodStudioError):
        return error_sentence(error.code, error.message, family=False)
    return error_sentence("", f"{type(error).__name__}: {error}")
