"""The one error hierarchy: stable codes plus the service's own facts; ui/ turns codes into sentences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


class VodStudioError(Exception):
    """Base of every error the domain raises.

    ``code`` is stable and machine-readable (``ui/`` maps it to a translated sentence);
    ``retryable`` says whether trying the same thing again later may succeed.
    """

    default_code: ClassVar[str] = "error"
    default_retryable: ClassVar[bool] = False

    def __init__(self, message: str, *, code: str | None = None, retryable: bool | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code or self.default_code
        self.retryable = self.default_retryable if retryable is None else retryable

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class ConfigError(VodStudioError):
    """No account, an unknown account name, a bad endpoint: the user must change a setting."""

    default_code = "config"


class SecretStoreError(VodStudioError):
    """The OS keychain refused or is missing (the secret is then kept in memory only)."""

    default_code = "secret-store"


class NetworkError(VodStudioError):
    """Timeouts, refused or dropped connections: always worth another try."""

    default_code = "network"
    default_retryable = True


class StalledError(NetworkError):
    """The server stopped answering: no complete answer within the call's overall deadline."""

    default_code = "network.stalled"


class RedirectError(VodStudioError):
    """A server answered with a redirect. Never followed: the credential must not go to another host."""

    default_code = "redirect"

    def __init__(self, message: str, *, code: str | None = None, location_host: str = "") -> None:
        super().__init__(message, code=code, retryable=False)
        self.location_host = location_host


class StorageError(VodStudioError):
    """The profile's database cannot be written or read: disk full, read-only, damaged.

    Codes: ``storage.full``, ``storage.read-only``, ``storage.corrupt``, ``storage.io``. A job that meets
    one is not at fault: it resumes once the disk is fixed.
    """

    default_code = "storage.io"


class EngineBusyError(VodStudioError):
    """Another process is running the upload queue of this profile (store/engine_lock.py)."""

    default_code = "engine.busy"

    def __init__(self, pid: int | None) -> None:
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(
            f"another VOD Studio process ({who}) is uploading from this profile; "
            "wait for it to finish, or add the files there",
            retryable=True,
        )
        self.pid = pid


class MalformedResponseError(VodStudioError):
    """The server answered, but not in the shape the protocol promises."""

    default_code = "malformed-response"


class CancelledError(VodStudioError):
    """The user (or shutdown) cancelled the work."""

    default_code = "cancelled"


class IntegrityError(VodStudioError):
    """A checksum did not match: the data on the server is not the data we sent."""

    default_code = "integrity"


class SourceFileError(VodStudioError):
    """A local file is missing, empty, unreadable, not a regular file, or changed under us.

    Codes: ``file.missing``, ``file.empty``, ``file.unreadable``, ``file.not-regular``, ``file.changed``.
    """

    default_code = "file"

    def __init__(self, message: str, *, code: str, path: str) -> None:
        super().__init__(message, code=code, retryable=False)
        self.path = path


class PresetError(VodStudioError):
    """An upload preset is unknown, its name taken or unusable, or a presets file is not valid.

    Codes: ``preset.not-found``, ``preset.exists``, ``preset.name``, ``preset.invalid-file``;
    ``name`` is the preset concerned, ``field`` the entry of a file that was refused.
    """

    default_code = "preset.invalid-file"

    def __init__(self, message: str, *, code: str, name: str = "", field: str = "") -> None:
        super().__init__(message, code=code, retryable=False)
        self.name = name
        self.field = field


@dataclass(frozen=True)
class ServiceFacts:
    """What a cloud service said about a failed request."""

    provider: str  # "aliyun" (VOD RPC), "oss", "huawei"
    service_code: str  # e.g. "InvalidVideo.NotFound", "SecurityTokenExpired", "APIGW.0301"
    message: str
    request_id: str = ""
    http_status: int = 0
    host_id: str = ""
    recommend: str = ""
    ec: str = ""  # OSS error class, e.g. "0002-00000007"


class ServiceError(VodStudioError):
    """A cloud service rejected a request. ``facts`` keeps everything it told us."""

    default_code = "service"

    def __init__(self, facts: ServiceFacts, *, retryable: bool | None = None) -> None:
        super().__init__(facts.message, code=facts.service_code, retryable=retryable)
        self.facts = facts

    @property
    def service_code(self) -> str:
        return self.facts.service_code

    @property
    def request_id(self) -> str:
        return self.facts.request_id

    @property
    def http_status(self) -> int:
        return self.facts.http_status

    def __str__(self) -> str:
        rid = f" (RequestId {self.facts.request_id})" if self.facts.request_id else ""
        return f"{self.facts.service_code}: {self.facts.message}{rid}"


class ThrottledError(ServiceError):
    """Throttling, flow control or HTTP 429: back off and retry."""

    default_retryable = True


class ServerSideError(ServiceError):
    """InternalError, ServiceUnavailable, 5xx: transient on the service side."""

    default_retryable = True


class AuthError(ServiceError):
    """Bad signature, unknown or disabled key, missing permission: retrying will not help."""


class SignatureRejectedError(AuthError):
    """The service refused how the request was signed. Never retried: the same signature fails again.

    ``code`` is stable (``signature.mismatch``, ``signature.refused``, ``signature.oss-v1-refused``),
    ``service_code`` keeps what the service said, and ``advice`` says what to change.
    """

    ADVICE: ClassVar[dict[str, str]] = {
        "signature.mismatch": (
            "The service computed a different request signature. Check the AccessKey secret; if it is "
            "right, switch the account's request signature (ACS3-HMAC-SHA256 or HMAC-SHA1) in the "
            "accounts dialog or with `vodstudio account edit NAME --signature ...`."
        ),
        "signature.refused": (
            "The service does not accept this request signature scheme. Set the account's request "
            "signature to ACS3-HMAC-SHA256 (recommended), in the accounts dialog or with "
            "`vodstudio account edit NAME --signature acs3-hmac-sha256`."
        ),
        "signature.oss-v1-refused": (
            "The bucket refuses OSS V1 signatures (accounts created since March 2025 and buckets since "
            "September 2025); uploads must be signed with OSS V4."
        ),
    }

    def __init__(self, facts: ServiceFacts, *, code: str) -> None:
        super().__init__(facts, retryable=False)
        self.code = code
        # The message is what a job records and the CLI prints: the service's words, then the advice.
        self.message = f"{facts.message} {self.advice}".strip()

    @property
    def advice(self) -> str:
        return self.ADVICE[self.code]

    def __str__(self) -> str:
        rid = f" (RequestId {self.facts.request_id})" if self.facts.request_id else ""
        return f"{self.facts.service_code}: {self.message}{rid}"


class ClockSkewError(AuthError):
    """The request timestamp was rejected (InvalidTimeStamp.Expired): correct the clock offset once."""


class CredentialExpiredError(AuthError):
    """An upload (STS) credential expired or is unknown to OSS: refresh it, then retry the request."""

    default_retryable = True


class NotFoundError(ServiceError):
    """The video, image, upload or resource does not exist."""


class InvalidParameterError(ServiceError):
    """A parameter is missing, malformed or over a limit."""


class QuotaExceededError(ServiceError):
    """A daily quota (CDN refresh/prefetch) or a count limit is used up."""


_THROTTLING_PREFIXES = ("Throttling", "ServiceBusy", "PreloadQueueFull", "RequestTimeTooSkewed.Throttle")
_SERVER_CODES = frozenset(
    {"InternalError", "UnknownError", "ServiceUnavailable", "ServiceUnAvailable", "AddVideoFailed"}
)
_CREDENTIAL_CODES = frozenset(
    {"SecurityTokenExpired", "InvalidAccessKeyId", "InvalidSecurityToken", "InvalidSecurityToken.Expired"}
)
_AUTH_PREFIXES = (
    "SignatureDoesNotMatch",
    "InvalidAccessKeyId",
    "IncompleteSignature",
    "SignatureNonceUsed",
    "MissingSecurityToken",
    "Forbidden",
    "AccessDenied",
    "OperationDenied",
    "APIGW.03",
    "APIG.03",
    "InvalidAccessKeySecret",
)


# The OSS error class of "OSS no longer supports V1 signatures" (403 AccessDenied).
OSS_V1_REFUSED_EC = "0002-00000080"


def _signature_code(facts: ServiceFacts) -> str:
    if facts.provider == "oss" and facts.ec == OSS_V1_REFUSED_EC:
        return "signature.oss-v1-refused"
    if facts.provider in ("aliyun", "oss") and facts.service_code == "SignatureDoesNotMatch":
        return "signature.mismatch"
    if facts.provider == "aliyun" and facts.service_code == "IncompleteSignature":
        return "signature.refused"
    return ""


def classify(facts: ServiceFacts) -> ServiceError:
    """Build the right ``ServiceError`` subclass for what a service said.

    The decision uses the service code first and the HTTP status second, so that a 400
    ``Throttling`` and a 503 ``Throttling`` are both throttling, and an unknown 5xx is transient.
    """
    code = facts.service_code
    status = facts.http_status
    signature_code = _signature_code(facts)
    if signature_code:
        return SignatureRejectedError(facts, code=signature_code)
    if code == "InvalidTimeStamp.Expired":
        return ClockSkewError(facts)
    if facts.provider == "oss" and code in _CREDENTIAL_CODES:
        return CredentialExpiredError(facts)
    if code.startswith(_THROTTLING_PREFIXES) or status == 429:
        return ThrottledError(facts)
    if code.startswith(_AUTH_PREFIXES) or status == 401:
        return AuthError(facts)
    if code.startswith("QuotaExceeded") or (code.endswith("ExceededMax") and "Quota" in code):
        return QuotaExceededError(facts)
    if code in _SERVER_CODES or status >= 500:
        return ServerSideError(facts)
    if "NotFound" in code or code.startswith("NoSuch") or status == 404:
        return NotFoundError(facts)
    if (
        code.startswith(("Missing", "Invalid", "IllegalCharacters", "LengthExceededMax"))
        or "ExceededMax" in code
        or status == 400
    ):
        return InvalidParameterError(facts)
    return ServiceError(facts)
