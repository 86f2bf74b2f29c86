"""Codes → readable, translated sentences: error codes (keeping the service's code and RequestId) and
the VOD media statuses (``UploadSucc`` → "Uploaded, waiting to transcode")."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vodstudio.core.errors import ServiceError, SourceFileError, VodStudioError


class ErrorText(QObject):
    """Holds the sentences; ``self.tr`` gives the translation tools a literal context ("ErrorText")."""

    def sentences(self) -> dict[str, str]:
        # Built on each call (cheap) so a translator installed later is honoured.
        return {
            # credentials and signing
            "SecurityTokenExpired": self.tr("The temporary upload credential expired."),
            "InvalidAccessKeyId.NotFound": self.tr("The AccessKey ID does not exist. Check the account."),
            "InvalidAccessKeyId": self.tr("The AccessKey ID was not accepted. Check the account settings."),
            "InvalidAccessKeyId.Inactive": self.tr("This AccessKey is disabled in the cloud console."),
            "SignatureDoesNotMatch": self.tr(
                "The request signature was rejected: the AccessKey secret is probably wrong."
            ),
            "IncompleteSignature": self.tr("The request signature was rejected."),
            "signature.mismatch": self.tr(
                "The service computed a different request signature. Check the AccessKey secret; if it "
                "is right, switch the account's request signature (Accounts → Request signature)."
            ),
            "signature.refused": self.tr(
                "The service does not accept this request signature. Set the account's request "
                "signature to ACS3-HMAC-SHA256 (Accounts → Request signature)."
            ),
            "signature.oss-v1-refused": self.tr(
                "The bucket refuses OSS V1 signatures (new accounts and buckets); uploads must be signed "
                "with OSS V4."
            ),
            "InvalidTimeStamp.Expired": self.tr(
                "The computer's clock is too far off. Correct the system time."
            ),
            "Forbidden.RAM": self.tr("This AccessKey lacks the permission for this action (RAM policy)."),
            "APIGW.0301": self.tr(
                "Huawei Cloud rejected the AK/SK signature: check the AK, SK and project ID."
            ),
            "APIGW.0101": self.tr("Huawei Cloud does not know this API or endpoint."),
            # quotas and throttling
            "QuotaExceeded.Refresh": self.tr("Today's CDN refresh quota is used up."),
            "QuotaExceeded.Preload": self.tr("Today's CDN prefetch quota is used up."),
            "Throttling": self.tr("The service is throttling requests; it will be retried."),
            "Throttling.User": self.tr("Too many requests from this account; it will be retried."),
            # media
            "InvalidVideo.NotFound": self.tr("The video no longer exists."),
            "InvalidVideo.NoneStream": self.tr("The video has no playable stream yet."),
            "Forbidden.IllegalStatus": self.tr("The video is not in a state that allows this action."),
            "NoSuchUpload": self.tr("The unfinished upload is gone from the server; it starts again."),
            "NoSuchResource": self.tr("The item does not exist."),
            "InternalError": self.tr("The service had an internal error; it will be retried."),
            "ServiceUnavailable": self.tr("The service is unavailable right now; it will be retried."),
            "InvalidDomain.NotFound": self.tr("This CDN domain does not belong to the account."),
            "InvalidStorage.NotFound": self.tr(
                "This storage location does not exist in the account: check Advanced → Storage location."
            ),
            "InvalidTemplateGroupId.NotFound": self.tr("This transcoding template group does not exist."),
            # our own codes: files
            "file.missing": self.tr("The file is gone: it was moved or deleted."),
            "file.empty": self.tr("The file is empty."),
            "file.unreadable": self.tr("The file cannot be read (permissions?)."),
            "file.not-regular": self.tr("This is not a regular file."),
            "file.changed": self.tr("The file changed during the upload; upload it again."),
            "file.not-media": self.tr("VOD does not take this kind of file."),
            "file.too-large": self.tr("The file is too large for this."),
            "file.unwritable": self.tr("The file cannot be written here (permissions or disk space?)."),
            # our own codes: the rest
            "integrity": self.tr("The uploaded data did not match the file (checksum mismatch)."),
            "network": self.tr("Network problem: the server could not be reached."),
            "network.timeout": self.tr("The server stopped answering in time."),
            "network.stalled": self.tr("The server stopped answering."),
            "oss.redirect": self.tr("The storage server redirected the upload elsewhere; it was refused."),
            "api.redirect": self.tr("The API server redirected the request elsewhere; it was refused."),
            "storage.full": self.tr(
                "The disk holding the profile is full. Free some space; the upload resumes."
            ),
            "storage.read-only": self.tr("The profile folder is read-only: nothing can be saved."),
            "storage.corrupt": self.tr("The queue database is damaged; restart VOD Studio to set it aside."),
            "storage.io": self.tr("The profile's database could not be read or written."),
            "engine.busy": self.tr("Another VOD Studio process is uploading from this profile."),
            "cancelled": self.tr("Cancelled."),
            "config.missing-secret": self.tr(
                "The account's secret is not in the keychain any more: enter it again in Accounts."
            ),
            "config.provider": self.tr("This cloud cannot do that: switch to an account that can."),
            "config.no-account": self.tr("There is no account yet: add one in Accounts."),
            "secret-store": self.tr("The system keychain refused to store or read the secret."),
            "malformed-response": self.tr("The server answered in an unexpected format."),
            "cdn.unsupported": self.tr("This cloud cannot do this kind of CDN task."),
            "cdn.bad-items": self.tr("Some lines cannot be sent; fix or remove them."),
            "library.no-source": self.tr("This video has no downloadable source file."),
            "upload.expired": self.tr("The upload credential kept expiring before the file was sent."),
            "preset.not-found": self.tr("There is no preset with this name any more."),
            "preset.exists": self.tr("A preset with this name exists already."),
            "preset.name": self.tr("A preset name needs 1 to 64 characters on one line."),
            "preset.invalid-file": self.tr("This is not a valid VOD Studio presets file."),
            "watch.not-a-folder": self.tr("This folder does not exist (any more)."),
            "watch.settle": self.tr("The settle time must be at least one second."),
            "watch.no-path": self.tr("A watch folder needs a folder."),
        }

    def statuses(self) -> dict[str, str]:
        """VOD's media statuses as a creator would say them."""
        return {
            "Uploading": self.tr("Uploading"),
            "UploadFail": self.tr("Upload failed"),
            "UploadSucc": self.tr("Uploaded, waiting to transcode"),
            "Transcoding": self.tr("Transcoding"),
            "TranscodeFail": self.tr("Transcoding failed"),
            "Checking": self.tr("In review"),
            "Blocked": self.tr("Blocked"),
            "Normal": self.tr("Playable"),
            "ProduceFail": self.tr("Production failed"),
        }

    def unknown(self) -> str:
        return self.tr("Something went wrong.")

    def request_id(self, request_id: str) -> str:
        return self.tr("RequestId %1").replace("%1", request_id)


def status_text(status: str) -> str:
    """``UploadSucc`` → the translated words; an unknown status is shown as the service says it."""
    return ErrorText().statuses().get(status, status)


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
    texts = ErrorText()
    sentences = texts.sentences()
    text = sentences.get(code)
    if text is None and family and "." in code:  # "QuotaExceeded.Foo" → family sentence if known
        text = sentences.get(code.split(".", 1)[0])
    if text is None:
        text = message or texts.unknown()
    details = [c for c in dict.fromkeys((service_code, code)) if c]
    if request_id:
        details.append(texts.request_id(request_id))
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
    if isinstance(error, FileNotFoundError | PermissionError):  # a raw OS error that escaped a layer
        code = "file.missing" if isinstance(error, FileNotFoundError) else "file.unreadable"
        return f"{error_sentence(code)} — {error.filename or ''}".rstrip(" —")
    return error_sentence("", f"{type(error).__name__}: {error}")
