"""Languages: which catalogue to load (the system's language, or the user's choice), and loading it.

Conventions that keep every string translatable (``tests/ui/test_i18n.py`` checks the catalogues):
inside a QObject subclass, ``self.tr("literal")`` (the class name is the context); at module level,
``QCoreApplication.translate("LiteralContext", "literal")``. Plurals use ``%n`` with the count as the
third argument: ``self.tr("%n file(s)", "", n)``; the English catalogue spells out "1 file", "2 files".
Never a variable context and never an f-string inside ``tr``: the extractor cannot see those.

Catalogues live in ``resources/i18n/vodstudio_<locale>.ts`` (source, in git) and are compiled to
``.qm`` at build time (``python packaging/i18n.py compile``, run by ``./dev`` and the bundle build).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
CATALOGUE = "vodstudio"
# What the app ships, in the order the language menu lists them ("" = follow the system).
LANGUAGES: tuple[tuple[str, str], ...] = (("", "System"), ("en", "English"), ("zh_CN", "简体中文"))
QT_CATALOGUES = ("qtbase", "qtmultimedia")


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The catalogue to load: the user's choice, else the system's language if we ship it, else English.

    Every Chinese locale gets the simplified catalogue (the only Chinese one we have); a creator in
    Taipei reads simplified Chinese more easily than English.
    """
    if choice in {code for code, _ in LANGUAGES if code}:
        return choice
    locale = system or QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return "en"


def install_translators(
    app: QCoreApplication, language: str = "", *, folder: Path = I18N_DIR
) -> list[QTranslator]:
    """Load Qt's own catalogues and ours for ``language``; return them (the caller keeps the references).

    Also makes that locale the default, so numbers and dates follow the language the user reads.
    """
    code = resolve_language(language)
    locale = QLocale(code)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources = [(name, qt_dir) for name in QT_CATALOGUES if code != "en"] + [(CATALOGUE, str(folder))]
    for name, where in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
            log.info("translator loaded: %s for %s", name, code)
        elif name == CATALOGUE:
            log.warning("no %s catalogue for %s in %s (run packaging/i18n.py compile)", name, code, where)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
