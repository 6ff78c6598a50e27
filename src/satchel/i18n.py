"""Interface language: Qt translators, the locale for dates and numbers, the chosen language.

One `.qm` per language, `satchel/resources/translations/satchel_<lang>.qm` inside the
package (found through importlib.resources, so a source checkout, a wheel and a frozen
build look in the same place), is installed as a QTranslator, plus Qt's own translations
for standard buttons. The `.qm` is compiled from `resources/translations/satchel_<lang>.ts`
at the top of the repository (tools/build_translations.py; `make translations`, and the
wheel build); in a checkout a missing or older `.qm` is compiled at start-up when
`pyside6-lrelease` is at hand, so the client works before `make translations`. The
language is one of the two things kept outside the vault (with window geometry); this
module never stores anything else.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Iterable
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from satchel.app_settings import app_settings
from satchel.core.dates import ENGLISH, RUSSIAN, DateWords, FuzzyDate, PartialDate
from satchel.core.units import format_size as units_format_size
from satchel.settings import LANGUAGE

__all__ = [
    "LANGUAGES",
    "Catalogue",
    "current_language",
    "date_words",
    "format_date",
    "format_datetime",
    "format_fuzzy",
    "format_number",
    "format_partial",
    "install_translations",
    "lrelease_path",
    "save_language",
    "saved_language",
    "source_translations_dir",
    "translations_dir",
]

_log = logging.getLogger(__name__)

# Language code → its own name (shown in the settings in that language, so a user who
# cannot read the current one still finds theirs).
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский"}

_installed: list[QTranslator] = []
_loaded: list[Path] = []  # the .qm files behind `_installed`
_current: str | None = None  # None until the first install sets the locale too


def translations_dir() -> Path:
    """The compiled `.qm` files inside the package (wheel, editable install, frozen build)."""
    return Path(str(resources.files("satchel") / "resources" / "translations"))


def source_translations_dir() -> Path | None:
    """`resources/translations` of the source checkout this package runs from, if any."""
    folder = Path(str(resources.files("satchel"))).resolve().parent.parent
    candidate = folder / "resources" / "translations"
    return candidate if candidate.is_dir() else None


def lrelease_path() -> str | None:
    """The `pyside6-lrelease` next to this interpreter, or on PATH."""
    local = Path(sys.executable).with_name("pyside6-lrelease")
    if local.exists():
        return str(local)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, lrelease: str, qm: Path | None = None) -> Path:
    """Compile one `.ts` into `qm` (default: next to it); returns the `.qm` path."""
    qm = qm or ts.with_suffix(".qm")
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 (fixed tool, our own files)
        [lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )
    return qm


def _qm_file(language: str) -> Path | None:
    """The language's `.qm`; in a checkout, compiled first if missing or older than its
    `.ts`. None when there is none (the interface then stays in English)."""
    qm = translations_dir() / f"satchel_{language}.qm"
    sources = source_translations_dir()
    ts = sources / f"satchel_{language}.ts" if sources is not None else None
    if (
        ts is not None
        and ts.exists()
        and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    ):
        tool = lrelease_path()
        if tool is not None:
            try:
                compile_ts(ts, tool, qm)
            except (OSError, subprocess.CalledProcessError) as exc:
                # A read-only install still has its shipped .qm; say why and go on.
                _log.warning("Could not compile %s: %s", ts.name, exc)
    return qm if qm.exists() else None


def _remove_installed() -> None:
    app = QCoreApplication.instance()
    for tr in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(tr)
    _installed.clear()


def install_translations(language: str) -> list[Path]:
    """Switch the interface to `language` ("en" or "ru"); returns the `.qm` files loaded.

    English is the source language and needs no translator. Also sets the default QLocale,
    so dates and numbers follow the interface language.
    """
    global _current
    if language not in LANGUAGES:
        language = "en"
    if language == _current:
        # Already so: reinstalling would send every widget a LanguageChange for nothing.
        return list(_loaded)
    _remove_installed()
    _current = language
    QLocale.setDefault(QLocale(language))
    _loaded.clear()
    if language == "en":
        return []
    qm = _qm_file(language)
    tr = QTranslator()
    if qm is None:
        _log.warning("No translation for %s", language)
    elif tr.load(str(qm)):
        QCoreApplication.installTranslator(tr)
        _installed.append(tr)
        _loaded.append(qm)
    else:
        _log.warning("Could not load translation %s", qm.name)
    # Qt's own strings: standard buttons (OK, Cancel), the file dialog, the wizard.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase",):
        tr = QTranslator()
        if tr.load(f"{base}_{language}", qt_dir):
            QCoreApplication.installTranslator(tr)
            _installed.append(tr)
    return list(_loaded)


def current_language() -> str:
    return _current or "en"


class Catalogue:
    """The words, dates and numbers of one language, looked up directly, never installed.

    A report in another language than the interface's reads its words here: the interface
    keeps its language (no translator is installed or removed), and a catalogue only reads,
    so a worker thread may use one made on the GUI thread.
    """

    def __init__(self, language: str | None = None) -> None:
        if language is None:
            language = current_language()
        self.language = language if language in LANGUAGES else "en"
        self.locale = QLocale(self.language)
        self.date_words = RUSSIAN if self.language == "ru" else ENGLISH
        self._translator: QTranslator | None = None
        if self.language != "en":
            qm = _qm_file(self.language)
            translator = QTranslator()
            if qm is not None and translator.load(str(qm)):
                self._translator = translator
            else:
                _log.warning("No translation for %s", self.language)

    def translate(self, context: str, text: str) -> str:
        """`text` of `context` in this language (the source text when untranslated)."""
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text

    def format_size(self, size: int) -> str:
        units = tuple(self.translate("Sizes", u) for u in ("B", "kB", "MB", "GB", "TB"))
        return units_format_size(size, decimal=self.locale.decimalPoint(), units=units)


def _system_language(ui_languages: Iterable[str]) -> str:
    for lang in ui_languages:
        code = lang.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def saved_language() -> str:
    """The language chosen in the settings, else the system's if we have it, else English."""
    value = app_settings().value(LANGUAGE.key, LANGUAGE.default)
    if isinstance(value, str) and value in LANGUAGES:
        return value
    return _system_language(QLocale.system().uiLanguages())


def save_language(language: str) -> None:
    app_settings().setValue(LANGUAGE.key, language)


# -- dates and numbers in the chosen locale --------------------------------------------------


def date_words() -> DateWords:
    """The words for uncertain dates (`FuzzyDate.display`) in the interface language."""
    return RUSSIAN if current_language() == "ru" else ENGLISH


def format_fuzzy(value: FuzzyDate) -> str:
    return value.display(date_words())


def format_partial(value: PartialDate | None) -> str:
    if value is None:
        return ""
    return FuzzyDate.on(value).display(date_words())


def format_date(value: date | None) -> str:
    """A calendar day as the chronology writes it: "10 Dec 2025", "10 дек. 2025".

    Not the locale's short numeric form: "12/10/25" reads as October in most of the world
    and as December in the US, and a lawyer must never have to guess.
    """
    if value is None:
        return ""
    return FuzzyDate.on(date(value.year, value.month, value.day)).display(date_words())


def format_datetime(value: datetime | None) -> str:
    """An instant in the computer's time zone: "10 Dec 2025, 14:05"."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    time_text = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{format_date(local.date())}, {time_text}"


def format_size(size: int) -> str:
    """A byte count in the interface language and locale: '2.4 MB', '2,4 МБ', '512 B'."""
    units = (
        QCoreApplication.translate("Sizes", "B"),
        QCoreApplication.translate("Sizes", "kB"),
        QCoreApplication.translate("Sizes", "MB"),
        QCoreApplication.translate("Sizes", "GB"),
        QCoreApplication.translate("Sizes", "TB"),
    )
    return units_format_size(size, decimal=QLocale().decimalPoint(), units=units)


def format_number(value: int) -> str:
    return QLocale().toString(value)
