"""Translation conventions: every user-visible string goes through ``tr``/``self.tr``; .qm loading."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

# resources/i18n/vodstudio_<locale>.qm (compiled from .ts with pyside6-lrelease). None ship yet: the
# Chinese catalogue comes in a later issue, so every string is marked now to make that a data change.
I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
CATALOGUE = "vodstudio"


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject (module-level tables, dataclasses). ``context`` is usually a class name.

    pyside6-lupdate finds calls written literally as ``tr("Context", "Text")`` — keep both literal.
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's own and our catalogue for ``locale``; return them (the caller keeps the references)."""
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), (CATALOGUE, str(I18N_DIR))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
            log.info("translator loaded: %s for %s", name, locale.name())
    return installed
