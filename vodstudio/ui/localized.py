"""Numbers, sizes, speeds and times as the user's language writes them (QLocale's default locale,
which ``i18n.install_translators`` sets to the language the app speaks)."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QDateTime, QLocale


def number_text(value: int) -> str:
    """``1998`` → ``1,998`` (or the locale's grouping)."""
    return QLocale().toString(int(value))


def size_text(count: float) -> str:
    """Bytes in KB/MB/GB (base 1024, like file managers), with the locale's decimal sign."""
    if not math.isfinite(count):
        return "–"
    return QLocale().formattedDataSize(
        max(0, int(count)), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def rate_text(bytes_per_second: float) -> str:
    if not math.isfinite(bytes_per_second) or bytes_per_second <= 0:
        return ""
    return (
        QLocale().formattedDataSize(
            int(bytes_per_second), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
        )
        + "/s"
    )


def date_time_text(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """A moment in the user's time zone, in the locale's short date and time format; ``–`` if unknown."""
    if moment is None:
        return "–"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    value = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    if not seconds:
        return locale.toString(value, QLocale.FormatType.ShortFormat)
    date = locale.toString(value.date(), QLocale.FormatType.ShortFormat)
    return f"{date} {locale.toString(value.time(), QLocale.FormatType.LongFormat).split(' ')[0]}"


# Scripts whose sentences follow one another without a space ("已提交 2 个条目。未提交：…").
_NO_SPACE_BETWEEN_SENTENCES = frozenset({QLocale.Language.Chinese, QLocale.Language.Japanese})


def sentences(*parts: str) -> str:
    """Sentences (or a lead-in and what follows it) joined as the app's language writes them: with a
    space in English, none in Chinese. Empty parts are left out."""
    glue = "" if QLocale().language() in _NO_SPACE_BETWEEN_SENTENCES else " "
    return glue.join(part.strip() for part in parts if part and part.strip())


def list_text(items: list[str]) -> str:
    """``a; b; c`` in English, ``a；b；c`` in Chinese."""
    glue = "；" if QLocale().language() in _NO_SPACE_BETWEEN_SENTENCES else "; "
    return glue.join(items)
