"""Translation catalogues: extract the UI's strings into .ts files, fill English plurals, compile .qm.

    python packaging/i18n.py update    # after changing UI strings: refresh resources/i18n/*.ts
    python packaging/i18n.py compile   # .ts -> .qm (./dev and the bundle build run this)
    python packaging/i18n.py check     # exit 1 if a zh_CN entry is unfinished or a string is missing

The English catalogue exists for plurals only: "%n file(s)" becomes "1 file" / "2 files"; every other
English string is its own source text. The Chinese one is written by hand in the .ts file (Qt
Linguist opens it too).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET  # parses only the project's own .ts catalogues
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "vodstudio" / "ui"
LOCALES = ("zh_CN", "en")
_PLURAL = re.compile(r"\((s|es)\)")


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6-Essentials)")
    return found


def ts_path(locale: str) -> Path:
    return I18N / f"vodstudio_{locale}.ts"


def update() -> None:
    files = sorted(str(p) for p in SOURCES.rglob("*.py"))
    for locale in LOCALES:
        args = [_tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none"]
        args += ["-source-language", "en", "-target-language", locale, "-ts", str(ts_path(locale))]
        subprocess.run(args, check=True, capture_output=True)
    fill_english_plurals(ts_path("en"))


# The verb after a counted noun agrees with it: "1 upload is running", "2 uploads are running".
_AGREEING_VERBS = (("(s) are ", "(s) is "), ("(s) have ", "(s) has "), ("(s) were ", "(s) was "))


def english_forms(source: str) -> tuple[str, str]:
    """``"%n file(s) queued"`` → ``("%n file queued", "%n files queued")``; ``"%n upload(s) are"`` →
    ``("%n upload is", "%n uploads are")``."""
    singular = source
    for plural_verb, singular_verb in _AGREEING_VERBS:
        singular = singular.replace(plural_verb, singular_verb)
    return _PLURAL.sub("", singular), _PLURAL.sub(lambda m: m.group(1), source)


def _finished(translation: ET.Element) -> bool:
    forms = [(form.text or "").strip() for form in translation.iter("numerusform")]
    return translation.get("type") is None and bool(forms) and all(forms)


def fill_english_plurals(path: Path) -> None:
    tree = ET.parse(path)  # noqa: S314
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if _finished(translation):  # written (or corrected) by hand: kept
            continue
        for child in list(translation):
            translation.remove(child)
        for form in english_forms(source):
            ET.SubElement(translation, "numerusform").text = form
        translation.attrib.pop("type", None)
    _write(tree, path)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")


def compile_all(out_dir: Path = I18N) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for locale in LOCALES:
        target = out_dir / f"vodstudio_{locale}.qm"
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts_path(locale)), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
        made.append(target)
    return made


def unfinished(path: Path) -> list[str]:
    """Sources whose translation is missing, empty or marked unfinished."""
    missing = []
    for message in ET.parse(path).iter("message"):  # noqa: S314
        translation = message.find("translation")
        forms = [] if translation is None else [f.text or "" for f in translation.iter("numerusform")]
        text = "" if translation is None else (translation.text or "")
        empty = not any(forms) if message.get("numerus") == "yes" else not text.strip()
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or empty:
            missing.append(message.findtext("source") or "")
    return missing


def pseudo_catalogue(source_ts: Path, target_ts: Path, *, stretch: float = 1.4) -> Path:
    """A pseudo-locale: every string 40 % longer (accented, bracketed) to find clipped labels."""
    tree = ET.parse(source_ts)  # noqa: S314
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if _finished(translation):  # written (or corrected) by hand: kept
            continue
        for child in list(translation):
            translation.remove(child)
        longer = _stretched(source, stretch)
        if message.get("numerus") == "yes":
            for form in english_forms(longer):
                ET.SubElement(translation, "numerusform").text = form
            translation.text = None
        else:
            translation.text = longer
        translation.attrib.pop("type", None)
    _write(tree, target_ts)
    return target_ts


_ACCENTS = str.maketrans("aeiouAEIOUcnsyCNSY", "àéîöüÀÉÎÖÜçñšýÇÑŠÝ")


def _stretched(text: str, stretch: float) -> str:
    # Placeholders (%1, %n, &mnemonics) survive; the padding goes at the end.
    padded = text.translate(_ACCENTS)
    extra = max(2, round(len(text) * (stretch - 1)))
    return f"[{padded}{'~' * extra}]"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        update()
        return 0
    if command == "compile":
        for path in compile_all():
            print(path)
        return 0
    if command == "check":
        missing = unfinished(ts_path("zh_CN"))
        for source in missing:
            print(f"unfinished zh_CN: {source!r}")
        return 1 if missing else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
