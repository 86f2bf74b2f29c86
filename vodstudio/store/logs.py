"""Rotating log file for the profile, with every secret, signature and token scrubbed before writing."""

from __future__ import annotations

import base64
import binascii
import io
import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path
from urllib.parse import quote

from vodstudio.store.paths import ProfilePaths, create_private

MASK = "***"
LOG_FILE_NAME = "vodstudio.log"
_MAX_BYTES = 2 * 1024 * 1024
_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_SENSITIVE_KEYS = (
    r"AccessKeySecret|access_key_secret|SecurityToken|security_token|security-token|UploadAuth|upload_auth"
    r"|Signature|x-oss-signature|x-oss-credential|X-Amz-Signature|SecretAccessKey|secret_key|secret|password|sk"
)
# key=value (query strings, form bodies, log text); "Signature" must not eat SignatureNonce=...
_KEY_VALUE = re.compile(
    rf"(?<![A-Za-z0-9_-])({_SENSITIVE_KEYS})=('[^']*'|\"[^\"]*\"|[^&\s\"',;)}}\]]+)", re.IGNORECASE
)
# JSON ("Key": "value") and Python reprs ('Key': 'value')
_QUOTED = re.compile(rf"([\"'])({_SENSITIVE_KEYS})\1(\s*:\s*)([\"'])(.*?)(?<!\\)\4", re.IGNORECASE)
# Authorization headers: keep the scheme (OSS, ACS3-HMAC-SHA256, SDK-HMAC-SHA256, Bearer), drop the rest.
_AUTHORIZATION = re.compile(
    r"(authorization[\"']?\s*[:=]\s*[\"']?)([A-Za-z0-9-]+ )?([^\"'\r\n]+)", re.IGNORECASE
)
_TOKEN_HEADERS = re.compile(
    r"((?:x-oss-security-token|x-security-token|x-acs-security-token|x-auth-token|x-subject-token)"
    r"[\"']?\s*[:=]\s*[\"']?)([^\"'\s,&]+)",
    re.IGNORECASE,
)
# Base64 JSON blobs ("eyJ" = '{"'): UploadAuth as VOD hands it out.
_B64_JSON = re.compile(r"eyJ[A-Za-z0-9+/_-]{30,}={0,2}")

_registered: set[str] = set()
_registered_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Scrub this literal (and its percent-encoded form) from every later log line."""
    if len(value) < 4:  # too short to scrub without mangling ordinary text
        return
    with _registered_lock:
        _registered.add(value)
        _registered.add(quote(value, safe=""))


def forget_secret(value: str) -> None:
    with _registered_lock:
        _registered.discard(value)
        _registered.discard(quote(value, safe=""))


def _scrub_b64(match: re.Match[str]) -> str:
    blob = match.group(0)
    try:
        decoded = base64.b64decode(blob + "=" * (-len(blob) % 4), altchars=b"-_" if "-" in blob else None)
    except (binascii.Error, ValueError):
        return blob
    text = decoded.decode("utf-8", "replace")
    if re.search(r"Secret|Token|Signature", text, re.IGNORECASE):
        return MASK
    return blob


def _scrub_quoted(match: re.Match[str]) -> str:
    quote_char, key, colon, value_quote = match.group(1), match.group(2), match.group(3), match.group(4)
    return f"{quote_char}{key}{quote_char}{colon}{value_quote}{MASK}{value_quote}"


def redact(text: str) -> str:
    """``text`` with secrets, signatures, tokens and UploadAuth values replaced by ``***``."""
    if not text:
        return text
    with _registered_lock:
        literals = sorted(_registered, key=len, reverse=True)
    for literal in literals:
        if literal in text:
            text = text.replace(literal, MASK)
    text = _B64_JSON.sub(_scrub_b64, text)
    text = _AUTHORIZATION.sub(lambda m: f"{m.group(1)}{m.group(2) or ''}{MASK}", text)
    text = _TOKEN_HEADERS.sub(lambda m: f"{m.group(1)}{MASK}", text)
    text = _QUOTED.sub(_scrub_quoted, text)
    return _KEY_VALUE.sub(lambda m: f"{m.group(1)}={MASK}", text)


class RedactingFilter(logging.Filter):
    """Renders the message (and traceback) once, scrubbed, so no handler ever sees the raw text."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_OWNED_ATTR = "_vodstudio_handler"


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Log files are created 0600: they name files, media ids and request ids."""

    def _open(self) -> io.TextIOWrapper:
        create_private(Path(self.baseFilename))
        return super()._open()


def setup_logging(paths: ProfilePaths, *, level: int = logging.INFO, console: bool = False) -> Path:
    """Send the ``vodstudio`` loggers to a rotating file in ``paths.log_dir`` (+ stderr if ``console``).

    Calling it again replaces the handlers it installed before. Returns the log file's path.
    """
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    log_file = paths.log_dir / LOG_FILE_NAME
    logger = logging.getLogger("vodstudio")
    for handler in list(logger.handlers):
        if getattr(handler, _OWNED_ATTR, False):
            logger.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = [
        _PrivateRotatingHandler(
            log_file, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True
        )
    ]
    if console:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        handler.setFormatter(logging.Formatter(_FORMAT))
        setattr(handler, _OWNED_ATTR, True)
        logger.addHandler(handler)
    logger.setLevel(level)
    return log_file
